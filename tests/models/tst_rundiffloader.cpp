#include "nestedrunsstore.h"
#include "rundiffloader.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace RunDiff;
using namespace NestedRunsStore;

class TestRunDiffLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readDiffSummarisesHistories();
    void readDiffWithGivenTable();
    void twoStores();
    void unknownRunFails();
    void loaderDeliversOnGuiThread();
    void supersededResultsAreDropped();
    void unreadableStoreFails();
    void detachedSourceKeepsOneRun();
    void availableDiffLeavesOutWhatIsGone();
    void loaderSkipsUnavailableRuns();
    void cancelIsSignalled();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestRunDiffLoader::initTestCase()
{
    m_path = NestedRunsStore::build(m_dir);
    QVERIFY(!m_path.isEmpty());
}

void TestRunDiffLoader::readDiffSummarisesHistories()
{
    const auto diff = readDiff({{m_path, runId(Sweep)}, {m_path, runId(ChildB)}, {m_path, runId(Orphan)}});
    QVERIFY2(diff.ok(), qPrintable(diff.ok() ? QString() : diff.error().message));
    QCOMPARE(diff->runs.size(), 3);
    QCOMPARE(diff->runs[0].runName, QStringLiteral("sweep"));
    QCOMPARE(diff->runs[0].experimentName, QStringLiteral("nested"));
    QCOMPARE(diff->runs[1].runId, runId(ChildB));

    QCOMPARE(diff->params.size(), 1);
    const TextRow &lr = diff->params[0];
    QCOMPARE(lr.key, QStringLiteral("lr"));
    QCOMPARE(lr.values[0], Value(QStringLiteral("0.01")));
    QCOMPARE(lr.values[1], Value(QStringLiteral("0.1")));
    QVERIFY(!lr.values[2]); // orphan has no lr
    QVERIFY(lr.differs);

    QCOMPARE(diff->metrics.size(), 2);
    const MetricRow &acc = diff->metrics[0];
    QCOMPARE(acc.key, QStringLiteral("acc"));
    QCOMPARE(acc.values[1]->latest, 0.9);
    QCOMPARE(acc.values[1]->min, 0.0); // from the history: 0.0 at step 0, then 0.9 at step 3
    QCOMPARE(acc.values[1]->minStep, 0);
    QCOMPARE(acc.values[1]->max, 0.9);
    QCOMPARE(acc.values[1]->maxStep, 3);
    QCOMPARE(acc.values[1]->pointCount, 2);
    QVERIFY(!acc.values[2]);
    QCOMPARE(bestRun(acc.values, directionForKey(acc.key)), 1);
    const MetricRow &loss = diff->metrics[1];
    QCOMPARE(bestRun(loss.values, directionForKey(loss.key)), 1); // 0.2 < 0.3 < 0.4

    bool hasTeam = false;
    for (const TextRow &tag : diff->tags) {
        if (tag.key == QLatin1String("team")) {
            hasTeam = true;
            QCOMPARE(tag.values[0], Value(QStringLiteral("vision")));
            QVERIFY(!tag.values[1]);
        }
    }
    QVERIFY(hasTeam);
}

void TestRunDiffLoader::readDiffWithGivenTable()
{
    const Store::RunTable table = NestedRunsStore::read(m_path);
    const int sweep = table.indexOfRun(runId(Sweep));
    const int nan = table.indexOfRun(runId(NanRun));
    const auto diff = readDiff({{m_path, runId(Sweep), table, sweep}, {m_path, runId(NanRun), table, nan}});
    QVERIFY(diff.ok());
    QCOMPARE(diff->metrics[0].key, QStringLiteral("acc"));
    QVERIFY(std::isnan(diff->metrics[0].values[1]->latest));
    QCOMPARE(bestRun(diff->metrics[0].values, Direction::Maximize), 0); // NaN never best
    QVERIFY(diff->params[0].differs); // 0.01 vs 1e-4
}

void TestRunDiffLoader::twoStores()
{
    QTemporaryDir other;
    const QString copy = other.filePath(QStringLiteral("copy.db"));
    QVERIFY(QFile::copy(m_path, copy));
    const auto diff = readDiff({{m_path, runId(Sweep)}, {copy, runId(Sweep)}});
    QVERIFY(diff.ok());
    QCOMPARE(diff->runs[0].location, m_path);
    QCOMPARE(diff->runs[1].location, copy);
    for (const TextRow &row : diff->params)
        QVERIFY(!row.differs); // the same run twice
    QCOMPARE(diff->metrics[0].values[0]->max, diff->metrics[0].values[1]->max);
}

void TestRunDiffLoader::unknownRunFails()
{
    const auto diff
        = readDiff({{m_path, runId(Sweep)}, {m_path, QStringLiteral("0123456789abcdef0123456789abcdef")}});
    QVERIFY(!diff.ok());
    QCOMPARE(diff.error().code, Store::Error::NoSuchRun);
}

void TestRunDiffLoader::loaderDeliversOnGuiThread()
{
    RunDiffLoader loader;
    QSignalSpy loaded(&loader, &RunDiffLoader::diffLoaded);
    QSignalSpy failed(&loader, &RunDiffLoader::diffFailed);
    QSignalSpy loading(&loader, &RunDiffLoader::loadingChanged);
    QThread *deliveredOn = nullptr;
    connect(&loader, &RunDiffLoader::diffLoaded, this, [&] { deliveredOn = QThread::currentThread(); });
    loader.compare({{m_path, runId(Sweep)}, {m_path, runId(ChildB)}});
    QVERIFY(loader.isLoading());
    QCOMPARE(loaded.size(), 0); // never from inside compare()
    QVERIFY(loaded.wait(20000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(deliveredOn, QThread::currentThread());
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.size(), 2);
    const Diff diff = loaded.first().first().value<Diff>();
    QCOMPARE(diff.runs.size(), 2);
    QCOMPARE(diff.metrics.size(), 2);
}

void TestRunDiffLoader::supersededResultsAreDropped()
{
    RunDiffLoader loader;
    QSignalSpy loaded(&loader, &RunDiffLoader::diffLoaded);
    QSignalSpy failed(&loader, &RunDiffLoader::diffFailed);
    loader.compare({{m_path, runId(Sweep)}, {m_path, QStringLiteral("0123456789abcdef0123456789abcdef")}});
    loader.compare({{m_path, runId(Sweep)}, {m_path, runId(ChildA)}});
    loader.compare({{m_path, runId(Solo)}, {m_path, runId(ChildB)}, {m_path, runId(Grand)}});
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY(!loader.isBusy());
    QCoreApplication::sendPostedEvents(); // what the superseded workers posted
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(failed.size(), 0); // the failing first request was superseded
    const Diff diff = loaded.first().first().value<Diff>();
    QCOMPARE(diff.runs.size(), 3);
    QCOMPARE(diff.runs[0].runId, runId(Solo));

    // A cancelled request delivers nothing.
    loader.compare({{m_path, runId(Sweep)}, {m_path, runId(ChildA)}});
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QTRY_VERIFY(!loader.isBusy());
    QCoreApplication::sendPostedEvents();
    QCOMPARE(loaded.size(), 1);
}

void TestRunDiffLoader::unreadableStoreFails()
{
    RunDiffLoader loader;
    QSignalSpy failed(&loader, &RunDiffLoader::diffFailed);
    loader.compare({{m_dir.filePath(QStringLiteral("missing.db")), runId(Sweep)}});
    QVERIFY(failed.wait(20000));
    QVERIFY(!failed.first().first().toString().isEmpty());
}

void TestRunDiffLoader::detachedSourceKeepsOneRun()
{
    const Store::RunTable table = NestedRunsStore::read(m_path);
    QVERIFY(table.size() > 2);
    const RunSource source {m_path, runId(ChildB), table, table.indexOfRun(runId(ChildB))};
    const RunSource detached = detachedSource(source);
    QCOMPARE(detached.table.size(), 1);
    QCOMPARE(detached.row, 0);
    QCOMPARE(detached.runId, source.runId);
    QCOMPARE(detached.location, source.location);
    const RunSnapshot before = snapshotOf(table, source.row, m_path, QStringLiteral("nested"));
    const RunSnapshot after = snapshotOf(detached.table, detached.row, m_path, QStringLiteral("nested"));
    QCOMPARE(after.info.runName, before.info.runName);
    QCOMPARE(after.params, before.params);
    QCOMPARE(after.tags, before.tags);
    QCOMPARE(after.metrics.size(), before.metrics.size());
    for (qsizetype i = 0; i < after.metrics.size(); ++i) {
        QCOMPARE(after.metrics[i].first, before.metrics[i].first);
        QCOMPARE(after.metrics[i].second.latest, before.metrics[i].second.latest);
    }
    // Without a valid row there is nothing to cut down.
    const RunSource bare {m_path, runId(ChildB)};
    QCOMPARE(detachedSource(bare).row, -1);
}

void TestRunDiffLoader::availableDiffLeavesOutWhatIsGone()
{
    // Three stores: the original, a copy that is then deleted, and an empty MLflow store that
    // stands where a store of the sweep run was (the run, given with its table, is gone).
    QTemporaryDir other;
    const QString deleted = other.filePath(QStringLiteral("deleted.db"));
    QVERIFY(QFile::copy(m_path, deleted));
    const QString replaced = other.filePath(QStringLiteral("replaced.db"));
    QVERIFY(
        QFile::copy(TestSupport::fixturePath(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db")), replaced));
    const Store::RunTable table = NestedRunsStore::read(m_path);
    const int sweep = table.indexOfRun(runId(Sweep));
    QVERIFY(QFile::remove(deleted));

    const QList<RunSource> sources = {{m_path, runId(Sweep)},
                                      {deleted, runId(ChildA)},
                                      {replaced, runId(Sweep), table, sweep},
                                      {m_path, runId(ChildB), table, table.indexOfRun(runId(ChildB))},
                                      {m_path, QStringLiteral("0123456789abcdef0123456789abcdef")}};
    const auto available = readAvailableDiff(sources);
    QVERIFY2(available.ok(), qPrintable(available.ok() ? QString() : available.error().message));
    QCOMPARE(available->diff.runs.size(), 2);
    QCOMPARE(available->diff.runs[0].runId, runId(Sweep));
    QCOMPARE(available->diff.runs[1].runId, runId(ChildB));
    QCOMPARE(available->diff.metrics[0].values.size(), 2);
    QCOMPARE(available->unavailable.size(), 3);
    QCOMPARE(available->unavailable[0].source, 1);
    QCOMPARE(available->unavailable[0].error.code, Store::Error::NotFound);
    QCOMPARE(available->unavailable[1].source, 2);
    QCOMPARE(available->unavailable[1].error.code, Store::Error::NoSuchRun);
    QCOMPARE(available->unavailable[2].source, 4);
    QCOMPARE(available->unavailable[2].error.code, Store::Error::NoSuchRun);
    // What was read from its store's runs comes back with a table of its own run.
    QCOMPARE(available->sources.size(), sources.size());
    QCOMPARE(available->sources[0].table.size(), 1);
    QCOMPARE(available->sources[0].table.run(available->sources[0].row).runId, runId(Sweep));
    QCOMPARE(available->sources[1].row, -1); // not read
    QCOMPARE(available->sources[3].table.size(), table.size()); // given with its table

    // readDiff (kaizen diff) still fails on the first of them.
    const auto strict = readDiff(sources);
    QVERIFY(!strict.ok());
    QVERIFY(strict.error().code == Store::Error::NotFound || strict.error().code == Store::Error::NoSuchRun);
}

void TestRunDiffLoader::loaderSkipsUnavailableRuns()
{
    RunDiffLoader loader;
    QSignalSpy loaded(&loader, &RunDiffLoader::diffLoaded);
    QSignalSpy failed(&loader, &RunDiffLoader::diffFailed);
    loader.compare({{m_dir.filePath(QStringLiteral("missing.db")), runId(Sweep)},
                    {m_path, runId(Sweep)},
                    {m_path, runId(ChildB)}},
                   RunDiffLoader::Unavailable::Skip);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(loaded.first().first().value<Diff>().runs.size(), 2);
    QCOMPARE(loader.unavailableRuns().size(), 1);
    QCOMPARE(loader.unavailableRuns().first().source, 0);
    QCOMPARE(loader.unavailableRuns().first().error.code, Store::Error::NotFound);
}

void TestRunDiffLoader::cancelIsSignalled()
{
    RunDiffLoader loader;
    QSignalSpy cancelled(&loader, &RunDiffLoader::cancelled);
    QSignalSpy loading(&loader, &RunDiffLoader::loadingChanged);
    loader.cancel(); // nothing in flight
    QCOMPARE(cancelled.size(), 0);
    loader.compare({{m_path, runId(Sweep)}, {m_path, runId(ChildA)}});
    loader.compare({{m_path, runId(Sweep)}, {m_path, runId(ChildB)}}); // superseded: not cancelled
    QCOMPARE(cancelled.size(), 0);
    QCOMPARE(loading.size(), 1); // loading stayed on
    loader.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!loader.isLoading());
    QTRY_VERIFY(!loader.isBusy());
}

QTEST_GUILESS_MAIN(TestRunDiffLoader)
#include "tst_rundiffloader.moc"
