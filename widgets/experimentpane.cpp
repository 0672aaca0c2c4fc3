#include "experimentpane.h"

#include "experimentlistmodel.h"
#include "openstores.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

ExperimentPane::ExperimentPane(QWidget *parent)
    : QWidget(parent),
      m_stores(new OpenStores(this)),
      m_model(new ExperimentListModel(this)),
      m_view(new QTreeView(this)),
      m_showDeletedBox(new QCheckBox(this))
{
    m_view->setObjectName(QStringLiteral("experimentView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    // Ctrl/Shift+click adds experiments: their runs show together in one tree.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ExperimentListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ExperimentListModel::RunCountColumn,
                                           QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExperimentPane::onSelectionChanged);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_showDeletedBox);

    connect(m_stores, &OpenStores::loaderAdded, this, &ExperimentPane::loaderAdded);
    connect(m_stores, &OpenStores::experimentsLoaded, this, &ExperimentPane::onExperimentsLoaded);
    connect(m_stores, &OpenStores::opened, this, &ExperimentPane::storeOpened);
    connect(m_stores, &OpenStores::noticeChanged, this,
            [this](const QString &location, const QString &notice) {
                if (location == m_current || location == m_pending)
                    emit noticeChanged(notice);
            });
    connect(m_stores, &OpenStores::openFailed, this,
            [this](const QString &location, const Store::Error &error) {
                if (location == m_pending) {
                    m_pending.clear();
                    m_pendingExperiment.clear();
                }
                m_selecting = true;
                m_model->removeStore(location);
                m_selecting = false;
                updateRoot();
                emit openFailed(location, error);
            });
}

Store::ViewType ExperimentPane::viewType() const
{
    return m_model->showDeleted() ? Store::ViewType::All : Store::ViewType::ActiveOnly;
}

QStringList ExperimentPane::locations() const
{
    return m_stores->locations();
}

RunLoader *ExperimentPane::loader(const QString &location) const
{
    return m_stores->loader(location);
}

QHash<QString, QString> ExperimentPane::experimentNames(const QString &location) const
{
    QHash<QString, QString> names;
    for (const Store::Experiment &experiment : m_model->experiments(location))
        names.insert(experiment.id, experiment.name);
    return names;
}

QStringList ExperimentPane::chosenIn(const QString &location) const
{
    for (const StoreExperiments &store : m_chosen) {
        if (store.location == location)
            return store.experimentIds;
    }
    return {};
}

QStringList ExperimentPane::chosenExperimentIds() const
{
    return chosenIn(m_current);
}

void ExperimentPane::openStore(const QString &location, const QString &experimentNameOrId)
{
    if (m_model->hasStore(location)) {
        m_pending.clear();
        QStringList previous = chosenIn(location);
        if (previous.isEmpty())
            previous = m_chosenBefore.value(location);
        choose(targets(location, experimentNameOrId, previous), location);
        return;
    }
    m_pending = location;
    m_pendingExperiment = experimentNameOrId;
    addStore(location);
}

void ExperimentPane::addStore(const QString &location)
{
    if (!m_stores->open(location, viewType()))
        return;
    // Its row shows at once, in the order the stores were named; the experiments follow.
    m_model->addStore(location);
    updateRoot();
    m_view->expand(m_model->indexOfStore(location));
}

void ExperimentPane::closeStore(const QString &location)
{
    if (location == m_pending)
        m_pending.clear();
    m_stores->close(location);
    m_selecting = true;
    m_model->removeStore(location);
    m_selecting = false;
    updateRoot();
    QList<StoreExperiments> left = m_chosen;
    left.removeIf([&](const StoreExperiments &store) { return store.location == location; });
    const QStringList stores = m_stores->locations();
    if (location != m_current)
        choose(left, m_current);
    else if (!left.isEmpty())
        choose(left, left.constLast().location);
    else if (!stores.isEmpty())
        choose(targets(stores.first(), {}, m_chosenBefore.value(stores.first())), stores.first());
    else
        choose(QList<StoreExperiments>(), QString());
    m_chosenBefore.remove(location); // after choose(), which remembers what it had
}

void ExperimentPane::reload()
{
    m_stores->reloadAll(viewType());
}

void ExperimentPane::refresh(const QString &location)
{
    m_stores->reload(location, viewType());
}

void ExperimentPane::setShowDeleted(bool show)
{
    m_selecting = true; // rows go and come back; reload() chooses again
    m_model->setShowDeleted(show);
    m_selecting = false;
}

void ExperimentPane::onExperimentsLoaded(const QString &location, const Store::ExperimentList &experiments)
{
    const bool becomesCurrent = location == m_pending;
    m_selecting = true;
    m_model->setExperiments(location, experiments);
    m_selecting = false;
    if (becomesCurrent) {
        m_pending.clear();
        choose(targets(location, std::exchange(m_pendingExperiment, {}), {}), location);
        return;
    }
    const QStringList previous = chosenIn(location);
    if (previous.isEmpty())
        return;
    // Read again: the same experiments, as far as they are still there.
    QStringList ids;
    for (const QModelIndex &index : targets(location, {}, previous))
        ids.append(m_model->experimentId(index));
    if (ids == previous) {
        selectRows(indexesOf(m_chosen)); // rows the model laid out anew are selected again
        emit experimentsReadAgain(location);
        return;
    }
    QList<StoreExperiments> chosen = m_chosen;
    for (StoreExperiments &store : chosen) {
        if (store.location == location)
            store.experimentIds = ids;
    }
    chosen.removeIf([](const StoreExperiments &store) { return store.experimentIds.isEmpty(); });
    choose(chosen, m_current);
    selectRows(indexesOf(chosen));
}

QList<QModelIndex> ExperimentPane::targets(const QString &location, const QString &wanted,
                                           const QStringList &previous)
{
    QList<QModelIndex> found;
    if (!wanted.isEmpty()) {
        if (const QModelIndex index = m_model->findExperiment(location, wanted); index.isValid())
            return {index};
        emit messageChanged(tr("No experiment “%1” in this store.").arg(wanted));
    }
    for (const QString &id : previous) {
        if (const QModelIndex index = m_model->indexOfExperiment(location, id); index.isValid())
            found.append(index);
    }
    const QModelIndex store = m_model->indexOfStore(location);
    for (int row = 0; found.isEmpty() && row < m_model->rowCount(store); ++row) {
        const QModelIndex index = m_model->index(row, 0, store);
        if (m_model->experimentAt(index).runCount > 0)
            found.append(index);
    }
    if (found.isEmpty() && m_model->rowCount(store) > 0)
        found.append(m_model->index(0, 0, store));
    return found;
}

void ExperimentPane::selectRows(const QList<QModelIndex> &indexes)
{
    QItemSelectionModel *selection = m_view->selectionModel();
    m_selecting = true;
    if (indexes.isEmpty()) {
        selection->clear();
    } else {
        QItemSelection rows;
        for (const QModelIndex &index : indexes)
            rows.select(index, index);
        selection->setCurrentIndex(indexes.first(), QItemSelectionModel::NoUpdate);
        selection->select(rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_selecting = false;
}

QList<QModelIndex> ExperimentPane::indexesOf(const QList<StoreExperiments> &chosen) const
{
    QList<QModelIndex> indexes;
    for (const StoreExperiments &store : chosen) {
        for (const QString &id : store.experimentIds) {
            if (const QModelIndex index = m_model->indexOfExperiment(store.location, id); index.isValid())
                indexes.append(index);
        }
    }
    return indexes;
}

void ExperimentPane::choose(const QList<QModelIndex> &rows, const QString &current, bool select)
{
    if (select)
        selectRows(rows);
    QList<StoreExperiments> chosen;
    for (const QString &location : m_model->locations()) {
        QList<QModelIndex> ofStore;
        for (const QModelIndex &index : rows) {
            if (m_model->location(index) == location)
                ofStore.append(index);
        }
        std::sort(ofStore.begin(), ofStore.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        StoreExperiments store {location, {}};
        for (const QModelIndex &index : std::as_const(ofStore))
            store.experimentIds.append(m_model->experimentId(index));
        if (!store.experimentIds.isEmpty())
            chosen.append(store);
    }
    choose(chosen, current);
}

void ExperimentPane::choose(const QList<StoreExperiments> &chosen, const QString &current)
{
    // A store left out keeps what it had chosen, for when it is opened again.
    for (const StoreExperiments &store : std::as_const(m_chosen)) {
        if (std::none_of(chosen.cbegin(), chosen.cend(),
                         [&](const StoreExperiments &other) { return other.location == store.location; }))
            m_chosenBefore.insert(store.location, store.experimentIds);
    }
    const bool currentChanged = current != m_current;
    const bool chosenChanged = chosen != m_chosen;
    m_current = current;
    m_chosen = chosen;
    if (currentChanged)
        emit currentStoreChanged(current);
    if (chosenChanged)
        emit experimentsChosen(chosen);
}

void ExperimentPane::onSelectionChanged()
{
    if (m_selecting)
        return;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(ExperimentListModel::NameColumn);
    if (rows.isEmpty()) {
        // A click beside the rows, or Ctrl+click on the last selected one: the runs shown stay,
        // and so does their experiments' selection.
        if (const QList<QModelIndex> shown = indexesOf(m_chosen); !shown.isEmpty())
            selectRows(shown);
        return;
    }
    // The store of the row clicked last becomes the current one.
    const QModelIndex clicked = m_view->currentIndex();
    QString current = m_model->location(clicked);
    if (m_model->isStore(clicked) || !rows.contains(clicked.siblingAtColumn(0))) {
        // A Ctrl+click that took a row away: the current store stays while it has chosen rows.
        const bool stays = std::any_of(rows.cbegin(), rows.cend(), [this](const QModelIndex &index) {
            return m_model->location(index) == m_current;
        });
        current = stays ? m_current : m_model->location(rows.constLast());
    }
    choose(QList<QModelIndex>(rows.cbegin(), rows.cend()), current, false);
}

bool ExperimentPane::selectExperiment(const QString &nameOrId)
{
    const QModelIndex index = m_model->findExperiment(m_current, nameOrId);
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void ExperimentPane::updateRoot()
{
    // One store: its experiments alone, as a list; several: grouped under their stores.
    const QStringList stores = m_model->locations();
    const bool single = stores.size() == 1;
    m_view->setRootIndex(single ? m_model->indexOfStore(stores.constFirst()) : QModelIndex());
    m_view->setRootIsDecorated(!single);
}
