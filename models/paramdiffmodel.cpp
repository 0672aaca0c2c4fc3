#include "paramdiffmodel.h"

#include <QColor>
#include <QFont>

#include <algorithm>

using namespace RunDiff;

ParamDiffModel::ParamDiffModel(Kind kind, QObject *parent)
    : RunDiffModel(FirstRunColumn, parent), m_kind(kind)
{
}

void ParamDiffModel::setDiff(const Diff &diff)
{
    beginResetModel();
    m_diff = diff;
    setRuns(m_diff.runs);
    rebuildVisible();
    endResetModel();
}

void ParamDiffModel::clear()
{
    setDiff(Diff());
}

bool ParamDiffModel::isShown(const TextRow &row) const
{
    if (m_onlyDifferences && !row.differs)
        return false;
    if (m_kind == Kind::Tags && !m_showSystemTags && isSystemTag(row.key))
        return false;
    return true;
}

void ParamDiffModel::rebuildVisible()
{
    m_visible.clear();
    const QList<TextRow> &all = rows();
    for (int i = 0; i < all.size(); ++i) {
        if (isShown(all[i]))
            m_visible.append(i);
    }
}

void ParamDiffModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    rebuildVisible();
    endResetModel();
}

void ParamDiffModel::setShowSystemTags(bool show)
{
    if (show == m_showSystemTags)
        return;
    beginResetModel();
    m_showSystemTags = show;
    rebuildVisible();
    endResetModel();
}

void ParamDiffModel::setElideLength(int characters)
{
    m_elideLength = std::max(characters, 4);
    if (rowCount() > 0)
        emit dataChanged(index(0, FirstRunColumn), index(rowCount() - 1, columnCount() - 1),
                         {Qt::DisplayRole});
}

const TextRow &ParamDiffModel::rowAt(const QModelIndex &index) const
{
    return rows()[m_visible[index.row()]];
}

QString ParamDiffModel::keyAt(const QModelIndex &index) const
{
    return index.isValid() ? rowAt(index).key : QString();
}

Value ParamDiffModel::valueAt(const QModelIndex &index) const
{
    const int run = runOfColumn(index.column());
    if (!index.isValid() || run < 0)
        return std::nullopt;
    return rowAt(index).values[run];
}

int ParamDiffModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_visible.size(); ++i) {
        if (rows()[m_visible[i]].key == key)
            return i;
    }
    return -1;
}

int ParamDiffModel::totalKeyCount() const
{
    int count = 0;
    for (const TextRow &row : rows())
        count += m_kind == Kind::Params || m_showSystemTags || !isSystemTag(row.key);
    return count;
}

int ParamDiffModel::differingKeyCount() const
{
    int count = 0;
    for (const TextRow &row : rows())
        count += row.differs && (m_kind == Kind::Params || m_showSystemTags || !isSystemTag(row.key));
    return count;
}

QList<DiffSegment> ParamDiffModel::characterDiffAt(const QModelIndex &index) const
{
    const Value value = valueAt(index);
    if (!value || runCount() == 0)
        return {};
    const Value first = rowAt(index).values.first();
    return characterDiff(first.value_or(QString()), *value);
}

std::optional<Delta> ParamDiffModel::deltaAt(const TextRow &row, int run) const
{
    const int baseRun = baselineRun();
    if (baseRun < 0 || run == baseRun || !row.numeric || !row.values[run] || !row.values[baseRun])
        return std::nullopt;
    const auto value = parseNumber(*row.values[run]);
    const auto baseline = parseNumber(*row.values[baseRun]);
    if (!value || !baseline)
        return std::nullopt;
    return delta(*value, *baseline);
}

TextTable ParamDiffModel::textTable() const
{
    TextTable table;
    table.header.append(m_kind == Kind::Params ? tr("Parameter") : tr("Tag"));
    for (const RunInfo &run : m_diff.runs)
        table.header.append(run.runName.isEmpty() ? run.runId : run.runName);
    for (int visible : m_visible) {
        const TextRow &row = rows()[visible];
        QStringList line = {row.key};
        for (int run = 0; run < row.values.size(); ++run) {
            QString text = displayText(row.values[run]);
            if (const auto d = deltaAt(row, run))
                text += QLatin1Char(' ') + deltaText(*d);
            line.append(text);
        }
        table.rows.append(line);
    }
    return table;
}

int ParamDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

QVariant ParamDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TextRow &row = rowAt(index);
    const int run = runOfColumn(index.column());
    switch (role) {
    case KeyRole:
        return row.key;
    case DiffersRole:
        return row.differs;
    case IsNumericRole:
        return row.numeric;
    default:
        break;
    }
    if (run < 0) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case SortRole:
            return row.key;
        case Qt::FontRole:
            if (row.differs) {
                QFont font;
                font.setBold(true);
                return font;
            }
            return {};
        default:
            return {};
        }
    }

    const Value &value = row.values[run];
    switch (role) {
    case Qt::DisplayRole:
        if (!value)
            return QString(MissingMark);
        if (value->size() > m_elideLength)
            return value->left(m_elideLength - 1) + QChar(0x2026);
        return *value;
    case Qt::ToolTipRole: {
        if (!value)
            return tr("Not logged in this run");
        QString tip = *value;
        if (row.numeric) {
            tip += QLatin1Char('\n') + tr("Compared as numbers: \"0.0010\" equals \"1e-3\".");
        }
        if (const auto d = deltaAt(row, run))
            tip += QLatin1Char('\n') + tr("%1 against the baseline").arg(deltaText(*d));
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (!value)
            return int(Qt::AlignCenter);
        return int((row.numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (!value)
            return QColor(Qt::gray);
        return {};
    case RunIdRole:
        return m_diff.runs[run].runId;
    case IsMissingRole:
        return !value;
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    case NumericValueRole:
    case SortRole:
        if (value && row.numeric)
            return parseNumber(*value).value_or(0);
        if (role == SortRole)
            return value ? QVariant(*value) : QVariant();
        return {};
    case IsBaselineRole:
        return run == baselineRun();
    case DeltaRole:
        return deltaData(deltaAt(row, run), DeltaPart::Absolute);
    case DeltaPercentRole:
        return deltaData(deltaAt(row, run), DeltaPart::Percent);
    case DeltaTextRole:
        return deltaData(deltaAt(row, run), DeltaPart::Text);
    default:
        return {};
    }
}

QString ParamDiffModel::leadingColumnTitle(int) const
{
    return m_kind == Kind::Params ? tr("Parameter") : tr("Tag");
}
