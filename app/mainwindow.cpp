#include "mainwindow.h"

#include "artifactspage.h"
#include "artifactspane.h"
#include "chartspage.h"
#include "commandpalette.h"
#include "comparepage.h"
#include "identicalfilesdialog.h"
#include "liveupdates.h"
#include "modelspage.h"
#include "noticebar.h"
#include "pagelinks.h"
#include "palettelinks.h"
#include "registryactions.h"
#include "runartifacts.h"
#include "runloader.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "storefactory.h"
#include "storelocation.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

const QString RecentStoresKey = QStringLiteral("MainWindow/recentStores");
const QString PageKey = QStringLiteral("MainWindow/page");
const QString OpenStoresKey = QStringLiteral("MainWindow/openStores"); // the current one first
const QString ReopenStoresKey = QStringLiteral("MainWindow/reopenStores");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_runsPage(new RunsPage(this)),
      m_chartsPage(new ChartsPage(this)),
      m_comparePage(new ComparePage(this)),
      m_modelsPage(new ModelsPage(this)),
      m_artifactsPage(new ArtifactsPage(this)),
      m_tabs(new QTabWidget(this)),
      m_live(new LiveUpdates(m_runsPage, m_chartsPage, this)),
      m_noticeBar(new NoticeBar(this))
{
    setWindowTitle(tr("Kaizen"));
    setAcceptDrops(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_noticeBar);
    m_tabs->setObjectName(QStringLiteral("pageTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_runsPage, tr("Runs"));
    m_tabs->addTab(m_chartsPage, tr("Charts"));
    m_tabs->addTab(m_comparePage, tr("Compare"));
    m_tabs->addTab(m_modelsPage, tr("Models"));
    m_tabs->addTab(m_artifactsPage, tr("Artifacts"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    createActions();
    createStatusBar();

    connect(m_runsPage, &RunsPage::storeOpened, this, &MainWindow::addRecentStore);
    connect(m_runsPage, &RunsPage::currentStoreChanged, this, &MainWindow::onCurrentStoreChanged);
    connect(m_runsPage, &RunsPage::openFailed, this,
            [this](const QString &location, const Store::Error &error) {
                if (error.code == Store::Error::NotFound)
                    removeRecentStore(location);
                showError(tr("Cannot Open Store"), error.message);
            });
    connect(m_runsPage, &RunsPage::loadFailed, this,
            [this](const Store::Error &error) { showError(tr("Cannot Read Runs"), error.message); });
    connect(m_runsPage, &RunsPage::noticeChanged, m_noticeBar, &NoticeBar::setText);
    connect(m_runsPage, &RunsPage::statusTextChanged, m_statusLabel, &QLabel::setText);
    connect(m_runsPage, &RunsPage::progressChanged, this, &MainWindow::setProgress);
    connect(m_runsPage, &RunsPage::loadingChanged, this, &MainWindow::updateLoading);

    // The charts and the compare page follow the runs selected in the run browser.
    PageLinks::linkCharts(m_runsPage, m_chartsPage);
    PageLinks::linkCompare(m_runsPage, m_comparePage);
    connect(m_chartsPage, &ChartsPage::loadFailed, this,
            [this](const Store::Error &error) { showError(tr("Cannot Read Metrics"), error.message); });
    connect(m_chartsPage, &ChartsPage::exportFailed, this,
            [this](const QString &message) { showError(tr("Cannot Export Chart"), message); });
    connect(m_chartsPage, &ChartsPage::progressChanged, this, &MainWindow::setProgress);
    connect(m_chartsPage, &ChartsPage::loadingChanged, this, &MainWindow::updateLoading);
    connect(m_comparePage, &ComparePage::loadFailed, this,
            [this](const QString &message) { showError(tr("Cannot Compare Runs"), message); });
    connect(m_comparePage, &ComparePage::exportFailed, this,
            [this](const QString &message) { showError(tr("Cannot Export Plot"), message); });
    connect(m_comparePage, &ComparePage::pinnedRunsChanged, this, [this] {
        const int pinned = int(m_comparePage->pinnedRuns().size());
        m_tabs->setTabText(CompareTab,
                           pinned > 0 ? tr("Compare (%n pinned)", nullptr, pinned) : tr("Compare"));
    });
    connect(m_comparePage, &ComparePage::progressChanged, this, &MainWindow::setProgress);
    connect(m_comparePage, &ComparePage::loadingChanged, this, &MainWindow::updateLoading);
    connectModelsPage();
    connectArtifactsPage();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("MainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("MainWindow/state")).toByteArray());
    m_runsPage->restoreSettings(settings);
    m_chartsPage->restoreSettings(settings);
    m_comparePage->restoreSettings(settings);
    m_modelsPage->restoreSettings(settings);
    m_live->restoreSettings(settings);
    const int page = settings.value(PageKey).toInt();
    showPage(page > RunsTab && page < PageCount ? Page(page) : RunsTab);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseStore);
    open->setShortcut(QKeySequence::Open);
    open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    QAction *openFolder = fileMenu->addAction(tr("Open &Folder…"), this, &MainWindow::chooseFolderStore);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolder->setToolTip(tr("Open an mlruns folder (MLflow's file store)"));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu(); // enabled state
    fileMenu->addAction(m_runsPage->reloadAction());
    m_closeStoreAction = fileMenu->addAction(tr("&Close Store"), this, &MainWindow::closeCurrentStore);
    m_closeStoreAction->setObjectName(QStringLiteral("closeStoreAction"));
    m_closeStoreAction->setShortcut(QKeySequence::Close);
    m_closeStoreAction->setToolTip(tr("Close the store whose runs show; the other open stores stay"));
    m_closeStoreAction->setEnabled(false);
    m_reopenStoresAction = fileMenu->addAction(tr("Reopen Stores at &Start"));
    m_reopenStoresAction->setObjectName(QStringLiteral("reopenStoresAction"));
    m_reopenStoresAction->setCheckable(true);
    m_reopenStoresAction->setChecked(QSettings().value(ReopenStoresKey, true).toBool());
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
    undo->setShortcut(QKeySequence::Undo);
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
    // Ctrl+K: any run, experiment, metric, registered model or menu action, by name.
    auto *palette = new CommandPalette(this);
    PaletteLinks::linkPalette(palette, menuBar(), {m_tabs, m_runsPage, m_chartsPage, m_modelsPage});
    viewMenu->addAction(palette->openAction());
    addAction(palette->openAction());
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
    // Shortcuts work while the menu bar is hidden or the focus is in a dock.
    addActions({open, openFolder, quit, m_live->followAction(), undo, redo, m_runsPage->reloadAction(),
                m_runsPage->focusFilterAction(), m_comparePage->copyMarkdownAction(),
                m_comparePage->copyCsvAction(), m_comparePage->pinAction()});

    QMenu *registryMenu = menuBar()->addMenu(tr("Re&gistry"));
    registryMenu->addAction(m_modelsPage->allowChangesAction());
    registryMenu->addSeparator();
    m_modelsPage->actions()->addToMenu(registryMenu);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Kaizen"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Kaizen"),
                                    tr("<b>Kaizen %1</b><p>A desktop workbench for MLflow experiments. "
                                       "Stores open read-only; registry changes are written only after "
                                       "Registry › Allow Changes.</p>")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
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

void MainWindow::openStore(const QString &location, const QString &experimentNameOrId,
                           const QStringList &runIds)
{
    m_noticeBar->setText({});
    // Recent stores are remembered by their normalised location, so that they open from anywhere.
    m_runsPage->openStore(Store::Location::normalize(location), experimentNameOrId, runIds);
}

void MainWindow::chooseStore()
{
    const QString current = Store::Location::parse(m_runsPage->location()).path();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open MLflow Store"), current.isEmpty() ? QDir::homePath() : QFileInfo(current).path(),
        tr("MLflow SQLite stores (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        openStore(path);
}

void MainWindow::chooseFolderStore()
{
    const QString current = Store::Location::parse(m_runsPage->location()).path();
    const QString path
        = QFileDialog::getExistingDirectory(this, tr("Open MLflow File Store (mlruns Folder)"),
                                            current.isEmpty() ? QDir::homePath() : QFileInfo(current).path());
    if (!path.isEmpty())
        openStore(path);
}

void MainWindow::openStores(const QStringList &locations, const QString &experimentNameOrId,
                            const QStringList &runIds)
{
    if (locations.isEmpty())
        return;
    openStore(locations.constFirst(), experimentNameOrId, runIds);
    for (qsizetype i = 1; i < locations.size(); ++i)
        m_runsPage->addStore(Store::Location::normalize(locations.at(i)));
}

bool MainWindow::restoreOpenStores()
{
    const QStringList stores = QSettings().value(OpenStoresKey).toStringList();
    if (!m_reopenStoresAction->isChecked() || stores.isEmpty())
        return false;
    openStores(stores);
    return true;
}

void MainWindow::closeCurrentStore()
{
    const QString location = m_runsPage->location();
    if (location.isEmpty())
        return;
    m_modelsPage->forgetStore(location); // opened again, it is read-only again
    m_runsPage->closeStore(location);
}

void MainWindow::onCurrentStoreChanged(const QString &location)
{
    const Store::Location store = Store::Location::parse(location);
    setWindowTitle(location.isEmpty() ? tr("Kaizen") : tr("%1 — Kaizen").arg(store.displayName()));
    m_modelsPage->setLocation(location);
    m_closeStoreAction->setEnabled(!location.isEmpty());
    if (!location.isEmpty())
        addRecentStore(location); // going back to an open store is a use too
    m_closeStoreAction->setText(location.isEmpty() ? tr("&Close Store")
                                                   : tr("&Close “%1”").arg(store.displayName()));
    updateStoreLabel();
}

void MainWindow::updateStoreLabel()
{
    if (m_runsPage->location().isEmpty()) {
        m_storeLabel->clear();
        m_storeLabel->setToolTip({});
        return;
    }
    const Store::Location store = Store::Location::parse(m_runsPage->location());
    const bool writable = m_modelsPage->isWritable();
    m_storeLabel->setText(writable ? tr("%1 · registry changes allowed").arg(store.displayLocation())
                                   : tr("%1 · read-only").arg(store.displayLocation()));
    m_storeLabel->setToolTip(writable
                                 ? tr("Registry changes are written to the store (Registry › Allow Changes).")
                                 : tr("Kaizen does not write to the store; Registry › Allow Changes turns "
                                      "registry writes on."));
}

void MainWindow::connectModelsPage()
{
    connect(m_modelsPage, &ModelsPage::errorOccurred, this, &MainWindow::showError);
    connect(m_modelsPage, &ModelsPage::writabilityChanged, this, &MainWindow::updateStoreLabel);
    connect(m_modelsPage, &ModelsPage::loadingChanged, this, &MainWindow::updateLoading);
    // A version links to its run: the Runs tab shows it, in whichever experiment it is.
    connect(m_modelsPage, &ModelsPage::runActivated, this,
            [this](const QString &experimentId, const QString &runId) {
                m_runsPage->revealRun(experimentId, runId);
                showPage(RunsTab);
            });
}

QStringList MainWindow::recentStores() const
{
    return QSettings().value(RecentStoresKey).toStringList();
}

void MainWindow::addRecentStore(const QString &location)
{
    QStringList recent = recentStores();
    recent.removeAll(location);
    recent.prepend(location);
    QSettings().setValue(RecentStoresKey, recent.mid(0, MaxRecentStores));
    fillRecentMenu();
}

void MainWindow::removeRecentStore(const QString &location)
{
    QStringList recent = recentStores();
    if (recent.removeAll(location) > 0)
        QSettings().setValue(RecentStoresKey, recent);
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentStores();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &location = recent.at(i);
        const QString label = tr("&%1 %2").arg(i + 1 < 10 ? QString::number(i + 1) : QString(),
                                               QDir::toNativeSeparators(location));
        m_recentMenu->addAction(label, this, [this, location] { openStore(location); });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(RecentStoresKey);
            fillRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    // Not exec(): the window keeps running (and loading) behind the message.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::setProgress(qint64 done, qint64 total)
{
    // total 0: busy without a known amount.
    m_progressBar->setRange(0, total > 0 ? 1000 : 0);
    m_progressBar->setValue(total > 0 ? int(done * 1000 / total) : 0);
}

void MainWindow::updateLoading()
{
    const bool loading = m_runsPage->isLoading() || m_chartsPage->isLoading() || m_comparePage->isLoading()
        || m_modelsPage->isLoading();
    m_progressBar->setVisible(loading);
    m_cancelButton->setVisible(loading);
}

void MainWindow::cancelLoading()
{
    m_runsPage->cancelLoading();
    m_chartsPage->cancelLoading();
    m_comparePage->cancelLoading();
}

void MainWindow::showPage(Page page)
{
    m_tabs->setCurrentIndex(page);
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

QString MainWindow::fileFromMimeData(const QMimeData *mimeData)
{
    if (!mimeData || !mimeData->hasUrls())
        return {};
    for (const QUrl &url : mimeData->urls()) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
        // A folder only when it is an mlruns store: any other folder is no artifact either.
        if (!path.isEmpty() && (QFileInfo(path).isFile() || Store::looksLikeStoreFile(path)))
            return path;
    }
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!fileFromMimeData(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = fileFromMimeData(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openDroppedFile(path);
}

void MainWindow::openDroppedFile(const QString &path)
{
    if (Store::looksLikeStoreFile(path))
        openStore(path);
    else
        findRunsWithFile(path);
}

void MainWindow::connectArtifactsPage()
{
    PageLinks::linkArtifacts(m_runsPage, m_comparePage, m_artifactsPage);
    connect(m_artifactsPage, &ArtifactsPage::comparisonStarted, this, [this] { showPage(ArtifactsTab); });
    connect(m_artifactsPage, &ArtifactsPage::compareFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
}

void MainWindow::findRunsWithFile(const QString &path)
{
    const QString location = m_runsPage->location();
    if (location.isEmpty()) {
        showError(tr("No Store Open"),
                  tr("%1 is not an MLflow store. Open a store first, then drop a file on the window to "
                     "find the runs whose artifacts hold an identical copy.")
                      .arg(QDir::toNativeSeparators(path)));
        return;
    }
    auto *dialog = new IdenticalFilesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &IdenticalFilesDialog::runActivated, this,
            [this](const QString &experimentId, const QString &runId) {
                showPage(RunsTab);
                m_runsPage->revealRun(experimentId, runId);
            });
    dialog->show();
    // The runs' artifact folders are found on a worker (a store read and a stat per run).
    using Roots = Store::Result<QList<RunArtifactRoot>>;
    auto *watcher = new QFutureWatcher<Roots>(dialog);
    connect(watcher, &QFutureWatcherBase::finished, dialog, [dialog, watcher, path] {
        watcher->deleteLater();
        const Roots roots = watcher->result();
        if (roots)
            dialog->find(path, *roots);
        else
            dialog->showError(roots.error().message);
    });
    watcher->setFuture(QtConcurrent::run([location] { return Artifacts::runArtifactRoots(location); }));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("MainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("MainWindow/state"), saveState());
    m_runsPage->saveSettings(settings);
    m_chartsPage->saveSettings(settings);
    m_comparePage->saveSettings(settings);
    m_modelsPage->saveSettings(settings);
    m_live->saveSettings(settings);
    settings.setValue(PageKey, m_tabs->currentIndex());
    QStringList stores = m_runsPage->openStores();
    if (const QString current = m_runsPage->location(); stores.removeAll(current) > 0)
        stores.prepend(current);
    settings.setValue(OpenStoresKey, stores);
    settings.setValue(ReopenStoresKey, m_reopenStoresAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
