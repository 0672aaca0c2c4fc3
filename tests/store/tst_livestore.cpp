#include "livewriter.h"
#include "storefactory.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Store;

// Live updates through the store interface: another process (the sqlite3 shell, a shell appending
// to metric files) writes the store while it is open, as MLflow's client does while a run trains.
// CTest runs this once per backend.
class TestLiveStore : public QObject
{
    Q_OBJECT

private:
    using Row = LiveWriter::Row;
    // The whole series (run, key) as the backend reads it, its tail filled in.
    static MetricSeries readSeries(MlflowStore &store, const QString &runId, const QString &key);
    static QByteArray token(MlflowStore &store);

private slots:
    void init();
    void tokenChangesWithACommitOnly();
    void wholeReadFillsTheTail();
    void appendReadsExactlyTheNewRows();
    void rowsBeforeTheTailAreARewrite();
    void newAndFinishedRunsChangeTheToken();
    void aTailOfNoReadIsARewrite();
    void partialLineWaitsForItsEnd();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location;
    std::unique_ptr<MlflowStore> m_store;
};

MetricSeries TestLiveStore::readSeries(MlflowStore &store, const QString &runId, const QString &key)
{
    MetricSeries read;
    const Error error
        = store.readMetricSeries({runId}, {key}, [&](MetricSeries &&s) { read = std::move(s); });
    if (!error.ok())
        qWarning("%s", qPrintable(error.message));
    return read;
}

QByteArray TestLiveStore::token(MlflowStore &store)
{
    const Result<QByteArray> token = store.changeToken();
    if (!token.ok())
        qWarning("%s", qPrintable(token.error().message));
    return token.ok() ? *token : QByteArray();
}

void TestLiveStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_location = LiveWriter::buildStore(*m_dir);
    QVERIFY(!m_location.isEmpty());
    auto store = openStore(m_location);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void TestLiveStore::tokenChangesWithACommitOnly()
{
    const QByteArray before = token(*m_store);
    QVERIFY(!before.isEmpty());
    QCOMPARE(token(*m_store), before); // nothing changed
    readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss")); // reads change nothing
    QCOMPARE(token(*m_store), before);

    LiveWriter writer(m_location);
    QVERIFY2(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"), {{5, LiveWriter::Start + 5, 0.1}}),
        qPrintable(writer.lastError()));
    const QByteArray after = token(*m_store);
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    QCOMPARE(token(*m_store), after);

    // A key the run never logged before: a new metric file, a new row in the table.
    QVERIFY(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("val/acc"), {{0, LiveWriter::Start, 0.5}}));
    QVERIFY(token(*m_store) != after);
}

void TestLiveStore::wholeReadFillsTheTail()
{
    const MetricSeries series = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    QCOMPARE(series.size(), 5);
    QCOMPARE(series.tail.rows, 5);
    QCOMPARE(series.tail.step, 4);
    QCOMPARE(series.tail.timestamp, LiveWriter::Start + 4);
    QCOMPARE(series.tail.value, 0.2);
    QVERIFY(series.tail.position >= 0);

    // A key without rows: an empty tail that later appends start from.
    const MetricSeries none = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("nothing"));
    QCOMPARE(none.size(), 0);
    QCOMPARE(none.tail.rows, 0);
    QVERIFY(none.tail.position >= 0);
    LiveWriter writer(m_location);
    QVERIFY(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("nothing"), {{3, LiveWriter::Start, 7.0}}));
    const auto append
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("nothing"), none.tail);
    QVERIFY(append.ok());
    QVERIFY(!append->rewritten);
    QCOMPARE(append->rows.size(), 1);
    QCOMPARE(append->rows.values.front(), 7.0);
}

void TestLiveStore::appendReadsExactlyTheNewRows()
{
    const MetricSeries series = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    QCOMPARE(series.size(), 5);

    LiveWriter writer(m_location);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // Out of order within the append (step 7 before 5), a NaN, a row equal in step and timestamp
    // to the tail but larger in value; rows of other runs and keys in between.
    QVERIFY2(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                              {{7, LiveWriter::Start + 7, 0.05}, {5, LiveWriter::Start + 5, nan}}),
             qPrintable(writer.lastError()));
    QVERIFY(
        writer.logMetric(LiveWriter::FinishedRun, QStringLiteral("loss"), {{9, LiveWriter::Start + 9, 9.0}}));
    QVERIFY(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("acc"), {{9, LiveWriter::Start + 9, 9.0}}));
    QVERIFY(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"), {{4, LiveWriter::Start + 4, 0.3}}));

    const auto append
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), series.tail);
    QVERIFY2(append.ok(), append.ok() ? "" : qPrintable(append.error().message));
    QVERIFY(!append->rewritten);
    const MetricSeries &rows = append->rows;
    QCOMPARE(rows.runId, LiveWriter::RunningRun);
    QCOMPARE(rows.key, QStringLiteral("loss"));
    QCOMPARE(rows.steps, (std::vector<qint64> {4, 5, 7}));
    QCOMPARE(rows.timestamps,
             (std::vector<qint64> {LiveWriter::Start + 4, LiveWriter::Start + 5, LiveWriter::Start + 7}));
    QCOMPARE(rows.values[0], 0.3);
    QVERIFY(std::isnan(rows.values[1]));
    QCOMPARE(rows.values[2], 0.05);
    QCOMPARE(rows.tail.rows, 8);
    QCOMPARE(rows.tail.step, 7);
    QCOMPARE(rows.tail.value, 0.05);

    // What the append read is what a whole read finds now.
    const MetricSeries whole = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    QCOMPARE(whole.size(), 8);
    QCOMPARE(std::vector<qint64>(whole.steps.begin() + 5, whole.steps.end()), rows.steps);
    QCOMPARE(whole.tail.rows, rows.tail.rows);
    QCOMPARE(whole.tail.step, rows.tail.step);

    // Nothing new since: no rows, the same tail.
    const auto again = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), rows.tail);
    QVERIFY(again.ok());
    QVERIFY(!again->rewritten);
    QCOMPARE(again->rows.size(), 0);
    QCOMPARE(again->rows.tail.rows, 8);
    QCOMPARE(again->rows.tail.step, 7);

    // And the next rows after that.
    QVERIFY(
        writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"), {{8, LiveWriter::Start + 8, 0.04}}));
    const auto third
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), again->rows.tail);
    QVERIFY(third.ok());
    QCOMPARE(third->rows.steps, (std::vector<qint64> {8}));
    QCOMPARE(third->rows.tail.rows, 9);
}

void TestLiveStore::rowsBeforeTheTailAreARewrite()
{
    const MetricSeries series = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    LiveWriter writer(m_location);
    // A run resumed from a checkpoint logs step 2 again, with new rows after it.
    QVERIFY(writer.logMetric(LiveWriter::RunningRun, QStringLiteral("loss"),
                             {{2, LiveWriter::Start + 20, 0.9}, {6, LiveWriter::Start + 21, 0.1}}));
    const auto append
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), series.tail);
    QVERIFY(append.ok());
    QVERIFY(append->rewritten);
    QCOMPARE(append->rows.size(), 0);
    // Read whole, the series holds the row in its place.
    const MetricSeries whole = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    QCOMPARE(whole.steps, (std::vector<qint64> {0, 1, 2, 2, 3, 4, 6}));
    QCOMPARE(whole.tail.rows, 7);

    // Unknown runs fail as everywhere else.
    const auto unknown = m_store->readMetricAppend(QStringLiteral("ffff0000000000000000000000000009"),
                                                   QStringLiteral("loss"), series.tail);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::NoSuchRun);
}

void TestLiveStore::newAndFinishedRunsChangeTheToken()
{
    const QString newRun = QStringLiteral("11110000000000000000000000000003");
    LiveWriter writer(m_location);
    const QByteArray before = token(*m_store);
    QVERIFY2(writer.createRun(newRun), qPrintable(writer.lastError()));
    const QByteArray created = token(*m_store);
    QVERIFY(created != before);
    QCOMPARE(token(*m_store), created);

    // The new run is live: its first metric changes the token.
    QVERIFY(writer.logMetric(newRun, QStringLiteral("loss"), {{0, LiveWriter::Start, 1.0}}));
    const QByteArray logged = token(*m_store);
    QVERIFY(logged != created);
    const MetricSeries series = readSeries(*m_store, newRun, QStringLiteral("loss"));
    QCOMPARE(series.size(), 1);

    QVERIFY2(writer.finishRun(newRun), qPrintable(writer.lastError()));
    const QByteArray finished = token(*m_store);
    QVERIFY(finished != logged);
    QCOMPARE(token(*m_store), finished);
}

void TestLiveStore::aTailOfNoReadIsARewrite()
{
    SeriesTail unknown; // position -1: no read of this backend filled it
    const auto append = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), unknown);
    QVERIFY(append.ok());
    QVERIFY(append->rewritten);
    QCOMPARE(append->rows.size(), 0);
}

void TestLiveStore::partialLineWaitsForItsEnd()
{
    LiveWriter writer(m_location);
    if (!writer.isFileStore())
        QSKIP("SQLite commits whole rows");
    const MetricSeries series = readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss"));
    // The writer is caught in the middle of a line: nothing of it is read yet.
    QVERIFY(writer.appendMetricText(LiveWriter::RunningRun, QStringLiteral("loss"), "1700000000009 0.2"));
    const auto partial
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), series.tail);
    QVERIFY(partial.ok());
    QVERIFY(!partial->rewritten);
    QCOMPARE(partial->rows.size(), 0);
    QCOMPARE(partial->rows.tail.position, series.tail.position);
    QCOMPARE(readSeries(*m_store, LiveWriter::RunningRun, QStringLiteral("loss")).size(), 5);

    QVERIFY(writer.appendMetricText(LiveWriter::RunningRun, QStringLiteral("loss"), "5 9\n"));
    const auto whole
        = m_store->readMetricAppend(LiveWriter::RunningRun, QStringLiteral("loss"), partial->rows.tail);
    QVERIFY(whole.ok());
    QCOMPARE(whole->rows.steps, (std::vector<qint64> {9}));
    QCOMPARE(whole->rows.values, (std::vector<double> {0.25}));
    QCOMPARE(whole->rows.timestamps, (std::vector<qint64> {1700000000009}));
}

QTEST_GUILESS_MAIN(TestLiveStore)
#include "tst_livestore.moc"
