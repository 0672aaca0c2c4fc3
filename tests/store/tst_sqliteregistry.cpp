#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <future>
#include <thread>
#include <unistd.h>

using namespace Store;

// What only the SQLite backend does with the model registry: MLflow's own empty databases of
// 2.8, 3.0 and 3.9 filled by raw SQL as MLflow fills them, the workspace columns of the head
// schema, soft-deleted versions, why a store cannot be written, and a store another connection
// holds locked. Writes are checked row by row and with SQLite's own integrity checks.
class TestSqliteRegistry : public QObject
{
    Q_OBJECT

private:
    static QList<QStringList> rows(const QString &path, const QByteArray &sql);
    static bool exec(const QString &path, const QByteArray &sql);
    // integrity_check says ok and foreign_key_check finds nothing.
    static bool isSound(const QString &path);
    // A copy of `fixture` with model "fraud": v1 Archived, v2 Production (alias prod, tag), v3
    // soft-deleted as MLflow leaves it, v4 None; a model tag.
    static QString fraudStore(const QString &fixture, const QTemporaryDir &dir);
    static RegistryChange change(std::initializer_list<RegistryChange::StageChange> stages = {});

private slots:
    void fixturesReadAndWrite_data();
    void fixturesReadAndWrite();
    void firstRegistryRevisionHasNoTagsOrAliases();
    void softDeletedVersionsAreHiddenAndUntouchable();
    void loggedModelSourcesAreResolved();
    void workspaceStoreUsesTheDefaultWorkspace();
    void storeWithoutRegistry();
    void readOnlyOpenNeverWrites();
    void unknownRevisionIsNotWritten();
    void unwritableFileOrFolderIsReadOnly();
    void busyStoreGivesLockedAndWritesNothing();
    void readerHoldingTheStoreAtCommitGivesLocked();
    void lockReleasedWithinTheTimeoutIsRetried();
};

QList<QStringList> TestSqliteRegistry::rows(const QString &path, const QByteArray &sql)
{
    SqliteConnection db;
    if (!db.open(path, SqliteConnection::Mode::ReadOnly, 1000).ok())
        return {{QStringLiteral("cannot open")}};
    SqliteStatement query(db, sql);
    QList<QStringList> result;
    while (query.step()) {
        QStringList row;
        for (int c = 0; c < query.columnCount(); ++c)
            row.append(query.isNull(c) ? QStringLiteral("NULL") : query.string(c));
        result.append(row);
    }
    if (!query.error().ok())
        result.append({QStringLiteral("error: ") + query.error().message});
    return result;
}

bool TestSqliteRegistry::exec(const QString &path, const QByteArray &sql)
{
    SqliteConnection db;
    if (!db.open(path, SqliteConnection::Mode::ReadWrite, 1000).ok())
        return false;
    const Error e = db.exec(sql.constData());
    if (!e.ok())
        qWarning("%s", qPrintable(e.message));
    return e.ok();
}

bool TestSqliteRegistry::isSound(const QString &path)
{
    return rows(path, "PRAGMA integrity_check") == QList<QStringList> {{QStringLiteral("ok")}}
    && rows(path, "PRAGMA foreign_key_check").isEmpty();
}

QString TestSqliteRegistry::fraudStore(const QString &fixture, const QTemporaryDir &dir)
{
    const QString path = TestSupport::copyFixture(fixture, dir);
    const bool storage = !rows(path,
                               "SELECT 1 FROM pragma_table_info('model_versions') "
                               "WHERE name = 'storage_location'")
                              .isEmpty();
    QByteArray sql = R"SQL(
        BEGIN;
        INSERT INTO registered_models (name, creation_time, last_updated_time, description)
          VALUES ('fraud', 1000, 4000, 'detects fraud');
        INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id,
                                    current_stage, source, run_id, status, status_message, run_link)
          VALUES ('fraud', 1, 1000, 1500, NULL, 'ann', 'Archived', 'runs:/aaaa0000000000000000000000000001/model',
                  'aaaa0000000000000000000000000001', 'READY', NULL, ''),
                 ('fraud', 2, 2000, 2500, 'good', 'ann', 'Production', 'runs:/aaaa0000000000000000000000000001/m',
                  'aaaa0000000000000000000000000001', 'READY', NULL, 'http://host/run'),
                 ('fraud', 3, 3000, 3600, NULL, NULL, 'Deleted_Internal', 'REDACTED-SOURCE-PATH', 'REDACTED-RUN-ID',
                  'READY', NULL, 'REDACTED-RUN-LINK'),
                 ('fraud', 4, 4000, 4000, NULL, 'bob', 'None', 's3://bucket/fraud', NULL, 'READY', NULL, NULL);
        INSERT INTO registered_model_tags ("key", value, name) VALUES ('owner', 'risk', 'fraud');
        INSERT INTO model_version_tags ("key", value, name, version)
          VALUES ('validated', 'true', 'fraud', 2), ('kept', 'after delete', 'fraud', 3);
        INSERT INTO registered_model_aliases (alias, version, name) VALUES ('prod', 2, 'fraud');
    )SQL";
    if (storage)
        sql += "UPDATE model_versions SET storage_location = 's3://resolved/' || version;";
    sql += "COMMIT;";
    return exec(path, sql) ? path : QString();
}

RegistryChange TestSqliteRegistry::change(std::initializer_list<RegistryChange::StageChange> stages)
{
    RegistryChange c;
    c.model = QStringLiteral("fraud");
    c.stages = stages;
    return c;
}

void TestSqliteRegistry::fixturesReadAndWrite_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("hasStorageLocation");
    QTest::addRow("2.8") << "mlflow-2.8-2d6e25af4d3e-empty.db" << false;
    QTest::addRow("3.0") << "mlflow-3.0-6953534de441-empty.db" << true;
    QTest::addRow("3.9") << "mlflow-3.9-c9d4e5f6a7b8-empty.db" << true;
}

void TestSqliteRegistry::fixturesReadAndWrite()
{
    QFETCH(QString, fixture);
    QFETCH(bool, hasStorageLocation);
    QTemporaryDir dir;
    const QString path = fraudStore(fixture, dir);
    QVERIFY(!path.isEmpty());
    auto store = openStore(path, {.writable = true});
    QVERIFY(store.ok());
    QVERIFY2((*store)->registryWritability().ok(), qPrintable((*store)->registryWritability().message));

    const auto models = (*store)->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->size(), 1);
    const RegisteredModel &m = models->first();
    QCOMPARE(m.description, QStringLiteral("detects fraud"));
    QCOMPARE(m.lastUpdatedTime, 4000);
    QCOMPARE(m.latestVersions, (QMap<QString, int> {{"Archived", 1}, {"None", 4}, {"Production", 2}}));
    QCOMPARE(m.aliases, (QMap<QString, int> {{"prod", 2}}));
    QCOMPARE(m.tags, (KeyValueList {{"owner", "risk"}}));

    const auto versions = (*store)->modelVersions(QStringLiteral("fraud"));
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 3); // v3 is soft-deleted
    const ModelVersion &v2 = versions->at(1);
    QCOMPARE(v2.version, 2);
    QCOMPARE(v2.description, QStringLiteral("good"));
    QCOMPARE(v2.runLink, QStringLiteral("http://host/run"));
    QCOMPARE(v2.storageLocation, hasStorageLocation ? QStringLiteral("s3://resolved/2") : QString());
    QCOMPARE(v2.aliases, QStringList {"prod"});
    QCOMPARE(v2.tags, (KeyValueList {{"validated", "true"}}));
    QVERIFY(versions->at(2).runId.isEmpty()); // NULL run_id (MLflow >= 1.13)
    QCOMPARE(versions->at(2).userId, QStringLiteral("bob"));

    RegistryChange c = change({{4, "None", "Production"}, {2, "Production", "Archived"}});
    for (const ModelVersion &v : *versions)
        c.seen.append({v.version, v.stage, v.lastUpdatedTime});
    c.aliases = {{"prod", 2, 4}, {"previous", 0, 2}};
    c.tags = {{0, "owner", "risk", "fraud-team"},
              {4, "validated", std::nullopt, "true"},
              {2, "validated", "true", std::nullopt}};
    c.descriptions = {{4, "", "promoted"}};
    const auto written = (*store)->applyRegistryChange(c);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    const QString now = QString::number(written->time);

    QCOMPARE(rows(path,
                  "SELECT version, current_stage, last_updated_time, description FROM model_versions "
                  "ORDER BY version"),
             (QList<QStringList> {{"1", "Archived", "1500", "NULL"},
                                  {"2", "Archived", now, "good"},
                                  {"3", "Deleted_Internal", "3600", "NULL"},
                                  {"4", "Production", now, "promoted"}}));
    QCOMPARE(rows(path, "SELECT last_updated_time, description FROM registered_models"),
             (QList<QStringList> {{now, "detects fraud"}}));
    QCOMPARE(rows(path, "SELECT alias, version, name FROM registered_model_aliases ORDER BY alias"),
             (QList<QStringList> {{"previous", "2", "fraud"}, {"prod", "4", "fraud"}}));
    QCOMPARE(rows(path, "SELECT \"key\", value, name FROM registered_model_tags"),
             (QList<QStringList> {{"owner", "fraud-team", "fraud"}}));
    QCOMPARE(
        rows(path, "SELECT \"key\", value, name, version FROM model_version_tags ORDER BY version"),
        (QList<QStringList> {{"kept", "after delete", "fraud", "3"}, {"validated", "true", "fraud", "4"}}));
    QVERIFY(isSound(path));
    // The rollback journal is gone after the commit.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});
}

void TestSqliteRegistry::firstRegistryRevisionHasNoTagsOrAliases()
{
    // MLflow 1.4 (revision 2b4d017a5e9b): registered_models and model_versions only, no run_link.
    // The 1.2 fixture with the tables of that migration (mlflow/store/db_migrations/versions/
    // 2b4d017a5e9b_add_model_registry_tables_to_db.py) as SQLAlchemy creates them on SQLite.
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    QVERIFY(exec(path, R"SQL(
        BEGIN;
        CREATE TABLE registered_models (
            name VARCHAR(256) NOT NULL, creation_time BIGINT, last_updated_time BIGINT,
            description VARCHAR(5000), CONSTRAINT registered_model_pk PRIMARY KEY (name), UNIQUE (name));
        CREATE TABLE model_versions (
            name VARCHAR(256), version INTEGER NOT NULL, creation_time BIGINT, last_updated_time BIGINT,
            description VARCHAR(5000), user_id VARCHAR(256), current_stage VARCHAR(20), source VARCHAR(500),
            run_id VARCHAR(32) NOT NULL, status VARCHAR(20), status_message VARCHAR(500),
            CONSTRAINT model_version_pk PRIMARY KEY (name, version),
            FOREIGN KEY(name) REFERENCES registered_models (name) ON UPDATE cascade);
        UPDATE alembic_version SET version_num = '2b4d017a5e9b';
        INSERT INTO registered_models VALUES ('fraud', 1000, 2000, NULL);
        INSERT INTO model_versions VALUES
            ('fraud', 1, 1000, 1000, NULL, 'czumar', 'None', 'runs:/bd263e2b04b04460a40c1acae72a18ae/m',
             'bd263e2b04b04460a40c1acae72a18ae', 'READY', NULL),
            ('fraud', 2, 2000, 2000, NULL, 'czumar', 'Staging', './mlruns/0/x/artifacts/m',
             'bd263e2b04b04460a40c1acae72a18ae', 'READY', NULL);
        COMMIT;
    )SQL"));
    auto store = openStore(path, {.writable = true});
    QVERIFY(store.ok());
    QVERIFY((*store)->registryWritability().ok());
    const auto models = (*store)->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->first().latestVersions, (QMap<QString, int> {{"None", 1}, {"Staging", 2}}));
    QVERIFY(models->first().tags.isEmpty());
    QVERIFY(models->first().aliases.isEmpty());
    const auto ofRun = (*store)->modelVersionsOfRun(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae"));
    QVERIFY(ofRun.ok());
    QCOMPARE(ofRun->size(), 2);
    QVERIFY(ofRun->first().runLink.isEmpty());

    const QByteArray before = TestSupport::fileHash(path);
    RegistryChange alias = change({{1, "None", "Production"}});
    alias.aliases = {{"champion", 0, 1}};
    RegistryChange tag = change({{1, "None", "Production"}});
    tag.tags = {{1, "k", std::nullopt, "v"}};
    for (const RegistryChange &c : {alias, tag})
        QCOMPARE((*store)->applyRegistryChange(c).error().code, Error::Refused);
    QCOMPARE(TestSupport::fileHash(path), before);

    RegistryChange c = change({{1, "None", "Production"}});
    c.descriptions = {{0, "", "first model"}};
    const auto written = (*store)->applyRegistryChange(c);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    const QString now = QString::number(written->time);
    QCOMPARE(
        rows(path, "SELECT version, current_stage, last_updated_time FROM model_versions ORDER BY version"),
        (QList<QStringList> {{"1", "Production", now}, {"2", "Staging", "2000"}}));
    QCOMPARE(rows(path, "SELECT description, last_updated_time FROM registered_models"),
             (QList<QStringList> {{"first model", now}}));
    QVERIFY(isSound(path));
}

void TestSqliteRegistry::softDeletedVersionsAreHiddenAndUntouchable()
{
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    // A soft-deleted version that is the highest of its former stage and kept its run id.
    QVERIFY(
        exec(path,
             "INSERT INTO model_versions (name, version, creation_time, last_updated_time, current_stage, "
             "source, run_id, status) VALUES ('fraud', 5, 5000, 5000, 'Deleted_Internal', 'x', "
             "'aaaa0000000000000000000000000001', 'READY')"));
    auto store = openStore(path, {.writable = true});
    QVERIFY(store.ok());
    const auto models = (*store)->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->first().latestVersions,
             (QMap<QString, int> {{"Archived", 1}, {"None", 4}, {"Production", 2}}));
    const auto ofRun = (*store)->modelVersionsOfRun(QStringLiteral("aaaa0000000000000000000000000001"));
    QVERIFY(ofRun.ok());
    QCOMPARE(ofRun->size(), 2); // v1, v2; not v5

    const QByteArray before = TestSupport::fileHash(path);
    RegistryChange stage = change({{3, "Deleted_Internal", "None"}});
    RegistryChange alias = change();
    alias.aliases = {{"prod", 2, 3}};
    RegistryChange tag = change();
    tag.tags = {{3, "kept", "after delete", "changed"}};
    for (const RegistryChange &c : {stage, alias, tag}) {
        const auto written = (*store)->applyRegistryChange(c);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, Error::NoSuchVersion);
    }
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteRegistry::loggedModelSourcesAreResolved()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-3.0-6953534de441-empty.db"), dir);
    QVERIFY(exec(path, R"SQL(
        INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms,
                                   last_updated_timestamp_ms, status, lifecycle_stage, model_type, source_run_id,
                                   status_message)
          VALUES ('m-0123456789abcdef0123456789abcdef', 0, 'sk-model', '/data/0/models/m-0123/artifacts', 1, 1, 2,
                  'active', NULL, 'bbbb0000000000000000000000000002', NULL);
        INSERT INTO registered_models (name, creation_time, last_updated_time) VALUES ('llm', 1, 1);
        INSERT INTO model_versions (name, version, creation_time, last_updated_time, current_stage, source, run_id,
                                    status, storage_location)
          VALUES ('llm', 1, 1, 1, 'None', 'models:/m-0123456789abcdef0123456789abcdef',
                  'bbbb0000000000000000000000000002', 'READY', '/data/0/models/m-0123/artifacts'),
                 ('llm', 2, 2, 2, 'None', 'models:/m-ffffffffffffffffffffffffffffffff', NULL, 'READY', NULL),
                 ('llm', 3, 3, 3, 'None', 'runs:/bbbb0000000000000000000000000002/model', NULL, 'READY', NULL);
    )SQL"));
    auto store = openStore(path);
    QVERIFY(store.ok());
    const auto versions = (*store)->modelVersions(QStringLiteral("llm"));
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 3);
    QCOMPARE(versions->at(0).loggedModelId, QStringLiteral("m-0123456789abcdef0123456789abcdef"));
    QCOMPARE(versions->at(0).loggedModelName, QStringLiteral("sk-model"));
    QCOMPARE(versions->at(0).loggedModelRunId, QStringLiteral("bbbb0000000000000000000000000002"));
    QCOMPARE(versions->at(0).storageLocation, QStringLiteral("/data/0/models/m-0123/artifacts"));
    // A logged model the store does not hold: its id from the source, nothing else.
    QCOMPARE(versions->at(1).loggedModelId, QStringLiteral("m-ffffffffffffffffffffffffffffffff"));
    QVERIFY(versions->at(1).loggedModelName.isEmpty());
    QVERIFY(versions->at(2).loggedModelId.isEmpty());
}

void TestSqliteRegistry::workspaceStoreUsesTheDefaultWorkspace()
{
    // The head schema (MLflow 3.12): every registry table has a workspace column. With
    // workspaces off, MLflow reads and writes only 'default'; Kaizen does the same.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("head.db"));
    {
        SqliteConnection db;
        QVERIFY(db.open(path, SqliteConnection::Mode::Create, 1000).ok());
    }
    // One CREATE TABLE per block, without semicolons (see the fixtures' README).
    QFile schema(TestSupport::fixturePath(QStringLiteral("schema-head-7d34483879f0-sqlite.sql")));
    QVERIFY(schema.open(QIODevice::ReadOnly));
    QByteArray ddl;
    for (const QByteArray &line : schema.readAll().split('\n')) {
        if (line.trimmed().isEmpty() && !ddl.trimmed().isEmpty() && !ddl.trimmed().endsWith(';'))
            ddl = ddl.trimmed() + ";\n";
        else
            ddl += line + '\n';
    }
    if (!ddl.trimmed().endsWith(';'))
        ddl = ddl.trimmed() + ';';
    QVERIFY(exec(path, ddl));
    QVERIFY(exec(path, R"SQL(
        BEGIN;
        INSERT INTO alembic_version VALUES ('7d34483879f0');
        INSERT INTO workspaces (name, description) VALUES ('default', 'Default workspace for legacy resources'),
                                                          ('team', NULL);
        INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time,
                                 last_update_time, workspace) VALUES (0, 'Default', '/mlruns/0', 'active', 1, 1, 'default');
        INSERT INTO registered_models (name, creation_time, last_updated_time, description, workspace)
          VALUES ('shared', 1, 1, 'ours', 'default'), ('shared', 2, 2, 'theirs', 'team'), ('only-team', 3, 3, NULL, 'team');
        INSERT INTO model_versions (name, version, creation_time, last_updated_time, current_stage, source, status, workspace)
          VALUES ('shared', 1, 1, 1, 'None', 'a', 'READY', 'default'),
                 ('shared', 1, 2, 2, 'Production', 'b', 'READY', 'team'),
                 ('shared', 2, 2, 2, 'Staging', 'c', 'READY', 'team');
        INSERT INTO registered_model_tags ("key", value, name, workspace)
          VALUES ('k', 'ours', 'shared', 'default'), ('k', 'theirs', 'shared', 'team');
        INSERT INTO model_version_tags ("key", value, name, version, workspace) VALUES ('k', 'theirs', 'shared', 1, 'team');
        INSERT INTO registered_model_aliases (alias, version, name, workspace) VALUES ('champion', 2, 'shared', 'team');
        COMMIT;
    )SQL"));

    auto store = openStore(path, {.writable = true});
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QVERIFY2((*store)->registryWritability().ok(), qPrintable((*store)->registryWritability().message));
    const auto models = (*store)->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->size(), 1);
    QCOMPARE(models->first().description, QStringLiteral("ours"));
    QCOMPARE(models->first().latestVersions, (QMap<QString, int> {{"None", 1}}));
    QVERIFY(models->first().aliases.isEmpty());
    QCOMPARE(models->first().tags, (KeyValueList {{"k", "ours"}}));
    const auto versions = (*store)->modelVersions(QStringLiteral("shared"));
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 1);
    QVERIFY(versions->first().tags.isEmpty());
    QCOMPARE((*store)->modelVersions(QStringLiteral("only-team")).error().code, Error::NoSuchModel);

    RegistryChange c;
    c.model = QStringLiteral("shared");
    c.stages = {{1, "None", "Staging"}};
    c.aliases = {{"champion", 0, 1}};
    c.tags = {{0, "k", "ours", "changed"}, {1, "k", std::nullopt, "new"}};
    c.descriptions = {{0, "ours", "still ours"}};
    const auto written = (*store)->applyRegistryChange(c);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    const QString now = QString::number(written->time);
    QCOMPARE(rows(path,
                  "SELECT workspace, version, current_stage, last_updated_time FROM model_versions "
                  "ORDER BY workspace, version"),
             (QList<QStringList> {{"default", "1", "Staging", now},
                                  {"team", "1", "Production", "2"},
                                  {"team", "2", "Staging", "2"}}));
    QCOMPARE(
        rows(path,
             "SELECT workspace, description, last_updated_time FROM registered_models WHERE name = 'shared' "
             "ORDER BY workspace"),
        (QList<QStringList> {{"default", "still ours", now}, {"team", "theirs", "2"}}));
    QCOMPARE(rows(path, "SELECT workspace, alias, version FROM registered_model_aliases ORDER BY workspace"),
             (QList<QStringList> {{"default", "champion", "1"}, {"team", "champion", "2"}}));
    QCOMPARE(rows(path, "SELECT workspace, value FROM registered_model_tags ORDER BY workspace"),
             (QList<QStringList> {{"default", "changed"}, {"team", "theirs"}}));
    QCOMPARE(rows(path, "SELECT workspace, value FROM model_version_tags ORDER BY workspace"),
             (QList<QStringList> {{"default", "new"}, {"team", "theirs"}}));
    QVERIFY(isSound(path));
}

void TestSqliteRegistry::storeWithoutRegistry()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    const QByteArray before = TestSupport::fileHash(path);
    auto store = openStore(path, {.writable = true});
    QVERIFY(store.ok());
    const auto models = (*store)->registeredModels();
    QCOMPARE(models.error().code, Error::NoRegistry);
    QCOMPARE(models.error().message, QStringLiteral("No model registry in this store."));
    QCOMPARE((*store)->modelVersions(QStringLiteral("m")).error().code, Error::NoRegistry);
    QCOMPARE((*store)->modelVersionsOfRun(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae")).error().code,
             Error::NoRegistry);
    QCOMPARE((*store)->registryWritability().code, Error::NoRegistry);
    RegistryChange c = change({{1, "None", "Staging"}});
    QCOMPARE((*store)->applyRegistryChange(c).error().code, Error::NoRegistry);
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteRegistry::readOnlyOpenNeverWrites()
{
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    const QByteArray before = TestSupport::fileHash(path);
    {
        auto store = openStore(path);
        QVERIFY(store.ok());
        const Error why = (*store)->registryWritability();
        QCOMPARE(why.code, Error::ReadOnly);
        QVERIFY2(why.message.contains(QLatin1String("opened read-only")), qPrintable(why.message));
        QVERIFY((*store)->registeredModels().ok());
        QVERIFY((*store)->modelVersions(QStringLiteral("fraud")).ok());
        QCOMPARE((*store)->applyRegistryChange(change({{4, "None", "Staging"}})).error().code,
                 Error::ReadOnly);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});
    }
    {
        // Writable, but only read: not a byte changes either.
        auto store = openStore(path, {.writable = true});
        QVERIFY(store.ok());
        QVERIFY((*store)->registryWritability().ok());
        QVERIFY((*store)->registeredModels().ok());
        QVERIFY((*store)->runs({}).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});
    }
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteRegistry::unknownRevisionIsNotWritten()
{
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    QVERIFY(exec(path, "UPDATE alembic_version SET version_num = 'f00dfeedbeef'"));
    const QByteArray before = TestSupport::fileHash(path);
    auto store = openStore(path, {.writable = true});
    QVERIFY(store.ok());
    const Error why = (*store)->registryWritability();
    QCOMPARE(why.code, Error::ReadOnly);
    QVERIFY2(why.message.contains(QLatin1String("f00dfeedbeef")), qPrintable(why.message));
    QVERIFY2(why.message.contains(QLatin1String("newer MLflow")), qPrintable(why.message));
    QCOMPARE((*store)->registeredModels()->size(), 1); // still read
    QCOMPARE((*store)->applyRegistryChange(change({{4, "None", "Staging"}})).error().code, Error::ReadOnly);
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteRegistry::unwritableFileOrFolderIsReadOnly()
{
    if (::geteuid() == 0)
        QSKIP("Permission bits do not stop root's writes.");
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
    {
        auto store = openStore(path, {.writable = true});
        QVERIFY(store.ok());
        const Error why = (*store)->registryWritability();
        QCOMPARE(why.code, Error::ReadOnly);
        QVERIFY2(why.message.contains(QLatin1String("cannot be written")), qPrintable(why.message));
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    const QFile::Permissions folder = QFile::permissions(dir.path());
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    auto store = openStore(path, {.writable = true});
    QFile::setPermissions(dir.path(), folder);
    QVERIFY(store.ok());
    const Error why = (*store)->registryWritability();
    QCOMPARE(why.code, Error::ReadOnly);
    QVERIFY2(why.message.contains(QLatin1String("folder")), qPrintable(why.message));
}

void TestSqliteRegistry::busyStoreGivesLockedAndWritesNothing()
{
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    auto store = openStore(path, {.busyTimeoutMs = 200, .writable = true});
    QVERIFY(store.ok());
    const QList<QStringList> before
        = rows(path, "SELECT version, current_stage, last_updated_time FROM model_versions");

    SqliteConnection writer; // another program in the middle of its own write
    QVERIFY(writer.open(path, SqliteConnection::Mode::ReadWrite, 0).ok());
    QVERIFY(writer.exec("BEGIN IMMEDIATE").ok());
    QElapsedTimer waited;
    waited.start();
    const auto written = (*store)->applyRegistryChange(change({{4, "None", "Staging"}}));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Locked);
    QVERIFY2(written.error().message.contains(QLatin1String("locked")), qPrintable(written.error().message));
    QVERIFY(waited.elapsed() >= 200);
    QVERIFY(writer.exec("ROLLBACK").ok());

    QCOMPARE(rows(path, "SELECT version, current_stage, last_updated_time FROM model_versions"), before);
    QVERIFY((*store)->registryWritability().ok()); // a busy store is still a writable one
    QVERIFY((*store)->applyRegistryChange(change({{4, "None", "Staging"}})).ok());
}

void TestSqliteRegistry::readerHoldingTheStoreAtCommitGivesLocked()
{
    // A reader's snapshot keeps the commit from taking its exclusive lock: the change is rolled
    // back after the busy timeout.
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    auto store = openStore(path, {.busyTimeoutMs = 200, .writable = true});
    QVERIFY(store.ok());
    const QList<QStringList> before
        = rows(path, "SELECT version, current_stage, last_updated_time FROM model_versions");

    SqliteConnection reader;
    QVERIFY(reader.open(path, SqliteConnection::Mode::ReadOnly, 0).ok());
    QVERIFY(reader.exec("BEGIN").ok());
    SqliteStatement read(reader, "SELECT count(*) FROM model_versions");
    QVERIFY(read.step());
    const auto written = (*store)->applyRegistryChange(change({{4, "None", "Staging"}}));
    QCOMPARE(written.error().code, Error::Locked);
    read.reset();
    QVERIFY(reader.exec("COMMIT").ok());
    QCOMPARE(rows(path, "SELECT version, current_stage, last_updated_time FROM model_versions"), before);
    QVERIFY(isSound(path));
}

void TestSqliteRegistry::lockReleasedWithinTheTimeoutIsRetried()
{
    QTemporaryDir dir;
    const QString path = fraudStore(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    auto store = openStore(path, {.busyTimeoutMs = 5000, .writable = true});
    QVERIFY(store.ok());

    // Another writer holds the lock for 300 ms, on its own thread and connection.
    std::promise<bool> locked;
    std::thread other([&] {
        SqliteConnection writer;
        const bool ok = writer.open(path, SqliteConnection::Mode::ReadWrite, 0).ok()
            && writer.exec("BEGIN IMMEDIATE").ok();
        locked.set_value(ok);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        writer.exec("COMMIT");
    });
    const bool otherHoldsTheLock = locked.get_future().get();
    const auto written = (*store)->applyRegistryChange(change({{4, "None", "Staging"}}));
    other.join();
    QVERIFY(otherHoldsTheLock);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    QVERIFY(written->retries > 0);
    QCOMPARE(rows(path, "SELECT current_stage FROM model_versions WHERE version = 4"),
             QList<QStringList> {{"Staging"}});
}

QTEST_GUILESS_MAIN(TestSqliteRegistry)
#include "tst_sqliteregistry.moc"
