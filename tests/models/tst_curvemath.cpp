#include "curvemath.h"
#include "metriccurve.h"

#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>

using namespace CurveMath;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

Store::MetricSeriesPtr series(std::vector<qint64> steps, std::vector<qint64> timestamps,
                              std::vector<double> values)
{
    auto s = std::make_shared<Store::MetricSeries>();
    s->runId = QStringLiteral("r1");
    s->key = QStringLiteral("loss");
    s->steps = std::move(steps);
    s->timestamps = std::move(timestamps);
    s->values = std::move(values);
    return s;
}

} // namespace

class TestCurveMath : public QObject
{
    Q_OBJECT
private slots:
    void smoothingMatchesHandComputedValues_data();
    void smoothingMatchesHandComputedValues();
    void smoothingOfAConstantIsTheConstant();
    void quantileRangeIgnoresOutliers();
    void quantileRangeOfNothing();
    void axisNames();
    void relativeTimeUnits_data();
    void relativeTimeUnits();
    void lineByStepIsTheStoredOrder();
    void lineByTimeSortsUnorderedTimestamps();
    void logLineTurnsNonPositiveValuesIntoGaps();
    void smoothedLineIsCached();
};

void TestCurveMath::smoothingMatchesHandComputedValues_data()
{
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<double>("weight");
    QTest::addColumn<std::vector<double>>("expected");
    // last = last*w + (1-w)*v; smoothed = last / (1 - w^n)
    QTest::addRow("w=0 is the identity")
        << std::vector<double> {1, 5, 2} << 0.0 << std::vector<double> {1, 5, 2};
    QTest::addRow("w=0.5") << std::vector<double> {1, 2, 3} << 0.5
                           << std::vector<double> {1, 1.25 / 0.75, 2.125 / 0.875};
    QTest::addRow("NaN passes through and does not count")
        << std::vector<double> {1, NaN, 3} << 0.5 << std::vector<double> {1, NaN, 1.75 / 0.75};
    QTest::addRow("MLflow's inf passes through")
        << std::vector<double> {2, DBL_MAX, 2} << 0.9 << std::vector<double> {2, DBL_MAX, 2};
    QTest::addRow("w=0.9 first value unbiased")
        << std::vector<double> {10, 0} << 0.9 << std::vector<double> {10, 0.9 / 0.19};
}

void TestCurveMath::smoothingMatchesHandComputedValues()
{
    QFETCH(std::vector<double>, values);
    QFETCH(double, weight);
    QFETCH(std::vector<double>, expected);
    const std::vector<double> got = smoothed(values, weight);
    QCOMPARE(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
        if (std::isnan(expected[i]))
            QVERIFY(std::isnan(got[i]));
        else
            QVERIFY2(std::fabs(got[i] - expected[i]) < 1e-12,
                     qPrintable(QStringLiteral("%1: %2 != %3").arg(i).arg(got[i]).arg(expected[i])));
    }
}

void TestCurveMath::smoothingOfAConstantIsTheConstant()
{
    const std::vector<double> values(1000, 0.25);
    for (double v : smoothed(values, 0.99))
        QVERIFY(std::fabs(v - 0.25) < 1e-12);
}

void TestCurveMath::quantileRangeIgnoresOutliers()
{
    std::vector<double> a(1000), b(1000);
    for (int i = 0; i < 1000; ++i) {
        a[size_t(i)] = i; // 0 .. 999
        b[size_t(i)] = 1000 + i; // 1000 .. 1999
    }
    a[0] = -1e12; // outliers
    b[999] = 1e12;
    a[1] = NaN;
    const std::span<const double> spans[] = {a, b};
    const auto [lo, hi] = quantileRange(spans, 0.05, 0.95);
    QVERIFY2(lo > 90 && lo < 110, qPrintable(QString::number(lo)));
    QVERIFY2(hi > 1890 && hi < 1910, qPrintable(QString::number(hi)));
}

void TestCurveMath::quantileRangeOfNothing()
{
    const std::vector<double> nans(5, NaN);
    const std::span<const double> spans[] = {nans};
    QVERIFY(std::isnan(quantileRange(spans, 0.05, 0.95).first));
}

void TestCurveMath::axisNames()
{
    for (XAxis axis : {XAxis::Step, XAxis::WallTime, XAxis::RelativeTime}) {
        bool ok = false;
        QCOMPARE(xAxisFromName(xAxisName(axis), &ok), axis);
        QVERIFY(ok);
    }
    bool ok = true;
    xAxisFromName(QStringLiteral("epoch"), &ok);
    QVERIFY(!ok);
}

void TestCurveMath::relativeTimeUnits_data()
{
    QTest::addColumn<double>("spanMs");
    QTest::addColumn<QString>("suffix");
    QTest::addRow("90 s") << 90'000.0 << "s";
    QTest::addRow("10 min") << 600'000.0 << "min";
    QTest::addRow("1.5 h") << 5'400'000.0 << "min";
    QTest::addRow("3 h") << 10'800'000.0 << "h";
}

void TestCurveMath::relativeTimeUnits()
{
    QFETCH(double, spanMs);
    QFETCH(QString, suffix);
    QCOMPARE(relativeTimeUnit(spanMs).suffix, suffix);
}

void TestCurveMath::lineByStepIsTheStoredOrder()
{
    MetricCurve curve(series({0, 1, 2}, {30, 10, 20}, {1, 2, 3}));
    const CurveData &line = curve.line({});
    QCOMPARE(std::vector<qint64>(line.x().begin(), line.x().end()), (std::vector<qint64> {0, 1, 2}));
    QCOMPARE(curve.startTime(), qint64(10));
}

void TestCurveMath::lineByTimeSortsUnorderedTimestamps()
{
    // Logged out of time order (a resumed run): the wall-time line is ordered by time.
    MetricCurve curve(series({0, 1, 2, 3}, {30, 10, 20, 10}, {1, 2, 3, 4}), 5);
    MetricCurve::LineOptions options;
    options.xAxis = XAxis::WallTime;
    const CurveData &line = curve.line(options);
    QCOMPARE(std::vector<qint64>(line.x().begin(), line.x().end()), (std::vector<qint64> {10, 10, 20, 30}));
    QCOMPARE(std::vector<double>(line.y().begin(), line.y().end()), (std::vector<double> {2, 4, 3, 1}));
    QCOMPARE(curve.startTime(), qint64(5)); // the run's start, when known
    options.xAxis = XAxis::RelativeTime;
    QCOMPARE(&curve.line(options), &line); // the same points
}

void TestCurveMath::logLineTurnsNonPositiveValuesIntoGaps()
{
    MetricCurve curve(series({0, 1, 2, 3}, {0, 0, 0, 0}, {1, 0, -3, 4}));
    QVERIFY(curve.hasNonPositiveValues());
    MetricCurve::LineOptions options;
    options.logY = true;
    const CurveData &line = curve.line(options);
    QCOMPARE(line.breaks(), (std::vector<quint32> {1, 2}));
    QCOMPARE(line.breakKind(line.y()[1]), CurveData::BreakKind::Gap);

    MetricCurve positive(series({0, 1}, {0, 0}, {1, 2}));
    QVERIFY(!positive.hasNonPositiveValues());
    QCOMPARE(&positive.line(options), &positive.line({})); // nothing to hide: the same line
}

void TestCurveMath::smoothedLineIsCached()
{
    MetricCurve curve(series({0, 1, 2}, {0, 1, 2}, {1, 2, 3}));
    MetricCurve::LineOptions options;
    options.smoothing = 0.5;
    const CurveData &a = curve.line(options);
    QCOMPARE(&curve.line(options), &a);
    QCOMPARE(a.y()[1], 1.25 / 0.75);
    QCOMPARE(curve.series().values[1], 2.0); // the stored series is untouched
    QVERIFY(curve.memoryFootprint() >= 3 * 24);
    // Another weight replaces the smoothed line rather than adding one (a dragged slider).
    const qint64 footprint = curve.memoryFootprint();
    for (double w : {0.6, 0.7, 0.8, 0.9}) {
        options.smoothing = w;
        curve.line(options);
    }
    QCOMPARE(curve.memoryFootprint(), footprint);
    QCOMPARE(curve.line(options).y()[1], (0.9 * 0.1 * 1 + 0.1 * 2) / (1 - 0.81));
}

QTEST_GUILESS_MAIN(TestCurveMath)
#include "tst_curvemath.moc"
