#include "bandraster.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

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

bool BandRaster::fits(const QPainter &painter, qreal pixelRatio)
{
    const QTransform t = painter.deviceTransform();
    return painter.paintEngine()->type() == QPaintEngine::Raster && t.type() <= QTransform::TxTranslate
        && t.dx() == std::floor(t.dx()) && t.dy() == std::floor(t.dy()) && pixelRatio == 1;
}

void BandRaster::paint(QPainter &painter, const std::vector<Band> &bands, const QRect &area)
{
    if (m_buffer.size() != area.size())
        m_buffer = QImage(area.size(), QImage::Format_ARGB32_Premultiplied);
    const bool opaque = bands.size() < 256
        && std::all_of(bands.cbegin(), bands.cend(), [](const Band &b) { return b.color.alpha() == 255; });
    if (opaque)
        paintIndexed(bands, area);
    else
        paintBlended(bands, area);
    painter.drawImage(area.topLeft(), m_buffer);
}

void BandRaster::paintIndexed(const std::vector<Band> &bands, const QRect &area)
{
    // Opaque bands: a pixel shows the last band that covers it, so each band writes its
    // number into a byte image, which a colour table turns into the ARGB buffer. A column
    // span stores one byte per row, and the byte image (a quarter of the ARGB one) stays in
    // the core's cache: tall spans (spikes) would otherwise miss it row after row.
    if (m_index.size() != area.size())
        m_index = QImage(area.size(), QImage::Format_Grayscale8);
    m_index.fill(0);
    const int width = m_index.width(), height = m_index.height();
    uchar *const bytes = m_index.bits();
    const qsizetype stride = m_index.bytesPerLine();
    QRgb table[256] = {0}; // 0: no band
    QPainter joins;
    for (size_t b = 0; b < bands.size(); ++b) {
        const auto number = uchar(b + 1);
        table[number] = qPremultiply(bands[b].color.rgba());
        forEachSpanPixel(bytes, stride, m_index.size(), area.topLeft(), bands[b].lines->bandSpans,
                         [number](uchar &pixel) { pixel = number; });
        // Grey k is stored as the byte k: aliased and opaque, the pen writes the number.
        drawJoins(joins, m_index, area, bands[b].lines->bandLines, QColor(number, number, number));
    }
    if (joins.isActive())
        joins.end();
    const qsizetype pixelStride = m_buffer.bytesPerLine() / qsizetype(sizeof(QRgb));
    QRgb *const pixels = reinterpret_cast<QRgb *>(m_buffer.bits());
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

void BandRaster::paintBlended(const std::vector<Band> &bands, const QRect &area)
{
    m_buffer.fill(Qt::transparent);
    // bits() once: scanLine() checks for a detach on every call.
    QRgb *const pixels = reinterpret_cast<QRgb *>(m_buffer.bits());
    const qsizetype stride = m_buffer.bytesPerLine() / qsizetype(sizeof(QRgb));
    QPainter joins;
    for (const Band &band : bands) {
        const QRgb pixel = qPremultiply(band.color.rgba());
        const uint alpha = qAlpha(pixel);
        const std::vector<QRect> &spans = band.lines->bandSpans;
        if (alpha == 255) {
            forEachSpanPixel(pixels, stride, m_buffer.size(), area.topLeft(), spans,
                             [pixel](QRgb &dst) { dst = pixel; });
        } else {
            forEachSpanPixel(pixels, stride, m_buffer.size(), area.topLeft(), spans,
                             [pixel, alpha](QRgb &dst) { dst = pixel + scaledPixel(dst, 255 - alpha); });
        }
        drawJoins(joins, m_buffer, area, band.lines->bandLines, band.color);
    }
    if (joins.isActive())
        joins.end();
}
