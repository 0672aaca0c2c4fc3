#pragma once

#include "rundiffmodel.h"

// Params (or tags) of the compared runs: one row per key, a key column, then one column per run
// (in the order of Diff::runs). Rows whose values differ carry DiffersRole; "only differences"
// (on by default) hides the others. A value a run lacks shows as an em dash with IsMissingRole,
// never as an empty string. Rows whose values are all numbers compare numerically, align right
// and, with a pinned baseline run, carry deltas against it.
class ParamDiffModel : public RunDiffModel
{
    Q_OBJECT
public:
    enum Columns { KeyColumn, FirstRunColumn };
    enum ParamRoles {
        DiffersRole = FirstOwnRole, // bool: the row's values are not all equal
        IsNumericRole, // bool: the row compares numerically
        ValueRole, // QString: the whole value (null QVariant when missing)
        NumericValueRole, // double, in numeric rows
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
    void setElideLength(int characters);

    // Typed accessors.
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
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString leadingColumnTitle(int column) const override;
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
    int m_elideLength = DefaultElideLength;
};
