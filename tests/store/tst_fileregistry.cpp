#include "filestorefixture.h"
#include "storefactory.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Store;
using namespace FileStoreFixture;

// The file model registry (mlruns/models, format notes §4) as FileStore reads it: models, their
// tags and aliases, live versions with the latest per stage, and soft-deleted versions on request.
class TestFileRegistry : public QObject
{
    Q_OBJECT
private slots:
    void registry();
    void softDeletedVersions();
};

void TestFileRegistry::registry()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.registeredModel(QStringLiteral("classifier"), 1000, 5000, QStringLiteral("Two\nlines"));
    out.registeredModel(QStringLiteral("anomaly"), 1000, 2000, QString());
    out.registeredModelTag(QStringLiteral("classifier"), QStringLiteral("team"), QStringLiteral("risk"));
    const auto version = [&](const QString &model, int number, const QString &stage, const QString &run) {
        MlrunsWriter::Version v;
        v.version = number;
        v.stage = stage;
        v.runId = run;
        v.source = QStringLiteral("runs:/%1/model").arg(run);
        out.modelVersion(model, v);
    };
    version(QStringLiteral("classifier"), 1, QStringLiteral("Archived"), runId(1));
    version(QStringLiteral("classifier"), 2, QStringLiteral("Production"), runId(1));
    version(QStringLiteral("classifier"), 3, QStringLiteral("Production"), QString());
    version(QStringLiteral("classifier"), 4, QStringLiteral("Deleted_Internal"), runId(1));
    version(QStringLiteral("classifier"), 10, QStringLiteral("Staging"), QString());
    out.alias(QStringLiteral("classifier"), QStringLiteral("champion"), 3);
    out.alias(QStringLiteral("classifier"), QStringLiteral("backup"), 3);
    out.modelVersionTag(QStringLiteral("classifier"), 2, QStringLiteral("validated"), QStringLiteral("yes"));
    QVERIFY(out.ok());
    auto store = openOrWarn(dir.path());
    QVERIFY(store);

    const auto models = store->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->size(), 2);
    QCOMPARE(models->at(0).name, QStringLiteral("anomaly"));
    const RegisteredModel &m = models->at(1);
    QCOMPARE(m.description, QStringLiteral("Two\nlines"));
    QCOMPARE(m.creationTime, 1000);
    QCOMPARE(m.lastUpdatedTime, 5000);
    QCOMPARE(m.latestVersions.value(QStringLiteral("Production")), 3);
    QCOMPARE(m.latestVersions.value(QStringLiteral("Staging")), 10);
    QVERIFY(!m.latestVersions.contains(QStringLiteral("Deleted_Internal")));
    QCOMPARE(m.aliases.value(QStringLiteral("champion")), 3);
    QCOMPARE(m.tags, (KeyValueList {{QStringLiteral("team"), QStringLiteral("risk")}}));

    const auto versions = store->modelVersions(QStringLiteral("classifier"));
    QVERIFY(versions.ok());
    QList<int> numbers;
    for (const ModelVersion &v : *versions)
        numbers.append(v.version);
    QCOMPARE(numbers, (QList<int> {1, 2, 3, 10})); // soft-deleted 4 hidden, 10 after 3
    QCOMPARE(versions->at(2).aliases, (QStringList {"backup", "champion"}));
    QCOMPARE(versions->at(1).tags, (KeyValueList {{QStringLiteral("validated"), QStringLiteral("yes")}}));
    QCOMPARE(versions->at(1).runExperimentId, QStringLiteral("0"));
    QCOMPARE(versions->at(1).status, QStringLiteral("READY"));
    QCOMPARE(store->modelVersions(QStringLiteral("nope")).error().code, Error::NoSuchModel);
    QCOMPARE(store->modelVersions(QStringLiteral("../0")).error().code, Error::NoSuchModel);

    const auto ofRun = store->modelVersionsOfRun(runId(1));
    QVERIFY(ofRun.ok());
    QCOMPARE(ofRun->size(), 2);
    QCOMPARE(store->registryWritability().code, Error::ReadOnly);
    QVERIFY(!store->registryWritability().message.isEmpty());
    RegistryChange change;
    change.model = QStringLiteral("classifier");
    change.stages = {{1, QStringLiteral("Archived"), QStringLiteral("None")}};
    QCOMPARE(store->applyRegistryChange(change).error().code, Error::ReadOnly);
}

void TestFileRegistry::softDeletedVersions()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.registeredModel(QStringLiteral("classifier"), 1000, 9000, QString());
    MlrunsWriter::Version live;
    live.runId = runId(1);
    live.source = QStringLiteral("runs:/%1/model").arg(runId(1));
    out.modelVersion(QStringLiteral("classifier"), live);
    // MLflow's file store soft-deletes by the stage alone: the version keeps its data and tags.
    MlrunsWriter::Version deleted = live;
    deleted.version = 2;
    deleted.stage = QStringLiteral("Deleted_Internal");
    deleted.description = QStringLiteral("Overfitted.");
    deleted.userId = QStringLiteral("ann");
    deleted.lastUpdated = 9000;
    out.modelVersion(QStringLiteral("classifier"), deleted);
    out.modelVersionTag(QStringLiteral("classifier"), 2, QStringLiteral("validation"),
                        QStringLiteral("failed"));
    QVERIFY(out.ok());
    auto store = openOrWarn(dir.path());
    QVERIFY(store);

    const auto versions = [&](ViewType view) {
        QList<int> numbers;
        const auto list = store->modelVersions(QStringLiteral("classifier"), view);
        for (const ModelVersion &v : list.ok() ? *list : ModelVersionList())
            numbers.append(v.version);
        return numbers;
    };
    QCOMPARE(versions(ViewType::ActiveOnly), QList<int> {1});
    QCOMPARE(versions(ViewType::DeletedOnly), QList<int> {2});
    QCOMPARE(versions(ViewType::All), (QList<int> {1, 2}));
    const ModelVersion v = store->modelVersions(QStringLiteral("classifier"), ViewType::DeletedOnly)->first();
    QCOMPARE(v.stage, QStringLiteral("Deleted_Internal"));
    QCOMPARE(v.description, QStringLiteral("Overfitted."));
    QCOMPARE(v.userId, QStringLiteral("ann"));
    QCOMPARE(v.runId, runId(1));
    QCOMPARE(v.runExperimentId, QStringLiteral("0"));
    QCOMPARE(v.lastUpdatedTime, 9000);
    QCOMPARE(v.tags, (KeyValueList {{QStringLiteral("validation"), QStringLiteral("failed")}}));
    // Still out of the latest versions and of the run's versions.
    QVERIFY(store->registeredModels()->first().latestVersions.keys() == QStringList {QStringLiteral("None")});
    QCOMPARE(store->modelVersionsOfRun(runId(1))->size(), 1);
}

QTEST_GUILESS_MAIN(TestFileRegistry)
#include "tst_fileregistry.moc"
