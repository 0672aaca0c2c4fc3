#include "modelversiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

Store::ModelVersion modelVersion(int number, const QString &stage,
                                 const QString &model = QStringLiteral("clf"))
{
    Store::ModelVersion version;
    version.modelName = model;
    version.version = number;
    version.stage = stage;
    version.status = QStringLiteral("READY");
    version.runId = QStringLiteral("run%1").arg(number);
    version.source = QStringLiteral("runs:/run%1/model").arg(number);
    version.creationTime = 1'700'000'000'000 + number * 1000;
    version.lastUpdatedTime = version.creationTime + 500;
    return version;
}

} // namespace

class TestModelVersionTableModel : public QObject
{
    Q_OBJECT
private slots:
    void headers();
    void values();
    void loggedModelRun();
    void sortValues();
    void sameVersionsKeepRows();
    void otherVersionsReset_data();
    void otherVersionsReset();
};

void TestModelVersionTableModel::headers()
{
    ModelVersionTableModel model;
    QStringList titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(titles,
             QStringList({"Version", "Stage", "Status", "Aliases", "Source", "Run", "Created", "Updated",
                          "Description", "Tags"}));
}

void TestModelVersionTableModel::values()
{
    ModelVersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Store::ModelVersion second = modelVersion(2, QStringLiteral("Production"));
    second.aliases = {QStringLiteral("champion"), QStringLiteral("prod")};
    second.description = QStringLiteral("Retrained on March data.\nSee the run for details.");
    second.tags = {{QStringLiteral("validated"), QStringLiteral("yes")}};
    second.status = QStringLiteral("PENDING_REGISTRATION");
    second.statusMessage = QStringLiteral("Uploading");
    model.setVersions({modelVersion(1, QStringLiteral("Archived")), second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.modelName(), QStringLiteral("clf"));

    const auto cell = [&](int column) { return model.index(1, column); };
    QCOMPARE(cell(ModelVersionTableModel::VersionColumn).data().toInt(), 2);
    QCOMPARE(cell(ModelVersionTableModel::StageColumn).data().toString(), QStringLiteral("Production"));
    QCOMPARE(cell(ModelVersionTableModel::StatusColumn).data().toString(),
             QStringLiteral("Pending registration"));
    QVERIFY(cell(ModelVersionTableModel::StatusColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Uploading")));
    QCOMPARE(cell(ModelVersionTableModel::AliasesColumn).data().toString(), QStringLiteral("champion, prod"));
    QCOMPARE(cell(ModelVersionTableModel::SourceColumn).data().toString(),
             QStringLiteral("runs:/run2/model"));
    QCOMPARE(cell(ModelVersionTableModel::RunColumn).data().toString(), QStringLiteral("run2"));
    QVERIFY(!cell(ModelVersionTableModel::CreatedColumn).data().toString().isEmpty());
    QVERIFY(!cell(ModelVersionTableModel::UpdatedColumn).data().toString().isEmpty());
    QCOMPARE(cell(ModelVersionTableModel::DescriptionColumn).data().toString(),
             QStringLiteral("Retrained on March data."));
    QCOMPARE(cell(ModelVersionTableModel::TagsColumn).data().toString(), QStringLiteral("validated=yes"));

    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(cell(column).data(ModelVersionTableModel::VersionRole).toInt(), 2);
        QCOMPARE(cell(column).data(ModelVersionTableModel::RunIdRole).toString(), QStringLiteral("run2"));
        QCOMPARE(cell(column).data(ModelVersionTableModel::StageRole).toString(),
                 QStringLiteral("Production"));
        QCOMPARE(cell(column).data(ModelVersionTableModel::ModelNameRole).toString(), QStringLiteral("clf"));
    }
    QCOMPARE(
        cell(ModelVersionTableModel::VersionColumn).data(ModelVersionTableModel::DescriptionRole).toString(),
        second.description);

    QCOMPARE(model.versionAt(cell(ModelVersionTableModel::TagsColumn)).version, 2);
    QCOMPARE(model.versionAt(cell(ModelVersionTableModel::TagsColumn)).statusMessage,
             QStringLiteral("Uploading"));
    QCOMPARE(model.versionAt({}).version, 0);
    QCOMPARE(model.indexOfVersion(1).row(), 0);
    QVERIFY(!model.indexOfVersion(7).isValid());

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.modelName(), QString());
}

void TestModelVersionTableModel::loggedModelRun()
{
    // MLflow 3: a version registered from a logged model links to that model's source run.
    ModelVersionTableModel model;
    Store::ModelVersion version = modelVersion(1, QStringLiteral("None"));
    version.runId.clear();
    version.source = QStringLiteral("models:/m-0123");
    version.loggedModelId = QStringLiteral("m-0123");
    version.loggedModelRunId = QStringLiteral("sourcerun");
    Store::ModelVersion noRun = modelVersion(2, QStringLiteral("None"));
    noRun.runId.clear();
    model.setVersions({version, noRun});
    QCOMPARE(model.index(0, ModelVersionTableModel::RunColumn).data().toString(),
             QStringLiteral("sourcerun"));
    QCOMPARE(model.index(0, ModelVersionTableModel::SourceColumn)
                 .data(ModelVersionTableModel::RunIdRole)
                 .toString(),
             QStringLiteral("sourcerun"));
    QCOMPARE(model.index(1, ModelVersionTableModel::RunColumn).data().toString(), QString());
    QCOMPARE(
        model.index(1, ModelVersionTableModel::RunColumn).data(ModelVersionTableModel::RunIdRole).toString(),
        QString());
}

void TestModelVersionTableModel::sortValues()
{
    ModelVersionTableModel model;
    Store::ModelVersion undated = modelVersion(10, QStringLiteral("Staging"));
    undated.lastUpdatedTime = Store::NoTime;
    model.setVersions({modelVersion(9, QStringLiteral("Archived")), undated});
    const auto sortValue = [&](int row, int column) {
        return model.index(row, column).data(ModelVersionTableModel::SortRole);
    };
    QCOMPARE(sortValue(1, ModelVersionTableModel::VersionColumn).typeId(), QMetaType::Int);
    QVERIFY(sortValue(1, ModelVersionTableModel::VersionColumn).toInt()
            > sortValue(0, ModelVersionTableModel::VersionColumn).toInt());
    QCOMPARE(sortValue(0, ModelVersionTableModel::CreatedColumn).typeId(), QMetaType::LongLong);
    QVERIFY(!sortValue(1, ModelVersionTableModel::UpdatedColumn).isValid());
    // Stages sort in lane order: Staging before Archived.
    QVERIFY(sortValue(1, ModelVersionTableModel::StageColumn).toInt()
            < sortValue(0, ModelVersionTableModel::StageColumn).toInt());
}

void TestModelVersionTableModel::sameVersionsKeepRows()
{
    ModelVersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions({modelVersion(1, QStringLiteral("None")), modelVersion(2, QStringLiteral("Staging"))});
    const QPersistentModelIndex selected = model.index(1, ModelVersionTableModel::StageColumn);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    // A refresh after version 2 went to Production.
    model.setVersions(
        {modelVersion(1, QStringLiteral("None")), modelVersion(2, QStringLiteral("Production"))});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), 1);
    QCOMPARE(selected.data().toString(), QStringLiteral("Production"));
}

void TestModelVersionTableModel::otherVersionsReset_data()
{
    QTest::addColumn<Store::ModelVersionList>("next");
    QTest::addRow("version added") << Store::ModelVersionList {
        modelVersion(1, "None"), modelVersion(2, "None"), modelVersion(3, "None")};
    QTest::addRow("version gone") << Store::ModelVersionList {modelVersion(1, "None")};
    QTest::addRow("other model") << Store::ModelVersionList {modelVersion(1, "None", "other"),
                                                             modelVersion(2, "None", "other")};
    QTest::addRow("none") << Store::ModelVersionList {};
}

void TestModelVersionTableModel::otherVersionsReset()
{
    QFETCH(Store::ModelVersionList, next);
    ModelVersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVersions({modelVersion(1, QStringLiteral("None")), modelVersion(2, QStringLiteral("None"))});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setVersions(next);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), int(next.size()));
}

QTEST_GUILESS_MAIN(TestModelVersionTableModel)
#include "tst_modelversiontablemodel.moc"
