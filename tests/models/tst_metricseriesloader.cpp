#include "metricseriesloader.h"
#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <utility>

using Store::MetricSeriesPtr;

namespace {

bool sameValue(double a, double b)
{
    return std::isnan(a) ? std::isnan(b) : a == b;
}

// The series holds exactly the rows MlflowStore::metricHistory (`kaizen history`) returns.
bool matchesHistory(const QString &path, const Store::MetricSeries &series, QString *why)
{
    auto reader = Store::openStore(path);
    if (!reader) {
        *why = reader.error().message;
        return false;
    }
    const auto history = (*reader)->metricHistory(series.runId, series.key);
    if (!history || history->points.size() != series.size()) {
        *why = QStringLiteral("%1/%2: %3 points, history %4")
                   .arg(series.runId, series.key)
                   .arg(series.size())
                   .arg(history ? history->points.size() : -1);
        return false;
    }
    for (qsizetype i = 0; i < series.size(); ++i) {
        const Store::MetricPoint &p = history->points[i];
        const size_t j = size_t(i);
        if (p.step != series.steps[j] || p.timestamp != series.timestamps[j]
            || !sameValue(p.value, series.values[j])) {
            *why = QStringLiteral("%1/%2: point %3 differs").arg(series.runId, series.key).arg(i);
            return false;
        }
    }
    return true;
}

QList<MetricSeriesPtr> seriesOf(const QSignalSpy &spy)
{
    QList<MetricSeriesPtr> list;
    for (const QList<QVariant> &arguments : spy)
        list.append(arguments.first().value<MetricSeriesPtr>());
    return list;
}

} // namespace

class TestMetricSeriesLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loadsEverySeriesOnTwoThreads();
    void mlflow12Fixture();
    void nothingIsEmittedFromLoad();
    void cacheHitDeliversWithoutReading();
    void missingKeyIsCachedAsEmpty();
    void newLocationDropsTheCache();
    void leastRecentlyUsedLeavesFirst();
    void supersededLoadIsDropped();
    void cancelStopsTheLoad();
    void unknownRunFails();
    void missingFileFails();

private:
    // Builds `runs` runs of `points` steps of "loss", "acc" and (for odd runs) "lr" into `path`.
    static QStringList build(const QString &path, int runs, int points);

    QTemporaryDir m_dir;
    QString m_store; // 6 runs x 3000 points
    QStringList m_runs;
    QString m_big; // 4 runs x 60000 points
    QStringList m_bigRuns;
};

QStringList TestMetricSeriesLoader::build(const QString &path, int runs, int points)
{
    QStringList ids;
    Store::StoreBuilder::Options options;
    options.deferIndexes = true;
    auto builder = Store::StoreBuilder::create(path, options);
    if (!builder)
        return {};
    Store::StoreBuilder &b = **builder;
    for (int r = 0; r < runs; ++r)
        ids.append(b.addRun({.experimentId = 0, .name = QStringLiteral("run-%1").arg(r)}));
    for (int r = 0; r < runs; ++r) {
        for (int i = 0; i < points; ++i) {
            // Some steps arrive late, as from an asynchronous logger.
            const int step = i % 97 == 5 ? i - 3 : i;
            const qint64 time = 1700000000000 + qint64(i) * 10;
            b.logMetric(ids[r], QStringLiteral("loss"), std::exp(-i * 1e-3) + std::sin(i + r) * 0.01, time,
                        step);
            b.logMetric(ids[r], QStringLiteral("acc"), i % 500 == 7 ? NAN : 1 - std::exp(-i * 1e-3), time,
                        step);
            if (r % 2 == 1)
                b.logMetric(ids[r], QStringLiteral("lr"), 0.1 / (1 + i), time, step);
        }
    }
    if (!b.finish().ok())
        return {};
    return ids;
}

void TestMetricSeriesLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("small.db"));
    m_runs = build(m_store, 6, 3000);
    QCOMPARE(m_runs.size(), 6);
    m_big = m_dir.filePath(QStringLiteral("big.db"));
    m_bigRuns = build(m_big, 4, 60000);
    QCOMPARE(m_bigRuns.size(), 4);
}

void TestMetricSeriesLoader::loadsEverySeriesOnTwoThreads()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    QSignalSpy failed(&loader, &MetricSeriesLoader::loadFailed);
    QSignalSpy progress(&loader, &MetricSeriesLoader::progressChanged);
    QSignalSpy loading(&loader, &MetricSeriesLoader::loadingChanged);
    int seriesBeforeFinish = -1;
    connect(&loader, &MetricSeriesLoader::loadFinished, this,
            [&] { seriesBeforeFinish = int(loaded.count()); });

    const QStringList keys {QStringLiteral("loss"), QStringLiteral("lr")};
    loader.load(m_runs, keys);
    QVERIFY(loader.isLoading());
    QVERIFY(finished.wait(20000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.last().first().toBool(), false);

    // loss of 6 runs, lr of the 3 odd ones: one signal per (run, key) with rows.
    const QList<MetricSeriesPtr> series = seriesOf(loaded);
    QCOMPARE(series.size(), 9);
    QCOMPARE(seriesBeforeFinish, 9);
    QSet<QString> seen;
    for (const MetricSeriesPtr &s : series) {
        QVERIFY(keys.contains(s->key));
        QCOMPARE(s->size(), 3000);
        QVERIFY(!seen.contains(s->runId + s->key));
        seen.insert(s->runId + s->key);
        QString why;
        QVERIFY2(matchesHistory(m_store, *s, &why), qPrintable(why));
        QCOMPARE(loader.cachedSeries(s->runId, s->key), s); // resident, shared, not copied
    }
    QCOMPARE(progress.last().at(0).toLongLong(), 6);
    QCOMPARE(progress.last().at(1).toLongLong(), 6);
    QVERIFY(loader.cachedSeries(m_runs[0], QStringLiteral("lr"))->isEmpty()); // known to have none
}

void TestMetricSeriesLoader::mlflow12Fixture()
{
    const QString path = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
    QStringList runs;
    {
        Store::SqliteConnection db;
        QCOMPARE(db.open(path, Store::SqliteConnection::Mode::ReadOnly, 1000).code, Store::Error::None);
        Store::SqliteStatement query(db, "SELECT run_uuid FROM runs");
        while (query.step())
            runs.append(query.string(0));
    }
    QCOMPARE(runs.size(), 26);
    MetricSeriesLoader loader;
    loader.setLocation(QStringLiteral("sqlite:///") + path);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.load(runs, {QStringLiteral("metric_0"), QStringLiteral("metric_eq_ts_step")});
    QVERIFY(finished.wait(20000));
    const QList<MetricSeriesPtr> series = seriesOf(loaded);
    QCOMPARE(series.size(), 25 + 1); // metric_0 in 25 runs (one lacks it), the tie in one
    for (const MetricSeriesPtr &s : series) {
        QString why;
        QVERIFY2(matchesHistory(path, *s, &why), qPrintable(why));
    }
}

void TestMetricSeriesLoader::nothingIsEmittedFromLoad()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.load({m_runs[0]}, {QStringLiteral("loss")});
    QCOMPARE(loaded.count(), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(loaded.count(), 1);
    // All of it cached: still delivered through the event loop.
    loader.load({m_runs[0]}, {QStringLiteral("loss")});
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.wait(20000));
    QCOMPARE(loaded.count(), 2);
}

void TestMetricSeriesLoader::cacheHitDeliversWithoutReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moved.db"));
    QVERIFY(QFile::copy(m_store, path));
    MetricSeriesLoader loader;
    loader.setLocation(path);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    QSignalSpy failed(&loader, &MetricSeriesLoader::loadFailed);
    const QStringList runs {m_runs[1], m_runs[2], m_runs[3]};
    loader.load(runs, {QStringLiteral("acc"), QStringLiteral("lr")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(loaded.count(), 5);
    const QList<MetricSeriesPtr> first = seriesOf(loaded);

    // With the file gone, only the cache can answer.
    QVERIFY(QFile::remove(path));
    loaded.clear();
    loader.load(runs, {QStringLiteral("lr"), QStringLiteral("acc")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(failed.count(), 0);
    const QList<MetricSeriesPtr> again = seriesOf(loaded);
    QCOMPARE(again.size(), 5);
    for (const MetricSeriesPtr &s : again)
        QVERIFY(first.contains(s)); // the same objects, not re-read

    // A key that was never read needs the file, which is gone.
    loader.load(runs, {QStringLiteral("loss")});
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<Store::Error>().code, Store::Error::NotFound);
}

void TestMetricSeriesLoader::missingKeyIsCachedAsEmpty()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.load({m_runs[0]}, {QStringLiteral("no_such_key")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(loaded.count(), 0);
    const MetricSeriesPtr empty = loader.cachedSeries(m_runs[0], QStringLiteral("no_such_key"));
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
}

void TestMetricSeriesLoader::newLocationDropsTheCache()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.load(m_runs, {QStringLiteral("loss")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(loader.cachedCount(), 6);
    QVERIFY(loader.cacheBytes() >= 6 * 3000 * 24);
    loader.setLocation(m_big);
    QCOMPARE(loader.cachedCount(), 0);
    QCOMPARE(loader.cacheBytes(), 0);
    QVERIFY(!loader.cachedSeries(m_runs[0], QStringLiteral("loss")));
}

void TestMetricSeriesLoader::leastRecentlyUsedLeavesFirst()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.setCacheBudget(2 * (3000 * 24 + 1024)); // two series
    loader.load({m_runs[0]}, {QStringLiteral("loss")});
    QVERIFY(finished.wait(20000));
    loader.load({m_runs[1]}, {QStringLiteral("loss")});
    QVERIFY(finished.wait(20000));
    loader.load({m_runs[0]}, {QStringLiteral("loss")}); // a hit: run 0 is now the most recent
    QVERIFY(finished.wait(20000));
    loader.load({m_runs[2]}, {QStringLiteral("loss")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(loader.cachedCount(), 2);
    QVERIFY(loader.cacheBytes() <= loader.cacheBudget());
    QVERIFY(loader.cachedSeries(m_runs[0], QStringLiteral("loss")));
    QVERIFY(!loader.cachedSeries(m_runs[1], QStringLiteral("loss")));
    QVERIFY(loader.cachedSeries(m_runs[2], QStringLiteral("loss")));
}

void TestMetricSeriesLoader::supersededLoadIsDropped()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_big);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    QSignalSpy failed(&loader, &MetricSeriesLoader::loadFailed);
    // The first series of the first load starts another one: the rest of the first load (the
    // other key of that run, queued already, and the runs being read) must not arrive.
    bool superseded = false;
    connect(&loader, &MetricSeriesLoader::seriesLoaded, this, [&] {
        if (std::exchange(superseded, true))
            return;
        loader.load({m_bigRuns[1], m_bigRuns[3]}, {QStringLiteral("lr")});
    });
    loader.load(m_bigRuns, {QStringLiteral("loss"), QStringLiteral("acc")});
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 0);
    QList<MetricSeriesPtr> series = seriesOf(loaded);
    QCOMPARE(series.size(), 1 + 2);
    QVERIFY(series.first()->key != QLatin1String("lr"));
    for (const MetricSeriesPtr &s : series.mid(1)) {
        QCOMPARE(s->key, QStringLiteral("lr"));
        QCOMPARE(s->size(), 60000);
    }
    // Whatever the first load still delivers after this point is dropped too.
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 30000);
    loader.load({m_bigRuns[1]}, {QStringLiteral("lr")}); // answered from the cache, after any stale call
    QVERIFY(finished.wait(20000));
    series = seriesOf(loaded);
    QCOMPARE(series.size(), 4);
    QCOMPARE(series.last()->key, QStringLiteral("lr"));
}

void TestMetricSeriesLoader::cancelStopsTheLoad()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_big);
    QSignalSpy loaded(&loader, &MetricSeriesLoader::seriesLoaded);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    QSignalSpy loading(&loader, &MetricSeriesLoader::loadingChanged);
    loader.load(m_bigRuns, {QStringLiteral("loss")});
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 30000);
    // A later load's results arrive after anything the cancelled one queued.
    loader.load({m_bigRuns[0]}, {QStringLiteral("no_such_key")});
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(loaded.count(), 0);
}

void TestMetricSeriesLoader::unknownRunFails()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_store);
    QSignalSpy failed(&loader, &MetricSeriesLoader::loadFailed);
    QSignalSpy finished(&loader, &MetricSeriesLoader::loadFinished);
    loader.load({m_runs[0], QStringLiteral("0123456789abcdef0123456789abcdef")}, {QStringLiteral("loss")});
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<Store::Error>().code, Store::Error::NoSuchRun);
    QVERIFY(!loader.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 20000);
    QCOMPARE(finished.count(), 0);
}

void TestMetricSeriesLoader::missingFileFails()
{
    MetricSeriesLoader loader;
    loader.setLocation(m_dir.filePath(QStringLiteral("nothing-here.db")));
    QSignalSpy failed(&loader, &MetricSeriesLoader::loadFailed);
    loader.load({m_runs[0], m_runs[1]}, {QStringLiteral("loss")});
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<Store::Error>().code, Store::Error::NotFound);
    QTRY_VERIFY_WITH_TIMEOUT(!loader.isBusy(), 20000);
    QCOMPARE(failed.count(), 1); // the second reader's failure belongs to a finished load
}

QTEST_GUILESS_MAIN(TestMetricSeriesLoader)
#include "tst_metricseriesloader.moc"
