#include "stagelanemodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString Location = QStringLiteral("/stores/mlflow.db");

Store::ModelVersion modelVersion(int number, const QString &stage,
                                 const QString &model = QStringLiteral("clf"))
{
    Store::ModelVersion version;
    version.modelName = model;
    version.version = number;
    version.stage = stage;
    version.status = QStringLiteral("READY");
    version.runId = QStringLiteral("run%1").arg(number);
    version.lastUpdatedTime = 1'700'000'000'000 + number;
    return version;
}

// "Lane: versions" per lane, e.g. {"None: 5 2", "Staging:", "Production: 3", "Archived: 1"}.
QStringList lanesOf(const StageLaneModel &model)
{
    QStringList lanes;
    for (int lane = 0; lane < model.rowCount(); ++lane) {
        const QModelIndex laneIndex = model.index(lane, 0);
        QString text = laneIndex.data().toString() + QLatin1Char(':');
        for (int row = 0; row < model.rowCount(laneIndex); ++row)
            text += QLatin1Char(' ')
                + QString::number(model.index(row, 0, laneIndex).data(StageLaneModel::VersionRole).toInt());
        lanes.append(text);
    }
    return lanes;
}

std::unique_ptr<QMimeData> dragOf(const StageLaneModel &model, int version)
{
    return std::unique_ptr<QMimeData>(model.mimeData({model.indexOfVersion(version)}));
}

} // namespace

class TestStageLaneModel : public QObject
{
    Q_OBJECT
private slots:
    void lanesAlwaysPresent();
    void cardsByLaneHighestFirst();
    void cardRoles();
    void laneRoles();
    void stageChangeMovesCard();
    void addedAndRemovedVersions();
    void otherModelResets();
    void flags();
    void dragCarriesVersion();
    void dragOfSeveralCardsRefused();
    void dropOnOtherLaneRequestsTransition_data();
    void dropOnOtherLaneRequestsTransition();
    void refusedDrops();
};

void TestStageLaneModel::lanesAlwaysPresent()
{
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(lanesOf(model), QStringList({"None:", "Staging:", "Production:", "Archived:"}));
    model.setVersions({modelVersion(1, QStringLiteral("Production"))});
    model.clear();
    QCOMPARE(lanesOf(model), QStringList({"None:", "Staging:", "Production:", "Archived:"}));
    QCOMPARE(model.modelName(), QString());
}

void TestStageLaneModel::cardsByLaneHighestFirst()
{
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Store::ModelVersion odd = modelVersion(6, QStringLiteral("Deleted_Internal"));
    model.setVersions({modelVersion(1, "Archived"), modelVersion(2, "None"), modelVersion(3, "Production"),
                       modelVersion(4, "Staging"), modelVersion(5, "None"), odd});
    QCOMPARE(lanesOf(model), QStringList({"None: 5 2", "Staging: 4", "Production: 3", "Archived: 1"}));
    QCOMPARE(model.modelName(), QStringLiteral("clf"));
    QVERIFY(!model.indexOfVersion(6).isValid()); // no lane for it
    QCOMPARE(model.laneOf(model.indexOfVersion(3)), int(StageLaneModel::ProductionLane));
    QCOMPARE(model.laneOf(model.laneIndex(StageLaneModel::ArchivedLane)), int(StageLaneModel::ArchivedLane));
    QCOMPARE(model.laneOf({}), -1);
    QCOMPARE(StageLaneModel::laneOfStage(QStringLiteral("Staging")), int(StageLaneModel::StagingLane));
    QCOMPARE(StageLaneModel::laneOfStage(QStringLiteral("Deleted_Internal")), -1);
    QCOMPARE(StageLaneModel::stageOfLane(StageLaneModel::NoneLane), QStringLiteral("None"));
}

void TestStageLaneModel::cardRoles()
{
    StageLaneModel model;
    Store::ModelVersion version = modelVersion(3, QStringLiteral("Production"));
    version.aliases = {QStringLiteral("champion")};
    version.description = QStringLiteral("\nBest so far.\nMore text.");
    version.status = QStringLiteral("FAILED_REGISTRATION");
    model.setVersions({version});
    const QModelIndex card = model.indexOfVersion(3);
    QVERIFY(card.isValid());
    QVERIFY(!model.isLane(card));
    QCOMPARE(card.parent(), model.laneIndex(StageLaneModel::ProductionLane));
    QCOMPARE(card.data().toString(), QStringLiteral("Version 3"));
    QCOMPARE(card.data(StageLaneModel::IsLaneRole).toBool(), false);
    QCOMPARE(card.data(StageLaneModel::VersionRole).toInt(), 3);
    QCOMPARE(card.data(StageLaneModel::StageRole).toString(), QStringLiteral("Production"));
    QCOMPARE(card.data(StageLaneModel::ModelNameRole).toString(), QStringLiteral("clf"));
    QCOMPARE(card.data(StageLaneModel::AliasesRole).toStringList(), QStringList({"champion"}));
    QCOMPARE(card.data(StageLaneModel::StatusRole).toString(), QStringLiteral("FAILED_REGISTRATION"));
    QCOMPARE(card.data(StageLaneModel::StatusTextRole).toString(), QStringLiteral("Failed registration"));
    QCOMPARE(card.data(StageLaneModel::RunIdRole).toString(), QStringLiteral("run3"));
    QCOMPARE(card.data(StageLaneModel::DescriptionRole).toString(), QStringLiteral("Best so far."));
    QCOMPARE(card.data(StageLaneModel::LastUpdatedRole).toLongLong(), version.lastUpdatedTime);
    QVERIFY(card.data(Qt::ToolTipRole).toString().contains(QStringLiteral("champion")));
    QCOMPARE(model.versionAt(card).description, version.description);
    QCOMPARE(model.versionAt(model.laneIndex(StageLaneModel::NoneLane)).version, 0);
}

void TestStageLaneModel::laneRoles()
{
    StageLaneModel model;
    model.setVersions({modelVersion(1, "Staging"), modelVersion(2, "Staging")});
    const QModelIndex lane = model.laneIndex(StageLaneModel::StagingLane);
    QVERIFY(model.isLane(lane));
    QCOMPARE(lane.data(StageLaneModel::IsLaneRole).toBool(), true);
    QCOMPARE(lane.data(StageLaneModel::StageRole).toString(), QStringLiteral("Staging"));
    QCOMPARE(lane.data(StageLaneModel::CardCountRole).toInt(), 2);
    QCOMPARE(model.laneIndex(StageLaneModel::NoneLane).data(StageLaneModel::CardCountRole).toInt(), 0);
    QVERIFY(!lane.data(StageLaneModel::VersionRole).isValid());
}

void TestStageLaneModel::stageChangeMovesCard()
{
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions(
        {modelVersion(1, "Production"), modelVersion(2, "Staging"), modelVersion(3, "Staging")});
    const QPersistentModelIndex selected = model.indexOfVersion(2);
    const QPersistentModelIndex other = model.indexOfVersion(3);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy laneChanges(&model, &QAbstractItemModel::dataChanged);

    // Version 2 to Production, archiving version 1.
    model.setVersions(
        {modelVersion(1, "Archived"), modelVersion(2, "Production"), modelVersion(3, "Staging")});
    QCOMPARE(lanesOf(model), QStringList({"None:", "Staging: 3", "Production: 2", "Archived: 1"}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(moves.count(), 2);
    // The moved card stays selected, in its new lane, with its new stage.
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(StageLaneModel::VersionRole).toInt(), 2);
    QCOMPARE(selected.data(StageLaneModel::StageRole).toString(), QStringLiteral("Production"));
    QCOMPARE(QModelIndex(selected.parent()), model.laneIndex(StageLaneModel::ProductionLane));
    QCOMPARE(other.data(StageLaneModel::VersionRole).toInt(), 3);
    QCOMPARE(QModelIndex(other), model.indexOfVersion(3));
    // Lanes report their new counts.
    const bool productionLaneChanged
        = std::any_of(laneChanges.cbegin(), laneChanges.cend(), [&](const auto &args) {
              return args.at(0).toModelIndex() == model.laneIndex(StageLaneModel::ProductionLane);
          });
    QVERIFY(productionLaneChanged);
}

void TestStageLaneModel::addedAndRemovedVersions()
{
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions({modelVersion(1, "None"), modelVersion(3, "None"), modelVersion(5, "Staging")});
    const QPersistentModelIndex three = model.indexOfVersion(3);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVersions({modelVersion(2, "None"), modelVersion(3, "None"), modelVersion(4, "None"),
                       modelVersion(6, "Staging")});
    QCOMPARE(lanesOf(model), QStringList({"None: 4 3 2", "Staging: 6", "Production:", "Archived:"}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(three.data(StageLaneModel::VersionRole).toInt(), 3);
    QCOMPARE(three.row(), 1);
}

void TestStageLaneModel::otherModelResets()
{
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions({modelVersion(1, "None")});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVersions({modelVersion(1, "None", QStringLiteral("other")),
                       modelVersion(2, "Staging", QStringLiteral("other"))});
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.modelName(), QStringLiteral("other"));
    QCOMPARE(lanesOf(model), QStringList({"None: 1", "Staging: 2", "Production:", "Archived:"}));
}

void TestStageLaneModel::flags()
{
    StageLaneModel model;
    model.setVersions({modelVersion(1, "None")});
    const Qt::ItemFlags card = model.flags(model.indexOfVersion(1));
    QVERIFY(card.testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(card.testFlag(Qt::ItemIsSelectable));
    QVERIFY(card.testFlag(Qt::ItemIsDropEnabled));
    const Qt::ItemFlags lane = model.flags(model.laneIndex(StageLaneModel::StagingLane));
    QVERIFY(lane.testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(!lane.testFlag(Qt::ItemIsDragEnabled));
    QCOMPARE(model.flags({}), Qt::NoItemFlags);
    QCOMPARE(model.mimeTypes(), QStringList({StageLaneModel::mimeType()}));
    QCOMPARE(model.supportedDropActions(), Qt::MoveAction);
}

void TestStageLaneModel::dragCarriesVersion()
{
    StageLaneModel model;
    model.setLocation(Location);
    model.setVersions({modelVersion(4, "Staging")});
    const std::unique_ptr<QMimeData> data = dragOf(model, 4);
    QVERIFY(data);
    QVERIFY(data->hasFormat(StageLaneModel::mimeType()));
    const auto dragged = StageLaneModel::draggedVersion(data.get());
    QVERIFY(dragged);
    QCOMPARE(dragged->location, Location);
    QCOMPARE(dragged->model, QStringLiteral("clf"));
    QCOMPARE(dragged->version, 4);
    QCOMPARE(dragged->stage, QStringLiteral("Staging"));

    QMimeData garbage;
    garbage.setData(StageLaneModel::mimeType(), QByteArrayLiteral("nonsense"));
    QVERIFY(!StageLaneModel::draggedVersion(&garbage));
    QVERIFY(!StageLaneModel::draggedVersion(nullptr));
    // A lane cannot be dragged.
    QVERIFY(!model.mimeData({model.laneIndex(StageLaneModel::NoneLane)}));
}

void TestStageLaneModel::dragOfSeveralCardsRefused()
{
    StageLaneModel model;
    model.setVersions({modelVersion(1, "None"), modelVersion(2, "None")});
    QVERIFY(!model.mimeData({model.indexOfVersion(1), model.indexOfVersion(2)}));
    // The same card twice (several columns of one row in some views) is one card.
    const std::unique_ptr<QMimeData> data(model.mimeData({model.indexOfVersion(2), model.indexOfVersion(2)}));
    QVERIFY(data);
}

void TestStageLaneModel::dropOnOtherLaneRequestsTransition_data()
{
    QTest::addColumn<bool>("ontoCard"); // onto a card of the lane rather than the lane itself
    QTest::addRow("onto lane") << false;
    QTest::addRow("onto card in lane") << true;
}

void TestStageLaneModel::dropOnOtherLaneRequestsTransition()
{
    QFETCH(bool, ontoCard);
    StageLaneModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLocation(Location);
    model.setVersions({modelVersion(1, "Production"), modelVersion(2, "Staging")});
    QSignalSpy requests(&model, &StageLaneModel::transitionRequested);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const std::unique_ptr<QMimeData> data = dragOf(model, 2);
    const QModelIndex target
        = ontoCard ? model.indexOfVersion(1) : model.laneIndex(StageLaneModel::ProductionLane);
    const int row = ontoCard ? -1 : 0;

    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, row, 0, target));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, row, 0, target));
    QCOMPARE(requests.count(), 1);
    QCOMPARE(requests.first().at(0).toString(), QStringLiteral("clf"));
    QCOMPARE(requests.first().at(1).toInt(), 2);
    QCOMPARE(requests.first().at(2).toString(), QStringLiteral("Production"));
    // The drop asks; it changes nothing.
    QCOMPARE(lanesOf(model), QStringList({"None:", "Staging: 2", "Production: 1", "Archived:"}));
    QCOMPARE(changes.count(), 0);
}

void TestStageLaneModel::refusedDrops()
{
    StageLaneModel model;
    model.setLocation(Location);
    model.setVersions({modelVersion(1, "Production"), modelVersion(2, "Staging")});
    QSignalSpy requests(&model, &StageLaneModel::transitionRequested);
    const std::unique_ptr<QMimeData> data = dragOf(model, 2);
    const QModelIndex production = model.laneIndex(StageLaneModel::ProductionLane);

    const auto refused = [&](const QMimeData *mime, Qt::DropAction action, const QModelIndex &parent) {
        return !model.canDropMimeData(mime, action, -1, 0, parent)
            && !model.dropMimeData(mime, action, -1, 0, parent);
    };
    // Its own lane, directly or onto itself.
    QVERIFY(refused(data.get(), Qt::MoveAction, model.laneIndex(StageLaneModel::StagingLane)));
    QVERIFY(refused(data.get(), Qt::MoveAction, model.indexOfVersion(2)));
    // Between lanes (the root), or as a copy.
    QVERIFY(refused(data.get(), Qt::MoveAction, {}));
    QVERIFY(refused(data.get(), Qt::CopyAction, production));
    // Something else than a card.
    QMimeData text;
    text.setText(QStringLiteral("2"));
    QVERIFY(refused(&text, Qt::MoveAction, production));

    // A card of another store or another model.
    StageLaneModel otherStore;
    otherStore.setLocation(QStringLiteral("/elsewhere/mlflow.db"));
    otherStore.setVersions({modelVersion(2, "Staging")});
    QVERIFY(refused(dragOf(otherStore, 2).get(), Qt::MoveAction, production));
    StageLaneModel otherModel;
    otherModel.setLocation(Location);
    otherModel.setVersions({modelVersion(2, "Staging", QStringLiteral("other"))});
    QVERIFY(refused(dragOf(otherModel, 2).get(), Qt::MoveAction, production));

    // A version that moved to the target lane (or vanished) since the drag began.
    model.setVersions({modelVersion(1, "Archived"), modelVersion(2, "Production")});
    QVERIFY(refused(data.get(), Qt::MoveAction, production));
    model.setVersions({modelVersion(1, "Archived")});
    QVERIFY(refused(data.get(), Qt::MoveAction, production));
    QCOMPARE(requests.count(), 0);
}

QTEST_GUILESS_MAIN(TestStageLaneModel)
#include "tst_stagelanemodel.moc"
