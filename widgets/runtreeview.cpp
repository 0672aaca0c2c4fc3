#include "runtreeview.h"

#include "elidingheaderview.h"
#include "runsortfilterproxy.h"
#include "runtreemodel.h"

RunTreeView::RunTreeView(RunTreeModel *model, RunSortFilterProxy *proxy, QWidget *parent)
    : QTreeView(parent), m_model(model), m_proxy(proxy)
{
    setObjectName(QStringLiteral("runView"));
    // Long keys elide in the middle ("metrics.val…_loss_ema"): prefix and distinguishing end stay
    // readable; the tooltip has the whole key.
    setHeader(new ElidingHeaderView(Qt::Horizontal, this));
    setModel(m_proxy);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setAllColumnsShowFocus(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setIconSize(QSize(10, 10));
    setSortingEnabled(true);
    sortByColumn(RunTreeModel::StartTimeColumn, Qt::DescendingOrder);
    header()->setStretchLastSection(false);
    header()->setSectionsMovable(true);
    header()->setFirstSectionMovable(false);
}

QString RunTreeView::currentRunId() const
{
    return m_model->runId(m_proxy->mapToSource(currentIndex()));
}

QStringList RunTreeView::selectedRunIds() const
{
    QStringList ids;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(m_model->runId(m_proxy->mapToSource(index)));
    return ids;
}

QString RunTreeView::currentRunKey() const
{
    return m_model->runKey(m_model->runRow(m_proxy->mapToSource(currentIndex())));
}

QStringList RunTreeView::selectedRunKeys() const
{
    QStringList keys;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        keys.append(m_model->runKey(m_model->runRow(m_proxy->mapToSource(index))));
    return keys;
}

QModelIndex RunTreeView::indexOfRunKey(const QString &runKey) const
{
    if (runKey.isEmpty())
        return {};
    return m_proxy->mapFromSource(m_model->indexOfRow(m_model->rowOfKey(runKey)));
}

RunTreeView::State RunTreeView::captureState() const
{
    State state;
    state.currentRunKey = currentRunKey();
    state.selectedRunKeys = selectedRunKeys();
    state.topRunKey = m_model->runKey(m_model->runRow(m_proxy->mapToSource(indexAt(QPoint(0, 0)))));
    if (m_model->runs().size() > ExpandAllLimit) {
        const Store::RunTable &runs = m_model->runs();
        for (int row = 0; row < runs.size(); ++row) {
            const QModelIndex index = m_model->indexOfRow(row);
            if (m_model->rowCount(index) > 0 && isExpanded(m_proxy->mapFromSource(index)))
                state.expandedRunKeys.insert(m_model->runKey(row));
        }
    }
    return state;
}

void RunTreeView::restoreState(const State &state)
{
    for (const QString &key : state.expandedRunKeys)
        expand(indexOfRunKey(key));
    QItemSelection selection;
    for (const QString &key : state.selectedRunKeys) {
        const QModelIndex index = indexOfRunKey(key);
        if (index.isValid())
            selection.select(index, index);
    }
    const QModelIndex current = indexOfRunKey(state.currentRunKey);
    if (current.isValid())
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QModelIndex top = indexOfRunKey(state.topRunKey);
    if (top.isValid()) {
        scrollTo(top, QAbstractItemView::PositionAtTop);
        // scrollTo() keeps a visible current row where it is; make sure the current one shows.
        if (current.isValid() && !viewport()->rect().intersects(visualRect(current)))
            scrollTo(current);
    } else if (current.isValid()) {
        scrollTo(current, QAbstractItemView::PositionAtCenter);
    }
}

void RunTreeView::expandAllIfSmall()
{
    if (m_model->runs().size() <= ExpandAllLimit)
        expandAll();
}

void RunTreeView::scrollToCurrent()
{
    if (currentIndex().isValid())
        scrollTo(currentIndex());
}
