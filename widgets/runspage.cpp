#include "runspage.h"

#include "appsettings.h"
#include "artifactspane.h"
#include "experimentlistmodel.h"
#include "experimentpane.h"
#include "pageframe.h"
#include "registryloader.h"
#include "runcolumnsmenu.h"
#include "rundetailsmodel.h"
#include "rundetailsview.h"
#include "runformat.h"
#include "runloader.h"
#include "runsortfilterproxy.h"
#include "runtreemodel.h"
#include "runtreeview.h"
#include "searchfilteredit.h"
#include "shownruns.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

RunsPage::RunsPage(QWidget *parent)
    : QWidget(parent),
      m_runModel(new RunTreeModel(this)),
      m_runProxy(new RunSortFilterProxy(this)),
      m_detailsModel(new RunDetailsModel(this)),
      m_firstRowsLimit(RunLoader::DefaultFirstRowsLimit)
{
    m_runProxy->setRunModel(m_runModel);
    createActions();
    createLayout();

    connect(m_experimentPane, &ExperimentPane::loaderAdded, this, &RunsPage::connectLoader);
    connect(m_experimentPane, &ExperimentPane::storeOpened, this, &RunsPage::storeOpened);
    connect(m_experimentPane, &ExperimentPane::openFailed, this,
            [this](const QString &location, const Store::Error &error) {
                m_statusText = tr("Could not open %1.").arg(location);
                emit statusTextChanged(m_statusText);
                emit loadingChanged(isLoading());
                emit openFailed(location, error);
            });
    connect(m_experimentPane, &ExperimentPane::currentStoreChanged, this, &RunsPage::onCurrentStoreChanged);
    connect(m_experimentPane, &ExperimentPane::experimentsChosen, this, &RunsPage::loadRuns);
    connect(m_experimentPane, &ExperimentPane::experimentsReadAgain, this, &RunsPage::onExperimentsReadAgain);

    m_shownRuns = new ShownRuns(m_experimentPane->stores(), this);
    connect(m_shownRuns, &ShownRuns::runsReady, this, &RunsPage::applyRuns);
    connect(m_shownRuns, &ShownRuns::locationsChanged, this, &RunsPage::shownStoresChanged);
    connect(m_shownRuns, &ShownRuns::refreshDue, m_experimentPane, &ExperimentPane::refresh);
    connect(m_shownRuns, &ShownRuns::progressChanged, this, &RunsPage::progressChanged);
    connect(m_shownRuns, &ShownRuns::loadingChanged, this, [this] {
        emit loadingChanged(isLoading());
        updateStatusText();
    });
    connect(m_shownRuns, &ShownRuns::loadFailed, this,
            [this](const QString &, const Store::Error &error) { onLoadFailed(error); });
    connect(m_experimentPane, &ExperimentPane::noticeChanged, this, &RunsPage::noticeChanged);
    connect(m_experimentPane, &ExperimentPane::messageChanged, this, [this](const QString &message) {
        m_statusText = message;
        emit statusTextChanged(m_statusText);
    });

    m_datasetsTimer = new QTimer(this);
    m_datasetsTimer->setSingleShot(true);
    m_datasetsTimer->setInterval(150); // not one read per row while arrowing through the table
    connect(m_datasetsTimer, &QTimer::timeout, this, [this] {
        if (!m_detailsModel->hasRun())
            return;
        const QString &location = m_detailsLocation;
        if (RunLoader *loader = m_experimentPane->loader(location))
            loader->loadDatasets(m_detailsModel->runId());
        m_registryLoader->loadVersionsOfRun(location, m_detailsModel->runId());
        const int row = m_runModel->rowOfRun(location, m_detailsModel->runId());
        if (row < 0)
            return;
        const Store::RunAttributes &run = m_runModel->runs().run(row);
        m_artifactsPane->showRun(location, run.runId, RunFormat::runName(run.runName, run.runId),
                                 run.artifactUri);
        emit currentRunChanged(location, run);
    });
    // Which registered model versions came from the run (a store without a registry: none).
    m_registryLoader = new RegistryLoader(this);
    connect(m_registryLoader, &RegistryLoader::runVersionsLoaded, m_detailsModel,
            &RunDetailsModel::setRegisteredVersions);
}

void RunsPage::revealRun(const QString &experimentId, const QString &runId)
{
    if (experimentId.isEmpty() || currentExperimentIds().contains(experimentId)) {
        selectRuns({runId});
        return;
    }
    // The runs of its experiment are read first; the selection follows when they are.
    m_pendingRunIds = {runId};
    if (!selectExperiment(experimentId))
        m_pendingRunIds.clear();
}

RunsPage::~RunsPage() = default;

QTreeView *RunsPage::experimentView() const
{
    return m_experimentPane->view();
}

ExperimentListModel *RunsPage::experimentModel() const
{
    return m_experimentPane->model();
}

RunLoader *RunsPage::loader() const
{
    return m_experimentPane->loader(m_location);
}

void RunsPage::setFirstRowsLimit(int limit)
{
    m_firstRowsLimit = limit;
    for (const QString &location : m_experimentPane->locations())
        m_experimentPane->loader(location)->setFirstRowsLimit(limit);
}

QList<int> RunsPage::selectedRunRows() const
{
    QList<int> rows;
    for (const QString &key : m_runView->selectedRunKeys()) {
        if (const int row = m_runModel->rowOfKey(key); row >= 0)
            rows.append(row);
    }
    return rows;
}

QStringList RunsPage::openStores() const
{
    return m_experimentPane->locations();
}

QStringList RunsPage::shownStores() const
{
    return m_shownRuns->locations();
}

QList<StoreExperiments> RunsPage::shownExperiments() const
{
    return m_shownRuns->chosen();
}

QStringList RunsPage::currentExperimentIds() const
{
    for (const StoreExperiments &store : m_shownRuns->chosen()) {
        if (store.location == m_location)
            return store.experimentIds;
    }
    return {};
}

// Every store has a loader: the runs it reads go through ShownRuns, its datasets come here.
void RunsPage::connectLoader(const QString &location, RunLoader *loader)
{
    loader->setFirstRowsLimit(m_firstRowsLimit);
    connect(loader, &RunLoader::datasetsLoaded, this,
            [this, location](const QString &runId, const Store::DatasetInputList &datasets) {
                if (location == m_detailsLocation)
                    m_detailsModel->setDatasets(runId, datasets);
            });
    connect(loader, &RunLoader::datasetsFailed, this,
            [this, location](const QString &runId, const Store::Error &error) {
                if (location == m_detailsLocation)
                    m_detailsModel->setDatasetsFailed(runId, error.message);
            });
}

void RunsPage::onCurrentStoreChanged(const QString &location)
{
    m_location = location;
    m_reloadAction->setEnabled(!location.isEmpty());
    m_frame->showMessage(location.isEmpty() ? m_noStoreMessage : QString());
    emit currentStoreChanged(location);
    emit loadingChanged(isLoading());
}

void RunsPage::showArtifacts()
{
    m_sideTabs->setCurrentWidget(m_artifactsPane);
    m_artifactsPane->focusTree();
}

void RunsPage::createActions()
{
    m_focusFilterAction = new QAction(tr("&Filter Runs"), this);
    m_focusFilterAction->setShortcuts(QKeySequence::Find);
    m_focusFilterAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_focusFilterAction, &QAction::triggered, this, [this] { m_filterEdit->focusAndSelectAll(); });

    m_reloadAction = new QAction(tr("&Reload"), this);
    m_reloadAction->setShortcuts(QKeySequence::Refresh); // F5 and Ctrl+R on Linux
    m_reloadAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reloadAction->setEnabled(false);
    connect(m_reloadAction, &QAction::triggered, this, &RunsPage::reload);

    m_showDeletedAction = new QAction(tr("Show &Deleted"), this);
    m_showDeletedAction->setCheckable(true);
    m_showDeletedAction->setToolTip(tr("Show deleted experiments and runs"));
    connect(m_showDeletedAction, &QAction::toggled, this, [this](bool show) {
        m_experimentPane->setShowDeleted(show);
        reload();
    });
}

void RunsPage::createLayout()
{
    // Experiments.
    m_experimentPane = new ExperimentPane(this);
    QCheckBox *showDeleted = m_experimentPane->showDeletedBox();
    showDeleted->setText(m_showDeletedAction->text().remove(QLatin1Char('&')));
    showDeleted->setToolTip(m_showDeletedAction->toolTip());
    connect(showDeleted, &QCheckBox::toggled, m_showDeletedAction, &QAction::setChecked);
    connect(m_showDeletedAction, &QAction::toggled, showDeleted, &QCheckBox::setChecked);

    // Runs.
    auto *runPane = new QWidget(this);
    m_filterEdit = new SearchFilterEdit(runPane);
    connect(m_filterEdit, &SearchFilterEdit::filterChanged, this, &RunsPage::onFilterChanged);
    m_runView = new RunTreeView(m_runModel, m_runProxy, runPane);
    connect(m_runView->header(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (m_applyingSort)
                    return;
                m_sortKey = m_runModel->columnKey(column);
                m_sortOrder = order;
            });
    connect(m_runView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RunsPage::onCurrentRunChanged);
    connect(m_runView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_applyingRunIdFilter)
            return; // rows hidden by the brush, not a choice of the user
        if (m_runProxy->hasRunIdFilter())
            m_selectedWhileRunIdFiltered = true;
        emit selectedRunsChanged();
    });

    m_columnsMenu = new RunColumnsMenu(m_runView, m_runModel, QStringLiteral("RunsPage"), this);
    m_columnsMenu->setDefaultVisible(m_runModel->columnKey(RunTreeModel::ExperimentColumn), false);
    m_columnsMenu->setDefaultVisible(m_runModel->columnKey(RunTreeModel::StoreColumn), false);
    m_columnsAction = m_columnsMenu->menuAction();
    auto *columnsButton = new QToolButton(runPane);
    columnsButton->setDefaultAction(m_columnsAction);
    columnsButton->setPopupMode(QToolButton::InstantPopup);
    columnsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(columnsButton, 0, Qt::AlignTop);

    auto *runLayout = new QVBoxLayout(runPane);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addLayout(filterRow);
    runLayout->addWidget(m_runView, 1);

    m_detailsView = new RunDetailsView(m_detailsModel, this);
    m_artifactsPane = new ArtifactsPane(ArtifactsPane::Arrangement::Stacked, this);
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("runSideTabs"));
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->addTab(m_detailsView, tr("Details"));
    m_sideTabs->addTab(m_artifactsPane, tr("Artifacts"));

    m_frame = new PageFrame(QStringLiteral("runs"), this);
    m_frame->addPane(m_experimentPane, 0, 180);
    m_frame->addPane(runPane, 1, 900);
    m_frame->addPane(m_sideTabs, 0, 420);
    m_noStoreMessage = tr("<p style=\"font-size:large\">No store open</p>"
                          "<p>Open an MLflow tracking database with <b>File &gt; Open…</b>, an "
                          "<tt>mlruns</tt> folder with <b>File &gt; Open Folder…</b>, or drop either "
                          "here.</p>");
    m_frame->showMessage(m_noStoreMessage);
}

void RunsPage::openStore(const QString &location, const QString &experimentNameOrId,
                         const QStringList &runIds)
{
    m_pendingRunIds = runIds;
    m_experimentPane->openStore(location, experimentNameOrId);
    if (!m_experimentPane->pendingLocation().isEmpty()) {
        m_statusText = tr("Opening %1…").arg(location);
        emit statusTextChanged(m_statusText);
        emit loadingChanged(true);
    }
}

void RunsPage::addStore(const QString &location)
{
    m_experimentPane->addStore(location);
}

void RunsPage::closeStore(const QString &location)
{
    m_experimentPane->closeStore(location);
}

void RunsPage::reload()
{
    if (m_location.isEmpty() || !m_experimentPane->pendingLocation().isEmpty())
        return;
    m_experimentPane->reload();
}

void RunsPage::refresh(const QString &location)
{
    m_shownRuns->refresh(location);
}

void RunsPage::cancelLoading()
{
    m_shownRuns->cancel(); // updates the status text through loadingChanged
}

bool RunsPage::isLoading() const
{
    return !m_experimentPane->pendingLocation().isEmpty() || m_shownRuns->isLoading();
}

void RunsPage::onLoadFailed(const Store::Error &error)
{
    m_statusText = tr("Could not read the runs.");
    emit statusTextChanged(m_statusText);
    emit loadFailed(error);
}

bool RunsPage::selectExperiment(const QString &nameOrId)
{
    return m_experimentPane->selectExperiment(nameOrId);
}

// A new choice of experiments: a new view.
void RunsPage::loadRuns(const QList<StoreExperiments> &chosen)
{
    int experiments = 0;
    for (const StoreExperiments &store : chosen) {
        experiments += store.experimentIds.size();
        m_runModel->setExperimentNames(store.location, m_experimentPane->experimentNames(store.location));
    }
    // Which experiment or store a run is of matters only when several are shown.
    m_columnsMenu->setDefaultVisible(m_runModel->columnKey(RunTreeModel::ExperimentColumn), experiments > 1);
    m_columnsMenu->setDefaultVisible(m_runModel->columnKey(RunTreeModel::StoreColumn), chosen.size() > 1);
    m_runsComplete = false;
    m_runModel->setRuns(Store::RunTable());
    m_detailsModel->clear();
    m_detailsLocation.clear();
    m_artifactsPane->clear();
    emit currentRunChanged(m_location, {});
    emit selectedRunsChanged();
    m_shownRuns->show(chosen, m_experimentPane->viewType()); // may show kept runs at once
    updateStatusText();
    emit loadingChanged(isLoading());
}

// The same experiments of a store, read again: a reload (the old rows stay until all new ones
// are in) or a refresh (quiet, in place).
void RunsPage::onExperimentsReadAgain(const QString &location)
{
    m_runModel->setExperimentNames(location, m_experimentPane->experimentNames(location));
    m_shownRuns->readAgain(location, m_experimentPane->viewType());
    updateStatusText();
}

void RunsPage::applyRuns(const MergedRuns &shown, bool complete, bool quiet)
{
    const RunTreeView::State state = m_runView->captureState();
    if (quiet && complete && m_runsComplete && m_runModel->updateRuns(shown)) {
        // In place: the views keep selection, expansion and scroll position by themselves.
        updateStatusText();
        emit runsRefreshed();
        return;
    }
    m_applyingSort = true;
    m_runProxy->sort(-1); // sort once, below, rather than on reset and again
    m_runModel->setRuns(shown);
    m_columnsMenu->applyToView();
    const int sortColumn = m_sortKey.isEmpty() ? -1 : m_runModel->columnOfKey(m_sortKey);
    if (sortColumn >= 0)
        m_runView->sortByColumn(sortColumn, m_sortOrder);
    else
        m_runView->sortByColumn(RunTreeModel::StartTimeColumn, Qt::DescendingOrder);
    m_applyingSort = false;
    m_runView->expandAllIfSmall();
    m_columnsMenu->fitTextColumns();
    m_runsComplete = complete;

    // Runs asked for on the command line win over what the view showed before.
    QStringList wanted;
    for (const QString &id : std::as_const(m_pendingRunIds)) {
        if (const int row = m_runModel->rowOfRun(id); row >= 0)
            wanted.append(m_runModel->runKey(row));
    }
    if (!wanted.isEmpty() || (complete && !m_pendingRunIds.isEmpty())) {
        RunTreeView::State pending;
        pending.selectedRunKeys = wanted;
        pending.currentRunKey = wanted.value(0);
        pending.expandedRunKeys = state.expandedRunKeys;
        m_runView->restoreState(pending);
        if (complete || wanted.size() == m_pendingRunIds.size())
            m_pendingRunIds.clear();
    } else {
        m_runView->restoreState(state);
    }
    // Something to show in the details pane from the start.
    if (!m_runView->currentIndex().isValid() && m_runProxy->rowCount() > 0) {
        m_runView->selectionModel()->setCurrentIndex(
            m_runProxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    updateStatusText();
    emit selectedRunsChanged(); // a model reset clears the selection without a signal
    emit runsShown(complete);
}

void RunsPage::selectRuns(const QStringList &runIds)
{
    RunTreeView::State state;
    for (const QString &id : runIds) {
        if (const int row = m_runModel->rowOfRun(id); row >= 0)
            state.selectedRunKeys.append(m_runModel->runKey(row));
    }
    state.currentRunKey = state.selectedRunKeys.value(0);
    m_runView->restoreState(state);
}

void RunsPage::onCurrentRunChanged(const QModelIndex &current)
{
    const int row = m_runModel->runRow(m_runProxy->mapToSource(current));
    if (row < 0) {
        m_detailsModel->clear();
        m_detailsLocation.clear();
        m_artifactsPane->clear();
        emit currentRunChanged(m_location, {});
        return;
    }
    const QString location = m_runModel->location(row);
    if (m_runModel->runs().run(row).runId == m_detailsModel->runId() && location == m_detailsLocation)
        return;
    m_detailsLocation = location;
    m_detailsModel->setRun(m_runModel->runs(), row, location, m_runModel->runKey(row));
    m_datasetsTimer->start();
}

void RunsPage::onFilterChanged(const SearchFilter &filter)
{
    m_runProxy->setFilter(filter);
    m_runView->expandAllIfSmall();
    m_runView->scrollToCurrent();
    updateStatusText();
}

void RunsPage::setRunIdFilter(const QSet<QString> &runIds)
{
    if (!m_runProxy->hasRunIdFilter()) {
        m_viewBeforeRunIdFilter = m_runView->captureState();
        m_selectedWhileRunIdFiltered = false;
    }
    m_applyingRunIdFilter = true;
    m_runProxy->setRunIdFilter(runIds);
    m_runView->expandAllIfSmall();
    m_applyingRunIdFilter = false;
    updateStatusText();
}

void RunsPage::clearRunIdFilter()
{
    if (!m_runProxy->hasRunIdFilter())
        return;
    m_applyingRunIdFilter = true;
    m_runProxy->clearRunIdFilter();
    m_runView->expandAllIfSmall();
    if (!m_selectedWhileRunIdFiltered)
        m_runView->restoreState(m_viewBeforeRunIdFilter);
    else
        m_runView->scrollToCurrent();
    m_applyingRunIdFilter = false;
    updateStatusText();
}

void RunsPage::updateStatusText()
{
    if (!m_experimentPane->pendingLocation().isEmpty())
        return;
    const bool loading = isLoading();
    const int total = m_runModel->runs().size();
    const bool filtered = m_runProxy->isFiltered();
    QString text;
    const int experiments = m_shownRuns->experimentCount();
    const int stores = int(m_shownRuns->chosen().size());
    if (stores == 0)
        text = tr("No experiment selected.");
    else if (loading && total == 0)
        text = tr("Loading runs…");
    else if (!m_runsComplete && loading)
        text = filtered ? tr("Loading runs… %1 of the first %2 match the filter.")
                              .arg(m_runProxy->matchCount())
                              .arg(total)
                        : tr("Loading runs… showing the first %1.").arg(total);
    else if (!m_runsComplete)
        text = tr("Loading cancelled: showing the first %1 runs.").arg(total);
    else if (filtered)
        text = total == 1 ? tr("%1 of 1 run matches the filter.").arg(m_runProxy->matchCount())
                          : tr("%1 of %2 runs match the filter.").arg(m_runProxy->matchCount()).arg(total);
    else
        text = total == 1 ? tr("1 run.") : tr("%1 runs.").arg(total);
    if (stores > 1)
        text = tr("%1 stores · %2 experiments · %3").arg(stores).arg(experiments).arg(text);
    else if (experiments > 1)
        text = tr("%1 experiments · %2").arg(experiments).arg(text);
    if (m_runProxy->hasRunIdFilter())
        text += QLatin1Char(' ') + tr("Filtered by the brush in the Compare tab.");
    if (text != m_statusText) {
        m_statusText = text;
        emit statusTextChanged(m_statusText);
    }
}

void RunsPage::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::RunsSplitter, m_frame->saveState());
    settings.setValue(Settings::RunsDetailsSplitter, m_detailsView->saveState());
    settings.setValue(Settings::RunsArtifactsSplitter, m_artifactsPane->saveState());
    settings.setValue(Settings::RunsSideTab, m_sideTabs->currentIndex());
    settings.setValue(Settings::RunsSortKey, m_sortKey);
    settings.setValue(Settings::RunsSortOrder, int(m_sortOrder));
    settings.setValue(Settings::ShowDeleted, m_showDeletedAction->isChecked());
    m_columnsMenu->saveSettings(settings);
}

// An empty `settings` (a reset) puts back the defaults.
void RunsPage::restoreSettings(const AppSettings &settings)
{
    m_frame->restoreState(settings.value(Settings::RunsSplitter));
    m_detailsView->restoreState(settings.value(Settings::RunsDetailsSplitter));
    m_artifactsPane->restoreState(settings.value(Settings::RunsArtifactsSplitter));
    m_sideTabs->setCurrentIndex(settings.value(Settings::RunsSideTab));
    m_sortKey = settings.value(Settings::RunsSortKey);
    m_sortOrder
        = m_sortKey.isEmpty() ? Qt::DescendingOrder : Qt::SortOrder(settings.value(Settings::RunsSortOrder));
    const QSignalBlocker blocker(m_showDeletedAction);
    m_showDeletedAction->setChecked(settings.value(Settings::ShowDeleted));
    m_experimentPane->showDeletedBox()->setChecked(m_showDeletedAction->isChecked());
    m_experimentPane->setShowDeleted(m_showDeletedAction->isChecked());
    m_columnsMenu->restoreSettings(settings);
}
