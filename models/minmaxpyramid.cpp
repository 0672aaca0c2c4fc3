#include "minmaxpyramid.h"

#include <cmath>
#include <limits>

bool MinMaxPyramid::isExtremeCandidate(double value)
{
    // NaN, +/-inf, and MLflow's +/-DBL_MAX, which stands for +/-inf.
    return std::isfinite(value) && std::fabs(value) != std::numeric_limits<double>::max();
}

MinMaxPyramid::MinMaxPyramid(std::span<const double> values)
{
    const qsizetype n = qsizetype(values.size());
    std::vector<Extremes> leaves;
    leaves.reserve(size_t((n + BlockSize - 1) / BlockSize));
    for (qsizetype first = 0; first < n; first += BlockSize)
        leaves.push_back(scan(values, first, std::min(n, first + BlockSize)));
    m_levels.push_back(std::move(leaves));
    while (m_levels.back().size() > 1) {
        const std::vector<Extremes> &below = m_levels.back();
        std::vector<Extremes> level((below.size() + 1) / 2);
        for (size_t i = 0; i < level.size(); ++i) {
            level[i] = below[2 * i];
            if (2 * i + 1 < below.size())
                merge(values, level[i], below[2 * i + 1]);
        }
        m_levels.push_back(std::move(level));
    }
}

void MinMaxPyramid::merge(std::span<const double> values, Extremes &into, const Extremes &other)
{
    if (other.isEmpty())
        return;
    if (into.isEmpty()) {
        into = other;
        return;
    }
    // Ties keep the earlier index, so a query's answer does not depend on how it was split.
    const auto earlier = [](quint32 a, quint32 b) { return std::min(a, b); };
    const double otherMin = values[other.minIndex], intoMin = values[into.minIndex];
    if (otherMin < intoMin)
        into.minIndex = other.minIndex;
    else if (otherMin == intoMin)
        into.minIndex = earlier(into.minIndex, other.minIndex);
    const double otherMax = values[other.maxIndex], intoMax = values[into.maxIndex];
    if (otherMax > intoMax)
        into.maxIndex = other.maxIndex;
    else if (otherMax == intoMax)
        into.maxIndex = earlier(into.maxIndex, other.maxIndex);
}

MinMaxPyramid::Extremes MinMaxPyramid::scan(std::span<const double> values, qsizetype first,
                                            qsizetype last) const
{
    Extremes e;
    double lo = 0, hi = 0;
    for (qsizetype i = first; i < last; ++i) {
        const double v = values[size_t(i)];
        if (!isExtremeCandidate(v))
            continue;
        if (e.isEmpty()) {
            e.minIndex = e.maxIndex = quint32(i);
            lo = hi = v;
        } else if (v < lo) {
            e.minIndex = quint32(i);
            lo = v;
        } else if (v > hi) {
            e.maxIndex = quint32(i);
            hi = v;
        }
    }
    return e;
}

MinMaxPyramid::Extremes MinMaxPyramid::query(std::span<const double> values, qsizetype first,
                                             qsizetype last) const
{
    first = std::max<qsizetype>(first, 0);
    last = std::min<qsizetype>(last, qsizetype(values.size()));
    if (first >= last || m_levels.empty())
        return {};
    qsizetype firstBlock = (first + BlockSize - 1) / BlockSize;
    qsizetype lastBlock = last / BlockSize; // exclusive
    if (firstBlock >= lastBlock)
        return scan(values, first, last);

    Extremes head = scan(values, first, firstBlock * BlockSize);
    Extremes result;
    // Bottom-up over the levels: take the odd edges, then move up a level.
    for (size_t level = 0; firstBlock < lastBlock && level < m_levels.size(); ++level) {
        const std::vector<Extremes> &nodes = m_levels[level];
        if (firstBlock & 1)
            merge(values, result, nodes[size_t(firstBlock++)]);
        if (lastBlock & 1)
            merge(values, result, nodes[size_t(--lastBlock)]);
        firstBlock /= 2;
        lastBlock /= 2;
    }
    merge(values, head, result);
    merge(values, head, scan(values, (last / BlockSize) * BlockSize, last));
    return head;
}

qint64 MinMaxPyramid::memoryFootprint() const
{
    qint64 bytes = 0;
    for (const std::vector<Extremes> &level : m_levels)
        bytes += qint64(level.capacity() * sizeof(Extremes));
    return bytes;
}
