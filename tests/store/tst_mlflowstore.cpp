#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Store;

// What every backend reads alike, checked through the store interface. The stores are written
// as SQLite (MLflow's own fixtures, or rows inserted the way MLflow inserts them) and handed to
// the backend under test by TestSupport::storeUnderTest(); CTest runs this once per backend.
class TestMlflowStore : public QObject
{
    Q_OBJECT

private:
    // A copy of an empty MLflow database with rows added the way MLflow adds them (SQLite).
    static QString populatedStore(const QTemporaryDir &dir);
    // The store at `sqlitePath` opened through the backend under test.
    static Result<std::unique_ptr<MlflowStore>> open(const QString &sqlitePath, const QTemporaryDir &dir);

private slots:
    void latestMetricsOfMlflow12MatchMlflowOracle();
    void historyIsOrderedByStepTimestampValue();
    void historyOfUnknownRunIsAnError();
    void nanStaysNanAndNamesComeFromTags();
    void deletedRunsAndExperimentsAreHiddenByDefault();
    void experimentFilterAndFirstPage();
    void firstPageIsTheHeadOfMlflowOrder_data();
    void firstPageIsTheHeadOfMlflowOrder();
    void datasetsOfARun();
    void artifactUriOfARun();
    void softDeletedModelVersionsOnRequest();
};

Result<std::unique_ptr<MlflowStore>> TestMlflowStore::open(const QString &sqlitePath,
                                                           const QTemporaryDir &dir)
{
    return openStore(TestSupport::storeUnderTest(sqlitePath, dir));
}

void TestMlflowStore::latestMetricsOfMlflow12MatchMlflowOracle()
{
    // MLflow's own expected values for its latest_metrics migration test.
    QFile oracleFile(QFINDTESTDATA("data/mlflow-1.2-7ac759974ad8-expected-latest.json"));
    QVERIFY(oracleFile.open(QIODevice::ReadOnly));
    const QJsonObject oracle = QJsonDocument::fromJson(oracleFile.readAll()).object();
    QCOMPARE(oracle.size(), 26);

    QTemporaryDir dir;
    auto reader = open(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")), dir);
    QVERIFY(reader.ok());
    const auto table = (*reader)->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->size(), 26);

    int checked = 0;
    for (int row = 0; row < table->size(); ++row) {
        const RunAttributes &run = table->run(row);
        QVERIFY2(oracle.contains(run.runId), qPrintable(run.runId));
        const QJsonObject expected = oracle.value(run.runId).toObject();
        QCOMPARE(qsizetype(table->metrics(row).size()), expected.size());
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const LatestMetric *metric = table->metric(row, it.key());
            QVERIFY2(metric, qPrintable(run.runId + QLatin1Char('/') + it.key()));
            QCOMPARE(metric->value, it.value().toDouble());
            ++checked;
        }
        QCOMPARE(run.status, QStringLiteral("FINISHED"));
        QCOMPARE(run.userId, QStringLiteral("czumar"));
        QVERIFY(run.runName.isEmpty()); // MLflow 1.2 wrote no names at all
        QVERIFY(run.parentRunId.isEmpty());
        QCOMPARE(table->tag(row, QStringLiteral("mlflow.user")),
                 std::optional<QString>(QStringLiteral("czumar")));
    }
    QCOMPARE(checked, 101);
    QVERIFY(table->paramKeys().isEmpty());

    // Default order: start time descending.
    for (int row = 1; row < table->size(); ++row)
        QVERIFY(table->run(row - 1).startTime >= table->run(row).startTime);
}

void TestMlflowStore::historyIsOrderedByStepTimestampValue()
{
    QTemporaryDir dir;
    auto reader = open(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")), dir);
    QVERIFY(reader.ok());
    const auto tie = (*reader)->metricHistory(QStringLiteral("f662d9fdd072422899f1a91dca132e45"),
                                              QStringLiteral("metric_eq_ts_step"));
    QVERIFY(tie.ok());
    QCOMPARE(tie->points.size(), 4);
    QList<double> values;
    for (const MetricPoint &p : tie->points) {
        QCOMPARE(p.step, 1);
        QCOMPARE(p.timestamp, 100);
        values.append(p.value);
    }
    QCOMPARE(values, (QList<double> {-50.67, -1.2, 3.0, 4.7}));

    const auto history = (*reader)->metricHistory(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae"),
                                                  QStringLiteral("metric_0"));
    QVERIFY(history.ok());
    QVERIFY(history->points.size() > 1);
    QCOMPARE(history->points.first().step, -1); // negative steps are real
    for (qsizetype i = 1; i < history->points.size(); ++i) {
        const MetricPoint &a = history->points[i - 1];
        const MetricPoint &b = history->points[i];
        QVERIFY(std::tie(a.step, a.timestamp, a.value) <= std::tie(b.step, b.timestamp, b.value));
    }
    QCOMPARE(history->points.last().value, -2.434975966906267); // the latest value of the oracle

    const auto missingKey = (*reader)->metricHistory(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae"),
                                                     QStringLiteral("no_such_metric"));
    QVERIFY(missingKey.ok());
    QVERIFY(missingKey->points.isEmpty());
}

void TestMlflowStore::historyOfUnknownRunIsAnError()
{
    QTemporaryDir dir;
    auto reader = open(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")), dir);
    QVERIFY(reader.ok());
    const auto history = (*reader)->metricHistory(QStringLiteral("0123456789abcdef0123456789abcdef"),
                                                  QStringLiteral("metric_0"));
    QVERIFY(!history.ok());
    QCOMPARE(history.error().code, Error::NoSuchRun);
}

QString TestMlflowStore::populatedStore(const QTemporaryDir &dir)
{
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-3.0-6953534de441-empty.db"), dir);
    SqliteConnection db;
    if (db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code != Error::None)
        return {};
    // Rows as MLflow 3.0's SQL store writes them (see the format notes, sections 1.2 and 2).
    const char *sql = R"SQL(
        BEGIN;
        INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
          VALUES (1, 'sweep', '/data/mlruns/1', 'active', 1700000000000, 1700000000000),
                 (2, 'gone', '/data/mlruns/2', 'deleted', 1700000000000, 1700000500000);
        INSERT INTO experiment_tags ("key", value, experiment_id) VALUES
          ('mlflow.note.content', 'Learning-rate sweep.', 1), ('project', 'digits', 1), ('team/owner', 'ann', 1);
        INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time,
                          end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time)
          VALUES ('aaaa0000000000000000000000000001', 'parent', 'UNKNOWN', '', '', 'ann', 'FINISHED', 1700000001000, 1700000009000, '', 'active', '/data/mlruns/1/aaaa/artifacts', 1, NULL),
                 ('aaaa0000000000000000000000000002', '', 'UNKNOWN', '', '', 'ann', 'FAILED', 1700000002000, 1700000003000, '', 'active', '/data/mlruns/1/aaab/artifacts', 1, NULL),
                 ('aaaa0000000000000000000000000003', 'child-b', 'UNKNOWN', '', '', 'bob', 'RUNNING', 1700000004000, NULL, '', 'active', '/data/mlruns/1/aaac/artifacts', 1, NULL),
                 ('aaaa0000000000000000000000000004', 'trashed', 'UNKNOWN', '', '', 'bob', 'KILLED', 1700000005000, 1700000006000, '', 'deleted', '/data/mlruns/1/aaad/artifacts', 1, 1700000007000),
                 ('aaaa0000000000000000000000000005', 'old', 'UNKNOWN', '', '', 'bob', 'FINISHED', 1700000000500, 1700000000600, '', 'deleted', '/data/mlruns/2/aaae/artifacts', 2, 1700000500000);
        INSERT INTO tags ("key", value, run_uuid) VALUES
          ('mlflow.runName', 'parent', 'aaaa0000000000000000000000000001'),
          ('mlflow.runName', 'child-a', 'aaaa0000000000000000000000000002'),
          ('mlflow.parentRunId', 'aaaa0000000000000000000000000001', 'aaaa0000000000000000000000000002'),
          ('mlflow.parentRunId', 'aaaa0000000000000000000000000001', 'aaaa0000000000000000000000000003'),
          ('mlflow.note.content', '# Notes
with **markdown**', 'aaaa0000000000000000000000000001');
        INSERT INTO params ("key", value, run_uuid) VALUES
          ('lr', '0.001', 'aaaa0000000000000000000000000002'), ('lr', '1e-2', 'aaaa0000000000000000000000000003'),
          ('optimizer', 'adam', 'aaaa0000000000000000000000000002');
        INSERT INTO metrics ("key", value, timestamp, run_uuid, step, is_nan) VALUES
          ('loss', 0.5, 1700000002100, 'aaaa0000000000000000000000000002', 0, 0),
          ('loss', 0, 1700000002200, 'aaaa0000000000000000000000000002', 1, 1),
          ('loss', 0.4, 1700000004100, 'aaaa0000000000000000000000000003', 0, 0),
          ('loss', 1.7976931348623157e308, 1700000004200, 'aaaa0000000000000000000000000003', 1, 0);
        INSERT INTO latest_metrics ("key", value, timestamp, step, is_nan, run_uuid) VALUES
          ('loss', 0, 1700000002200, 1, 1, 'aaaa0000000000000000000000000002'),
          ('loss', 1.7976931348623157e308, 1700000004200, 1, 0, 'aaaa0000000000000000000000000003');
        INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source,
                              dataset_schema, dataset_profile)
          VALUES ('d0000000000000000000000000000001', 1, 'mnist', 'abc123', 'local', '{"uri": "/data/mnist"}',
                  '{"mlflow_colspec": [{"type": "binary", "name": "image", "required": true}, {"type": "long", "name": "label", "required": true}]}',
                  '{"num_rows": 60000, "num_elements": 120000}');
        INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step)
          VALUES ('i0000000000000000000000000000001', 'DATASET', 'd0000000000000000000000000000001', 'RUN', 'aaaa0000000000000000000000000002', 0);
        INSERT INTO input_tags (input_uuid, name, value) VALUES ('i0000000000000000000000000000001', 'mlflow.data.context', 'training');
        COMMIT;
    )SQL";
    if (db.exec(sql).code != Error::None)
        return {};
    return path;
}

void TestMlflowStore::nanStaysNanAndNamesComeFromTags()
{
    QTemporaryDir dir;
    const QString path = populatedStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = open(path, dir);
    QVERIFY(reader.ok());
    const auto table = (*reader)->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->size(), 3);
    // Start time descending: child-b, child-a, parent.
    QCOMPARE(table->run(0).runName, QStringLiteral("child-b"));
    QCOMPARE(table->run(1).runName, QStringLiteral("child-a")); // runs.name empty: from mlflow.runName
    QCOMPARE(table->run(2).runName, QStringLiteral("parent"));
    QCOMPARE(table->run(1).parentRunId, table->run(2).runId);
    QCOMPARE(table->run(0).parentRunId, table->run(2).runId);
    QVERIFY(table->run(2).parentRunId.isEmpty());
    QCOMPARE(table->run(0).endTime, NoTime);

    const LatestMetric *nan = table->metric(1, QStringLiteral("loss"));
    QVERIFY(nan);
    QVERIFY(nan->isNan);
    QVERIFY(std::isnan(nan->value));
    const LatestMetric *inf = table->metric(0, QStringLiteral("loss"));
    QVERIFY(inf && isInfinitySentinel(inf->value));
    QCOMPARE(table->param(1, QStringLiteral("lr")), std::optional<QString>(QStringLiteral("0.001")));
    QCOMPARE(table->param(0, QStringLiteral("optimizer")), std::nullopt);
    QVERIFY(table->tag(2, QStringLiteral("mlflow.note.content"))->contains(QLatin1String("**markdown**")));

    const auto history = (*reader)->metricHistory(table->run(1).runId, QStringLiteral("loss"));
    QVERIFY(history.ok());
    QCOMPARE(history->points.size(), 2);
    QCOMPARE(history->points[0].value, 0.5);
    QVERIFY(std::isnan(history->points[1].value));
}

void TestMlflowStore::deletedRunsAndExperimentsAreHiddenByDefault()
{
    QTemporaryDir dir;
    const QString path = populatedStore(dir);
    auto reader = open(path, dir);
    QVERIFY(reader.ok());

    const auto active = (*reader)->experiments(ViewType::ActiveOnly);
    QVERIFY(active.ok());
    QStringList names;
    for (const Experiment &e : *active)
        names.append(e.name + QLatin1Char(':') + QString::number(e.runCount));
    QCOMPARE(names, (QStringList {"Default:0", "sweep:3"}));

    const auto all = (*reader)->experiments(ViewType::All);
    QVERIFY(all.ok());
    names.clear();
    for (const Experiment &e : *all)
        names.append(e.name + QLatin1Char(':') + QString::number(e.runCount));
    QCOMPARE(names, (QStringList {"Default:0", "sweep:4", "gone:1"}));
    QVERIFY(all->at(2).isDeleted());
    // Every experiment tag, in key order; the note is also the description.
    QCOMPARE(all->at(1).tags,
             (KeyValueList {{"mlflow.note.content", "Learning-rate sweep."},
                            {"project", "digits"},
                            {"team/owner", "ann"}}));
    QCOMPARE(all->at(1).description, QStringLiteral("Learning-rate sweep."));
    QVERIFY(all->at(0).tags.isEmpty());

    RunQuery everything;
    everything.view = ViewType::All;
    QCOMPARE((*reader)->runs(everything)->size(), 5);
    RunQuery deleted;
    deleted.view = ViewType::DeletedOnly;
    const auto trashed = (*reader)->runs(deleted);
    QCOMPARE(trashed->size(), 2);
    QVERIFY(trashed->run(0).isDeleted());
    // When each was deleted (the file fixture writes run ...05 as MLflow 1.2 did, without it).
    QCOMPARE(trashed->run(0).runId, QStringLiteral("aaaa0000000000000000000000000004"));
    QCOMPARE(trashed->run(0).deletedTime, 1700000007000);
    const auto live = (*reader)->runs({});
    for (int row = 0; row < live->size(); ++row)
        QCOMPARE(live->run(row).deletedTime, NoTime);
}

void TestMlflowStore::experimentFilterAndFirstPage()
{
    QTemporaryDir dir;
    const QString path = populatedStore(dir);
    auto reader = open(path, dir);
    QVERIFY(reader.ok());

    RunQuery query;
    query.experimentIds = {QStringLiteral("0")};
    QCOMPARE((*reader)->runs(query)->size(), 0);
    query.experimentIds = {QStringLiteral("1")};
    QCOMPARE((*reader)->runs(query)->size(), 3);
    query.experimentIds = {QStringLiteral("sweep")};
    QCOMPARE((*reader)->runs(query).error().code, Error::NoSuchExperiment);

    // The first page holds the newest runs with all their values.
    query.experimentIds = {QStringLiteral("1")};
    query.limit = 2;
    const auto page = (*reader)->runs(query);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->run(0).runName, QStringLiteral("child-b"));
    QCOMPARE(page->param(1, QStringLiteral("optimizer")), std::optional<QString>(QStringLiteral("adam")));
    QVERIFY(page->metric(1, QStringLiteral("loss"))->isNan);

    CancelFlag cancelled {true};
    query.limit = -1;
    QCOMPARE((*reader)->runs(query, &cancelled).error().code, Error::Cancelled);
}

void TestMlflowStore::firstPageIsTheHeadOfMlflowOrder_data()
{
    QTest::addColumn<QByteArray>("oddStartTime"); // SQL for one run's start_time, empty: none
    QTest::addColumn<int>("limit");
    for (const int limit : {1, 7, 64, 299, 300, 500}) {
        QTest::addRow("integers and NULLs, first %d", limit) << QByteArray() << limit;
        // Values of other types make the reader leave the ordering to SQLite.
        QTest::addRow("a text start_time, first %d", limit) << QByteArrayLiteral("'1700000000042'") << limit;
        QTest::addRow("a real start_time, first %d", limit) << QByteArrayLiteral("1700000000042.5") << limit;
    }
}

// The first page comes from a heap over one scan rather than from SQLite's ORDER BY: it must be
// exactly the head of the whole ordered set, ties on start_time and NULLs included.
void TestMlflowStore::firstPageIsTheHeadOfMlflowOrder()
{
    QFETCH(QByteArray, oddStartTime);
    QFETCH(int, limit);
    if (oddStartTime.contains('.') && TestSupport::storeBackend() == QLatin1String("postgresql"))
        QSKIP("A PostgreSQL bigint column holds no fractions: SQLite's loose typing only");
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-3.0-6953534de441-empty.db"), dir);
    {
        SqliteConnection db;
        QCOMPARE(db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code, Error::None);
        QByteArray sql
            = "BEGIN; INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
              "creation_time, last_update_time) VALUES (1, 'e', '/m/1', 'active', 0, 0);";
        // 340 runs in random order; start times from a small range so that many tie, some NULL,
        // some deleted.
        quint32 state = 12345;
        const auto next = [&] { return state = state * 1664525u + 1013904223u; };
        for (int i = 0; i < 340; ++i) {
            const quint32 r = next();
            const QByteArray id = QByteArray::number(next(), 16).rightJustified(8, '0') + QByteArray(24, 'a');
            QByteArray start
                = r % 13 == 0 ? QByteArray("NULL") : QByteArray::number(1700000000000LL + (r >> 8) % 40);
            if (i == 17 && !oddStartTime.isEmpty())
                start = oddStartTime;
            const QByteArray stage = r % 11 == 0 ? "deleted" : "active";
            sql += "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
                   "status, "
                   "start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) "
                   "VALUES ('"
                + id + "', 'r" + QByteArray::number(i) + "', 'UNKNOWN', '', '', 'u', 'FINISHED', " + start
                + ", NULL, '', '" + stage + "', '/m/1/" + id + "', 1);";
            sql += "INSERT INTO params (\"key\", value, run_uuid) VALUES ('i', '" + QByteArray::number(i)
                + "', '" + id + "');";
        }
        sql += "COMMIT;";
        QCOMPARE(db.exec(sql).code, Error::None);
    }
    auto reader = open(path, dir);
    QVERIFY(reader.ok());
    RunQuery query;
    query.experimentIds = {QStringLiteral("1")};
    const auto all = (*reader)->runs(query); // SQLite's ORDER BY: the oracle
    QVERIFY(all.ok());
    QVERIFY(all->size() > 290);
    query.limit = limit;
    const auto page = (*reader)->runs(query);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), std::min(limit, all->size()));
    for (int row = 0; row < page->size(); ++row) {
        QCOMPARE(page->run(row).runId, all->run(row).runId);
        QCOMPARE(page->run(row).startTime, all->run(row).startTime);
        QCOMPARE(page->param(row, QStringLiteral("i")), all->param(row, QStringLiteral("i")));
    }
}

void TestMlflowStore::datasetsOfARun()
{
    QTemporaryDir dir;
    auto reader = open(populatedStore(dir), dir);
    QVERIFY(reader.ok());
    const auto datasets = (*reader)->datasets(QStringLiteral("aaaa0000000000000000000000000002"));
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 1);
    QCOMPARE(datasets->first().name, QStringLiteral("mnist"));
    QCOMPARE(datasets->first().context, QStringLiteral("training"));
    QCOMPARE(datasets->first().sourceType, QStringLiteral("local"));
    QCOMPARE(datasets->first().schema,
             QStringLiteral(R"({"mlflow_colspec": [{"type": "binary", "name": "image", "required": true}, )"
                            R"({"type": "long", "name": "label", "required": true}]})"));
    QCOMPARE(datasets->first().profile, QStringLiteral(R"({"num_rows": 60000, "num_elements": 120000})"));
    QVERIFY((*reader)->datasets(QStringLiteral("aaaa0000000000000000000000000001"))->isEmpty());
}

void TestMlflowStore::artifactUriOfARun()
{
    QTemporaryDir dir;
    auto reader = open(populatedStore(dir), dir);
    QVERIFY(reader.ok());
    const auto uri = (*reader)->artifactUri(QStringLiteral("aaaa0000000000000000000000000003"));
    QVERIFY(uri.ok());
    QCOMPARE(*uri, QStringLiteral("/data/mlruns/1/aaac/artifacts"));
    // A deleted run still has its artifacts (MLflow removes them only on garbage collection).
    QCOMPARE(*(*reader)->artifactUri(QStringLiteral("aaaa0000000000000000000000000005")),
             QStringLiteral("/data/mlruns/2/aaae/artifacts"));
    const auto missing = (*reader)->artifactUri(QStringLiteral("0123456789abcdef0123456789abcdef"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, Error::NoSuchRun);
}

void TestMlflowStore::softDeletedModelVersionsOnRequest()
{
    QTemporaryDir dir;
    constexpr qint64 T0 = 1700000000000;
    auto reader = open(TestSupport::buildRegistryStore(dir, QStringLiteral("registry.db"), T0), dir);
    QVERIFY(reader.ok());
    const QString churn = QStringLiteral("churn-classifier");
    const auto numbers = [&](ViewType view) {
        QList<int> list;
        const auto versions = (*reader)->modelVersions(churn, view);
        for (const ModelVersion &v : versions.ok() ? *versions : ModelVersionList())
            list.append(v.version);
        return list;
    };
    QCOMPARE(numbers(ViewType::ActiveOnly), (QList<int> {1, 2, 3, 4}));
    QCOMPARE(numbers(ViewType::DeletedOnly), (QList<int> {5}));
    QCOMPARE(numbers(ViewType::All), (QList<int> {1, 2, 3, 4, 5}));
    const ModelVersion deleted = (*reader)->modelVersions(churn, ViewType::DeletedOnly)->first();
    QCOMPARE(deleted.stage, QLatin1String(Stages::DeletedInternal));
    QCOMPARE(deleted.source, QStringLiteral("REDACTED-SOURCE-PATH")); // as MLflow's SQL store left it
    QCOMPARE(deleted.runId, QStringLiteral("REDACTED-RUN-ID"));
    QCOMPARE(deleted.lastUpdatedTime, T0 + 13000);
    QVERIFY(deleted.runExperimentId.isEmpty());
    QCOMPARE((*reader)->modelVersions(QStringLiteral("nope"), ViewType::All).error().code,
             Error::NoSuchModel);
    // Latest versions per stage never count it.
    const auto models = (*reader)->registeredModels();
    QVERIFY(models.ok());
    for (const RegisteredModel &m : *models)
        QVERIFY(!m.latestVersions.contains(QLatin1String(Stages::DeletedInternal)));
}

QTEST_GUILESS_MAIN(TestMlflowStore)
#include "tst_mlflowstore.moc"
