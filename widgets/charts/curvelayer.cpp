#include "curvelayer.h"

#include "parallelfor.h"
#include "runformat.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

namespace {

// Keeps y of far-off values finite and small enough for exact clipping; a line to a point a
// million pixels away looks the same as one to the true point.
constexpr double MaxOffset = 1e6;

QString formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (!CurveData::isDrawable(v))
        return v > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 6);
}

// Each channel of a premultiplied pixel times a / 255.
QRgb scaledPixel(QRgb pixel, uint a)
{
    const auto mul = [a](uint c) { return (c * a + 127) / 255; };
    return qRgba(int(mul(qRed(pixel))), int(mul(qGreen(pixel))), int(mul(qBlue(pixel))),
                 int(mul(qAlpha(pixel))));
}

// Calls write(pixel) for every pixel of `spans` (one-wide columns in device pixels) that
// falls inside an image of `size` whose top-left pixel is `origin`.
template<typename Pixel, typename Write>
void forEachSpanPixel(Pixel *pixels, qsizetype stride, const QSize &size, const QPoint &origin,
                      const std::vector<QRect> &spans, Write write)
{
    for (const QRect &span : spans) {
        const int x = span.x() - origin.x();
        if (x < 0 || x >= size.width())
            continue;
        const int top = std::max(span.top() - origin.y(), 0);
        const int bottom = std::min(span.bottom() - origin.y(), size.height() - 1);
        Pixel *dst = pixels + top * stride + x;
        for (int y = top; y <= bottom; ++y, dst += stride)
            write(*dst);
    }
}

// A band's joins in `color` (a cosmetic one-pixel pen) onto `image`, which covers `area`;
// `painter` is begun on the first call.
void drawJoins(QPainter &painter, QImage &image, const QRect &area, const std::vector<QLineF> &lines,
               const QColor &color)
{
    if (lines.empty())
        return;
    if (!painter.isActive()) {
        painter.begin(&image);
        painter.translate(-area.topLeft());
    }
    QPen pen(color, 1);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.drawLines(lines.data(), int(lines.size()));
}

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

void CurveLayer::reduceLine(const ChartCurve &curve, const CurveData &line, Polylines &out) const
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
    clipPolylines(out, area.adjusted(-4, -4, 4, 4));
    out.bandLines.clear();
    out.bandSpans.clear();
    if (out.isBand && m_decimation == Decimation::M4)
        buildBand(out, m_pixelRatio);
    out.plusInfinity.clear();
    out.minusInfinity.clear();
    for (quint32 i : reduced.markers) {
        const QPointF p(logical.map(double(line.xAt(i))), 0);
        (CurveData::breakKind(line.y()[i]) == CurveData::BreakKind::PlusInfinity ? out.plusInfinity
                                                                                 : out.minusInfinity)
            .push_back(p);
    }
}

namespace {

// Liang-Barsky: the part of segment ab inside `r`, false if none.
bool clipSegment(QPointF &a, QPointF &b, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + t0 * QPointF(dx, dy);
    b = start + t1 * QPointF(dx, dy);
    return true;
}

} // namespace

void CurveLayer::clipPolylines(Polylines &lines, const QRectF &r)
{
    const auto inside = [&r](const QPointF &p) {
        return p.x() >= r.left() && p.x() <= r.right() && p.y() >= r.top() && p.y() <= r.bottom();
    };
    if (std::all_of(lines.points.cbegin(), lines.points.cend(), inside))
        return; // the common case: nothing to cut
    std::vector<QPointF> points;
    std::vector<int> lengths;
    points.reserve(lines.points.size());
    const QPointF *p = lines.points.data();
    for (int length : lines.lengths) {
        int open = 0; // points of the polyline being built
        const auto close = [&] {
            if (open)
                lengths.push_back(open);
            open = 0;
        };
        if (length == 1 && inside(*p)) {
            points.push_back(*p);
            lengths.push_back(1);
        }
        for (int k = 0; k + 1 < length; ++k) {
            QPointF a = p[k], b = p[k + 1];
            if (!clipSegment(a, b, r)) {
                close();
                continue;
            }
            if (!open || a != p[k]) { // starts here, or comes in from outside
                close();
                points.push_back(a);
                open = 1;
            }
            points.push_back(b);
            ++open;
            if (b != p[k + 1]) // leaves
                close();
        }
        close();
        p += length;
    }
    lines.points = std::move(points);
    lines.lengths = std::move(lengths);
}

void CurveLayer::buildBand(Polylines &lines, qreal pixelRatio)
{
    struct Column
    {
        double x, top, bottom, first, last;
    };
    const QPointF *p = lines.points.data();
    for (int length : lines.lengths) {
        const QPointF *end = p + length;
        std::optional<Column> previous;
        while (p != end) {
            // The points of one pixel column share their x.
            Column column {p->x(), p->y(), p->y(), p->y(), p->y()};
            const QPointF *next = p + 1;
            for (; next != end && next->x() == p->x(); ++next) {
                column.top = std::min(column.top, next->y());
                column.bottom = std::max(column.bottom, next->y());
                column.last = next->y();
            }
            if (previous) {
                // The join to the previous column, unless every row it crosses is painted in
                // both columns already (it only lights pixels of those two columns).
                const double lo = std::min(previous->last, column.first);
                const double hi = std::max(previous->last, column.first);
                const bool covered = lo >= previous->top && hi <= previous->bottom && lo >= column.top
                    && hi <= column.bottom;
                if (!covered)
                    lines.bandLines.emplace_back(QPointF(previous->x, previous->last), *p);
            }
            // The pixels a one-pixel line from top to bottom lights (the points sit a quarter
            // pixel into theirs), in device pixels.
            const int col = int(floorToInt(column.x * pixelRatio));
            const int top = int(floorToInt(column.top * pixelRatio));
            const int bottom = int(floorToInt(column.bottom * pixelRatio));
            lines.bandSpans.emplace_back(col, top, 1, bottom - top + 1);
            previous = column;
            p = next;
        }
    }
}

void CurveLayer::reduce()
{
    m_raw.resize(m_curves.size());
    m_smooth.resize(m_curves.size());
    // The lines are looked up (and built, the first time) here; the reductions, each into
    // its own Polylines, then run in parallel.
    struct Job
    {
        const ChartCurve *curve;
        const CurveData *line;
        Polylines *out;
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
    const auto drawPolylines = [this, painter, bandsBuffered](const Polylines &lines) {
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
            if (length == 1)
                painter->drawPoint(*p);
            else
                painter->drawPolyline(p, length);
            p += length;
        }
    };
    // A dense line is a band of vertical strokes: the one-pixel cosmetic pen draws it as well
    // as a wide one, many times faster (a wide pen strokes every zigzag as a polygon).
    const auto pen = [&](const QColor &penColor, const Polylines &lines, bool wide) {
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
    const Polylines &lines = m_raw[size_t(index)];
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
        drawCrosshair(painter);
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
    // Band columns written straight into an image and composited once: the raster engine's
    // span fill costs tens of instructions a pixel row, a store costs one. Only where that is
    // exact: a raster device moved by whole pixels (else drawCurve fills the rectangles).
    const QTransform t = painter->deviceTransform();
    if (painter->paintEngine()->type() != QPaintEngine::Raster || t.type() > QTransform::TxTranslate
        || t.dx() != std::floor(t.dx()) || t.dy() != std::floor(t.dy()) || m_pixelRatio != 1)
        return false;
    std::vector<Band> bands;
    for (int i = 0; i < int(m_curves.size()) && i < int(m_raw.size()); ++i) {
        if (i == m_highlighted || !m_curves[size_t(i)].visible)
            continue;
        for (const bool smoothedLine : {false, true}) {
            const Polylines &lines = smoothedLine ? m_smooth[size_t(i)] : m_raw[size_t(i)];
            if (!lines.bandSpans.empty() || !lines.bandLines.empty())
                bands.push_back({&lines, lineColor(i, smoothedLine)});
        }
    }
    if (bands.empty())
        return false;

    const QRect area = m_frame.plotArea.toAlignedRect();
    if (m_bandBuffer.size() != area.size())
        m_bandBuffer = QImage(area.size(), QImage::Format_ARGB32_Premultiplied);
    const bool opaque = bands.size() < 256
        && std::all_of(bands.cbegin(), bands.cend(), [](const Band &b) { return b.color.alpha() == 255; });
    if (opaque)
        paintBandsIndexed(bands, area);
    else
        paintBandsBlended(bands, area);
    painter->drawImage(area.topLeft(), m_bandBuffer);
    return true;
}

void CurveLayer::paintBandsIndexed(const std::vector<Band> &bands, const QRect &area) const
{
    // Opaque bands: a pixel shows the last band that covers it, so each band writes its
    // number into a byte image, which a colour table turns into the ARGB buffer. A column
    // span stores one byte per row, and the byte image (a quarter of the ARGB one) stays in
    // the core's cache: tall spans (spikes) would otherwise miss it row after row.
    if (m_bandIndex.size() != area.size())
        m_bandIndex = QImage(area.size(), QImage::Format_Grayscale8);
    m_bandIndex.fill(0);
    const int width = m_bandIndex.width(), height = m_bandIndex.height();
    uchar *const bytes = m_bandIndex.bits();
    const qsizetype stride = m_bandIndex.bytesPerLine();
    QRgb table[256] = {0}; // 0: no band
    QPainter joins;
    for (size_t b = 0; b < bands.size(); ++b) {
        const auto number = uchar(b + 1);
        table[number] = qPremultiply(bands[b].color.rgba());
        forEachSpanPixel(bytes, stride, m_bandIndex.size(), area.topLeft(), bands[b].lines->bandSpans,
                         [number](uchar &pixel) { pixel = number; });
        // Grey k is stored as the byte k: aliased and opaque, the pen writes the number.
        drawJoins(joins, m_bandIndex, area, bands[b].lines->bandLines, QColor(number, number, number));
    }
    if (joins.isActive())
        joins.end();
    const qsizetype pixelStride = m_bandBuffer.bytesPerLine() / qsizetype(sizeof(QRgb));
    QRgb *const pixels = reinterpret_cast<QRgb *>(m_bandBuffer.bits());
    for (int y = 0; y < height; ++y) {
        const uchar *src = bytes + y * stride;
        QRgb *dst = pixels + y * pixelStride;
        int x = 0;
        // Most of a chart is empty: eight empty pixels at a time.
        for (; x + 8 <= width; x += 8) {
            quint64 eight;
            std::memcpy(&eight, src + x, sizeof eight);
            if (eight == 0) {
                std::fill_n(dst + x, 8, QRgb(0));
            } else {
                for (int k = 0; k < 8; ++k)
                    dst[x + k] = table[src[x + k]];
            }
        }
        for (; x < width; ++x)
            dst[x] = table[src[x]];
    }
}

void CurveLayer::paintBandsBlended(const std::vector<Band> &bands, const QRect &area) const
{
    m_bandBuffer.fill(Qt::transparent);
    // bits() once: scanLine() checks for a detach on every call.
    QRgb *const pixels = reinterpret_cast<QRgb *>(m_bandBuffer.bits());
    const qsizetype stride = m_bandBuffer.bytesPerLine() / qsizetype(sizeof(QRgb));
    QPainter joins;
    for (const Band &band : bands) {
        const QRgb pixel = qPremultiply(band.color.rgba());
        const uint alpha = qAlpha(pixel);
        const std::vector<QRect> &spans = band.lines->bandSpans;
        if (alpha == 255) {
            forEachSpanPixel(pixels, stride, m_bandBuffer.size(), area.topLeft(), spans,
                             [pixel](QRgb &dst) { dst = pixel; });
        } else {
            forEachSpanPixel(pixels, stride, m_bandBuffer.size(), area.topLeft(), spans,
                             [pixel, alpha](QRgb &dst) { dst = pixel + scaledPixel(dst, 255 - alpha); });
        }
        drawJoins(joins, m_bandBuffer, area, band.lines->bandLines, band.color);
    }
    if (joins.isActive())
        joins.end();
}

void CurveLayer::drawCrosshair(QPainter *painter) const
{
    const QRectF &area = m_frame.plotArea;
    if (m_crosshairX < area.left() || m_crosshairX > area.right())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DashLine));
    painter->drawLine(QPointF(m_crosshairX, area.top()), QPointF(m_crosshairX, area.bottom()));

    // For each visible curve, the point nearest the cursor's x.
    struct Row
    {
        QColor color;
        QString text;
    };
    std::vector<Row> rows;
    for (size_t i = 0; i < m_curves.size() && rows.size() < 20; ++i) {
        const ChartCurve &c = m_curves[i];
        if (!c.visible || !c.curve)
            continue;
        const CurveData &raw = c.curve->line(lineOptions(false));
        const CurveXMapping map = xMapping(c, 1);
        const qsizetype k = raw.nearest(map.unmap(m_crosshairX));
        if (k < 0)
            continue;
        QString text
            = QStringLiteral("%1   step %2   %3")
                  .arg(c.runName, QString::number(raw.x()[size_t(k)]), formatValue(raw.y()[size_t(k)]));
        if (m_frame.xAxis != CurveMath::XAxis::Step)
            text = QStringLiteral("%1   %2   %3")
                       .arg(c.runName, formatValue(raw.y()[size_t(k)]),
                            QDateTime::fromMSecsSinceEpoch(raw.x()[size_t(k)]).toString(Qt::ISODate));
        if (m_smoothing > 0)
            text += QStringLiteral("   smoothed %1")
                        .arg(formatValue(c.curve->line(lineOptions(true)).y()[size_t(k)]));
        if (m_frame.xAxis == CurveMath::XAxis::Step && !c.curve->series().timestamps.empty()) {
            // The time of that step, relative to the run's start.
            const qsizetype s = k; // the step line is in stored order
            const qint64 ms = c.curve->series().timestamps[size_t(s)] - c.curve->startTime();
            text += QStringLiteral("   %1").arg(RunFormat::duration(ms));
        }
        rows.push_back({c.color, text});
    }
    if (rows.empty()) {
        painter->restore();
        return;
    }
    const QFontMetricsF fm(painter->font());
    qreal width = 0;
    for (const Row &r : rows)
        width = std::max(width, fm.horizontalAdvance(r.text));
    const qreal lineHeight = fm.height() + 2;
    QRectF box(0, 0, width + 28, lineHeight * qreal(rows.size()) + 8);
    box.moveTopLeft(QPointF(m_crosshairX + 12, area.top() + 8));
    if (box.right() > area.right())
        box.moveRight(m_crosshairX - 12);
    painter->setPen(QColor(0, 0, 0, 60));
    painter->setBrush(QColor(255, 255, 255, 235));
    painter->drawRect(box);
    qreal y = box.top() + 4;
    for (const Row &r : rows) {
        painter->fillRect(QRectF(box.left() + 6, y + lineHeight / 2 - 4, 12, 8), r.color);
        painter->setPen(Qt::black);
        painter->drawText(QRectF(box.left() + 22, y, width + 4, lineHeight), Qt::AlignVCenter, r.text);
        y += lineHeight;
    }
    painter->restore();
}

int CurveLayer::curveAt(const QPointF &pos, qreal radius) const
{
    int best = -1;
    qreal bestDistance = radius;
    for (size_t i = 0; i < m_curves.size() && i < m_raw.size(); ++i) {
        if (!m_curves[i].visible)
            continue;
        const Polylines &lines = m_smoothing > 0 ? m_smooth[i] : m_raw[i];
        const QPointF *p = lines.points.data();
        for (int length : lines.lengths) {
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
