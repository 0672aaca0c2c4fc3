#pragma once

#include "shortcutlistmodel.h"

#include <QDialog>

class QMenuBar;
class QSortFilterProxyModel;
class QTableView;

// Help › Keyboard Shortcuts: every action of the menus that has a shortcut, then the keys of the
// views, with a filter box.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    // The menus' actions, walked recursively ("View › Charts"), separators and submenus left out.
    static QList<ShortcutListModel::Entry> entriesOf(const QMenuBar *menuBar);
    // The keys views answer while they have the focus (a chart, parallel coordinates, the
    // command palette), which no menu lists.
    static QList<ShortcutListModel::Entry> viewKeys();

    ShortcutListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }

private:
    ShortcutListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
};
