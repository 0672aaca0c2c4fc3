#include "minmaxpyramid.h"

#include "hugepages.h"

#include <algorithm>
#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

MinMaxPyramid::MinMaxPyramid(std::span<const double> values)
{
    const qsizetype n = qsizetype(values.size());
    std::vector<Extremes> leaves;
    Store::reserveLarge(leaves, size_t((n + BlockSize - 1) / BlockSize));
    for (qsizetype first = 0; first < n; first += BlockSize)
        leaves.push_back(scan(values, first, std::min(n, first + BlockSize)));
    m_levels.push_back(std::move(leaves));
    for (int l = 1; l <= TopLevel; ++l) {
        const std::vector<Extremes> &below = m_levels.back();
        std::vector<Extremes> level;
        Store::reserveLarge(level, (below.size() + 1) / 2);
        level.resize((below.size() + 1) / 2);
        for (size_t i = 0; i < level.size(); ++i) {
            level[i] = below[2 * i];
            if (2 * i + 1 < below.size())
                merge(level[i], below[2 * i + 1]);
        }
        m_levels.push_back(std::move(level));
    }
    // Windows of 2^k top-level nodes at every offset: any run of them is two overlapping
    // windows.
    const std::vector<Extremes> &top = m_levels.back();
    for (size_t width = 2; width <= top.size(); width *= 2) {
        const std::vector<Extremes> &below = m_windows.empty() ? top : m_windows.back();
        std::vector<Extremes> windows;
        Store::reserveLarge(windows, top.size() - width + 1);
        windows.resize(top.size() - width + 1);
        for (size_t i = 0; i < windows.size(); ++i) {
            windows[i] = below[i];
            merge(windows[i], below[i + width / 2]);
        }
        m_windows.push_back(std::move(windows));
    }
}

const MinMaxPyramid::Extremes &MinMaxPyramid::window(int k, qsizetype first) const
{
    return k == 0 ? m_levels.back()[size_t(first)] : m_windows[size_t(k - 1)][size_t(first)];
}

inline void MinMaxPyramid::merge(Extremes &into, const Extremes &other)
{
    // Selects instead of branches: which side wins is data, as good as random to a predictor.
    // An empty side holds +inf / -inf and None, which every finite value beats.
    const bool takeMin = other.minValue < into.minValue
        || (other.minValue == into.minValue && other.minIndex < into.minIndex);
    const bool takeMax = other.maxValue > into.maxValue
        || (other.maxValue == into.maxValue && other.maxIndex < into.maxIndex);
    into.minValue = takeMin ? other.minValue : into.minValue;
    into.minIndex = takeMin ? other.minIndex : into.minIndex;
    into.maxValue = takeMax ? other.maxValue : into.maxValue;
    into.maxIndex = takeMax ? other.maxIndex : into.maxIndex;
}

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double Largest = std::numeric_limits<double>::max();

// The smallest and largest extreme candidates of v[0, n): +inf and -inf when there are none.
// Branch-free, in independent lanes: a scan is a column's worth of points, every frame.
void minMaxOf(const double *v, qsizetype n, double &lo, double &hi)
{
    qsizetype i = 0;
#ifdef __SSE2__
    const __m128d largest = _mm_set1_pd(Largest), lowest = _mm_set1_pd(-Largest);
    const __m128d inf = _mm_set1_pd(Inf), minusInf = _mm_set1_pd(-Inf);
    __m128d lo0 = inf, lo1 = inf, hi0 = minusInf, hi1 = minusInf;
    const auto step = [&](__m128d x, __m128d &l, __m128d &h) {
        // False for NaN, +/-inf and +/-DBL_MAX.
        const __m128d candidate = _mm_and_pd(_mm_cmplt_pd(x, largest), _mm_cmpgt_pd(x, lowest));
        const __m128d kept = _mm_and_pd(candidate, x);
        l = _mm_min_pd(l, _mm_or_pd(kept, _mm_andnot_pd(candidate, inf)));
        h = _mm_max_pd(h, _mm_or_pd(kept, _mm_andnot_pd(candidate, minusInf)));
    };
    for (; i + 4 <= n; i += 4) {
        step(_mm_loadu_pd(v + i), lo0, hi0);
        step(_mm_loadu_pd(v + i + 2), lo1, hi1);
    }
    lo0 = _mm_min_pd(lo0, lo1);
    hi0 = _mm_max_pd(hi0, hi1);
    lo = std::min(_mm_cvtsd_f64(lo0), _mm_cvtsd_f64(_mm_unpackhi_pd(lo0, lo0)));
    hi = std::max(_mm_cvtsd_f64(hi0), _mm_cvtsd_f64(_mm_unpackhi_pd(hi0, hi0)));
#else
    lo = Inf;
    hi = -Inf;
#endif
    for (; i < n; ++i) {
        if (MinMaxPyramid::isExtremeCandidate(v[i])) {
            lo = std::min(lo, v[i]);
            hi = std::max(hi, v[i]);
        }
    }
}

} // namespace

MinMaxPyramid::Extremes MinMaxPyramid::scan(std::span<const double> values, qsizetype first, qsizetype last)
{
    // The extreme values first, then where they first are (ties: the earliest index).
    const double *v = values.data() + first;
    double lo, hi;
    minMaxOf(v, last - first, lo, hi);
    Extremes e;
    if (lo == Inf)
        return e; // no finite value
    e.minValue = lo;
    e.maxValue = hi;
    qsizetype i = 0;
    while (v[i] != lo) // lo is one of them: no bound needed
        ++i;
    e.minIndex = quint32(first + i);
    i = 0;
    while (v[i] != hi)
        ++i;
    e.maxIndex = quint32(first + i);
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

    // The whole leaves first, from the nodes: the two sides climb apart to the top level and
    // are merged at the end (two short chains of dependent merges instead of one long one). A
    // level's odd edge is merged as its node or as the empty node, chosen without a branch.
    static const Extremes empty;
    const qsizetype wholeFirst = firstBlock * BlockSize, wholeLast = lastBlock * BlockSize;
    Extremes left, right;
    for (int level = 0; level < TopLevel && firstBlock < lastBlock; ++level) {
        const Extremes *nodes = m_levels[size_t(level)].data();
        const bool takeFirst = firstBlock & 1, takeLast = lastBlock & 1;
        merge(left, takeFirst ? nodes[firstBlock] : empty);
        merge(right, takeLast ? nodes[lastBlock - 1] : empty);
        firstBlock = (firstBlock + qsizetype(takeFirst)) / 2;
        lastBlock = (lastBlock - qsizetype(takeLast)) / 2;
    }
    if (firstBlock < lastBlock) {
        // The top-level nodes left in the middle: the two windows of the largest power of two
        // that fits, from either end.
        const int k = std::bit_width(quint64(lastBlock - firstBlock)) - 1;
        merge(left, window(k, firstBlock));
        merge(right, window(k, lastBlock - (qsizetype(1) << k)));
    }
    merge(left, right);
    // Then the partial leaves at the ends, value by value, but only where their leaf's extremes
    // say they could change the answer (ties too: they may come first). In a wide range they
    // rarely can, and their values are the reads that miss the cache most.
    const auto couldChange = [&left](const Extremes &leaf) {
        return !leaf.isEmpty() && (leaf.minValue <= left.minValue || leaf.maxValue >= left.maxValue);
    };
    const std::vector<Extremes> &leaves = m_levels.front();
    if (first < wholeFirst && couldChange(leaves[size_t(wholeFirst / BlockSize - 1)]))
        merge(left, scan(values, first, wholeFirst));
    if (wholeLast < last && couldChange(leaves[size_t(wholeLast / BlockSize)]))
        merge(left, scan(values, wholeLast, last));
    return left;
}

void MinMaxPyramid::prefetch(std::span<const double> values, qsizetype index, qsizetype width) const
{
    if (index < 0 || index >= qsizetype(values.size()))
        return;
    const qsizetype block = index / BlockSize;
    // The values on both sides of the boundary (a column's last and the next one's first); the
    // rest of the leaf is read only when it could hold an extreme.
    __builtin_prefetch(values.data() + std::max<qsizetype>(index - 1, 0));
    __builtin_prefetch(values.data() + index);
    // A query of `width` points climbs about log2(width / BlockSize) levels, at most to the top
    // one, and reads two windows there: one beside this end, one 2^k nodes further in.
    const qsizetype blocks = width / BlockSize;
    const int levels = std::min<int>(TopLevel, std::bit_width(quint64(blocks)));
    for (int level = 0; level <= levels; ++level)
        __builtin_prefetch(m_levels[size_t(level)].data() + (block >> level));
    const qsizetype topBlocks = blocks >> TopLevel;
    const int k = std::bit_width(quint64(topBlocks)) - 1;
    if (topBlocks == 0 || k > int(m_windows.size()))
        return;
    const qsizetype size = qsizetype(k == 0 ? m_levels.back().size() : m_windows[size_t(k - 1)].size());
    const qsizetype top = block >> TopLevel, further = top - (qsizetype(1) << k);
    if (top < size)
        __builtin_prefetch(&window(k, top));
    if (further >= 0 && further < size)
        __builtin_prefetch(&window(k, further));
}

qint64 MinMaxPyramid::memoryFootprint() const
{
    qint64 bytes = 0;
    for (const std::vector<Extremes> &level : m_levels)
        bytes += qint64(level.capacity() * sizeof(Extremes));
    for (const std::vector<Extremes> &windows : m_windows)
        bytes += qint64(windows.capacity() * sizeof(Extremes));
    return bytes;
}
