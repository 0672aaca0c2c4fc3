#include "curvechartview.h"

#include <QApplication>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cfloat>
#include <cmath>
#include <limits>

namespace {

const QColor Blue(0x1f, 0x4e, 0xd8);
const QColor Orange(0xf2, 0x8e, 0x2b);

// A noisy curve with rare spikes, the kind sampling viewers lose.
Store::MetricSeriesPtr noisyCurve(const QString &runId, qsizetype points, quint32 seed)
{
    auto s = std::make_shared<Store::MetricSeries>();
    s->runId = runId;
    s->key = QStringLiteral("loss");
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < points; ++i) {
        s->steps.push_back(i);
        s->timestamps.push_back(1'700'000'000'000 + i * 50);
        double v = 2.0 * std::exp(-double(i) / double(points) * 3) + rng.generateDouble() * 0.3;
        if (rng.bounded(20000) == 0)
            v += 3; // a spike
        s->values.push_back(v);
    }
    return s;
}

ChartCurve chartCurve(Store::MetricSeriesPtr series, QColor color, qint64 start = Store::NoTime)
{
    ChartCurve c;
    c.curve = std::make_shared<MetricCurve>(std::move(series), start);
    c.runName = c.curve->runId();
    c.color = color;
    return c;
}

// Fraction of pixels that differ between two images of the same size.
double differingFraction(const QImage &a, const QImage &b)
{
    Q_ASSERT(a.size() == b.size());
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            differing += p[col] != q[col];
    }
    return double(differing) / (double(x.width()) * x.height());
}

// Pixels of `color`, or of `color` blended with the white background (antialiased thin lines
// rarely cover a pixel fully): the curve was drawn.
int pixelsOfColor(const QImage &image, const QColor &color)
{
    int count = 0;
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    const int target[3] = {color.red(), color.green(), color.blue()};
    for (int row = 0; row < img.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(img.constScanLine(row));
        for (int col = 0; col < img.width(); ++col) {
            const int pixel[3] = {qRed(p[col]), qGreen(p[col]), qBlue(p[col])};
            // pixel = a * color + (1 - a) * white, with the same a in every channel.
            double alphas[3];
            int n = 0;
            for (int c = 0; c < 3; ++c) {
                if (target[c] < 235)
                    alphas[n++] = double(255 - pixel[c]) / double(255 - target[c]);
            }
            if (n == 0)
                continue;
            const double a = (alphas[0] + alphas[n - 1]) / 2;
            bool same = a > 0.35 && a < 1.1;
            for (int k = 0; k < n; ++k)
                same = same && std::abs(alphas[k] - a) < 0.12;
            count += same;
        }
    }
    return count;
}

} // namespace

class TestCurveChartView : public QObject
{
    Q_OBJECT
private slots:
    void m4DrawsTheSamePixelsAsEveryPoint_data();
    void m4DrawsTheSamePixelsAsEveryPoint();
    void m4WithAntialiasingIsAlmostTheSame();
    void rendersTheCurveInItsColour();
    void xAxisModes();
    void logScaleSkipsNonPositiveValuesWithANotice();
    void infinityDoesNotStretchTheYAxis();
    void ignoreOutliersNarrowsTheRange();
    void zoomPanAndReset();
    void zoomRevealsTheOriginalPoints();
    void keyboardAndWheel();
    void legendTogglesACurve();
    void exportsSvg();
    void lonePointsGetAMarker();
    void dashedKeysShowTheirDashInTheLegend();
};

void TestCurveChartView::m4DrawsTheSamePixelsAsEveryPoint_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<bool>("withGaps");
    QTest::addRow("200k noisy points with spikes") << 200'000 << false;
    QTest::addRow("200k points with NaN gaps and infinities") << 200'000 << true;
    QTest::addRow("5k points (a few per column)") << 5'000 << false;
    QTest::addRow("3k points (two or three per column)") << 3'000 << false;
}

void TestCurveChartView::m4DrawsTheSamePixelsAsEveryPoint()
{
    QFETCH(int, points);
    QFETCH(bool, withGaps);
    auto series = std::const_pointer_cast<Store::MetricSeries>(noisyCurve(QStringLiteral("a"), points, 11));
    if (withGaps) {
        for (int i = 1000; i < points; i += 7919)
            series->values[size_t(i)] = std::numeric_limits<double>::quiet_NaN();
        series->values[size_t(points / 3)] = DBL_MAX;
        series->values[size_t(points / 2)] = -std::numeric_limits<double>::infinity();
    }
    CurveChartView view;
    view.setAntialiasing(false);
    view.layer()->setLineWidth(1);
    view.resize(1200, 700);
    view.setCurves(
        {chartCurve(series, Blue), chartCurve(noisyCurve(QStringLiteral("b"), points, 12), Orange)});
    const QImage m4 = view.renderImage();
    const qsizetype reducedPoints = view.layer()->drawnPointCount();
    view.setDecimation(Decimation::None);
    const QImage all = view.renderImage();
    // Every finite point of both curves (NaN and infinities are breaks and markers).
    QVERIFY(view.layer()->drawnPointCount() > 2 * points - 100);
    if (points > 10'000)
        QVERIFY2(reducedPoints < 4 * 2 * 1200, qPrintable(QString::number(reducedPoints)));
    QVERIFY(pixelsOfColor(m4, Blue) > 1000);
    if (m4 != all) {
        // Where they differ, to tell a reduction bug from a rasterizer corner.
        int shown = 0;
        for (int y = 0; y < m4.height() && shown < 12; ++y)
            for (int x = 0; x < m4.width() && shown < 12; ++x)
                if (m4.pixel(x, y) != all.pixel(x, y) && ++shown)
                    qInfo("differs at %d,%d: m4 %08x all %08x", x, y, m4.pixel(x, y), all.pixel(x, y));
    }
    QCOMPARE(differingFraction(m4, all), 0.0);
}

void TestCurveChartView::m4WithAntialiasingIsAlmostTheSame()
{
    CurveChartView view;
    view.setAntialiasing(true);
    view.resize(1200, 700);
    // A noisy band (drawn aliased) and a smooth dense line (antialiased).
    auto smooth = std::make_shared<Store::MetricSeries>();
    smooth->runId = QStringLiteral("b");
    smooth->key = QStringLiteral("lr");
    for (int i = 0; i < 200'000; ++i) {
        smooth->steps.push_back(i);
        smooth->timestamps.push_back(i);
        smooth->values.push_back(1.5 + std::sin(i / 20000.0));
    }
    view.setCurves(
        {chartCurve(noisyCurve(QStringLiteral("a"), 200'000, 21), Blue), chartCurve(smooth, Orange)});
    const QImage m4 = view.renderImage();
    view.setDecimation(Decimation::None);
    const QImage all = view.renderImage();
    const double fraction = differingFraction(m4, all);
    qInfo("antialiased: %.4f %% of pixels differ", fraction * 100);
    QVERIFY2(fraction <= 0.005, qPrintable(QString::number(fraction)));
}

void TestCurveChartView::rendersTheCurveInItsColour()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 3000, 1), Blue)});
    QVERIFY(pixelsOfColor(view.renderImage(), Blue) > 500);
    CurveChartView empty;
    empty.resize(800, 500);
    QCOMPARE(pixelsOfColor(empty.renderImage(), Blue), 0);
}

void TestCurveChartView::xAxisModes()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 1000, 1), Blue, 1'700'000'000'000 - 60'000)});
    QVERIFY(qobject_cast<QValueAxis *>(view.xAxisItem()));
    QCOMPARE(view.xMin(), 0.0);
    QCOMPARE(view.xMax(), 999.0);

    view.setXAxis(CurveMath::XAxis::WallTime);
    auto *dates = qobject_cast<QDateTimeAxis *>(view.xAxisItem());
    QVERIFY(dates);
    QCOMPARE(dates->min().toMSecsSinceEpoch(), qint64(1'700'000'000'000));
    QCOMPARE(view.xMax(), 1'700'000'000'000.0 + 999 * 50);

    view.setXAxis(CurveMath::XAxis::RelativeTime);
    auto *relative = qobject_cast<QValueAxis *>(view.xAxisItem());
    QVERIFY(relative);
    // Measured from the run's start, a minute before the first point; 50 s shown: in seconds.
    QCOMPARE(view.xMin(), 60'000.0);
    QCOMPARE(relative->titleText(), QStringLiteral("Relative time (s)"));
    QCOMPARE(relative->min(), 60.0);
    view.zoomX(20, 0); // 1000 s: in minutes
    QCOMPARE(relative->titleText(), QStringLiteral("Relative time (min)"));
    QCOMPARE(relative->min(), 1.0);
    QVERIFY(pixelsOfColor(view.renderImage(), Blue) > 200);
}

void TestCurveChartView::logScaleSkipsNonPositiveValuesWithANotice()
{
    auto series = std::make_shared<Store::MetricSeries>();
    series->runId = QStringLiteral("a");
    series->key = QStringLiteral("loss");
    for (int i = 0; i < 100; ++i) {
        series->steps.push_back(i);
        series->timestamps.push_back(i);
        series->values.push_back(i % 10 == 0 ? 0.0 : 1.0 + i);
    }
    CurveChartView view;
    view.resize(800, 500);
    QSignalSpy notices(&view, &CurveChartView::noticeChanged);
    view.setCurves({chartCurve(series, Blue)});
    QVERIFY(view.notice().isEmpty());
    view.setLogY(true);
    QVERIFY(qobject_cast<QLogValueAxis *>(view.yAxisItem()));
    QVERIFY(!view.notice().isEmpty());
    QCOMPARE(notices.count(), 1);
    QVERIFY(view.yMin() > 0);
    QVERIFY(view.yMin() <= 2.0 && view.yMax() >= 99.0);
    QVERIFY(pixelsOfColor(view.renderImage(), Blue) > 200);
    view.setLogY(false);
    QVERIFY(view.notice().isEmpty());
    QVERIFY(view.yMin() < 0.0 + 1e-9);
}

void TestCurveChartView::infinityDoesNotStretchTheYAxis()
{
    auto series = std::const_pointer_cast<Store::MetricSeries>(noisyCurve(QStringLiteral("a"), 1000, 3));
    series->values[500] = DBL_MAX; // MLflow's +inf
    series->values[501] = std::numeric_limits<double>::infinity();
    series->values[502] = -DBL_MAX;
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(series, Blue)});
    QVERIFY2(view.yMax() < 10 && view.yMin() > -1,
             qPrintable(QStringLiteral("%1 .. %2").arg(view.yMin()).arg(view.yMax())));
    view.renderImage();
    QCOMPARE(view.layer()->curves().size(), size_t(1));
}

void TestCurveChartView::ignoreOutliersNarrowsTheRange()
{
    auto series = std::const_pointer_cast<Store::MetricSeries>(noisyCurve(QStringLiteral("a"), 10000, 4));
    series->values[5000] = 1e6;
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(series, Blue)});
    QVERIFY(view.yMax() > 1e5);
    view.setIgnoreOutliers(true);
    QVERIFY2(view.yMax() < 3, qPrintable(QString::number(view.yMax())));
}

void TestCurveChartView::zoomPanAndReset()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 10000, 5), Blue)});
    QSignalSpy ranges(&view, &CurveChartView::xRangeChanged);
    view.zoomX(0.5, 0.5);
    QCOMPARE(ranges.count(), 1);
    QCOMPARE(view.xMin(), 9999 * 0.25);
    QCOMPARE(view.xMax(), 9999 * 0.75);
    QVERIFY(view.isZoomed());
    view.panX(0.1);
    QCOMPARE(view.xMin(), 9999 * 0.25 + 9999 * 0.05);
    view.setXRange(100, 200); // from a synchronised chart: no echo
    QCOMPARE(ranges.count(), 2);
    QCOMPARE(view.xMin(), 100.0);
    view.resetZoom();
    QCOMPARE(view.xMin(), 0.0);
    QCOMPARE(view.xMax(), 9999.0);
    QVERIFY(!view.isZoomed());
}

void TestCurveChartView::zoomRevealsTheOriginalPoints()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 1'000'000, 6), Blue)});
    view.renderImage();
    const qsizetype whole = view.layer()->drawnPointCount();
    QVERIFY2(whole < 4 * 800, qPrintable(QString::number(whole)));
    view.setXRange(1000, 1100); // 101 points in view, every one drawn (plus the neighbours)
    view.renderImage();
    QCOMPARE(view.layer()->drawnPointCount(), qsizetype(103));
}

void TestCurveChartView::keyboardAndWheel()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 1000, 7), Blue)});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.xMax() - view.xMin() < 999);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.xMax() - view.xMin(), 999.0);

    const QPoint center = view.mapFromScene(view.chart()->plotArea().center());
    QWheelEvent wheel(center, view.mapToGlobal(center), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.xMax() - view.xMin() < 999 * 0.81);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(view.xMax() - view.xMin(), 999.0);

    // Drag to pan: the range moves against the drag.
    const double before = view.xMin();
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, center);
    QMouseEvent move(QEvent::MouseMove, center - QPoint(100, 0),
                     view.viewport()->mapToGlobal(center - QPoint(100, 0)), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, center - QPoint(100, 0));
    QVERIFY(view.xMin() > before);
}

void TestCurveChartView::legendTogglesACurve()
{
    CurveChartView view;
    view.resize(800, 500);
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 3000, 8), Blue),
                    chartCurve(noisyCurve(QStringLiteral("b"), 3000, 9), Orange)});
    QCOMPARE(view.chart()->legend()->markers().size(), 2);
    QVERIFY(pixelsOfColor(view.renderImage(), Orange) > 200);
    view.chart()->legend()->markers().at(1)->clicked();
    QVERIFY(!view.curves()[1].visible);
    QCOMPARE(pixelsOfColor(view.renderImage(), Orange) < 50, true); // only the legend swatch, faded
    view.chart()->legend()->markers().at(1)->clicked();
    QVERIFY(view.curves()[1].visible);
}

void TestCurveChartView::exportsSvg()
{
    CurveChartView view;
    view.setTitle(QStringLiteral("loss"));
    view.setCurves({chartCurve(noisyCurve(QStringLiteral("a"), 50'000, 10), Blue)});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(view.saveSvg(path, QSize(900, 500)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("polyline") || svg.contains("<path"));
    QVERIFY(svg.contains("loss"));
    QVERIFY2(svg.size() < 2'000'000, "the SVG holds reduced points, not 50k");
}

// A metric logged once, and a finite value between NaN and +inf neighbours, show as a disc in
// the window and in an exported SVG, not as a one-pixel dot; hovering the disc finds its curve.
void TestCurveChartView::lonePointsGetAMarker()
{
    auto once = std::make_shared<Store::MetricSeries>();
    once->runId = QStringLiteral("final");
    once->key = QStringLiteral("test_accuracy");
    once->steps = {100};
    once->timestamps = {1'700'000'000'000};
    once->values = {0.93};
    auto gappy = std::make_shared<Store::MetricSeries>();
    gappy->runId = QStringLiteral("gappy");
    gappy->key = QStringLiteral("test_accuracy");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double values[] = {nan, 0.5, std::numeric_limits<double>::infinity(), 0.7, 0.8, nan};
    for (int i = 0; i < 6; ++i) {
        gappy->steps.push_back(i * 40);
        gappy->timestamps.push_back(1'700'000'000'000 + i);
        gappy->values.push_back(values[i]);
    }
    CurveChartView single;
    single.resize(600, 400);
    single.setCurves({chartCurve(once, Blue)});
    const QImage image = single.renderImage();
    QVERIFY2(pixelsOfColor(image, Blue) >= 25, "a disc of radius 3.5, not a dot");
    // Its y range leaves room for the disc: the value sits inside the frame, not on it.
    QVERIFY(single.yMin() < 0.93 && single.yMax() > 0.93);

    CurveChartView both;
    both.resize(600, 400);
    both.setCurves({chartCurve(gappy, Orange)});
    // 0.5 stands alone (NaN before, +inf after); 0.7 and 0.8 make a line.
    const int withLone = pixelsOfColor(both.renderImage(), Orange);
    QVERIFY(withLone >= 25 + 20);
    const CurvePolylines &lines = *both.layer()->polylines(0);
    QCOMPARE(lines.lonePoints().size(), size_t(1));
    QCOMPARE(both.layer()->curveAt(lines.lonePoints().front() + QPointF(3, 0), 4), 0);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lone.svg"));
    QVERIFY(single.saveSvg(path, QSize(600, 400)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY2(svg.contains("<path") || svg.contains("<ellipse") || svg.contains("<circle"),
             "the disc is exported");
}

// Combine Keys draws the keys of one run in one colour with their own dashes: the legend then
// draws each series' line rather than a colour square the keys would share.
void TestCurveChartView::dashedKeysShowTheirDashInTheLegend()
{
    CurveChartView view;
    view.resize(600, 400);
    ChartCurve loss = chartCurve(noisyCurve(QStringLiteral("a"), 100, 1), Blue);
    ChartCurve accuracy = chartCurve(noisyCurve(QStringLiteral("a"), 100, 2), Blue);
    accuracy.penStyle = Qt::DashLine;
    view.setCurves({loss});
    QCOMPARE(view.chart()->legend()->markerShape(), QLegend::MarkerShapeRectangle);
    view.setCurves({loss, accuracy});
    QCOMPARE(view.chart()->legend()->markerShape(), QLegend::MarkerShapeFromSeries);
}

QTEST_MAIN(TestCurveChartView)
#include "tst_curvechartview.moc"
