#pragma once

#include "storetypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace Store {

// The fixed attributes of a run, one per row of a RunTable.
struct RunAttributes
{
    QString runId;
    QString runName; // runs.name, else tag mlflow.runName (filled in by the builder)
    QString experimentId;
    QString status;
    QString lifecycleStage;
    QString userId;
    QString artifactUri;
    QString parentRunId; // tag mlflow.parentRunId, empty for top-level runs
    qint64 startTime = NoTime;
    qint64 endTime = NoTime;
    // When the run was deleted (runs.deleted_time, MLflow >= 1.28; meta.yaml deleted_time);
    // NoTime for a live run, or when the store did not record it.
    qint64 deletedTime = NoTime;

    bool isDeleted() const { return lifecycleStage == QLatin1String("deleted"); }
};

// The summary value of a metric: the row with the largest (step, timestamp, value).
struct LatestMetric
{
    double value = 0; // NaN when isNan
    qint64 step = 0;
    qint64 timestamp = 0;
    bool isNan = false;

    // MLflow's ordering of candidates for "latest"; NaN takes part with its stored 0.
    bool isLaterThan(const LatestMetric &other) const;
    double storedValue() const { return isNan ? 0.0 : value; }
};

// An immutable, compact set of runs with their params, latest metrics and tags.
// Keys are interned per kind; text values live in one UTF-8 arena. Copies share the data,
// so a table built on a worker thread can be handed to the GUI thread for free.
class RunTable
{
public:
    struct TextEntry
    {
        qint32 key;
        quint32 offset;
        quint32 length;
    };
    struct MetricEntry
    {
        qint32 key;
        LatestMetric metric;
    };

    RunTable();

    int size() const { return int(d->runs.size()); }
    bool isEmpty() const { return d->runs.empty(); }
    const RunAttributes &run(int row) const { return d->runs[size_t(row)]; }
    int indexOfRun(const QString &runId) const; // -1 when absent

    const QStringList &paramKeys() const { return d->paramKeys; }
    const QStringList &metricKeys() const { return d->metricKeys; }
    const QStringList &tagKeys() const { return d->tagKeys; }
    int paramKeyIndex(const QString &key) const { return int(d->paramKeys.indexOf(key)); }
    int metricKeyIndex(const QString &key) const { return int(d->metricKeys.indexOf(key)); }
    int tagKeyIndex(const QString &key) const { return int(d->tagKeys.indexOf(key)); }

    // Entries of one run, sorted by key index.
    std::span<const TextEntry> params(int row) const;
    std::span<const TextEntry> tags(int row) const;
    std::span<const MetricEntry> metrics(int row) const;

    QByteArrayView text(const TextEntry &entry) const
    {
        return QByteArrayView(d->text.data() + entry.offset, qsizetype(entry.length));
    }
    QString textString(const TextEntry &entry) const { return QString::fromUtf8(text(entry)); }

    // Look-ups by key index (-1 or absent key gives nullopt / nullptr).
    std::optional<QString> param(int row, int key) const;
    std::optional<QString> tag(int row, int key) const;
    const LatestMetric *metric(int row, int key) const;
    std::optional<QString> param(int row, const QString &key) const { return param(row, paramKeyIndex(key)); }
    std::optional<QString> tag(int row, const QString &key) const { return tag(row, tagKeyIndex(key)); }
    const LatestMetric *metric(int row, const QString &key) const { return metric(row, metricKeyIndex(key)); }

    // Bytes held, for the memory benchmark.
    qint64 memoryFootprint() const;

private:
    friend class RunTableBuilder;
    // Memory for large arrays: blocks from 1 MiB on are pages mapped from the system and advised
    // as huge pages (Linux), so that a table of 100,000 runs faults its memory in 2 MiB rather
    // than 4 KiB steps; smaller blocks come from malloc.
    static void *allocatePages(size_t bytes);
    static void freePages(void *memory, size_t bytes);
    // For the array of runs.
    template<typename T> struct PageAllocator
    {
        using value_type = T;
        PageAllocator() = default;
        template<typename U> PageAllocator(const PageAllocator<U> &) { }
        T *allocate(size_t count) { return static_cast<T *>(allocatePages(count * sizeof(T))); }
        void deallocate(T *memory, size_t count) { freePages(memory, count * sizeof(T)); }
        friend bool operator==(const PageAllocator &, const PageAllocator &) { return true; }
    };
    using RunArray = std::vector<RunAttributes, PageAllocator<RunAttributes>>;
    // Such memory for an array of plain values (entries, text); a mapped block grows without
    // copying (mremap moves its pages).
    class PageBlock
    {
    public:
        PageBlock() = default;
        ~PageBlock() { release(); }
        PageBlock(PageBlock &&other) noexcept;
        PageBlock &operator=(PageBlock &&other) noexcept;
        PageBlock(const PageBlock &) = delete;
        PageBlock &operator=(const PageBlock &) = delete;

        void *data() const { return m_data; }
        size_t capacity() const { return m_capacity; } // bytes
        // At least `bytes` of room, keeping the first `used` bytes.
        void reserve(size_t bytes, size_t used);
        // Gives back room beyond `used` bytes that it can.
        void shrink(size_t used);

    private:
        void release();
        void *m_data = nullptr;
        size_t m_capacity = 0;
        bool m_mapped = false; // pages from mmap rather than malloc
    };
    template<typename T> class PageArray
    {
        static_assert(std::is_trivially_copyable_v<T>);

    public:
        T *data() { return static_cast<T *>(m_block.data()); }
        const T *data() const { return static_cast<const T *>(m_block.data()); }
        size_t size() const { return m_size; }
        bool empty() const { return m_size == 0; }
        size_t capacity() const { return m_block.capacity() / sizeof(T); }
        T &operator[](size_t i) { return data()[i]; }
        const T &operator[](size_t i) const { return data()[i]; }
        T &back() { return data()[m_size - 1]; }
        T *begin() { return data(); }
        T *end() { return data() + m_size; }

        void reserve(size_t count)
        {
            if (count > capacity())
                m_block.reserve(count * sizeof(T), m_size * sizeof(T));
        }
        void push_back(const T &value)
        {
            if (m_size == capacity())
                reserve(std::max<size_t>(m_size * 2, 4096 / sizeof(T)));
            data()[m_size++] = value;
        }
        // Room for `count` more values at the end, left as they are; returns the first.
        T *grow(size_t count)
        {
            if (m_size + count > capacity())
                reserve(std::max(m_size + count, m_size * 2));
            m_size += count;
            return data() + m_size - count;
        }
        void resize(size_t count) // new values are zero
        {
            reserve(count);
            if (count > m_size)
                std::memset(static_cast<void *>(data() + m_size), 0, (count - m_size) * sizeof(T));
            m_size = count;
        }
        void clear() { *this = {}; }
        void shrinkToFit() { m_block.shrink(m_size * sizeof(T)); }

    private:
        PageBlock m_block;
        size_t m_size = 0;
    };
    struct Range
    {
        quint32 begin;
        quint32 count;
    };
    struct Data
    {
        RunArray runs;
        QStringList paramKeys, metricKeys, tagKeys;
        PageArray<Range> paramRange, tagRange, metricRange; // one per run
        PageArray<TextEntry> params, tags;
        PageArray<MetricEntry> metrics;
        PageArray<char> text;
    };
    std::shared_ptr<const Data> d;
};

// Collects runs and their values in any order, then freezes them into a RunTable.
class RunTableBuilder
{
public:
    int addRun(RunAttributes run);
    // The same, with the run id as UTF-8 (as the store returned it), which spares a conversion.
    int addRun(RunAttributes run, std::string_view runIdUtf8);
    // Room for this many more runs, to avoid regrowing the array of runs.
    void reserveRuns(qint64 count);
    // Row of a run id added before, -1 if none. Fast for repeated look-ups of the same id.
    int rowOf(std::string_view runId);
    int runCount() const { return int(m_runs.size()); }
    const RunAttributes &run(int row) const { return m_runs[size_t(row)]; }

    // Once every run is added, params, tags and metrics may be added from three threads at
    // once (one kind per thread); each thread resolves run ids through its own RowCursor.
    class RowCursor;
    int rowOf(RowCursor &cursor, std::string_view runId) const;

    void addParam(int row, std::string_view key, std::string_view value);
    void addTag(int row, std::string_view key, std::string_view value);
    // Keeps, per (run, key), the candidate that MLflow would call latest.
    void addMetric(int row, std::string_view key, const LatestMetric &metric);
    // Room for this many more values of each kind, to avoid regrowing large arrays.
    void reserveParams(qint64 count);
    void reserveTags(qint64 count);
    void reserveMetrics(qint64 count);

    // Resolves run names and parent ids from tags, sorts entries, and hands over the data.
    RunTable build();

private:
    template<typename T> using PageArray = RunTable::PageArray<T>;
    struct StringHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
    };
    // Interns keys; a direct-mapped cache in front of the map makes the common case one
    // short hash and one compare (keys repeat across millions of rows).
    struct KeyDictionary
    {
        struct CacheSlot
        {
            std::string key;
            int id = -1;
        };
        std::unordered_map<std::string, int, StringHash, std::equal_to<>> index;
        std::vector<std::string> keys;
        CacheSlot cache[256];
        int intern(std::string_view key);
    };
    // Run ids are 32 hex digits (uuid4 hex): index them as 128-bit numbers in an open-addressing
    // table, which costs one cache miss per look-up; other ids go to a plain map.
    class RunIdIndex
    {
    public:
        void insert(std::string_view id, int row);
        int find(std::string_view id) const;
        void reserve(size_t count);
        void clear();

    private:
        struct Slot
        {
            quint64 hi = 0;
            quint64 lo = 0;
            qint32 row = -1;
        };
        struct FreeSlots
        {
            void operator()(Slot *memory) const;
        };
        static bool parse(std::string_view id, quint64 *hi, quint64 *lo);
        void rehash(size_t capacity);
        std::unique_ptr<Slot[], FreeSlots> m_slots;
        size_t m_capacity = 0;
        size_t m_count = 0;
        std::unordered_map<std::string, int, StringHash, std::equal_to<>> m_other;
    };
    // The values of one kind, in the table's entry type, in the order they came; `segments`
    // marks where the run changes. Values usually come grouped by run (in any order of runs),
    // so build() keeps them in place and only sorts each run's few entries by key.
    template<typename Entry> struct Column
    {
        struct Segment
        {
            qint32 row;
            quint32 begin;
        };
        KeyDictionary keys;
        PageArray<Entry> entries;
        PageArray<Segment> segments;

        void add(int row, const Entry &entry)
        {
            if (segments.empty() || segments.back().row != row)
                segments.push_back({qint32(row), quint32(entries.size())});
            entries.push_back(entry);
        }
    };
    static quint32 appendText(PageArray<char> &arena, std::string_view value);
    // Hands a column's entries to the table: keys in sorted order (`adjust` then sees each
    // entry), entries grouped by run and sorted by key within it, duplicates resolved.
    template<typename Entry, typename Adjust, typename KeepSecond>
    static void freeze(Column<Entry> &column, size_t rowCount, QStringList &keyNames,
                       PageArray<RunTable::Range> &ranges, PageArray<Entry> &entries, Adjust adjust,
                       KeepSecond keepSecond);

    RunTable::RunArray m_runs;
    RunIdIndex m_rowById;
    // The UTF-8 of each run's id, for RowCursor's guess of the next run.
    PageArray<char> m_runIdText;
    std::vector<quint32> m_runIdBegin {0}; // size runs + 1
    std::string_view runIdUtf8(int row) const
    {
        return {m_runIdText.data() + m_runIdBegin[size_t(row)],
                m_runIdBegin[size_t(row) + 1] - m_runIdBegin[size_t(row)]};
    }
    Column<RunTable::TextEntry> m_params, m_tags;
    Column<RunTable::MetricEntry> m_metrics;
    PageArray<char> m_paramText, m_tagText; // one arena per kind, joined by build()

public:
    // Remembers the last run looked up: values usually arrive grouped by run, and run after
    // run in the order they were written, which is often the order of rows or its reverse.
    class RowCursor
    {
    public:
        int rowOf(const RunTableBuilder &builder, std::string_view runId)
        {
            if (m_lastRow >= 0) {
                if (runId == builder.runIdUtf8(m_lastRow))
                    return m_lastRow;
                for (const int next : {m_lastRow - 1, m_lastRow + 1}) {
                    if (next >= 0 && next < builder.runCount() && runId == builder.runIdUtf8(next))
                        return m_lastRow = next;
                }
            }
            const int row = builder.m_rowById.find(runId);
            if (row >= 0)
                m_lastRow = row;
            return row;
        }

    private:
        int m_lastRow = -1;
    };

private:
    RowCursor m_cursor;
};

} // namespace Store

Q_DECLARE_METATYPE(Store::RunTable)
