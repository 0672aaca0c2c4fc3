#include "curvepolylines.h"

#include "curvereducer.h"

#include <algorithm>
#include <optional>

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

void CurvePolylines::clip(const QRectF &r)
{
    const auto inside = [&r](const QPointF &p) {
        return p.x() >= r.left() && p.x() <= r.right() && p.y() >= r.top() && p.y() <= r.bottom();
    };
    if (std::all_of(points.cbegin(), points.cend(), inside))
        return; // the common case: nothing to cut
    std::vector<QPointF> keptPoints;
    std::vector<int> keptLengths;
    keptPoints.reserve(points.size());
    const QPointF *p = points.data();
    for (int length : lengths) {
        int open = 0; // points of the polyline being built
        const auto close = [&] {
            if (open)
                keptLengths.push_back(open);
            open = 0;
        };
        if (length == 1 && inside(*p)) {
            keptPoints.push_back(*p);
            keptLengths.push_back(1);
        }
        for (int k = 0; k + 1 < length; ++k) {
            QPointF a = p[k], b = p[k + 1];
            if (!clipSegment(a, b, r)) {
                close();
                continue;
            }
            if (!open || a != p[k]) { // starts here, or comes in from outside
                close();
                keptPoints.push_back(a);
                open = 1;
            }
            keptPoints.push_back(b);
            ++open;
            if (b != p[k + 1]) // leaves
                close();
        }
        close();
        p += length;
    }
    points = std::move(keptPoints);
    lengths = std::move(keptLengths);
}

void CurvePolylines::buildBand(qreal pixelRatio)
{
    struct Column
    {
        double x, top, bottom, first, last;
    };
    const QPointF *p = points.data();
    for (int length : lengths) {
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
                    bandLines.emplace_back(QPointF(previous->x, previous->last), *p);
            }
            // The pixels a one-pixel line from top to bottom lights (the points sit a quarter
            // pixel into theirs), in device pixels.
            const int col = int(floorToInt(column.x * pixelRatio));
            const int top = int(floorToInt(column.top * pixelRatio));
            const int bottom = int(floorToInt(column.bottom * pixelRatio));
            bandSpans.emplace_back(col, top, 1, bottom - top + 1);
            previous = column;
            p = next;
        }
    }
}

std::vector<QPointF> CurvePolylines::lonePoints() const
{
    std::vector<QPointF> lone;
    size_t start = 0;
    for (int length : lengths) {
        if (length == 1)
            lone.push_back(points[start]);
        start += size_t(length);
    }
    return lone;
}
