#include "hugepages.h"
#include "sqliteerrors.h"
#include "sqlitestore.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>

namespace Store {

using SqliteErrors::describe;

namespace {

// NaN rows order by the 0 MLflow stores for them, as metricHistory()'s ORDER BY does.
inline bool pointLess(const MetricSeries &s, size_t a, size_t b)
{
    return seriesRowLess(s.steps[a], s.timestamps[a], s.values[a], s.steps[b], s.timestamps[b], s.values[b]);
}

template<typename T> void permute(std::vector<T> &array, const std::vector<size_t> &order)
{
    std::vector<T> sorted(array.size());
    for (size_t i = 0; i < order.size(); ++i)
        sorted[i] = array[order[i]];
    array.swap(sorted); // exact capacity, as a side effect
}

// Orders a series by (step, timestamp, value) with one permutation applied to the three arrays;
// ties keep storage order. Rows read in storage order usually are in order already: then this
// is one comparison per point.
void orderSeries(MetricSeries &s)
{
    const size_t n = s.values.size();
    size_t i = 1;
    while (i < n && !pointLess(s, i, i - 1))
        ++i;
    if (i < n) {
        std::vector<size_t> order(n);
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(order.begin(), order.end(), [&s](size_t a, size_t b) { return pointLess(s, a, b); });
        permute(s.steps, order);
        permute(s.timestamps, order);
        permute(s.values, order);
    }
    // Points are resident for as long as a chart shows them: no slack beyond 24 bytes a point.
    if (s.values.capacity() != n) {
        s.steps.shrink_to_fit();
        s.timestamps.shrink_to_fit();
        s.values.shrink_to_fit();
    }
}

// The rows of one run while it is read, one buffer per key.
struct RunSeries
{
    QString runId;
    std::vector<std::pair<std::string, MetricSeries>> byKey;
    size_t lastHit = 0;

    MetricSeries *find(std::string_view key)
    {
        if (lastHit < byKey.size() && byKey[lastHit].first == key)
            return &byKey[lastHit].second;
        for (size_t i = 0; i < byKey.size(); ++i) {
            if (byKey[i].first == key) {
                lastHit = i;
                return &byKey[i].second;
            }
        }
        return nullptr;
    }
};

} // namespace

Error SqliteStore::readMetricSeries(const QStringList &runIds, const QStringList &keys,
                                    const std::function<void(MetricSeries &&)> &deliver,
                                    const CancelFlag *cancel, const ProgressFn &progress)
{
    const int timeout = m_db.busyTimeoutMs();
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const Error cancelledError = SqliteErrors::cancelled();

    QStringList runList;
    for (const QString &id : runIds) {
        if (!runList.contains(id))
            runList.append(id);
    }
    std::vector<std::string> wanted; // UTF-8 keys, in the caller's order; empty: every key
    for (const QString &key : keys) {
        std::string utf8 = key.toStdString();
        if (std::find(wanted.begin(), wanted.end(), utf8) == wanted.end())
            wanted.push_back(std::move(utf8));
    }
    const bool everyKey = wanted.empty();
    if (runList.isEmpty())
        return {};
    if (progress)
        progress(0, runList.size());

    // Unknown runs fail the whole read before anything is delivered.
    if (Error e = checkRunsExist(runList); !e.ok())
        return e;

    // Columns: [run_uuid,] ["key",] value, timestamp [, step] [, is_nan]. A single key needs no key
    // column; a per-run read needs no run column.
    const bool perRun = !m_schema.metricHistoryIndex.isEmpty();
    const bool keyColumn = wanted.size() != 1;
    QByteArray columns;
    int column = 0;
    const int runCol = perRun ? -1 : column++;
    const int keyCol = keyColumn ? column++ : -1;
    const int valueCol = column++;
    const int timestampCol = column++;
    const int stepCol = m_schema.hasMetricStep ? column++ : -1;
    const int isNanCol = m_schema.hasMetricIsNan ? column++ : -1;
    const int rowidCol = column++;
    columns = QByteArray(perRun ? "" : "run_uuid, ") + (keyColumn ? "\"key\", " : "") + "value, timestamp"
        + (stepCol >= 0 ? ", step" : "") + (isNanCol >= 0 ? ", is_nan" : "") + ", rowid";
    QByteArray keyFilter;
    if (!everyKey) {
        keyFilter = "\"key\" IN (";
        for (size_t i = 0; i < wanted.size(); ++i)
            keyFilter += (i ? ",?" : "?") + QByteArray::number(qulonglong(i + 2));
        keyFilter += ')';
    }
    // No ORDER BY: rows come in storage order and are ordered per series only when they need it.
    // Per run, the run_uuid index is named explicitly: without sqlite_stat1 SQLite would walk
    // the primary key's index on "key", through every run's rows of that key. Stores without a
    // run_uuid index (MLflow < 1.25) are read in one pass for all runs, through that key index.
    QByteArray sql = "SELECT " + columns + " FROM metrics";
    if (perRun) {
        sql += " INDEXED BY " + m_schema.metricHistoryIndex.toLatin1() + " WHERE run_uuid = ?1";
        if (!everyKey)
            sql += " AND " + keyFilter;
    } else if (!everyKey) {
        sql += " WHERE " + keyFilter;
    }
    SqliteStatement query(m_db, sql);
    if (!query.isValid())
        return describe(query.error(), m_path, timeout);
    for (size_t i = 0; i < wanted.size(); ++i)
        query.bind(int(i + 2), std::string_view(wanted[i]));

    // Where later appends start (SeriesTail::position): rows stored after this read get larger
    // rowids than any row now, so max(the series' largest rowid, this) is safe even though the
    // rows are read in a later snapshot.
    const std::optional<qint64> rowidBefore = maxMetricRowid();
    if (!rowidBefore)
        return describe(m_db.lastError(), m_path, timeout);

    // Counting a run's rows walks only its index entries: with it, one key's arrays are sized
    // once instead of regrown (and shrunk) as rows arrive.
    std::unique_ptr<SqliteStatement> count;
    if (perRun && wanted.size() == 1)
        count = std::make_unique<SqliteStatement>(m_db,
                                                  "SELECT count(*) FROM metrics INDEXED BY "
                                                      + m_schema.metricHistoryIndex.toLatin1()
                                                      + " WHERE run_uuid = ?1");

    std::vector<RunSeries> buffers(size_t(perRun ? 1 : runList.size()));
    const auto startRun = [&](RunSeries &buffer, const QString &runId, qint64 expectedRows) {
        buffer.runId = runId;
        buffer.byKey.clear();
        buffer.lastHit = 0;
        for (const std::string &key : wanted) {
            MetricSeries series;
            series.runId = runId;
            series.key = QString::fromStdString(key);
            series.tail.position = *rowidBefore; // the largest rowid seen, while reading
            if (expectedRows > 0) {
                reserveLarge(series.steps, size_t(expectedRows));
                reserveLarge(series.timestamps, size_t(expectedRows));
                reserveLarge(series.values, size_t(expectedRows));
            }
            buffer.byKey.emplace_back(key, std::move(series));
        }
    };
    const auto finishRun = [&](RunSeries &buffer) {
        if (everyKey)
            std::sort(buffer.byKey.begin(), buffer.byKey.end(),
                      [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[key, series] : buffer.byKey) {
            orderSeries(series);
            series.tail = tailAfter({}, series, series.tail.position);
            deliver(std::move(series));
        }
        buffer.byKey.clear();
    };
    // Reads the statement's rows; `runOf` gives the buffer of a row (nullptr: skip the row).
    const auto readRows = [&](auto runOf) -> Error {
        qint64 rows = 0;
        while (query.step()) {
            if (++rows % CancelCheckInterval == 0 && cancelled())
                return cancelledError;
            RunSeries *buffer = runOf();
            if (!buffer)
                continue;
            MetricSeries *series = nullptr;
            if (!keyColumn) {
                series = &buffer->byKey.front().second;
            } else {
                const std::string_view key = query.text(keyCol);
                series = buffer->find(key);
                if (!series) {
                    if (!everyKey)
                        continue;
                    MetricSeries added;
                    added.runId = buffer->runId;
                    added.tail.position = *rowidBefore;
                    added.key = QString::fromUtf8(key.data(), qsizetype(key.size()));
                    buffer->byKey.emplace_back(std::string(key), std::move(added));
                    buffer->lastHit = buffer->byKey.size() - 1;
                    series = &buffer->byKey.back().second;
                }
            }
            const bool isNan = isNanCol >= 0 && query.int64(isNanCol) != 0;
            series->values.push_back(isNan ? std::numeric_limits<double>::quiet_NaN() : query.real(valueCol));
            series->timestamps.push_back(query.int64(timestampCol));
            series->steps.push_back(stepCol >= 0 ? query.int64(stepCol) : 0);
            series->tail.position = std::max(series->tail.position, query.int64(rowidCol));
        }
        if (Error e = query.error(); !e.ok())
            return describe(e, m_path, timeout);
        return {};
    };

    if (perRun) {
        RunSeries &buffer = buffers.front();
        for (qsizetype i = 0; i < runList.size(); ++i) {
            if (cancelled())
                return cancelledError;
            const QString &runId = runList[i];
            qint64 expectedRows = 0;
            if (count) {
                count->reset();
                count->bind(1, runId);
                if (count->step())
                    expectedRows = count->int64(0);
                count->reset();
            }
            startRun(buffer, runId, expectedRows);
            query.reset();
            query.bind(1, runId);
            if (Error e = readRows([&buffer]() { return &buffer; }); !e.ok())
                return e;
            finishRun(buffer);
            if (progress)
                progress(i + 1, runList.size());
        }
        return {};
    }

    // One pass for every run; rows of other runs are skipped.
    QHash<QByteArray, size_t> runIndex;
    for (qsizetype i = 0; i < runList.size(); ++i) {
        runIndex.insert(runList[i].toUtf8(), size_t(i));
        startRun(buffers[size_t(i)], runList[i], 0);
    }
    std::string lastRun;
    bool hasLast = false;
    RunSeries *lastBuffer = nullptr;
    const Error error = readRows([&]() -> RunSeries * {
        const std::string_view run = query.text(runCol);
        if (hasLast && run == lastRun)
            return lastBuffer;
        const auto it = runIndex.constFind(QByteArray::fromRawData(run.data(), qsizetype(run.size())));
        lastRun.assign(run);
        hasLast = true;
        lastBuffer = it == runIndex.cend() ? nullptr : &buffers[*it];
        return lastBuffer;
    });
    if (!error.ok())
        return error;
    for (qsizetype i = 0; i < runList.size(); ++i) {
        if (cancelled())
            return cancelledError;
        finishRun(buffers[size_t(i)]);
        if (progress)
            progress(i + 1, runList.size());
    }
    return {};
}

Result<MlflowStore::MetricAppend> SqliteStore::readMetricAppend(const QString &runId, const QString &key,
                                                                const SeriesTail &after)
{
    if (after.position < 0) // a tail no read of this backend filled: nothing to go on
        return MetricAppend::none(runId, key, true);
    const int timeout = m_db.busyTimeoutMs();
    if (Error e = checkRunsExist({runId}); !e.ok())
        return e;

    // The largest rowid and the rows below it from one snapshot: the next append starts there.
    SqliteReadTransaction snapshot(m_db);
    const std::optional<qint64> rowidNow = maxMetricRowid();
    if (!rowidNow)
        return describe(m_db.lastError(), m_path, timeout);
    if (*rowidNow < after.position) // rows were deleted: rowids may be handed out again
        return MetricAppend::none(runId, key, true);
    // Only the rows stored since, of every run: a range of the table's own b-tree, no index. Run
    // and key are compared here, so that no index on them can tempt the planner.
    const QByteArray sql = QByteArray("SELECT run_uuid, \"key\", value, timestamp, ")
        + (m_schema.hasMetricStep ? "step" : "0") + ", " + (m_schema.hasMetricIsNan ? "is_nan" : "0")
        + " FROM metrics WHERE rowid > ?1";
    SqliteStatement query(m_db, sql);
    if (!query.isValid())
        return describe(query.error(), m_path, timeout);
    query.bind(1, after.position);
    const std::string run = runId.toStdString();
    const std::string wantedKey = key.toStdString();
    MetricAppend append = MetricAppend::none(runId, key);
    MetricSeries &rows = append.rows;
    while (query.step()) {
        if (query.text(0) != run || query.text(1) != wantedKey)
            continue;
        const double value = query.int64(5) != 0 ? std::numeric_limits<double>::quiet_NaN() : query.real(2);
        const qint64 timestamp = query.int64(3);
        const qint64 step = query.int64(4);
        if (isBeforeTail(after, step, timestamp, value))
            return MetricAppend::none(runId, key, true);
        rows.values.push_back(value);
        rows.timestamps.push_back(timestamp);
        rows.steps.push_back(step);
    }
    if (Error e = query.error(); !e.ok())
        return describe(e, m_path, timeout);
    orderSeries(rows); // ties stay in rowid order, as a whole read keeps them
    rows.tail = tailAfter(after, rows, *rowidNow);
    return append;
}

} // namespace Store
