#include "curvelayer.h"

#include "curvecrosshair.h"
#include "parallelfor.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// Keeps y of far-off values finite and small enough for exact clipping; a line to a point a
// million pixels away looks the same as one to the true point.
constexpr double MaxOffset = 1e6;
constexpr double LoneMarkerRadius = 3.5; // logical pixels: a point that stands alone shows

} // namespace

CurveLayer::CurveLayer(QGraphicsItem *parent)
    : QGraphicsItem(parent), m_crosshairX(std::numeric_limits<qreal>::quiet_NaN())
{
    setFlag(ItemClipsToShape, false);
    setAcceptedMouseButtons(Qt::NoButton);
}

void CurveLayer::setCurves(std::vector<ChartCurve> curves)
{
    m_curves = std::move(curves);
    m_highlighted = -1;
    m_dirty = true;
    update();
}

void CurveLayer::setFrame(const ChartFrame &frame)
{
    if (frame.plotArea != m_frame.plotArea)
        prepareGeometryChange();
    m_frame = frame;
    m_dirty = true;
    update();
}

void CurveLayer::setSmoothing(double weight)
{
    m_smoothing = weight;
    m_dirty = true;
    update();
}

void CurveLayer::setDecimation(Decimation decimation)
{
    m_decimation = decimation;
    m_dirty = true;
    update();
}

void CurveLayer::setAntialiasing(bool on)
{
    m_antialiasing = on;
    m_dirty = true; // aliased points sit on pixel centres
    update();
}

void CurveLayer::setDevicePixelRatio(qreal ratio)
{
    if (ratio != m_pixelRatio) {
        m_pixelRatio = ratio;
        m_dirty = true;
        update();
    }
}

void CurveLayer::setLineWidth(qreal width)
{
    m_lineWidth = width;
    update();
}

void CurveLayer::setHighlighted(int curve)
{
    if (curve != m_highlighted) {
        m_highlighted = curve;
        update();
    }
}

void CurveLayer::setCrosshair(qreal sceneX)
{
    m_crosshairX = sceneX;
    update();
}

QRectF CurveLayer::boundingRect() const
{
    return m_frame.plotArea;
}

MetricCurve::LineOptions CurveLayer::lineOptions(bool smoothedLine) const
{
    MetricCurve::LineOptions options;
    options.xAxis = m_frame.xAxis;
    options.logY = m_frame.logY;
    options.smoothing = smoothedLine ? m_smoothing : 0;
    return options;
}

CurveXMapping CurveLayer::xMapping(const ChartCurve &curve, qreal pixelRatio) const
{
    const QRectF &area = m_frame.plotArea;
    CurveXMapping map;
    map.origin = m_frame.xMin;
    if (m_frame.xAxis == CurveMath::XAxis::RelativeTime)
        map.origin += double(curve.curve->startTime());
    const double span = m_frame.xMax - m_frame.xMin;
    map.scale = span > 0 ? area.width() * pixelRatio / span : 1;
    map.offset = area.left() * pixelRatio;
    return map;
}

Store::PixelColumns CurveLayer::pixelColumns() const
{
    Store::PixelColumns columns;
    const QRectF &area = m_frame.plotArea;
    if (m_frame.xAxis != CurveMath::XAxis::Step || m_curves.empty() || area.isEmpty())
        return columns;
    // As reduceLine() maps and bounds them.
    const CurveXMapping device = xMapping(m_curves.front(), m_pixelRatio);
    columns.origin = device.origin;
    columns.scale = device.scale;
    columns.offset = device.offset;
    columns.left = qint64(std::floor(area.left() * m_pixelRatio));
    columns.right = qint64(std::ceil(area.right() * m_pixelRatio));
    columns.fitFrom = m_frame.xMin; // the range ChartFrame::fitY() fits the y axis to
    columns.fitTo = m_frame.xMax;
    columns.logY = m_frame.logY;
    return columns;
}

CurveLayer::YMapping CurveLayer::yMapping() const
{
    const QRectF &area = m_frame.plotArea;
    YMapping m;
    m.log = m_frame.logY;
    double lo = m_frame.yMin, hi = m_frame.yMax;
    if (m.log) {
        lo = std::log10(lo);
        hi = std::log10(hi);
    }
    m.lo = lo;
    m.pixelsPerUnit = hi > lo ? area.height() / (hi - lo) : 0;
    m.bottom = area.bottom();
    m.centre = area.center().y();
    m.top = area.top() - MaxOffset;
    m.lowest = area.bottom() + MaxOffset;
    return m;
}

double CurveLayer::YMapping::map(double value) const
{
    const double v = log ? std::log10(value) : value;
    const double y = pixelsPerUnit > 0 ? bottom - (v - lo) * pixelsPerUnit : centre;
    return std::clamp(y, top, lowest);
}

void CurveLayer::reduceLine(const ChartCurve &curve, const CurveData &line, CurvePolylines &out) const
{
    const QRectF &area = m_frame.plotArea;
    // Choose points on the device's pixel grid; draw them in logical coordinates.
    const CurveXMapping device = xMapping(curve, m_pixelRatio);
    const CurveXMapping logical = xMapping(curve, 1);
    const double left = std::floor(area.left() * m_pixelRatio),
                 right = std::ceil(area.right() * m_pixelRatio);
    const ReducedCurve reduced = reduceCurve(line, device, left, right, m_decimation);
    // A noisy dense line keeps about four points a column (first, last, min and max all differ)
    // and fills a band several pixels high: antialiasing only blurs its edges, and stroking its
    // zigzags costs most of the frame (from two points a column on: 15 ms for ten curves), so
    // it is drawn aliased. From eight points a column the band is drawn as one span per column
    // plus the joins (exact there, checked against every point). A smooth dense line keeps
    // about two points a column and stays antialiased. Decided from the M4 points in both
    // modes, so that both draw alike.
    const qsizetype m4Points = m_decimation == Decimation::M4
        ? qsizetype(reduced.indices.size())
        : (reduced.isDense ? qsizetype(reduceCurve(line, device, left, right).indices.size()) : 0);
    const auto columns = double(reduced.columns);
    const bool noisy = double(reduced.visiblePoints) > 2 * columns && double(m4Points) > 2.5 * columns;
    out.isBand = noisy && double(reduced.visiblePoints) > 8 * columns;
    out.isAliased = noisy || !m_antialiasing;
    const bool aliased = out.isAliased;
    const YMapping yMap = yMapping();
    out.points.clear();
    out.lengths.clear();
    out.isDense = reduced.isDense;
    out.points.reserve(reduced.indices.size());
    int length = 0;
    for (size_t k = 0; k < reduced.indices.size(); ++k) {
        const quint32 i = reduced.indices[k];
        if (i == ReducedCurve::Break) {
            if (length)
                out.lengths.push_back(length);
            length = 0;
            continue;
        }
        const auto x = double(line.xAt(i));
        double px = logical.map(x);
        // Dense lines go through their pixel columns: at the centre when antialiased, else a
        // quarter in, where no rasterizer rounding rule can tip a point into the next pixel.
        const double inset = aliased ? 0.25 : 0.5;
        if (reduced.isDense)
            px = (double(pixelColumn(device.map(x))) + inset) / m_pixelRatio;
        double py = yMap.map(reduced.values[k]);
        if (reduced.isDense && aliased) // and through their pixel rows
            py = (double(floorToInt(py * m_pixelRatio)) + inset) / m_pixelRatio;
        out.points.emplace_back(px, py);
        ++length;
    }
    if (length)
        out.lengths.push_back(length);
    // Segments to far-off points (the neighbours outside the view, spikes outside a zoomed y
    // range) are cut at a margin around the plot: the same visible line, and the rasterizer
    // never walks a million pixels of it.
    out.clip(area.adjusted(-4, -4, 4, 4));
    out.bandLines.clear();
    out.bandSpans.clear();
    if (out.isBand && m_decimation == Decimation::M4)
        out.buildBand(m_pixelRatio);
    out.plusInfinity.clear();
    out.minusInfinity.clear();
    for (quint32 i : reduced.markers) {
        const QPointF p(logical.map(double(line.xAt(i))), 0);
        (CurveData::breakKind(line.y()[i]) == CurveData::BreakKind::PlusInfinity ? out.plusInfinity
                                                                                 : out.minusInfinity)
            .push_back(p);
    }
}

void CurveLayer::reduce()
{
    m_raw.resize(m_curves.size());
    m_smooth.resize(m_curves.size());
    // The lines are looked up (and built, the first time) here; the reductions, each into
    // its own CurvePolylines, then run in parallel.
    struct Job
    {
        const ChartCurve *curve;
        const CurveData *line;
        CurvePolylines *out;
    };
    std::vector<Job> jobs;
    for (size_t i = 0; i < m_curves.size(); ++i) {
        ChartCurve &c = m_curves[i];
        m_raw[i] = {};
        m_smooth[i] = {};
        if (!c.visible || !c.curve || m_frame.plotArea.isEmpty())
            continue;
        jobs.push_back({&c, &c.curve->line(lineOptions(false)), &m_raw[i]});
        if (m_smoothing > 0)
            jobs.push_back({&c, &c.curve->line(lineOptions(true)), &m_smooth[i]});
    }
    parallelFor(int(jobs.size()), [this, &jobs](int j) {
        reduceLine(*jobs[size_t(j)].curve, *jobs[size_t(j)].line, *jobs[size_t(j)].out);
    });
    m_drawnPoints = 0;
    for (const Job &job : jobs)
        m_drawnPoints += qsizetype(job.out->points.size());
    m_dirty = false;
}

void CurveLayer::drawCurve(QPainter *painter, int index, bool bandsBuffered) const
{
    const ChartCurve &c = m_curves[size_t(index)];
    const bool bold = m_highlighted == index;
    const QColor color = lineColor(index, true);
    const auto drawPolylines = [this, painter, bandsBuffered](const CurvePolylines &lines) {
        painter->setRenderHint(QPainter::Antialiasing, !lines.isAliased);
        if (!lines.bandLines.empty() || !lines.bandSpans.empty()) {
            if (bandsBuffered)
                return; // drawn by paintBandsBuffered()
            painter->drawLines(lines.bandLines.data(), int(lines.bandLines.size()));
            // Integer rectangles in device pixels, filled without a pen: the raster engine's
            // plain span fill, several times cheaper than stroking each column.
            const QPen pen = painter->pen();
            const bool scaled = m_pixelRatio != 1;
            painter->save();
            if (scaled)
                painter->scale(1 / m_pixelRatio, 1 / m_pixelRatio);
            painter->setPen(Qt::NoPen);
            painter->setBrush(pen.color());
            painter->drawRects(lines.bandSpans.data(), int(lines.bandSpans.size()));
            painter->restore();
            return;
        }
        const QPointF *p = lines.points.data();
        for (int length : lines.lengths) {
            if (length > 1) // a lone point gets a marker below
                painter->drawPolyline(p, length);
            p += length;
        }
    };
    // A dense line is a band of vertical strokes: the one-pixel cosmetic pen draws it as well
    // as a wide one, many times faster (a wide pen strokes every zigzag as a polygon).
    const auto pen = [&](const QColor &penColor, const CurvePolylines &lines, bool wide) {
        QPen p(penColor, lines.isDense ? 1.0 : (wide && bold ? m_lineWidth + 1.5 : m_lineWidth), c.penStyle);
        p.setCosmetic(lines.isDense);
        return p;
    };
    if (m_smoothing > 0) {
        // The raw line faint behind the smoothed one, as TensorBoard and MLflow draw it.
        painter->setPen(pen(lineColor(index, false), m_raw[size_t(index)], false));
        drawPolylines(m_raw[size_t(index)]);
        painter->setPen(pen(color, m_smooth[size_t(index)], true));
        drawPolylines(m_smooth[size_t(index)]);
    } else {
        painter->setPen(pen(color, m_raw[size_t(index)], true));
        drawPolylines(m_raw[size_t(index)]);
    }
    // Infinite values: a small triangle at the top or bottom edge.
    const CurvePolylines &lines = m_raw[size_t(index)];
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    const QRectF &area = m_frame.plotArea;
    for (const QPointF &p : lines.plusInfinity) {
        const QPointF tri[] = {{p.x(), area.top()}, {p.x() - 4, area.top() + 7}, {p.x() + 4, area.top() + 7}};
        painter->drawPolygon(tri, 3);
    }
    for (const QPointF &p : lines.minusInfinity) {
        const QPointF tri[]
            = {{p.x(), area.bottom()}, {p.x() - 4, area.bottom() - 7}, {p.x() + 4, area.bottom() - 7}};
        painter->drawPolygon(tri, 3);
    }
    // Points that stand alone: a disc, which may reach past the plot's edge so that a point on
    // the frame shows whole.
    const std::vector<QPointF> lone = (m_smoothing > 0 ? m_smooth : m_raw)[size_t(index)].lonePoints();
    if (!lone.empty()) {
        const double radius = LoneMarkerRadius + (bold ? 1.5 : 0);
        painter->save();
        painter->setClipRect(area.adjusted(-radius - 1, -radius - 1, radius + 1, radius + 1));
        painter->setRenderHint(QPainter::Antialiasing, true);
        for (const QPointF &p : lone) {
            if (area.adjusted(-0.5, -0.5, 0.5, 0.5).contains(p))
                painter->drawEllipse(p, radius, radius);
        }
        painter->restore();
    }
    painter->setBrush(Qt::NoBrush);
}

void CurveLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_dirty)
        reduce();
    painter->save();
    painter->setClipRect(m_frame.plotArea);
    painter->setRenderHint(QPainter::Antialiasing, m_antialiasing);
    const bool buffered = paintBandsBuffered(painter);
    for (int i = 0; i < int(m_curves.size()); ++i) {
        if (i != m_highlighted && m_curves[size_t(i)].visible)
            drawCurve(painter, i, buffered);
    }
    if (m_highlighted >= 0 && m_highlighted < int(m_curves.size()) && m_curves[size_t(m_highlighted)].visible)
        drawCurve(painter, m_highlighted, false); // on top
    painter->restore();
    if (!std::isnan(m_crosshairX))
        CurveCrosshair::draw(*painter, *this, m_crosshairX);
}

QColor CurveLayer::lineColor(int index, bool smoothedLine) const
{
    QColor color = m_curves[size_t(index)].color;
    if (m_highlighted >= 0 && m_highlighted != index)
        color.setAlphaF(0.25);
    if (m_smoothing > 0 && !smoothedLine)
        color.setAlphaF(color.alphaF() * 0.25); // the raw line faint behind the smoothed one
    return color;
}

bool CurveLayer::paintBandsBuffered(QPainter *painter) const
{
    // Else drawCurve fills the band rectangles.
    if (!BandRaster::fits(*painter, m_pixelRatio))
        return false;
    std::vector<BandRaster::Band> bands;
    for (int i = 0; i < int(m_curves.size()) && i < int(m_raw.size()); ++i) {
        if (i == m_highlighted || !m_curves[size_t(i)].visible)
            continue;
        for (const bool smoothedLine : {false, true}) {
            const CurvePolylines &lines = smoothedLine ? m_smooth[size_t(i)] : m_raw[size_t(i)];
            if (!lines.bandSpans.empty() || !lines.bandLines.empty())
                bands.push_back({&lines, lineColor(i, smoothedLine)});
        }
    }
    if (bands.empty())
        return false;
    m_bandRaster.paint(*painter, bands, m_frame.plotArea.toAlignedRect());
    return true;
}

const CurvePolylines *CurveLayer::polylines(int curve) const
{
    const std::vector<CurvePolylines> &lines = m_smoothing > 0 ? m_smooth : m_raw;
    return curve >= 0 && size_t(curve) < lines.size() ? &lines[size_t(curve)] : nullptr;
}

int CurveLayer::curveAt(const QPointF &pos, qreal radius) const
{
    int best = -1;
    qreal bestDistance = radius;
    for (size_t i = 0; i < m_curves.size() && i < m_raw.size(); ++i) {
        if (!m_curves[i].visible)
            continue;
        const CurvePolylines &lines = m_smoothing > 0 ? m_smooth[i] : m_raw[i];
        const QPointF *p = lines.points.data();
        for (int length : lines.lengths) {
            if (length == 1) { // a lone point: its marker's edge counts
                const qreal distance
                    = std::max(0.0, std::hypot(p->x() - pos.x(), p->y() - pos.y()) - LoneMarkerRadius);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = int(i);
                }
            }
            for (int k = 0; k + 1 < length; ++k) {
                const QPointF a = p[k], b = p[k + 1];
                if (std::max(a.x(), b.x()) < pos.x() - radius || std::min(a.x(), b.x()) > pos.x() + radius)
                    continue;
                // Distance from pos to the segment ab.
                const QPointF ab = b - a;
                const qreal len2 = QPointF::dotProduct(ab, ab);
                const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(pos - a, ab) / len2, 0.0, 1.0) : 0;
                const QPointF d = a + t * ab - pos;
                const qreal distance = std::hypot(d.x(), d.y());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = int(i);
                }
            }
            p += length;
        }
    }
    return best;
}
