// PixelReduction: a series reduced to a chart's pixel columns draws what every row draws. The
// oracle is the chart's own reduction (reduceCurve, M4) over every row: from the reduced rows it
// must choose the same points (x and y), mark the same infinities and decide density alike.

#include "curvereducer.h"
#include "metriccurve.h"
#include "pixelreduction.h"
#include "raggedseries.h"

#include <QTest>

#include <limits>

using namespace Store;
using TestSupport::raggedSeries;

namespace {

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

struct Drawn
{
    std::vector<std::pair<qint64, double>> points; // x, y; a break as (0, NaN)
    std::vector<std::pair<qint64, double>> markers;
    bool isDense = false;
    qsizetype visiblePoints = 0;
    qsizetype columns = 0;
};

Drawn draw(const CurveData &line, const CurveXMapping &map, double left, double right)
{
    const ReducedCurve r = reduceCurve(line, map, left, right);
    Drawn d;
    for (size_t k = 0; k < r.indices.size(); ++k) {
        if (r.indices[k] == ReducedCurve::Break)
            d.points.emplace_back(0, Nan);
        else
            d.points.emplace_back(line.xAt(r.indices[k]), r.values[k]);
    }
    for (quint32 i : r.markers)
        d.markers.emplace_back(line.xAt(i), line.y()[i]);
    d.isDense = r.isDense;
    d.visiblePoints = r.visiblePoints;
    d.columns = r.columns;
    return d;
}

bool samePoints(const std::vector<std::pair<qint64, double>> &a,
                const std::vector<std::pair<qint64, double>> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        const bool bothNan = std::isnan(a[i].second) && std::isnan(b[i].second);
        if (a[i].first != b[i].first || (!bothNan && a[i].second != b[i].second))
            return false;
    }
    return true;
}

PixelColumns columnsFor(const CurveXMapping &map, double left, double right, bool logY, double from = -qInf(),
                        double to = qInf())
{
    PixelColumns c;
    c.fitFrom = from;
    c.fitTo = to;
    c.origin = map.origin;
    c.scale = map.scale;
    c.offset = map.offset;
    c.left = qint64(left);
    c.right = qint64(right);
    c.logY = logY;
    return c;
}

} // namespace

class TestPixelReduction : public QObject
{
    Q_OBJECT

private slots:
    void drawsWhatEveryRowDraws_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<qsizetype>("rows");
        QTest::addColumn<double>("from"); // the visible x range
        QTest::addColumn<double>("to");
        QTest::addColumn<double>("width"); // device pixels
        QTest::addColumn<bool>("logY");
        QTest::newRow("whole, dense") << 1u << qsizetype(200'000) << -10.0 << 1.2e6 << 1600.0 << false;
        QTest::newRow("whole, log") << 2u << qsizetype(200'000) << -10.0 << 1.2e6 << 1600.0 << true;
        QTest::newRow("zoomed, fractional edges")
            << 3u << qsizetype(200'000) << 12'345.6 << 98'765.4 << 977.0 << false;
        QTest::newRow("zoomed, few rows a column")
            << 4u << qsizetype(50'000) << 1'000.5 << 9'000.25 << 1500.0 << false;
        QTest::newRow("sparse: every row drawn")
            << 5u << qsizetype(20'000) << 500.0 << 1'500.0 << 1920.0 << false;
        QTest::newRow("between two steps") << 6u << qsizetype(1'000) << 300.2 << 300.7 << 800.0 << false;
        QTest::newRow("past the end") << 7u << qsizetype(10'000) << 50'000.0 << 90'000.0 << 640.0 << false;
        QTest::newRow("narrow") << 8u << qsizetype(100'000) << 0.0 << 4e5 << 37.0 << true;
    }

    void drawsWhatEveryRowDraws()
    {
        QFETCH(quint32, seed);
        QFETCH(qsizetype, rows);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(double, width);
        QFETCH(bool, logY);
        const MetricSeriesPtr full = raggedSeries(seed, rows);
        for (const double offset : {0.0, 61.5, 80.0}) { // the plot area's left edge, on a 1x or 2x grid
            CurveXMapping map;
            map.origin = from;
            map.scale = width / (to - from);
            map.offset = offset;
            const double left = std::floor(offset), right = std::ceil(offset + width);
            const auto reduced = std::make_shared<MetricSeries>(
                PixelReduction::reduceForColumns(*full, columnsFor(map, left, right, logY, from, to)));
            MetricCurve::LineOptions options;
            options.logY = logY;
            MetricCurve fullCurve(full), reducedCurve(reduced);
            const Drawn expected = draw(fullCurve.line(options), map, left, right);
            const Drawn actual = draw(reducedCurve.line(options), map, left, right);
            QVERIFY2(samePoints(actual.points, expected.points),
                     qPrintable(QStringLiteral("%1 points drawn from %2 rows, %3 from all %4")
                                    .arg(actual.points.size())
                                    .arg(reduced->size())
                                    .arg(expected.points.size())
                                    .arg(full->size())));
            QVERIFY(samePoints(actual.markers, expected.markers));
            QCOMPARE(actual.isDense, expected.isDense);
            QCOMPARE(actual.visiblePoints, expected.visiblePoints);
            QCOMPARE(actual.columns, expected.columns);
            // The y range a chart fits to its x range (ChartFrame::fitY()) comes out the same.
            const auto fit = [&](MetricCurve &curve) {
                const CurveData &line = curve.line(options);
                const auto e = line.extremes(line.lowerBound(from), line.upperBound(to));
                return e.isEmpty() ? std::pair(0.0, 0.0) : std::pair(e.minValue, e.maxValue);
            };
            QCOMPARE(fit(reducedCurve), fit(fullCurve));
            // (On a log scale this series' many values <= 0 are gaps that break it into short runs.)
            if (!logY && expected.visiblePoints > 8 * qsizetype(width))
                QVERIFY2(reduced->size() * 10 < full->size(), "a dense view keeps a few rows a column");
        }
    }

    void keepsEveryRowWhenFew()
    {
        const MetricSeriesPtr full = raggedSeries(9, 300);
        PixelColumns c;
        c.origin = full->steps.front();
        c.scale = 1000.0 / double(full->steps.back() - full->steps.front() + 1);
        c.right = 1000;
        const MetricSeries reduced = PixelReduction::reduceForColumns(*full, c);
        QCOMPARE(reduced.size(), full->size());
        QVERIFY(
            std::all_of(reduced.weights.begin(), reduced.weights.end(), [](quint32 w) { return w == 1; }));
    }

    void weightsCountEveryRow()
    {
        const MetricSeriesPtr full = raggedSeries(10, 100'000);
        const PixelColumns c
            = PixelReduction::overviewColumns(full->steps.front(), full->steps.back(), 512, false);
        const MetricSeries reduced = PixelReduction::reduceForColumns(*full, c);
        QVERIFY(reduced.size() < full->size() / 10);
        qint64 total = 0;
        for (quint32 w : reduced.weights)
            total += w;
        QCOMPARE(total, qint64(full->size()));
        QCOMPARE(PixelReduction::columnOf(c, full->steps.back()),
                 qint64(511)); // the overview holds every step
        QCOMPARE(PixelReduction::columnOf(c, full->steps.front()), qint64(0));
    }

    // Zoomed in, a chart keeps the overview's rows beside the zoomed range to pan into.
    void mergeKeepsTheCoarseRowsAround()
    {
        const MetricSeriesPtr full = raggedSeries(11, 50'000);
        const MetricSeries coarse = PixelReduction::reduceForColumns(
            *full, PixelReduction::overviewColumns(full->steps.front(), full->steps.back(), 256, false));
        CurveXMapping map;
        map.origin = 20'000.5;
        map.scale = 800.0 / 10'000.0;
        const PixelColumns columns = columnsFor(map, 0, 800, false);
        const MetricSeries fine = PixelReduction::reduceForColumns(*full, columns);
        const auto merged = std::make_shared<MetricSeries>(PixelReduction::merge(coarse, fine));
        QVERIFY(std::is_sorted(merged->steps.begin(), merged->steps.end()));
        QCOMPARE(merged->steps.front(), full->steps.front());
        QCOMPARE(merged->steps.back(), full->steps.back());
        QVERIFY(merged->size() > fine.size());
        // In view it draws exactly what every row draws.
        MetricCurve all(full), kept(merged);
        const Drawn expected = draw(all.line({}), map, 0, 800);
        const Drawn actual = draw(kept.line({}), map, 0, 800);
        QVERIFY(samePoints(actual.points, expected.points));
        QCOMPARE(actual.visiblePoints, expected.visiblePoints);
    }

    void stepRangeIsExact()
    {
        PixelColumns c;
        c.origin = 0.1;
        c.scale = 0.3;
        c.offset = 17.25;
        c.left = 20;
        c.right = 50;
        const auto unmap = [&](double px) { return (px - c.offset) / c.scale + c.origin; };
        const auto range = PixelReduction::stepRange(c);
        QVERIFY(range);
        QVERIFY(double(range->first) >= unmap(20) && double(range->first - 1) < unmap(20));
        QVERIFY(double(range->second) <= unmap(50) && double(range->second + 1) > unmap(50));
    }
};

QTEST_GUILESS_MAIN(TestPixelReduction)
#include "tst_pixelreduction.moc"
