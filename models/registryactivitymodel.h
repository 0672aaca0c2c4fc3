#pragma once

#include "registryactivitylog.h"

#include <QAbstractTableModel>

// The registry changes made from Kaizen to one model, newest first, for the Models tab's
// Activity view: when, who, what, and each part before → after.
class RegistryActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { TimeColumn, UserColumn, ChangeColumn, DetailsColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1 };

    explicit RegistryActivityModel(QObject *parent = nullptr);

    void setEntries(const RegistryActivityList &entries);
    const RegistryActivityList &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RegistryActivityList m_entries;
};
