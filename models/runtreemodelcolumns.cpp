// RunTreeModel's columns and the values shown in them; the tree and its updates are in
// runtreemodel.cpp.
#include "runcolors.h"
#include "runformat.h"
#include "runtreemodel.h"
#include "storelocation.h"

#include <QFileInfo>

RunTreeModel::ColumnKind RunTreeModel::columnKind(int column) const
{
    if (column < FixedColumnCount)
        return ColumnKind::Attribute;
    if (column < FixedColumnCount + m_metricColumns.size())
        return ColumnKind::Metric;
    return ColumnKind::Param;
}

QString RunTreeModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Name");
    case ExperimentColumn:
        return tr("Experiment");
    case StoreColumn:
        return tr("Store");
    case StatusColumn:
        return tr("Status");
    case StartTimeColumn:
        return tr("Start time");
    case DurationColumn:
        return tr("Duration");
    case UserColumn:
        return tr("User");
    case SourceColumn:
        return tr("Source");
    default:
        break;
    }
    if (column < 0 || column >= columnCount())
        return {};
    if (columnKind(column) == ColumnKind::Param)
        return m_shown.runs.paramKeys().at(paramKey(column));
    return m_shown.runs.metricKeys().at(metricKey(column));
}

QString RunTreeModel::columnKey(int column) const
{
    switch (column) {
    case NameColumn:
        return QStringLiteral("attributes.run_name");
    case ExperimentColumn:
        return QStringLiteral("attributes.experiment_name");
    case StoreColumn:
        return QStringLiteral("attributes.store");
    case StatusColumn:
        return QStringLiteral("attributes.status");
    case StartTimeColumn:
        return QStringLiteral("attributes.start_time");
    case DurationColumn:
        return QStringLiteral("attributes.duration");
    case UserColumn:
        return QStringLiteral("attributes.user_id");
    case SourceColumn:
        return QStringLiteral("tags.mlflow.source.name");
    default:
        break;
    }
    if (column < 0 || column >= columnCount())
        return {};
    const QString prefix
        = columnKind(column) == ColumnKind::Param ? QStringLiteral("params.") : QStringLiteral("metrics.");
    return prefix + columnTitle(column);
}

int RunTreeModel::columnOfKey(const QString &columnKey) const
{
    for (int column = 0; column < columnCount(); ++column) {
        if (this->columnKey(column) == columnKey)
            return column;
    }
    return -1;
}

QStringList RunTreeModel::columnKeys() const
{
    QStringList keys;
    for (int column = 0; column < columnCount(); ++column)
        keys.append(columnKey(column));
    return keys;
}

QString RunTreeModel::sourceName(int row) const
{
    return m_shown.runs.tag(row, m_sourceTag).value_or(QString());
}

QString RunTreeModel::userName(int row) const
{
    const QString &user = m_shown.runs.run(row).userId;
    return user.isEmpty() ? m_shown.runs.tag(row, m_userTag).value_or(QString()) : user;
}

QString RunTreeModel::experimentName(int row) const
{
    const QString &id = m_shown.runs.run(row).experimentId;
    const QString name = m_experimentNames.value(location(row)).value(id);
    return name.isEmpty() ? id : name;
}

QVariant RunTreeModel::displayValue(int row, int column) const
{
    const Store::RunAttributes &run = m_shown.runs.run(row);
    switch (column) {
    case NameColumn:
        return run.runName.isEmpty() ? run.runId : run.runName;
    case ExperimentColumn:
        return experimentName(row);
    case StoreColumn:
        return Store::Location::parse(location(row)).displayName();
    case StatusColumn:
        return run.status;
    case StartTimeColumn:
        return RunFormat::shortDateTime(run.startTime);
    case DurationColumn:
        if (run.startTime == Store::NoTime || run.endTime == Store::NoTime)
            return {};
        return RunFormat::duration(run.endTime - run.startTime);
    case UserColumn:
        return userName(row);
    case SourceColumn: {
        // Scripts are recognised by their file name; the tooltip has the whole path.
        const QString source = sourceName(row);
        return source.contains(QLatin1String("://")) ? source : QFileInfo(source).fileName();
    }
    default:
        break;
    }
    if (columnKind(column) == ColumnKind::Param)
        return m_shown.runs.param(row, paramKey(column)).value_or(QString());
    const Store::LatestMetric *metric = m_shown.runs.metric(row, metricKey(column));
    return metric ? RunFormat::metricValue(metric->value) : QString();
}

QVariant RunTreeModel::sortValue(int row, int column) const
{
    const Store::RunAttributes &run = m_shown.runs.run(row);
    switch (column) {
    case NameColumn:
        return run.runName.isEmpty() ? run.runId : run.runName;
    case ExperimentColumn: {
        const QString experiment = experimentName(row);
        return experiment.isEmpty() ? QVariant() : QVariant(experiment);
    }
    case StoreColumn:
        return Store::Location::parse(location(row)).displayName();
    case StatusColumn:
        return run.status;
    case StartTimeColumn:
        return run.startTime == Store::NoTime ? QVariant() : QVariant(run.startTime);
    case DurationColumn:
        if (run.startTime == Store::NoTime || run.endTime == Store::NoTime)
            return {};
        return QVariant(run.endTime - run.startTime);
    case UserColumn: {
        const QString user = userName(row);
        return user.isEmpty() ? QVariant() : QVariant(user);
    }
    case SourceColumn: {
        const QString source = sourceName(row);
        return source.isEmpty() ? QVariant() : QVariant(source);
    }
    default:
        break;
    }
    if (columnKind(column) == ColumnKind::Param) {
        const auto value = m_shown.runs.param(row, paramKey(column));
        return value ? QVariant(*value) : QVariant();
    }
    const Store::LatestMetric *metric = m_shown.runs.metric(row, metricKey(column));
    return metric ? QVariant(metric->value) : QVariant();
}

QVariant RunTreeModel::data(const QModelIndex &index, int role) const
{
    const int row = runRow(index);
    if (row < 0)
        return {};
    const int column = index.column();
    const Store::RunAttributes &run = m_shown.runs.run(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case RunIdRole:
        return run.runId;
    case RunKeyRole:
        return runKey(row);
    case IsDeletedRole:
        return run.isDeleted();
    case Qt::DecorationRole:
        if (column == NameColumn)
            return RunColors::color(runKey(row)); // as the charts colour it
        break;
    case Qt::ToolTipRole:
        if (column == NameColumn) {
            const QString experiment = experimentName(row);
            QString tip = experiment.isEmpty() ? tr("Run %1").arg(run.runId)
                                               : tr("Run %1\nExperiment: %2").arg(run.runId, experiment);
            if (m_shown.locations.size() > 1)
                tip += QLatin1Char('\n')
                    + tr("Store: %1").arg(Store::Location::parse(location(row)).displayLocation());
            return tip;
        }
        if (column == StoreColumn)
            return Store::Location::parse(location(row)).displayLocation();
        if (column == ExperimentColumn) {
            const QString name = m_experimentNames.value(location(row)).value(run.experimentId);
            return name.isEmpty() ? tr("Experiment ID: %1").arg(run.experimentId)
                                  : tr("Experiment: %1\nID: %2").arg(name, run.experimentId);
        }
        if (column == SourceColumn)
            return sourceName(row);
        if (column == StartTimeColumn)
            return RunFormat::dateTime(run.startTime);
        if (columnKind(column) != ColumnKind::Attribute)
            return displayValue(row, column);
        break;
    case Qt::TextAlignmentRole:
        if (columnKind(column) == ColumnKind::Metric || column == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (run.isDeleted())
            return RunFormat::deletedItemStyle(role);
        break;
    default:
        break;
    }
    return {};
}

QVariant RunTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return columnKind(section) == ColumnKind::Attribute ? columnTitle(section) : columnKey(section);
    case Qt::ToolTipRole:
    case ColumnKeyRole:
        return columnKey(section);
    case Qt::TextAlignmentRole:
        // Left even above numbers: a long key elided in the middle keeps its start in place.
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}
