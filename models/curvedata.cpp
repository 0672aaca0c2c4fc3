#include "curvedata.h"

#include <algorithm>
#include <cmath>
#include <limits>

CurveData::CurveData(std::span<const qint64> x, std::span<const double> y,
                     std::vector<std::shared_ptr<const void>> owners)
    : m_x(x), m_y(y), m_owners(std::move(owners))
{
    Q_ASSERT(x.size() == y.size());
    for (size_t i = 0; i < y.size(); ++i) {
        if (!isDrawable(y[i]))
            m_breaks.push_back(quint32(i));
    }
    m_breaks.shrink_to_fit();
    if (x.size() >= 2 && x[1] > x[0]) {
        const qint64 step = x[1] - x[0];
        bool even = true;
        for (size_t i = 2; i < x.size(); ++i)
            even &= x[i] - x[i - 1] == step; // no early exit: vectorised, a small part of the pyramid's cost
        if (even) {
            m_x0 = x[0];
            m_evenStep = step;
        }
    }
    m_pyramid = MinMaxPyramid(y); // which skips the same values as the breaks
}

CurveData::CurveData(std::span<const qint64> x, std::span<const double> y, std::span<const quint32> weights,
                     std::vector<std::shared_ptr<const void>> owners)
    : CurveData(x, y, std::move(owners))
{
    if (weights.empty())
        return;
    Q_ASSERT(weights.size() == y.size());
    m_rowsBefore.reserve(weights.size() + 1);
    m_rowsBefore.push_back(0);
    for (quint32 w : weights)
        m_rowsBefore.push_back(m_rowsBefore.back() + w);
}

bool CurveData::isDrawable(double value)
{
    return std::isfinite(value) && std::fabs(value) != std::numeric_limits<double>::max();
}

CurveData::BreakKind CurveData::breakKind(double value)
{
    if (std::isnan(value))
        return BreakKind::Gap;
    return value > 0 ? BreakKind::PlusInfinity : BreakKind::MinusInfinity;
}

qsizetype CurveData::lowerBound(double x) const
{
    return std::lower_bound(m_x.begin(), m_x.end(), x,
                            [](qint64 element, double value) { return double(element) < value; })
        - m_x.begin();
}

qsizetype CurveData::upperBound(double x) const
{
    return std::upper_bound(m_x.begin(), m_x.end(), x,
                            [](double value, qint64 element) { return value < double(element); })
        - m_x.begin();
}

qsizetype CurveData::nearest(double x) const
{
    if (m_x.empty())
        return -1;
    const qsizetype i = lowerBound(x);
    if (i >= size())
        return size() - 1;
    if (i == 0)
        return 0;
    return (x - double(m_x[size_t(i - 1)]) <= double(m_x[size_t(i)]) - x) ? i - 1 : i;
}

qint64 CurveData::memoryFootprint() const
{
    return m_pyramid.memoryFootprint() + qint64(m_breaks.capacity() * sizeof(quint32))
        + qint64(m_rowsBefore.capacity() * sizeof(qint64));
}
