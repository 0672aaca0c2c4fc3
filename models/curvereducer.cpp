#include "curvereducer.h"

#include <algorithm>
#include <array>

namespace {

class Reducer
{
public:
    Reducer(const CurveData &curve, const CurveXMapping &map, ReducedCurve &out)
        : m_curve(curve), m_map(map), m_out(out), m_breaks(curve.breaks())
    {
    }

    qint64 column(qsizetype i) const { return pixelColumn(m_map.map(double(m_curve.x()[size_t(i)]))); }

    void emitBreak()
    {
        if (!m_out.indices.empty() && m_out.indices.back() != ReducedCurve::Break)
            m_out.indices.push_back(ReducedCurve::Break);
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
                m_out.indices.push_back(quint32(i));
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
        std::array<quint32, 4> picks = {quint32(first), e.minIndex, e.maxIndex, quint32(last - 1)};
        std::sort(picks.begin(), picks.end());
        quint32 previous = ReducedCurve::Break;
        for (quint32 i : picks) {
            if (i != previous)
                m_out.indices.push_back(i);
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

    out.isDense = last - first > qsizetype(right - left);
    out.visiblePoints = last - first;
    Reducer reducer(curve, map, out);
    reducer.markInfinities(first, last);
    // Few enough points that every one is cheaper than choosing.
    if (decimation == Decimation::None || last - first <= 4 * qsizetype(right - left + 2)) {
        out.indices.reserve(size_t(last - first));
        reducer.keepAll(first, last);
    } else {
        out.indices.reserve(size_t(4 * (right - left + 4)));
        qsizetype start = first;
        while (start < last) {
            const qint64 c = reducer.column(start);
            // The first index past this pixel column: gallop from here, then bisect, so the
            // search stays in the cache lines of this column (a few hundred points), not the
            // whole series.
            qsizetype lo = start + 1, step = 1;
            while (lo < last && reducer.column(lo) <= c) {
                lo = start + step;
                step *= 2;
            }
            qsizetype hi = std::min(lo, last);
            lo = start + std::max<qsizetype>(1, step / 4);
            lo = std::min(lo, hi);
            while (lo < hi) {
                const qsizetype mid = lo + (hi - lo) / 2;
                if (reducer.column(mid) <= c)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            reducer.keepExtremes(start, lo);
            start = lo;
        }
    }
    if (!out.indices.empty() && out.indices.back() == ReducedCurve::Break)
        out.indices.pop_back();
    return out;
}
