#pragma once

#include "curvemath.h"
#include "metriccurve.h"

#include <QRectF>

#include <utility>
#include <vector>

struct ChartCurve;

// What a chart shows and where: the x range in data units (steps, or ms since the epoch for
// wall time, or ms since each run's start for relative time), the y range and scale, and the
// plot area the layer draws into.
struct ChartFrame
{
    CurveMath::XAxis xAxis = CurveMath::XAxis::Step;
    double xMin = 0, xMax = 1;
    double yMin = 0, yMax = 1;
    bool logY = false;
    QRectF plotArea;

    // Zoom and pan in fractions of the ranges (y from the bottom; in decades on a log scale).
    // Zooms x by `factor` (below 1: in) around the point at `anchor` of the range.
    void zoomX(double factor, double anchor);
    // Moves the x range by `fraction` of its span.
    void panX(double fraction);
    // Zooms y by `factor` around the point at `anchor` of the range.
    void zoomY(double factor, double anchor);
    // Narrows the ranges to their parts between the fractions `from` and `to`.
    void showX(double from, double to);
    void showY(double from, double to);
    // The ranges of `start` moved by fractions of their spans (y only when `moveY`).
    void dragFrom(const ChartFrame &start, double xFraction, double yFraction, bool moveY);

    // The unsmoothed line of the curves on this frame's x axis and y scale.
    MetricCurve::LineOptions rawLineOptions() const;
    // The x range of all points of `curves`, shown or not.
    std::pair<double, double> fullXRange(const std::vector<ChartCurve> &curves) const;
    // The y range of the shown curves' points in the x range (their 5th to 95th percentile when
    // `ignoreOutliers`), with a margin; whole decades when a log scale spans less than one.
    void fitY(const std::vector<ChartCurve> &curves, bool ignoreOutliers);
};
