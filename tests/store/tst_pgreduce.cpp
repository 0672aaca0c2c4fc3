// Curves reduced in the server (PostgresStore::readReducedSeries), on the test server: for any
// pixel columns the rows it sends are exactly PixelReduction::reduceForColumns() of every row
// (tst_pixelreduction shows those draw what every row draws), and far fewer than every row.

#include "mlflowstore.h"
#include "pixelreduction.h"
#include "raggedseries.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Store;

namespace {

QString describe(const MetricSeries &s)
{
    return QStringLiteral("%1 rows, first step %2, last step %3")
        .arg(s.size())
        .arg(s.isEmpty() ? 0 : s.steps.front())
        .arg(s.isEmpty() ? 0 : s.steps.back());
}

bool sameRows(const MetricSeries &a, const MetricSeries &b)
{
    if (a.steps != b.steps || a.timestamps != b.timestamps || a.weights != b.weights)
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const double x = a.values[size_t(i)], y = b.values[size_t(i)];
        if (!(x == y || (std::isnan(x) && std::isnan(y))))
            return false;
    }
    return true;
}

} // namespace

class TestPgReduce : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (TestSupport::postgresServer().isEmpty())
            QSKIP("no PostgreSQL test server (tests/pg/pg-server)");
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("ragged.db"));
        m_runs = TestSupport::buildRaggedStore(path, {1u, 2u}, 60'000, 1); // the last without "loss"
        QCOMPARE(m_runs.size(), 3);
        m_url = TestSupport::postgresFromSqlite(path);
        QVERIFY(!m_url.isEmpty());
        auto store = openStore(m_url);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(*store);
        QVERIFY(m_store->reducesOnServer());
        QVERIFY(m_store
                    ->readMetricSeries(m_runs.mid(0, 2), {QStringLiteral("loss")},
                                       [&](MetricSeries &&s) { m_full.push_back(std::move(s)); })
                    .ok());
        QCOMPARE(m_full.size(), size_t(2));
    }

    void sendsWhatTheChartNeeds_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<double>("offset");
        QTest::addColumn<qint64>("width");
        QTest::addColumn<bool>("logY");
        QTest::addColumn<bool>("fewer"); // far fewer rows than every row
        QTest::newRow("whole") << -5.0 << 200'000.0 << 0.0 << qint64(1600) << false << true;
        QTest::newRow("whole, log") << -5.0 << 200'000.0 << 80.0 << qint64(1600) << true
                                    << false; // many gaps
        QTest::newRow("zoomed, fractional") << 12'345.6 << 64'321.9 << 61.5 << qint64(977) << false << true;
        QTest::newRow("sparse") << 1'000.0 << 2'000.0 << 0.0 << qint64(1920) << false << false;
        QTest::newRow("between two steps") << 300.2 << 300.7 << 0.0 << qint64(800) << false << false;
        QTest::newRow("past the end") << 5e6 << 6e6 << 0.0 << qint64(640) << false << false;
    }

    void sendsWhatTheChartNeeds()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(double, offset);
        QFETCH(qint64, width);
        QFETCH(bool, logY);
        QFETCH(bool, fewer);
        PixelColumns columns;
        columns.origin = from;
        columns.scale = double(width) / (to - from);
        columns.offset = offset;
        columns.left = qint64(std::floor(offset));
        columns.right = qint64(std::ceil(offset + double(width)));
        columns.fitFrom = from; // as a chart fits its y range
        columns.fitTo = to;
        columns.logY = logY;
        std::vector<MetricSeries> reduced;
        const Error e
            = m_store->readReducedSeries(m_runs, QStringLiteral("loss"), columns,
                                         [&](MetricSeries &&s) { reduced.push_back(std::move(s)); });
        QVERIFY2(e.ok(), qPrintable(e.message));
        QCOMPARE(reduced.size(), size_t(3)); // in the order asked, the run without the key empty
        QVERIFY(reduced[2].isEmpty());
        for (size_t i = 0; i < 2; ++i) {
            QCOMPARE(reduced[i].runId, m_runs[qsizetype(i)]);
            const MetricSeries expected = PixelReduction::reduceForColumns(m_full[i], columns);
            QVERIFY2(sameRows(reduced[i], expected),
                     qPrintable(describe(reduced[i]) + QStringLiteral(" from the server, expected ")
                                + describe(expected)));
            if (fewer)
                QVERIFY(reduced[i].size() * 5 < m_full[i].size());
        }
    }

    void overviewBeforeTheChartKnowsItsColumns()
    {
        std::vector<MetricSeries> reduced;
        QVERIFY(m_store
                    ->readReducedSeries(m_runs.mid(0, 1), QStringLiteral("loss"), {},
                                        [&](MetricSeries &&s) { reduced.push_back(std::move(s)); })
                    .ok());
        QCOMPARE(reduced.size(), size_t(1));
        const MetricSeries &full = m_full[0];
        const PixelColumns overview = PixelReduction::overviewColumns(full.steps.front(), full.steps.back(),
                                                                      MlflowStore::OverviewColumns, false);
        QVERIFY(sameRows(reduced[0], PixelReduction::reduceForColumns(full, overview)));
        QCOMPARE(reduced[0].steps.front(), full.steps.front()); // the whole range
        QCOMPARE(reduced[0].steps.back(), full.steps.back());
    }

    void unknownRunFailsBeforeDelivering()
    {
        int delivered = 0;
        PixelColumns columns;
        columns.scale = 0.01;
        columns.right = 100;
        const Error e = m_store->readReducedSeries(
            {m_runs[0], QStringLiteral("0123456789abcdef0123456789abcdef")}, QStringLiteral("loss"), columns,
            [&](MetricSeries &&) { ++delivered; });
        QCOMPARE(e.code, Error::NoSuchRun);
        QCOMPARE(delivered, 0);
    }

    void localStoresReadWholeSeries()
    {
        auto sqlite = openStore(m_dir.filePath(QStringLiteral("ragged.db")));
        QVERIFY(sqlite);
        QVERIFY(!(*sqlite)->reducesOnServer());
    }

private:
    QTemporaryDir m_dir;
    QString m_url;
    QStringList m_runs;
    std::unique_ptr<MlflowStore> m_store;
    std::vector<MetricSeries> m_full;
};

QTEST_GUILESS_MAIN(TestPgReduce)
#include "tst_pgreduce.moc"
