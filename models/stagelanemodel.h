#pragma once

#include "registrytypes.h"

#include <QAbstractItemModel>

#include <array>
#include <optional>

// The versions of one registered model as stage lanes, for a board of cards: four top-level
// rows, the lanes None, Staging, Production and Archived in that order and always present, with
// one child row (a card) per version in that stage, highest version first. One column.
//
// A card can be dragged onto another lane: the drag carries the store location, the model, the
// version and the stage it was in (mimeType()), and a drop onto another lane of the same
// store's same model (onto the lane or onto one of its cards) changes nothing here but emits
// transitionRequested(); the page confirms and writes, and the next setVersions() shows the
// card in its new lane. A drop onto the card's own lane, or from another store or model, is
// refused. One card per drag: a transition is one version's.
//
// setVersions() keeps cards stable: a card whose version changed stages is moved to its new
// lane (beginMoveRows), so a selected card stays selected; versions that vanished are removed
// and new ones inserted in order. Versions of another model reset the model.
class StageLaneModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Lane { NoneLane, StagingLane, ProductionLane, ArchivedLane, LaneCount };
    enum Roles {
        IsLaneRole = Qt::UserRole + 1, // bool: a lane (top-level row) rather than a card
        StageRole, // QString (lanes and cards): the lane's stage
        CardCountRole, // int (lanes): how many versions the lane holds
        ModelNameRole, // QString (cards): the registered model's name
        VersionRole, // int (cards): the version number
        AliasesRole, // QStringList (cards): the version's aliases, sorted
        StatusRole, // QString (cards): READY, PENDING_REGISTRATION or FAILED_REGISTRATION
        StatusTextRole, // QString (cards): the status for people ("Ready")
        RunIdRole, // QString (cards): the run the version came from; empty without one
        DescriptionRole, // QString (cards): the description's first line
        LastUpdatedRole, // qint64 ms (cards): the version's last update; invalid without one
    };

    // What a dragged card carries.
    struct DraggedVersion
    {
        QString location; // the store, as given to setLocation()
        QString model;
        int version = 0;
        QString stage; // the lane it was dragged from
    };

    explicit StageLaneModel(QObject *parent = nullptr);

    // The store the versions come from, carried by drags; drops from another store are refused.
    void setLocation(const QString &location) { m_location = location; }
    QString location() const { return m_location; }

    // The versions of one model (any order). Versions in a stage other than the four are left
    // out.
    void setVersions(const Store::ModelVersionList &versions);
    void clear() { setVersions({}); }
    // The model of the versions; empty without versions.
    QString modelName() const { return m_modelName; }

    static QString stageOfLane(int lane);
    static int laneOfStage(const QString &stage); // -1 for another stage
    QModelIndex laneIndex(int lane) const;
    QModelIndex indexOfVersion(int version) const;
    bool isLane(const QModelIndex &index) const;
    // The lane of a lane row, or of a card's lane; -1 for an invalid index.
    int laneOf(const QModelIndex &index) const;
    // The version of a card; a default ModelVersion for a lane or an invalid index.
    Store::ModelVersion versionAt(const QModelIndex &index) const;

    // The MIME type of a dragged card.
    static QString mimeType();
    static std::optional<DraggedVersion> draggedVersion(const QMimeData *data);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    // Emits transitionRequested() for an acceptable drop and returns true; rows never change
    // here (and removeRows() stays unimplemented, so a view's move clean-up removes nothing).
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    // A card of `model` was dropped onto the lane of `stage`.
    void transitionRequested(const QString &model, int version, const QString &stage);

private:
    using Lanes = std::array<Store::ModelVersionList, LaneCount>; // each highest version first

    static Lanes arrange(const Store::ModelVersionList &versions);
    static int insertionRow(const Store::ModelVersionList &lane, int version);
    // The lane a drop onto `parent` would move the dragged card to, -1 if the drop is refused.
    int dropLane(const QMimeData *data, Qt::DropAction action, const QModelIndex &parent) const;
    bool isOwn(const QModelIndex &index) const { return index.isValid() && index.model() == this; }
    const Store::ModelVersion *card(const QModelIndex &index) const;
    QVariant laneData(int lane, int role) const;
    QVariant cardData(const Store::ModelVersion &version, int role) const;

    QString m_location;
    QString m_modelName;
    Lanes m_lanes;
};
