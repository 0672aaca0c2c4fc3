#pragma once

#include <QtGlobal>

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

// Where the smallest and largest finite values of any index range of a series are, in
// O(BlockSize + log N) per query. Leaves cover BlockSize points; each level above halves the
// count, so the whole pyramid holds about 16 / BlockSize bytes a point (0.5 at 32). NaN, +/-inf
// and MLflow's +/-DBL_MAX (its +/-inf) are never a minimum or maximum.
class MinMaxPyramid
{
public:
    static constexpr qsizetype BlockSize = 32;
    static constexpr quint32 None = UINT32_MAX;

    struct Extremes
    {
        quint32 minIndex = None;
        quint32 maxIndex = None;
        bool isEmpty() const { return minIndex == None; }
    };

    MinMaxPyramid() = default;
    explicit MinMaxPyramid(std::span<const double> values);

    // Extremes of the finite values in [first, last); empty when there are none.
    Extremes query(std::span<const double> values, qsizetype first, qsizetype last) const;
    qint64 memoryFootprint() const;
    static bool isExtremeCandidate(double value);

private:
    Extremes scan(std::span<const double> values, qsizetype first, qsizetype last) const;
    static void merge(std::span<const double> values, Extremes &into, const Extremes &other);

    std::vector<std::vector<Extremes>> m_levels; // [0]: one entry per leaf block
};
