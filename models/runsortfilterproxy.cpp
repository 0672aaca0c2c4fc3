#include "runsortfilterproxy.h"

#include "runtreemodel.h"

#include <QColor>

#include <cmath>

RunSortFilterProxy::RunSortFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(RunTreeModel::SortRole);
}

void RunSortFilterProxy::setRunModel(RunTreeModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    // Connected before the base class connects its own handlers, so that matches and sort keys
    // describe the new runs (or changed cells) by the time the proxy rebuilds its mapping.
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &RunSortFilterProxy::updateMatches);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &RunSortFilterProxy::forgetSortKeys);
    }
    updateMatches();
    setSourceModel(model);
}

void RunSortFilterProxy::setFilter(const SearchFilter &filter)
{
    if (!filter.isValid())
        return;
    m_filter = filter;
    updateMatches();
    invalidateFilter();
}

void RunSortFilterProxy::setRunIdFilter(const QSet<QString> &runIds)
{
    if (m_hasRunIdFilter && runIds == m_runIdFilter)
        return;
    m_runIdFilter = runIds;
    m_hasRunIdFilter = true;
    updateMatches();
    invalidateFilter();
}

void RunSortFilterProxy::clearRunIdFilter()
{
    if (!m_hasRunIdFilter)
        return;
    m_runIdFilter.clear();
    m_hasRunIdFilter = false;
    updateMatches();
    invalidateFilter();
}

bool RunSortFilterProxy::isMatch(int runRow) const
{
    if (m_matches.empty())
        return true;
    return runRow >= 0 && runRow < int(m_matches.size()) && m_matches[size_t(runRow)];
}

void RunSortFilterProxy::updateMatches()
{
    m_sortKeys.clear();
    m_hasSortKey.clear();
    m_sortKeyColumn = -1;
    m_matches.clear();
    m_visible.clear();
    if (!m_model) {
        m_matchCount = 0;
        return;
    }
    const Store::RunTable &runs = m_model->runs();
    if (!isFiltered()) {
        m_matchCount = runs.size();
        return;
    }
    m_matches.assign(size_t(runs.size()), 0);
    m_visible.assign(size_t(runs.size()), 0);
    QList<int> rows;
    if (m_filter.isEmpty()) {
        rows.reserve(runs.size());
        for (int row = 0; row < runs.size(); ++row)
            rows.append(row);
    } else {
        rows = m_filter.filterRows(runs);
    }
    if (m_hasRunIdFilter) {
        rows.removeIf([&](int row) { return !m_runIdFilter.contains(runs.run(row).runId); });
    }
    m_matchCount = int(rows.size());
    for (const int row : rows) {
        m_matches[size_t(row)] = 1;
        // Ancestors stay visible as context; stop at the first one already marked.
        for (int current = row; current >= 0 && !m_visible[size_t(current)];
             current = m_model->parentRow(current))
            m_visible[size_t(current)] = 1;
    }
}

bool RunSortFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_visible.empty() || !m_model)
        return true;
    const int row = m_model->runRow(m_model->index(sourceRow, 0, sourceParent));
    if (row < 0 || row >= int(m_visible.size()))
        return true;
    return m_visible[size_t(row)];
}

QVariant RunSortFilterProxy::data(const QModelIndex &index, int role) const
{
    if ((role == IsContextRole || role == Qt::ForegroundRole) && m_model && !m_matches.empty()) {
        const int row = m_model->runRow(mapToSource(index));
        const bool isContext = row >= 0 && !isMatch(row);
        if (role == IsContextRole)
            return isContext;
        if (isContext)
            return QColor(Qt::gray);
    } else if (role == IsContextRole) {
        return false;
    }
    return QSortFilterProxyModel::data(index, role);
}

void RunSortFilterProxy::forgetSortKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_sortKeyColumn < topLeft.column() || m_sortKeyColumn > bottomRight.column())
        return;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int runRow = m_model->runRow(topLeft.siblingAtRow(row));
        if (runRow >= 0 && size_t(runRow) < m_hasSortKey.size())
            m_hasSortKey[size_t(runRow)] = 0;
    }
}

const RunSortFilterProxy::SortKey &RunSortFilterProxy::sortKey(int runRow, int column) const
{
    if (column != m_sortKeyColumn || m_sortKeys.size() != size_t(m_model->runs().size())) {
        m_sortKeyColumn = column;
        m_sortKeys.assign(size_t(m_model->runs().size()), SortKey());
        m_hasSortKey.assign(size_t(m_model->runs().size()), 0);
    }
    SortKey &key = m_sortKeys[size_t(runRow)];
    if (m_hasSortKey[size_t(runRow)])
        return key;
    m_hasSortKey[size_t(runRow)] = 1;
    key = SortKey(); // it may hold the value before a dataChanged
    const QVariant value = m_model->data(m_model->indexOfRow(runRow, column), sortRole());
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        key.rank = 2;
        break;
    case QMetaType::Double:
        key.number = value.toDouble();
        key.rank = std::isnan(key.number) ? 1 : 0;
        key.isNumber = true;
        break;
    case QMetaType::LongLong:
    case QMetaType::Int:
        key.number = double(value.toLongLong());
        key.rank = 0;
        key.isNumber = true;
        break;
    default: {
        key.text = value.toString();
        key.rank = key.text.isEmpty() ? 2 : 0;
        // Params are text in MLflow, but "0.001" < "0.01" is what people expect.
        bool isNumber = false;
        const double number = key.text.toDouble(&isNumber);
        if (isNumber && !std::isnan(number)) {
            key.isNumber = true;
            key.number = number;
        }
        break;
    }
    }
    return key;
}

bool RunSortFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model || left.model() != m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    const int column = left.column();
    const SortKey &a = sortKey(m_model->runRow(left), column);
    const SortKey &b = sortKey(m_model->runRow(right), column);
    // The view asks lessThan(right, left) for a descending sort; flip the rank comparison so
    // that NaN and missing values stay at the end either way.
    if (a.rank != b.rank)
        return sortOrder() == Qt::AscendingOrder ? a.rank < b.rank : a.rank > b.rank;
    if (a.rank != 0)
        return false;
    if (a.isNumber != b.isNumber)
        return a.isNumber; // numbers before words
    if (a.isNumber)
        return a.number < b.number;
    return QString::compare(a.text, b.text, Qt::CaseInsensitive) < 0;
}
