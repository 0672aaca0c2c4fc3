#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

// The window's keyboard shortcuts, for Help › Keyboard Shortcuts: an action, its shortcuts
// (as the platform writes them, "Ctrl+Shift+O"), and where it is in the menus.
class ShortcutListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ActionColumn, ShortcutColumn, MenuColumn, ColumnCount };

    struct Entry
    {
        QString action; // "Open Folder…", without the mnemonic's '&'
        QString shortcuts; // "Ctrl+Shift+O", several joined by ", "
        QString menu; // "File" or "View › Charts"
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    explicit ShortcutListModel(QObject *parent = nullptr);

    // Entries without a shortcut are left out; the rest keep their order (the menus').
    void setEntries(const QList<Entry> &entries);
    QList<Entry> entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};
