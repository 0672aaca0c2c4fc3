#include "chartframe.h"

#include "curvelayer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

void ChartFrame::zoomX(double factor, double anchor)
{
    const double span = xMax - xMin;
    const double at = xMin + span * anchor;
    const double newSpan = std::max(span * factor, 1e-9);
    xMin = at - newSpan * anchor;
    xMax = xMin + newSpan;
}

void ChartFrame::panX(double fraction)
{
    const double shift = (xMax - xMin) * fraction;
    xMin += shift;
    xMax += shift;
}

void ChartFrame::zoomY(double factor, double anchor)
{
    if (logY) {
        const double l = std::log10(yMin), h = std::log10(yMax);
        const double at = l + (h - l) * anchor, span = (h - l) * factor;
        yMin = std::pow(10, at - span * anchor);
        yMax = std::pow(10, at - span * anchor + span);
    } else {
        const double at = yMin + (yMax - yMin) * anchor;
        const double span = (yMax - yMin) * factor;
        yMin = at - span * anchor;
        yMax = yMin + span;
    }
}

void ChartFrame::showX(double from, double to)
{
    const double span = xMax - xMin;
    const double x0 = xMin + from * span;
    const double x1 = xMin + to * span;
    xMin = x0;
    xMax = x1;
}

void ChartFrame::showY(double from, double to)
{
    if (logY) {
        const double l = std::log10(yMin), h = std::log10(yMax);
        yMin = std::pow(10, l + (h - l) * from);
        yMax = std::pow(10, l + (h - l) * to);
    } else {
        const double ySpan = yMax - yMin, y0 = yMin;
        yMin = y0 + ySpan * from;
        yMax = y0 + ySpan * to;
    }
}

void ChartFrame::dragFrom(const ChartFrame &start, double xFraction, double yFraction, bool moveY)
{
    const double dx = xFraction * (start.xMax - start.xMin);
    xMin = start.xMin + dx;
    xMax = start.xMax + dx;
    if (moveY) {
        const double dy = yFraction * (start.yMax - start.yMin);
        yMin = start.yMin + dy;
        yMax = start.yMax + dy;
    }
}

MetricCurve::LineOptions ChartFrame::rawLineOptions() const
{
    MetricCurve::LineOptions options;
    options.xAxis = xAxis;
    options.logY = logY;
    return options;
}

std::pair<double, double> ChartFrame::fullXRange(const std::vector<ChartCurve> &curves) const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const ChartCurve &c : curves) {
        if (!c.curve || c.curve->series().isEmpty())
            continue;
        const CurveData &line = c.curve->line(rawLineOptions());
        const double shift = xAxis == CurveMath::XAxis::RelativeTime ? double(c.curve->startTime()) : 0;
        lo = std::min(lo, double(line.x().front()) - shift);
        hi = std::max(hi, double(line.x().back()) - shift);
    }
    if (!(lo <= hi))
        return {0, 1};
    if (lo == hi)
        return {lo - 1, hi + 1};
    return {lo, hi};
}

void ChartFrame::fitY(const std::vector<ChartCurve> &curves, bool ignoreOutliers)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::vector<std::span<const double>> visible;
    for (const ChartCurve &c : curves) {
        if (!c.visible || !c.curve)
            continue;
        const CurveData &line = c.curve->line(rawLineOptions());
        const double shift = xAxis == CurveMath::XAxis::RelativeTime ? double(c.curve->startTime()) : 0;
        const qsizetype first = line.lowerBound(xMin + shift);
        const qsizetype last = line.upperBound(xMax + shift);
        if (first >= last)
            continue;
        const MinMaxPyramid::Extremes e = line.extremes(first, last);
        if (e.isEmpty())
            continue;
        lo = std::min(lo, line.y()[e.minIndex]);
        hi = std::max(hi, line.y()[e.maxIndex]);
        visible.push_back(line.y().subspan(size_t(first), size_t(last - first)));
    }
    if (ignoreOutliers && !visible.empty()) {
        const auto [qlo, qhi] = CurveMath::quantileRange(visible, 0.05, 0.95);
        if (qlo <= qhi) {
            lo = qlo;
            hi = qhi;
        }
    }
    if (!(lo <= hi)) {
        lo = logY ? 1 : 0;
        hi = logY ? 10 : 1;
    }
    if (logY) {
        double l = std::log10(lo), h = std::log10(hi);
        if (h - l < 1) {
            // A log axis labels powers of ten only: show whole decades so that two have labels.
            l = std::floor(l);
            h = std::max(std::ceil(h), l + 1);
        } else {
            const double pad = (h - l) * 0.05;
            l -= pad;
            h += pad;
        }
        yMin = std::pow(10, l);
        yMax = std::pow(10, h);
    } else {
        const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(std::fabs(lo) * 0.05, 1e-9);
        yMin = lo - pad;
        yMax = hi + pad;
    }
}
