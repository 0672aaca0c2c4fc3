#pragma once

#include "rundiff.h"

#include <QAbstractTableModel>

// The part the diff tables (ParamDiffModel, MetricDiffModel) share: a few columns of their own
// (a key, ...), then one column per compared run, in the order given to setRuns(). Holds what
// marks the run columns alike in both tables (the baseline run, the pinned runs, the store
// labels) and answers the run columns' headers; subclasses own the rows and the cells.
class RunDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // The roles both diff tables answer, with the same meaning; each numbers its own roles from
    // FirstOwnRole.
    enum Roles {
        KeyRole = Qt::UserRole + 1, // QString: the row's key (any column)
        RunIdRole, // QString: the column's run id (cells and horizontal header)
        IsMissingRole, // bool: the run has no value for the row's key
        IsBaselineRole, // bool: the column is the baseline (cells and header)
        IsPinnedRole, // bool (horizontal header): the run is pinned to the comparison
        DeltaRole, // double: value - baseline's value, in cells of other runs that have both
        DeltaPercentRole, // double: (value - baseline) / |baseline| * 100; invalid for baseline 0
        DeltaTextRole, // QString: "+0.002 (+20.0 %)"
        SortRole,
        FirstOwnRole
    };

    // The run whose values the others are compared with (its index in the runs), -1: none.
    void setBaselineRun(int run);
    int baselineRun() const { return m_baseline; }
    // The runs (indexes in the runs) pinned to the comparison: their headers say so. New runs
    // clear them.
    void setPinnedRuns(const QList<int> &runs);
    bool isPinned(int run) const { return m_pinned.contains(run); }
    QList<int> pinnedRuns() const { return m_pinned; } // ascending

    int runCount() const { return int(m_runs.size()); }
    int firstRunColumn() const { return m_firstRunColumn; }
    int runOfColumn(int column) const { return column >= m_firstRunColumn ? column - m_firstRunColumn : -1; }
    int columnOfRun(int run) const { return run + m_firstRunColumn; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    RunDiffModel(int firstRunColumn, QObject *parent);

    // New runs, between beginResetModel() and endResetModel(): the baseline stays if it is
    // still one of them, the pins go.
    void setRuns(const QList<RunDiff::RunInfo> &runs);
    // The title of a column before the run columns.
    virtual QString leadingColumnTitle(int column) const = 0;

private:
    const int m_firstRunColumn;
    QList<RunDiff::RunInfo> m_runs; // the subclass's Diff::runs, sharing its data (no copy)
    int m_baseline = -1;
    QList<int> m_pinned;
    QStringList m_storeLabels; // per run; empty strings when all runs share a store
};
