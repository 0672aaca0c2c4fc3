#pragma once

#include "minmaxpyramid.h"

#include <QtGlobal>

#include <memory>
#include <span>
#include <vector>

// One line as a chart draws it: x ascending, y with every non-finite value (NaN, +/-inf and
// MLflow's +/-DBL_MAX) as a break in the line, and the pyramid that finds extremes of any
// range. Borrows its arrays; `owners` keeps whatever holds them alive.
class CurveData
{
public:
    // Kinds of break: a gap (NaN), or a point off the top or the bottom of any axis.
    enum class BreakKind : quint8 { Gap, PlusInfinity, MinusInfinity };

    CurveData() = default;
    // `x` must be ascending and as long as `y`.
    CurveData(std::span<const qint64> x, std::span<const double> y,
              std::vector<std::shared_ptr<const void>> owners);
    // A line of a reduced series (MetricSeries::weights): `weights[i]` stored rows stand for point i.
    CurveData(std::span<const qint64> x, std::span<const double> y, std::span<const quint32> weights,
              std::vector<std::shared_ptr<const void>> owners);

    qsizetype size() const { return qsizetype(m_y.size()); }
    bool isEmpty() const { return m_y.empty(); }
    std::span<const qint64> x() const { return m_x; }
    // x of point i. When the x are evenly spaced (steps 0, 1, 2, ..., the usual log of every
    // step), worked out without reading the array: a chart frame asks a few of them per
    // pixel column, each otherwise a cache miss in a large series.
    qint64 xAt(qsizetype i) const { return m_evenStep ? m_x0 + qint64(i) * m_evenStep : m_x[size_t(i)]; }
    bool isEvenlySpaced() const { return m_evenStep != 0; }
    std::span<const double> y() const { return m_y; }
    const MinMaxPyramid &pyramid() const { return m_pyramid; }
    // Indices of non-finite y, ascending.
    const std::vector<quint32> &breaks() const { return m_breaks; }
    static BreakKind breakKind(double value);
    static bool isDrawable(double value);

    // First index whose x is >= `x` (size() when none).
    qsizetype lowerBound(double x) const;
    // First index whose x is > `x`.
    qsizetype upperBound(double x) const;
    // Index of the point whose x is nearest `x`, -1 if empty.
    qsizetype nearest(double x) const;
    // Extremes of the finite y in [first, last).
    MinMaxPyramid::Extremes extremes(qsizetype first, qsizetype last) const
    {
        return m_pyramid.query(m_y, first, last);
    }

    // Whether the points are a reduction that stands for more stored rows (see sourceRows()).
    bool isReduced() const { return !m_rowsBefore.empty(); }
    // The stored rows points [first, last) stand for: last - first unless the line is reduced.
    qint64 sourceRows(qsizetype first, qsizetype last) const
    {
        return m_rowsBefore.empty() ? qint64(last - first)
                                    : m_rowsBefore[size_t(last)] - m_rowsBefore[size_t(first)];
    }

    // Bytes of the pyramid and the break list (the arrays belong to their owners).
    qint64 memoryFootprint() const;

private:
    std::span<const qint64> m_x;
    std::span<const double> m_y;
    MinMaxPyramid m_pyramid;
    std::vector<quint32> m_breaks;
    std::vector<qint64> m_rowsBefore; // of a reduced line: stored rows before point i (size + 1)
    qint64 m_x0 = 0, m_evenStep = 0; // x[i] == m_x0 + i * m_evenStep for all i, when not 0
    std::vector<std::shared_ptr<const void>> m_owners;
};
