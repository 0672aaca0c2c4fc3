#pragma once

#include "mergedruns.h"
#include "runtable.h"

#include <QAbstractItemModel>
#include <QHash>

#include <vector>

// The runs of one or more experiments as a tree: nested runs under their parent (tag
// mlflow.parentRunId), runs whose parent is not loaded at the top level. Columns: fixed
// attributes, then one column per metric (its latest value) and one per param, keys in
// alphabetical order.
//
// Wraps an immutable Store::RunTable, possibly the runs of several stores merged (MergedRuns);
// an index's internal id is the run's slot (see m_rowOfSlot). A run is told by its key:
// runKey(), its id for runs of the first store, "<location>\n<id>" for the others' (a store and
// its copy hold the same ids).
class RunTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        // Settings name columns by key (columnKey()), not by number: new ones can go anywhere.
        ExperimentColumn,
        StoreColumn, // whose runs are shown with other stores'
        StatusColumn,
        StartTimeColumn,
        DurationColumn,
        UserColumn,
        SourceColumn,
        FixedColumnCount
    };
    enum Roles {
        RunIdRole = Qt::UserRole + 1,
        // double for metrics (NaN for NaN), qint64 for times and durations, QString otherwise;
        // an invalid QVariant when the run has no value.
        SortRole,
        // On the header: the column's key in MLflow's search syntax ("params.lr").
        ColumnKeyRole,
        IsDeletedRole,
        RunKeyRole, // runKey()
    };
    enum class ColumnKind { Attribute, Param, Metric };

    explicit RunTreeModel(QObject *parent = nullptr);

    // Replaces every run and column.
    void setRuns(const Store::RunTable &runs);
    void setRuns(const MergedRuns &runs);
    // The same store read again (live updates): when every run shown is still there under the
    // same parent and the columns are the same, the new runs are inserted as rows (last among
    // their siblings) and the others' values change in place (dataChanged), so views keep their
    // selection, expansion and scroll position. Otherwise as setRuns(); returns false then.
    bool updateRuns(const Store::RunTable &runs);
    bool updateRuns(const MergedRuns &runs); // the same stores, in the same order
    const Store::RunTable &runs() const { return m_shown.runs; }
    // The runs whose status is RUNNING.
    int runningRunCount() const;
    // Experiment names by id, for the experiment column and the name column's tooltip (runs of
    // several experiments can be shown together). Emits dataChanged for those two columns.
    void setExperimentNames(const QHash<QString, QString> &names); // of the first store
    void setExperimentNames(const QString &location, const QHash<QString, QString> &names);
    // The stores of the runs (empty names: a table given without one); a run's store.
    QStringList locations() const { return m_shown.locations; }
    // The runs with their stores, as given to setRuns() (one store: its location, maybe empty).
    const MergedRuns &mergedRuns() const { return m_shown; }
    QString location(int runRow) const;
    // A run's key (see above), and the row of a key.
    QString runKey(int runRow) const;
    int rowOfKey(const QString &key) const { return m_rowOfKey.value(key, -1); }
    // The row of a run of a store, -1 if it is not shown.
    int rowOfRun(const QString &location, const QString &runId) const;

    // The run's row in runs(), -1 for an invalid index.
    int runRow(const QModelIndex &index) const;
    QString runId(const QModelIndex &index) const;
    // The row of a run of the first store (of any store, for an id no first-store run has).
    int rowOfRun(const QString &runId) const;
    QModelIndex indexOfRun(const QString &runId, int column = NameColumn) const;
    QModelIndex indexOfRow(int runRow, int column = NameColumn) const;
    // The table row of a run's parent in this tree, -1 for a top-level run.
    int parentRow(int runRow) const;

    ColumnKind columnKind(int column) const;
    // "attributes.status", "params.lr", "metrics.acc": stable ids for settings and filters.
    QString columnKey(int column) const;
    // The param or metric key of a column ("lr"), the attribute's title otherwise.
    QString columnTitle(int column) const;
    int columnOfKey(const QString &columnKey) const; // -1 if absent
    QStringList columnKeys() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void adoptTable(const MergedRuns &runs);
    void buildTree(const std::vector<char> &visible);
    int parentSlotOf(int slot) const; // of the run's parent, -1 at the top or when not in the table
    void emitAllDataChanged(const QList<int> &roles);
    QVariant displayValue(int row, int column) const;
    QVariant sortValue(int row, int column) const;
    QString sourceName(int row) const;
    QString userName(int row) const;
    QString experimentName(int row) const;
    // Key indexes in RunTable::metricKeys() / paramKeys() of a metric or param column.
    int metricKey(int column) const { return m_metricColumns.at(column - FixedColumnCount); }
    int paramKey(int column) const
    {
        return m_paramColumns.at(column - FixedColumnCount - int(m_metricColumns.size()));
    }

    MergedRuns m_shown {{}, {QString()}, {}}; // the runs with their stores (at least one, maybe unnamed)
    QHash<QString, int> m_rowOfKey;
    QHash<QString, int> m_rowOfOtherStoreRun; // run id -> row, for runs of stores but the first
    QHash<QString, QHash<QString, QString>> m_experimentNames; // by store, by experiment id
    // The tree is kept in slots, an index's internal id: a run keeps its slot when
    // updateRuns() brings a new table, where its row may differ.
    std::vector<int> m_rowOfSlot; // table row of each slot
    std::vector<int> m_slotOfRow;
    std::vector<int> m_parent; // slot of the parent, -1 at the top; the arrays below hold slots
    std::vector<int> m_position; // position among the siblings
    std::vector<int> m_topLevel;
    std::vector<int> m_childBegin; // children of row r: m_children[m_childBegin[r] .. m_childBegin[r + 1])
    std::vector<int> m_children;
    QList<int> m_paramColumns; // key indexes in RunTable::paramKeys(), sorted by key
    QList<int> m_metricColumns;
    int m_sourceTag = -1;
    int m_userTag = -1;
};
