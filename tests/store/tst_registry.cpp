#include "registryrules.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace Store;

Q_DECLARE_METATYPE(Store::RegistryChange)
Q_DECLARE_METATYPE(Store::Error::Code)

// The model registry through the store interface, on every backend: the reads, and every write
// semantic of the format notes §3 as MLflow's tests
// (tests/store/model_registry/test_sqlalchemy_store.py) assert them. The stores are built with
// StoreBuilder and handed to the backend under test by TestSupport::storeUnderTest().
class TestRegistry : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 T0 = 1700000000000;
    struct Fixture
    {
        QTemporaryDir dir;
        QString runA, runB;
        std::unique_ptr<MlflowStore> store;
    };
    // classifier: v1 None, v2 and v3 Production, v4 Staging (MLflow's test_get_latest_versions),
    // aliases champion -> 3, backup -> 3, challenger -> 4, tags; regressor: v1 None; empty: none.
    static bool build(Fixture &f, bool writable = true);
    static RegistryChange change(std::initializer_list<RegistryChange::StageChange> stages = {});
    // Version 1 from None to Staging, and one more part.
    static RegistryChange withAlias(const QString &alias, int from, int to);
    static RegistryChange withTag(int version, const QString &key, const std::optional<QString> &from,
                                  const std::optional<QString> &to);
    static RegistryChange withDescription(int version, const QString &from, const QString &to);
    static ModelVersion version(MlflowStore &store, int number,
                                const QString &model = QStringLiteral("classifier"));
    static RegisteredModel model(MlflowStore &store, const QString &name = QStringLiteral("classifier"));

private slots:
    void readsRegisteredModels();
    void readsModelVersions();
    void readsVersionsOfARun();

    void transitionWritesStageAndTimes();
    void transitionWithArchivingAndItsUndo();
    void stageNamesAreCanonicalised();
    void aliasesAreSetMovedAndDeletedWithoutTimes();
    void tagsAreUpsertedAndDeletedWithoutTimes();
    void descriptionsTouchTheirOwnRow();
    void undoRestoresEveryPart();
    void rejectedChangesWriteNothing_data();
    void rejectedChangesWriteNothing();
    void conflictsWriteNothing_data();
    void conflictsWriteNothing();
    void readOnlyStoreRefusesWrites();
};

bool TestRegistry::build(Fixture &f, bool writable)
{
    if (!f.dir.isValid())
        return false;
    const QString path = f.dir.filePath(QStringLiteral("mlflow.db"));
    StoreBuilder::Options options;
    options.now = T0;
    auto builder = StoreBuilder::create(path, options);
    if (!builder)
        return false;
    StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("registry")});
    f.runA = b.addRun({.experimentId = experiment, .name = QStringLiteral("a"), .startTime = T0});
    f.runB = b.addRun({.experimentId = experiment, .name = QStringLiteral("b"), .startTime = T0 + 1});
    const QString m = QStringLiteral("classifier");
    b.addRegisteredModel({.name = m,
                          .creationTime = T0,
                          .description = QStringLiteral("first"),
                          .tags = {{QStringLiteral("team"), QStringLiteral("vision")},
                                   {QStringLiteral("area"), QStringLiteral("ml")}}});
    const auto add = [&](const QString &run, qint64 time, TagList tags = {}) {
        return b.addModelVersion({.modelName = m,
                                  .source = QStringLiteral("runs:/%1/model").arg(run),
                                  .runId = run,
                                  .creationTime = time,
                                  .userId = QStringLiteral("ann"),
                                  .runLink = QStringLiteral("http://host/runs/%1").arg(run),
                                  .tags = tags});
    };
    add(f.runA, T0 + 1000);
    add(f.runA, T0 + 2000);
    add(f.runB, T0 + 3000,
        {{QStringLiteral("reason"), QStringLiteral("best")}, {QStringLiteral("a"), QStringLiteral("1")}});
    add(f.runB, T0 + 4000);
    b.transitionStage(m, 2, QStringLiteral("Production"), T0 + 2500);
    b.transitionStage(m, 3, QStringLiteral("Production"), T0 + 3500);
    b.transitionStage(m, 4, QStringLiteral("Staging"), T0 + 4500);
    b.setAlias(m, QStringLiteral("champion"), 3);
    b.setAlias(m, QStringLiteral("backup"), 3);
    b.setAlias(m, QStringLiteral("challenger"), 4);
    b.addRegisteredModel({.name = QStringLiteral("regressor"), .creationTime = T0});
    b.addModelVersion({.modelName = QStringLiteral("regressor"),
                       .source = QStringLiteral("s3://bucket/model"),
                       .runId = f.runB,
                       .creationTime = T0 + 5000});
    b.addRegisteredModel({.name = QStringLiteral("empty"), .creationTime = T0});
    if (!b.finish().ok())
        return false;
    auto opened = openStore(TestSupport::storeUnderTest(path, f.dir), {.writable = writable});
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return false;
    }
    f.store = std::move(opened).value();
    return true;
}

RegistryChange TestRegistry::change(std::initializer_list<RegistryChange::StageChange> stages)
{
    RegistryChange c;
    c.model = QStringLiteral("classifier");
    c.stages = stages;
    return c;
}

RegistryChange TestRegistry::withAlias(const QString &alias, int from, int to)
{
    RegistryChange c = change({{1, "None", "Staging"}});
    c.aliases = {{alias, from, to}};
    return c;
}

RegistryChange TestRegistry::withTag(int version, const QString &key, const std::optional<QString> &from,
                                     const std::optional<QString> &to)
{
    RegistryChange c = change({{1, "None", "Staging"}});
    c.tags = {{version, key, from, to}};
    return c;
}

RegistryChange TestRegistry::withDescription(int version, const QString &from, const QString &to)
{
    RegistryChange c = change({{1, "None", "Staging"}});
    c.descriptions = {{version, from, to}};
    return c;
}

ModelVersion TestRegistry::version(MlflowStore &store, int number, const QString &model)
{
    const auto versions = store.modelVersions(model);
    for (const ModelVersion &v : versions ? *versions : ModelVersionList()) {
        if (v.version == number)
            return v;
    }
    return {};
}

RegisteredModel TestRegistry::model(MlflowStore &store, const QString &name)
{
    const auto models = store.registeredModels();
    for (const RegisteredModel &m : models ? *models : RegisteredModelList()) {
        if (m.name == name)
            return m;
    }
    return {};
}

// --- Reads ---------------------------------------------------------------------------------

void TestRegistry::readsRegisteredModels()
{
    Fixture f;
    QVERIFY(build(f));
    const auto models = f.store->registeredModels();
    QVERIFY2(models.ok(), qPrintable(models ? QString() : models.error().message));
    QCOMPARE(models->size(), 3);
    QCOMPARE(models->at(0).name, QStringLiteral("classifier")); // by name
    QCOMPARE(models->at(1).name, QStringLiteral("empty"));
    QCOMPARE(models->at(2).name, QStringLiteral("regressor"));

    const RegisteredModel &m = models->at(0);
    QCOMPARE(m.description, QStringLiteral("first"));
    QCOMPARE(m.creationTime, T0);
    QCOMPARE(m.lastUpdatedTime, T0 + 4500); // the last transition
    // MLflow's test_get_latest_versions: {"None": 1, "Production": 3, "Staging": 4}.
    QCOMPARE(m.latestVersions, (QMap<QString, int> {{"None", 1}, {"Production", 3}, {"Staging", 4}}));
    QCOMPARE(m.aliases, (QMap<QString, int> {{"backup", 3}, {"challenger", 4}, {"champion", 3}}));
    QCOMPARE(m.tags, (KeyValueList {{"area", "ml"}, {"team", "vision"}}));

    QVERIFY(models->at(1).latestVersions.isEmpty());
    QVERIFY(models->at(1).description.isEmpty());
    QCOMPARE(models->at(2).latestVersions, (QMap<QString, int> {{"None", 1}}));
}

void TestRegistry::readsModelVersions()
{
    Fixture f;
    QVERIFY(build(f));
    const auto versions = f.store->modelVersions(QStringLiteral("classifier"));
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 4);
    QList<int> numbers;
    QStringList stages;
    for (const ModelVersion &v : *versions) {
        numbers.append(v.version);
        stages.append(v.stage);
    }
    QCOMPARE(numbers, (QList<int> {1, 2, 3, 4}));
    QCOMPARE(stages, (QStringList {"None", "Production", "Production", "Staging"}));

    const ModelVersion &v3 = versions->at(2);
    QCOMPARE(v3.modelName, QStringLiteral("classifier"));
    QCOMPARE(v3.status, QStringLiteral("READY"));
    QVERIFY(v3.statusMessage.isEmpty());
    QCOMPARE(v3.runId, f.runB);
    QCOMPARE(v3.source, QStringLiteral("runs:/%1/model").arg(f.runB));
    QCOMPARE(v3.storageLocation, v3.source);
    QCOMPARE(v3.runLink, QStringLiteral("http://host/runs/%1").arg(f.runB));
    QCOMPARE(v3.userId, QStringLiteral("ann"));
    QVERIFY(v3.description.isEmpty());
    QCOMPARE(v3.creationTime, T0 + 3000);
    QCOMPARE(v3.lastUpdatedTime, T0 + 3500);
    QCOMPARE(v3.aliases, (QStringList {"backup", "champion"}));
    QCOMPARE(v3.tags, (KeyValueList {{"a", "1"}, {"reason", "best"}}));
    QVERIFY(v3.loggedModelId.isEmpty());
    QCOMPARE(versions->at(3).aliases, QStringList {"challenger"});
    QVERIFY(versions->at(0).aliases.isEmpty());
    QVERIFY(versions->at(0).tags.isEmpty());

    const auto none = f.store->modelVersions(QStringLiteral("empty"));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    const auto unknown = f.store->modelVersions(QStringLiteral("nosuch"));
    QCOMPARE(unknown.error().code, Error::NoSuchModel);
    QVERIFY(unknown.error().message.contains(QLatin1String("nosuch")));
}

void TestRegistry::readsVersionsOfARun()
{
    Fixture f;
    QVERIFY(build(f));
    const auto ofB = f.store->modelVersionsOfRun(f.runB);
    QVERIFY(ofB.ok());
    QStringList found;
    for (const ModelVersion &v : *ofB)
        found.append(QStringLiteral("%1/%2").arg(v.modelName).arg(v.version));
    QCOMPARE(found, (QStringList {"classifier/3", "classifier/4", "regressor/1"}));
    QCOMPARE(ofB->at(0).tags.size(), 2); // with tags and aliases like modelVersions()
    QCOMPARE(ofB->at(0).aliases, (QStringList {"backup", "champion"}));

    const auto ofA = f.store->modelVersionsOfRun(f.runA);
    QVERIFY(ofA.ok());
    QCOMPARE(ofA->size(), 2);
    const auto ofNone = f.store->modelVersionsOfRun(QStringLiteral("0123456789abcdef0123456789abcdef"));
    QVERIFY(ofNone.ok());
    QVERIFY(ofNone->isEmpty());
}

// --- Writes --------------------------------------------------------------------------------

void TestRegistry::transitionWritesStageAndTimes()
{
    Fixture f;
    QVERIFY(build(f));
    QVERIFY(f.store->registryWritability().ok());
    const ModelVersion before2 = version(*f.store, 2);
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    const auto written = f.store->applyRegistryChange(change({{1, "None", "Staging"}}));
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    QVERIFY(written->time >= start && written->time <= QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(written->retries, 0);

    // The version and the model get `now`; the other versions keep their times.
    const ModelVersion v1 = version(*f.store, 1);
    QCOMPARE(v1.stage, QStringLiteral("Staging"));
    QCOMPARE(v1.lastUpdatedTime, written->time);
    QCOMPARE(v1.creationTime, T0 + 1000);
    QCOMPARE(model(*f.store).lastUpdatedTime, written->time);
    QCOMPARE(version(*f.store, 2).lastUpdatedTime, before2.lastUpdatedTime);
    QCOMPARE(version(*f.store, 2).stage, QStringLiteral("Production"));
    // latest versions follow: Staging's highest is still 4; None has none left.
    QCOMPARE(model(*f.store).latestVersions, (QMap<QString, int> {{"Production", 3}, {"Staging", 4}}));
    // Other models are untouched.
    QCOMPARE(model(*f.store, QStringLiteral("regressor")).lastUpdatedTime, T0 + 5000);
}

void TestRegistry::transitionWithArchivingAndItsUndo()
{
    // test_transition_model_version_stage_when_archive_existing_versions_is_true, as the changes
    // a planner makes of it: the target, plus every other version in the target stage to Archived.
    Fixture f;
    QVERIFY(build(f));
    QVERIFY(f.store->applyRegistryChange(change({{4, "Staging", "None"}, {1, "None", "Staging"}})).ok());
    const QString before = TestSupport::registryText(*f.store);

    // Version 2 and 3 are in Production; 1 goes there and archives both.
    const RegistryChange promote = change(
        {{1, "Staging", "Production"}, {2, "Production", "Archived"}, {3, "Production", "Archived"}});
    const auto written = f.store->applyRegistryChange(promote);
    QVERIFY(written.ok());
    for (int v : {1, 2, 3})
        QCOMPARE(version(*f.store, v).lastUpdatedTime, written->time); // mvd1 == mvd3 timestamps
    QCOMPARE(version(*f.store, 1).stage, QStringLiteral("Production"));
    QCOMPARE(version(*f.store, 2).stage, QStringLiteral("Archived"));
    QCOMPARE(version(*f.store, 3).stage, QStringLiteral("Archived"));
    QCOMPARE(version(*f.store, 4).stage, QStringLiteral("None"));
    QCOMPARE(model(*f.store).lastUpdatedTime, written->time);
    QCOMPARE(model(*f.store).latestVersions,
             (QMap<QString, int> {{"Archived", 3}, {"None", 4}, {"Production", 1}}));

    // Undo puts every version the transition touched back in its stage; only times differ.
    const auto undone = f.store->applyRegistryChange(promote.inverted());
    QVERIFY2(undone.ok(), qPrintable(undone ? QString() : undone.error().message));
    QCOMPARE(version(*f.store, 1).stage, QStringLiteral("Staging"));
    QCOMPARE(version(*f.store, 2).stage, QStringLiteral("Production"));
    QCOMPARE(version(*f.store, 3).stage, QStringLiteral("Production"));
    QCOMPARE(version(*f.store, 4).stage, QStringLiteral("None"));
    for (int v : {1, 2, 3})
        QCOMPARE(version(*f.store, v).lastUpdatedTime, undone->time);
    QCOMPARE(model(*f.store).latestVersions,
             (QMap<QString, int> {{"None", 4}, {"Production", 3}, {"Staging", 1}}));
    QVERIFY(TestSupport::registryText(*f.store) != before); // times moved on
}

void TestRegistry::stageNamesAreCanonicalised()
{
    // test_update_model_version: "STAGING", "staging", "StAgInG" all store "Staging"; a version
    // may move to the stage it is in.
    Fixture f;
    QVERIFY(build(f));
    QString stage = QStringLiteral("None");
    for (const char *name : {"STAGING", "staging", "StAgInG"}) {
        QVERIFY(f.store->applyRegistryChange(change({{1, stage, QLatin1String(name)}})).ok());
        stage = version(*f.store, 1).stage;
        QCOMPARE(stage, QStringLiteral("Staging"));
    }
    // A `from` in another case still matches the stored stage.
    QVERIFY(f.store->applyRegistryChange(change({{1, "staging", "archived"}})).ok());
    QCOMPARE(version(*f.store, 1).stage, QStringLiteral("Archived"));
    // To the stage it has: allowed, only the times change.
    const auto written = f.store->applyRegistryChange(change({{2, "Production", "Production"}}));
    QVERIFY(written.ok());
    QCOMPARE(version(*f.store, 2).stage, QStringLiteral("Production"));
    QCOMPARE(version(*f.store, 2).lastUpdatedTime, written->time);
    QCOMPARE(model(*f.store).lastUpdatedTime, written->time);
}

void TestRegistry::aliasesAreSetMovedAndDeletedWithoutTimes()
{
    Fixture f;
    QVERIFY(build(f));
    const qint64 modelTime = model(*f.store).lastUpdatedTime;
    const qint64 v4Time = version(*f.store, 4).lastUpdatedTime;

    RegistryChange c = change();
    c.aliases = {{"champion", 3, 4}, {"backup", 3, 0}, {"shadow", 0, 1}};
    QVERIFY(f.store->applyRegistryChange(c).ok());
    QCOMPARE(model(*f.store).aliases,
             (QMap<QString, int> {{"challenger", 4}, {"champion", 4}, {"shadow", 1}}));
    QCOMPARE(version(*f.store, 4).aliases, (QStringList {"challenger", "champion"}));
    QCOMPARE(version(*f.store, 1).aliases, QStringList {"shadow"});
    QVERIFY(version(*f.store, 3).aliases.isEmpty());
    // The SQL store changes no time for aliases.
    QCOMPARE(model(*f.store).lastUpdatedTime, modelTime);
    QCOMPARE(version(*f.store, 4).lastUpdatedTime, v4Time);

    // Undo.
    QVERIFY(f.store->applyRegistryChange(c.inverted()).ok());
    QCOMPARE(model(*f.store).aliases,
             (QMap<QString, int> {{"backup", 3}, {"challenger", 4}, {"champion", 3}}));
}

void TestRegistry::tagsAreUpsertedAndDeletedWithoutTimes()
{
    Fixture f;
    QVERIFY(build(f));
    const QString before = TestSupport::registryText(*f.store);
    const qint64 modelTime = model(*f.store).lastUpdatedTime;

    // test_set_registered_model_tag / test_set_model_version_tag: new keys, overrides, deletes,
    // a value of 4999 characters, the same key elsewhere untouched.
    const QString long4999(4999, QLatin1Char('a'));
    RegistryChange c = change();
    c.tags = {{0, "randomTag", std::nullopt, "not a random value"},
              {0, "team", "vision", "overriding"},
              {0, "area", "ml", std::nullopt},
              {3, "reason", "best", "overriding"},
              {3, "a", "1", std::nullopt},
              {1, "longTagKey", std::nullopt, long4999}};
    const auto written = f.store->applyRegistryChange(c);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    QCOMPARE(model(*f.store).tags,
             (KeyValueList {{"randomTag", "not a random value"}, {"team", "overriding"}}));
    QCOMPARE(version(*f.store, 3).tags, (KeyValueList {{"reason", "overriding"}}));
    QCOMPARE(version(*f.store, 1).tags, (KeyValueList {{"longTagKey", long4999}}));
    QVERIFY(version(*f.store, 2).tags.isEmpty());
    QVERIFY(model(*f.store, QStringLiteral("regressor")).tags.isEmpty());
    QCOMPARE(model(*f.store).lastUpdatedTime, modelTime);
    QCOMPARE(version(*f.store, 3).lastUpdatedTime, T0 + 3500);

    QVERIFY(f.store->applyRegistryChange(c.inverted()).ok());
    QCOMPARE(TestSupport::registryText(*f.store), before); // tags change no time, so the undo is exact
}

void TestRegistry::descriptionsTouchTheirOwnRow()
{
    Fixture f;
    QVERIFY(build(f));
    // A version's description: that version gets `now`, the model keeps its time.
    RegistryChange c = change();
    c.descriptions = {{2, "", "test model version"}};
    const auto first = f.store->applyRegistryChange(c);
    QVERIFY(first.ok());
    QCOMPARE(version(*f.store, 2).description, QStringLiteral("test model version"));
    QCOMPARE(version(*f.store, 2).lastUpdatedTime, first->time);
    QCOMPARE(version(*f.store, 2).stage, QStringLiteral("Production"));
    QCOMPARE(version(*f.store, 3).lastUpdatedTime, T0 + 3500);
    QCOMPARE(model(*f.store).lastUpdatedTime, T0 + 4500);

    // The model's description: the model gets `now`, its versions keep theirs.
    c.descriptions = {{0, "first", "test model"}};
    const auto second = f.store->applyRegistryChange(c);
    QVERIFY(second.ok());
    QCOMPARE(model(*f.store).description, QStringLiteral("test model"));
    QCOMPARE(model(*f.store).lastUpdatedTime, second->time);
    QCOMPARE(version(*f.store, 2).lastUpdatedTime, first->time);
    QCOMPARE(version(*f.store, 4).lastUpdatedTime, T0 + 4500);
}

void TestRegistry::undoRestoresEveryPart()
{
    Fixture f;
    QVERIFY(build(f));
    RegistryChange c = change(
        {{4, "Staging", "Production"}, {2, "Production", "Archived"}, {3, "Production", "Archived"}});
    c.aliases = {{"champion", 3, 4}};
    c.tags = {{4, "approved", std::nullopt, "yes"}};
    c.descriptions = {{4, "", "promoted"}};
    QVERIFY(f.store->applyRegistryChange(c).ok());
    const ModelVersion v4 = version(*f.store, 4);
    QCOMPARE(v4.stage, QStringLiteral("Production"));
    QCOMPARE(v4.description, QStringLiteral("promoted"));
    QCOMPARE(v4.tags, (KeyValueList {{"approved", "yes"}}));
    QCOMPARE(v4.aliases, (QStringList {"challenger", "champion"}));

    QVERIFY(f.store->applyRegistryChange(c.inverted()).ok());
    const auto versions = f.store->modelVersions(QStringLiteral("classifier"));
    QVERIFY(versions.ok());
    QStringList stages;
    for (const ModelVersion &v : *versions)
        stages.append(v.stage);
    QCOMPARE(stages, (QStringList {"None", "Production", "Production", "Staging"}));
    QVERIFY(version(*f.store, 4).description.isEmpty());
    QVERIFY(version(*f.store, 4).tags.isEmpty());
    QCOMPARE(model(*f.store).aliases,
             (QMap<QString, int> {{"backup", 3}, {"challenger", 4}, {"champion", 3}}));

    // Undoing twice finds the rows no longer as the undo expects them.
    const auto again = f.store->applyRegistryChange(c.inverted());
    QCOMPARE(again.error().code, Error::Conflict);
}

void TestRegistry::rejectedChangesWriteNothing_data()
{
    QTest::addColumn<RegistryChange>("change");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("message");

    // Each change also holds a valid transition, which must not be written either.
    const QString nothing;
    QTest::addRow("unknown stage") << change({{1, "None", "Staging"}, {2, "Production", "unknown"}})
                                   << Error::Refused
                                   << "Invalid Model Version stage: unknown. Value must be one of None, "
                                      "Staging, Production, Archived.";
    QTest::addRow("internal stage") << change({{1, "None", "Deleted_Internal"}}) << Error::Refused
                                    << "Invalid Model Version stage: Deleted_Internal";
    for (const char *alias : {"latest", "LATEST", "v1", "V12", "bad alias", ""})
        QTest::addRow("alias '%s'", alias)
            << withAlias(QLatin1String(alias), 0, 2) << Error::Refused << nothing;
    QTest::addRow("alias of 256") << withAlias(QString(256, QLatin1Char('a')), 0, 2) << Error::Refused
                                  << "maximum length of 255";
    QTest::addRow("model tag of 5001") << withTag(0, "long", std::nullopt, QString(5001, QLatin1Char('a')))
                                       << Error::Refused << "maximum length of 5000";
    QTest::addRow("version tag of 100001")
        << withTag(2, "long", std::nullopt, QString(100001, QLatin1Char('a'))) << Error::Refused
        << "maximum length of 100000";
    QTest::addRow("tag key") << withTag(0, "a/../b", std::nullopt, "x") << Error::Refused
                             << "Invalid tag name";
    QTest::addRow("description of 5001") << withDescription(0, "first", QString(5001, QLatin1Char('d')))
                                         << Error::Refused << "maximum length of 5000";
    QTest::addRow("stage of no version")
        << change({{1, "None", "Staging"}, {99, "None", "Staging"}}) << Error::NoSuchVersion
        << "Model Version (name=classifier, version=99) not found";
    QTest::addRow("alias to no version")
        << withAlias("champion", 3, 99) << Error::NoSuchVersion << "version=99";
    QTest::addRow("tag of no version")
        << withTag(99, "k", std::nullopt, "v") << Error::NoSuchVersion << "version=99";
    QTest::addRow("description of no version")
        << withDescription(99, "", "x") << Error::NoSuchVersion << "version=99";
    RegistryChange otherModel = change({{1, "None", "Staging"}});
    otherModel.model = QStringLiteral("nosuch");
    QTest::addRow("no such model") << otherModel << Error::NoSuchModel << "nosuch";
    QTest::addRow("a version moved twice")
        << change({{1, "None", "Staging"}, {1, "None", "Production"}}) << Error::InvalidArgument << nothing;
}

void TestRegistry::rejectedChangesWriteNothing()
{
    QFETCH(RegistryChange, change);
    QFETCH(Error::Code, code);
    QFETCH(QString, message);
    Fixture f;
    QVERIFY(build(f));
    const QString before = TestSupport::registryText(*f.store);
    const auto written = f.store->applyRegistryChange(change);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, code);
    QVERIFY2(written.error().message.contains(message), qPrintable(written.error().message));
    QCOMPARE(TestSupport::registryText(*f.store), before);
    QVERIFY(f.store->registryWritability().ok()); // the store stays writable
}

void TestRegistry::conflictsWriteNothing_data()
{
    QTest::addColumn<RegistryChange>("change");
    QTest::addColumn<int>("seen"); // 0: no check; 1: as read; 2: v4's stage off; 3: v2's time off;
                                   // 4: without v4; 5: with a v5

    const RegistryChange promote = change({{1, "None", "Staging"}});
    QTest::addRow("stage moved meanwhile") << change({{1, "Staging", "Production"}}) << 0;
    QTest::addRow("seen stage") << promote << 2;
    QTest::addRow("seen time") << promote << 3;
    QTest::addRow("version added meanwhile") << promote << 4;
    QTest::addRow("version deleted meanwhile") << promote << 5;
    QTest::addRow("alias moved") << withAlias("champion", 2, 4) << 1;
    QTest::addRow("alias set meanwhile") << withAlias("champion", 0, 4) << 1;
    QTest::addRow("alias deleted meanwhile") << withAlias("gone", 3, 4) << 1;
    QTest::addRow("tag added meanwhile") << withTag(0, "team", std::nullopt, "x") << 1;
    QTest::addRow("tag changed meanwhile") << withTag(3, "a", "2", "3") << 1;
    QTest::addRow("tag deleted meanwhile") << withTag(0, "gone", "x", std::nullopt) << 1;
    QTest::addRow("model description") << withDescription(0, "other", "new") << 1;
    QTest::addRow("version description") << withDescription(2, "x", "y") << 1;
}

void TestRegistry::conflictsWriteNothing()
{
    QFETCH(RegistryChange, change);
    QFETCH(int, seen);
    Fixture f;
    QVERIFY(build(f));
    if (seen > 0) {
        const auto versions = f.store->modelVersions(change.model);
        QVERIFY(versions.ok());
        for (const ModelVersion &v : *versions)
            change.seen.append({v.version, v.stage, v.lastUpdatedTime});
        if (seen == 2)
            change.seen[3].stage = QStringLiteral("None");
        else if (seen == 3)
            change.seen[1].lastUpdatedTime += 1;
        else if (seen == 4)
            change.seen.removeLast();
        else if (seen == 5)
            change.seen.append({5, QStringLiteral("None"), T0});
    }
    const QString before = TestSupport::registryText(*f.store);
    const auto written = f.store->applyRegistryChange(change);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Conflict);
    QVERIFY2(written.error().message.contains(QLatin1String("changed since you looked")),
             qPrintable(written.error().message));
    QCOMPARE(TestSupport::registryText(*f.store), before);
    // Its valid part alone goes through: the conflict was the only obstacle.
    QVERIFY(f.store->applyRegistryChange(TestRegistry::change({{1, "None", "Staging"}})).ok());
}

void TestRegistry::readOnlyStoreRefusesWrites()
{
    Fixture f;
    QVERIFY(build(f, false));
    const Error why = f.store->registryWritability();
    QCOMPARE(why.code, Error::ReadOnly);
    QVERIFY2(why.message.contains(QLatin1String("opened read-only")), qPrintable(why.message));
    const QString before = TestSupport::registryText(*f.store);
    const auto written = f.store->applyRegistryChange(change({{1, "None", "Staging"}}));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::ReadOnly);
    QCOMPARE(TestSupport::registryText(*f.store), before);
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
