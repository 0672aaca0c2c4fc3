#include "parallelfor.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <vector>

class TestParallelFor : public QObject
{
    Q_OBJECT
private slots:
    void runsEveryTaskOnce_data();
    void runsEveryTaskOnce();
    void usesMoreThanOneThreadWhenThereAreCores();
    void finishesAloneWhenNoHelperComes();
};

void TestParallelFor::runsEveryTaskOnce_data()
{
    QTest::addColumn<int>("count");
    QTest::addRow("none") << 0;
    QTest::addRow("one") << 1;
    QTest::addRow("ten") << 10;
    QTest::addRow("a thousand") << 1000;
}

void TestParallelFor::runsEveryTaskOnce()
{
    QFETCH(int, count);
    std::vector<std::atomic<int>> runs(static_cast<size_t>(count));
    for (int round = 0; round < 20; ++round) {
        parallelFor(count, [&runs](int i) { runs[size_t(i)].fetch_add(1); });
        // Returned only when every task is done: none is missing or running late.
        for (int i = 0; i < count; ++i)
            QCOMPARE(runs[size_t(i)].load(), round + 1);
    }
}

void TestParallelFor::usesMoreThanOneThreadWhenThereAreCores()
{
    if (QThread::idealThreadCount() < 2)
        QSKIP("one core: the caller does every task");
    // Task 0 waits until another thread has run a task: only a helper can release it.
    QSemaphore released;
    std::atomic<bool> helped {false}, waited {false};
    parallelFor(2, [&](int i) {
        if (i == 0) {
            waited = released.tryAcquire(1, 10'000);
        } else {
            helped = true;
            released.release();
        }
    });
    QVERIFY(helped);
    QVERIFY(waited); // task 1 ran while task 0 was running: on another thread
}

void TestParallelFor::finishesAloneWhenNoHelperComes()
{
    // Many batches in a row from another thread while this one runs its own: a helper that
    // starts late must find nothing to do, and nothing may wait for it.
    std::atomic<int> total {0};
    QThread *other = QThread::create([&total] {
        for (int round = 0; round < 200; ++round)
            parallelFor(3, [&total](int) { total.fetch_add(1); });
    });
    other->start();
    for (int round = 0; round < 200; ++round)
        parallelFor(3, [&total](int) { total.fetch_add(1); });
    QVERIFY(other->wait(30'000));
    delete other;
    QCOMPARE(total.load(), 2 * 200 * 3);
}

QTEST_GUILESS_MAIN(TestParallelFor)
#include "tst_parallelfor.moc"
