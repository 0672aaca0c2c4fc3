#include "mainwindow.h"

#include "appsettings.h"
#include "artifactspage.h"
#include "artifactspane.h"
#include "chartspage.h"
#include "comparepage.h"
#include "identicalfilesdialog.h"
#include "liveupdates.h"
#include "modelspage.h"
#include "noticebar.h"
#include "pagelinks.h"
#include "registryactions.h"
#include "runartifacts.h"
#include "runloader.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "sessioncredentials.h"
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
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

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
    Q_INIT_RESOURCE(resources); // in kaizen_app, a static library

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
    createToolBar();
    createStatusBar();

    connect(m_runsPage, &RunsPage::storeOpened, this, &MainWindow::addRecentStore);
    connect(m_runsPage, &RunsPage::currentStoreChanged, this, &MainWindow::onCurrentStoreChanged);
    connect(m_runsPage, &RunsPage::openFailed, this,
            [this](const QString &location, const Store::Error &error) {
                if (error.code == Store::Error::NeedsPassword) {
                    askForPassword(location, error); // instead of the error: the question
                    return;
                }
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

    restoreSettings(AppSettings());
}

// An empty `settings` (Reset Layout) puts back the defaults.
void MainWindow::restoreSettings(const AppSettings &settings)
{
    if (!restoreGeometry(settings.value(Settings::WindowGeometry)))
        resize(1280, 800);
    restoreState(settings.value(Settings::WindowState));
    m_runsPage->restoreSettings(settings);
    m_chartsPage->restoreSettings(settings);
    m_comparePage->restoreSettings(settings);
    m_modelsPage->restoreSettings(settings);
    m_live->restoreSettings(settings);
    const int page = settings.value(Settings::CurrentPage);
    showPage(page > RunsTab && page < PageCount ? Page(page) : RunsTab);
}

void MainWindow::resetLayout()
{
    saveSettings(); // what the user keeps (pinned runs, open stores) as it is now
    AppSettings settings;
    settings.resetLayout();
    restoreSettings(settings);
    statusBar()->showMessage(tr("The window, its panes, columns and view options are as at first."), 5000);
}

MainWindow::~MainWindow() = default;

void MainWindow::openStore(const QString &location, const QString &experimentNameOrId,
                           const QStringList &runIds)
{
    m_noticeBar->setText({});
    // Recent stores are remembered by their normalised location, so that they open from anywhere;
    // a password the location holds stays in memory for the store's connections.
    const QString name = Store::SessionCredentials::keep(location);
    m_lastOpen = {name, experimentNameOrId, runIds};
    m_runsPage->openStore(name, experimentNameOrId, runIds);
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
        m_runsPage->addStore(Store::SessionCredentials::keep(locations.at(i)));
}

bool MainWindow::restoreOpenStores()
{
    const QStringList stores = AppSettings().value(Settings::OpenStores);
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
    return AppSettings().value(Settings::RecentStores);
}

void MainWindow::addRecentStore(const QString &location)
{
    QStringList recent = recentStores();
    recent.removeAll(location);
    recent.prepend(location);
    AppSettings().setValue(Settings::RecentStores, recent.mid(0, MaxRecentStores));
    fillRecentMenu();
}

void MainWindow::removeRecentStore(const QString &location)
{
    QStringList recent = recentStores();
    if (recent.removeAll(location) > 0)
        AppSettings().setValue(Settings::RecentStores, recent);
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
            AppSettings().remove(Settings::RecentStores);
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
    AppSettings settings;
    settings.setValue(Settings::WindowGeometry, saveGeometry());
    settings.setValue(Settings::WindowState, saveState());
    m_runsPage->saveSettings(settings);
    m_chartsPage->saveSettings(settings);
    m_comparePage->saveSettings(settings);
    m_modelsPage->saveSettings(settings);
    m_live->saveSettings(settings);
    settings.setValue(Settings::CurrentPage, m_tabs->currentIndex());
    QStringList stores = m_runsPage->openStores();
    if (const QString current = m_runsPage->location(); stores.removeAll(current) > 0)
        stores.prepend(current);
    settings.setValue(Settings::OpenStores, stores);
    settings.setValue(Settings::ReopenStores, m_reopenStoresAction->isChecked());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}
