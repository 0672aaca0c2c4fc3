#include "modelspage.h"

#include "appsettings.h"
#include "modelhealthpane.h"
#include "modelversiontablemodel.h"
#include "pageframe.h"
#include "registeredmodellistmodel.h"
#include "registryactions.h"
#include "registryactivitylog.h"
#include "registryactivitymodel.h"
#include "registryfilter.h"
#include "registryformat.h"
#include "registryloader.h"
#include "registryplanner.h"
#include "registrywriter.h"
#include "stagelanemodel.h"
#include "stagelanesview.h"
#include "stagestaleness.h"
#include "storelocation.h"
#include "versioncarddelegate.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

constexpr qint64 Day = 24 * 3600 * 1000;

QSortFilterProxyModel *sortingProxy(QAbstractItemModel *source, int sortRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    return proxy;
}

// The changes made from Kaizen to `model`, newest first; none when the log cannot be read (a
// short file of Kaizen's own: read on the GUI thread).
RegistryActivityList activityOf(const QString &location, const QString &model)
{
    if (location.isEmpty() || model.isEmpty())
        return {};
    auto entries = RegistryActivityLog().entries(location, model);
    if (!entries)
        return {};
    RegistryActivityList list = std::move(entries).value();
    std::reverse(list.begin(), list.end());
    return list;
}

} // namespace

ModelsPage::ModelsPage(QWidget *parent)
    : QWidget(parent),
      m_loader(new RegistryLoader(this)),
      m_writer(new RegistryWriter(this)),
      m_undoStack(new QUndoStack(this)),
      m_actions(new RegistryActions(m_writer, m_undoStack, this)),
      m_modelList(new RegisteredModelListModel(this)),
      m_modelProxy(sortingProxy(m_modelList, RegisteredModelListModel::SortRole, this)),
      m_versionTable(new ModelVersionTableModel(this)),
      m_versionProxy(sortingProxy(m_versionTable, ModelVersionTableModel::SortRole, this)),
      m_laneModel(new StageLaneModel(this)),
      m_activity(new RegistryActivityModel(this))
{
    createLayout();
    connect(m_loader, &RegistryLoader::loadingChanged, this, &ModelsPage::loadingChanged);
    connect(m_loader, &RegistryLoader::modelsLoaded, this, &ModelsPage::onModelsLoaded);
    connect(m_loader, &RegistryLoader::modelsFailed, this, &ModelsPage::onModelsFailed);
    connect(m_loader, &RegistryLoader::versionsLoaded, this, &ModelsPage::onVersionsLoaded);
    connect(m_loader, &RegistryLoader::versionsFailed, this,
            [this](const QString &, const Store::Error &error) {
                emit errorOccurred(tr("Cannot Read Model Versions"), error.message);
            });
    connect(m_writer, &RegistryWriter::writabilityChanged, this, &ModelsPage::onWritabilityChanged);
    connect(m_writer, &RegistryWriter::changeApplied, this,
            [this](quint64, const QString &location, const Store::RegistryChange &change,
                   const Store::RegistryWrite &write) { onChangeApplied(location, change, write); });
    connect(m_writer, &RegistryWriter::changeFailed, this,
            [this](quint64, const QString &location, const Store::RegistryChange &change,
                   const Store::Error &error) { onChangeFailed(location, change, error); });
    connect(m_actions, &RegistryActions::refused, this,
            [this](const QString &message) { emit errorOccurred(tr("Change Refused"), message); });
    connect(m_laneModel, &StageLaneModel::transitionRequested, this,
            [this](const QString &, int version, const QString &stage) {
                m_actions->requestTransition(version, stage);
            });
    m_frame->showMessage(tr("Open an MLflow store to see its model registry."));
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::createLayout()
{
    auto *bar = new QWidget(this);
    createToolBar(bar);

    m_modelView = new QTableView(this);
    m_modelView->setObjectName(QStringLiteral("modelTable"));
    m_modelView->setModel(m_modelProxy);
    m_modelView->setSortingEnabled(true);
    m_modelView->sortByColumn(RegisteredModelListModel::NameColumn, Qt::AscendingOrder);
    m_modelView->setTabKeyNavigation(false); // Tab goes on to the next view; arrows move between cells
    m_modelView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_modelView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_modelView->verticalHeader()->hide();
    m_modelView->horizontalHeader()->setStretchLastSection(true);
    m_modelView->setWordWrap(false);
    // Narrow stage columns (a version number each), so that the four fit beside the name.
    m_modelView->horizontalHeader()->setDefaultSectionSize(64);
    m_modelView->setColumnWidth(RegisteredModelListModel::NameColumn, 150);
    m_modelView->setColumnWidth(RegisteredModelListModel::DescriptionColumn, 160);
    for (int column = RegisteredModelListModel::NoneColumn;
         column <= RegisteredModelListModel::ArchivedColumn; ++column)
        m_modelView->setColumnWidth(column, 70);
    m_modelView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_modelView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModelsPage::onCurrentModelChanged);
    connect(m_modelView, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showVersionMenu(0, m_modelView->viewport()->mapToGlobal(pos)); });

    m_lanes = new StageLanesView(this);
    m_lanes->setObjectName(QStringLiteral("stageLanes"));
    m_lanes->setModel(m_laneModel);
    connect(m_lanes, &StageLanesView::currentVersionChanged, this, &ModelsPage::setCurrentVersion);
    connect(m_lanes, &StageLanesView::contextMenuRequested, this, &ModelsPage::showVersionMenu);
    connect(m_lanes, &StageLanesView::versionActivated, this, [this](int version) {
        for (const Store::ModelVersion &v : std::as_const(m_versions)) {
            if (v.version == version && !ModelVersionTableModel::runIdOf(v).isEmpty())
                emit runActivated(v.runExperimentId, ModelVersionTableModel::runIdOf(v));
        }
    });

    m_versionView = new QTableView(this);
    m_versionView->setObjectName(QStringLiteral("versionTable"));
    m_versionView->setModel(m_versionProxy);
    m_versionView->setSortingEnabled(true);
    m_versionView->sortByColumn(ModelVersionTableModel::VersionColumn, Qt::DescendingOrder);
    m_versionView->setTabKeyNavigation(false);
    m_versionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versionView->verticalHeader()->hide();
    m_versionView->horizontalHeader()->setStretchLastSection(true);
    m_versionView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_versionView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                setCurrentVersion(current.data(ModelVersionTableModel::VersionRole).toInt());
            });
    connect(m_versionView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_versionView->indexAt(pos);
        showVersionMenu(index.data(ModelVersionTableModel::VersionRole).toInt(),
                        m_versionView->viewport()->mapToGlobal(pos));
    });
    // Clicking a version's run follows the link to the Runs tab.
    connect(m_versionView, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == ModelVersionTableModel::RunColumn) {
            const Store::ModelVersion v = m_versionTable->versionAt(m_versionProxy->mapToSource(index));
            if (!ModelVersionTableModel::runIdOf(v).isEmpty())
                emit runActivated(v.runExperimentId, ModelVersionTableModel::runIdOf(v));
        }
    });

    m_health = new ModelHealthPane(this);
    connect(m_health, &ModelHealthPane::runActivated, this, &ModelsPage::runActivated);

    m_activityView = new QTreeView(this);
    m_activityView->setObjectName(QStringLiteral("activityView"));
    m_activityView->setModel(m_activity);
    m_activityView->setRootIsDecorated(false);
    m_activityView->setAlternatingRowColors(true);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("modelTabs"));
    m_tabs->addTab(m_lanes, tr("Stage Lanes"));
    m_tabs->addTab(m_versionView, tr("Versions"));
    m_tabs->addTab(m_health, tr("Health"));
    m_tabs->addTab(m_activityView, tr("Activity"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == HealthTab)
            m_health->load(m_location, currentModel(), m_versions);
    });

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("registryDetails"));
    m_details->setOpenExternalLinks(true);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("modelsDetailSplitter"));
    right->addWidget(m_tabs);
    right->addWidget(m_details);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

    m_frame = new PageFrame(QStringLiteral("models"), this);
    m_frame->addBar(bar);
    m_frame->addPane(m_modelView, 2, 420);
    m_frame->addPane(right, 5, 860);
}

void ModelsPage::createToolBar(QWidget *bar)
{
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(QStringLiteral("modelFilter"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setPlaceholderText(tr("Filter models: name LIKE 'churn%' AND tags.team = 'risk'"));
    connect(m_filterEdit, &QLineEdit::textChanged, this, &ModelsPage::applyFilter);
    m_focusFilter = new QAction(tr("Filter Models"), this);
    // No shortcut of its own: Ctrl+F is the window's (the run filter); a second one would be
    // ambiguous while this tab shows.
    connect(m_focusFilter, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addAction(m_focusFilter);

    auto *tools = new QToolBar(bar);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_allowChanges = new QAction(tr("Allow Changes"), this);
    m_allowChanges->setObjectName(QStringLiteral("allowChangesAction"));
    m_allowChanges->setCheckable(true);
    m_allowChanges->setEnabled(false);
    m_allowChanges->setToolTip(tr("Write registry changes to this store (it opens read-only)"));
    connect(m_allowChanges, &QAction::toggled, this, [this](bool on) {
        if (!on)
            m_allowedStores.remove(Store::Location::normalize(m_location));
        if (on != m_writable && !m_location.isEmpty())
            m_writer->setWritable(m_location, on);
    });
    tools->addAction(m_allowChanges);
    tools->addSeparator();
    auto *transition = new QToolButton(tools);
    transition->setText(tr("Transition"));
    transition->setPopupMode(QToolButton::InstantPopup);
    auto *transitionMenu = new QMenu(transition);
    transitionMenu->addActions(m_actions->transitionActions());
    transition->setMenu(transitionMenu);
    tools->addWidget(transition);
    tools->addAction(m_actions->setAliasAction());
    tools->addAction(m_actions->setTagAction());
    tools->addAction(m_actions->editDescriptionAction());
    m_ageLimit = new QAction(tr("Stale After…"), this);
    m_ageLimit->setToolTip(
        tr("How long a version may sit in a stage before it shows amber (red at twice that)"));
    connect(m_ageLimit, &QAction::triggered, this, &ModelsPage::chooseAgeLimit);
    tools->addAction(m_ageLimit);
    // Shortcuts work anywhere in the page.
    addActions(m_actions->transitionActions());
    addAction(m_actions->setAliasAction());
    addAction(m_actions->editDescriptionAction());

    layout->addWidget(m_filterEdit, 1);
    layout->addWidget(tools);
}

void ModelsPage::setLocation(const QString &location)
{
    if (!m_location.isEmpty() && m_writable)
        m_writer->setWritable(m_location, false);
    m_location = location;
    m_writable = false;
    {
        const QSignalBlocker blocker(m_allowChanges); // not the user turning it off
        m_allowChanges->setChecked(false);
    }
    m_allowChanges->setEnabled(!location.isEmpty());
    m_actions->setWritable(false);
    m_laneModel->setLocation(location);
    // The undo stack keeps the changes made to other stores: each command knows its store, and
    // undoing one whose store is not open for writing is refused with a message, not lost.
    m_allModels.clear();
    m_versions.clear();
    m_versionsModel.clear();
    m_modelList->setModels({});
    m_versionTable->clear();
    m_laneModel->clear();
    m_frame->showMessage(tr("Reading the model registry…"));
    reload();
    emit writabilityChanged(false, {});
    if (!location.isEmpty() && m_allowedStores.contains(Store::Location::normalize(location)))
        m_writer->setWritable(location, true); // as the user left it
}

void ModelsPage::forgetStore(const QString &location)
{
    m_allowedStores.remove(Store::Location::normalize(location));
}

void ModelsPage::reload()
{
    if (m_location.isEmpty())
        return;
    m_loader->loadModels(m_location);
    if (!m_versionsModel.isEmpty())
        m_loader->loadVersions(m_location, m_versionsModel);
    m_activity->setEntries(activityOf(m_location, currentModel()));
    emit loadingChanged();
}

bool ModelsPage::isLoading() const
{
    return m_loader->isLoading();
}

QString ModelsPage::message() const
{
    return m_frame->message();
}

void ModelsPage::onModelsLoaded(const QString &location, const Store::RegisteredModelList &models)
{
    if (location != m_location)
        return;
    m_allModels = models;
    applyFilter();
    if (models.isEmpty())
        m_frame->showMessage(tr("This store's model registry holds no registered models yet."));
    else
        m_frame->showMessage({});
    if (!m_pendingModel.isEmpty()) {
        const QString pending = std::exchange(m_pendingModel, {});
        selectModel(pending, std::exchange(m_pendingVersion, 0));
    } else if (!m_modelView->currentIndex().isValid() && m_modelProxy->rowCount() > 0) {
        m_modelView->setCurrentIndex(m_modelProxy->index(0, RegisteredModelListModel::NameColumn));
    }
    emit loadingChanged();
}

void ModelsPage::onModelsFailed(const QString &location, const Store::Error &error)
{
    if (location != m_location)
        return;
    m_frame->showMessage(error.code == Store::Error::NoRegistry ? tr("No model registry in this store.")
                                                                : error.message.toHtmlEscaped());
    m_allowChanges->setEnabled(false);
    emit loadingChanged();
}

void ModelsPage::applyFilter()
{
    const RegistryFilter filter = RegistryFilter::parse(m_filterEdit->text());
    m_filterEdit->setToolTip(filter.isValid() ? QString() : filter.errorString());
    m_filterEdit->setStyleSheet(filter.isValid() ? QString()
                                                 : QStringLiteral("QLineEdit { color: #b91c1c }"));
    if (!filter.isValid())
        return;
    const QString current = currentModel();
    m_modelList->setModels(filter.filter(m_allModels));
    if (!current.isEmpty() && current != currentModel())
        selectModel(current);
}

void ModelsPage::selectModel(const QString &name, int version)
{
    const QModelIndex index = m_modelProxy->mapFromSource(m_modelList->indexOfModel(name));
    if (!index.isValid()) {
        m_pendingModel = name; // the models are not read yet
        m_pendingVersion = version;
        return;
    }
    m_modelView->setCurrentIndex(index);
    m_modelView->scrollTo(index);
    if (version > 0) {
        m_pendingVersion = version;
        if (m_versionsModel == name)
            setCurrentVersion(version);
    }
}

QString ModelsPage::currentModel() const
{
    return m_modelView->currentIndex().data(RegisteredModelListModel::ModelNameRole).toString();
}

void ModelsPage::onCurrentModelChanged()
{
    const QString name = currentModel();
    if (name == m_versionsModel)
        return updateContext();
    m_versionsModel = name;
    m_versions.clear();
    m_currentVersion = 0;
    m_versionTable->clear();
    m_laneModel->clear();
    if (!name.isEmpty())
        m_loader->loadVersions(m_location, name);
    m_activity->setEntries(activityOf(m_location, name));
    updateContext();
}

void ModelsPage::onVersionsLoaded(const QString &model, const Store::ModelVersionList &versions)
{
    if (model != m_versionsModel)
        return;
    m_versions = versions;
    m_versionTable->setVersions(versions);
    m_laneModel->setVersions(versions);
    const int wanted = m_pendingVersion ? std::exchange(m_pendingVersion, 0) : m_currentVersion;
    const bool exists = std::any_of(versions.begin(), versions.end(),
                                    [&](const Store::ModelVersion &v) { return v.version == wanted; });
    setCurrentVersion(exists ? wanted : (versions.isEmpty() ? 0 : versions.last().version));
    updateLaneNotes();
    if (m_tabs->currentIndex() == HealthTab)
        m_health->load(m_location, model, versions);
    updateContext();
}

void ModelsPage::setCurrentVersion(int version)
{
    m_currentVersion = version;
    if (m_lanes->currentVersion() != version)
        m_lanes->setCurrentVersion(version);
    const QModelIndex row = m_versionProxy->mapFromSource(m_versionTable->indexOfVersion(version));
    if (row.isValid() && m_versionView->currentIndex().row() != row.row())
        m_versionView->setCurrentIndex(row);
    updateContext();
}

void ModelsPage::updateContext()
{
    const QModelIndex current = m_modelList->indexOfModel(currentModel());
    m_actions->setContext(m_location, m_modelList->modelAt(current), m_versions, m_currentVersion);
    updateDetails();
}

void ModelsPage::updateDetails()
{
    const Store::RegisteredModel model = m_modelList->modelAt(m_modelList->indexOfModel(currentModel()));
    if (model.name.isEmpty()) {
        m_details->clear();
        return;
    }
    QString markdown = QStringLiteral("### %1\n\n").arg(model.name);
    markdown += model.description.isEmpty() ? tr("*No description.*") : model.description;
    markdown += QStringLiteral("\n\n");
    if (!model.tags.isEmpty())
        markdown += tr("**Tags:** %1\n\n").arg(RegistryFormat::tagsText(model.tags));
    for (const Store::ModelVersion &v : std::as_const(m_versions)) {
        if (v.version != m_currentVersion)
            continue;
        markdown
            += QStringLiteral("---\n\n#### %1\n\n").arg(tr("Version %1 · %2").arg(v.version).arg(v.stage));
        if (!v.description.isEmpty())
            markdown += v.description + QStringLiteral("\n\n");
        markdown += tr("**Source:** `%1`\n\n").arg(v.source);
        if (!v.loggedModelId.isEmpty())
            markdown += tr("**Logged model:** %1 (`%2`), from run `%3`\n\n")
                            .arg(v.loggedModelName, v.loggedModelId, v.loggedModelRunId);
        if (!v.aliases.isEmpty())
            markdown += tr("**Aliases:** %1\n\n").arg(RegistryFormat::aliasesText(v.aliases));
        if (!v.tags.isEmpty())
            markdown += tr("**Tags:** %1\n\n").arg(RegistryFormat::tagsText(v.tags));
    }
    m_details->setMarkdown(markdown);
}

void ModelsPage::updateLaneNotes()
{
    const QSettings settings;
    const qint64 limit = StageStaleness::ageLimit(settings, m_location, m_versionsModel);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<StageStaleness::StageAge> ages = StageStaleness::stageAges(m_versions, now, limit);
    for (int lane = 0; lane < ages.size() && lane < StageLanesView::LaneCount; ++lane) {
        const StageStaleness::StageAge &age = ages.at(lane);
        if (age.version == 0) {
            m_lanes->setLaneNote(lane, tr("empty"), {});
            continue;
        }
        QColor color;
        if (age.level == StageStaleness::Level::Amber)
            color = QColor(0xd97706);
        else if (age.level == StageStaleness::Level::Red)
            color = QColor(0xdc2626);
        const QString since = VersionCardDelegate::ageText(age.since, now);
        m_lanes->setLaneNote(
            lane, tr("v%1 here since %2").arg(age.version).arg(since), color,
            limit > 0 ? tr("Stale after %n day(s) (amber), red at twice that", nullptr, int(limit / Day))
                      : tr("Set an age limit with Stale After…"));
    }
}

void ModelsPage::chooseAgeLimit()
{
    const QString model = currentModel();
    if (model.isEmpty())
        return;
    QSettings settings;
    const qint64 limit = StageStaleness::ageLimit(settings, m_location, model);
    bool ok = false;
    const int days = QInputDialog::getInt(this, tr("Stale After"),
                                          tr("Days a version of %1 may sit in a stage before it shows amber "
                                             "(0: never):")
                                              .arg(model),
                                          int(limit / Day), 0, 3650, 1, &ok);
    if (!ok)
        return;
    StageStaleness::setAgeLimit(settings, m_location, model, qint64(days) * Day);
    updateLaneNotes();
}

void ModelsPage::showVersionMenu(int version, const QPoint &globalPos)
{
    QMenu menu(this);
    m_actions->fillContextMenu(&menu, version);
    if (version > 0) {
        for (const Store::ModelVersion &v : std::as_const(m_versions)) {
            const QString runId = ModelVersionTableModel::runIdOf(v);
            if (v.version == version && !runId.isEmpty()) {
                menu.addSeparator();
                const QString experimentId = v.runExperimentId;
                menu.addAction(tr("Show Run %1").arg(runId.left(8)), this,
                               [this, experimentId, runId] { emit runActivated(experimentId, runId); });
            }
        }
    }
    menu.exec(globalPos);
}

void ModelsPage::onWritabilityChanged(const QString &location, bool writable, const QString &reason)
{
    if (Store::Location::normalize(location) != Store::Location::normalize(m_location))
        return;
    m_writable = writable;
    if (writable)
        m_allowedStores.insert(Store::Location::normalize(location));
    else
        m_allowedStores.remove(Store::Location::normalize(location));
    const QSignalBlocker blocker(m_allowChanges);
    m_allowChanges->setChecked(writable);
    m_actions->setWritable(writable);
    if (!writable && !reason.isEmpty())
        emit errorOccurred(tr("Store Stays Read-Only"), reason);
    emit writabilityChanged(writable, reason);
}

void ModelsPage::onChangeApplied(const QString &location, const Store::RegistryChange &change,
                                 const Store::RegistryWrite &write)
{
    // Kaizen's own record; a failure to keep it does not undo what was written.
    if (const Store::Error logged = RegistryActivityLog().append(location, change, write.time); !logged.ok())
        emit errorOccurred(tr("Cannot Record the Change"), logged.message);
    if (Store::Location::normalize(location) == Store::Location::normalize(m_location))
        reload();
    emit changeWritten(change);
}

void ModelsPage::onChangeFailed(const QString &location, const Store::RegistryChange &change,
                                const Store::Error &error)
{
    QString message = error.message;
    if (error.code == Store::Error::Conflict)
        message += QLatin1Char('\n') + tr("Nothing was written; the page now shows what the store holds.");
    emit errorOccurred(tr("Cannot Change %1").arg(change.model), message);
    if (Store::Location::normalize(location) == Store::Location::normalize(m_location))
        reload();
}

void ModelsPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void ModelsPage::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::ModelsSplitter, m_frame->saveState());
    settings.setValue(Settings::ModelsTab, m_tabs->currentIndex());
    settings.setValue(Settings::ModelsFilter, m_filterEdit->text());
}

void ModelsPage::restoreSettings(const AppSettings &settings)
{
    m_frame->restoreState(settings.value(Settings::ModelsSplitter));
    m_tabs->setCurrentIndex(settings.value(Settings::ModelsTab));
    m_filterEdit->setText(settings.value(Settings::ModelsFilter));
}
