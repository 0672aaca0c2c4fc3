#pragma once

#include "searchfilter.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <vector>

class RunTreeModel;

// Sorts and filters a RunTreeModel.
//
// Sorting uses RunTreeModel::SortRole: numbers numerically, text with numbers inside compared
// as numbers; NaN and then missing values come last in both directions. In a tree, siblings are
// sorted among themselves.
//
// Filtering takes MLflow's search syntax. A run is shown when it matches or when one of its
// descendants matches (as context, so nested matches stay under their parent). A run-id filter
// (the runs brushed in a compare plot) narrows the matches further: both must hold.
class RunSortFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Roles {
        // true for a row shown only because a descendant matches the filter
        IsContextRole = Qt::UserRole + 100,
    };

    explicit RunSortFilterProxy(QObject *parent = nullptr);

    // Must be used instead of setSourceModel().
    void setRunModel(RunTreeModel *model);
    RunTreeModel *runModel() const { return m_model; }

    // An invalid filter is ignored (the previous one stays applied).
    void setFilter(const SearchFilter &filter);
    const SearchFilter &filter() const { return m_filter; }
    // Only these runs match (and the search filter still applies); clearRunIdFilter() shows
    // every run again. An empty set is a filter that matches nothing.
    void setRunIdFilter(const QSet<QString> &runIds);
    void clearRunIdFilter();
    bool hasRunIdFilter() const { return m_hasRunIdFilter; }
    const QSet<QString> &runIdFilter() const { return m_runIdFilter; }
    // Either filter is applied.
    bool isFiltered() const { return !m_filter.isEmpty() || m_hasRunIdFilter; }
    // Runs that match the filter (all runs without a filter).
    int matchCount() const { return m_matchCount; }
    bool isMatch(int runRow) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct SortKey
    {
        quint8 rank = 2; // 0 a value, 1 NaN, 2 missing
        bool isNumber = false;
        double number = 0;
        QString text;
    };
    void updateMatches();
    // Drops the cached sort keys of changed cells (the experiment column follows the names).
    void forgetSortKeys(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    const SortKey &sortKey(int runRow, int column) const;

    RunTreeModel *m_model = nullptr;
    SearchFilter m_filter;
    QSet<QString> m_runIdFilter;
    bool m_hasRunIdFilter = false;
    std::vector<char> m_matches; // per run row: matches the filter
    std::vector<char> m_visible; // per run row: matches or has a matching descendant
    int m_matchCount = 0;
    // Sort keys of one column, built on first use: comparing cached keys instead of decoding
    // QVariants keeps sorting 100,000 runs fast.
    mutable std::vector<SortKey> m_sortKeys;
    mutable std::vector<char> m_hasSortKey;
    mutable int m_sortKeyColumn = -1;
};
