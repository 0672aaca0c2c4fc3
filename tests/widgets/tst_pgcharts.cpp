// Curves of a PostgreSQL store, reduced in the server, on the test server: the Charts tab's loader
// shows an overview first, then the rows each chart's pixel columns need, and a chart drawn from
// them is pixel-identical to the same chart drawn from every row (read from the SQLite original).

#include "curvechartview.h"
#include "metriccurveloader.h"
#include "mlflowstore.h"
#include "pixelreduction.h"
#include "raggedseries.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Store;

namespace {

const QColor Colors[] = {QColor(0x1f, 0x4e, 0xd8), QColor(0xf2, 0x8e, 0x2b)};
const QString Loss = QStringLiteral("loss");

} // namespace

class TestPgCharts : public QObject
{
    Q_OBJECT

private:
    // A chart of `curves` (one per run, in m_runs order) at the size of every chart here.
    static std::unique_ptr<CurveChartView> chartOf(const std::vector<std::shared_ptr<MetricCurve>> &curves)
    {
        auto view = std::make_unique<CurveChartView>();
        view->resize(900, 520);
        std::vector<ChartCurve> shown;
        for (size_t i = 0; i < curves.size(); ++i) {
            ChartCurve c;
            c.curve = curves[i];
            c.runName = QStringLiteral("run %1").arg(i + 1);
            c.color = Colors[i];
            shown.push_back(std::move(c));
        }
        view->setCurves(std::move(shown));
        view->show();
        return view;
    }

    // The loader's curves, once each arrived through curveAdded after `action`.
    std::vector<std::shared_ptr<MetricCurve>> loaderCurves() const
    {
        std::vector<std::shared_ptr<MetricCurve>> curves;
        for (int i = 0; i < 2; ++i)
            curves.push_back(m_loader->curve(QString::number(i), Loss));
        return curves;
    }

    bool refineTo(const PixelColumns &columns)
    {
        QSignalSpy added(m_loader.get(), &MetricCurveLoader::curveAdded);
        m_loader->refine({{QStringLiteral("0"), Loss}, {QStringLiteral("1"), Loss}}, columns);
        return QTest::qWaitFor([&] { return added.size() == 2; }, 20'000);
    }

private slots:
    void initTestCase()
    {
        if (TestSupport::postgresServer().isEmpty())
            QSKIP("no PostgreSQL test server (tests/pg/pg-server)");
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("ragged.db"));
        m_runs = TestSupport::buildRaggedStore(path, {21u, 22u}, 80'000);
        QCOMPARE(m_runs.size(), 2);
        auto sqlite = openStore(path);
        QVERIFY(sqlite);
        QVERIFY((*sqlite)
                    ->readMetricSeries(m_runs, {Loss},
                                       [&](MetricSeries &&s) {
                                           m_full.push_back(std::make_shared<MetricCurve>(
                                               std::make_shared<MetricSeries>(std::move(s))));
                                       })
                    .ok());
        QCOMPARE(m_full.size(), size_t(2));

        const QString url = TestSupport::postgresFromSqlite(path);
        QVERIFY(!url.isEmpty());
        m_loader = std::make_unique<MetricCurveLoader>();
        m_loader->setLocation(url);
        QHash<QString, MetricCurveLoader::CurveRun> runs;
        for (qsizetype i = 0; i < m_runs.size(); ++i)
            runs.insert(QString::number(i), {url, m_runs[i], NoTime});
        m_loader->setRuns(runs);
        QSignalSpy loaded(m_loader.get(), &MetricCurveLoader::curvesLoaded);
        QVERIFY(!m_loader->load({{QStringLiteral("0"), Loss}, {QStringLiteral("1"), Loss}}));
        QVERIFY(loaded.wait(20'000));
    }

    void showsAnOverviewFirst()
    {
        for (int i = 0; i < 2; ++i) {
            const MetricCurveLoader::CurveKey key(QString::number(i), Loss);
            QVERIFY(m_loader->isReduced(key));
            QVERIFY(!m_loader->reducedFor(key).isValid()); // the overview
            const MetricSeries &overview = m_loader->curve(key.first, Loss)->series();
            const MetricSeries &full = m_full[size_t(i)]->series();
            QVERIFY(overview.size() * 3 < full.size());
            QCOMPARE(overview.steps.front(), full.steps.front()); // the whole range, so the chart
            QCOMPARE(overview.steps.back(), full.steps.back()); // frames it as it will stay
        }
    }

    void drawsWhatEveryRowDraws_data()
    {
        QTest::addColumn<double>("from"); // NaN: the whole range
        QTest::addColumn<double>("to");
        QTest::addColumn<bool>("logY");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("whole") << nan << nan << false;
        QTest::newRow("whole, log scale") << nan << nan << true;
        QTest::newRow("zoomed") << 31'234.5 << 52'345.25 << false;
        QTest::newRow("zoomed to a few rows a column") << 40'000.0 << 40'900.0 << false;
    }

    void drawsWhatEveryRowDraws()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(bool, logY);
        const auto everyRow = chartOf(m_full);
        everyRow->setLogY(logY);
        if (!std::isnan(from))
            everyRow->setXRange(from, to);
        QVERIFY(QTest::qWaitForWindowExposed(everyRow.get()));
        const PixelColumns columns = everyRow->layer()->pixelColumns();
        QVERIFY(columns.isValid());
        QCOMPARE(columns.logY, logY);

        QVERIFY(refineTo(columns));
        const auto reduced = chartOf(loaderCurves());
        reduced->setLogY(logY);
        if (!std::isnan(from))
            reduced->setXRange(from, to);
        QVERIFY(QTest::qWaitForWindowExposed(reduced.get()));
        QCOMPARE(reduced->layer()->pixelColumns(), columns); // framed alike
        qint64 rows = 0;
        for (const auto &curve : loaderCurves())
            rows += curve->size();
        QVERIFY2(rows * 4 < qint64(m_full[0]->size() + m_full[1]->size()) || !std::isnan(from),
                 qPrintable(QStringLiteral("%1 rows").arg(rows)));
        const QImage expected = everyRow->renderImage();
        const QImage actual = reduced->renderImage();
        QCOMPARE(actual.size(), expected.size());
        QVERIFY2(actual == expected, "the chart of the reduced rows differs from the chart of every row");
    }

    // Lines the server cannot reduce for (smoothing, time axes) read every row instead.
    void smoothingReadsEveryRow()
    {
        MetricCurve::LineOptions smoothed;
        smoothed.smoothing = 0.6;
        QVERIFY(m_loader->setLines({MetricCurve::LineOptions(), smoothed}));
        QSignalSpy loaded(m_loader.get(), &MetricCurveLoader::curvesLoaded);
        QVERIFY(!m_loader->load({{QStringLiteral("0"), Loss}, {QStringLiteral("1"), Loss}}));
        QVERIFY(loaded.wait(20'000));
        for (int i = 0; i < 2; ++i) {
            QVERIFY(!m_loader->isReduced({QString::number(i), Loss}));
            QCOMPARE(m_loader->curve(QString::number(i), Loss)->size(), m_full[size_t(i)]->size());
        }
    }

private:
    QTemporaryDir m_dir;
    QStringList m_runs;
    std::vector<std::shared_ptr<MetricCurve>> m_full;
    std::unique_ptr<MetricCurveLoader> m_loader;
};

QTEST_MAIN(TestPgCharts)
#include "tst_pgcharts.moc"
