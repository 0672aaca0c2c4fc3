#pragma once

#include "bandraster.h"
#include "chartframe.h"
#include "curvepolylines.h"
#include "curvereducer.h"
#include "metriccurve.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPointF>
#include <QString>

#include <memory>
#include <vector>

// A line the chart shows: one run's metric, in the run's colour.
struct ChartCurve
{
    std::shared_ptr<MetricCurve> curve;
    QString runName;
    QColor color;
    Qt::PenStyle penStyle = Qt::SolidLine; // tells keys apart when a chart shows several
    bool visible = true;
};

// Draws the curves of a chart inside its plot area with QPainter::drawPolyline, from points
// reduced to the pixel grid (M4) on every change of range, size or options. Qt Charts keeps the
// axes, legend and layout; it never sees the points.
class CurveLayer : public QGraphicsItem
{
public:
    explicit CurveLayer(QGraphicsItem *parent = nullptr);

    void setCurves(std::vector<ChartCurve> curves);
    const std::vector<ChartCurve> &curves() const { return m_curves; }
    std::vector<ChartCurve> &curves() { return m_curves; }
    void setFrame(const ChartFrame &frame);
    const ChartFrame &frame() const { return m_frame; }
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    void setDecimation(Decimation decimation);
    Decimation decimation() const { return m_decimation; }
    void setAntialiasing(bool on);
    void setDevicePixelRatio(qreal ratio);
    void setLineWidth(qreal width);
    // -1: none; otherwise the curve drawn bold with the others faded.
    void setHighlighted(int curve);
    int highlighted() const { return m_highlighted; }
    // The x (scene) of the crosshair; NaN hides it.
    void setCrosshair(qreal sceneX);

    // Recomputes the reduced points now (done lazily before painting otherwise).
    void reduce();
    // Curve `curve` as the last reduction left it (its smoothed line when smoothing), null if
    // there is no such curve.
    const CurvePolylines *polylines(int curve) const;
    // Points drawn in the last reduction, over all curves and lines.
    qsizetype drawnPointCount() const { return m_drawnPoints; }

    // Options of the lines this layer draws for curve `i` (raw when `smoothedLine` is false).
    MetricCurve::LineOptions lineOptions(bool smoothedLine) const;
    // Where a point lands, in the layer's coordinates.
    CurveXMapping xMapping(const ChartCurve &curve, qreal pixelRatio) const;
    // The device pixel columns the curves are reduced to on a step axis, as a database server is
    // asked to reduce them (Store::PixelColumns); invalid on a time axis or before a layout.
    Store::PixelColumns pixelColumns() const;
    // The curve drawn nearest `pos` within `radius` pixels, -1 if none.
    int curveAt(const QPointF &pos, qreal radius) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // Value to layer y, with the frame's constants worked out once.
    struct YMapping
    {
        double lo = 0, pixelsPerUnit = 0, bottom = 0, centre = 0, top = 0, lowest = 0;
        bool log = false;
        double map(double value) const;
    };
    YMapping yMapping() const;

    void reduceLine(const ChartCurve &curve, const CurveData &line, CurvePolylines &out) const;
    void drawCurve(QPainter *painter, int index, bool bandsBuffered) const;
    QColor lineColor(int index, bool smoothedLine) const;
    // The bands of the visible curves but the highlighted one (drawn last, on top) through
    // m_bandRaster, when it fits the painter; false if not (drawCurve then fills them).
    bool paintBandsBuffered(QPainter *painter) const;

    std::vector<ChartCurve> m_curves;
    std::vector<CurvePolylines> m_raw, m_smooth; // per curve
    ChartFrame m_frame;
    double m_smoothing = 0;
    Decimation m_decimation = Decimation::M4;
    bool m_antialiasing = true;
    qreal m_pixelRatio = 1;
    qreal m_lineWidth = 1; // wider pens leave the raster engine's fast cosmetic stroker: ~100x slower
    int m_highlighted = -1;
    qreal m_crosshairX;
    bool m_dirty = true;
    qsizetype m_drawnPoints = 0;
    mutable BandRaster m_bandRaster; // its images are reused frame to frame
};
