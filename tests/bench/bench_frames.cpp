// bench_frames: how long a chart frame takes while the user pans and zooms, with every point
// resident and the reduction recomputed each frame.
//
//   bench_frames [--points N] [--big-points M] [--curves C] [--frames F] [--size WxH] [--antialiasing on|off]
//   [--baseline-frames B] [--screenshot FILE.png]
//
// Builds C curves (default 10) of N points (default 1,000,000) in memory (noisy, with spikes
// and NaN gaps), shows them in one CurveChartView of 1600x900, and renders F frames (default
// 400: ten rounds of a 40-frame script of wheel-style zooms in and out around moving anchors
// and pans of a tenth of the range, each round back to the whole range), each frame the whole
// chart (axes, legend, ten curves) repainted in the shown view, as on screen (the offscreen
// platform's raster backing store). Prints per-frame median / p95 / max, where a frame's time
// goes on average (the range change with the axes' relayout, the reduction, the painting), the
// points drawn per frame, the bytes per resident point (series arrays + pyramid + break list),
// and the same at M points per curve (default 10,000,000), with the ratio big/small (target
// p95 <= 16 ms, ratio <= 1.2). Baseline in the same run: a few frames of the same chart
// drawing every point (Decimation::None).
// With --arrival-every K (default 10), a live case: the same script while every curve grows by
// --arrival-points (default 100) every K frames, against the same chart still, frames in turn.
// BENCH_TRACE=1 prints each frame's parts to stderr ("frame POINTS F RANGE REDUCE PAINT", ms).

#include "benchsupport.h"
#include "curvechartview.h"
#include "hugepages.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>
#include <vector>

namespace {

struct Options
{
    qsizetype points = 1'000'000;
    qsizetype bigPoints = 10'000'000;
    int curves = 10;
    int frames = 400;
    QSize size {1600, 900};
    bool antialiasing = true;
    int baselineFrames = 3;
    QString screenshot; // of the big chart after the last frame
    int arrivalEvery = 10; // live updates: new points arrive every this many frames (0: never)
    int arrivalPoints = 100; // a curve's new points per arrival
};

Store::MetricSeriesPtr makeSeries(int index, qsizetype points)
{
    auto s = std::make_shared<Store::MetricSeries>();
    s->runId = QStringLiteral("run%1").arg(index);
    s->key = QStringLiteral("loss");
    // Sized as the store reader sizes them (counted first, huge pages advised).
    Store::reserveLarge(s->steps, size_t(points));
    Store::reserveLarge(s->timestamps, size_t(points));
    Store::reserveLarge(s->values, size_t(points));
    s->steps.resize(size_t(points));
    s->timestamps.resize(size_t(points));
    s->values.resize(size_t(points));
    QRandomGenerator rng(quint32(1000 + index));
    double walk = 0;
    for (qsizetype i = 0; i < points; ++i) {
        s->steps[size_t(i)] = i;
        s->timestamps[size_t(i)] = 1'700'000'000'000 + i * 20;
        walk += (rng.generateDouble() - 0.5) * 0.01;
        double v = 2.0 * std::exp(-3.0 * double(i) / double(points)) + 0.1 * index + walk * 0.1
            + rng.generateDouble() * 0.2;
        if (rng.bounded(50'000) == 0)
            v += 2; // spikes
        if (rng.bounded(200'000) == 0)
            v = std::numeric_limits<double>::quiet_NaN();
        s->values[size_t(i)] = v;
    }
    return s;
}

struct Figures
{
    double median = 0, p95 = 0, max = 0;
    double rangeMs = 0, reduceMs = 0, paintMs = 0; // means
    qsizetype drawnPoints = 0;
    double bytesPerPoint = 0;
};

double percentile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

// One chart of o.curves curves of `points` points, shown, and what its frames took.
class Bench
{
public:
    Bench(const Options &o, qsizetype points, Decimation decimation)
        : m_points(points), m_curveCount(o.curves)
    {
        std::vector<ChartCurve> curves;
        for (int i = 0; i < o.curves; ++i) {
            ChartCurve c;
            c.curve = std::make_shared<MetricCurve>(makeSeries(i, points));
            c.runName = c.curve->runId();
            c.color = QColor::fromHsv((i * 36) % 360, 200, 200);
            curves.push_back(std::move(c));
        }
        m_view.setDecimation(decimation);
        m_view.setAntialiasing(o.antialiasing);
        m_view.resize(o.size);
        m_view.setCurves(curves);
        m_curves = curves;
        m_view.show();
        QCoreApplication::processEvents();
        m_view.viewport()->repaint(); // first frame: builds the lines' pyramids
        for (const ChartCurve &c : curves)
            m_bytes += c.curve->memoryFootprint();
    }

    // Frame f of the script, 40 frames a round: zoom in around a moving anchor, pan back and
    // forth, zoom out through the same anchors in reverse. Each round ends on the whole range
    // it started from, so that every round shows the same views.
    void frame(int f)
    {
        const int phase = f % 40;
        QElapsedTimer timer;
        timer.start();
        if (phase < 15)
            m_view.zoomX(0.8, 0.2 + 0.04 * phase);
        else if (phase < 25)
            m_view.panX(phase % 2 ? 0.1 : -0.1);
        else
            m_view.zoomX(1 / 0.8, 0.2 + 0.04 * (39 - phase));
        if (std::exchange(m_arrived, false))
            m_view.updateCurves(m_curves); // as ChartsPage does when a refresh replaced curves
        const qint64 ranged = timer.nsecsElapsed();
        m_view.layer()->reduce(); // what the paint would do first
        const qint64 reduced = timer.nsecsElapsed();
        m_view.viewport()->repaint();
        const qint64 painted = timer.nsecsElapsed();
        m_times.push_back(double(painted) / 1e6);
        m_rangeNs += double(ranged);
        m_reduceNs += double(reduced - ranged);
        m_paintNs += double(painted - reduced);
        m_drawn = std::max(m_drawn, m_view.layer()->drawnPointCount());
        if (m_trace)
            std::fprintf(stderr, "frame %lld %d %.2f %.2f %.2f\n", qlonglong(m_points), f,
                         double(ranged) / 1e6, double(reduced - ranged) / 1e6,
                         double(painted - reduced) / 1e6);
    }

    // Live updates: each curve grows by `points` (built off the frame's clock, as the charts'
    // refresh builds them on a worker); the next frame hands the grown curves to the chart.
    void arrive(qsizetype points)
    {
        for (ChartCurve &c : m_curves) {
            auto grown = std::make_shared<Store::MetricSeries>(c.curve->series());
            for (qsizetype i = 0; i < points; ++i) {
                grown->steps.push_back(grown->steps.back() + 1);
                grown->timestamps.push_back(grown->timestamps.back() + 20);
                grown->values.push_back(grown->values.back() * 0.9999 + 0.0001 * double(i % 7));
            }
            c.curve = std::make_shared<MetricCurve>(std::move(grown));
            c.curve->line(MetricCurve::LineOptions());
        }
        m_arrived = true;
    }

    void saveScreenshot(const QString &path) { m_view.grab().save(path); }

    Figures figures() const
    {
        const double frames = double(m_times.size());
        Figures fig;
        fig.median = percentile(m_times, 0.5);
        fig.p95 = percentile(m_times, 0.95);
        fig.max = *std::max_element(m_times.begin(), m_times.end());
        fig.drawnPoints = m_drawn;
        fig.rangeMs = m_rangeNs / frames / 1e6;
        fig.reduceMs = m_reduceNs / frames / 1e6;
        fig.paintMs = m_paintNs / frames / 1e6;
        fig.bytesPerPoint = double(m_bytes) / double(m_points * m_curveCount);
        return fig;
    }

private:
    qsizetype m_points;
    int m_curveCount;
    CurveChartView m_view;
    std::vector<ChartCurve> m_curves;
    bool m_arrived = false;
    qint64 m_bytes = 0;
    std::vector<double> m_times;
    double m_rangeNs = 0, m_reduceNs = 0, m_paintNs = 0;
    qsizetype m_drawn = 0;
    bool m_trace = qEnvironmentVariableIsSet("BENCH_TRACE");
};

void print(const char *label, qsizetype points, const Figures &f)
{
    std::printf(
        "%-28s %10lld pts/curve  median %7.2f ms  p95 %7.2f ms  max %7.2f ms  drawn %7lld  %.2f B/pt\n",
        label, qlonglong(points), f.median, f.p95, f.max, qlonglong(f.drawnPoints), f.bytesPerPoint);
    std::printf("%-28s mean: range and axes %.2f ms, reduction %.2f ms, painting %.2f ms\n", "", f.rangeMs,
                f.reduceMs, f.paintMs);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Options o;
    QString size = QStringLiteral("1600x900"), antialiasing = QStringLiteral("on");
    BenchSupport::Arguments arguments(QStringLiteral("Chart frame time while panning and zooming."));
    arguments.add(QStringLiteral("points"), o.points, QStringLiteral("Points a curve, small case."), 10);
    arguments.add(QStringLiteral("big-points"), o.bigPoints, QStringLiteral("Points a curve, big case."), 10);
    arguments.add(QStringLiteral("curves"), o.curves, QStringLiteral("Curves in the chart."));
    arguments.add(QStringLiteral("frames"), o.frames, QStringLiteral("Pan/zoom frames per case."));
    arguments.add(QStringLiteral("baseline-frames"), o.baselineFrames,
                  QStringLiteral("Frames drawing every point (0: none)."), 0);
    arguments.add(QStringLiteral("size"), size, QStringLiteral("Chart size, WxH."));
    arguments.add(QStringLiteral("antialiasing"), antialiasing, QStringLiteral("on or off."));
    arguments.add(QStringLiteral("arrival-every"), o.arrivalEvery,
                  QStringLiteral("Live case: new points arrive every N frames (0: no live case)."), 0);
    arguments.add(QStringLiteral("arrival-points"), o.arrivalPoints,
                  QStringLiteral("Live case: new points a curve per arrival."));
    arguments.add(QStringLiteral("screenshot"), o.screenshot,
                  QStringLiteral("Save the big chart after the last frame (PNG)."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    o.size
        = QSize(size.section(QLatin1Char('x'), 0, 0).toInt(), size.section(QLatin1Char('x'), 1, 1).toInt());
    o.antialiasing = antialiasing != QLatin1String("off");
    if (o.size.isEmpty()) {
        std::fprintf(stderr, "bad --size %s (WxH)\n", qPrintable(size));
        return 2;
    }
    std::printf("bench_frames: %d curves, %dx%d, %d pan/zoom frames, each the whole chart repainted\n",
                o.curves, o.size.width(), o.size.height(), o.frames);
    // The two sizes take their frames in turn, so that whatever else the machine does weighs
    // on both alike and their ratio stays meaningful.
    Figures small, big;
    {
        Bench smallBench(o, o.points, Decimation::M4);
        Bench bigBench(o, o.bigPoints, Decimation::M4);
        for (int f = 0; f < o.frames; ++f) {
            smallBench.frame(f);
            bigBench.frame(f);
        }
        small = smallBench.figures();
        big = bigBench.figures();
        if (!o.screenshot.isEmpty())
            bigBench.saveScreenshot(o.screenshot);
    }
    print("M4", o.points, small);
    print("M4", o.bigPoints, big);
    if (o.arrivalEvery > 0) {
        // The same chart and script while a training run logs: still and live frames in turn.
        Bench still(o, o.points, Decimation::M4);
        Bench live(o, o.points, Decimation::M4);
        for (int f = 0; f < o.frames; ++f) {
            if (f % o.arrivalEvery == 0)
                live.arrive(o.arrivalPoints);
            still.frame(f);
            live.frame(f);
        }
        const Figures stillFigures = still.figures();
        const Figures liveFigures = live.figures();
        print("M4, no new points", o.points, stillFigures);
        print("M4, points arriving", o.points, liveFigures);
        std::printf("live updates: %lld points a curve every %d frames; p95 live/still %.2f, median %.2f "
                    "(target: about 1)\n",
                    qlonglong(o.arrivalPoints), o.arrivalEvery, liveFigures.p95 / stillFigures.p95,
                    liveFigures.median / stillFigures.median);
    }
    Figures none;
    if (o.baselineFrames > 0) {
        Bench baseline(o, o.points, Decimation::None);
        for (int f = 0; f < o.baselineFrames; ++f)
            baseline.frame(f);
        none = baseline.figures();
        print("baseline: every point", o.points, none);
    }
    std::printf("p95 ratio %lld/%lld points: %.2f (target <= 1.2); p95 target <= 16 ms: %s\n",
                qlonglong(o.bigPoints), qlonglong(o.points), big.p95 / small.p95,
                small.p95 <= 16 && big.p95 <= 16 ? "met" : "NOT met");
    if (o.baselineFrames > 0)
        std::printf("every point / M4 median at %lld points: %.1fx\n", qlonglong(o.points),
                    none.median / small.median);
    return 0;
}
