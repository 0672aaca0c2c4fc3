#pragma once

#include <QSet>
#include <QStringList>
#include <QTreeView>

class RunSortFilterProxy;
class RunTreeModel;

// The run browser's table: a RunTreeModel through a RunSortFilterProxy, nested runs under their
// parents, several rows selectable, long column keys elided in the middle. Finds its rows by run
// id, and keeps what the user sees across a model reset or a filter (State).
class RunTreeView : public QTreeView
{
    Q_OBJECT
public:
    // Trees up to this size open fully expanded.
    static constexpr int ExpandAllLimit = 2000;

    // What a model reset loses, by run key (RunTreeModel::runKey(): a run's id when one store
    // is shown).
    struct State
    {
        QString currentRunKey;
        QStringList selectedRunKeys;
        QString topRunKey; // the first row in sight
        QSet<QString> expandedRunKeys; // kept only for trees too large to open fully
    };

    RunTreeView(RunTreeModel *model, RunSortFilterProxy *proxy, QWidget *parent = nullptr);

    QString currentRunId() const;
    QStringList selectedRunIds() const;
    QString currentRunKey() const;
    QStringList selectedRunKeys() const;
    // The run's row in the view; invalid for an empty key, an unknown or a filtered-out run.
    QModelIndex indexOfRunKey(const QString &runKey) const;

    State captureState() const;
    // Selects, expands and scrolls as the state says (the current row in sight).
    void restoreState(const State &state);
    // Opens every row, unless the tree is too large for that.
    void expandAllIfSmall();
    void scrollToCurrent();

private:
    RunTreeModel *m_model;
    RunSortFilterProxy *m_proxy;
};
