#include "rundetailsmodel.h"

#include "runformat.h"
#include "storelocation.h"

#include <QCollator>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace {

constexpr quintptr SectionId = 0; // section rows; value rows carry their section's position + 1

bool isSystemTag(const QString &key)
{
    return key.startsWith(QLatin1String("mlflow."));
}

} // namespace

RunDetailsModel::RunDetailsModel(QObject *parent) : QAbstractItemModel(parent) { }

void RunDetailsModel::clear()
{
    beginResetModel();
    m_sections.clear();
    m_runId.clear();
    m_runKey.clear();
    m_runName.clear();
    m_note.clear();
    m_datasetsError.clear();
    endResetModel();
}

void RunDetailsModel::setRun(const Store::RunTable &runs, int row, const QString &location,
                             const QString &runKey)
{
    if (row < 0 || row >= runs.size()) {
        clear();
        return;
    }
    beginResetModel();
    m_sections.clear();
    m_datasetsError.clear();
    const Store::RunAttributes &run = runs.run(row);
    m_runId = run.runId;
    m_runKey = runKey;
    m_runName = run.runName.isEmpty() ? run.runId : run.runName;
    m_note = runs.tag(row, QLatin1String(Store::Tags::Note)).value_or(QString());

    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const auto byKey = [&](const Entry &a, const Entry &b) { return collator.compare(a.key, b.key) < 0; };

    SectionRows attributes {Section::Attributes, {}};
    const auto addAttribute = [&](const QString &title, const QString &value,
                                  const QVariant &sortValue = {}) {
        if (!value.isEmpty())
            attributes.entries.append({title, value, {}, value, sortValue.isValid() ? sortValue : value});
    };
    addAttribute(tr("Run ID"), run.runId);
    addAttribute(tr("Run name"), run.runName);
    addAttribute(tr("Experiment ID"), run.experimentId);
    if (!location.isEmpty())
        addAttribute(tr("Store"), Store::Location::parse(location).displayLocation());
    addAttribute(tr("Status"), run.status);
    if (run.isDeleted())
        addAttribute(tr("Lifecycle"), run.lifecycleStage);
    addAttribute(tr("Start time"), RunFormat::dateTime(run.startTime), run.startTime);
    addAttribute(tr("End time"), RunFormat::dateTime(run.endTime), run.endTime);
    if (run.startTime != Store::NoTime && run.endTime != Store::NoTime)
        addAttribute(tr("Duration"), RunFormat::duration(run.endTime - run.startTime),
                     run.endTime - run.startTime);
    addAttribute(tr("User"), run.userId);
    addAttribute(tr("Source"), runs.tag(row, QLatin1String(Store::Tags::SourceName)).value_or(QString()));
    addAttribute(tr("Parent run"), run.parentRunId);
    addAttribute(tr("Artifact URI"), run.artifactUri);
    m_sections.append(attributes);

    SectionRows params {Section::Params, {}};
    for (const Store::RunTable::TextEntry &entry : runs.params(row)) {
        const QString value = runs.textString(entry);
        params.entries.append({runs.paramKeys().at(entry.key), value, {}, value, value});
    }
    std::sort(params.entries.begin(), params.entries.end(), byKey);
    m_sections.append(params);

    SectionRows metrics {Section::Metrics, {}};
    for (const Store::RunTable::MetricEntry &entry : runs.metrics(row)) {
        const Store::LatestMetric &metric = entry.metric;
        const QString value = RunFormat::metricValue(metric.value);
        const QString toolTip = tr("%1 at step %2, logged %3")
                                    .arg(QString::number(metric.value, 'g', 17))
                                    .arg(metric.step)
                                    .arg(RunFormat::dateTime(metric.timestamp));
        metrics.entries.append(
            {runs.metricKeys().at(entry.key), value, QString::number(metric.step), toolTip, metric.value});
    }
    std::sort(metrics.entries.begin(), metrics.entries.end(), byKey);
    m_sections.append(metrics);

    // The run's own tags first, then MLflow's system tags; the note is rendered apart.
    SectionRows tags {Section::Tags, {}};
    for (const Store::RunTable::TextEntry &entry : runs.tags(row)) {
        const QString &key = runs.tagKeys().at(entry.key);
        if (key == QLatin1String(Store::Tags::Note))
            continue;
        const QString value = runs.textString(entry);
        tags.entries.append({key, value, {}, value, value});
    }
    std::sort(tags.entries.begin(), tags.entries.end(), [&](const Entry &a, const Entry &b) {
        if (isSystemTag(a.key) != isSystemTag(b.key))
            return !isSystemTag(a.key);
        return byKey(a, b);
    });
    m_sections.append(tags);
    endResetModel();
}

void RunDetailsModel::setDatasets(const QString &runId, const Store::DatasetInputList &datasets)
{
    if (runId != m_runId || m_runId.isEmpty())
        return;
    m_datasetsError.clear();
    QList<Entry> entries;
    for (const Store::DatasetInput &dataset : datasets) {
        QStringList toolTip;
        toolTip << tr("Digest: %1").arg(dataset.digest) << tr("Source type: %1").arg(dataset.sourceType);
        if (!dataset.source.isEmpty())
            toolTip << tr("Source: %1").arg(dataset.source);
        QStringList value;
        if (!dataset.context.isEmpty())
            value << dataset.context;
        if (!dataset.sourceType.isEmpty())
            value << dataset.sourceType;
        if (!dataset.digest.isEmpty())
            value << dataset.digest;
        const QString shown = value.join(QStringLiteral(" \u00B7 "));
        entries.append({dataset.name, shown, {}, toolTip.join(QLatin1Char('\n')), dataset.name});
    }
    replaceSection(Section::Datasets, entries);
}

void RunDetailsModel::setDatasetsFailed(const QString &runId, const QString &message)
{
    if (runId != m_runId || m_runId.isEmpty())
        return;
    m_datasetsError = message;
    Entry entry {tr("Not readable"),
                 message,
                 {},
                 tr("The datasets of this run could not be read:\n%1").arg(message),
                 {}};
    entry.isError = true;
    replaceSection(Section::Datasets, {entry});
}

void RunDetailsModel::setRegisteredVersions(const QString &runId, const Store::ModelVersionList &versions)
{
    if (runId != m_runId || m_runId.isEmpty())
        return;
    QList<Entry> entries;
    for (const Store::ModelVersion &v : versions) {
        QStringList value {tr("v%1").arg(v.version), v.stage};
        for (const QString &alias : v.aliases)
            value << QLatin1Char('@') + alias;
        const QString shown = value.join(QStringLiteral(" \u00B7 "));
        entries.append({v.modelName,
                        shown,
                        {},
                        tr("%1 version %2 was registered from this run").arg(v.modelName).arg(v.version),
                        v.modelName});
    }
    replaceSection(Section::RegisteredVersions, entries);
}

// Datasets and registered versions arrive after the rest of the run: their section is removed
// and inserted rather than reset, so the view keeps its scroll position and expanded sections.
// Sections stay in the order of the Section enum.
void RunDetailsModel::replaceSection(Section section, const QList<Entry> &entries)
{
    if (const int old = sectionPosition(section); old >= 0) {
        beginRemoveRows({}, old, old);
        m_sections.removeAt(old);
        endRemoveRows();
    }
    if (entries.isEmpty())
        return;
    int position = 0;
    while (position < m_sections.size() && int(m_sections.at(position).section) < int(section))
        ++position;
    beginInsertRows({}, position, position);
    m_sections.insert(position, {section, entries});
    endInsertRows();
}

QString RunDetailsModel::sectionTitle(Section section)
{
    switch (section) {
    case Section::Attributes:
        return tr("Run");
    case Section::Params:
        return tr("Parameters");
    case Section::Metrics:
        return tr("Metrics");
    case Section::Tags:
        return tr("Tags");
    case Section::Datasets:
        return tr("Datasets");
    case Section::RegisteredVersions:
        return tr("Registered models");
    }
    return {};
}

int RunDetailsModel::sectionPosition(Section section) const
{
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).section == section)
            return i;
    }
    return -1;
}

QModelIndex RunDetailsModel::sectionIndex(Section section) const
{
    const int position = sectionPosition(section);
    return position < 0 ? QModelIndex() : createIndex(position, 0, SectionId);
}

bool RunDetailsModel::isSection(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() == SectionId;
}

RunDetailsModel::Section RunDetailsModel::section(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return Section::Attributes;
    const int position = isSection(index) ? index.row() : int(index.internalId() - 1);
    return m_sections.at(position).section;
}

QString RunDetailsModel::key(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isSection(index))
        return {};
    return m_sections.at(int(index.internalId() - 1)).entries.at(index.row()).key;
}

QString RunDetailsModel::value(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || isSection(index))
        return {};
    return m_sections.at(int(index.internalId() - 1)).entries.at(index.row()).value;
}

QModelIndex RunDetailsModel::indexOfKey(Section section, const QString &key, int column) const
{
    const int position = sectionPosition(section);
    if (position < 0)
        return {};
    const QList<Entry> &entries = m_sections.at(position).entries;
    for (int row = 0; row < entries.size(); ++row) {
        if (entries.at(row).key == key)
            return createIndex(row, column, quintptr(position + 1));
    }
    return {};
}

QModelIndex RunDetailsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_sections.size() ? createIndex(row, column, SectionId) : QModelIndex();
    if (!isSection(parent) || parent.column() != 0 || row >= m_sections.at(parent.row()).entries.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RunDetailsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || isSection(child))
        return {};
    return createIndex(int(child.internalId() - 1), 0, SectionId);
}

int RunDetailsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    if (isSection(parent) && parent.column() == 0)
        return int(m_sections.at(parent.row()).entries.size());
    return 0;
}

int RunDetailsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RunDetailsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (isSection(index)) {
        const SectionRows &rows = m_sections.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == KeyColumn) {
                const bool counted = rows.section != Section::Attributes
                    && !(rows.entries.size() == 1 && rows.entries.first().isError);
                return counted ? tr("%1 (%2)").arg(sectionTitle(rows.section)).arg(rows.entries.size())
                               : sectionTitle(rows.section);
            }
            break;
        case SectionRole:
            return int(rows.section);
        case SortRole:
            return index.row();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            break;
        }
        return {};
    }
    const SectionRows &rows = m_sections.at(int(index.internalId() - 1));
    const Entry &entry = rows.entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            return entry.key;
        case ValueColumn: {
            // One line in the table; long JSON tags read in the tooltip.
            QString shown = entry.value;
            shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return shown.size() > 500 ? shown.left(500) + QChar(0x2026) : shown;
        }
        case StepColumn:
            return entry.step;
        default:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return entry.key;
        return entry.toolTip.size() > 4000 ? entry.toolTip.left(4000) + QChar(0x2026) : entry.toolTip;
    case SectionRole:
        return int(rows.section);
    case KeyRole:
        return entry.key;
    case IsErrorRole:
        return entry.isError;
    case Qt::ForegroundRole:
        if (entry.isError)
            return QColor(0xc0, 0x1c, 0x28); // a red readable on light and dark backgrounds
        break;
    case SortRole:
        switch (index.column()) {
        case KeyColumn:
            return entry.key;
        case ValueColumn:
            return entry.sortValue;
        case StepColumn:
            return entry.step.isEmpty() ? QVariant() : QVariant(entry.step.toLongLong());
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StepColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RunDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case StepColumn:
        return tr("Step");
    default:
        break;
    }
    return {};
}
