#include "sqlitehandle.h"
#include "storebuilder.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

using namespace Store;

// The store builder's model registry and logged models, checked row by row against what
// MLflow's SQL store writes (../shared/docs/mlflow-format.md §1.4, §1.5, §3).

namespace {

const QString Null = QStringLiteral("<NULL>");

QList<QStringList> rows(const QString &dbPath, const QByteArray &sql)
{
    return TestSupport::queryRows(dbPath, sql);
}

} // namespace

class TestStoreBuilderRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionsStagesAndAliases();
    void refusals_data();
    void refusals();
    void deleteModelVersionIsMlflowsSoftDelete();
    void deleteAlias();
    void versionStatusAtCreation();
    void descriptions();
    void loggedModels();
    void versionFromALoggedModel();
    void versionFromAnotherVersion();
    void missingThings_data();
    void missingThings();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestStoreBuilderRegistry::versionsStagesAndAliases()
{
    const QString path = m_dir.filePath(QStringLiteral("registry.db"));
    QList<int> versions;
    QString run;
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        run = b.addRun({.name = QStringLiteral("train")});
        const QString source = b.runArtifactUri(run) + QStringLiteral("/model");
        b.addRegisteredModel({.name = QStringLiteral("clf"),
                              .creationTime = 1000,
                              .description = QStringLiteral("digits"),
                              .tags = {{QStringLiteral("task"), QStringLiteral("classification")}}});
        for (const auto &[stage, time] :
             {std::pair {"None", 2000}, {"staging", 3000}, {"PRODUCTION", 4000}, {"Archived", 5000}}) {
            versions.append(b.addModelVersion({.modelName = QStringLiteral("clf"),
                                               .source = source,
                                               .runId = run,
                                               .stage = QLatin1String(stage),
                                               .creationTime = time,
                                               .userId = QStringLiteral("ada")}));
        }
        b.transitionStage(QStringLiteral("clf"), 1, QStringLiteral("production"), 6000, true);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("champion"), 1);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("challenger"), 2);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("champion"), 3); // moves
        b.setModelVersionTag(QStringLiteral("clf"), 1, QStringLiteral("validated"), QStringLiteral("true"));
        b.addRegisteredModel({.name = QStringLiteral("other"), .creationTime = 1500});
        QCOMPARE(
            b.addModelVersion({.modelName = QStringLiteral("other"), .source = source, .creationTime = 1600}),
            1);
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(versions, (QList<int> {1, 2, 3, 4}));
    const QString source = QFileInfo(path).absolutePath() + "/mlruns/0/" + run + "/artifacts/model";
    QCOMPARE(rows(path,
                  "SELECT version, current_stage, status, creation_time, last_updated_time, run_id, source, "
                  "storage_location, user_id, description, status_message, run_link FROM model_versions "
                  "WHERE name = 'clf' ORDER BY version"),
             (QList<QStringList> {
                 {"1", "Production", "READY", "2000", "6000", run, source, source, "ada", Null, Null, Null},
                 {"2", "Staging", "READY", "3000", "3000", run, source, source, "ada", Null, Null, Null},
                 {"3", "Archived", "READY", "4000", "6000", run, source, source, "ada", Null, Null, Null},
                 {"4", "Archived", "READY", "5000", "5000", run, source, source, "ada", Null, Null, Null}}));
    QCOMPARE(rows(path, "SELECT * FROM registered_models ORDER BY name"),
             (QList<QStringList> {{"clf", "1000", "6000", "digits"}, {"other", "1500", "1600", Null}}));
    QCOMPARE(rows(path, "SELECT name, alias, version FROM registered_model_aliases ORDER BY alias"),
             (QList<QStringList> {{"clf", "challenger", "2"}, {"clf", "champion", "3"}}));
    QCOMPARE(rows(path, "SELECT * FROM registered_model_tags"),
             (QList<QStringList> {{"task", "classification", "clf"}}));
    QCOMPARE(rows(path, "SELECT * FROM model_version_tags"),
             (QList<QStringList> {{"validated", "true", "clf", "1"}}));
}

void TestStoreBuilderRegistry::refusals_data()
{
    // action: alias:<name>:<version> | version:<stage> | transition:<stage>:<archive 0/1>
    QTest::addColumn<QString>("action");
    QTest::addRow("alias latest") << "alias:latest:1";
    QTest::addRow("alias Latest") << "alias:Latest:1";
    QTest::addRow("alias like a version") << "alias:v1:1";
    QTest::addRow("alias like a version, upper case") << "alias:V12:1";
    QTest::addRow("alias with a space") << "alias:my alias:1";
    QTest::addRow("empty alias") << "alias::1";
    QTest::addRow("alias to a missing version") << "alias:prod:9";
    QTest::addRow("unknown stage") << "version:Live";
    QTest::addRow("archive others for Archived") << "transition:Archived:1";
    QTest::addRow("archive others for None") << "transition:None:1";
    QTest::addRow("transition to unknown stage") << "transition:Done:0";
}

void TestStoreBuilderRegistry::refusals()
{
    QFETCH(QString, action);
    auto builder
        = StoreBuilder::create(m_dir.filePath(QStringLiteral("refusal-%1.db").arg(QTest::currentDataTag())));
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    const QString model = QStringLiteral("m");
    b.addRegisteredModel({.name = model});
    QCOMPARE(b.addModelVersion({.modelName = model, .source = QStringLiteral("/tmp/model")}), 1);
    QVERIFY(!b.hasError());
    const QStringList parts = action.split(QLatin1Char(':'));
    if (parts[0] == QLatin1String("alias")) {
        b.setAlias(model, parts[1], parts[2].toInt());
    } else if (parts[0] == QLatin1String("version")) {
        QCOMPARE(
            b.addModelVersion({.modelName = model, .source = QStringLiteral("/tmp/m"), .stage = parts[1]}),
            -1);
    } else {
        b.transitionStage(model, 1, parts[1], 5, parts[2] == QLatin1String("1"));
    }
    QVERIFY(b.hasError());
    QCOMPARE(b.error().code, Error::InvalidArgument);
}

void TestStoreBuilderRegistry::deleteModelVersionIsMlflowsSoftDelete()
{
    const QString db = path(QStringLiteral("delete.db"));
    QString run, source;
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        run = b.addRun({.name = QStringLiteral("train")});
        source = b.runArtifactUri(run) + QStringLiteral("/model");
        b.addRegisteredModel({.name = QStringLiteral("clf"), .creationTime = 1000});
        for (const qint64 time : {2000, 3000, 4000}) {
            b.addModelVersion({.modelName = QStringLiteral("clf"),
                               .source = source,
                               .runId = run,
                               .creationTime = time,
                               .userId = QStringLiteral("ada"),
                               .description = QStringLiteral("notes"),
                               .runLink = QStringLiteral("http://tracking/#/runs/1"),
                               .statusMessage = QStringLiteral("copied")});
        }
        b.setModelVersionTag(QStringLiteral("clf"), 3, QStringLiteral("validated"), QStringLiteral("true"));
        b.setAlias(QStringLiteral("clf"), QStringLiteral("champion"), 3);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("backup"), 3);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("challenger"), 2);
        b.transitionStage(QStringLiteral("clf"), 3, QStringLiteral("Production"), 5000);
        b.deleteModelVersion(QStringLiteral("clf"), 3, 9000);
        QCOMPARE(b.finish().code, Error::None);
    }
    const QByteArray columns
        = "SELECT version, current_stage, creation_time, last_updated_time, description, "
          "user_id, source, run_id, run_link, status, status_message, storage_location "
          "FROM model_versions ORDER BY version";
    const QString link = QStringLiteral("http://tracking/#/runs/1");
    const QList<QStringList> expected {
        {"1", "None", "2000", "2000", "notes", "ada", source, run, link, "READY", "copied", source},
        {"2", "None", "3000", "3000", "notes", "ada", source, run, link, "READY", "copied", source},
        // Redacted and emptied, the stage says deleted; storage_location and status stay.
        {"3", "Deleted_Internal", "4000", "9000", Null, Null, "REDACTED-SOURCE-PATH", "REDACTED-RUN-ID",
         "REDACTED-RUN-LINK", "READY", Null, source}};
    QCOMPARE(rows(db, columns), expected);
    QCOMPARE(rows(db, "SELECT name, creation_time, last_updated_time FROM registered_models"),
             (QList<QStringList> {{"clf", "1000", "9000"}}));
    QCOMPARE(rows(db, "SELECT alias, version FROM registered_model_aliases"),
             (QList<QStringList> {{"challenger", "2"}}));
    QCOMPARE(rows(db, "SELECT * FROM model_version_tags"),
             (QList<QStringList> {{"validated", "true", "clf", "3"}}));
    QCOMPARE(rows(db, "PRAGMA foreign_key_check"), QList<QStringList>());

    // Numbers are never reused: the next version after a deleted last one is 4.
    auto builder = StoreBuilder::create(path(QStringLiteral("delete-reuse.db")));
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    b.addRegisteredModel({.name = QStringLiteral("clf")});
    for (int i = 0; i < 3; ++i)
        b.addModelVersion({.modelName = QStringLiteral("clf"), .source = QStringLiteral("/tmp/m")});
    b.deleteModelVersion(QStringLiteral("clf"), 3, 10);
    QCOMPARE(b.addModelVersion({.modelName = QStringLiteral("clf"), .source = QStringLiteral("/tmp/m")}), 4);
}

void TestStoreBuilderRegistry::deleteAlias()
{
    const QString db = path(QStringLiteral("delete-alias.db"));
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        b.addRegisteredModel({.name = QStringLiteral("clf"), .creationTime = 1000});
        b.addModelVersion(
            {.modelName = QStringLiteral("clf"), .source = QStringLiteral("/tmp/1"), .creationTime = 2000});
        b.addModelVersion(
            {.modelName = QStringLiteral("clf"), .source = QStringLiteral("/tmp/2"), .creationTime = 3000});
        b.setAlias(QStringLiteral("clf"), QStringLiteral("a"), 1);
        b.setAlias(QStringLiteral("clf"), QStringLiteral("b"), 2);
        b.deleteAlias(QStringLiteral("clf"), QStringLiteral("a"));
        b.deleteAlias(QStringLiteral("clf"), QStringLiteral("never-set")); // no error, as in MLflow
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(rows(db, "SELECT alias, version FROM registered_model_aliases"),
             (QList<QStringList> {{"b", "2"}}));
    // The SQL store changes no time for aliases.
    QCOMPARE(rows(db, "SELECT last_updated_time FROM registered_models"), (QList<QStringList> {{"3000"}}));
    QCOMPARE(rows(db, "SELECT version, last_updated_time FROM model_versions ORDER BY version"),
             (QList<QStringList> {{"1", "2000"}, {"2", "3000"}}));
}

void TestStoreBuilderRegistry::versionStatusAtCreation()
{
    const QString db = path(QStringLiteral("status.db"));
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        b.addRegisteredModel({.name = QStringLiteral("clf")});
        b.addModelVersion({.modelName = QStringLiteral("clf"),
                           .source = QStringLiteral("s3://bucket/1"),
                           .status = QStringLiteral("PENDING_REGISTRATION")});
        b.addModelVersion({.modelName = QStringLiteral("clf"),
                           .source = QStringLiteral("s3://bucket/2"),
                           .status = QStringLiteral("FAILED_REGISTRATION"),
                           .statusMessage = QStringLiteral("Access denied")});
        b.addModelVersion({.modelName = QStringLiteral("clf"), .source = QStringLiteral("s3://bucket/3")});
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(
        rows(db,
             "SELECT version, current_stage, status, status_message FROM model_versions ORDER BY version"),
        (QList<QStringList> {{"1", "None", "PENDING_REGISTRATION", Null},
                             {"2", "None", "FAILED_REGISTRATION", "Access denied"},
                             {"3", "None", "READY", Null}}));
}

void TestStoreBuilderRegistry::descriptions()
{
    const QString db = path(QStringLiteral("descriptions.db"));
    const QString markdown = QStringLiteral("# Classifier\n\nFirst paragraph.\n\n* a list\n");
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        b.addRegisteredModel(
            {.name = QStringLiteral("clf"), .creationTime = 1000, .description = QStringLiteral("old")});
        b.addModelVersion(
            {.modelName = QStringLiteral("clf"), .source = QStringLiteral("/tmp/1"), .creationTime = 2000});
        b.setRegisteredModelDescription(QStringLiteral("clf"), markdown, 3000);
        // A version's description changes the version's time only (update_model_version).
        b.setModelVersionDescription(QStringLiteral("clf"), 1, QStringLiteral("**v1**"), 4000);
        b.addRegisteredModel(
            {.name = QStringLiteral("other"), .creationTime = 1000, .description = QStringLiteral("x")});
        b.setRegisteredModelDescription(QStringLiteral("other"), QString(), 5000);
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(rows(db, "SELECT name, last_updated_time, description FROM registered_models ORDER BY name"),
             (QList<QStringList> {{"clf", "3000", markdown}, {"other", "5000", Null}}));
    QCOMPARE(rows(db, "SELECT creation_time, last_updated_time, description FROM model_versions"),
             (QList<QStringList> {{"2000", "4000", "**v1**"}}));
}

void TestStoreBuilderRegistry::loggedModels()
{
    const QString db = path(QStringLiteral("logged.db"));
    QString run, model, draft, location, experimentLocation;
    qint64 experiment = -1;
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        experiment = b.addExperiment({.name = QStringLiteral("e")});
        experimentLocation = b.experimentArtifactLocation(experiment);
        run = b.addRun({.experimentId = experiment, .name = QStringLiteral("train")});
        model = b.addLoggedModel({.sourceRunId = run,
                                  .name = QStringLiteral("model"),
                                  .modelType = QStringLiteral("classifier"),
                                  .creationTime = 1000,
                                  .finalizedTime = 1500,
                                  .params = {{QStringLiteral("alpha"), QStringLiteral("0.5")}},
                                  .tags = {{QStringLiteral("mlflow.user"), QStringLiteral("ada")}}});
        draft = b.addLoggedModel({.experimentId = 0,
                                  .name = QStringLiteral("draft"),
                                  .status = LoggedModelStatus::Pending,
                                  .creationTime = 2000});
        b.logModelOutput(run, model, 3);
        b.setLoggedModelTag(model, QStringLiteral("mlflow.user"), QStringLiteral("grace")); // upsert
        b.setLoggedModelTag(model, QStringLiteral("mlflow.modelVersions"),
                            QStringLiteral(R"([{"name": "clf", "version": 1}])"));
        location = b.loggedModelArtifactLocation(model);
        QCOMPARE(b.finish().code, Error::None);
    }
    static const QRegularExpression id(QStringLiteral("^m-[0-9a-f]{32}$"));
    QVERIFY2(id.match(model).hasMatch(), qPrintable(model));
    QVERIFY2(id.match(draft).hasMatch(), qPrintable(draft));
    QVERIFY(model != draft);
    QCOMPARE(location, experimentLocation + "/models/" + model + "/artifacts");
    const QString e = QString::number(experiment);
    const QString root = QFileInfo(db).absolutePath() + QStringLiteral("/mlruns/0");
    QCOMPARE(rows(db, "SELECT * FROM logged_models ORDER BY creation_timestamp_ms"),
             (QList<QStringList> {
                 {model, e, "model", location, "1000", "1500", "2", "active", "classifier", run, Null},
                 {draft, "0", "draft", root + "/models/" + draft + "/artifacts", "2000", "2000", "1",
                  "active", Null, Null, Null}}));
    QCOMPARE(rows(db, "SELECT * FROM logged_model_params"),
             (QList<QStringList> {{model, e, "alpha", "0.5"}}));
    QCOMPARE(rows(db, "SELECT * FROM logged_model_tags ORDER BY tag_key"),
             (QList<QStringList> {{model, e, "mlflow.modelVersions", R"([{"name": "clf", "version": 1}])"},
                                  {model, e, "mlflow.user", "grace"}}));
    QCOMPARE(rows(db,
                  "SELECT length(input_uuid), source_type, source_id, destination_type, destination_id, step "
                  "FROM inputs"),
             (QList<QStringList> {{"32", "RUN_OUTPUT", run, "MODEL_OUTPUT", model, "3"}}));
    QCOMPARE(rows(db, "PRAGMA foreign_key_check"), QList<QStringList>());
}

void TestStoreBuilderRegistry::versionFromALoggedModel()
{
    const QString db = path(QStringLiteral("logged-version.db"));
    QString run, other, model, orphan, location, orphanLocation;
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        run = b.addRun({.name = QStringLiteral("train")});
        other = b.addRun({.name = QStringLiteral("retrain")});
        model = b.addLoggedModel({.sourceRunId = run, .name = QStringLiteral("model")});
        orphan = b.addLoggedModel({.experimentId = 0, .name = QStringLiteral("imported")});
        location = b.loggedModelArtifactLocation(model);
        orphanLocation = b.loggedModelArtifactLocation(orphan);
        b.addRegisteredModel({.name = QStringLiteral("clf")});
        QCOMPARE(b.addModelVersion({.modelName = QStringLiteral("clf"), .source = "models:/" + model}), 1);
        QCOMPARE(b.addModelVersion(
                     {.modelName = QStringLiteral("clf"), .source = "models:/" + model, .runId = other}),
                 2);
        QCOMPARE(b.addModelVersion({.modelName = QStringLiteral("clf"), .source = "models:/" + orphan}), 3);
        QCOMPARE(b.finish().code, Error::None);
    }
    // create_model_version: storage_location is the logged model's artifact_location, run_id its
    // source run unless the caller named one.
    QCOMPARE(
        rows(db, "SELECT version, source, storage_location, run_id FROM model_versions ORDER BY version"),
        (QList<QStringList> {{"1", "models:/" + model, location, run},
                             {"2", "models:/" + model, location, other},
                             {"3", "models:/" + orphan, orphanLocation, Null}}));
}

void TestStoreBuilderRegistry::versionFromAnotherVersion()
{
    const QString db = path(QStringLiteral("version-of-version.db"));
    {
        auto builder = StoreBuilder::create(db);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        b.addRegisteredModel({.name = QStringLiteral("clf")});
        b.addModelVersion({.modelName = QStringLiteral("clf"), .source = QStringLiteral("/models/a")});
        b.addRegisteredModel({.name = QStringLiteral("copy")});
        b.addModelVersion({.modelName = QStringLiteral("copy"), .source = QStringLiteral("models:/clf/1")});
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(rows(db, "SELECT name, source, storage_location, run_id FROM model_versions ORDER BY name"),
             (QList<QStringList> {{"clf", "/models/a", "/models/a", Null},
                                  {"copy", "models:/clf/1", "/models/a", Null}}));
}

void TestStoreBuilderRegistry::missingThings_data()
{
    QTest::addColumn<int>("code");
    const auto row = [](const char *name, Error::Code code) { QTest::addRow("%s", name) << int(code); };
    row("delete a deleted version", Error::NoSuchVersion);
    row("delete a missing version", Error::NoSuchVersion);
    row("transition a deleted version", Error::InvalidArgument);
    row("alias to a deleted version", Error::InvalidArgument);
    row("describe a deleted version", Error::NoSuchVersion);
    row("describe a missing model", Error::NoSuchModel);
    row("delete an alias of a missing model", Error::NoSuchModel);
    row("delete the alias latest", Error::InvalidArgument);
    row("version with an unknown status", Error::InvalidArgument);
    row("version of a missing logged model", Error::InvalidArgument);
    row("version of a stage reference", Error::InvalidArgument);
    row("version of a deleted version", Error::InvalidArgument);
    row("logged model without a name", Error::InvalidArgument);
    row("logged model of a missing run", Error::NoSuchRun);
    row("logged model in a deleted experiment", Error::InvalidArgument);
    row("output of a missing logged model", Error::InvalidArgument);
    row("output of a missing run", Error::NoSuchRun);
    row("tag of a missing logged model", Error::InvalidArgument);
}

void TestStoreBuilderRegistry::missingThings()
{
    QFETCH(int, code);
    const QString what = QString::fromLatin1(QTest::currentDataTag());
    auto builder = StoreBuilder::create(path(QStringLiteral("missing-%1.db").arg(what).replace(' ', '-')));
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    const QString m = QStringLiteral("m");
    const QString run = b.addRun({.name = QStringLiteral("r")});
    const QString logged = b.addLoggedModel({.sourceRunId = run, .name = QStringLiteral("model")});
    b.addRegisteredModel({.name = m});
    QCOMPARE(b.addModelVersion({.modelName = m, .source = QStringLiteral("/tmp/1")}), 1);
    QCOMPARE(b.addModelVersion({.modelName = m, .source = QStringLiteral("/tmp/2")}), 2);
    b.deleteModelVersion(m, 2, 10);
    QVERIFY2(!b.hasError(), qPrintable(b.error().message));

    if (what == "delete a deleted version")
        b.deleteModelVersion(m, 2, 20);
    else if (what == "delete a missing version")
        b.deleteModelVersion(m, 9, 20);
    else if (what == "transition a deleted version")
        b.transitionStage(m, 2, QStringLiteral("Staging"), 20);
    else if (what == "alias to a deleted version")
        b.setAlias(m, QStringLiteral("champion"), 2);
    else if (what == "describe a deleted version")
        b.setModelVersionDescription(m, 2, QStringLiteral("x"), 20);
    else if (what == "describe a missing model")
        b.setRegisteredModelDescription(QStringLiteral("nope"), QStringLiteral("x"), 20);
    else if (what == "delete an alias of a missing model")
        b.deleteAlias(QStringLiteral("nope"), QStringLiteral("champion"));
    else if (what == "delete the alias latest")
        b.deleteAlias(m, QStringLiteral("latest"));
    else if (what == "version with an unknown status")
        b.addModelVersion(
            {.modelName = m, .source = QStringLiteral("/tmp/3"), .status = QStringLiteral("DONE")});
    else if (what == "version of a missing logged model")
        b.addModelVersion(
            {.modelName = m, .source = QStringLiteral("models:/m-0123456789abcdef0123456789abcdef")});
    else if (what == "version of a stage reference")
        b.addModelVersion({.modelName = m, .source = QStringLiteral("models:/m/Production")});
    else if (what == "version of a deleted version")
        b.addModelVersion({.modelName = m, .source = QStringLiteral("models:/m/2")});
    else if (what == "logged model without a name")
        b.addLoggedModel({.sourceRunId = run});
    else if (what == "logged model of a missing run")
        b.addLoggedModel({.sourceRunId = QStringLiteral("0123456789abcdef0123456789abcdef"), .name = m});
    else if (what == "logged model in a deleted experiment") {
        const qint64 old = b.addExperiment({.name = QStringLiteral("old")});
        b.deleteExperiment(old, 20);
        b.addLoggedModel({.experimentId = old, .name = m});
    } else if (what == "output of a missing logged model")
        b.logModelOutput(run, QStringLiteral("m-0123456789abcdef0123456789abcdef"));
    else if (what == "output of a missing run")
        b.logModelOutput(QStringLiteral("0123456789abcdef0123456789abcdef"), logged);
    else if (what == "tag of a missing logged model")
        b.setLoggedModelTag(QStringLiteral("m-0123456789abcdef0123456789abcdef"), QStringLiteral("k"),
                            QStringLiteral("v"));
    else
        QFAIL("unknown action");
    QVERIFY(b.hasError());
    QCOMPARE(int(b.error().code), code);
}

QTEST_GUILESS_MAIN(TestStoreBuilderRegistry)
#include "tst_storebuilderregistry.moc"
