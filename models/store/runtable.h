#pragma once

#include "storetypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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
        return QByteArrayView(d->text.constData() + entry.offset, qsizetype(entry.length));
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
    struct Data
    {
        std::vector<RunAttributes> runs;
        QStringList paramKeys, metricKeys, tagKeys;
        std::vector<quint32> paramBegin, tagBegin, metricBegin; // size runs + 1
        std::vector<TextEntry> params, tags;
        std::vector<MetricEntry> metrics;
        QByteArray text;
    };
    std::shared_ptr<const Data> d;
};

// Collects runs and their values in any order, then freezes them into a RunTable.
class RunTableBuilder
{
public:
    int addRun(RunAttributes run);
    // Row of a run id added before, -1 if none. Fast for repeated look-ups of the same id.
    int rowOf(std::string_view runId);
    int runCount() const { return int(m_runs.size()); }

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
    struct StringHash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
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
        void grow();
        std::unique_ptr<Slot[], FreeSlots> m_slots;
        size_t m_capacity = 0;
        size_t m_count = 0;
        std::unordered_map<std::string, int, StringHash, std::equal_to<>> m_other;
    };
    struct PendingText
    {
        qint32 row;
        qint32 key;
        quint32 offset;
        quint32 length;
    };
    struct PendingMetric
    {
        qint32 row;
        qint32 key;
        LatestMetric metric;
    };
    static quint32 appendText(QByteArray &arena, std::string_view value);

    std::vector<RunAttributes> m_runs;
    RunIdIndex m_rowById;
    KeyDictionary m_paramKeys, m_metricKeys, m_tagKeys;
    std::vector<PendingText> m_params, m_tags;
    std::vector<PendingMetric> m_metrics;
    QByteArray m_paramText, m_tagText; // one arena per kind, joined by build()

public:
    // Remembers the last id looked up: values usually arrive grouped by run.
    class RowCursor
    {
    public:
        int rowOf(const RunIdIndex &index, std::string_view runId)
        {
            if (m_lastRow >= 0 && runId == m_lastRunId)
                return m_lastRow;
            const int row = index.find(runId);
            if (row >= 0) {
                m_lastRunId.assign(runId);
                m_lastRow = row;
            }
            return row;
        }

    private:
        std::string m_lastRunId;
        int m_lastRow = -1;
    };

private:
    RowCursor m_cursor;
};

} // namespace Store

Q_DECLARE_METATYPE(Store::RunTable)
