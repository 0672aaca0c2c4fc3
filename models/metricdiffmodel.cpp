#include "metricdiffmodel.h"

#include "runformat.h"

#include <QColor>
#include <QFont>

#include <cmath>

using namespace RunDiff;

MetricDiffModel::MetricDiffModel(QObject *parent) : RunDiffModel(FirstRunColumn, parent) { }

void MetricDiffModel::setDiff(const Diff &diff)
{
    beginResetModel();
    m_diff = diff;
    setRuns(m_diff.runs);
    m_directions.clear();
    for (const MetricRow &row : std::as_const(m_diff.metrics))
        m_directions.append(m_overrides.value(row.key, directionForKey(row.key)));
    recomputeBest();
    endResetModel();
}

void MetricDiffModel::clear()
{
    setDiff(Diff());
}

void MetricDiffModel::recomputeBest()
{
    m_best.clear();
    for (int i = 0; i < m_diff.metrics.size(); ++i)
        m_best.append(distinctBestRun(m_diff.metrics[i].values, m_directions[i]));
}

void MetricDiffModel::setDirection(const QString &key, Direction direction)
{
    m_overrides.insert(key, direction);
    const int row = rowOfKey(key);
    if (row < 0 || m_directions[row] == direction)
        return;
    m_directions[row] = direction;
    m_best[row] = distinctBestRun(m_diff.metrics[row].values, direction);
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void MetricDiffModel::resetDirection(const QString &key)
{
    m_overrides.remove(key);
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    const Direction direction = directionForKey(key);
    if (m_directions[row] == direction)
        return;
    m_directions[row] = direction;
    m_best[row] = distinctBestRun(m_diff.metrics[row].values, direction);
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

Direction MetricDiffModel::direction(const QString &key) const
{
    return m_overrides.value(key, directionForKey(key));
}

const MetricRow &MetricDiffModel::rowAt(const QModelIndex &index) const
{
    return m_diff.metrics[index.row()];
}

QString MetricDiffModel::keyAt(const QModelIndex &index) const
{
    return index.isValid() ? rowAt(index).key : QString();
}

std::optional<MetricStats> MetricDiffModel::statsAt(const QModelIndex &index) const
{
    const int run = runOfColumn(index.column());
    if (!index.isValid() || run < 0)
        return std::nullopt;
    return rowAt(index).values[run];
}

bool MetricDiffModel::isBest(int row, int run) const
{
    const int best = bestRunOfRow(row);
    if (best < 0 || run < 0 || run >= runCount())
        return false;
    const auto &values = m_diff.metrics[row].values;
    return run == best || (values[run] && values[run]->latest == values[best]->latest);
}

int MetricDiffModel::bestRunOfRow(int row) const
{
    return row >= 0 && row < m_best.size() ? m_best[row] : -1;
}

int MetricDiffModel::rowOfKey(const QString &key) const
{
    for (int i = 0; i < m_diff.metrics.size(); ++i) {
        if (m_diff.metrics[i].key == key)
            return i;
    }
    return -1;
}

std::optional<Delta> MetricDiffModel::deltaAt(int row, int run) const
{
    const int baseRun = baselineRun();
    if (baseRun < 0 || run == baseRun)
        return std::nullopt;
    const auto &values = m_diff.metrics[row].values;
    if (!values[run] || !values[baseRun])
        return std::nullopt;
    return delta(values[run]->latest, values[baseRun]->latest);
}

TextTable MetricDiffModel::textTable() const
{
    TextTable table;
    table.header = {tr("Metric"), tr("Direction")};
    for (const RunInfo &run : m_diff.runs)
        table.header.append(run.runName.isEmpty() ? run.runId : run.runName);
    for (int row = 0; row < m_diff.metrics.size(); ++row) {
        const MetricRow &metric = m_diff.metrics[row];
        QStringList line = {metric.key, directionName(m_directions[row])};
        for (int run = 0; run < metric.values.size(); ++run) {
            const auto &stats = metric.values[run];
            if (!stats) {
                line.append(QString(MissingMark));
                continue;
            }
            QString text = RunFormat::metricValue(stats->latest);
            if (isBest(row, run))
                text += QStringLiteral(" ★");
            if (const auto d = deltaAt(row, run))
                text += QLatin1Char(' ') + deltaText(*d);
            text += tr(" (min %1, max %2, best @ %3)")
                        .arg(RunFormat::metricValue(stats->min), RunFormat::metricValue(stats->max))
                        .arg(stats->bestStep(m_directions[row]));
            line.append(text);
        }
        table.rows.append(line);
    }
    return table;
}

int MetricDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diff.metrics.size());
}

Qt::ItemFlags MetricDiffModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == DirectionColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

bool MetricDiffModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != DirectionColumn || (role != Qt::EditRole && role != DirectionRole))
        return false;
    Direction direction;
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        if (text == QLatin1String("min"))
            direction = Direction::Minimize;
        else if (text == QLatin1String("max"))
            direction = Direction::Maximize;
        else
            return false;
    } else {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || (n != int(Direction::Minimize) && n != int(Direction::Maximize)))
            return false;
        direction = Direction(n);
    }
    setDirection(rowAt(index).key, direction);
    return true;
}

QVariant MetricDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const MetricRow &metric = m_diff.metrics[row];
    const Direction dir = m_directions[row];
    switch (role) {
    case KeyRole:
        return metric.key;
    case DirectionRole:
        return int(dir);
    case IsDefaultDirectionRole:
        return dir == directionForKey(metric.key);
    case BestRunRole:
        return m_best[row];
    default:
        break;
    }
    if (index.column() == KeyColumn) {
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return metric.key;
        return {};
    }
    if (index.column() == DirectionColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
        case SortRole:
            return directionName(dir);
        case Qt::ToolTipRole:
            return dir == Direction::Minimize ? tr("Lower is better") : tr("Higher is better");
        default:
            return {};
        }
    }

    const int run = runOfColumn(index.column());
    const auto &stats = metric.values[run];
    switch (role) {
    case RunIdRole:
        return m_diff.runs[run].runId;
    case IsMissingRole:
        return !stats.has_value();
    case IsBestRole:
        return isBest(row, run);
    case IsBaselineRole:
        return run == baselineRun();
    case Qt::DisplayRole:
        return stats ? RunFormat::metricValue(stats->latest) : QString(MissingMark);
    case Qt::TextAlignmentRole:
        return int((stats ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return stats ? QVariant() : QVariant(QColor(Qt::gray));
    case Qt::FontRole:
        if (isBest(row, run)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        break;
    }
    if (!stats) {
        if (role == Qt::ToolTipRole)
            return tr("Not logged in this run");
        return {};
    }
    const auto summary = [&] {
        return tr("min %1 @ %2 · max %3 @ %4")
            .arg(RunFormat::metricValue(stats->min))
            .arg(stats->minStep)
            .arg(RunFormat::metricValue(stats->max))
            .arg(stats->maxStep);
    };
    switch (role) {
    case LatestRole:
        return stats->latest;
    case SortRole:
        return std::isnan(stats->latest) ? QVariant() : QVariant(stats->latest);
    case LatestStepRole:
        return stats->latestStep;
    case MinRole:
        return stats->min;
    case MaxRole:
        return stats->max;
    case BestValueRole:
        return stats->bestValue(dir);
    case BestStepRole:
        return stats->bestStep(dir);
    case SummaryTextRole:
        return summary();
    case Qt::ToolTipRole: {
        QString tip = tr("Latest %1 at step %2\n%3\nBest (%4) at step %5")
                          .arg(RunFormat::metricValue(stats->latest))
                          .arg(stats->latestStep)
                          .arg(summary(), directionName(dir))
                          .arg(stats->bestStep(dir));
        if (isBest(row, run))
            tip += QLatin1Char('\n') + tr("Best run of this metric");
        if (const auto d = deltaAt(row, run))
            tip += QLatin1Char('\n') + tr("%1 against the baseline").arg(deltaText(*d));
        return tip;
    }
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

QString MetricDiffModel::leadingColumnTitle(int column) const
{
    return column == KeyColumn ? tr("Metric") : tr("Best");
}
