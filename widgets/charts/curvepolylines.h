#pragma once

#include <QLineF>
#include <QPointF>
#include <QRect>
#include <QRectF>

#include <vector>

// One line of a chart reduced to the pixel grid, in layer coordinates: polylines split at the
// line's breaks, the markers of its infinite values, and for a dense noisy line the band that
// draws it faster.
struct CurvePolylines
{
    std::vector<QPointF> points;
    bool isDense = false; // more points than pixel columns
    bool isAliased = false; // noisy and dense, or antialiasing off
    bool isBand = false; // very dense and noisy: a filled band, drawn as column spans
    // A band as one vertical line per pixel column and the lines joining columns: the same
    // pixels as the polyline, each painted once instead of three or four times.
    std::vector<QLineF> bandLines; // the joins
    std::vector<QRect> bandSpans; // device pixels, one wide: filled, the fastest way to paint a column
    std::vector<int> lengths; // one per polyline
    std::vector<QPointF> plusInfinity, minusInfinity; // marker x positions

    // The points that stand alone (polylines of one point: a metric logged once, a finite value
    // between NaN or infinite neighbours), which a line cannot show: they get a marker.
    std::vector<QPointF> lonePoints() const;

    // Cuts the segments at `r`: the parts outside are dropped, a polyline that leaves and
    // comes back becomes two.
    void clip(const QRectF &r);
    // Fills bandLines and bandSpans from the points, which sit a quarter pixel into their
    // pixels (aliased, dense), the points of a column sharing their x.
    void buildBand(qreal pixelRatio);
};
