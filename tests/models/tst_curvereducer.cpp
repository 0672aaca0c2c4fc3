#include "curvedata.h"
#include "curvereducer.h"
#include "minmaxpyramid.h"

#include <QRandomGenerator>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();
const double Inf = std::numeric_limits<double>::infinity();

struct Line
{
    std::vector<qint64> x;
    std::vector<double> y;
    CurveData data() const { return CurveData(x, y, {}); }
};

Line line(std::vector<double> y)
{
    Line l;
    l.y = std::move(y);
    l.x.resize(l.y.size());
    std::iota(l.x.begin(), l.x.end(), 0);
    return l;
}

// One pixel per x unit, from x = 0 at pixel 0.
const CurveXMapping Identity {0, 1, 0};

// The polylines of a reduction, as lists of indices.
std::vector<std::vector<quint32>> polylines(const ReducedCurve &r)
{
    std::vector<std::vector<quint32>> out(1);
    for (quint32 i : r.indices) {
        if (i == ReducedCurve::Break)
            out.emplace_back();
        else
            out.back().push_back(i);
    }
    if (out.back().empty())
        out.pop_back();
    return out;
}

} // namespace

class TestCurveReducer : public QObject
{
    Q_OBJECT
private slots:
    void pyramidMatchesBruteForce();
    void pyramidSkipsNonFinite();
    void emptyAndSinglePoint();
    void allEqualValues();
    void m4KeepsExtremesOfEveryColumn_data();
    void m4KeepsExtremesOfEveryColumn();
    void nanBreaksTheLine();
    void infinitiesAreMarkersNotExtremes();
    void duplicateSteps();
    void visibleRangeKeepsNeighbours();
    void fewPointsKeepsEveryPoint();
    void decimationNoneKeepsEveryPoint();
    void outputIsBoundedByWidth();
};

void TestCurveReducer::pyramidMatchesBruteForce()
{
    QRandomGenerator rng(7);
    // 5,000 values climb the levels; 200,000 also reach the windows above them (2^k nodes of
    // 512 points, k up to 8).
    for (const int count : {5000, 200000}) {
        std::vector<double> values(static_cast<size_t>(count));
        for (double &v : values)
            v = std::floor(rng.generateDouble() * 100); // many ties
        const MinMaxPyramid pyramid(values);
        for (int trial = 0; trial < 1000; ++trial) {
            const qsizetype a = rng.bounded(count);
            const qsizetype b = a + 1 + rng.bounded(count - int(a));
            const auto e = pyramid.query(values, a, b);
            const auto lo = std::min_element(values.begin() + a, values.begin() + b) - values.begin();
            const auto hi = std::max_element(values.begin() + a, values.begin() + b) - values.begin();
            QCOMPARE(qsizetype(e.minIndex), lo); // ties: the earliest index, as min_element
            QCOMPARE(qsizetype(e.maxIndex), hi);
        }
        QVERIFY(pyramid.memoryFootprint() <= qint64(2.5 * count)); // 1.5 + 0.6 bytes a point
    }
}

void TestCurveReducer::pyramidSkipsNonFinite()
{
    std::vector<double> values(300, NaN);
    values[5] = 3;
    values[250] = -2;
    values[100] = Inf;
    const MinMaxPyramid pyramid(values);
    auto e = pyramid.query(values, 0, 300);
    QCOMPARE(e.minIndex, 250u);
    QCOMPARE(e.maxIndex, 5u);
    QVERIFY(pyramid.query(values, 6, 250).isEmpty());
    QVERIFY(pyramid.memoryFootprint() <= 2 * qint64(values.size())); // 1.5 bytes a point
}

void TestCurveReducer::emptyAndSinglePoint()
{
    const Line empty;
    QVERIFY(reduceCurve(empty.data(), Identity, 0, 100).indices.empty());
    const Line one = line({4.5});
    const ReducedCurve r = reduceCurve(one.data(), Identity, 0, 100);
    QCOMPARE(r.indices, std::vector<quint32> {0});
    // A point outside the view is still the neighbour that draws the line to the edge.
    QCOMPARE(reduceCurve(one.data(), CurveXMapping {0, 1, -50}, 0, 100).indices, std::vector<quint32> {0});
}

void TestCurveReducer::allEqualValues()
{
    const Line flat = line(std::vector<double>(100000, 1.0));
    const ReducedCurve r = reduceCurve(flat.data(), CurveXMapping {0, 0.01, 0}, 0, 1000);
    // Two points a column (first and last; min and max coincide with them).
    QVERIFY(r.indices.size() <= 2 * 1001);
    QCOMPARE(r.indices.front(), 0u);
    QCOMPARE(r.indices.back(), 99999u);
}

void TestCurveReducer::m4KeepsExtremesOfEveryColumn_data()
{
    QTest::addColumn<bool>("even");
    QTest::addRow("steps 0, 1, 2, ... (x worked out)") << true;
    QTest::addRow("uneven steps (x read)") << false;
}

void TestCurveReducer::m4KeepsExtremesOfEveryColumn()
{
    QFETCH(bool, even);
    QRandomGenerator rng(42);
    std::vector<double> y(200000);
    for (size_t i = 0; i < y.size(); ++i)
        y[i] = std::sin(double(i) / 3000) + rng.generateDouble() * 0.1 + (i % 9973 == 0 ? 5 : 0);
    Line l = line(y);
    if (!even) {
        for (size_t i = 0; i < l.x.size(); ++i)
            l.x[i] = qint64(i) * 2 + qint64(i % 3 == 0); // ascending, gaps of 1, 2 and 3
    }
    const CurveData data = l.data();
    QCOMPARE(data.isEvenlySpaced(), even);
    for (qsizetype i : {qsizetype(0), qsizetype(1), qsizetype(12345), data.size() - 1})
        QCOMPARE(data.xAt(i), l.x[size_t(i)]);
    const CurveXMapping map {0, 800.0 / double(l.x.back()), 10}; // 800 px wide starting at 10
    const ReducedCurve r = reduceCurve(data, map, 10, 810);
    QVERIFY(r.indices.size() <= 4 * 802);
    QVERIFY(std::is_sorted(r.indices.begin(), r.indices.end()));
    // The values kept beside the indices are the points' own.
    QCOMPARE(r.values.size(), r.indices.size());
    for (size_t k = 0; k < r.indices.size(); ++k)
        QCOMPARE(r.values[k], y[r.indices[k]]);

    // Per column: the kept points include the first, last, min and max of all points.
    std::map<qint64, std::vector<quint32>> all, kept;
    for (quint32 i = 0; i < y.size(); ++i)
        all[pixelColumn(map.map(double(l.x[i])))].push_back(i);
    for (quint32 i : r.indices)
        kept[pixelColumn(map.map(double(l.x[i])))].push_back(i);
    QCOMPARE(kept.size(), all.size());
    for (const auto &[column, indices] : all) {
        const std::vector<quint32> &k = kept[column];
        QCOMPARE(k.front(), indices.front());
        QCOMPARE(k.back(), indices.back());
        const auto minmax = std::minmax_element(indices.begin(), indices.end(),
                                                [&](quint32 a, quint32 b) { return y[a] < y[b]; });
        const auto keptMinmax
            = std::minmax_element(k.begin(), k.end(), [&](quint32 a, quint32 b) { return y[a] < y[b]; });
        QCOMPARE(y[*keptMinmax.first], y[*minmax.first]);
        QCOMPARE(y[*keptMinmax.second], y[*minmax.second]);
    }
}

void TestCurveReducer::nanBreaksTheLine()
{
    std::vector<double> y(10000, 1.0);
    for (size_t i = 0; i < y.size(); ++i)
        y[i] = double(i % 17);
    y[5000] = NaN; // a gap in the middle of a column
    y[5001] = NaN;
    y[9000] = NaN;
    const Line l = line(y);
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {0, 0.05, 0}, 0, 500);
    const auto lines = polylines(r);
    QCOMPARE(lines.size(), size_t(3));
    QCOMPARE(lines[0].back(), 4999u);
    QCOMPARE(lines[1].front(), 5002u);
    QCOMPARE(lines[1].back(), 8999u);
    QCOMPARE(lines[2].front(), 9001u);
    QCOMPARE(r.values.size(), r.indices.size());
    for (size_t k = 0; k < r.indices.size(); ++k) {
        const quint32 i = r.indices[k];
        QVERIFY(i == ReducedCurve::Break || !std::isnan(y[i]));
        QVERIFY(i == ReducedCurve::Break ? std::isnan(r.values[k]) : r.values[k] == y[i]);
    }
    QVERIFY(r.markers.empty()); // NaN is a gap, not a marker

    // A leading NaN does not start with a break.
    const Line leading = line({NaN, 1, 2});
    QCOMPARE(reduceCurve(leading.data(), Identity, 0, 10).indices, (std::vector<quint32> {1, 2}));
}

void TestCurveReducer::infinitiesAreMarkersNotExtremes()
{
    std::vector<double> y(20000, 0.5);
    y[100] = Inf;
    y[101] = DBL_MAX; // MLflow's +inf
    y[7000] = -DBL_MAX; // MLflow's -inf
    y[7001] = -Inf;
    const Line l = line(y);
    const CurveData data = l.data();
    QCOMPARE(data.breaks(), (std::vector<quint32> {100, 101, 7000, 7001}));
    const auto e = data.extremes(0, 20000);
    QCOMPARE(y[e.minIndex], 0.5);
    QCOMPARE(y[e.maxIndex], 0.5);
    // Not in a whole block either: the edges of a query are scanned value by value.
    QCOMPARE(y[data.extremes(99, 103).maxIndex], 0.5);
    QCOMPARE(y[data.extremes(6999, 7003).minIndex], 0.5);
    QVERIFY(data.extremes(100, 102).isEmpty());
    const ReducedCurve r = reduceCurve(data, CurveXMapping {0, 0.01, 0}, 0, 200);
    // One marker per pixel column and sign: 100 and 101 share column 1, 7000 and 7001 column 70.
    QCOMPARE(r.markers, (std::vector<quint32> {100, 7000}));
    QCOMPARE(CurveData::breakKind(y[100]), CurveData::BreakKind::PlusInfinity);
    QCOMPARE(CurveData::breakKind(y[7000]), CurveData::BreakKind::MinusInfinity);
    for (quint32 i : r.indices)
        QVERIFY(i == ReducedCurve::Break || y[i] == 0.5);
}

void TestCurveReducer::duplicateSteps()
{
    // Several values at the same step (MLflow keeps them all): one column holds them all.
    Line l;
    for (int step = 0; step < 1000; ++step) {
        for (int k = 0; k < 3; ++k) {
            l.x.push_back(step);
            l.y.push_back(step % 2 ? -k : k);
        }
    }
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {0, 0.1, 0}, 0, 100);
    QVERIFY(r.indices.size() < l.y.size());
    double lo = 0, hi = 0;
    for (quint32 i : r.indices) {
        lo = std::min(lo, l.y[i]);
        hi = std::max(hi, l.y[i]);
    }
    QCOMPARE(lo, -2.0);
    QCOMPARE(hi, 2.0);
}

void TestCurveReducer::visibleRangeKeepsNeighbours()
{
    const Line l = line(std::vector<double>(1000, 1.0));
    // x 100 .. 200 visible on 100 px: keep 99 .. 201 so the line reaches both edges.
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {100, 1, 0}, 0, 100);
    QCOMPARE(r.indices.front(), 99u);
    QCOMPARE(r.indices.back(), 201u);
}

void TestCurveReducer::fewPointsKeepsEveryPoint()
{
    const Line l = line({3, 1, 4, 1, 5, 9, 2, 6});
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {0, 0.1, 0}, 0, 100);
    QCOMPARE(r.indices, (std::vector<quint32> {0, 1, 2, 3, 4, 5, 6, 7}));
}

void TestCurveReducer::decimationNoneKeepsEveryPoint()
{
    const Line l = line(std::vector<double>(100000, 2.0));
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {0, 0.001, 0}, 0, 100, Decimation::None);
    QCOMPARE(r.indices.size(), size_t(100000));
}

void TestCurveReducer::outputIsBoundedByWidth()
{
    QRandomGenerator rng(1);
    std::vector<double> y(1'000'000);
    for (double &v : y)
        v = rng.generateDouble();
    const Line l = line(y);
    const ReducedCurve r = reduceCurve(l.data(), CurveXMapping {0, 1600.0 / 1e6, 0}, 0, 1600);
    QVERIFY2(r.indices.size() <= 4 * 1602, QByteArray::number(qulonglong(r.indices.size())));
}

QTEST_GUILESS_MAIN(TestCurveReducer)
#include "tst_curvereducer.moc"
