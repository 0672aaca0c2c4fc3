#include "experimentlistmodel.h"

#include "runformat.h"
#include "storelocation.h"

#include <QFileInfo>
#include <QFont>

#include <algorithm>

ExperimentListModel::ExperimentListModel(QObject *parent) : QAbstractItemModel(parent) { }

void ExperimentListModel::addStore(const QString &location)
{
    if (hasStore(location))
        return;
    const int position = int(m_stores.size());
    beginInsertRows({}, position, position);
    m_stores.push_back({m_nextId++, location, Store::Location::parse(location).displayName(), {}, {}});
    endInsertRows();
    updateNames();
}

void ExperimentListModel::removeStore(const QString &location)
{
    const int position = storePosition(location);
    if (position < 0)
        return;
    beginRemoveRows({}, position, position);
    m_stores.erase(m_stores.begin() + position);
    endRemoveRows();
    updateNames();
}

QStringList ExperimentListModel::locations() const
{
    QStringList locations;
    for (const StoreRow &store : m_stores)
        locations.append(store.location);
    return locations;
}

void ExperimentListModel::setExperiments(const QString &location, const Store::ExperimentList &experiments)
{
    addStore(location);
    const int position = storePosition(location);
    m_stores[size_t(position)].all = experiments;
    replaceShown(position, shownOf(experiments));
}

Store::ExperimentList ExperimentListModel::experiments(const QString &location) const
{
    const int position = storePosition(location);
    return position < 0 ? Store::ExperimentList() : m_stores[size_t(position)].all;
}

void ExperimentListModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    m_showDeleted = show;
    for (size_t position = 0; position < m_stores.size(); ++position)
        replaceShown(int(position), shownOf(m_stores[position].all));
}

Store::ExperimentList ExperimentListModel::shownOf(const Store::ExperimentList &all) const
{
    Store::ExperimentList shown;
    for (const Store::Experiment &experiment : all) {
        if (m_showDeleted || !experiment.isDeleted())
            shown.append(experiment);
    }
    return shown;
}

void ExperimentListModel::replaceShown(int position, const Store::ExperimentList &shown)
{
    StoreRow &store = m_stores[size_t(position)];
    const QModelIndex parent = index(position, 0);
    const bool sameRows = shown.size() == store.shown.size()
        && std::equal(shown.cbegin(), shown.cend(), store.shown.cbegin(),
                      [](const Store::Experiment &a, const Store::Experiment &b) { return a.id == b.id; });
    if (sameRows) {
        // Read again with the same experiments (live updates): selection and focus stay.
        store.shown = shown;
        if (!shown.isEmpty())
            emit dataChanged(index(0, 0, parent), index(int(shown.size()) - 1, ColumnCount - 1, parent));
        emit dataChanged(index(position, 0), index(position, ColumnCount - 1));
        return;
    }
    if (!store.shown.isEmpty()) {
        beginRemoveRows(parent, 0, int(store.shown.size()) - 1);
        store.shown.clear();
        endRemoveRows();
    }
    if (!shown.isEmpty()) {
        beginInsertRows(parent, 0, int(shown.size()) - 1);
        store.shown = shown;
        endInsertRows();
    }
    emit dataChanged(index(position, 0), index(position, ColumnCount - 1));
}

int ExperimentListModel::storePosition(const QString &location) const
{
    const auto found = std::find_if(m_stores.cbegin(), m_stores.cend(),
                                    [&](const StoreRow &store) { return store.location == location; });
    return found == m_stores.cend() ? -1 : int(found - m_stores.cbegin());
}

int ExperimentListModel::storePositionOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    if (index.internalId() == StoreRowId)
        return index.row() < int(m_stores.size()) ? index.row() : -1;
    const auto found = std::find_if(m_stores.cbegin(), m_stores.cend(),
                                    [&](const StoreRow &store) { return store.id == index.internalId(); });
    return found == m_stores.cend() ? -1 : int(found - m_stores.cbegin());
}

const Store::Experiment *ExperimentListModel::experimentOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == StoreRowId)
        return nullptr;
    const int position = storePositionOf(index);
    if (position < 0 || index.row() >= m_stores[size_t(position)].shown.size())
        return nullptr;
    return &m_stores[size_t(position)].shown.at(index.row());
}

bool ExperimentListModel::isStore(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() == StoreRowId;
}

QModelIndex ExperimentListModel::indexOfStore(const QString &location, int column) const
{
    const int position = storePosition(location);
    return position < 0 ? QModelIndex() : index(position, column);
}

QString ExperimentListModel::location(const QModelIndex &index) const
{
    const int position = storePositionOf(index);
    return position < 0 ? QString() : m_stores[size_t(position)].location;
}

Store::Experiment ExperimentListModel::experimentAt(const QModelIndex &index) const
{
    const Store::Experiment *experiment = experimentOf(index);
    return experiment ? *experiment : Store::Experiment();
}

QString ExperimentListModel::experimentId(const QModelIndex &index) const
{
    const Store::Experiment *experiment = experimentOf(index);
    return experiment ? experiment->id : QString();
}

QModelIndex ExperimentListModel::indexOfExperiment(const QString &location, const QString &experimentId,
                                                   int column) const
{
    const int position = storePosition(location);
    if (position < 0)
        return {};
    const Store::ExperimentList &shown = m_stores[size_t(position)].shown;
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row).id == experimentId)
            return index(row, column, index(position, 0));
    }
    return {};
}

QModelIndex ExperimentListModel::findExperiment(const QString &location, const QString &idOrName) const
{
    if (const QModelIndex byId = indexOfExperiment(location, idOrName); byId.isValid())
        return byId;
    const int position = storePosition(location);
    if (position < 0)
        return {};
    const Store::ExperimentList &shown = m_stores[size_t(position)].shown;
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row).name == idOrName)
            return index(row, NameColumn, index(position, 0));
    }
    return {};
}

Qt::ItemFlags ExperimentListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Runs are shown by experiment: a store row only groups them.
    return isStore(index) ? Qt::ItemIsEnabled
                          : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QModelIndex ExperimentListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_stores.size()) ? createIndex(row, column, StoreRowId) : QModelIndex();
    if (!isStore(parent) || parent.column() != 0)
        return {};
    const int position = parent.row();
    if (position >= int(m_stores.size()) || row >= m_stores[size_t(position)].shown.size())
        return {};
    return createIndex(row, column, m_stores[size_t(position)].id);
}

QModelIndex ExperimentListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == StoreRowId)
        return {};
    const int position = storePositionOf(child);
    return position < 0 ? QModelIndex() : createIndex(position, 0, StoreRowId);
}

int ExperimentListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_stores.size());
    if (!isStore(parent) || parent.column() != 0 || parent.row() >= int(m_stores.size()))
        return 0;
    return int(m_stores[size_t(parent.row())].shown.size());
}

int ExperimentListModel::columnCount(const QModelIndex &parent) const
{
    return !parent.isValid() || isStore(parent) ? ColumnCount : 0;
}

QVariant ExperimentListModel::data(const QModelIndex &index, int role) const
{
    const int position = storePositionOf(index);
    if (position < 0)
        return {};
    const StoreRow &store = m_stores[size_t(position)];
    if (role == LocationRole)
        return store.location;
    if (isStore(index))
        return storeData(store, index.column(), role);
    const Store::Experiment *experiment = experimentOf(index);
    return experiment ? experimentData(*experiment, index.column(), role) : QVariant();
}

void ExperimentListModel::updateNames()
{
    QStringList plain; // each store's file or folder name
    for (const StoreRow &store : m_stores)
        plain.append(Store::Location::parse(store.location).displayName());
    for (size_t position = 0; position < m_stores.size(); ++position) {
        StoreRow &store = m_stores[position];
        QString name = plain.at(qsizetype(position));
        // Two open stores of one name (mlflow.db, mlruns): say which folder each is in, as
        // editors do for files of one name.
        const Store::Location location = Store::Location::parse(store.location);
        if (plain.count(name) > 1 && location.isLocal())
            name = tr("%1 (%2)").arg(name, QFileInfo(QFileInfo(location.path()).path()).fileName());
        if (name != store.name) {
            store.name = name;
            emit dataChanged(index(int(position), NameColumn), index(int(position), NameColumn));
        }
    }
}

QVariant ExperimentListModel::storeData(const StoreRow &store, int column, int role) const
{
    const Store::Location location = Store::Location::parse(store.location);
    switch (role) {
    case Qt::DisplayRole:
    case SortRole: {
        if (column == NameColumn)
            return store.name;
        int runs = 0;
        for (const Store::Experiment &experiment : store.shown)
            runs += experiment.runCount;
        return runs;
    }
    case Qt::ToolTipRole:
        return tr("Store: %1").arg(location.displayLocation());
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        if (column == RunCountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ExperimentListModel::experimentData(const Store::Experiment &experiment, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return experiment.isDeleted() ? tr("%1 (deleted)").arg(experiment.name) : experiment.name;
        return experiment.runCount;
    case SortRole:
        if (column == NameColumn)
            return experiment.name;
        return experiment.runCount;
    case ExperimentIdRole:
        return experiment.id;
    case IsDeletedRole:
        return experiment.isDeleted();
    case Qt::ToolTipRole: {
        QString tip = tr("Experiment %1: %2").arg(experiment.id, experiment.name);
        if (!experiment.artifactLocation.isEmpty())
            tip += QLatin1Char('\n') + tr("Artifacts: %1").arg(experiment.artifactLocation);
        if (!experiment.description.isEmpty())
            tip += QLatin1String("\n\n") + experiment.description;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column == RunCountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (experiment.isDeleted())
            return RunFormat::deletedItemStyle(role);
        break;
    default:
        break;
    }
    return {};
}

QVariant ExperimentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Experiment");
        case RunCountColumn:
            return tr("Runs");
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && section == RunCountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
