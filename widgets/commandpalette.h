#pragma once

#include "commandpalettemodel.h"

#include <QFrame>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QListView;

// The command palette (Ctrl+K, "Go to Anything…"): a frame over the top of the window it is
// made for, with a query line and the entries of a CommandPaletteModel that match it. Typing
// filters at once; Up/Down/Page Up/Page Down/Home/End move through the list, Enter (or a click)
// goes to the current entry, Escape or a click elsewhere closes it and gives the focus back.
//
// The palette does not know what its entries are: whoever links it fills the model on
// aboutToShow() and goes where activated() says.
class CommandPalette : public QFrame
{
    Q_OBJECT
public:
    // Rows shown at once; more scroll.
    static constexpr int VisibleRows = 12;

    // Lies over `window` (its parent), hidden until popup().
    explicit CommandPalette(QWidget *window);

    CommandPaletteModel *model() const { return m_model; }
    QLineEdit *queryEdit() const { return m_edit; }
    QListView *listView() const { return m_list; }
    // "Go to Anything…", Ctrl+K: popup(). The window places it in a menu.
    QAction *openAction() const { return m_openAction; }
    // "12 of 47 · ↑↓ Enter Esc": what matched and how to go on.
    QString statusText() const;

    // Asks for entries (aboutToShow()), then shows with an empty query and the focus in it.
    void popup();
    // Goes to the current entry: closes, then emits activated().
    void activateCurrent();

signals:
    // The palette is about to show: fill the model now.
    void aboutToShow();
    void activated(const CommandPaletteModel::Entry &entry);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateShadow();
    void dismiss();
    void activate(const QModelIndex &index);
    void onRowsChanged();
    void place();

    CommandPaletteModel *m_model;
    QLineEdit *m_edit;
    QListView *m_list;
    QLabel *m_status;
    QAction *m_openAction;
    QPointer<QWidget> m_previousFocus; // gets the focus back when the palette closes
};
