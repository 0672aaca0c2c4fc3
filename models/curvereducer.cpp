#include "curvereducer.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace {

class Reducer
{
public:
    Reducer(const CurveData &curve, const CurveXMapping &map, ReducedCurve &out)
        : m_curve(curve), m_map(map), m_out(out), m_breaks(curve.breaks())
    {
    }

    qint64 column(qsizetype i) const { return pixelColumn(m_map.map(double(m_curve.xAt(i)))); }

    // The first index in (start, last] whose column is past `c`, the column of `start`: probe
    // where the column would end after `guess` points, gallop from there, then bisect.
    qsizetype columnEnd(qsizetype start, qint64 c, qsizetype last, qsizetype guess) const
    {
        const auto inColumn = [&](qsizetype i) { return column(i) <= c; };
        qsizetype lo = start + 1; // every index below lo is in the column
        qsizetype hi = last; // the end is at most hi
        const qsizetype probe = std::clamp(start + guess, lo, last);
        if (probe == last || !inColumn(probe)) {
            hi = probe;
            for (qsizetype step = 1; hi - step >= lo; step *= 2) {
                if (inColumn(hi - step)) {
                    lo = hi - step + 1;
                    break;
                }
                hi -= step;
            }
        } else {
            lo = probe + 1;
            for (qsizetype step = 1; lo + step - 1 < hi; step *= 2) {
                if (!inColumn(lo + step - 1)) {
                    hi = lo + step - 1;
                    break;
                }
                lo += step;
            }
        }
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            if (inColumn(mid))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    // Asks for the memory a column boundary near `i` will read (its x, the values of its leaf
    // block, the pyramid's nodes above it) while earlier columns are worked on: each column's
    // reads are a few cache lines far apart, which waited for one by one dominate.
    void prefetch(qsizetype i, qsizetype last, qsizetype width) const
    {
        if (i >= last)
            return;
        if (!m_curve.isEvenlySpaced())
            __builtin_prefetch(m_curve.x().data() + i);
        m_curve.pyramid().prefetch(m_curve.y(), i, width);
    }

    void emitBreak()
    {
        if (!m_out.indices.empty() && m_out.indices.back() != ReducedCurve::Break)
            keep(ReducedCurve::Break, std::numeric_limits<double>::quiet_NaN());
    }

    void keep(quint32 index, double value)
    {
        m_out.indices.push_back(index);
        m_out.values.push_back(value);
    }

    // Every point of [first, last), breaking the line at non-finite values.
    void keepAll(qsizetype first, qsizetype last)
    {
        auto nextBreak = std::lower_bound(m_breaks.begin(), m_breaks.end(), quint32(first));
        for (qsizetype i = first; i < last; ++i) {
            if (nextBreak != m_breaks.end() && *nextBreak == quint32(i)) {
                ++nextBreak;
                emitBreak();
            } else {
                keep(quint32(i), m_curve.y()[size_t(i)]);
            }
        }
    }

    // First, smallest, largest and last point of each finite run in [first, last).
    void keepExtremes(qsizetype first, qsizetype last)
    {
        auto nextBreak = std::lower_bound(m_breaks.begin(), m_breaks.end(), quint32(first));
        qsizetype runStart = first;
        while (runStart < last) {
            const qsizetype runEnd = (nextBreak != m_breaks.end() && qsizetype(*nextBreak) < last)
                ? qsizetype(*nextBreak)
                : last;
            if (runEnd > runStart)
                keepRun(runStart, runEnd);
            if (runEnd < last) {
                emitBreak();
                ++nextBreak;
            }
            runStart = runEnd + 1;
        }
    }

    void keepRun(qsizetype first, qsizetype last)
    {
        const MinMaxPyramid::Extremes e = m_curve.extremes(first, last);
        // In index order: first <= min, max <= last - 1 (a finite run has both).
        const std::span<const double> y = m_curve.y();
        const bool minFirst = e.minIndex <= e.maxIndex;
        const std::pair<quint32, double> picks[]
            = {{quint32(first), y[size_t(first)]},
               minFirst ? std::pair(e.minIndex, e.minValue) : std::pair(e.maxIndex, e.maxValue),
               minFirst ? std::pair(e.maxIndex, e.maxValue) : std::pair(e.minIndex, e.minValue),
               {quint32(last - 1), y[size_t(last - 1)]}};
        quint32 previous = ReducedCurve::Break;
        for (const auto &[i, value] : picks) {
            if (i != previous)
                keep(i, value);
            previous = i;
        }
    }

    void markInfinities(qsizetype first, qsizetype last)
    {
        auto it = std::lower_bound(m_breaks.begin(), m_breaks.end(), quint32(first));
        qint64 previousColumn = 0;
        CurveData::BreakKind previousKind = CurveData::BreakKind::Gap;
        for (; it != m_breaks.end() && qsizetype(*it) < last; ++it) {
            const CurveData::BreakKind kind = CurveData::breakKind(m_curve.y()[*it]);
            if (kind == CurveData::BreakKind::Gap)
                continue;
            const qint64 c = column(*it);
            if (!m_out.markers.empty() && c == previousColumn && kind == previousKind)
                continue;
            m_out.markers.push_back(*it);
            previousColumn = c;
            previousKind = kind;
        }
    }

private:
    const CurveData &m_curve;
    const CurveXMapping &m_map;
    ReducedCurve &m_out;
    const std::vector<quint32> &m_breaks;
};

} // namespace

ReducedCurve reduceCurve(const CurveData &curve, const CurveXMapping &map, double left, double right,
                         Decimation decimation)
{
    ReducedCurve out;
    if (curve.isEmpty() || !(right > left) || !(map.scale > 0))
        return out;
    qsizetype first = curve.lowerBound(map.unmap(left));
    qsizetype last = curve.upperBound(map.unmap(right));
    first = std::max<qsizetype>(first - 1, 0);
    last = std::min<qsizetype>(last + 1, curve.size());
    if (first >= last)
        return out;

    Reducer reducer(curve, map, out);
    // A view past either end of the data has empty columns: density counts those with points.
    const qint64 firstColumn = std::max(reducer.column(first), qint64(left));
    const qint64 lastColumn = std::min(reducer.column(last - 1), qint64(right) - 1);
    out.columns = std::max<qint64>(1, lastColumn - firstColumn + 1);
    // A reduced line decides as its stored rows would: it holds every row where they would be drawn
    // all, and the M4 points of every column otherwise (PixelReduction).
    out.visiblePoints = qsizetype(curve.sourceRows(first, last));
    out.isDense = out.visiblePoints > out.columns;
    reducer.markInfinities(first, last);
    // Few enough points that every one is cheaper than choosing.
    if (decimation == Decimation::None || out.visiblePoints <= 4 * qsizetype(right - left + 2)) {
        out.indices.reserve(size_t(last - first));
        out.values.reserve(size_t(last - first));
        reducer.keepAll(first, last);
    } else {
        out.indices.reserve(size_t(4 * (right - left + 4)));
        out.values.reserve(size_t(4 * (right - left + 4)));
        // Points a column, from the last column: on evenly spaced steps or times the next
        // column's end is found in two or three probes of the same cache line.
        qsizetype perColumn = std::max<qsizetype>(1, (last - first) / qsizetype(right - left + 1));
        qsizetype start = first;
        while (start < last) {
            const qint64 c = reducer.column(start);
            reducer.prefetch(start + 2 * perColumn, last, perColumn);
            const qsizetype end = reducer.columnEnd(start, c, last, perColumn);
            reducer.keepExtremes(start, end);
            perColumn = end - start;
            start = end;
        }
    }
    if (!out.indices.empty() && out.indices.back() == ReducedCurve::Break) {
        out.indices.pop_back();
        out.values.pop_back();
    }
    return out;
}
