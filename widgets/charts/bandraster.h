#pragma once

#include "curvepolylines.h"

#include <QColor>
#include <QImage>

#include <vector>

class QPainter;

// Paints the bands of dense lines (CurvePolylines::bandSpans and bandLines) by writing their
// column spans straight into an image, composited once: the raster engine's span fill costs
// tens of instructions a pixel row, a store costs one. The images are reused frame to frame.
class BandRaster
{
public:
    struct Band
    {
        const CurvePolylines *lines;
        QColor color;
    };

    // Only exact on a raster device moved by whole pixels, at one device pixel a unit.
    static bool fits(const QPainter &painter, qreal pixelRatio);
    // The bands, later ones over earlier ones, over the plot's pixels `area`.
    void paint(QPainter &painter, const std::vector<Band> &bands, const QRect &area);

private:
    // Into m_buffer, over the plot's pixels `area`.
    void paintIndexed(const std::vector<Band> &bands, const QRect &area);
    void paintBlended(const std::vector<Band> &bands, const QRect &area);

    QImage m_buffer;
    QImage m_index; // for opaque bands: which band shows at each pixel
};
