#pragma once

#include "curvedata.h"

#include <cmath>
#include <vector>

// Where an x lands on screen, in device pixels: px = (x - origin) * scale + offset. `origin`
// keeps precision for millisecond timestamps.
struct CurveXMapping
{
    double origin = 0;
    double scale = 1;
    double offset = 0;

    double map(double x) const { return (x - origin) * scale + offset; }
    double unmap(double px) const { return (px - offset) / scale + origin; }
};

enum class Decimation { M4, None };

// The points of a curve to draw: indices into the curve, in order; Break ends a polyline.
struct ReducedCurve
{
    static constexpr quint32 Break = UINT32_MAX;
    std::vector<quint32> indices;
    // y of each index (NaN at a Break), from the pyramid where it knows them: the extremes'
    // values would otherwise be read again from the series, a cache miss each at 10M points.
    std::vector<double> values;
    // Indices of +/-inf points to mark at the axis edge: one per pixel column and sign.
    std::vector<quint32> markers;
    // More points in view than pixel columns: draw them on the columns' centres, so that the
    // line through the kept points and the line through all light the same pixels.
    bool isDense = false;
    qsizetype visiblePoints = 0; // in the columns, with the neighbours outside
    qsizetype columns = 0; // pixel columns from the first point in view to the last
};

// Chooses the points of `curve` to draw in the pixel columns [left, right), plus the nearest
// point outside each side so the line reaches the edges. M4 (Jugel et al., VLDB 2014) keeps
// the first, last, smallest and largest point of each run of finite values in each column:
// the line through them lights the same pixels as the line through every point, at a cost of
// O(width * log N) from the curve's pyramid. Decimation::None keeps every point.
ReducedCurve reduceCurve(const CurveData &curve, const CurveXMapping &map, double left, double right,
                         Decimation decimation = Decimation::M4);

// floor() without a call into libm (x86-64's baseline has no rounding instruction), for
// values well inside the qint64 range: what per-point and per-column code asks.
inline qint64 floorToInt(double v)
{
    const auto truncated = qint64(v);
    return truncated - qint64(double(truncated) > v);
}

// The pixel column a device x falls in; the reduction and the painter must agree on it.
inline qint64 pixelColumn(double px)
{
    return floorToInt(px);
}
