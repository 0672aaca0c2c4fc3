#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>

using namespace Store;

namespace {

const QString Mlflow12 = QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db");

struct ReadOutcome
{
    QList<MetricSeries> series;
    Error error;
    QList<std::pair<qint64, qint64>> progress;
};

ReadOutcome readSeries(MlflowStore &reader, const QStringList &runs, const QStringList &keys,
                       const CancelFlag *cancel = nullptr)
{
    ReadOutcome outcome;
    outcome.error = reader.readMetricSeries(
        runs, keys, [&](MetricSeries &&s) { outcome.series.append(std::move(s)); }, cancel,
        [&](qint64 done, qint64 total) {
            outcome.progress.append({done, total});
        });
    return outcome;
}

bool sameValue(double a, double b)
{
    return std::isnan(a) ? std::isnan(b) : a == b;
}

// The series holds exactly the rows of `kaizen history` (MlflowStore::metricHistory), in its order.
bool matchesHistory(MlflowStore &reader, const MetricSeries &series, QString *why)
{
    const auto history = reader.metricHistory(series.runId, series.key);
    if (!history) {
        *why = history.error().message;
        return false;
    }
    const QString where = series.runId + QLatin1Char('/') + series.key;
    if (history->points.size() != series.size()) {
        *why = QStringLiteral("%1: %2 points, history has %3")
                   .arg(where)
                   .arg(series.size())
                   .arg(history->points.size());
        return false;
    }
    if (series.steps.size() != series.values.size() || series.timestamps.size() != series.values.size()) {
        *why = where + QStringLiteral(": arrays of different lengths");
        return false;
    }
    for (qsizetype i = 0; i < series.size(); ++i) {
        const MetricPoint &p = history->points[i];
        if (p.step != series.steps[size_t(i)] || p.timestamp != series.timestamps[size_t(i)]
            || !sameValue(p.value, series.values[size_t(i)])) {
            *why = QStringLiteral("%1: point %2 differs: (%3, %4, %5) vs history (%6, %7, %8)")
                       .arg(where)
                       .arg(i)
                       .arg(series.steps[size_t(i)])
                       .arg(series.timestamps[size_t(i)])
                       .arg(series.values[size_t(i)])
                       .arg(p.step)
                       .arg(p.timestamp)
                       .arg(p.value);
            return false;
        }
    }
    return true;
}

QStringList allRunIds(const QString &path)
{
    QStringList ids;
    SqliteConnection db;
    if (db.open(path, SqliteConnection::Mode::ReadOnly, 1000).code != Error::None)
        return ids;
    SqliteStatement query(db, "SELECT run_uuid FROM runs ORDER BY run_uuid");
    while (query.step())
        ids.append(query.string(0));
    return ids;
}

} // namespace

// readMetricSeries on real files: the MLflow fixtures and stores built by StoreBuilder.
class TestMetricSeries : public QObject
{
    Q_OBJECT

private:
    // A store of three runs built with StoreBuilder; `m_runs` holds their ids.
    QString buildStore(const QTemporaryDir &dir);
    QStringList m_runs;

private slots:
    void mlflow12MatchesHistory_data();
    void mlflow12MatchesHistory();
    void mlflow12TieOfStepAndTimestampIsOrderedByValue();
    void mlflow28FileUsesItsRunIndex();
    void unsortedRowsAreSortedAndDuplicatesKept();
    void nanAndInfinitySentinelsAsStored();
    void severalKeysInOnePass();
    void everyKeyWhenNoKeyIsGiven();
    void missingKeyIsDeliveredEmpty();
    void unknownRunFailsBeforeDelivering();
    void cancellationStopsBetweenRuns();
    void schemaWithoutStepAndIsNan();
    void arraysHoldNoSlack();
    void readingLeavesTheFileUntouched();
    void bulkHistoryWritesWhatLogMetricWrites();
};

QString TestMetricSeries::buildStore(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("built.db"));
    StoreBuilder::Options options;
    options.now = 1700000000000;
    auto builder = StoreBuilder::create(path, options);
    if (!builder)
        return {};
    StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("curves")});
    m_runs.clear();
    for (int r = 0; r < 3; ++r)
        m_runs.append(b.addRun({.experimentId = experiment, .name = QStringLiteral("run-%1").arg(r)}));
    const QString &a = m_runs[0];
    // Logged out of order, as a resumed or asynchronous logger does, with duplicate steps.
    const qint64 t0 = 1700000001000;
    for (int step : {5, 3, 9, 0, 3, 7, 1, 9, 2})
        b.logMetric(a, QStringLiteral("loss"), 1.0 / (step + 1), t0 + step * 10 + (step == 3 ? 1 : 0), step);
    b.logMetric(a, QStringLiteral("loss"), 0.25, t0 + 30, 3); // step 3 again, same timestamp, another value
    b.logMetric(a, QStringLiteral("loss"), 0.75, t0 + 30, 3);
    b.logMetric(a, QStringLiteral("loss"), 0.25, t0 + 30, 3); // an exact duplicate: dropped
    // Special values.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const QStringList special {QStringLiteral("special")};
    b.logMetric(a, special[0], 1.5, t0, 0);
    b.logMetric(a, special[0], nan, t0 + 1, 1);
    b.logMetric(a, special[0], inf, t0 + 2, 2);
    b.logMetric(a, special[0], -inf, t0 + 3, 3);
    b.logMetric(a, special[0], DBL_MAX, t0 + 4, 4);
    b.logMetric(a, special[0], -DBL_MAX, t0 + 5, 5);
    b.logMetric(a, special[0], nan, t0 + 6, 6);
    b.logMetric(a, special[0], 0.0, t0 + 6, 6); // same step and timestamp as the NaN
    // Interleaved keys on two runs: a run's keys come in one pass.
    for (int step = 0; step < 200; ++step) {
        for (int r = 1; r < 3; ++r) {
            for (const char *key : {"acc", "lr", "val/loss"})
                b.logMetric(m_runs[r], QLatin1String(key),
                            std::sin(step * 0.1 + r) * (key[0] == 'l' ? 0.01 : 1), t0 + step * 100 + r, step);
        }
    }
    if (!b.finish().ok())
        return {};
    return path;
}

void TestMetricSeries::mlflow12MatchesHistory_data()
{
    QTest::addColumn<QStringList>("keys");
    QTest::addRow("one key") << QStringList {QStringLiteral("metric_1")};
    QTest::addRow("several keys") << QStringList {QStringLiteral("metric_3"), QStringLiteral("metric_0"),
                                                  QStringLiteral("metric_eq_ts_step")};
    QTest::addRow("every key") << QStringList {};
}

void TestMetricSeries::mlflow12MatchesHistory()
{
    QFETCH(QStringList, keys);
    const QString path = TestSupport::fixturePath(Mlflow12);
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    // MLflow 1.2 has no run_uuid index: one pass for every run through the key index.
    QVERIFY(TestSupport::sqliteSchema(**reader).metricHistoryIndex.isEmpty());
    const QStringList runs = allRunIds(path);
    QCOMPARE(runs.size(), 26);

    const ReadOutcome outcome = readSeries(**reader, runs, keys);
    QCOMPARE(outcome.error.code, Error::None);
    qint64 points = 0;
    int nonEmpty = 0;
    for (const MetricSeries &s : outcome.series) {
        QString why;
        QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
        points += s.size();
        nonEmpty += s.isEmpty() ? 0 : 1;
    }
    if (keys.isEmpty()) {
        QCOMPARE(points, 404); // every row of the file
        QCOMPARE(nonEmpty, 101); // SELECT count(*) FROM (SELECT DISTINCT run_uuid, "key" FROM metrics)
    } else {
        QCOMPARE(outcome.series.size(), runs.size() * keys.size()); // missing keys come empty
        // Delivered run by run, keys in the order asked for.
        for (qsizetype i = 0; i < outcome.series.size(); ++i) {
            QCOMPARE(outcome.series[i].runId, runs[i / keys.size()]);
            QCOMPARE(outcome.series[i].key, keys[i % keys.size()]);
        }
    }
    QCOMPARE(outcome.progress.last(), (std::pair<qint64, qint64>(26, 26)));
}

void TestMetricSeries::mlflow12TieOfStepAndTimestampIsOrderedByValue()
{
    auto reader = openStore(TestSupport::fixturePath(Mlflow12));
    QVERIFY(reader.ok());
    const ReadOutcome outcome = readSeries(**reader, {QStringLiteral("f662d9fdd072422899f1a91dca132e45")},
                                           {QStringLiteral("metric_eq_ts_step")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 1);
    const MetricSeries &s = outcome.series.first();
    QCOMPARE(s.values, (std::vector<double> {-50.67, -1.2, 3.0, 4.7}));
    QCOMPARE(s.steps, (std::vector<qint64> {1, 1, 1, 1}));
    QCOMPARE(s.timestamps, (std::vector<qint64> {100, 100, 100, 100}));
}

void TestMetricSeries::mlflow28FileUsesItsRunIndex()
{
    // A file MLflow 2.8 created, with rows inserted as its SQL store writes them.
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db"), dir);
    {
        SqliteConnection db;
        QCOMPARE(db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code, Error::None);
        QCOMPARE(db.exec(R"SQL(
            BEGIN;
            INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status,
                              start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id)
              VALUES ('bbbb0000000000000000000000000001', 'a', 'UNKNOWN', '', '', 'ann', 'FINISHED', 1, 2, '',
                      'active', '/x', 0),
                     ('bbbb0000000000000000000000000002', 'b', 'UNKNOWN', '', '', 'ann', 'FINISHED', 1, 2, '',
                      'active', '/y', 0);
            INSERT INTO metrics ("key", value, timestamp, run_uuid, step, is_nan) VALUES
              ('loss', 0.9, 30, 'bbbb0000000000000000000000000001', 2, 0),
              ('acc', 0.1, 10, 'bbbb0000000000000000000000000001', 0, 0),
              ('loss', 0.0, 20, 'bbbb0000000000000000000000000001', 1, 1),
              ('loss', 1.0, 10, 'bbbb0000000000000000000000000001', 0, 0),
              ('loss', 2.0, 10, 'bbbb0000000000000000000000000002', 0, 0);
            COMMIT;
        )SQL")
                     .code,
                 Error::None);
    }
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    QCOMPARE(TestSupport::sqliteSchema(**reader).metricHistoryIndex,
             QStringLiteral("index_metrics_run_uuid"));
    const QStringList runs {QStringLiteral("bbbb0000000000000000000000000002"),
                            QStringLiteral("bbbb0000000000000000000000000001")};
    const ReadOutcome outcome = readSeries(**reader, runs, {QStringLiteral("loss"), QStringLiteral("acc")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 4);
    QCOMPARE(outcome.series[0].runId, runs[0]);
    QCOMPARE(outcome.series[0].values, (std::vector<double> {2.0}));
    QVERIFY(outcome.series[1].isEmpty()); // run b has no acc
    const MetricSeries &loss = outcome.series[2];
    QCOMPARE(loss.steps, (std::vector<qint64> {0, 1, 2}));
    QCOMPARE(loss.timestamps, (std::vector<qint64> {10, 20, 30}));
    QCOMPARE(loss.values[0], 1.0);
    QVERIFY(std::isnan(loss.values[1]));
    QCOMPARE(loss.values[2], 0.9);
    for (const MetricSeries &s : outcome.series) {
        QString why;
        QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
    }
}

void TestMetricSeries::unsortedRowsAreSortedAndDuplicatesKept()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    QVERIFY(!TestSupport::sqliteSchema(**reader).metricHistoryIndex.isEmpty());
    const ReadOutcome outcome = readSeries(**reader, {m_runs[0]}, {QStringLiteral("loss")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 1);
    const MetricSeries &s = outcome.series.first();
    QCOMPARE(s.runId, m_runs[0]);
    QCOMPARE(s.key, QStringLiteral("loss"));
    // 9 logged steps (3 and 9 twice; the second 9 is an exact duplicate) + 2 more rows at step 3.
    QCOMPARE(s.steps, (std::vector<qint64> {0, 1, 2, 3, 3, 3, 5, 7, 9}));
    QCOMPARE(s.timestamps[3], 1700000001030); // step 3: by timestamp, then by value
    QCOMPARE(s.values[3], 0.25);
    QCOMPARE(s.values[4], 0.75);
    QCOMPARE(s.timestamps[5], 1700000001031);
    QString why;
    QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
}

void TestMetricSeries::nanAndInfinitySentinelsAsStored()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    const ReadOutcome outcome = readSeries(**reader, {m_runs[0]}, {QStringLiteral("special")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 1);
    const std::vector<double> &v = outcome.series.first().values;
    QCOMPARE(v.size(), size_t(8));
    QCOMPARE(v[0], 1.5);
    QVERIFY(std::isnan(v[1]));
    QCOMPARE(v[2], DBL_MAX); // MLflow stores inf as DBL_MAX and returns it so
    QCOMPARE(v[3], -DBL_MAX);
    QCOMPARE(v[4], DBL_MAX);
    QCOMPARE(v[5], -DBL_MAX);
    // The NaN row orders as its stored 0, tied with the real 0 (storage order then).
    QVERIFY(std::isnan(v[6]) != std::isnan(v[7]));
    QCOMPARE(outcome.series.first().steps[6], 6);
    QCOMPARE(outcome.series.first().steps[7], 6);
}

void TestMetricSeries::severalKeysInOnePass()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    const QStringList keys {QStringLiteral("val/loss"), QStringLiteral("acc")};
    const QStringList runs {m_runs[2], m_runs[1]};
    const ReadOutcome outcome = readSeries(**reader, runs, keys);
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 4);
    for (qsizetype i = 0; i < outcome.series.size(); ++i) {
        const MetricSeries &s = outcome.series[i];
        QCOMPARE(s.runId, runs[i / 2]);
        QCOMPARE(s.key, keys[i % 2]);
        QCOMPARE(s.size(), 200);
        QString why;
        QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
    }
    QCOMPARE(outcome.progress,
             (QList<std::pair<qint64, qint64>> {{0, 2}, {1, 2}, {2, 2}})); // one step per run
}

void TestMetricSeries::everyKeyWhenNoKeyIsGiven()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    const ReadOutcome outcome = readSeries(**reader, m_runs, {});
    QCOMPARE(outcome.error.code, Error::None);
    QStringList got;
    for (const MetricSeries &s : outcome.series) {
        got.append(QString::number(m_runs.indexOf(s.runId)) + QLatin1Char(':') + s.key);
        QString why;
        QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
    }
    QCOMPARE(
        got,
        (QStringList {"0:loss", "0:special", "1:acc", "1:lr", "1:val/loss", "2:acc", "2:lr", "2:val/loss"}));
}

void TestMetricSeries::missingKeyIsDeliveredEmpty()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    const ReadOutcome outcome = readSeries(**reader, {m_runs[1]}, {QStringLiteral("no_such_metric")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), 1);
    QVERIFY(outcome.series.first().isEmpty());
    QCOMPARE(outcome.series.first().key, QStringLiteral("no_such_metric"));
}

void TestMetricSeries::unknownRunFailsBeforeDelivering()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    const ReadOutcome outcome = readSeries(
        **reader, {m_runs[1], QStringLiteral("0123456789abcdef0123456789abcdef")}, {QStringLiteral("acc")});
    QCOMPARE(outcome.error.code, Error::NoSuchRun);
    QVERIFY(outcome.error.message.contains(QStringLiteral("0123456789abcdef0123456789abcdef")));
    QVERIFY(outcome.series.isEmpty());

    auto old = openStore(TestSupport::fixturePath(Mlflow12));
    QVERIFY(old.ok());
    QCOMPARE(readSeries(**old, {QStringLiteral("nope")}, {}).error.code, Error::NoSuchRun);
}

void TestMetricSeries::cancellationStopsBetweenRuns()
{
    QTemporaryDir dir;
    const QString path = buildStore(dir);
    QVERIFY(!path.isEmpty());
    auto reader = openStore(path);
    QVERIFY(reader.ok());

    CancelFlag cancel {true};
    ReadOutcome outcome = readSeries(**reader, m_runs, {QStringLiteral("acc")}, &cancel);
    QCOMPARE(outcome.error.code, Error::Cancelled);
    QVERIFY(outcome.series.isEmpty());

    // Cancelled from the delivery of the first run: the second run is never read.
    cancel = false;
    QList<MetricSeries> delivered;
    const Error error = (*reader)->readMetricSeries(
        {m_runs[1], m_runs[2]}, {QStringLiteral("acc"), QStringLiteral("lr")},
        [&](MetricSeries &&s) {
            delivered.append(std::move(s));
            cancel = true;
        },
        &cancel);
    QCOMPARE(error.code, Error::Cancelled);
    QCOMPARE(delivered.size(), 2); // both keys of the first run, nothing of the second
    QCOMPARE(delivered[1].runId, m_runs[1]);
}

void TestMetricSeries::schemaWithoutStepAndIsNan()
{
    // Before MLflow 1.0: metrics (key, value, timestamp, run_uuid) and no alembic revision.
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(Mlflow12, dir);
    {
        SqliteConnection db;
        QCOMPARE(db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code, Error::None);
        QCOMPARE(db.exec(R"SQL(
            BEGIN;
            CREATE TABLE old_metrics ("key" VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
                run_uuid VARCHAR(32) NOT NULL, CONSTRAINT metric_pk PRIMARY KEY ("key", timestamp, run_uuid),
                FOREIGN KEY(run_uuid) REFERENCES runs (run_uuid));
            INSERT OR IGNORE INTO old_metrics SELECT "key", value, timestamp, run_uuid FROM metrics ORDER BY rowid DESC;
            DROP TABLE metrics;
            ALTER TABLE old_metrics RENAME TO metrics;
            DROP TABLE alembic_version;
            COMMIT;
        )SQL")
                     .code,
                 Error::None);
    }
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    QVERIFY(!TestSupport::sqliteSchema(**reader).hasMetricStep);
    QVERIFY(!TestSupport::sqliteSchema(**reader).hasMetricIsNan);
    const QStringList runs = allRunIds(path);
    const ReadOutcome outcome
        = readSeries(**reader, runs, {QStringLiteral("metric_0"), QStringLiteral("metric_2")});
    QCOMPARE(outcome.error.code, Error::None);
    QCOMPARE(outcome.series.size(), runs.size() * 2);
    qint64 points = 0;
    for (const MetricSeries &s : outcome.series) {
        for (qint64 step : s.steps)
            QCOMPARE(step, 0);
        QVERIFY(std::is_sorted(s.timestamps.begin(), s.timestamps.end()));
        points += s.size();
        QString why;
        QVERIFY2(matchesHistory(**reader, s, &why), qPrintable(why));
    }
    QVERIFY(points > 0);
}

void TestMetricSeries::arraysHoldNoSlack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.db"));
    QString runId;
    constexpr int Points = 100000;
    {
        auto builder = StoreBuilder::create(path);
        QVERIFY(builder.ok());
        runId = (*builder)->addRun({.experimentId = 0, .name = QStringLiteral("big")});
        for (int i = 0; i < Points; ++i) {
            (*builder)->logMetric(runId, QStringLiteral("loss"), 1.0 / (i + 1), 1700000000000 + i, i);
            if (i % 3 == 0)
                (*builder)->logMetric(runId, QStringLiteral("acc"), i * 0.5, 1700000000000 + i, i);
        }
        QCOMPARE((*builder)->finish().code, Error::None);
    }
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    // One key (arrays sized from a count) and two keys (grown, then trimmed).
    for (const QStringList &keys : {QStringList {QStringLiteral("loss")},
                                    QStringList {QStringLiteral("acc"), QStringLiteral("loss")}}) {
        const ReadOutcome outcome = readSeries(**reader, {runId}, keys);
        QCOMPARE(outcome.error.code, Error::None);
        for (const MetricSeries &s : outcome.series) {
            QCOMPARE(s.size(), s.key == QLatin1String("loss") ? Points : (Points + 2) / 3);
            QCOMPARE(s.memoryFootprint(), qint64(s.size()) * 24);
        }
    }
}

void TestMetricSeries::readingLeavesTheFileUntouched()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(Mlflow12, dir);
    const QByteArray before = TestSupport::fileHash(path);
    {
        auto reader = openStore(path);
        QVERIFY(reader.ok());
        QCOMPARE(readSeries(**reader, allRunIds(path), {}).error.code, Error::None);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});
    }
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestMetricSeries::bulkHistoryWritesWhatLogMetricWrites()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<qint64> steps {0, 2, 1, 2, 2, 3, 3, 4};
    const std::vector<qint64> times {10, 30, 20, 30, 30, 40, 40, 50};
    const std::vector<double> values {0.5, 0.25, nan, 0.75, 0.25, std::numeric_limits<double>::infinity(),
                                      nan, -1};
    QTemporaryDir dir;
    const auto build = [&](const QString &name, bool bulk) {
        const QString path = dir.filePath(name);
        StoreBuilder::Options options;
        options.now = 1700000000000;
        auto builder = StoreBuilder::create(path, options);
        if (!builder)
            return QString();
        const QString run = (*builder)->addRun({.experimentId = 0, .runId = QStringLiteral("r1")});
        if (bulk) {
            (*builder)->logMetricHistory(run, QStringLiteral("m"), steps, times, values);
            // A later batch with a smaller last point leaves latest_metrics alone.
            (*builder)->logMetricHistory(run, QStringLiteral("m"), std::vector<qint64> {1},
                                         std::vector<qint64> {99}, std::vector<double> {7});
        } else {
            for (size_t i = 0; i < values.size(); ++i)
                (*builder)->logMetric(run, QStringLiteral("m"), values[i], times[i], steps[i]);
            (*builder)->logMetric(run, QStringLiteral("m"), 7, 99, 1);
        }
        return (*builder)->finish().ok() ? path : QString();
    };
    const QString one = build(QStringLiteral("one.db"), false);
    const QString bulk = build(QStringLiteral("bulk.db"), true);
    QVERIFY(!one.isEmpty() && !bulk.isEmpty());
    const auto dump = [](const QString &path) {
        QStringList rows;
        SqliteConnection db;
        if (db.open(path, SqliteConnection::Mode::ReadOnly, 1000).code != Error::None)
            return rows;
        for (const char *sql :
             {"SELECT \"key\", value, timestamp, run_uuid, step, is_nan FROM metrics ORDER BY rowid",
              "SELECT \"key\", value, timestamp, run_uuid, step, is_nan FROM latest_metrics"}) {
            SqliteStatement query(db, sql);
            while (query.step()) {
                QStringList row;
                for (int c = 0; c < query.columnCount(); ++c)
                    row.append(query.string(c));
                rows.append(row.join(u'|'));
            }
        }
        return rows;
    };
    const QStringList expected = dump(one);
    QCOMPARE(expected.size(), 8 + 1); // one exact duplicate dropped, one latest row
    QCOMPARE(dump(bulk), expected);
}

QTEST_GUILESS_MAIN(TestMetricSeries)
#include "tst_metricseries.moc"
