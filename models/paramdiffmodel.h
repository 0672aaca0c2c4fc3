#pragma once

#include "rundiff.h"

#include <QAbstractTableModel>

// Params (or tags) of the compared runs: one row per key, a key column, then one column per run
// (in the order of Diff::runs). Rows whose values differ carry DiffersRole; "only differences"
// (on by default) hides the others. A value a run lacks shows as an em dash with IsMissingRole,
// never as an empty string. Rows whose values are all numbers compare numerically, align right
// and, with a pinned baseline run, carry deltas against it.
class ParamDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { KeyColumn, FirstRunColumn };
    enum Roles {
        KeyRole = Qt::UserRole + 1, // QString: the row's key (any column)
        RunIdRole, // QString: the column's run id (cells and horizontal header)
        DiffersRole, // bool: the row's values are not all equal
        IsMissingRole, // bool: the run has no value for this key
        IsNumericRole, // bool: the row compares numerically
        ValueRole, // QString: the whole value (null QVariant when missing)
        NumericValueRole, // double, in numeric rows
        IsBaselineRole, // bool: the column is the baseline (cells and header)
        DeltaRole, // double: value - baseline, in numeric rows of other runs
        DeltaPercentRole, // double: (value - baseline) / |baseline| * 100; invalid for baseline 0
        DeltaTextRole, // QString: "+0.002 (+20.0 %)"
        SortRole,
        IsPinnedRole, // bool (horizontal header): the run is pinned to the comparison
    };
    enum class Kind { Params, Tags };
    static constexpr int DefaultElideLength = 60; // characters shown of a long value

    explicit ParamDiffModel(Kind kind = Kind::Params, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setDiff(const RunDiff::Diff &diff);
    void clear();
    const RunDiff::Diff &diff() const { return m_diff; }

    // On by default: only keys whose values differ are rows.
    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }
    // Tags only: MLflow's own tags (mlflow.*) are hidden unless shown.
    void setShowSystemTags(bool show);
    bool showSystemTags() const { return m_showSystemTags; }
    // The run whose values the others are compared with (its index in diff().runs), -1: none.
    void setBaselineRun(int run);
    int baselineRun() const { return m_baseline; }
    // The runs (indexes in diff().runs) pinned to the comparison: their headers say so.
    // setDiff() clears them.
    void setPinnedRuns(const QList<int> &runs);
    bool isPinned(int run) const { return m_pinned.contains(run); }
    QList<int> pinnedRuns() const { return m_pinned; } // ascending
    void setElideLength(int characters);

    // Typed accessors.
    int runCount() const { return int(m_diff.runs.size()); }
    int runOfColumn(int column) const { return column >= FirstRunColumn ? column - FirstRunColumn : -1; }
    int columnOfRun(int run) const { return run + FirstRunColumn; }
    const RunDiff::TextRow &rowAt(const QModelIndex &index) const; // index must be valid
    QString keyAt(const QModelIndex &index) const;
    RunDiff::Value valueAt(const QModelIndex &index) const; // nullopt: missing or key column
    int rowOfKey(const QString &key) const; // -1 when not shown
    // Counts of all keys and of those differing, before filtering.
    int totalKeyCount() const;
    int differingKeyCount() const;
    // A character-level diff of a run's value against the first run's (for a detail pane).
    QList<RunDiff::DiffSegment> characterDiffAt(const QModelIndex &index) const;

    // The shown rows as text, for the clipboard.
    RunDiff::TextTable textTable() const;
    QString toMarkdown() const { return RunDiff::toMarkdown(textTable()); }
    QString toCsv() const { return RunDiff::toCsv(textTable()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QList<RunDiff::TextRow> &rows() const
    {
        return m_kind == Kind::Params ? m_diff.params : m_diff.tags;
    }
    bool isShown(const RunDiff::TextRow &row) const;
    void rebuildVisible();
    std::optional<RunDiff::Delta> deltaAt(const RunDiff::TextRow &row, int run) const;

    Kind m_kind;
    RunDiff::Diff m_diff;
    QList<int> m_visible; // indexes into rows()
    bool m_onlyDifferences = true;
    bool m_showSystemTags = false;
    int m_baseline = -1;
    QList<int> m_pinned;
    QStringList m_storeLabels; // per run; empty strings when all runs share a store
    int m_elideLength = DefaultElideLength;
};

// The header of a run column, shared by the diff models: name, tooltip, colour. The name gets
// a second line when the runs come from several stores (the store, told apart by
// RunDiff::storeLabels()) or the run is pinned ("pinned · store").
namespace RunDiffHeader {
struct Column
{
    bool isBaseline = false;
    bool isPinned = false;
    QString storeLabel; // empty: the runs share one store
};
QVariant data(const RunDiff::RunInfo &run, const Column &column, int role);
QString secondLine(const Column &column); // empty: the header has one line
// Run indexes as the models keep them: those below `runCount`, ascending, each once.
QList<int> runIndexes(const QList<int> &runs, int runCount);
} // namespace RunDiffHeader
