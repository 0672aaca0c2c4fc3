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

QHash<QString, QString> ExperimentPane::experimentNames() const
{
    QHash<QString, QString> names;
    for (const Store::Experiment &experiment : m_model->experiments(m_current))
        names.insert(experiment.id, experiment.name);
    return names;
}

void ExperimentPane::openStore(const QString &location, const QString &experimentNameOrId)
{
    if (m_model->hasStore(location)) {
        m_pending.clear();
        const QStringList previous = location == m_current ? m_chosen : m_chosenBefore.value(location);
        choose(location, targets(location, experimentNameOrId, previous), false);
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
    m_chosenBefore.remove(location);
    m_selecting = true;
    m_model->removeStore(location);
    m_selecting = false;
    updateRoot();
    if (location != m_current)
        return;
    m_current.clear();
    m_chosen.clear();
    const QStringList left = m_stores->locations();
    if (!left.isEmpty()) {
        choose(left.first(), targets(left.first(), {}, m_chosenBefore.value(left.first())), false);
        return;
    }
    emit currentStoreChanged({});
    emit experimentsChosen({}, false);
}

void ExperimentPane::reload()
{
    m_stores->reloadAll(viewType());
}

void ExperimentPane::refresh()
{
    m_stores->reload(m_current, viewType());
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
        choose(location, targets(location, std::exchange(m_pendingExperiment, {}), {}), false);
    } else if (location == m_current) {
        // Read again: the same experiments, as far as they are still there.
        const QList<QModelIndex> rows = targets(location, {}, m_chosen);
        QStringList ids;
        for (const QModelIndex &index : rows)
            ids.append(m_model->experimentId(index));
        choose(location, rows, ids == m_chosen);
    }
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

void ExperimentPane::choose(const QString &location, const QList<QModelIndex> &rows, bool keepView,
                            bool select)
{
    QList<QModelIndex> sorted = rows;
    std::sort(sorted.begin(), sorted.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    if (select)
        selectRows(sorted);
    QStringList ids;
    for (const QModelIndex &index : std::as_const(sorted))
        ids.append(m_model->experimentId(index));
    if (location != m_current) {
        if (!m_current.isEmpty())
            m_chosenBefore.insert(m_current, m_chosen);
        m_current = location;
        m_chosen = ids;
        emit currentStoreChanged(location);
        emit experimentsChosen(ids, false);
        return;
    }
    if (ids == m_chosen && !keepView)
        return; // nothing new: a click on what is shown already
    m_chosen = ids;
    emit experimentsChosen(ids, keepView);
}

void ExperimentPane::onSelectionChanged()
{
    if (m_selecting)
        return;
    QModelIndexList rows = m_view->selectionModel()->selectedRows(ExperimentListModel::NameColumn);
    if (rows.isEmpty()) {
        // A click beside the rows, or Ctrl+click on the last selected one: the runs shown stay,
        // and so does their experiments' selection.
        QList<QModelIndex> shown;
        for (const QString &id : std::as_const(m_chosen)) {
            if (const QModelIndex index = m_model->indexOfExperiment(m_current, id); index.isValid())
                shown.append(index);
        }
        if (!shown.isEmpty())
            selectRows(shown);
        return;
    }
    // The runs of one store at a time: the store of the row clicked last wins.
    const QModelIndex current = m_view->currentIndex();
    QString store = m_model->location(current);
    if (m_model->isStore(current) || store.isEmpty())
        store = m_model->location(rows.constFirst());
    QList<QModelIndex> ofStore;
    for (const QModelIndex &index : std::as_const(rows)) {
        if (m_model->location(index) == store)
            ofStore.append(index);
    }
    choose(store, ofStore, false, ofStore.size() != rows.size());
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
