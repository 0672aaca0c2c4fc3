#include "hugepages.h"
#include "runtable.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <numeric>
#include <unordered_set>
#include <utility>

// RunTableBuilder: the key dictionary, the run id index and the assembly of a RunTable.

namespace Store {

int RunTableBuilder::KeyDictionary::intern(std::string_view key)
{
    quint32 hash = 2166136261u; // FNV-1a: keys are short
    for (char c : key)
        hash = (hash ^ quint8(c)) * 16777619u;
    CacheSlot &slot = cache[hash & 255];
    if (slot.id >= 0 && slot.key == key)
        return slot.id;
    int id;
    auto it = index.find(key);
    if (it != index.end()) {
        id = it->second;
    } else {
        id = int(keys.size());
        keys.emplace_back(key);
        index.emplace(std::string(key), id);
    }
    slot.key.assign(key);
    slot.id = id;
    return id;
}

bool RunTableBuilder::RunIdIndex::parse(std::string_view id, quint64 *hi, quint64 *lo)
{
    // Lower-case hex digits to values; everything else (upper case too) maps to 0xff and keeps
    // the id exact in the fallback map.
    static const auto digits = [] {
        std::array<quint8, 256> table;
        table.fill(0xff);
        for (int c = '0'; c <= '9'; ++c)
            table[size_t(c)] = quint8(c - '0');
        for (int c = 'a'; c <= 'f'; ++c)
            table[size_t(c)] = quint8(c - 'a' + 10);
        return table;
    }();
    if (id.size() != 32)
        return false;
    quint64 parts[2] = {0, 0};
    quint8 invalid = 0;
    for (size_t half = 0; half < 2; ++half) {
        quint64 value = 0;
        for (size_t i = 0; i < 16; ++i) {
            const quint8 digit = digits[quint8(id[half * 16 + i])];
            invalid |= digit;
            value = (value << 4) | (digit & 15);
        }
        parts[half] = value;
    }
    if (invalid & 0xf0)
        return false;
    *hi = parts[0];
    *lo = parts[1];
    return true;
}

void RunTableBuilder::RunIdIndex::FreeSlots::operator()(Slot *memory) const
{
    std::free(memory);
}

void RunTableBuilder::RunIdIndex::reserve(size_t count)
{
    size_t capacity = std::max<size_t>(1024, m_capacity);
    while (capacity < count * 2)
        capacity *= 2;
    if (capacity > m_capacity)
        rehash(capacity);
}

void RunTableBuilder::RunIdIndex::rehash(size_t capacity)
{
    const size_t oldCapacity = m_capacity;
    auto old = std::move(m_slots);
    m_capacity = capacity;
    // Look-ups land on random slots; on Linux, huge pages spare each one a TLB miss.
    const size_t bytes = m_capacity * sizeof(Slot);
    void *memory = bytes >= HugePageSize ? std::aligned_alloc(HugePageSize, roundUp(bytes, HugePageSize))
                                         : std::malloc(bytes);
    if (!memory)
        throw std::bad_alloc();
    adviseHugePages(memory, bytes);
    m_slots.reset(static_cast<Slot *>(memory));
    std::uninitialized_fill_n(m_slots.get(), m_capacity, Slot {});
    const size_t mask = m_capacity - 1;
    for (size_t k = 0; k < oldCapacity; ++k) {
        const Slot &s = old[k];
        if (s.row < 0)
            continue;
        size_t i = size_t(s.lo ^ (s.hi >> 7)) & mask;
        while (m_slots[i].row >= 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void RunTableBuilder::RunIdIndex::insert(std::string_view id, int row)
{
    quint64 hi, lo;
    if (!parse(id, &hi, &lo)) {
        m_other.emplace(std::string(id), row);
        return;
    }
    if ((m_count + 1) * 2 > m_capacity)
        rehash(std::max<size_t>(1024, m_capacity * 2));
    const size_t mask = m_capacity - 1;
    size_t i = size_t(lo ^ (hi >> 7)) & mask;
    while (m_slots[i].row >= 0) {
        if (m_slots[i].hi == hi && m_slots[i].lo == lo)
            return; // first row wins, as for the map
        i = (i + 1) & mask;
    }
    m_slots[i] = {hi, lo, qint32(row)};
    ++m_count;
}

int RunTableBuilder::RunIdIndex::find(std::string_view id) const
{
    quint64 hi, lo;
    if (!parse(id, &hi, &lo)) {
        auto it = m_other.find(id);
        return it == m_other.end() ? -1 : it->second;
    }
    if (m_capacity == 0)
        return -1;
    const size_t mask = m_capacity - 1;
    for (size_t i = size_t(lo ^ (hi >> 7)) & mask; m_slots[i].row >= 0; i = (i + 1) & mask) {
        if (m_slots[i].hi == hi && m_slots[i].lo == lo)
            return m_slots[i].row;
    }
    return -1;
}

void RunTableBuilder::RunIdIndex::clear()
{
    m_slots.reset();
    m_capacity = 0;
    m_count = 0;
    m_other.clear();
}

int RunTableBuilder::addRun(RunAttributes run)
{
    const QByteArray id = run.runId.toUtf8();
    return addRun(std::move(run), std::string_view(id.constData(), size_t(id.size())));
}

int RunTableBuilder::addRun(RunAttributes run, std::string_view runIdUtf8)
{
    const int row = int(m_runs.size());
    m_rowById.insert(runIdUtf8, row);
    appendText(m_runIdText, runIdUtf8);
    m_runIdBegin.push_back(quint32(m_runIdText.size()));
    m_runs.push_back(std::move(run));
    return row;
}

void RunTableBuilder::reserveRuns(qint64 count)
{
    const size_t runs = m_runs.size() + size_t(count);
    m_runs.reserve(runs);
    m_rowById.reserve(runs);
    m_runIdText.reserve(runs * 32); // uuid4 hex
    m_runIdBegin.reserve(runs + 1);
}

int RunTableBuilder::rowOf(std::string_view runId)
{
    return m_cursor.rowOf(*this, runId);
}

int RunTableBuilder::rowOf(RowCursor &cursor, std::string_view runId) const
{
    return cursor.rowOf(*this, runId);
}

void RunTableBuilder::reserveParams(qint64 count)
{
    m_params.entries.reserve(m_params.entries.size() + size_t(count));
    m_paramText.reserve(m_paramText.size() + size_t(count) * 8);
}

void RunTableBuilder::reserveTags(qint64 count)
{
    m_tags.entries.reserve(m_tags.entries.size() + size_t(count));
    m_tagText.reserve(m_tagText.size() + size_t(count) * 12);
}

void RunTableBuilder::reserveMetrics(qint64 count)
{
    m_metrics.entries.reserve(m_metrics.entries.size() + size_t(count));
}

quint32 RunTableBuilder::appendText(PageArray<char> &arena, std::string_view value)
{
    const auto offset = quint32(arena.size());
    if (!value.empty())
        std::memcpy(arena.grow(value.size()), value.data(), value.size());
    return offset;
}

void RunTableBuilder::addParam(int row, std::string_view key, std::string_view value)
{
    m_params.add(row, {m_params.keys.intern(key), appendText(m_paramText, value), quint32(value.size())});
}

void RunTableBuilder::addTag(int row, std::string_view key, std::string_view value)
{
    m_tags.add(row, {m_tags.keys.intern(key), appendText(m_tagText, value), quint32(value.size())});
}

void RunTableBuilder::addMetric(int row, std::string_view key, const LatestMetric &metric)
{
    m_metrics.add(row, {m_metrics.keys.intern(key), metric});
}

namespace {

// Sorted key names, and for each interned id its position in that order.
QStringList sortedKeys(const std::vector<std::string> &keys, std::vector<qint32> &rank)
{
    std::vector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return keys[size_t(a)] < keys[size_t(b)]; });
    rank.assign(keys.size(), 0);
    QStringList names;
    names.reserve(qsizetype(keys.size()));
    for (size_t i = 0; i < order.size(); ++i) {
        rank[size_t(order[i])] = qint32(i);
        names.append(QString::fromStdString(keys[size_t(order[i])]));
    }
    return names;
}

} // namespace

template<typename Entry, typename Adjust, typename KeepSecond>
void RunTableBuilder::freeze(Column<Entry> &column, size_t rowCount, QStringList &keyNames,
                             PageArray<RunTable::Range> &ranges, PageArray<Entry> &entries, Adjust adjust,
                             KeepSecond keepSecond)
{
    std::vector<qint32> rank;
    keyNames = sortedKeys(column.keys.keys, rank);
    for (Entry &e : column.entries) {
        e.key = rank[size_t(e.key)];
        adjust(e);
    }

    // Each segment is one run's values; when a run has two, the entries are regrouped by run
    // (stable: a run's values keep the order they came in).
    const auto &segments = column.segments;
    const auto segmentEnd = [&](size_t i) {
        return i + 1 < segments.size() ? segments[i + 1].begin : quint32(column.entries.size());
    };
    ranges.resize(rowCount);
    bool grouped = true;
    for (size_t i = 0; i < segments.size() && grouped; ++i) {
        RunTable::Range &r = ranges[size_t(segments[i].row)];
        grouped = r.count == 0;
        r = {segments[i].begin, segmentEnd(i) - segments[i].begin};
    }
    if (grouped) {
        entries = std::move(column.entries);
    } else {
        std::fill(ranges.begin(), ranges.end(), RunTable::Range {0, 0});
        for (size_t i = 0; i < segments.size(); ++i)
            ranges[size_t(segments[i].row)].count += segmentEnd(i) - segments[i].begin;
        quint32 next = 0;
        for (RunTable::Range &r : ranges) {
            r.begin = next;
            next += r.count;
            r.count = 0;
        }
        entries.clear();
        entries.grow(column.entries.size());
        for (size_t i = 0; i < segments.size(); ++i) {
            RunTable::Range &r = ranges[size_t(segments[i].row)];
            const quint32 length = segmentEnd(i) - segments[i].begin;
            std::memcpy(static_cast<void *>(entries.data() + r.begin + r.count),
                        column.entries.data() + segments[i].begin, length * sizeof(Entry));
            r.count += length;
        }
    }
    column = {};

    // Each run's entries by key. Of a key given twice, `keepSecond(kept, candidate)` decides.
    for (RunTable::Range &r : ranges) {
        Entry *first = entries.data() + r.begin;
        Entry *last = first + r.count;
        // Insertion sort: a run has few values, often in key order already; stable, no allocation.
        if (r.count > 64)
            std::stable_sort(first, last, [](const Entry &a, const Entry &b) { return a.key < b.key; });
        for (Entry *it = first + (first != last); it < last; ++it) {
            const Entry moving = *it;
            Entry *hole = it;
            for (; hole != first && (hole - 1)->key > moving.key; --hole)
                *hole = *(hole - 1);
            *hole = moving;
        }
        Entry *kept = first;
        for (Entry *it = first; it != last; ++it) {
            if (kept != first && (kept - 1)->key == it->key) {
                if (keepSecond(*(kept - 1), *it))
                    *(kept - 1) = *it;
                continue;
            }
            *kept++ = *it;
        }
        r.count = quint32(kept - first);
    }
    entries.shrinkToFit();
}

RunTable RunTableBuilder::build()
{
    auto data = std::make_shared<RunTable::Data>();
    const size_t rows = m_runs.size();

    const auto noAdjustment = [](auto &) {};
    const auto laterWins = [](const auto &, const auto &) { return true; };
    freeze(m_params, rows, data->paramKeys, data->paramRange, data->params, noAdjustment, laterWins);
    // One arena: tag offsets move past the params' text.
    const auto tagBase = quint32(m_paramText.size());
    freeze(
        m_tags, rows, data->tagKeys, data->tagRange, data->tags,
        [tagBase](RunTable::TextEntry &e) { e.offset += tagBase; }, laterWins);
    freeze(m_metrics, rows, data->metricKeys, data->metricRange, data->metrics, noAdjustment,
           [](const RunTable::MetricEntry &kept, const RunTable::MetricEntry &candidate) {
               return candidate.metric.isLaterThan(kept.metric);
           });
    data->text = std::move(m_paramText);
    if (!m_tagText.empty())
        std::memcpy(data->text.grow(m_tagText.size()), m_tagText.data(), m_tagText.size());
    m_tagText.clear();
    data->text.shrinkToFit();
    data->runs = std::move(m_runs);
    m_runs = {};
    if (data->runs.capacity() > rows + rows / 4)
        data->runs.shrink_to_fit(); // fewer runs than reserved for

    // Names and parents come from tags; MLflow < 1.30 left runs.name empty.
    const int runNameKey = int(data->tagKeys.indexOf(QLatin1String(Tags::RunName)));
    const int parentKey = int(data->tagKeys.indexOf(QLatin1String(Tags::ParentRunId)));
    if (runNameKey >= 0 || parentKey >= 0) {
        for (size_t row = 0; row < rows; ++row) {
            RunAttributes &run = data->runs[row];
            const RunTable::Range &r = data->tagRange[row];
            for (quint32 i = r.begin; i < r.begin + r.count; ++i) {
                const RunTable::TextEntry &e = data->tags[i];
                if (e.key == runNameKey && run.runName.isEmpty())
                    run.runName = QString::fromUtf8(data->text.data() + e.offset, qsizetype(e.length));
                else if (e.key == parentKey)
                    run.parentRunId = QString::fromUtf8(data->text.data() + e.offset, qsizetype(e.length));
            }
        }
    }

    m_rowById.clear();
    m_runIdText.clear();
    m_runIdBegin = {0};
    m_cursor = {};
    RunTable table;
    table.d = std::move(data);
    return table;
}

} // namespace Store
