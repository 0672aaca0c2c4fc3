#include "appsettings.h"
#include "artifactspage.h"
#include "artifactspane.h"
#include "chartspage.h"
#include "commandpalette.h"
#include "comparepage.h"
#include "liveupdates.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "palettelinks.h"
#include "registryactions.h"
#include "runspage.h"
#include "shortcutsdialog.h"
#include "themedicon.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <sqlite3.h>

// The window's menus, tool bar and status bar: the actions of the pages, placed.

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseStore);
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcuts(QKeySequence::Open);
    open->setToolTip(tr("Open an MLflow tracking database"));
    m_openAction = open;
    QAction *openFolder = fileMenu->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolderStore);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setToolTip(tr("Open an mlruns folder (MLflow's file store)"));
    m_openDatabaseAction = fileMenu->addAction(tr("Open &Database…"), this, &MainWindow::chooseDatabase);
    m_openDatabaseAction->setObjectName(QStringLiteral("openDatabaseAction"));
    m_openDatabaseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    m_openDatabaseAction->setToolTip(tr("Open an MLflow store on a PostgreSQL server"));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu(); // enabled state
    fileMenu->addAction(m_runsPage->reloadAction());
    m_closeStoreAction = fileMenu->addAction(tr("&Close Store"), this, &MainWindow::closeCurrentStore);
    m_closeStoreAction->setObjectName(QStringLiteral("closeStoreAction"));
    m_closeStoreAction->setShortcuts(QKeySequence::Close); // Ctrl+W and Ctrl+F4 on Linux
    m_closeStoreAction->setToolTip(tr("Close the store whose runs show; the other open stores stay"));
    m_closeStoreAction->setEnabled(false);
    m_reopenStoresAction = fileMenu->addAction(tr("Reopen Stores at &Start"));
    m_reopenStoresAction->setObjectName(QStringLiteral("reopenStoresAction"));
    m_reopenStoresAction->setCheckable(true);
    m_reopenStoresAction->setChecked(AppSettings().value(Settings::ReopenStores));
    m_reopenStoresAction->setToolTip(tr("Open the stores that were open when Kaizen closed, unless the "
                                        "command line names stores"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some platforms
    quit->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    // Registry changes made since Kaizen started; undoing one writes its inverse to the store.
    QAction *undo = m_modelsPage->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = m_modelsPage->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    editMenu->addAction(m_comparePage->copyMarkdownAction());
    editMenu->addAction(m_comparePage->copyCsvAction());
    editMenu->addSeparator();
    editMenu->addAction(m_comparePage->pinAction());
    editMenu->addAction(m_comparePage->clearPinnedAction());
    editMenu->addSeparator();
    editMenu->addAction(m_comparePage->compareArtifactsAction());

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *pages = new QActionGroup(this);
    const auto addPageAction = [&](const QString &text, Page page) {
        QAction *action = viewMenu->addAction(text, this, [this, page] { showPage(page); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(int(Qt::Key_1) + int(page))));
        action->setCheckable(true);
        action->setChecked(m_tabs->currentIndex() == page);
        pages->addAction(action);
        addAction(action);
        connect(m_tabs, &QTabWidget::currentChanged, action,
                [action, page](int index) { action->setChecked(index == page); });
    };
    addPageAction(tr("&Runs"), RunsTab);
    addPageAction(tr("&Charts"), ChartsTab);
    addPageAction(tr("C&ompare"), CompareTab);
    addPageAction(tr("&Models"), ModelsTab);
    addPageAction(tr("&Artifacts"), ArtifactsTab);
    auto *palette = new CommandPalette(this);
    PaletteLinks::linkPalette(palette, menuBar(), {m_tabs, m_runsPage, m_chartsPage, m_modelsPage});
    m_goToAction = palette->openAction();
    viewMenu->addAction(m_goToAction);
    addAction(m_goToAction);
    viewMenu->addSeparator();
    viewMenu->addAction(m_runsPage->focusFilterAction());
    // The artifacts of the current run: in the Artifacts tab when it shows, else beside the details.
    QAction *focusArtifacts = viewMenu->addAction(tr("Run A&rtifacts"), this, [this] {
        if (m_tabs->currentIndex() == ArtifactsTab && !m_artifactsPage->isComparing()) {
            m_artifactsPage->pane()->focusTree();
            return;
        }
        showPage(RunsTab);
        m_runsPage->showArtifacts();
    });
    focusArtifacts->setObjectName(QStringLiteral("focusArtifactsAction"));
    focusArtifacts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    addAction(focusArtifacts);
    viewMenu->addAction(m_live->followAction());
    viewMenu->addAction(m_runsPage->showDeletedAction());
    viewMenu->addAction(m_runsPage->columnsAction());
    viewMenu->addSeparator();
    viewMenu->addAction(m_comparePage->onlyDifferencesAction());
    viewMenu->addAction(m_comparePage->showSystemTagsAction());
    viewMenu->addSeparator();
    QAction *resetLayout = viewMenu->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout);
    resetLayout->setObjectName(QStringLiteral("resetLayoutAction"));
    resetLayout->setToolTip(tr("Put the window, its panes, the run table's columns and the view options "
                               "back as they were at first (open stores and pinned runs stay)"));
    // Shortcuts work while the menu bar is hidden or the focus is in a dock.
    addActions({open, openFolder, m_openDatabaseAction, quit, m_live->followAction(), undo, redo,
                m_runsPage->reloadAction(), m_runsPage->focusFilterAction(),
                m_comparePage->copyMarkdownAction(), m_comparePage->copyCsvAction(),
                m_comparePage->pinAction()});

    QMenu *registryMenu = menuBar()->addMenu(tr("Re&gistry"));
    registryMenu->addAction(m_modelsPage->allowChangesAction());
    registryMenu->addSeparator();
    m_modelsPage->actions()->addToMenu(registryMenu);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setObjectName(QStringLiteral("shortcutsDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    addAction(shortcuts);
    helpMenu->addSeparator();
    QAction *about = helpMenu->addAction(tr("&About Kaizen"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

// The common actions, with icons drawn in the palette's colours (updateIcons()).
void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Tool Bar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar")); // for saveState()
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_runsPage->reloadAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_comparePage->pinAction());
    m_toolBar->addAction(m_chartsPage->exportAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_goToAction);
    updateIcons();
}

void MainWindow::updateIcons()
{
    const QPalette &colours = palette();
    m_openAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/open.svg"), colours));
    m_runsPage->reloadAction()->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/reload.svg"), colours));
    m_comparePage->pinAction()->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/pin.svg"), colours));
    m_chartsPage->exportAction()->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/export.svg"), colours));
    m_goToAction->setIcon(ThemedIcon::fromSvg(QStringLiteral(":/icons/palette.svg"), colours));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_toolBar)
        updateIcons(); // a light or dark theme chosen while Kaizen runs
    QMainWindow::changeEvent(event);
}

void MainWindow::showAbout()
{
    const QString text
        = tr("<h3>Kaizen %1</h3>"
             "<p>A desktop workbench for MLflow experiments: it opens MLflow's stores directly, "
             "read-only unless you allow registry changes.</p>"
             "<p>Kaizen uses:</p><ul>"
             "<li>Qt %2 (Widgets, Charts, Concurrent, Svg): GNU LGPL version 3</li>"
             "<li>SQLite %3: public domain</li>"
             "<li>yaml-cpp: MIT licence</li>"
             "<li>dtl (diff template library): BSD licence</li>"
             "</ul><p>MLflow is a trademark of LF Projects; Kaizen is not affiliated with it.</p>")
              .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                   QString::fromLatin1(sqlite3_libversion()));
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Kaizen"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/kaizen.svg")).pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(tr("Open an MLflow store to begin."), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_storeLabel = new QLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("loadingProgress"));
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelLoadingButton"));
    m_cancelButton->setToolTip(tr("Stop loading (what is shown so far stays)"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelLoading);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    // Live updates: how many runs are running, and the pause switch.
    statusBar()->addPermanentWidget(m_live->indicator());
    auto *follow = new QToolButton(this);
    follow->setObjectName(QStringLiteral("followChangesButton"));
    follow->setText(tr("Live"));
    follow->setCheckable(true);
    follow->setChecked(m_live->followAction()->isChecked());
    follow->setToolTip(m_live->followAction()->toolTip());
    follow->setAutoRaise(true);
    connect(follow, &QToolButton::toggled, m_live->followAction(), &QAction::setChecked);
    connect(m_live->followAction(), &QAction::toggled, follow, &QToolButton::setChecked);
    statusBar()->addPermanentWidget(follow);
    statusBar()->addPermanentWidget(m_storeLabel);
}
