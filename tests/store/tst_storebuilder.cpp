#include "sqlitehandle.h"
#include "storebuilder.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Store;

namespace {

const QString Null = QStringLiteral("<NULL>");

QList<QStringList> rows(const QString &dbPath, const QByteArray &sql)
{
    return TestSupport::queryRows(dbPath, sql);
}

} // namespace

class TestStoreBuilder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void sameTablesAsMlflow();
    void sameColumnsAsMlflow_data();
    void sameColumnsAsMlflow();
    void sameIndexesAsMlflow_data();
    void sameIndexesAsMlflow();
    void sameForeignKeysAsMlflow_data();
    void sameForeignKeysAsMlflow();
    void sameTriggersAsMlflow();
    void sameFileSettingsAsMlflow_data();
    void sameFileSettingsAsMlflow();
    void alembicVersionAndDefaultExperiment();

    void refusesExistingFile();
    void unfinishedBuildLeavesNoFile();
    void firstErrorIsKeptAndFileRemoved();

    void latestMetricRule_data();
    void latestMetricRule();
    void duplicateMetricRowsAreDropped();

    void experimentsAsMlflowWritesThem();
    void runsAsMlflowWritesThem();
    void runNameFollowsTag();
    void paramsAreWriteOnce();
    void foreignKeysAreEnforced();
    void deletingAnExperimentDeletesItsRuns();
    void deletedThingsRefuseWrites();
    void datasetsAndInputs();
    void idsDependOnlyOnTheSeed();

private:
    QString buildEmpty(const QString &name, bool deferIndexes = false);
    QString store(const QString &variant) const
    {
        return variant == QLatin1String("deferred") ? m_deferred : m_empty;
    }
    QString fixture() const
    {
        return TestSupport::fixturePath(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"));
    }
    QStringList fixtureTables() const;

    QTemporaryDir m_dir;
    QString m_empty; // a store built with no rows of our own
    QString m_deferred; // built with Options::deferIndexes
};

QString TestStoreBuilder::buildEmpty(const QString &name, bool deferIndexes)
{
    const QString path = m_dir.filePath(name);
    StoreBuilder::Options options;
    options.now = 1767677939192;
    options.deferIndexes = deferIndexes;
    auto builder = StoreBuilder::create(path, options);
    if (!builder)
        return {};
    if (deferIndexes) {
        // Rows in every table whose index is built late, so CREATE INDEX has work to do.
        StoreBuilder &b = **builder;
        const QString run = b.addRun({.name = QStringLiteral("r")});
        b.logParam(run, QStringLiteral("p"), QStringLiteral("1"));
        b.logMetric(run, QStringLiteral("m"), 1.0, 10, 0);
    }
    if (!(*builder)->finish().ok())
        return {};
    return path;
}

QStringList TestStoreBuilder::fixtureTables() const
{
    QStringList tables;
    for (const QStringList &row :
         rows(fixture(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        tables.append(row.first());
    return tables;
}

void TestStoreBuilder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(fixture()));
    m_empty = buildEmpty(QStringLiteral("empty.db"));
    QVERIFY(!m_empty.isEmpty());
    m_deferred = buildEmpty(QStringLiteral("deferred.db"), true);
    QVERIFY(!m_deferred.isEmpty());
}

void TestStoreBuilder::sameTablesAsMlflow()
{
    const QByteArray sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";
    const QList<QStringList> expected = rows(fixture(), sql);
    QCOMPARE(fixtureTables().size(), 41);
    QCOMPARE(rows(m_empty, sql), expected);
    QCOMPARE(rows(m_deferred, sql), expected);
    // Without deferred indexes even the order of sqlite_master is MLflow's.
    const QByteArray inOrder = "SELECT type, name FROM sqlite_master ORDER BY rowid";
    QCOMPARE(rows(m_empty, inOrder), rows(fixture(), inOrder));
}

void TestStoreBuilder::sameColumnsAsMlflow_data()
{
    QTest::addColumn<QString>("table");
    for (const QString &table : fixtureTables())
        QTest::addRow("%s", qPrintable(table)) << table;
}

void TestStoreBuilder::sameColumnsAsMlflow()
{
    QFETCH(QString, table);
    // table_xinfo also lists generated columns (spans.duration_ns) and says which are hidden.
    const QByteArray sql
        = "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo('"
        + table.toUtf8() + "')";
    const QList<QStringList> expected = rows(fixture(), sql);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(rows(m_empty, sql), expected);
}

void TestStoreBuilder::sameIndexesAsMlflow_data()
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("table");
    for (const char *variant : {"exact", "deferred"}) {
        for (const QString &table : fixtureTables())
            QTest::addRow("%s/%s", variant, qPrintable(table)) << QString::fromLatin1(variant) << table;
    }
}

void TestStoreBuilder::sameIndexesAsMlflow()
{
    QFETCH(QString, variant);
    QFETCH(QString, table);
    const QString built = store(variant);
    const QByteArray list = "SELECT name, \"unique\", origin, partial FROM pragma_index_list('"
        + table.toUtf8() + "') ORDER BY name";
    const QList<QStringList> indexes = rows(fixture(), list);
    QCOMPARE(rows(built, list), indexes);
    for (const QStringList &index : indexes) {
        const QByteArray info
            = "SELECT seqno, cid, name FROM pragma_index_info('" + index.first().toUtf8() + "')";
        const QList<QStringList> expected = rows(fixture(), info);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(rows(built, info), expected);
    }
}

void TestStoreBuilder::sameForeignKeysAsMlflow_data()
{
    sameColumnsAsMlflow_data();
}

void TestStoreBuilder::sameForeignKeysAsMlflow()
{
    QFETCH(QString, table);
    const QByteArray sql = "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" "
                           "FROM pragma_foreign_key_list('"
        + table.toUtf8() + "') ORDER BY id, seq";
    QCOMPARE(rows(m_empty, sql), rows(fixture(), sql));
}

void TestStoreBuilder::sameTriggersAsMlflow()
{
    const QByteArray sql
        = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name";
    const QList<QStringList> expected = rows(fixture(), sql);
    QCOMPARE(expected.size(), 1); // prevent_secrets_aad_mutation
    QCOMPARE(rows(m_empty, sql), expected);
}

void TestStoreBuilder::sameFileSettingsAsMlflow_data()
{
    QTest::addColumn<QByteArray>("pragma");
    for (const char *pragma :
         {"page_size", "encoding", "auto_vacuum", "user_version", "application_id", "journal_mode"})
        QTest::addRow("%s", pragma) << QByteArray(pragma);
}

void TestStoreBuilder::sameFileSettingsAsMlflow()
{
    QFETCH(QByteArray, pragma);
    const QByteArray sql = "PRAGMA " + pragma;
    QCOMPARE(rows(m_empty, sql), rows(fixture(), sql));
}

void TestStoreBuilder::alembicVersionAndDefaultExperiment()
{
    QCOMPARE(rows(m_empty, "SELECT version_num FROM alembic_version"),
             rows(fixture(), "SELECT version_num FROM alembic_version"));
    QCOMPARE(rows(m_empty, "SELECT version_num FROM alembic_version"),
             QList<QStringList> {{QString::fromLatin1(StoreBuilder::Revision)}});

    // Equivalent, not equal: MLflow's server wrote its own artifact root and clock.
    const QByteArray sql = "SELECT experiment_id, name, lifecycle_stage, creation_time = last_update_time, "
                           "typeof(creation_time), typeof(artifact_location) FROM experiments";
    QCOMPARE(rows(m_empty, sql), rows(fixture(), sql));
    const QString root = QFileInfo(m_empty).absolutePath() + QStringLiteral("/mlruns");
    QCOMPARE(rows(m_empty, "SELECT artifact_location, creation_time FROM experiments"),
             (QList<QStringList> {{root + QStringLiteral("/0"), QStringLiteral("1767677939192")}}));
    for (const char *table : {"experiment_tags", "runs", "registered_models", "workspaces"}) {
        const QByteArray count = QByteArray("SELECT count(*) FROM ") + table;
        if (rows(fixture(), "SELECT 1 FROM sqlite_master WHERE name = '" + QByteArray(table) + "'").isEmpty())
            continue;
        QCOMPARE(rows(m_empty, count), rows(fixture(), count));
    }
}

void TestStoreBuilder::refusesExistingFile()
{
    auto builder = StoreBuilder::create(m_empty);
    QVERIFY(!builder);
    QCOMPARE(builder.error().code, Error::InvalidArgument);
    QVERIFY(builder.error().message.contains(QFileInfo(m_empty).absoluteFilePath()));

    auto noFolder = StoreBuilder::create(m_dir.filePath(QStringLiteral("missing/x.db")));
    QVERIFY(!noFolder);
    QCOMPARE(noFolder.error().code, Error::NotFound);
}

void TestStoreBuilder::unfinishedBuildLeavesNoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("unfinished.db"));
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        QVERIFY((*builder)->addExperiment({.name = QStringLiteral("x")}) > 0);
        QVERIFY(QFileInfo::exists(path));
    }
    QVERIFY(!QFileInfo::exists(path));
}

void TestStoreBuilder::firstErrorIsKeptAndFileRemoved()
{
    const QString path = m_dir.filePath(QStringLiteral("failing.db"));
    auto builder = StoreBuilder::create(path);
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    QVERIFY(b.addRun({.experimentId = 7}).isEmpty());
    QCOMPARE(b.error().code, Error::NoSuchExperiment);
    // Later calls do nothing and keep the first error.
    QCOMPARE(b.addExperiment({.name = QStringLiteral("later")}), qint64(-1));
    QCOMPARE(b.finish().code, Error::NoSuchExperiment);
    builder->reset();
    QVERIFY(!QFileInfo::exists(path));
}

void TestStoreBuilder::latestMetricRule_data()
{
    // Each point: value, timestamp, step, logged in this order.
    QTest::addColumn<QList<QList<double>>>("points");
    QTest::addColumn<QStringList>("expected"); // value, timestamp, step, is_nan as stored
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    using P = QList<QList<double>>;
    using S = QStringList;
    QTest::addRow("later step wins") << P {{1, 100, 1}, {2, 50, 2}} << S {"2.0", "50", "2", "0"};
    QTest::addRow("earlier step logged later loses")
        << P {{2, 50, 2}, {1, 100, 1}} << S {"2.0", "50", "2", "0"};
    QTest::addRow("equal step, later timestamp wins")
        << P {{5, 200, 3}, {4, 300, 3}} << S {"4.0", "300", "3", "0"};
    QTest::addRow("equal step, earlier timestamp loses")
        << P {{4, 300, 3}, {5, 200, 3}} << S {"4.0", "300", "3", "0"};
    QTest::addRow("all equal, larger value wins")
        << P {{-50.67, 100, 1}, {-1.2, 100, 1}, {4.7, 100, 1}, {3.0, 100, 1}} << S {"4.7", "100", "1", "0"};
    QTest::addRow("negative step") << P {{1, 100, -1}, {2, 50, 0}} << S {"2.0", "50", "0", "0"};
    QTest::addRow("NaN stored as 0, is_nan 1") << P {{nan, 10, 0}} << S {"0.0", "10", "0", "1"};
    QTest::addRow("NaN at a later step wins") << P {{5, 100, 1}, {nan, 100, 2}} << S {"0.0", "100", "2", "1"};
    QTest::addRow("NaN compares as 0: beats a negative")
        << P {{-1, 100, 1}, {nan, 100, 1}} << S {"0.0", "100", "1", "1"};
    QTest::addRow("NaN compares as 0: loses to a positive")
        << P {{0.5, 100, 1}, {nan, 100, 1}} << S {"0.5", "100", "1", "0"};
    QTest::addRow("tie keeps the existing row")
        << P {{0, 100, 1}, {nan, 100, 1}} << S {"0.0", "100", "1", "0"};
    QTest::addRow("+inf sanitised") << P {{inf, 10, 0}} << S {"1.79769313486232e+308", "10", "0", "0"};
    QTest::addRow("-inf sanitised") << P {{-inf, 10, 0}} << S {"-1.79769313486232e+308", "10", "0", "0"};
    QTest::addRow("+inf spike then later step")
        << P {{inf, 10, 5}, {0.1, 20, 6}} << S {"0.1", "20", "6", "0"};
}

void TestStoreBuilder::latestMetricRule()
{
    QFETCH(QList<QList<double>>, points);
    QFETCH(QStringList, expected);
    const QString path = m_dir.filePath(QStringLiteral("latest-%1.db").arg(QTest::currentDataTag()));
    QString runId;
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        runId = (*builder)->addRun({.experimentId = 0, .name = QStringLiteral("r")});
        for (const QList<double> &p : points)
            (*builder)->logMetric(runId, QStringLiteral("loss"), p[0], qint64(p[1]), qint64(p[2]));
        QCOMPARE((*builder)->finish().code, Error::None);
    }
    QCOMPARE(rows(path, "SELECT value, timestamp, step, is_nan, run_uuid, \"key\" FROM latest_metrics"),
             (QList<QStringList> {expected + QStringList {runId, QStringLiteral("loss")}}));
    // The history keeps every point, sanitised the same way.
    QCOMPARE(rows(path, "SELECT count(*) FROM metrics").first().first().toInt(), points.size());
    QCOMPARE(
        rows(path, "SELECT count(*) FROM metrics WHERE is_nan = 1 AND value = 0").first().first().toInt(),
        std::count_if(points.cbegin(), points.cend(),
                      [](const QList<double> &p) { return std::isnan(p[0]); }));
    // SQLite can hold inf, MLflow never writes it.
    QCOMPARE(rows(path, "SELECT count(*) FROM metrics WHERE abs(value) > 1.7976931348623157e308"),
             QList<QStringList> {{QStringLiteral("0")}});
}

void TestStoreBuilder::duplicateMetricRowsAreDropped()
{
    const QString path = m_dir.filePath(QStringLiteral("duplicates.db"));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        const QString run = b.addRun({.name = QStringLiteral("r")});
        b.logMetric(run, QStringLiteral("acc"), 0.5, 100, 1);
        b.logMetric(run, QStringLiteral("acc"), 0.5, 100, 1); // exact duplicate: dropped
        b.logMetric(run, QStringLiteral("acc"), 0.6, 100, 1); // another value at the same point: kept
        b.logMetric(run, QStringLiteral("acc"), nan, 200, 2);
        b.logMetric(run, QStringLiteral("acc"), nan, 200, 2); // duplicate NaN: dropped
        b.logMetric(run, QStringLiteral("acc"), 0.0, 200, 2); // 0 but not NaN: kept
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(
        rows(path,
             "SELECT value, timestamp, step, is_nan FROM metrics ORDER BY timestamp, step, value, is_nan"),
        (QList<QStringList> {{"0.5", "100", "1", "0"},
                             {"0.6", "100", "1", "0"},
                             {"0.0", "200", "2", "0"},
                             {"0.0", "200", "2", "1"}}));
    // (2, 200, 0.0) ties: the first of the two logged (NaN) stays.
    QCOMPARE(rows(path, "SELECT value, step, is_nan FROM latest_metrics"),
             (QList<QStringList> {{"0.0", "2", "1"}}));
}

void TestStoreBuilder::experimentsAsMlflowWritesThem()
{
    const QString path = m_dir.filePath(QStringLiteral("experiments.db"));
    StoreBuilder::Options options;
    options.artifactRoot = QStringLiteral("/data/mlruns/"); // a trailing slash is not doubled
    options.now = 1700000000000;
    {
        auto builder = StoreBuilder::create(path, options);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        QCOMPARE(b.addExperiment({.name = QStringLiteral("a"), .description = QStringLiteral("# Notes")}),
                 qint64(1));
        QCOMPARE(b.addExperiment({.name = QStringLiteral("b"),
                                  .creationTime = 1700000001000,
                                  .artifactLocation = QStringLiteral("s3://bucket/b"),
                                  .tags = {{QStringLiteral("team"), QStringLiteral("vision")}}}),
                 qint64(2));
        QCOMPARE(b.experimentArtifactLocation(1), QStringLiteral("/data/mlruns/1"));
        QCOMPARE(b.addExperiment({.name = QStringLiteral("a")}), qint64(-1)); // names are unique
        QVERIFY(b.error().message.contains(QLatin1String("UNIQUE")));
        QVERIFY(!b.finish().ok());
    }
    QVERIFY(!QFileInfo::exists(path));
    {
        auto builder = StoreBuilder::create(path, options);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        b.addExperiment({.name = QStringLiteral("a"), .description = QStringLiteral("# Notes")});
        b.addExperiment({.name = QStringLiteral("b"),
                         .creationTime = 1700000001000,
                         .artifactLocation = QStringLiteral("s3://bucket/b"),
                         .tags = {{QStringLiteral("team"), QStringLiteral("vision")}}});
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(
        rows(path, "SELECT * FROM experiments ORDER BY experiment_id"),
        (QList<QStringList> {{"0", "Default", "/data/mlruns/0", "active", "1700000000000", "1700000000000"},
                             {"1", "a", "/data/mlruns/1", "active", "1700000000000", "1700000000000"},
                             {"2", "b", "s3://bucket/b", "active", "1700000001000", "1700000001000"}}));
    QCOMPARE(rows(path, "SELECT experiment_id, \"key\", value FROM experiment_tags ORDER BY experiment_id"),
             (QList<QStringList> {{"1", "mlflow.note.content", "# Notes"}, {"2", "team", "vision"}}));
}

void TestStoreBuilder::runsAsMlflowWritesThem()
{
    const QString path = m_dir.filePath(QStringLiteral("runs.db"));
    QString parent, child, running;
    {
        StoreBuilder::Options options;
        options.now = 1700000000000;
        auto builder = StoreBuilder::create(path, options);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        const qint64 exp = b.addExperiment({.name = QStringLiteral("e")});
        parent = b.addRun({.experimentId = exp,
                           .name = QStringLiteral("sweep"),
                           .userId = QStringLiteral("ada"),
                           .startTime = 1700000001000,
                           .endTime = 1700000009000,
                           .note = QStringLiteral("**best** so far"),
                           .tags = {{QStringLiteral("mlflow.source.type"), QStringLiteral("LOCAL")}}});
        child = b.addRun({.experimentId = exp,
                          .name = QStringLiteral("lr=0.1"),
                          .status = QStringLiteral("FAILED"),
                          .startTime = 1700000002000,
                          .endTime = 1700000003000,
                          .parentRunId = parent});
        running = b.addRun({.experimentId = exp, .status = QStringLiteral("RUNNING")});
        QCOMPARE(b.runArtifactUri(parent), b.experimentArtifactLocation(exp) + "/" + parent + "/artifacts");
        QCOMPARE(b.finish().code, Error::None);
    }
    static const QRegularExpression uuidHex(QStringLiteral("^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$"));
    for (const QString &id : {parent, child, running})
        QVERIFY2(uuidHex.match(id).hasMatch(), qPrintable(id));

    const QString location = QFileInfo(path).absolutePath() + QStringLiteral("/mlruns/1/");
    QCOMPARE(
        rows(path, "SELECT * FROM runs WHERE run_uuid = '" + parent.toUtf8() + "'"),
        (QList<QStringList> {{parent, "sweep", "UNKNOWN", "", "", "ada", "FINISHED", "1700000001000",
                              "1700000009000", "", "active", location + parent + "/artifacts", "1", Null}}));
    QCOMPARE(
        rows(path,
             "SELECT \"key\", value FROM tags WHERE run_uuid = '" + parent.toUtf8() + "' ORDER BY \"key\""),
        (QList<QStringList> {{"mlflow.note.content", "**best** so far"},
                             {"mlflow.runName", "sweep"},
                             {"mlflow.source.type", "LOCAL"},
                             {"mlflow.user", "ada"}}));
    QCOMPARE(rows(path, "SELECT status, user_id FROM runs WHERE run_uuid = '" + child.toUtf8() + "'"),
             (QList<QStringList> {{"FAILED", Null}}));
    QCOMPARE(rows(path, "SELECT value FROM tags WHERE \"key\" = 'mlflow.parentRunId'"),
             QList<QStringList> {{parent}});
    // A run without a name gets one like MLflow's, in runs.name and the tag alike.
    const QList<QStringList> generated = rows(path,
                                              "SELECT r.name, t.value, r.start_time, r.end_time FROM runs r "
                                              "JOIN tags t ON t.run_uuid = r.run_uuid AND t.\"key\" = "
                                              "'mlflow.runName' WHERE r.run_uuid = '"
                                                  + running.toUtf8() + "'");
    QCOMPARE(generated.size(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^[a-z]+-[a-z]+-\\d+$")).match(generated[0][0]).hasMatch());
    QCOMPARE(generated[0][1], generated[0][0]);
    QCOMPARE(generated[0][2], QStringLiteral("1700000000000")); // the builder's clock
    QCOMPARE(generated[0][3], Null);
}

void TestStoreBuilder::runNameFollowsTag()
{
    const QString path = m_dir.filePath(QStringLiteral("rename.db"));
    QString run;
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        run = b.addRun({.tags = {{QStringLiteral("mlflow.runName"), QStringLiteral("from-tag")}}});
        QCOMPARE(rows(b.path(), "SELECT 1"), QList<QStringList> {{"1"}}); // readable while building
        b.setTag(run, QStringLiteral("mlflow.runName"), QStringLiteral("renamed"));
        b.setTag(run, QStringLiteral("k"), QStringLiteral("v1"));
        b.setTag(run, QStringLiteral("k"), QStringLiteral("v2")); // upsert
        QVERIFY(b.addRun({.name = QStringLiteral("a"),
                          .tags = {{QStringLiteral("mlflow.runName"), QStringLiteral("b")}}})
                    .isEmpty());
        QVERIFY(b.error().message.contains(QLatin1String("differ")));
    }
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        run = b.addRun({.tags = {{QStringLiteral("mlflow.runName"), QStringLiteral("from-tag")}}});
        b.setTag(run, QStringLiteral("mlflow.runName"), QStringLiteral("renamed"));
        b.setTag(run, QStringLiteral("k"), QStringLiteral("v1"));
        b.setTag(run, QStringLiteral("k"), QStringLiteral("v2"));
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(rows(path,
                  "SELECT r.name, t.value FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid "
                  "AND t.\"key\" = 'mlflow.runName'"),
             (QList<QStringList> {{"renamed", "renamed"}}));
    QCOMPARE(rows(path, "SELECT value FROM tags WHERE \"key\" = 'k'"), QList<QStringList> {{"v2"}});
}

void TestStoreBuilder::paramsAreWriteOnce()
{
    const QString path = m_dir.filePath(QStringLiteral("params.db"));
    auto builder = StoreBuilder::create(path);
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    const QString run = b.addRun({.name = QStringLiteral("r")});
    b.logParam(run, QStringLiteral("lr"), QStringLiteral("0.01"));
    b.logParam(run, QStringLiteral("lr"), QStringLiteral("0.01")); // same value: fine
    QVERIFY(!b.hasError());
    // One transaction: other connections see nothing, not even the schema, before finish().
    QVERIFY(
        rows(path, "SELECT count(*) FROM params").first().first().contains(QLatin1String("no such table")));
    b.logParam(run, QStringLiteral("lr"), QStringLiteral("0.02"));
    QCOMPARE(b.error().code, Error::InvalidArgument);
    QVERIFY(b.error().message.contains(QLatin1String("not allowed")));
}

void TestStoreBuilder::foreignKeysAreEnforced()
{
    const QString path = m_dir.filePath(QStringLiteral("fk.db"));
    auto builder = StoreBuilder::create(path);
    QVERIFY(builder);
    StoreBuilder &b = **builder;
    b.logMetric(QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("m"), 1, 1, 0);
    QVERIFY(b.hasError());
    QVERIFY2(b.error().message.contains(QLatin1String("FOREIGN KEY")), qPrintable(b.error().message));
}

void TestStoreBuilder::deletingAnExperimentDeletesItsRuns()
{
    const QString path = m_dir.filePath(QStringLiteral("delete.db"));
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        const qint64 old = b.addExperiment({.name = QStringLiteral("old"), .creationTime = 1000});
        const qint64 kept = b.addExperiment({.name = QStringLiteral("kept"), .creationTime = 1000});
        b.addRun({.experimentId = old, .name = QStringLiteral("o1"), .startTime = 1100});
        b.addRun({.experimentId = old, .name = QStringLiteral("o2"), .startTime = 1200});
        const QString gone
            = b.addRun({.experimentId = kept, .name = QStringLiteral("k1"), .startTime = 1100});
        b.addRun({.experimentId = kept, .name = QStringLiteral("k2"), .startTime = 1200});
        b.deleteRun(gone, 1500);
        b.deleteExperiment(old, 2000);
        QCOMPARE(b.finish().code, Error::None);
    }
    QCOMPARE(rows(path,
                  "SELECT name, lifecycle_stage, creation_time, last_update_time FROM experiments "
                  "WHERE experiment_id > 0 ORDER BY experiment_id"),
             (QList<QStringList> {{"old", "deleted", "1000", "2000"}, {"kept", "active", "1000", "1000"}}));
    QCOMPARE(rows(path, "SELECT name, lifecycle_stage, deleted_time FROM runs ORDER BY name"),
             (QList<QStringList> {{"k1", "deleted", "1500"},
                                  {"k2", "active", Null},
                                  {"o1", "deleted", "2000"},
                                  {"o2", "deleted", "2000"}}));
}

void TestStoreBuilder::deletedThingsRefuseWrites()
{
    {
        auto builder = StoreBuilder::create(m_dir.filePath(QStringLiteral("refuse1.db")));
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        const qint64 old = b.addExperiment({.name = QStringLiteral("old")});
        b.deleteExperiment(old, 2000);
        QVERIFY(!b.hasError());
        QVERIFY(b.addRun({.experimentId = old}).isEmpty()); // as MLflow, no runs in a deleted experiment
        QVERIFY(b.error().message.contains(QLatin1String("deleted")));
    }
    {
        auto builder = StoreBuilder::create(m_dir.filePath(QStringLiteral("refuse2.db")));
        QVERIFY(builder);
        (*builder)->deleteRun(QStringLiteral("0123456789abcdef0123456789abcdef"), 1);
        QCOMPARE((*builder)->error().code, Error::NoSuchRun);
    }
}

void TestStoreBuilder::datasetsAndInputs()
{
    const QString path = m_dir.filePath(QStringLiteral("datasets.db"));
    QString train, trainAgain, val, run1, run2;
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder);
        StoreBuilder &b = **builder;
        const qint64 exp = b.addExperiment({.name = QStringLiteral("e")});
        run1 = b.addRun({.experimentId = exp, .name = QStringLiteral("r1")});
        run2 = b.addRun({.experimentId = exp, .name = QStringLiteral("r2")});
        const DatasetSpec spec {.experimentId = exp,
                                .name = QStringLiteral("mnist"),
                                .digest = QStringLiteral("3f2a9c1b"),
                                .sourceType = QStringLiteral("local"),
                                .source = QStringLiteral(R"({"uri": "/data/mnist/train"})"),
                                .schema = QStringLiteral(R"({"mlflow_colspec": []})")};
        train = b.addDataset(spec);
        trainAgain = b.addDataset(spec); // same (experiment, name, digest): same row
        DatasetSpec validation = spec;
        validation.digest = QStringLiteral("77aa0e12");
        val = b.addDataset(validation);
        b.logInput(run1, train, QStringLiteral("training"));
        b.logInput(run1, val, QStringLiteral("validation"));
        b.logInput(run1, train, QStringLiteral("training")); // already logged: no-op
        b.logInput(run2, train, QStringLiteral("training"),
                   {{QStringLiteral("split"), QStringLiteral("80%")}});
        QCOMPARE(b.finish().code, Error::None);
    }
    QVERIFY(!train.isEmpty());
    QCOMPARE(trainAgain, train);
    QVERIFY(val != train);
    QCOMPARE(rows(path, "SELECT count(*), count(dataset_schema), count(dataset_profile) FROM datasets"),
             (QList<QStringList> {{"2", "2", "0"}}));
    QCOMPARE(rows(path, "SELECT DISTINCT source_type, destination_type, step FROM inputs"),
             (QList<QStringList> {{"DATASET", "RUN", "0"}}));
    // The join of format notes 2.11.
    const QByteArray join
        = "SELECT i.destination_id, d.name, d.digest, t.value FROM inputs i "
          "JOIN datasets d ON d.dataset_uuid = i.source_id "
          "JOIN input_tags t ON t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context' "
          "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' "
          "ORDER BY d.digest, i.destination_id";
    QList<QStringList> expected {{run1, "mnist", "3f2a9c1b", "training"},
                                 {run2, "mnist", "3f2a9c1b", "training"},
                                 {run1, "mnist", "77aa0e12", "validation"}};
    std::sort(expected.begin(), expected.begin() + 2);
    QCOMPARE(rows(path, join), expected);
    QCOMPARE(rows(path, "SELECT name, value FROM input_tags WHERE name != 'mlflow.data.context'"),
             (QList<QStringList> {{"split", "80%"}}));
}

void TestStoreBuilder::idsDependOnlyOnTheSeed()
{
    const auto build = [this](const QString &name, quint32 seed) {
        StoreBuilder::Options options;
        options.seed = seed;
        auto builder = StoreBuilder::create(m_dir.filePath(name), options);
        if (!builder)
            return QStringList();
        StoreBuilder &b = **builder;
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(b.addRun({.name = QStringLiteral("r%1").arg(i)}));
        ids.append(b.addDataset({.name = QStringLiteral("d"),
                                 .digest = QStringLiteral("1"),
                                 .sourceType = QStringLiteral("local"),
                                 .source = QStringLiteral("{}")}));
        return b.finish().ok() ? ids : QStringList();
    };
    const QStringList a = build(QStringLiteral("seed-a.db"), 7);
    QCOMPARE(a.size(), 4);
    QCOMPARE(build(QStringLiteral("seed-b.db"), 7), a);
    const QStringList c = build(QStringLiteral("seed-c.db"), 8);
    QCOMPARE(c.size(), 4);
    QVERIFY(c.first() != a.first());
}

QTEST_GUILESS_MAIN(TestStoreBuilder)
#include "tst_storebuilder.moc"
