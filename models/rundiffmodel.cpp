#include "rundiffmodel.h"

#include "runcolors.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>

#include <algorithm>

using namespace RunDiff;

namespace {

// The run columns' headers, one translation context for the diff models.
struct RunDiffHeader
{
    Q_DECLARE_TR_FUNCTIONS(RunDiffHeader)
};

// What a run column's header shows besides the run itself.
struct Column
{
    bool isBaseline = false;
    bool isPinned = false;
    QString storeLabel; // empty: the runs share one store
};

// Empty: the header has one line. Otherwise the store (when the runs come from several stores)
// or that the run is pinned ("pinned · store").
QString secondLine(const Column &column)
{
    if (column.isPinned)
        return column.storeLabel.isEmpty() ? RunDiffHeader::tr("pinned")
                                           : RunDiffHeader::tr("pinned · %1").arg(column.storeLabel);
    return column.storeLabel;
}

// Run indexes as the model keeps them: those below `runCount`, ascending, each once.
QList<int> runIndexes(const QList<int> &runs, int runCount)
{
    QList<int> indexes;
    for (int run : runs) {
        if (run >= 0 && run < runCount && !indexes.contains(run))
            indexes.append(run);
    }
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

QVariant runHeaderData(const RunInfo &run, const Column &column, int role)
{
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = run.displayName();
        const QString first = column.isBaseline ? RunDiffHeader::tr("%1 (baseline)").arg(name) : name;
        const QString second = secondLine(column);
        return second.isEmpty() ? first : first + QLatin1Char('\n') + second;
    }
    case Qt::ToolTipRole: {
        QString tip
            = RunDiffHeader::tr("%1\nRun %2\nExperiment: %3\nStore: %4")
                  .arg(run.runName, run.runId,
                       run.experimentName.isEmpty() ? run.experimentId : run.experimentName, run.location);
        if (column.isPinned)
            tip += QLatin1Char('\n')
                + RunDiffHeader::tr("Pinned: stays while you select other runs or open another store");
        return tip;
    }
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        return RunColors::color(run.colorKey());
    case Qt::FontRole:
        if (column.isBaseline) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

} // namespace

RunDiffModel::RunDiffModel(int firstRunColumn, QObject *parent)
    : QAbstractTableModel(parent), m_firstRunColumn(firstRunColumn)
{
}

void RunDiffModel::setRuns(const QList<RunInfo> &runs)
{
    m_runs = runs;
    if (m_baseline >= m_runs.size())
        m_baseline = -1;
    m_pinned.clear();
    m_storeLabels = storeLabels(m_runs);
}

void RunDiffModel::setBaselineRun(int run)
{
    if (run < -1 || run >= runCount())
        run = -1;
    if (run == m_baseline)
        return;
    m_baseline = run;
    if (rowCount() > 0)
        emit dataChanged(index(0, m_firstRunColumn), index(rowCount() - 1, columnCount() - 1));
    if (columnCount() > m_firstRunColumn)
        emit headerDataChanged(Qt::Horizontal, m_firstRunColumn, columnCount() - 1);
}

void RunDiffModel::setPinnedRuns(const QList<int> &runs)
{
    const QList<int> pinned = runIndexes(runs, runCount());
    // Not QList<int>::operator==, which in Qt 6.4 memcmp()s an empty list's null data (UBSan).
    if (std::ranges::equal(pinned, m_pinned))
        return;
    m_pinned = pinned;
    emit headerDataChanged(Qt::Horizontal, m_firstRunColumn, columnCount() - 1);
}

int RunDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_firstRunColumn + runCount();
}

QVariant RunDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const int run = runOfColumn(section);
    if (run < 0)
        return role == Qt::DisplayRole ? QVariant(leadingColumnTitle(section)) : QVariant();
    if (role == RunIdRole)
        return m_runs[run].runId;
    if (role == IsBaselineRole)
        return run == m_baseline;
    if (role == IsPinnedRole)
        return isPinned(run);
    return runHeaderData(m_runs[run], {run == m_baseline, isPinned(run), m_storeLabels.value(run)}, role);
}
