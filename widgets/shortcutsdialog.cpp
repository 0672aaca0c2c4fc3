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

QList<ShortcutListModel::Entry> ShortcutsDialog::viewKeys()
{
    const auto keys = [](std::initializer_list<QKeySequence> sequences) {
        QStringList texts;
        for (const QKeySequence &sequence : sequences)
            texts.append(sequence.toString(QKeySequence::NativeText));
        return texts.join(QStringLiteral(", "));
    };
    const QString tabs = tr("Main window");
    const QString chart = tr("Charts › a chart");
    const QString parallel = tr("Compare › parallel coordinates");
    const QString palette = tr("Go to Anything");
    return {
        {tr("Next tab, previous tab"), keys({Qt::CTRL | Qt::Key_Tab, Qt::CTRL | Qt::SHIFT | Qt::Key_Tab}),
         tabs},
        {tr("Next view, previous view"), keys({Qt::Key_Tab, Qt::SHIFT | Qt::Key_Tab}), tabs},
        {tr("Zoom in, zoom out"), keys({Qt::Key_Plus, Qt::Key_Minus}), chart},
        {tr("Pan left, pan right"), keys({Qt::Key_Left, Qt::Key_Right}), chart},
        {tr("Reset zoom"), keys({Qt::Key_Home, Qt::Key_0}), chart},
        {tr("Previous axis, next axis"), keys({Qt::Key_Left, Qt::Key_Right}), parallel},
        {tr("Brush and slide a range up, down"), keys({Qt::Key_Up, Qt::Key_Down}), parallel},
        {tr("Stretch the range up, down"), keys({Qt::SHIFT | Qt::Key_Up, Qt::SHIFT | Qt::Key_Down}),
         parallel},
        {tr("Clear the axis's range"), keys({Qt::Key_Delete}), parallel},
        {tr("Clear every range"), keys({Qt::Key_Escape}), parallel},
        {tr("Previous match, next match"), keys({Qt::Key_Up, Qt::Key_Down}), palette},
        {tr("Go to the match"), keys({Qt::Key_Return}), palette},
        {tr("Close"), keys({Qt::Key_Escape}), palette},
    };
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent),
      m_model(new ShortcutListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setEntries(entriesOf(menuBar) + viewKeys());
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: "ctrl+shift", "charts", "pin"

    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("shortcutFilter"));
    filter->setPlaceholderText(tr("Filter: an action, a key or a menu"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setTabKeyNavigation(false); // Tab goes on to the next widget
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
