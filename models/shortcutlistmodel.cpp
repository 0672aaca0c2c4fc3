#include "shortcutlistmodel.h"

ShortcutListModel::ShortcutListModel(QObject *parent) : QAbstractTableModel(parent) { }

void ShortcutListModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries.clear();
    for (const Entry &entry : entries) {
        if (!entry.shortcuts.isEmpty())
            m_entries.append(entry);
    }
    endResetModel();
}

int ShortcutListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ShortcutListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShortcutListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (index.column()) {
    case ActionColumn:
        return entry.action;
    case ShortcutColumn:
        return entry.shortcuts;
    case MenuColumn:
        return entry.menu;
    }
    return {};
}

QVariant ShortcutListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActionColumn:
        return tr("Action");
    case ShortcutColumn:
        return tr("Shortcut");
    case MenuColumn:
        return tr("Menu");
    }
    return {};
}
