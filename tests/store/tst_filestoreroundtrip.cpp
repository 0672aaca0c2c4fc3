#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace Store;

// SQLite stores written as mlruns/ folders by Kaizen's exporter and read back by the file-store
// backend hold what the SQLite stores hold, value for value: the demo store, MLflow 1.2's own
// database, and a copy of MLflow 2.8's empty database with rows added as MLflow adds them.
class TestFileStoreRoundTrip : public QObject
{
    Q_OBJECT

private:
    struct Pair
    {
        std::unique_ptr<MlflowStore> sqlite;
        std::unique_ptr<MlflowStore> file;
    };
    QTemporaryDir m_dir;
    std::map<QString, Pair> m_pairs; // by the name of the source

    // MLflow 2.8's empty database with experiment tags, deleted runs (their deleted_time), datasets
    // with schema and profile, and a registry with a soft-deleted version, as MLflow 2.8 writes them.
    static QString populated28(const QTemporaryDir &dir);
    void addPair(const QString &name, const QString &sqlitePath);
    void sourcesData();
    Pair &pair();

    static bool sameValue(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

private slots:
    void initTestCase();
    void experiments_data() { sourcesData(); }
    void experiments();
    void runsWithTheirValues_data() { sourcesData(); }
    void runsWithTheirValues();
    void datasets_data() { sourcesData(); }
    void datasets();
    void metricHistories_data() { sourcesData(); }
    void metricHistories();
    void registry_data() { sourcesData(); }
    void registry();
};

QString TestFileStoreRoundTrip::populated28(const QTemporaryDir &dir)
{
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db"), dir);
    SqliteConnection db;
    if (path.isEmpty() || db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code != Error::None)
        return {};
    const char *sql = R"SQL(
        BEGIN;
        INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
          VALUES (1, 'churn', '/data/mlruns/1', 'active', 1700000000000, 1700000000000),
                 (2, 'old', '/data/mlruns/2', 'deleted', 1700000000000, 1700000900000);
        INSERT INTO experiment_tags ("key", value, experiment_id) VALUES
          ('mlflow.note.content', '# Churn
Predicts who leaves.', 1),
          ('project', 'retention', 1), ('data/owner', 'ann', 1), ('project', 'legacy', 2);
        INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time,
                          end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time)
          VALUES ('bbbb0000000000000000000000000001', 'train', 'UNKNOWN', '', '', 'ann', 'FINISHED', 1700000001000, 1700000002000, '', 'active', '/data/mlruns/1/bbbb0000000000000000000000000001/artifacts', 1, NULL),
                 ('bbbb0000000000000000000000000002', 'discarded', 'UNKNOWN', '', '', 'ann', 'FAILED', 1700000003000, 1700000004000, '', 'deleted', '/data/mlruns/1/bbbb0000000000000000000000000002/artifacts', 1, 1700000500000),
                 ('bbbb0000000000000000000000000003', 'baseline', 'UNKNOWN', '', '', 'bob', 'FINISHED', 1700000000500, 1700000000600, '', 'deleted', '/data/mlruns/2/bbbb0000000000000000000000000003/artifacts', 2, 1700000900000);
        INSERT INTO tags ("key", value, run_uuid) VALUES
          ('mlflow.runName', 'train', 'bbbb0000000000000000000000000001'),
          ('mlflow.runName', 'discarded', 'bbbb0000000000000000000000000002'),
          ('mlflow.runName', 'baseline', 'bbbb0000000000000000000000000003');
        INSERT INTO params ("key", value, run_uuid) VALUES ('lr', '0.01', 'bbbb0000000000000000000000000001');
        INSERT INTO metrics ("key", value, timestamp, run_uuid, step, is_nan) VALUES
          ('loss', 0.5, 1700000001100, 'bbbb0000000000000000000000000001', 0, 0),
          ('loss', 0.25, 1700000001200, 'bbbb0000000000000000000000000001', 1, 0);
        INSERT INTO latest_metrics ("key", value, timestamp, step, is_nan, run_uuid) VALUES
          ('loss', 0.25, 1700000001200, 1, 0, 'bbbb0000000000000000000000000001');
        INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source,
                              dataset_schema, dataset_profile)
          VALUES ('d0000000000000000000000000000001', 1, 'customers', 'a1b2c3d4', 'local', '{"uri": "/data/customers.parquet"}',
                  '{"mlflow_colspec": [{"type": "long", "name": "tenure", "required": true}, {"type": "double", "name": "monthly_charges", "required": true}]}',
                  '{"num_rows": 7043, "num_elements": 14086}'),
                 ('d0000000000000000000000000000002', 1, 'holdout', 'e5f6a7b8', 'http', '{"url": "https://example.com/holdout.csv"}', NULL, NULL);
        INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id) VALUES
          ('i0000000000000000000000000000001', 'DATASET', 'd0000000000000000000000000000001', 'RUN', 'bbbb0000000000000000000000000001'),
          ('i0000000000000000000000000000002', 'DATASET', 'd0000000000000000000000000000002', 'RUN', 'bbbb0000000000000000000000000001');
        INSERT INTO input_tags (input_uuid, name, value) VALUES
          ('i0000000000000000000000000000001', 'mlflow.data.context', 'training'),
          ('i0000000000000000000000000000002', 'mlflow.data.context', 'eval');
        INSERT INTO registered_models (name, creation_time, last_updated_time, description)
          VALUES ('churn-classifier', 1700000600000, 1700000800000, 'Predicts churn.');
        INSERT INTO registered_model_tags ("key", value, name) VALUES ('team', 'growth', 'churn-classifier');
        INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage,
                                    source, run_id, status, status_message, run_link)
          VALUES ('churn-classifier', 1, 1700000600000, 1700000700000, 'First.', 'ann', 'Production',
                  '/data/mlruns/1/bbbb0000000000000000000000000001/artifacts/model', 'bbbb0000000000000000000000000001', 'READY', NULL, ''),
                 ('churn-classifier', 2, 1700000650000, 1700000800000, NULL, NULL, 'Deleted_Internal',
                  'REDACTED-SOURCE-PATH', 'REDACTED-RUN-ID', 'READY', NULL, 'REDACTED-RUN-LINK');
        INSERT INTO model_version_tags ("key", value, name, version) VALUES
          ('validation', 'passed', 'churn-classifier', 1), ('validation', 'failed', 'churn-classifier', 2);
        INSERT INTO registered_model_aliases (alias, version, name) VALUES ('champion', 1, 'churn-classifier');
        COMMIT;
    )SQL";
    return db.exec(sql).code == Error::None ? path : QString();
}

void TestFileStoreRoundTrip::addPair(const QString &name, const QString &sqlitePath)
{
    QVERIFY2(!sqlitePath.isEmpty(), qPrintable(name));
    const QString mlruns = TestSupport::exportToFileStore(
        sqlitePath,
        m_dir.filePath(QStringLiteral("mlruns-") + QString(name).replace(QLatin1Char(' '), u'-')));
    QVERIFY2(!mlruns.isEmpty(), qPrintable(name));
    auto sqlite = openStore(sqlitePath);
    auto file = openStore(mlruns);
    QVERIFY(sqlite);
    QVERIFY2(file, file ? "" : qPrintable(file.error().message));
    m_pairs.emplace(name, Pair {std::move(sqlite).value(), std::move(file).value()});
}

void TestFileStoreRoundTrip::sourcesData()
{
    QTest::addColumn<QString>("source");
    for (const auto &[name, stores] : m_pairs)
        QTest::newRow(qPrintable(name)) << name;
}

TestFileStoreRoundTrip::Pair &TestFileStoreRoundTrip::pair()
{
    QFETCH(QString, source);
    return m_pairs.at(source);
}

void TestFileStoreRoundTrip::initTestCase()
{
    QVERIFY(m_dir.isValid());
    addPair(QStringLiteral("demo"), TestSupport::buildDemoStore(m_dir));
    addPair(QStringLiteral("mlflow 1.2 fixture"),
            TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir));
    addPair(QStringLiteral("mlflow 2.8 fixture with rows"), populated28(m_dir));
    QCOMPARE(m_pairs.size(), size_t(3));
}

void TestFileStoreRoundTrip::experiments()
{
    Pair &p = pair();
    for (const ViewType view : {ViewType::ActiveOnly, ViewType::All}) {
        const auto expected = p.sqlite->experiments(view);
        const auto actual = p.file->experiments(view);
        QVERIFY(expected && actual);
        QCOMPARE(actual->size(), expected->size());
        for (int i = 0; i < expected->size(); ++i) {
            const Experiment &e = expected->at(i);
            const Experiment &a = actual->at(i);
            QCOMPARE(a.id, e.id);
            QCOMPARE(a.name, e.name);
            QCOMPARE(a.artifactLocation, e.artifactLocation);
            QCOMPARE(a.lifecycleStage, e.lifecycleStage);
            QCOMPARE(a.creationTime, e.creationTime);
            QCOMPARE(a.lastUpdateTime, e.lastUpdateTime);
            QCOMPARE(a.runCount, e.runCount);
            QCOMPARE(a.description, e.description);
            QCOMPARE(a.tags, e.tags);
        }
    }
    QVERIFY(p.file->warnings().isEmpty());
}

void TestFileStoreRoundTrip::runsWithTheirValues()
{
    Pair &p = pair();
    RunQuery all;
    all.view = ViewType::All;
    const auto expected = p.sqlite->runs(all);
    const auto actual = p.file->runs(all);
    QVERIFY(expected && actual);
    QCOMPARE(actual->size(), expected->size());
    for (int row = 0; row < expected->size(); ++row) {
        const RunAttributes &e = expected->run(row);
        const RunAttributes &a = actual->run(row);
        QCOMPARE(a.runId, e.runId); // the same default order
        QCOMPARE(a.runName, e.runName);
        QCOMPARE(a.experimentId, e.experimentId);
        QCOMPARE(a.status, e.status);
        QCOMPARE(a.lifecycleStage, e.lifecycleStage);
        QCOMPARE(a.userId, e.userId);
        QCOMPARE(a.artifactUri, e.artifactUri);
        QCOMPARE(a.startTime, e.startTime);
        QCOMPARE(a.endTime, e.endTime);
        QCOMPARE(a.deletedTime, e.deletedTime);
        QCOMPARE(a.parentRunId, e.parentRunId);
        QCOMPARE(actual->paramKeys(), expected->paramKeys());
        for (const QString &key : expected->paramKeys())
            QCOMPARE(actual->param(row, key), expected->param(row, key));
        QCOMPARE(actual->tagKeys(), expected->tagKeys());
        for (const QString &key : expected->tagKeys())
            QCOMPARE(actual->tag(row, key), expected->tag(row, key));
        QCOMPARE(actual->metricKeys(), expected->metricKeys());
        for (const QString &key : expected->metricKeys()) {
            const LatestMetric *em = expected->metric(row, key);
            const LatestMetric *am = actual->metric(row, key);
            QCOMPARE(bool(am), bool(em));
            if (em) {
                QCOMPARE(am->step, em->step);
                QCOMPARE(am->timestamp, em->timestamp);
                QVERIFY2(sameValue(am->value, em->value)
                             || (std::isinf(am->value) && std::abs(em->value) > 1e308),
                         qPrintable(key));
            }
        }
    }
}

void TestFileStoreRoundTrip::datasets()
{
    Pair &p = pair();
    RunQuery all;
    all.view = ViewType::All;
    const auto runs = p.sqlite->runs(all);
    QVERIFY(runs);
    int compared = 0;
    for (int row = 0; row < runs->size(); ++row) {
        const auto expected = p.sqlite->datasets(runs->run(row).runId);
        const auto actual = p.file->datasets(runs->run(row).runId);
        QVERIFY(expected && actual);
        QCOMPARE(actual->size(), expected->size());
        for (int i = 0; i < expected->size(); ++i) {
            const DatasetInput &e = expected->at(i);
            const DatasetInput &a = actual->at(i);
            QCOMPARE(a.name, e.name);
            QCOMPARE(a.digest, e.digest);
            QCOMPARE(a.sourceType, e.sourceType);
            QCOMPARE(a.source, e.source);
            QCOMPARE(a.context, e.context);
            QCOMPARE(a.schema, e.schema);
            QCOMPARE(a.profile, e.profile);
            compared += !e.schema.isEmpty();
        }
    }
    if (QLatin1String(QTest::currentDataTag()) != QLatin1String("mlflow 1.2 fixture"))
        QVERIFY(compared > 0); // datasets with a schema were compared
}

void TestFileStoreRoundTrip::metricHistories()
{
    Pair &p = pair();
    const auto runs = p.sqlite->runs({});
    QVERIFY(runs);
    int compared = 0;
    for (int row = 0; row < runs->size() && compared < 6; row += 3) {
        for (const QString &key : runs->metricKeys()) {
            if (!runs->metric(row, key))
                continue;
            const auto expected = p.sqlite->metricHistory(runs->run(row).runId, key);
            const auto actual = p.file->metricHistory(runs->run(row).runId, key);
            QVERIFY(expected && actual);
            QCOMPARE(actual->points.size(), expected->points.size());
            for (int i = 0; i < expected->points.size(); ++i) {
                QCOMPARE(actual->points.at(i).step, expected->points.at(i).step);
                QCOMPARE(actual->points.at(i).timestamp, expected->points.at(i).timestamp);
                QVERIFY(sameValue(actual->points.at(i).value, expected->points.at(i).value)
                        || std::isinf(actual->points.at(i).value));
            }
            ++compared;
            break;
        }
    }
    QVERIFY(compared >= 1);
}

void TestFileStoreRoundTrip::registry()
{
    Pair &p = pair();
    const auto expected = p.sqlite->registeredModels();
    const auto actual = p.file->registeredModels();
    QVERIFY(actual);
    if (!expected) { // MLflow 1.2: no registry tables, an mlruns folder without models/
        QCOMPARE(expected.error().code, Error::NoRegistry);
        QVERIFY(actual->isEmpty());
        return;
    }
    QCOMPARE(actual->size(), expected->size());
    int softDeleted = 0;
    for (int i = 0; i < expected->size(); ++i) {
        const RegisteredModel &em = expected->at(i);
        const RegisteredModel &am = actual->at(i);
        QCOMPARE(am.name, em.name);
        QCOMPARE(am.description, em.description);
        QCOMPARE(am.creationTime, em.creationTime);
        QCOMPARE(am.lastUpdatedTime, em.lastUpdatedTime);
        QCOMPARE(am.latestVersions, em.latestVersions);
        QCOMPARE(am.aliases, em.aliases);
        QCOMPARE(am.tags, em.tags);
        // Soft-deleted versions too: they keep MLflow's version numbers from being given twice.
        const auto ev = p.sqlite->modelVersions(em.name, ViewType::All);
        const auto av = p.file->modelVersions(em.name, ViewType::All);
        QVERIFY(ev && av);
        QCOMPARE(av->size(), ev->size());
        for (int v = 0; v < ev->size(); ++v) {
            const ModelVersion &e = ev->at(v);
            const ModelVersion &a = av->at(v);
            QCOMPARE(a.modelName, e.modelName);
            QCOMPARE(a.version, e.version);
            QCOMPARE(a.stage, e.stage);
            QCOMPARE(a.status, e.status);
            QCOMPARE(a.statusMessage, e.statusMessage);
            QCOMPARE(a.runId, e.runId);
            QCOMPARE(a.source, e.source);
            QCOMPARE(a.runLink, e.runLink);
            QCOMPARE(a.storageLocation, e.storageLocation);
            QCOMPARE(a.userId, e.userId);
            QCOMPARE(a.description, e.description);
            QCOMPARE(a.creationTime, e.creationTime);
            QCOMPARE(a.lastUpdatedTime, e.lastUpdatedTime);
            QCOMPARE(a.aliases, e.aliases);
            QCOMPARE(a.tags, e.tags);
            QCOMPARE(a.loggedModelId, e.loggedModelId);
            softDeleted += e.stage == QLatin1String(Stages::DeletedInternal);
        }
    }
    QVERIFY(softDeleted > 0);
}

QTEST_GUILESS_MAIN(TestFileStoreRoundTrip)
#include "tst_filestoreroundtrip.moc"
