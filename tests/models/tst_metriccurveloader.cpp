#include "metriccurveloader.h"
#include "metricseriesloader.h"
#include "sqlitehandle.h"
#include "storebuilder.h"

#include <QFile>
#include <QFutureWatcherBase>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using CurveKey = MetricCurveLoader::CurveKey;

namespace {

constexpr qint64 FirstStart = 1'700'000'000'000;
constexpr int Points = 2000;

MetricCurve::LineOptions lineOf(CurveMath::XAxis axis, double smoothing = 0)
{
    MetricCurve::LineOptions options;
    options.xAxis = axis;
    options.smoothing = smoothing;
    return options;
}

} // namespace

class TestMetricCurveLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void curvesArriveThroughTheEventLoop();
    void curvesArriveWithTheWantedLines();
    void curvesOfDroppedRunsAreDropped();
    void curveOfARunDroppedWhileItIsPreparedIsDropped();
    void newLocationDropsEveryCurve();
    void failedLoadIsReported();
    void smallLineChangesAreBuiltAtOnce();
    void largeLineChangesAreBuiltOnAWorker();
    void newerLineChangeSupersedesOlder();
    void curvesOfSeveralStores();

private:
    // A loader on the store with the curves of every run's "loss" and "lr" read.
    bool loadAll(MetricCurveLoader &loader);
    // The runs of `location` (the store of 3 runs when empty), with their start times.
    QHash<QString, MetricCurveLoader::CurveRun> curveRuns(const QStringList &runs,
                                                          const QString &location = {}) const;
    QList<CurveKey> wanted(const QStringList &runs, const QStringList &keys) const;
    // Whether the "loss" curve of every run has that line.
    bool everyCurveHas(const MetricCurveLoader &loader, const MetricCurve::LineOptions &line) const;

    QTemporaryDir m_dir;
    QString m_store; // 3 runs x 2000 steps of "loss"; "lr" in run 1 only
    QStringList m_runs;
};

void TestMetricCurveLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("curves.db"));
    auto builder = Store::StoreBuilder::create(m_store);
    QVERIFY(builder);
    Store::StoreBuilder &b = **builder;
    for (int r = 0; r < 3; ++r) {
        m_runs.append(b.addRun({.experimentId = 0,
                                .name = QStringLiteral("run-%1").arg(r),
                                .startTime = FirstStart + r * 1000}));
    }
    for (int r = 0; r < 3; ++r) {
        for (int i = 0; i < Points; ++i) {
            const qint64 time = FirstStart + r * 1000 + qint64(i) * 10;
            b.logMetric(m_runs[r], QStringLiteral("loss"), std::exp(-i * 1e-3) + r, time, i);
            if (r == 1)
                b.logMetric(m_runs[r], QStringLiteral("lr"), 0.1 / (1 + i), time, i);
        }
    }
    QCOMPARE(b.finish().code, Store::Error::None);
}

QHash<QString, MetricCurveLoader::CurveRun> TestMetricCurveLoader::curveRuns(const QStringList &runs,
                                                                             const QString &location) const
{
    QHash<QString, MetricCurveLoader::CurveRun> curveRuns;
    for (const QString &run : runs)
        curveRuns.insert(
            run, {location.isEmpty() ? m_store : location, run, FirstStart + m_runs.indexOf(run) * 1000});
    return curveRuns;
}

QList<CurveKey> TestMetricCurveLoader::wanted(const QStringList &runs, const QStringList &keys) const
{
    QList<CurveKey> curves;
    for (const QString &run : runs) {
        for (const QString &key : keys)
            curves.append({run, key});
    }
    return curves;
}

bool TestMetricCurveLoader::everyCurveHas(const MetricCurveLoader &loader,
                                          const MetricCurve::LineOptions &line) const
{
    return std::all_of(m_runs.cbegin(), m_runs.cend(), [&](const QString &run) {
        const std::shared_ptr<MetricCurve> curve = loader.curve(run, QStringLiteral("loss"));
        return curve && curve->hasLine(line);
    });
}

bool TestMetricCurveLoader::loadAll(MetricCurveLoader &loader)
{
    loader.setLocation(m_store);
    loader.setRuns(curveRuns(m_runs));
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    return !loader.load(wanted(m_runs, {QStringLiteral("loss"), QStringLiteral("lr")})) && loaded.wait(20000);
}

void TestMetricCurveLoader::curvesArriveThroughTheEventLoop()
{
    MetricCurveLoader loader;
    loader.setLocation(m_store);
    loader.setRuns(curveRuns(m_runs));
    QSignalSpy added(&loader, &MetricCurveLoader::curveAdded);
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    const QList<CurveKey> all = wanted(m_runs, {QStringLiteral("loss"), QStringLiteral("lr")});

    QVERIFY(!loader.load(all));
    QVERIFY(loader.isLoading());
    QCOMPARE(added.count(), 0);
    QVERIFY(!loader.curve(m_runs[0], QStringLiteral("loss")));
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(added.count(), 3 + 1); // loss of every run, lr of run 1
    for (int r = 0; r < 3; ++r) {
        const std::shared_ptr<MetricCurve> curve = loader.curve(m_runs[r], QStringLiteral("loss"));
        QVERIFY(curve);
        QCOMPARE(curve->size(), Points);
        QCOMPARE(curve->startTime(), FirstStart + r * 1000);
        QCOMPARE(bool(loader.curve(m_runs[r], QStringLiteral("lr"))), r == 1);
    }

    // Everything is read (lr of runs 0 and 2 is known to have no rows): nothing to load.
    QVERIFY(loader.load(all));
    QVERIFY(!loader.isLoading());
}

void TestMetricCurveLoader::curvesArriveWithTheWantedLines()
{
    MetricCurveLoader loader;
    const QList<MetricCurve::LineOptions> lines {lineOf(CurveMath::XAxis::WallTime),
                                                 lineOf(CurveMath::XAxis::WallTime, 0.5)};
    loader.setLines(lines);
    QVERIFY(loadAll(loader));
    for (const MetricCurve::LineOptions &options : lines)
        QVERIFY(everyCurveHas(loader, options)); // built on the worker, not on first draw
}

void TestMetricCurveLoader::curvesOfDroppedRunsAreDropped()
{
    MetricCurveLoader loader;
    loader.setLocation(m_store);
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    loader.setRuns(curveRuns({m_runs[0], m_runs[1]}));
    QVERIFY(!loader.load(wanted({m_runs[0], m_runs[1]}, {QStringLiteral("loss")})));
    // Run 0 is deselected before any of the first load arrived: a newer request without it.
    loader.setRuns(curveRuns({m_runs[1]}));
    QVERIFY(!loader.load(wanted({m_runs[1]}, {QStringLiteral("loss")})));
    QVERIFY(loaded.wait(20000));
    QVERIFY(loader.curve(m_runs[1], QStringLiteral("loss")));
    QVERIFY(!loader.curve(m_runs[0], QStringLiteral("loss")));

    // Selected again, it is read again (it was not taken for a curve without rows).
    loader.setRuns(curveRuns({m_runs[0], m_runs[1]}));
    QVERIFY(!loader.load(wanted({m_runs[0], m_runs[1]}, {QStringLiteral("loss")})));
    QVERIFY(loaded.wait(20000));
    QVERIFY(loader.curve(m_runs[0], QStringLiteral("loss")));

    // Deselecting drops the curve at once.
    loader.setRuns(curveRuns({m_runs[1]}));
    QVERIFY(!loader.curve(m_runs[0], QStringLiteral("loss")));
    QVERIFY(loader.curve(m_runs[1], QStringLiteral("loss")));
}

void TestMetricCurveLoader::curveOfARunDroppedWhileItIsPreparedIsDropped()
{
    MetricCurveLoader loader;
    loader.setLocation(m_store);
    loader.setRuns(curveRuns(m_runs));
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    // The first series read is being made into a curve on a worker when its run is dropped.
    QString dropped;
    connect(loader.seriesLoader(), &MetricSeriesLoader::seriesLoaded, this,
            [&](const Store::MetricSeriesPtr &series) {
                if (!dropped.isEmpty())
                    return;
                dropped = series->runId;
                QStringList others = m_runs;
                others.removeOne(dropped);
                loader.setRuns(curveRuns(others));
                QVERIFY(!loader.load(wanted(others, {QStringLiteral("loss")})));
            });
    QVERIFY(!loader.load(wanted(m_runs, {QStringLiteral("loss")})));
    QVERIFY(loaded.wait(20000));
    QVERIFY(!dropped.isEmpty());
    QVERIFY(!loader.curve(dropped, QStringLiteral("loss")));
    for (const QString &run : std::as_const(m_runs))
        QCOMPARE(bool(loader.curve(run, QStringLiteral("loss"))), run != dropped);
}

void TestMetricCurveLoader::newLocationDropsEveryCurve()
{
    MetricCurveLoader loader;
    QVERIFY(loadAll(loader));
    QVERIFY(loader.curve(m_runs[0], QStringLiteral("loss")));
    loader.setLocation(m_store);
    QVERIFY(!loader.curve(m_runs[0], QStringLiteral("loss")));
    // Nothing is known any more, not even the curves without rows.
    QVERIFY(!loader.load(wanted({m_runs[0]}, {QStringLiteral("lr")})));
}

void TestMetricCurveLoader::failedLoadIsReported()
{
    MetricCurveLoader loader;
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    loader.setLocation(missing);
    loader.setRuns(curveRuns(m_runs, missing));
    QSignalSpy failed(&loader, &MetricCurveLoader::loadFailed);
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    QVERIFY(!loader.load(wanted(m_runs, {QStringLiteral("loss")})));
    QVERIFY(failed.wait(20000));
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!loader.curve(m_runs[0], QStringLiteral("loss")));
}

void TestMetricCurveLoader::smallLineChangesAreBuiltAtOnce()
{
    MetricCurveLoader loader;
    QVERIFY(loadAll(loader));
    QSignalSpy ready(&loader, &MetricCurveLoader::linesReady);
    const MetricCurve::LineOptions wall = lineOf(CurveMath::XAxis::WallTime);
    loader.setLines({wall});
    QCOMPARE(ready.count(), 1);
    QVERIFY(!loader.isPreparingLines());
    QVERIFY(everyCurveHas(loader, wall));
}

void TestMetricCurveLoader::largeLineChangesAreBuiltOnAWorker()
{
    MetricCurveLoader loader;
    QVERIFY(loadAll(loader));
    loader.setInlineLineLimit(0); // every change counts as large
    QSignalSpy ready(&loader, &MetricCurveLoader::linesReady);
    const MetricCurve::LineOptions wall = lineOf(CurveMath::XAxis::WallTime);
    const std::shared_ptr<MetricCurve> curve = loader.curve(m_runs[0], QStringLiteral("loss"));
    loader.setLines({wall});
    QVERIFY(loader.isPreparingLines());
    QCOMPARE(ready.count(), 0);
    QVERIFY(!curve->hasLine(wall)); // adopted only when all are built, back on this thread
    QVERIFY(ready.wait(20000));
    QCOMPARE(ready.count(), 1);
    QVERIFY(!loader.isPreparingLines());
    QVERIFY(everyCurveHas(loader, wall));
}

void TestMetricCurveLoader::newerLineChangeSupersedesOlder()
{
    MetricCurveLoader loader;
    QVERIFY(loadAll(loader));
    loader.setInlineLineLimit(0);
    QSignalSpy ready(&loader, &MetricCurveLoader::linesReady);
    const MetricCurve::LineOptions wall = lineOf(CurveMath::XAxis::WallTime);
    const MetricCurve::LineOptions smoothed = lineOf(CurveMath::XAxis::Step, 0.3);
    bool readyWithNewest = false;
    connect(&loader, &MetricCurveLoader::linesReady, this,
            [&] { readyWithNewest = everyCurveHas(loader, smoothed); });
    loader.setLines({wall});
    loader.setLines({smoothed});
    QVERIFY(ready.wait(20000));
    QVERIFY(readyWithNewest);
    // Both builds have reported (each through its watcher): the older one's lines were dropped.
    QTRY_VERIFY_WITH_TIMEOUT(loader.findChildren<QFutureWatcherBase *>().isEmpty(), 20000);
    QCOMPARE(ready.count(), 1);
    QVERIFY(!loader.isPreparingLines());
    QVERIFY(everyCurveHas(loader, smoothed));
    for (const QString &run : std::as_const(m_runs))
        QVERIFY(!loader.curve(run, QStringLiteral("loss"))->hasLine(wall));
}

// Runs of two stores charted together: the store and a copy of it (the same run ids), where the
// copy's run 0 has no "loss" yet. Each curve is read from its own store, and a refresh reads
// what the copy gains.
void TestMetricCurveLoader::curvesOfSeveralStores()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_store, copy));
    Store::SqliteConnection db;
    QCOMPARE(db.open(copy, Store::SqliteConnection::Mode::ReadWrite, 1000).code, Store::Error::None);
    QCOMPARE(
        db.exec("DELETE FROM metrics WHERE run_uuid = '" + m_runs[0].toLatin1() + "' AND key = 'loss';").code,
        Store::Error::None);

    MetricCurveLoader loader;
    loader.setLocation(m_store);
    const QString copied = copy + QLatin1Char('\n') + m_runs[0]; // the run browser's key for it
    loader.setRuns(QHash<QString, MetricCurveLoader::CurveRun> {
        {m_runs[0], {m_store, m_runs[0], FirstStart}},
        {copied, {copy, m_runs[0], FirstStart}},
        {m_runs[1], {m_store, m_runs[1], FirstStart + 1000}},
    });
    QSignalSpy loaded(&loader, &MetricCurveLoader::curvesLoaded);
    const QString loss = QStringLiteral("loss");
    QVERIFY(!loader.load({{m_runs[0], loss}, {copied, loss}, {m_runs[1], loss}}));
    QVERIFY(loader.isLoading());
    QVERIFY(loaded.wait(20000));
    QCOMPARE(loaded.count(), 1); // once both stores are read
    QVERIFY(!loader.isLoading());
    QVERIFY(loader.curve(m_runs[0], loss));
    QCOMPARE(loader.curve(m_runs[0], loss)->series().size(), Points);
    QVERIFY(loader.curve(m_runs[1], loss));
    QVERIFY(!loader.curve(copied, loss)); // read from the copy, where it has no rows
    QVERIFY(loader.load({{m_runs[0], loss}, {copied, loss}, {m_runs[1], loss}})); // nothing missing

    // The copy's run logs its first points: a refresh reads them from the copy alone.
    QCOMPARE(
        db.exec("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ('loss', 0.5, "
                + QByteArray::number(FirstStart) + ", '" + m_runs[0].toLatin1() + "', 0, 0);")
            .code,
        Store::Error::None);
    QSignalSpy refreshed(&loader, &MetricCurveLoader::refreshed);
    loader.refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(loader.curve(copied, loss));
    QCOMPARE(loader.curve(copied, loss)->series().size(), 1);
    QCOMPARE(loader.curve(copied, loss)->series().values.front(), 0.5);
    QCOMPARE(loader.curve(m_runs[0], loss)->series().size(), Points);
}

QTEST_MAIN(TestMetricCurveLoader)
#include "tst_metriccurveloader.moc"
