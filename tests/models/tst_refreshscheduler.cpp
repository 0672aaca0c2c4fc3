#include "refreshscheduler.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Live updates read a changed store again: never two reads of a store at once, no change lost
// while one runs, and reads spaced so that they cost at most a share of the time.
class TestRefreshScheduler : public QObject
{
    Q_OBJECT
private slots:
    void firstRequestIsDueAtOnce();
    void changeDuringAReadIsReadOnceAfter();
    void slowReadsAreSpaced();
    void forgottenStoreIsNotRead();
    void storesAreScheduledApart();

private:
    static inline const QString A = QStringLiteral("/stores/a.db");
    static inline const QString B = QStringLiteral("/stores/b");
};

void TestRefreshScheduler::firstRequestIsDueAtOnce()
{
    RefreshScheduler scheduler;
    QSignalSpy due(&scheduler, &RefreshScheduler::due);
    scheduler.request(A);
    QCOMPARE(due.count(), 1);
    QCOMPARE(due.first().at(0).toString(), A);
    QVERIFY(scheduler.isReading(A));
    scheduler.finished(A);
    QVERIFY(!scheduler.isReading(A));
}

void TestRefreshScheduler::changeDuringAReadIsReadOnceAfter()
{
    RefreshScheduler scheduler;
    scheduler.setCostShare(1.0); // no spacing beyond the read itself
    QSignalSpy due(&scheduler, &RefreshScheduler::due);
    scheduler.request(A);
    scheduler.request(A);
    scheduler.request(A);
    QCOMPARE(due.count(), 1); // never two reads at once
    scheduler.finished(A);
    QTRY_COMPARE(due.count(), 2); // the changes meanwhile: one read more
    scheduler.finished(A);
    QTest::qWait(50);
    QCOMPARE(due.count(), 2);
}

void TestRefreshScheduler::slowReadsAreSpaced()
{
    RefreshScheduler scheduler; // reads take at most a tenth of the time
    QSignalSpy due(&scheduler, &RefreshScheduler::due);
    QElapsedTimer read;
    read.start();
    scheduler.request(A);
    QTest::qWait(60); // a read of at least 60 ms
    scheduler.finished(A);
    const qint64 cost = read.elapsed(); // at least what the scheduler measured
    // The next read starts ten reads' time after the last one started: at least 540 ms from now.
    QVERIFY2(scheduler.waitFor(A) >= 500, qPrintable(QString::number(scheduler.waitFor(A))));
    QVERIFY(scheduler.waitFor(A) <= 10 * cost);
    scheduler.request(A);
    scheduler.request(A); // waits with the first
    QCOMPARE(due.count(), 1);
    QTest::qWait(200);
    QCOMPARE(due.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(due.count(), 2, int(10 * cost + 2000));
    scheduler.finished(A);
    QTest::qWait(100);
    QCOMPARE(due.count(), 2);
}

void TestRefreshScheduler::forgottenStoreIsNotRead()
{
    RefreshScheduler scheduler;
    QSignalSpy due(&scheduler, &RefreshScheduler::due);
    scheduler.request(A);
    QTest::qWait(20);
    scheduler.finished(A);
    scheduler.request(A); // waits
    QCOMPARE(due.count(), 1);
    scheduler.forget(A);
    QTest::qWait(400);
    QCOMPARE(due.count(), 1);
    scheduler.request(A); // a store seen anew is read at once
    QCOMPARE(due.count(), 2);
}

void TestRefreshScheduler::storesAreScheduledApart()
{
    RefreshScheduler scheduler;
    QSignalSpy due(&scheduler, &RefreshScheduler::due);
    scheduler.request(A);
    scheduler.request(B); // A's read does not hold B back
    QCOMPARE(due.count(), 2);
    QCOMPARE(due.at(1).at(0).toString(), B);
    scheduler.finished(B);
    QVERIFY(scheduler.isReading(A));
    QVERIFY(!scheduler.isReading(B));
    scheduler.forgetAll();
    QVERIFY(!scheduler.isReading(A));
}

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
