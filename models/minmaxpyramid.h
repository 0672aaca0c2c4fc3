#pragma once

#include <QtGlobal>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

// Where the smallest and largest finite values of any index range of a series are, in
// O(BlockSize + TopLevel) per query whatever the range's length. Leaves cover BlockSize
// points; each level above halves the count, up to TopLevel (512 points a node). Above that a
// sparse table keeps every window of 2^k top-level nodes, so a long range costs two windows
// instead of a climb of log2(N) levels: a chart frame queries one range per pixel column, and
// at 10M points a climb's nodes are each a cache miss. A node keeps its extremes' values
// beside their indices, so a query never reads the series at random. Bytes a point: 48 /
// BlockSize for the levels (1.5) and 24 log2(N / 512) / 512 for the windows (0.6 at 10M).
// NaN, +/-inf and MLflow's +/-DBL_MAX (its +/-inf) are never a minimum or maximum.
class MinMaxPyramid
{
public:
    static constexpr qsizetype BlockSize = 32;
    static constexpr int TopLevel = 4;
    static constexpr quint32 None = UINT32_MAX;

    struct Extremes
    {
        double minValue = std::numeric_limits<double>::infinity();
        double maxValue = -std::numeric_limits<double>::infinity();
        quint32 minIndex = None;
        quint32 maxIndex = None;
        bool isEmpty() const { return minIndex == None; }
    };

    MinMaxPyramid() = default;
    explicit MinMaxPyramid(std::span<const double> values);

    // Extremes of the finite values in [first, last); empty when there are none.
    Extremes query(std::span<const double> values, qsizetype first, qsizetype last) const;
    qint64 memoryFootprint() const;
    // Asks for the memory a query of about `width` points with an end near `index` reads,
    // ahead of the query.
    void prefetch(std::span<const double> values, qsizetype index, qsizetype width) const;
    static bool isExtremeCandidate(double value)
    {
        // Also false for NaN.
        return value < std::numeric_limits<double>::max() && value > -std::numeric_limits<double>::max();
    }

private:
    // Extremes of [first, last) value by value.
    static Extremes scan(std::span<const double> values, qsizetype first, qsizetype last);
    // Ties keep the earlier index, so a query's answer does not depend on how it was split.
    static void merge(Extremes &into, const Extremes &other);

    // Extremes of the 2^k top-level nodes from `first` on.
    const Extremes &window(int k, qsizetype first) const;

    std::vector<std::vector<Extremes>> m_levels; // [0]: one entry per leaf block; up to TopLevel
    std::vector<std::vector<Extremes>> m_windows; // [k - 1]: windows of 2^k top-level nodes
};
