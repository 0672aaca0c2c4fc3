#include "store/livewriter.h"
#include "storewatcher.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// StoreWatcher on a store another process writes (the sqlite3 shell, a shell appending to metric
// files); CTest runs this once per backend.
class TestStoreWatcher : public QObject
{
    Q_OBJECT

private:
    static constexpr int Interval = 100;
    // Sets the watcher on the store and waits for its first poll (the baseline).
    static bool watch(StoreWatcher &watcher, const QString &location);

private slots:
    void init();
    void changeArrivesWithinTwoIntervals();
    void nothingChangedNothingEmitted();
    void pausedWatcherStaysQuietThenReports();
    void locationSetWhilePausedTakesItsBaseline();
    void newRunFolderBringsThePollForward();
    void missingStoreFailsOnce();
    void destroyedWhilePolling();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location;
};

bool TestStoreWatcher::watch(StoreWatcher &watcher, const QString &location)
{
    QSignalSpy polled(&watcher, &StoreWatcher::polled);
    watcher.setLocation(location);
    return polled.wait(5000);
}

void TestStoreWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_location = LiveWriter::buildStore(*m_dir);
    QVERIFY(!m_location.isEmpty());
}

void TestStoreWatcher::changeArrivesWithinTwoIntervals()
{
    StoreWatcher watcher;
    QCOMPARE(watcher.interval(), StoreWatcher::DefaultIntervalMs);
    watcher.setInterval(Interval);
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QSignalSpy failed(&watcher, &StoreWatcher::watchFailed);
    QVERIFY(watch(watcher, m_location));
    QCOMPARE(changed.count(), 0); // the baseline is no change

    LiveWriter writer(m_location);
    for (int round = 0; round < 3; ++round) {
        QVERIFY2(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                                  {{10 + round, LiveWriter::Start + 10 + round, 0.5}}),
                 qPrintable(writer.lastError()));
        QElapsedTimer sinceCommit;
        sinceCommit.start();
        QVERIFY(changed.wait(2 * Interval));
        QVERIFY2(sinceCommit.elapsed() <= 2 * Interval, qPrintable(QString::number(sinceCommit.elapsed())));
        QCOMPARE(changed.count(), round + 1);
    }
    QCOMPARE(failed.count(), 0);
}

void TestStoreWatcher::nothingChangedNothingEmitted()
{
    StoreWatcher watcher;
    watcher.setInterval(Interval);
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QSignalSpy polled(&watcher, &StoreWatcher::polled);
    QVERIFY(watch(watcher, m_location));
    // Several polls of an unchanged store.
    QTRY_VERIFY_WITH_TIMEOUT(polled.count() >= 3, 5000);
    QCOMPARE(changed.count(), 0);
}

void TestStoreWatcher::pausedWatcherStaysQuietThenReports()
{
    StoreWatcher watcher;
    watcher.setInterval(Interval);
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QVERIFY(watch(watcher, m_location));
    watcher.setPaused(true);
    QVERIFY(watcher.isPaused());
    LiveWriter writer(m_location);
    QVERIFY(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                             {{10, LiveWriter::Start + 10, 0.5}}));
    watcher.pollNow(); // does nothing while paused
    QVERIFY(!changed.wait(4 * Interval)); // a bounded wait: proving silence needs one
    QCOMPARE(changed.count(), 0);

    watcher.setPaused(false);
    QVERIFY(changed.wait(2 * Interval));
    QCOMPARE(changed.count(), 1);
}

void TestStoreWatcher::locationSetWhilePausedTakesItsBaseline()
{
    StoreWatcher watcher;
    watcher.setInterval(Interval);
    watcher.setPaused(true);
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QVERIFY(watch(watcher, m_location)); // polled once, paused or not
    LiveWriter writer(m_location);
    QVERIFY(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                             {{10, LiveWriter::Start + 10, 0.5}}));
    watcher.setPaused(false);
    QVERIFY(changed.wait(2 * Interval)); // measured against the baseline taken while paused
    QCOMPARE(changed.count(), 1);
}

void TestStoreWatcher::newRunFolderBringsThePollForward()
{
    LiveWriter writer(m_location);
    if (!writer.isFileStore())
        QSKIP("SQLite stores are polled only");
    StoreWatcher watcher;
    watcher.setInterval(60000); // the timer would not poll within this test
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QVERIFY(watch(watcher, m_location));
    QVERIFY(writer.createRun(QStringLiteral("11110000000000000000000000000003")));
    QVERIFY(changed.wait(5000));
}

void TestStoreWatcher::missingStoreFailsOnce()
{
    StoreWatcher watcher;
    watcher.setInterval(Interval);
    QSignalSpy failed(&watcher, &StoreWatcher::watchFailed);
    QSignalSpy polled(&watcher, &StoreWatcher::polled);
    watcher.setLocation(m_dir->filePath(QStringLiteral("missing.db")));
    QTRY_VERIFY_WITH_TIMEOUT(polled.count() >= 3, 5000);
    QCOMPARE(failed.count(), 1); // not once a poll
    QCOMPARE(failed.first().first().value<Store::Error>().code, Store::Error::NotFound);

    // Pointed at a store, it watches that one.
    QSignalSpy changed(&watcher, &StoreWatcher::storeChanged);
    QVERIFY(watch(watcher, m_location));
    LiveWriter writer(m_location);
    QVERIFY(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                             {{10, LiveWriter::Start + 10, 0.5}}));
    QVERIFY(changed.wait(2 * Interval));
}

void TestStoreWatcher::destroyedWhilePolling()
{
    // Destruction waits for the poll in flight (the first one, started by setLocation()), or
    // stops the timer to the next; nothing reaches the destroyed watcher.
    for (const bool afterFirstPoll : {false, true}) {
        auto watcher = std::make_unique<StoreWatcher>();
        watcher->setInterval(1);
        QSignalSpy polled(watcher.get(), &StoreWatcher::polled);
        watcher->setLocation(m_location);
        if (afterFirstPoll)
            QVERIFY(polled.wait(5000));
        watcher.reset();
        QCoreApplication::processEvents(); // a queued result for the watcher would crash here
    }
}

QTEST_GUILESS_MAIN(TestStoreWatcher)
#include "tst_storewatcher.moc"
