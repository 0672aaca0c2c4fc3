#include "runtable.h"

#ifdef __linux__
#include <sys/mman.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>
#include <array>
#include <numeric>

namespace Store {

bool LatestMetric::isLaterThan(const LatestMetric &other) const
{
    if (step != other.step)
        return step > other.step;
    if (timestamp != other.timestamp)
        return timestamp > other.timestamp;
    return storedValue() > other.storedValue();
}

RunTable::RunTable() : d(std::make_shared<Data>())
{
    const_cast<Data &>(*d).paramBegin = {0};
    const_cast<Data &>(*d).tagBegin = {0};
    const_cast<Data &>(*d).metricBegin = {0};
}

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
    return {d->params.data() + d->paramBegin[size_t(row)], d->paramBegin[size_t(row) + 1] - d->paramBegin[size_t(row)]};
}

std::span<const RunTable::TextEntry> RunTable::tags(int row) const
{
    return {d->tags.data() + d->tagBegin[size_t(row)], d->tagBegin[size_t(row) + 1] - d->tagBegin[size_t(row)]};
}

std::span<const RunTable::MetricEntry> RunTable::metrics(int row) const
{
    return {d->metrics.data() + d->metricBegin[size_t(row)],
            d->metricBegin[size_t(row) + 1] - d->metricBegin[size_t(row)]};
}

template <typename Entry>
static const Entry *findKey(std::span<const Entry> entries, int key)
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
    for (const RunAttributes &r : d->runs) {
        for (const QString *s : {&r.runId, &r.runName, &r.experimentId, &r.status, &r.lifecycleStage,
                                 &r.userId, &r.artifactUri, &r.parentRunId}) {
            if (!s->isEmpty())
                bytes += s->capacity() * 2 + 24;
        }
    }
    bytes += qint64((d->paramBegin.capacity() + d->tagBegin.capacity() + d->metricBegin.capacity()) * sizeof(quint32));
    bytes += qint64((d->params.capacity() + d->tags.capacity()) * sizeof(TextEntry));
    bytes += qint64(d->metrics.capacity() * sizeof(MetricEntry));
    bytes += d->text.capacity();
    return bytes;
}

// --- builder ---

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

void RunTableBuilder::RunIdIndex::grow()
{
    const size_t oldCapacity = m_capacity;
    auto old = std::move(m_slots);
    m_capacity = std::max<size_t>(1024, oldCapacity * 2);
    // Look-ups land on random slots; on Linux, huge pages spare each one a TLB miss.
    const size_t bytes = m_capacity * sizeof(Slot);
    constexpr size_t HugePage = 2 << 20;
    void *memory = bytes >= HugePage ? std::aligned_alloc(HugePage, (bytes + HugePage - 1) / HugePage * HugePage)
                                     : std::malloc(bytes);
    if (!memory)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    if (bytes >= HugePage)
        madvise(memory, bytes, MADV_HUGEPAGE);
#endif
    m_slots.reset(static_cast<Slot *>(memory));
    std::uninitialized_fill_n(m_slots.get(), m_capacity, Slot{});
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
        grow();
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
    const int row = int(m_runs.size());
    const QByteArray id = run.runId.toUtf8();
    m_rowById.insert(std::string_view(id.constData(), size_t(id.size())), row);
    m_runs.push_back(std::move(run));
    return row;
}

int RunTableBuilder::rowOf(std::string_view runId)
{
    return m_cursor.rowOf(m_rowById, runId);
}

int RunTableBuilder::rowOf(RowCursor &cursor, std::string_view runId) const
{
    return cursor.rowOf(m_rowById, runId);
}

void RunTableBuilder::reserveParams(qint64 count)
{
    m_params.reserve(m_params.size() + size_t(count));
    m_paramText.reserve(m_paramText.size() + qsizetype(count) * 8);
}

void RunTableBuilder::reserveTags(qint64 count)
{
    m_tags.reserve(m_tags.size() + size_t(count));
    m_tagText.reserve(m_tagText.size() + qsizetype(count) * 12);
}

void RunTableBuilder::reserveMetrics(qint64 count)
{
    m_metrics.reserve(m_metrics.size() + size_t(count));
}

quint32 RunTableBuilder::appendText(QByteArray &arena, std::string_view value)
{
    const auto offset = quint32(arena.size());
    arena.append(value.data(), qsizetype(value.size()));
    return offset;
}

void RunTableBuilder::addParam(int row, std::string_view key, std::string_view value)
{
    m_params.push_back({row, m_paramKeys.intern(key), appendText(m_paramText, value), quint32(value.size())});
}

void RunTableBuilder::addTag(int row, std::string_view key, std::string_view value)
{
    m_tags.push_back({row, m_tagKeys.intern(key), appendText(m_tagText, value), quint32(value.size())});
}

void RunTableBuilder::addMetric(int row, std::string_view key, const LatestMetric &metric)
{
    m_metrics.push_back({row, m_metricKeys.intern(key), metric});
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

// Groups pending entries by row (counting sort), then orders each row's entries by key rank.
// When a row holds a key twice, `keepSecond(a, b)` decides whether b replaces a.
template <typename Pending, typename Entry, typename MakeEntry, typename KeepSecond>
void groupByRow(std::vector<Pending> &pending, size_t rowCount, const std::vector<qint32> &rank,
                std::vector<quint32> &begin, std::vector<Entry> &entries, MakeEntry makeEntry,
                KeepSecond keepSecond)
{
    std::vector<quint32> count(rowCount + 1, 0);
    for (const Pending &p : pending)
        ++count[size_t(p.row) + 1];
    std::partial_sum(count.begin(), count.end(), count.begin());
    for (Pending &p : pending)
        p.key = rank[size_t(p.key)];
    // Stores usually hold a run's values together; then the rows are grouped already.
    const bool grouped = std::is_sorted(pending.begin(), pending.end(),
                                        [](const Pending &a, const Pending &b) { return a.row < b.row; });
    std::vector<Pending> byRow;
    if (grouped) {
        byRow = std::move(pending);
    } else {
        byRow.resize(pending.size());
        std::vector<quint32> cursor(count.begin(), count.end() - 1);
        for (const Pending &p : pending)
            byRow[cursor[size_t(p.row)]++] = p;
    }
    pending = {};

    begin.assign(rowCount + 1, 0);
    entries.clear();
    entries.reserve(byRow.size());
    for (size_t row = 0; row < rowCount; ++row) {
        auto first = byRow.begin() + count[row];
        auto last = byRow.begin() + count[row + 1];
        // Insertion sort: a run has few values, often in key order already; stable, no allocation.
        if (last - first > 64)
            std::stable_sort(first, last, [](const Pending &a, const Pending &b) { return a.key < b.key; });
        for (auto it = first + (first != last); it < last; ++it) {
            const Pending moving = *it;
            auto hole = it;
            for (; hole != first && (hole - 1)->key > moving.key; --hole)
                *hole = *(hole - 1);
            *hole = moving;
        }
        begin[row] = quint32(entries.size());
        for (auto it = first; it != last; ++it) {
            if (entries.size() > begin[row] && entries.back().key == it->key) {
                if (keepSecond(entries.back(), *it))
                    entries.back() = makeEntry(*it);
                continue;
            }
            entries.push_back(makeEntry(*it));
        }
    }
    begin[rowCount] = quint32(entries.size());
}

} // namespace

RunTable RunTableBuilder::build()
{
    auto data = std::make_shared<RunTable::Data>();
    const size_t rows = m_runs.size();

    std::vector<qint32> paramRank, tagRank, metricRank;
    data->paramKeys = sortedKeys(m_paramKeys.keys, paramRank);
    data->tagKeys = sortedKeys(m_tagKeys.keys, tagRank);
    data->metricKeys = sortedKeys(m_metricKeys.keys, metricRank);

    auto makeText = [](const PendingText &p) { return RunTable::TextEntry{p.key, p.offset, p.length}; };
    auto laterWins = [](const auto &, const auto &) { return true; };
    groupByRow(m_params, rows, paramRank, data->paramBegin, data->params, makeText, laterWins);
    groupByRow(m_tags, rows, tagRank, data->tagBegin, data->tags, makeText, laterWins);
    groupByRow(
            m_metrics, rows, metricRank, data->metricBegin, data->metrics,
            [](const PendingMetric &p) { return RunTable::MetricEntry{p.key, p.metric}; },
            [](const RunTable::MetricEntry &kept, const PendingMetric &candidate) {
                return candidate.metric.isLaterThan(kept.metric);
            });
    // One arena: tag offsets move past the params' text.
    const auto tagBase = quint32(m_paramText.size());
    for (RunTable::TextEntry &e : data->tags)
        e.offset += tagBase;
    data->text = std::move(m_paramText);
    data->text.append(m_tagText);
    m_tagText = {};
    data->runs = std::move(m_runs);

    // Names and parents come from tags; MLflow < 1.30 left runs.name empty.
    const int runNameKey = int(data->tagKeys.indexOf(QLatin1String(Tags::RunName)));
    const int parentKey = int(data->tagKeys.indexOf(QLatin1String(Tags::ParentRunId)));
    if (runNameKey >= 0 || parentKey >= 0) {
        for (size_t row = 0; row < rows; ++row) {
            RunAttributes &run = data->runs[row];
            for (quint32 i = data->tagBegin[row]; i < data->tagBegin[row + 1]; ++i) {
                const RunTable::TextEntry &e = data->tags[i];
                if (e.key == runNameKey && run.runName.isEmpty())
                    run.runName = QString::fromUtf8(data->text.constData() + e.offset, qsizetype(e.length));
                else if (e.key == parentKey)
                    run.parentRunId = QString::fromUtf8(data->text.constData() + e.offset, qsizetype(e.length));
            }
        }
    }

    m_rowById.clear();
    m_cursor = {};
    RunTable table;
    table.d = std::move(data);
    return table;
}

} // namespace Store
