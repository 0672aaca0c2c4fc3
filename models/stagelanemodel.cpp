#include "stagelanemodel.h"

#include "modelversiontablemodel.h"
#include "registryformat.h"

#include <QDataStream>
#include <QHash>
#include <QIODevice>
#include <QMimeData>
#include <QSet>

#include <algorithm>

// An index's internal id: 0 for a lane, the card's lane + 1 for a card.

namespace {

constexpr quint32 MimeFormat = 1; // the layout of the MIME data, first in it

} // namespace

StageLaneModel::StageLaneModel(QObject *parent) : QAbstractItemModel(parent) { }

QString StageLaneModel::stageOfLane(int lane)
{
    if (lane < 0 || lane >= LaneCount)
        return {};
    return Store::registryStages().at(lane);
}

int StageLaneModel::laneOfStage(const QString &stage)
{
    return int(Store::registryStages().indexOf(stage));
}

StageLaneModel::Lanes StageLaneModel::arrange(const Store::ModelVersionList &versions)
{
    Lanes lanes;
    QSet<int> seen;
    for (const Store::ModelVersion &version : versions) {
        const int lane = laneOfStage(version.stage);
        if (lane < 0 || seen.contains(version.version))
            continue;
        seen.insert(version.version);
        Store::ModelVersionList &cards = lanes[size_t(lane)];
        cards.insert(insertionRow(cards, version.version), version);
    }
    return lanes;
}

int StageLaneModel::insertionRow(const Store::ModelVersionList &lane, int version)
{
    int row = 0;
    while (row < lane.size() && lane.at(row).version > version)
        ++row;
    return row;
}

void StageLaneModel::setVersions(const Store::ModelVersionList &versions)
{
    Lanes next = arrange(versions);
    const QString model = versions.isEmpty() ? QString() : versions.first().modelName;
    const bool hasCards
        = std::any_of(m_lanes.cbegin(), m_lanes.cend(), [](const auto &lane) { return !lane.isEmpty(); });
    if (model != m_modelName && hasCards) {
        beginResetModel();
        m_modelName = model;
        m_lanes = std::move(next);
        endResetModel();
        return;
    }
    m_modelName = model;

    QHash<int, int> nextLane; // version -> lane
    for (int lane = 0; lane < LaneCount; ++lane) {
        for (const Store::ModelVersion &version : std::as_const(next[size_t(lane)]))
            nextLane.insert(version.version, lane);
    }
    // Every lane stays sorted (highest version first) after each step below.
    QSet<int> shown;
    for (int lane = 0; lane < LaneCount; ++lane) {
        Store::ModelVersionList &cards = m_lanes[size_t(lane)];
        for (int row = int(cards.size()) - 1; row >= 0; --row) {
            if (nextLane.contains(cards.at(row).version)) {
                shown.insert(cards.at(row).version);
                continue;
            }
            beginRemoveRows(laneIndex(lane), row, row);
            cards.removeAt(row);
            endRemoveRows();
        }
    }
    for (int lane = 0; lane < LaneCount; ++lane) {
        Store::ModelVersionList &cards = m_lanes[size_t(lane)];
        for (int row = 0; row < cards.size();) {
            const int target = nextLane.value(cards.at(row).version);
            if (target == lane) {
                ++row;
                continue;
            }
            Store::ModelVersionList &targetCards = m_lanes[size_t(target)];
            const int destination = insertionRow(targetCards, cards.at(row).version);
            beginMoveRows(laneIndex(lane), row, row, laneIndex(target), destination);
            targetCards.insert(destination, cards.takeAt(row));
            endMoveRows();
        }
    }
    for (int lane = 0; lane < LaneCount; ++lane) {
        Store::ModelVersionList &cards = m_lanes[size_t(lane)];
        for (const Store::ModelVersion &version : std::as_const(next[size_t(lane)])) {
            if (shown.contains(version.version))
                continue;
            const int row = insertionRow(cards, version.version);
            beginInsertRows(laneIndex(lane), row, row);
            cards.insert(row, version);
            endInsertRows();
        }
    }
    // Same cards in the same places now: take the new values.
    for (int lane = 0; lane < LaneCount; ++lane) {
        m_lanes[size_t(lane)] = std::move(next[size_t(lane)]);
        const QModelIndex laneRow = laneIndex(lane);
        emit dataChanged(laneRow, laneRow);
        if (const int count = rowCount(laneRow); count > 0)
            emit dataChanged(index(0, 0, laneRow), index(count - 1, 0, laneRow));
    }
}

QModelIndex StageLaneModel::laneIndex(int lane) const
{
    return index(lane, 0);
}

QModelIndex StageLaneModel::indexOfVersion(int version) const
{
    for (int lane = 0; lane < LaneCount; ++lane) {
        const Store::ModelVersionList &cards = m_lanes[size_t(lane)];
        for (int row = 0; row < cards.size(); ++row) {
            if (cards.at(row).version == version)
                return index(row, 0, laneIndex(lane));
        }
    }
    return {};
}

bool StageLaneModel::isLane(const QModelIndex &index) const
{
    return isOwn(index) && index.internalId() == 0;
}

int StageLaneModel::laneOf(const QModelIndex &index) const
{
    if (!isOwn(index))
        return -1;
    return index.internalId() == 0 ? index.row() : int(index.internalId()) - 1;
}

const Store::ModelVersion *StageLaneModel::card(const QModelIndex &index) const
{
    if (!isOwn(index) || index.internalId() == 0 || index.internalId() > LaneCount)
        return nullptr;
    const Store::ModelVersionList &cards = m_lanes[size_t(index.internalId() - 1)];
    return index.row() < cards.size() ? &cards.at(index.row()) : nullptr;
}

Store::ModelVersion StageLaneModel::versionAt(const QModelIndex &index) const
{
    const Store::ModelVersion *version = card(index);
    return version ? *version : Store::ModelVersion();
}

QModelIndex StageLaneModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < LaneCount ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.model() != this || parent.internalId() != 0 || row >= rowCount(parent))
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex StageLaneModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int StageLaneModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return LaneCount;
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_lanes[size_t(parent.row())].size());
}

int StageLaneModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant StageLaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return laneData(index.row(), role);
    return cardData(*card(index), role);
}

QVariant StageLaneModel::laneData(int lane, int role) const
{
    const int count = int(m_lanes[size_t(lane)].size());
    switch (role) {
    case Qt::DisplayRole:
    case StageRole:
        return stageOfLane(lane);
    case Qt::ToolTipRole:
        return tr("%n version(s) in %1", nullptr, count).arg(stageOfLane(lane));
    case IsLaneRole:
        return true;
    case CardCountRole:
        return count;
    default:
        break;
    }
    return {};
}

QVariant StageLaneModel::cardData(const Store::ModelVersion &version, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return tr("Version %1").arg(version.version);
    case Qt::ToolTipRole: {
        QString tip
            = tr("%1 version %2 in %3").arg(version.modelName).arg(version.version).arg(version.stage);
        if (!version.aliases.isEmpty())
            tip += QLatin1Char('\n') + tr("Aliases: %1").arg(RegistryFormat::aliasesText(version.aliases));
        if (!version.description.isEmpty())
            tip += QLatin1String("\n\n") + version.description;
        return tip;
    }
    case IsLaneRole:
        return false;
    case StageRole:
        return version.stage;
    case ModelNameRole:
        return version.modelName;
    case VersionRole:
        return version.version;
    case AliasesRole:
        return version.aliases;
    case StatusRole:
        return version.status;
    case StatusTextRole:
        return RegistryFormat::statusText(version.status);
    case RunIdRole:
        return ModelVersionTableModel::runIdOf(version);
    case DescriptionRole:
        return RegistryFormat::firstLine(version.description);
    case LastUpdatedRole:
        if (version.lastUpdatedTime == Store::NoTime)
            return {};
        return version.lastUpdatedTime;
    default:
        break;
    }
    return {};
}

QVariant StageLaneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Stage");
    return {};
}

Qt::ItemFlags StageLaneModel::flags(const QModelIndex &index) const
{
    if (!isOwn(index))
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    // A card takes drops too: dropping onto a card drops onto its lane.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled
        | Qt::ItemNeverHasChildren;
}

QString StageLaneModel::mimeType()
{
    return QStringLiteral("application/x-kaizen-model-version");
}

QStringList StageLaneModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *StageLaneModel::mimeData(const QModelIndexList &indexes) const
{
    const Store::ModelVersion *dragged = nullptr;
    for (const QModelIndex &index : indexes) {
        const Store::ModelVersion *version = card(index);
        if (!version)
            continue;
        if (dragged && dragged->version != version->version)
            return nullptr; // one card per drag
        dragged = version;
    }
    if (!dragged)
        return nullptr;
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << MimeFormat << m_location << dragged->modelName << qint32(dragged->version) << dragged->stage;
    auto *data = new QMimeData;
    data->setData(mimeType(), bytes);
    return data;
}

std::optional<StageLaneModel::DraggedVersion> StageLaneModel::draggedVersion(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    const QByteArray bytes = data->data(mimeType());
    QDataStream stream(bytes);
    quint32 format = 0;
    qint32 version = 0;
    DraggedVersion dragged;
    stream >> format;
    if (format != MimeFormat)
        return std::nullopt;
    stream >> dragged.location >> dragged.model >> version >> dragged.stage;
    if (stream.status() != QDataStream::Ok || version <= 0)
        return std::nullopt;
    dragged.version = version;
    return dragged;
}

int StageLaneModel::dropLane(const QMimeData *data, Qt::DropAction action, const QModelIndex &parent) const
{
    if (action != Qt::MoveAction)
        return -1;
    const int lane = laneOf(parent);
    if (lane < 0)
        return -1;
    const std::optional<DraggedVersion> dragged = draggedVersion(data);
    if (!dragged || dragged->location != m_location || dragged->model != m_modelName)
        return -1;
    // The lane the card is in now, as this model knows it (it may have moved since the drag began).
    const QModelIndex current = indexOfVersion(dragged->version);
    if (!current.isValid() || laneOf(current) == lane)
        return -1;
    return lane;
}

bool StageLaneModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &parent) const
{
    return dropLane(data, action, parent) >= 0;
}

bool StageLaneModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                  const QModelIndex &parent)
{
    const int lane = dropLane(data, action, parent);
    if (lane < 0)
        return false;
    const std::optional<DraggedVersion> dragged = draggedVersion(data);
    emit transitionRequested(dragged->model, dragged->version, stageOfLane(lane));
    return true;
}
