#include "runtable.h"

#include "hugepages.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <numeric>
#include <unordered_set>
#include <utility>

namespace Store {

bool LatestMetric::isLaterThan(const LatestMetric &other) const
{
    if (step != other.step)
        return step > other.step;
    if (timestamp != other.timestamp)
        return timestamp > other.timestamp;
    return storedValue() > other.storedValue();
}

RunTable::RunTable() : d(std::make_shared<Data>()) { }

int RunTable::indexOfRun(const QString &runId) const
{
    for (int row = 0; row < size(); ++row) {
        if (d->runs[size_t(row)].runId == runId)
            return row;
    }
    return -1;
}

std::span<const RunTable::TextEntry> RunTable::params(int row) const
{
    const Range &r = d->paramRange[size_t(row)];
    return {d->params.data() + r.begin, r.count};
}

std::span<const RunTable::TextEntry> RunTable::tags(int row) const
{
    const Range &r = d->tagRange[size_t(row)];
    return {d->tags.data() + r.begin, r.count};
}

std::span<const RunTable::MetricEntry> RunTable::metrics(int row) const
{
    const Range &r = d->metricRange[size_t(row)];
    return {d->metrics.data() + r.begin, r.count};
}

template<typename Entry> static const Entry *findKey(std::span<const Entry> entries, int key)
{
    auto it = std::lower_bound(entries.begin(), entries.end(), key,
                               [](const Entry &e, int k) { return e.key < k; });
    return (it != entries.end() && it->key == key) ? &*it : nullptr;
}

std::optional<QString> RunTable::param(int row, int key) const
{
    if (key < 0)
        return std::nullopt;
    if (const TextEntry *e = findKey(params(row), key))
        return textString(*e);
    return std::nullopt;
}

std::optional<QString> RunTable::tag(int row, int key) const
{
    if (key < 0)
        return std::nullopt;
    if (const TextEntry *e = findKey(tags(row), key))
        return textString(*e);
    return std::nullopt;
}

const LatestMetric *RunTable::metric(int row, int key) const
{
    if (key < 0)
        return nullptr;
    const MetricEntry *e = findKey(metrics(row), key);
    return e ? &e->metric : nullptr;
}

qint64 RunTable::memoryFootprint() const
{
    qint64 bytes = qint64(d->runs.capacity() * sizeof(RunAttributes));
    // Runs share repeated values (status, user, experiment): each string's data counts once.
    std::unordered_set<const void *> counted;
    for (const RunAttributes &r : d->runs) {
        for (const QString *s : {&r.runId, &r.runName, &r.experimentId, &r.status, &r.lifecycleStage,
                                 &r.userId, &r.artifactUri, &r.parentRunId}) {
            if (!s->isEmpty() && counted.insert(s->constData()).second)
                bytes += s->capacity() * 2 + 24;
        }
    }
    bytes += qint64((d->paramRange.capacity() + d->tagRange.capacity() + d->metricRange.capacity())
                    * sizeof(Range));
    bytes += qint64((d->params.capacity() + d->tags.capacity()) * sizeof(TextEntry));
    bytes += qint64(d->metrics.capacity() * sizeof(MetricEntry));
    bytes += qint64(d->text.capacity());
    return bytes;
}

// --- storage ---

namespace {

// Blocks from this size on are mapped pages rather than malloc's.
constexpr size_t MapThreshold = size_t(1) << 20;
constexpr size_t HugePage = HugePageSize;

} // namespace

namespace {

#ifdef __linux__
// `bytes` (a multiple of HugePage) of address space on a huge-page boundary, advised as huge
// pages; what is never written costs nothing.
void *mapHugePages(size_t bytes)
{
    void *region
        = mmap(nullptr, bytes + HugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (region == MAP_FAILED)
        throw std::bad_alloc();
    auto *regionStart = static_cast<char *>(region);
    auto *start = reinterpret_cast<char *>(roundUp(reinterpret_cast<uintptr_t>(region), HugePage));
    if (start != regionStart)
        munmap(regionStart, size_t(start - regionStart));
    if (start + bytes != regionStart + bytes + HugePage)
        munmap(start + bytes, size_t(regionStart + bytes + HugePage - (start + bytes)));
    madvise(start, bytes, MADV_HUGEPAGE);
    return start;
}
#endif

} // namespace

void *RunTable::allocatePages(size_t bytes)
{
#ifdef __linux__
    if (bytes >= MapThreshold)
        return mapHugePages(roundUp(bytes, HugePage));
#endif
    void *memory = std::malloc(std::max<size_t>(bytes, 1));
    if (!memory)
        throw std::bad_alloc();
    return memory;
}

void RunTable::freePages(void *memory, size_t bytes)
{
#ifdef __linux__
    if (bytes >= MapThreshold) {
        munmap(memory, roundUp(bytes, HugePage));
        return;
    }
#endif
    Q_UNUSED(bytes);
    std::free(memory);
}

RunTable::PageBlock::PageBlock(PageBlock &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)),
      m_capacity(std::exchange(other.m_capacity, 0)),
      m_mapped(std::exchange(other.m_mapped, false))
{
}

RunTable::PageBlock &RunTable::PageBlock::operator=(PageBlock &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_mapped = std::exchange(other.m_mapped, false);
    }
    return *this;
}

void RunTable::PageBlock::release()
{
#ifdef __linux__
    if (m_mapped)
        munmap(m_data, m_capacity);
#endif
    if (!m_mapped)
        std::free(m_data);
    m_data = nullptr;
    m_capacity = 0;
    m_mapped = false;
}

void RunTable::PageBlock::reserve(size_t bytes, size_t used)
{
    if (bytes <= m_capacity)
        return;
#ifdef __linux__
    if (bytes >= MapThreshold) {
        const size_t capacity = roundUp(bytes, HugePage);
        auto *start = static_cast<char *>(mapHugePages(capacity));
        if (m_mapped) {
            // The pages written so far move to the new place rather than being copied.
            if (mremap(m_data, m_capacity, m_capacity, MREMAP_MAYMOVE | MREMAP_FIXED, start) == MAP_FAILED) {
                std::memcpy(start, m_data, used);
                munmap(m_data, m_capacity);
            }
        } else if (m_data) {
            std::memcpy(start, m_data, used);
            std::free(m_data);
        }
        m_data = start;
        m_capacity = capacity;
        m_mapped = true;
        return;
    }
#endif
    Q_UNUSED(used);
    void *memory = std::realloc(m_data, bytes);
    if (!memory)
        throw std::bad_alloc();
    m_data = memory;
    m_capacity = bytes;
}

void RunTable::PageBlock::shrink(size_t used)
{
#ifdef __linux__
    if (m_mapped) {
        const size_t capacity = std::max(roundUp(used, HugePage), HugePage);
        if (capacity < m_capacity) {
            munmap(static_cast<char *>(m_data) + capacity, m_capacity - capacity);
            m_capacity = capacity;
        }
    }
#else
    Q_UNUSED(used);
#endif
}

} // namespace Store
