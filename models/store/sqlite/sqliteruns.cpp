#include "pageprefetch.h"
#include "sqliteerrors.h"
#include "sqlitestore.h"
#include "sqlrunquery.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <string>
#include <thread>

namespace Store {

using SqliteErrors::describe;

namespace {

// One QString for each value of a column that repeats from run to run (experiment, status,
// stage, user): runs share it rather than each holding a copy of its own. Such a column has
// few values; the last few seen are kept.
class SharedStrings
{
public:
    QString get(std::string_view utf8)
    {
        if (utf8.empty()) // NULL and '' stay apart, as SqliteStatement::string() keeps them
            return QString::fromUtf8(utf8.data(), 0);
        for (const Entry &e : m_entries) {
            if (e.utf8 == utf8)
                return e.value;
        }
        QString value = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        if (m_entries.size() < Capacity)
            m_entries.push_back({std::string(utf8), value});
        else
            m_entries[m_next++ % Capacity] = {std::string(utf8), value};
        return value;
    }

private:
    static constexpr size_t Capacity = 8;
    struct Entry
    {
        std::string utf8;
        QString value;
    };
    std::vector<Entry> m_entries;
    size_t m_next = 0;
};

// Holds one read transaction (a shared lock) for the lifetime of the object.
struct ReadTransaction
{
    SqliteConnection &db;
    explicit ReadTransaction(SqliteConnection &connection) : db(connection) { db.exec("BEGIN"); }
    ~ReadTransaction() { db.exec("COMMIT"); }
};

} // namespace

Error SqliteStore::readValues(SqliteConnection &db, const RunTableBuilder &builder, const ValueTable &table,
                              const StopFn &shouldStop,
                              const std::function<void(SqliteStatement &, int row)> &addRow) const
{
    const int timeout = db.busyTimeoutMs();
    if (table.scanWholeTable || !table.hasRunUuidIndex) {
        // One sequential pass; rows of runs we did not select are skipped. Without
        // index_<table>_run_uuid (MLflow < 1.25) a look-up per run would scan the table each time.
        SqliteStatement query(db, "SELECT run_uuid, " + table.columns + " FROM " + table.name);
        RunTableBuilder::RowCursor cursor;
        qint64 count = 0;
        while (query.step()) {
            if (++count % CancelCheckInterval == 0 && shouldStop())
                return SqliteErrors::cancelled();
            const int row = builder.rowOf(cursor, query.text(0));
            if (row >= 0)
                addRow(query, row);
        }
        if (Error e = query.isValid() ? query.error() : db.lastError(); !e.ok())
            return describe(e, m_path, timeout);
        return {};
    }
    // A small share of a large store: one index look-up per run.
    SqliteStatement query(
        db, "SELECT run_uuid, " + table.columns + " FROM " + table.name + " WHERE run_uuid = ?");
    for (int row = 0; row < builder.runCount(); ++row) {
        if (row % 256 == 0 && shouldStop())
            return SqliteErrors::cancelled();
        query.reset();
        query.bind(1, builder.run(row).runId);
        while (query.step())
            addRow(query, row);
        if (Error e = query.isValid() ? query.error() : db.lastError(); !e.ok())
            return describe(e, m_path, timeout);
    }
    return {};
}

bool SqliteStore::hasRunUuidIndex(const QByteArray &table)
{
    SqliteStatement query(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
    query.bind(1, std::string_view("index_" + table.toStdString() + "_run_uuid"));
    return query.step();
}

// The rowids of the first `limit` runs matching `where` in MLflow's default order (start_time
// descending with NULL last, then run_uuid), found in one pass that keeps the best `limit` in a
// heap. SQLite's ORDER BY ... LIMIT over the unindexed runs table copies every row into its
// sorter, which costs several times the scan. Empty when a value is not of the type this order
// assumes (start_time an integer or NULL, run_uuid text) or the statement fails: the caller then
// lets SQLite sort. `totalRuns` gets the number of rows in the table, matching or not.
std::optional<std::vector<qint64>> SqliteStore::firstRunRowids(const QByteArray &where, int limit,
                                                               qint64 *totalRuns)
{
    struct Candidate
    {
        bool hasStart;
        qint64 start;
        std::string runId;
        qint64 rowid;
    };
    // True when `a` comes before `b`; the heap's front is the last of the kept runs.
    const auto before = [](const Candidate &a, const Candidate &b) {
        if (a.hasStart != b.hasStart)
            return a.hasStart;
        if (a.hasStart && a.start != b.start)
            return a.start > b.start;
        return a.runId < b.runId; // byte order, as SQLite's BINARY collation
    };
    // The condition as a column rather than a WHERE: the same pass counts the table's rows,
    // which spares a count(*) over an index that a cold cache would read page by page.
    SqliteStatement scan(m_db, "SELECT start_time, run_uuid, rowid, (" + where + ") FROM runs");
    if (!scan.isValid())
        return std::nullopt;
    std::vector<Candidate> kept;
    kept.reserve(size_t(limit));
    qint64 rows = 0;
    while (scan.step()) {
        ++rows;
        if (scan.int64(3) == 0)
            continue;
        const bool hasStart = !scan.isNull(0);
        if ((hasStart && !scan.isInteger(0)) || !scan.isText(1))
            return std::nullopt;
        const qint64 start = hasStart ? scan.int64(0) : 0;
        if (qsizetype(kept.size()) == limit) {
            // Most rows lose against the last kept one on start_time alone, before any copy.
            const Candidate &last = kept.front();
            if (last.hasStart && (!hasStart || start < last.start))
                continue;
        }
        Candidate candidate {hasStart, start, std::string(scan.text(1)), scan.int64(2)};
        if (qsizetype(kept.size()) < limit) {
            kept.push_back(std::move(candidate));
            std::push_heap(kept.begin(), kept.end(), before);
        } else if (before(candidate, kept.front())) {
            std::pop_heap(kept.begin(), kept.end(), before);
            kept.back() = std::move(candidate);
            std::push_heap(kept.begin(), kept.end(), before);
        }
    }
    if (!scan.error().ok())
        return std::nullopt;
    *totalRuns = rows;
    std::sort_heap(kept.begin(), kept.end(), before);
    std::vector<qint64> rowids;
    rowids.reserve(kept.size());
    for (const Candidate &candidate : kept)
        rowids.push_back(candidate.rowid);
    return rowids;
}

Result<RunTable> SqliteStore::runs(const RunQuery &query, const CancelFlag *cancel,
                                   const ProgressFn &progress)
{
    const int timeout = m_db.busyTimeoutMs();
    constexpr int Stages = 4;
    if (progress)
        progress(0, Stages);

    const Result<QByteArray> condition = SqlRunQuery::runCondition(query);
    if (!condition)
        return condition.error();
    const QByteArray &where = *condition;
    const QByteArray columns
        = QByteArray("run_uuid, name, experiment_id, status, lifecycle_stage, user_id, artifact_uri, "
                     "start_time, end_time, ")
        + (m_schema.hasRunDeletedTime ? "deleted_time" : "NULL");
    QByteArray sql
        = "SELECT " + columns + " FROM runs WHERE " + where + " ORDER BY start_time DESC, run_uuid ASC";
    if (query.limit >= 0)
        sql += " LIMIT " + QByteArray::number(query.limit);

    // MLflow's runs table has no index on start_time, so every read scans it: have its pages
    // come from the disk in parallel rather than one by one (matters for a cold first page).
    {
        SqliteStatement root(m_db,
                             "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'runs'");
        if (root.step())
            prefetchTablePages(m_path, root.int64(0));
    }

    // One read transaction: runs, params, metrics and tags come from the same snapshot even
    // while MLflow is writing (a writer waits at most for this read).
    ReadTransaction transaction(m_db);

    RunTableBuilder builder;
    SharedStrings experimentIds, statuses, stages, users;
    const auto addRun = [&](const SqliteStatement &runs) {
        RunAttributes run;
        run.runId = runs.string(0);
        run.runName = runs.string(1);
        run.experimentId = experimentIds.get(runs.text(2));
        run.status = statuses.get(runs.text(3));
        run.lifecycleStage = stages.get(runs.text(4));
        run.userId = users.get(runs.text(5));
        run.artifactUri = runs.string(6);
        run.startTime = runs.isNull(7) ? NoTime : runs.int64(7);
        run.endTime = runs.isNull(8) ? NoTime : runs.int64(8);
        run.deletedTime = runs.isNull(9) ? NoTime : runs.int64(9);
        builder.addRun(std::move(run), runs.text(0));
    };
    std::optional<std::vector<qint64>> firstRows;
    qint64 totalRuns = -1; // known after a first-rows scan
    if (query.limit > 0)
        firstRows = firstRunRowids(where, query.limit, &totalRuns);
    if (firstRows) {
        builder.reserveRuns(qint64(firstRows->size()));
        SqliteStatement runs(m_db, "SELECT " + columns + " FROM runs WHERE rowid = ?");
        for (const qint64 rowid : *firstRows) {
            runs.reset();
            runs.bind(1, rowid);
            if (runs.step())
                addRun(runs);
            if (Error e = runs.isValid() ? runs.error() : m_db.lastError(); !e.ok())
                return describe(e, m_path, timeout);
        }
    } else {
        // Room for every run of the table at once rather than regrowing.
        SqliteStatement total(m_db, "SELECT count(*) FROM runs");
        if (total.step())
            totalRuns = total.int64(0);
        builder.reserveRuns(query.limit >= 0 ? std::clamp<qint64>(totalRuns, 0, query.limit)
                                             : std::max<qint64>(totalRuns, 0));
        SqliteStatement runs(m_db, sql);
        while (runs.step())
            addRun(runs);
        if (Error e = runs.isValid() ? runs.error() : m_db.lastError(); !e.ok())
            return describe(e, m_path, timeout);
    }
    if (cancel && cancel->load())
        return SqliteErrors::cancelled();
    if (progress)
        progress(1, Stages);

    // Scanning whole tables beats per-run index look-ups unless we want a small share of the runs.
    totalRuns = std::max<qint64>({totalRuns, builder.runCount(), 1});
    const bool scanWholeTable = builder.runCount() >= 2048 || qint64(builder.runCount()) * 8 >= totalRuns;
    // max(rowid) is a B-tree descent, so this estimate of a table's rows is free; it lets the
    // builder size its arrays once instead of regrowing them.
    const auto expectedRows = [&](const char *table) -> qint64 {
        SqliteStatement last(m_db, QByteArray("SELECT max(rowid) FROM ") + table);
        return last.step() ? last.int64(0) * builder.runCount() / totalRuns : 0;
    };

    const auto valueTable = [&](const char *name, QByteArray columns) {
        return ValueTable {name, std::move(columns), scanWholeTable, hasRunUuidIndex(name)};
    };
    std::atomic_bool failed {false};
    const StopFn shouldStop = [&] { return failed.load() || (cancel && cancel->load()); };

    // Params on this connection; metrics and tags on a second one (see below).
    const auto readParams = [&](SqliteConnection &db) -> Error {
        if (!m_schema.hasParams)
            return {};
        return readValues(db, builder, valueTable("params", "\"key\", value"), shouldStop,
                          [&](SqliteStatement &q, int row) { builder.addParam(row, q.text(1), q.text(2)); });
    };
    const auto addMetric = [&](SqliteStatement &q, int row) {
        LatestMetric m;
        m.isNan = q.int64(5) != 0;
        m.value = m.isNan ? std::numeric_limits<double>::quiet_NaN() : q.real(2);
        m.step = q.int64(3);
        m.timestamp = q.int64(4);
        builder.addMetric(row, q.text(1), m);
    };
    const ValueTable metricTable = m_schema.hasLatestMetrics
        ? valueTable("latest_metrics", "\"key\", value, step, timestamp, is_nan")
        // Before MLflow 1.3 there is no summary table: fold the history with MLflow's rule.
        : valueTable("metrics",
                     QByteArray("\"key\", value, ") + (m_schema.hasMetricStep ? "step" : "0")
                         + ", timestamp, " + (m_schema.hasMetricIsNan ? "is_nan" : "0"));
    // Built here: valueTable() queries m_db, which the params read uses concurrently.
    const ValueTable tagTable = valueTable("tags", "\"key\", value");
    const auto readMetricsAndTags = [&](SqliteConnection &db) -> Error {
        if (Error e = readValues(db, builder, metricTable, shouldStop, addMetric); !e.ok())
            return e;
        if (!m_schema.hasTags)
            return {};
        return readValues(db, builder, tagTable, shouldStop,
                          [&](SqliteStatement &q, int row) { builder.addTag(row, q.text(1), q.text(2)); });
    };
    if (m_schema.hasParams)
        builder.reserveParams(expectedRows("params"));
    if (m_schema.hasLatestMetrics)
        builder.reserveMetrics(expectedRows("latest_metrics"));
    if (m_schema.hasTags)
        builder.reserveTags(expectedRows("tags"));

    Error paramError, otherError;
    const bool parallel
        = scanWholeTable && builder.runCount() >= 4096 && std::thread::hardware_concurrency() > 1;
    if (parallel) {
        // Large reads use two cores. The second connection starts its read while this one
        // holds its shared lock, so no writer can commit in between: both see one snapshot
        // (rollback-journal mode, MLflow's default).
        std::thread worker([&] {
            SqliteConnection second;
            otherError = second.open(m_path, SqliteConnection::Mode::ReadOnly, timeout);
            if (otherError.ok()) {
                ReadTransaction secondTransaction(second);
                otherError = readMetricsAndTags(second);
            } else {
                otherError = describe(otherError, m_path, timeout);
            }
            if (!otherError.ok())
                failed = true;
        });
        paramError = readParams(m_db);
        if (!paramError.ok())
            failed = true;
        worker.join();
    } else {
        paramError = readParams(m_db);
        if (progress && paramError.ok())
            progress(2, Stages);
        if (paramError.ok())
            otherError = readMetricsAndTags(m_db);
    }
    // Report the real failure, not the cancellation it caused on the other connection.
    for (const Error &e : {paramError, otherError}) {
        if (!e.ok() && e.code != Error::Cancelled)
            return e;
    }
    for (const Error &e : {paramError, otherError}) {
        if (!e.ok())
            return e;
    }
    if (progress)
        progress(3, Stages);
    RunTable table = builder.build();
    if (progress)
        progress(Stages, Stages);
    return table;
}

} // namespace Store
