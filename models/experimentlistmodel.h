#pragma once

#include "storetypes.h"

#include <QAbstractItemModel>

// The experiments of a store, one row each, in the store's order (by id).
// Deleted experiments are kept but shown only when showDeleted() is on.
class ExperimentListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { NameColumn, RunCountColumn, ColumnCount };
    enum Roles {
        ExperimentIdRole = Qt::UserRole + 1,
        SortRole,
        IsDeletedRole,
    };

    explicit ExperimentListModel(QObject *parent = nullptr);

    void setExperiments(const Store::ExperimentList &experiments);
    // Every experiment given to setExperiments(), shown or not.
    const Store::ExperimentList &experiments() const { return m_all; }

    void setShowDeleted(bool show);
    bool showDeleted() const { return m_showDeleted; }

    Store::Experiment experimentAt(const QModelIndex &index) const;
    QString experimentId(const QModelIndex &index) const;
    QModelIndex indexOfExperiment(const QString &experimentId, int column = NameColumn) const;
    // An experiment by id or, failing that, by name (command line: --experiment 3 or "mnist").
    QModelIndex findExperiment(const QString &idOrName) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void updateShown();

    Store::ExperimentList m_all;
    Store::ExperimentList m_shown;
    bool m_showDeleted = false;
};
