#pragma once

#include "storetypes.h"

#include <QAbstractItemModel>

#include <vector>

// The open stores and their experiments as a tree: one top-level row per store (in the order
// they were opened), its experiments under it in the store's order (by id). Deleted experiments
// are kept but shown only when showDeleted() is on. Store rows are not selectable; their run
// count is the sum of their experiments' shown.
class ExperimentListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { NameColumn, RunCountColumn, ColumnCount };
    enum Roles {
        ExperimentIdRole = Qt::UserRole + 1,
        SortRole,
        IsDeletedRole,
        LocationRole, // of the store, on store and experiment rows
    };

    explicit ExperimentListModel(QObject *parent = nullptr);

    // A store row, with no experiments until setExperiments(); nothing if it is there already.
    void addStore(const QString &location);
    void removeStore(const QString &location);
    QStringList locations() const;
    bool hasStore(const QString &location) const { return storePosition(location) >= 0; }

    // The store's experiments (the store row is added if missing). When the shown ones are the
    // same as before (a store read again), only their values change (dataChanged); otherwise its
    // rows are removed and inserted again. Other stores' rows are left alone.
    void setExperiments(const QString &location, const Store::ExperimentList &experiments);
    // Every experiment given to setExperiments() for the store, shown or not.
    Store::ExperimentList experiments(const QString &location) const;

    void setShowDeleted(bool show);
    bool showDeleted() const { return m_showDeleted; }

    bool isStore(const QModelIndex &index) const;
    QModelIndex indexOfStore(const QString &location, int column = NameColumn) const;
    // The store of a store or experiment row.
    QString location(const QModelIndex &index) const;
    Store::Experiment experimentAt(const QModelIndex &index) const;
    QString experimentId(const QModelIndex &index) const;
    QModelIndex indexOfExperiment(const QString &location, const QString &experimentId,
                                  int column = NameColumn) const;
    // An experiment of the store by id or, failing that, by name (command line: --experiment 3
    // or "mnist").
    QModelIndex findExperiment(const QString &location, const QString &idOrName) const;

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct StoreRow
    {
        quintptr id; // an experiment index's internal id: stays while stores come and go
        QString location;
        QString name; // shown: the file or folder name, with its folder when two are alike
        Store::ExperimentList all;
        Store::ExperimentList shown;
    };
    static constexpr quintptr StoreRowId = 0;

    int storePosition(const QString &location) const;
    int storePositionOf(const QModelIndex &index) const; // of the store an index is (under)
    const Store::Experiment *experimentOf(const QModelIndex &index) const;
    Store::ExperimentList shownOf(const Store::ExperimentList &all) const;
    void replaceShown(int position, const Store::ExperimentList &shown);
    void updateNames(); // of the store rows, after one came or went
    QVariant storeData(const StoreRow &store, int column, int role) const;
    QVariant experimentData(const Store::Experiment &experiment, int column, int role) const;

    std::vector<StoreRow> m_stores;
    quintptr m_nextId = 1;
    bool m_showDeleted = false;
};
