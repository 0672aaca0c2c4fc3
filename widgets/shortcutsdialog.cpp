#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString withoutMnemonic(QString text)
{
    return text.replace(QLatin1String("&&"), QLatin1String("\x01"))
        .remove(QLatin1Char('&'))
        .replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

void collect(const QMenu *menu, const QString &path, QList<ShortcutListModel::Entry> &entries)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *submenu = action->menu()) {
            collect(submenu, path + QStringLiteral(" › ") + withoutMnemonic(submenu->title()), entries);
            continue;
        }
        QStringList shortcuts;
        for (const QKeySequence &sequence : action->shortcuts())
            shortcuts.append(sequence.toString(QKeySequence::NativeText));
        entries.append({withoutMnemonic(action->text()), shortcuts.join(QStringLiteral(", ")), path});
    }
}

} // namespace

QList<ShortcutListModel::Entry> ShortcutsDialog::entriesOf(const QMenuBar *menuBar)
{
    QList<ShortcutListModel::Entry> entries;
    for (const QAction *action : menuBar->actions()) {
        if (const QMenu *menu = action->menu())
            collect(menu, withoutMnemonic(menu->title()), entries);
    }
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent),
      m_model(new ShortcutListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setEntries(entriesOf(menuBar));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: "ctrl+shift", "charts", "pin"

    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("shortcutFilter"));
    filter->setPlaceholderText(tr("Filter: an action, a key or a menu"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the menus' order until a header is clicked
    m_view->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(560, 520);
    filter->setFocus();
}
