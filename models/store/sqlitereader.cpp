#include "sqlitereader.h"

#include "hugepages.h"
#include "pageprefetch.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteReader", text);
}

QString displayPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

// Checks the file before SQLite sees it, so each kind of bad input gets its own message.
Error checkFile(const QString &path)
{
    const QFileInfo info(path);
    const QString shown = displayPath(path);
    if (!info.exists())
        return Error::make(Error::NotFound, tr("%1 does not exist.").arg(shown));
    if (info.isDir())
        return Error::make(Error::IsDirectory,
                           tr("%1 is a folder, not an MLflow database file. (Folder stores (mlruns/) "
                              "are not supported yet; open the .db file.)")
                                   .arg(shown));
    if (info.size() == 0)
        return Error::make(Error::EmptyFile, tr("%1 is an empty file, not an MLflow database.").arg(shown));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Io, tr("Cannot read %1: %2").arg(shown, file.errorString()));
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Error::make(Error::NotSqlite, tr("%1 is not a SQLite database.").arg(shown));
    if (header.size() < 100)
        return Error::make(Error::Corrupt, tr("%1 is truncated: its SQLite header is incomplete.").arg(shown));

    // A database shorter than its header's page count was cut off (copy interrupted, disk full).
    // The in-header size is only valid when its "version-valid-for" matches the change counter.
    const auto be32 = [&](int offset) { return qFromBigEndian<quint32>(header.constData() + offset); };
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = be32(28);
    const bool sizeIsValid = be32(92) == be32(24) && pageCount > 0;
    const bool hasWal = QFileInfo::exists(path + QLatin1String("-wal"));
    if (sizeIsValid && !hasWal && info.size() < qint64(pageSize) * pageCount) {
        return Error::make(Error::Corrupt, tr("%1 is truncated: it holds %2 bytes but its header says %3.")
                                                   .arg(shown)
                                                   .arg(info.size())
                                                   .arg(qint64(pageSize) * pageCount));
    }
    return {};
}

// Rewords SQLite's failures for the user; the path says which store.
Error describe(Error error, const QString &path, int busyTimeoutMs)
{
    const QString shown = displayPath(path);
    switch (error.code) {
    case Error::Locked:
        error.message = tr("%1 is locked by another program writing to it (waited %2 s). Try again when "
                           "the writer has finished.")
                                .arg(shown)
                                .arg(busyTimeoutMs / 1000.0);
        break;
    case Error::NotSqlite:
        error.message = tr("%1 is not a SQLite database.").arg(shown);
        break;
    case Error::Corrupt:
        error.message = tr("%1 is damaged (SQLite: %2). Restore it from a backup or ask SQLite's .recover "
                           "to rescue a copy.")
                                .arg(shown, error.message);
        break;
    default:
        error.message = tr("Cannot read %1: %2").arg(shown, error.message);
        break;
    }
    return error;
}

QByteArray lifecycleCondition(ViewType view, const char *column)
{
    switch (view) {
    case ViewType::ActiveOnly:
        return QByteArray(column) + " = 'active'";
    case ViewType::DeletedOnly:
        return QByteArray(column) + " = 'deleted'";
    case ViewType::All:
        break;
    }
    return "1";
}

// Experiment ids are integers in SQL stores; quote nothing the user typed into SQL.
QByteArray experimentIdList(const QStringList &ids, bool *ok)
{
    QByteArray list;
    *ok = true;
    for (const QString &id : ids) {
        bool isNumber = false;
        const qlonglong value = id.toLongLong(&isNumber);
        if (!isNumber) {
            *ok = false;
            return {};
        }
        if (!list.isEmpty())
            list += ',';
        list += QByteArray::number(value);
    }
    return list;
}

constexpr int CancelCheckInterval = 16384;

// Holds one read transaction (a shared lock) for the lifetime of the object.
struct ReadTransaction
{
    SqliteConnection &db;
    explicit ReadTransaction(SqliteConnection &connection) : db(connection) { db.exec("BEGIN"); }
    ~ReadTransaction() { db.exec("COMMIT"); }
};

} // namespace

QString SqliteReader::pathOf(const QString &location)
{
    // sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy spells them.
    static const QLatin1String scheme("sqlite:///");
    if (location.startsWith(scheme))
        return location.mid(scheme.size());
    if (location.contains(QLatin1String("://")))
        return {};
    return location;
}

Result<std::unique_ptr<SqliteReader>> SqliteReader::open(const QString &location, int busyTimeoutMs)
{
    const QString path = pathOf(location);
    if (path.isEmpty()) {
        return Error::make(Error::Unsupported,
                           tr("%1 is not a SQLite store location (expected a file path or sqlite:///path).")
                                   .arg(location));
    }
    if (Error error = checkFile(path); error.code != Error::None)
        return error;

    std::unique_ptr<SqliteReader> reader(new SqliteReader);
    reader->m_path = path;
    if (Error error = reader->m_db.open(path, SqliteConnection::Mode::ReadOnly, busyTimeoutMs);
        error.code != Error::None)
        return describe(error, path, busyTimeoutMs);
    if (Error error = reader->introspect(); error.code != Error::None)
        return error;
    return reader;
}

Error SqliteReader::introspect()
{
    const int timeout = m_db.busyTimeoutMs();
    {
        SqliteStatement tables(m_db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (tables.step())
            m_schema.tables.insert(tables.string(0));
        if (Error e = tables.isValid() ? tables.error() : m_db.lastError(); e.code != Error::None)
            return describe(e, m_path, timeout);
    }
    const auto has = [&](const char *table) { return m_schema.tables.contains(QLatin1String(table)); };
    if (!has("experiments") || !has("runs")) {
        return Error::make(Error::NotMlflow,
                           tr("%1 is a SQLite database but not an MLflow tracking store (it has no "
                              "experiments and runs tables).")
                                   .arg(displayPath(m_path)));
    }

    if (has("alembic_version")) {
        SqliteStatement version(m_db, "SELECT version_num FROM alembic_version");
        if (version.step())
            m_schema.revision = version.string(0);
        if (Error e = version.error(); e.code != Error::None)
            return describe(e, m_path, timeout);
    }
    m_schema.isKnownRevision = m_schema.revision.isEmpty()
            || SchemaInfo::knownRevisions().contains(m_schema.revision);
    if (!m_schema.isKnownRevision) {
        m_notice = tr("This store was written by a newer MLflow (schema revision %1) than Kaizen knows. "
                      "It is open read-only; unknown tables and columns are ignored.")
                           .arg(m_schema.revision);
    }

    const auto columnsOf = [&](const char *table) {
        QSet<QString> columns;
        SqliteStatement info(m_db, QByteArray("PRAGMA table_info(\"") + table + "\")");
        while (info.step())
            columns.insert(info.string(1));
        return columns;
    };
    const QSet<QString> metricColumns = columnsOf("metrics");
    const QSet<QString> runColumns = columnsOf("runs");
    const QSet<QString> experimentColumns = columnsOf("experiments");
    for (const char *column : {"run_uuid", "experiment_id", "status", "start_time", "lifecycle_stage"}) {
        if (!runColumns.contains(QLatin1String(column))) {
            return Error::make(Error::NotMlflow, tr("%1 is not an MLflow tracking store: its runs table has "
                                                    "no %2 column.")
                                                         .arg(displayPath(m_path), QLatin1String(column)));
        }
    }
    m_schema.hasMetricStep = metricColumns.contains(QStringLiteral("step"));
    m_schema.hasMetricIsNan = metricColumns.contains(QStringLiteral("is_nan"));
    m_schema.hasLatestMetrics = has("latest_metrics");
    m_schema.hasParams = has("params");
    m_schema.hasTags = has("tags");
    m_schema.hasExperimentTags = has("experiment_tags");
    m_schema.hasExperimentTimes = experimentColumns.contains(QStringLiteral("creation_time"));
    m_schema.hasRunDeletedTime = runColumns.contains(QStringLiteral("deleted_time"));
    m_schema.hasWorkspaces = experimentColumns.contains(QStringLiteral("workspace"));
    m_schema.hasRegistry = has("registered_models") && has("model_versions");
    m_schema.hasAliases = has("registered_model_aliases");
    m_schema.hasDatasets = has("datasets") && has("inputs") && has("input_tags");

    // MLflow files carry no sqlite_stat1, so name the index for history look-ups ourselves.
    SqliteStatement indexes(m_db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'");
    QSet<QString> metricIndexes;
    while (indexes.step())
        metricIndexes.insert(indexes.string(0));
    for (const char *name : {"index_metrics_run_uuid_key_step", "index_metrics_run_uuid"}) {
        if (metricIndexes.contains(QLatin1String(name))) {
            m_schema.metricHistoryIndex = QLatin1String(name);
            break;
        }
    }
    return {};
}

Result<ExperimentList> SqliteReader::experiments(ViewType view)
{
    const int timeout = m_db.busyTimeoutMs();
    // Count runs once, grouped, instead of a correlated count per experiment.
    QHash<QString, int> runCounts;
    {
        SqliteStatement counts(m_db, "SELECT experiment_id, count(*) FROM runs WHERE "
                                             + lifecycleCondition(view, "lifecycle_stage")
                                             + " GROUP BY experiment_id");
        while (counts.step())
            runCounts.insert(counts.string(0), int(counts.int64(1)));
        if (Error e = counts.error(); e.code != Error::None)
            return describe(e, m_path, timeout);
    }

    QByteArray sql = "SELECT experiment_id, name, artifact_location, lifecycle_stage";
    sql += m_schema.hasExperimentTimes ? ", creation_time, last_update_time" : ", NULL, NULL";
    sql += m_schema.hasExperimentTags
            ? ", (SELECT value FROM experiment_tags t WHERE t.experiment_id = e.experiment_id AND t.\"key\" = "
              "'mlflow.note.content')"
            : ", NULL";
    sql += " FROM experiments e WHERE " + lifecycleCondition(view, "e.lifecycle_stage")
            + " ORDER BY e.experiment_id";
    SqliteStatement query(m_db, sql);
    ExperimentList experiments;
    while (query.step()) {
        Experiment e;
        e.id = query.string(0);
        e.name = query.string(1);
        e.artifactLocation = query.string(2);
        e.lifecycleStage = query.string(3);
        e.creationTime = query.isNull(4) ? NoTime : query.int64(4);
        e.lastUpdateTime = query.isNull(5) ? NoTime : query.int64(5);
        e.description = query.string(6);
        e.runCount = runCounts.value(e.id);
        experiments.append(e);
    }
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); e.code != Error::None)
        return describe(e, m_path, timeout);
    return experiments;
}

Error SqliteReader::readValues(SqliteConnection &db, const RunTableBuilder &builder, const ValueTable &table,
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
                return Error::make(Error::Cancelled, tr("Cancelled."));
            const int row = builder.rowOf(cursor, query.text(0));
            if (row >= 0)
                addRow(query, row);
        }
        if (Error e = query.isValid() ? query.error() : db.lastError(); e.code != Error::None)
            return describe(e, m_path, timeout);
        return {};
    }
    // A small share of a large store: one index look-up per run.
    SqliteStatement query(db, "SELECT run_uuid, " + table.columns + " FROM " + table.name + " WHERE run_uuid = ?");
    for (int row = 0; row < builder.runCount(); ++row) {
        if (row % 256 == 0 && shouldStop())
            return Error::make(Error::Cancelled, tr("Cancelled."));
        query.reset();
        query.bind(1, m_runIds[size_t(row)]);
        while (query.step())
            addRow(query, row);
        if (Error e = query.isValid() ? query.error() : db.lastError(); e.code != Error::None)
            return describe(e, m_path, timeout);
    }
    return {};
}

bool SqliteReader::hasRunUuidIndex(const QByteArray &table)
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
std::optional<std::vector<qint64>> SqliteReader::firstRunRowids(const QByteArray &where, int limit,
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
    if (scan.error().code != Error::None)
        return std::nullopt;
    *totalRuns = rows;
    std::sort_heap(kept.begin(), kept.end(), before);
    std::vector<qint64> rowids;
    rowids.reserve(kept.size());
    for (const Candidate &candidate : kept)
        rowids.push_back(candidate.rowid);
    return rowids;
}

Result<RunTable> SqliteReader::runs(const RunQuery &query, const CancelFlag *cancel, const ProgressFn &progress)
{
    const int timeout = m_db.busyTimeoutMs();
    constexpr int Stages = 4;
    if (progress)
        progress(0, Stages);

    QByteArray where = lifecycleCondition(query.view, "lifecycle_stage");
    if (!query.experimentIds.isEmpty()) {
        bool ok = false;
        const QByteArray ids = experimentIdList(query.experimentIds, &ok);
        if (!ok)
            return Error::make(Error::NoSuchExperiment,
                               tr("Experiment ids in a SQL store are numbers: %1").arg(query.experimentIds.join(u", ")));
        where += " AND experiment_id IN (" + ids + ")";
    }
    const QByteArray columns
        = "run_uuid, name, experiment_id, status, lifecycle_stage, user_id, artifact_uri, "
          "start_time, end_time";
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
    m_runIds.clear();
    const auto addRun = [&](const SqliteStatement &runs) {
        RunAttributes run;
        run.runId = runs.string(0);
        run.runName = runs.string(1);
        run.experimentId = runs.string(2);
        run.status = runs.string(3);
        run.lifecycleStage = runs.string(4);
        run.userId = runs.string(5);
        run.artifactUri = runs.string(6);
        run.startTime = runs.isNull(7) ? NoTime : runs.int64(7);
        run.endTime = runs.isNull(8) ? NoTime : runs.int64(8);
        m_runIds.emplace_back(runs.text(0));
        builder.addRun(std::move(run));
    };
    std::optional<std::vector<qint64>> firstRows;
    qint64 totalRuns = -1; // known after a first-rows scan
    if (query.limit > 0)
        firstRows = firstRunRowids(where, query.limit, &totalRuns);
    if (firstRows) {
        SqliteStatement runs(m_db, "SELECT " + columns + " FROM runs WHERE rowid = ?");
        for (const qint64 rowid : *firstRows) {
            runs.reset();
            runs.bind(1, rowid);
            if (runs.step())
                addRun(runs);
            if (Error e = runs.isValid() ? runs.error() : m_db.lastError(); e.code != Error::None)
                return describe(e, m_path, timeout);
        }
    } else {
        SqliteStatement runs(m_db, sql);
        while (runs.step())
            addRun(runs);
        if (Error e = runs.isValid() ? runs.error() : m_db.lastError(); e.code != Error::None)
            return describe(e, m_path, timeout);
    }
    if (cancel && cancel->load())
        return Error::make(Error::Cancelled, tr("Cancelled."));
    if (progress)
        progress(1, Stages);

    // Scanning whole tables beats per-run index look-ups unless we want a small share of the runs.
    if (!firstRows) {
        totalRuns = builder.runCount();
        SqliteStatement total(m_db, "SELECT count(*) FROM runs");
        if (total.step())
            totalRuns = total.int64(0);
    }
    totalRuns = std::max<qint64>(totalRuns, 1);
    const bool scanWholeTable = builder.runCount() >= 2048 || qint64(builder.runCount()) * 8 >= totalRuns;
    // max(rowid) is a B-tree descent, so this estimate of a table's rows is free; it lets the
    // builder size its arrays once instead of regrowing them.
    const auto expectedRows = [&](const char *table) -> qint64 {
        SqliteStatement last(m_db, QByteArray("SELECT max(rowid) FROM ") + table);
        return last.step() ? last.int64(0) * builder.runCount() / totalRuns : 0;
    };

    const auto valueTable = [&](const char *name, QByteArray columns) {
        return ValueTable{name, std::move(columns), scanWholeTable, hasRunUuidIndex(name)};
    };
    std::atomic_bool failed{false};
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
            : valueTable("metrics", QByteArray("\"key\", value, ") + (m_schema.hasMetricStep ? "step" : "0")
                                 + ", timestamp, " + (m_schema.hasMetricIsNan ? "is_nan" : "0"));
    // Built here: valueTable() queries m_db, which the params read uses concurrently.
    const ValueTable tagTable = valueTable("tags", "\"key\", value");
    const auto readMetricsAndTags = [&](SqliteConnection &db) -> Error {
        if (Error e = readValues(db, builder, metricTable, shouldStop, addMetric); e.code != Error::None)
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
    const bool parallel = scanWholeTable && builder.runCount() >= 4096 && std::thread::hardware_concurrency() > 1;
    if (parallel) {
        // Large reads use two cores. The second connection starts its read while this one
        // holds its shared lock, so no writer can commit in between: both see one snapshot
        // (rollback-journal mode, MLflow's default).
        std::thread worker([&] {
            SqliteConnection second;
            otherError = second.open(m_path, SqliteConnection::Mode::ReadOnly, timeout);
            if (otherError.code == Error::None) {
                ReadTransaction secondTransaction(second);
                otherError = readMetricsAndTags(second);
            } else {
                otherError = describe(otherError, m_path, timeout);
            }
            if (otherError.code != Error::None)
                failed = true;
        });
        paramError = readParams(m_db);
        if (paramError.code != Error::None)
            failed = true;
        worker.join();
    } else {
        paramError = readParams(m_db);
        if (progress && paramError.code == Error::None)
            progress(2, Stages);
        if (paramError.code == Error::None)
            otherError = readMetricsAndTags(m_db);
    }
    // Report the real failure, not the cancellation it caused on the other connection.
    for (const Error &e : {paramError, otherError}) {
        if (e.code != Error::None && e.code != Error::Cancelled)
            return e;
    }
    for (const Error &e : {paramError, otherError}) {
        if (e.code != Error::None)
            return e;
    }
    if (progress)
        progress(3, Stages);
    m_runIds.clear();
    RunTable table = builder.build();
    if (progress)
        progress(Stages, Stages);
    return table;
}

Result<MetricHistory> SqliteReader::metricHistory(const QString &runId, const QString &key)
{
    const int timeout = m_db.busyTimeoutMs();
    {
        SqliteStatement run(m_db, "SELECT 1 FROM runs WHERE run_uuid = ?");
        run.bind(1, runId);
        if (!run.step()) {
            if (Error e = run.error(); e.code != Error::None)
                return describe(e, m_path, timeout);
            return Error::make(Error::NoSuchRun, tr("No run %1 in %2.").arg(runId, displayPath(m_path)));
        }
    }
    QByteArray sql = QByteArray("SELECT ") + (m_schema.hasMetricStep ? "step" : "0") + ", timestamp, value, "
            + (m_schema.hasMetricIsNan ? "is_nan" : "0") + " FROM metrics";
    if (!m_schema.metricHistoryIndex.isEmpty())
        sql += " INDEXED BY " + m_schema.metricHistoryIndex.toLatin1();
    sql += " WHERE run_uuid = ? AND \"key\" = ? ORDER BY 1, 2, 3";
    SqliteStatement query(m_db, sql);
    query.bind(1, runId);
    query.bind(2, key);
    MetricHistory history;
    history.runId = runId;
    history.key = key;
    while (query.step()) {
        MetricPoint p;
        p.step = query.int64(0);
        p.timestamp = query.int64(1);
        p.value = query.int64(3) ? std::numeric_limits<double>::quiet_NaN() : query.real(2);
        history.points.append(p);
    }
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); e.code != Error::None)
        return describe(e, m_path, timeout);
    return history;
}

Result<DatasetInputList> SqliteReader::datasets(const QString &runId)
{
    DatasetInputList list;
    if (!m_schema.hasDatasets)
        return list;
    SqliteStatement query(m_db, "SELECT d.name, d.digest, d.dataset_source_type, d.dataset_source, "
                                "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid "
                                "AND t.name = 'mlflow.data.context') "
                                "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                                "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' "
                                "AND i.destination_id = ? ORDER BY d.name");
    query.bind(1, runId);
    while (query.step()) {
        list.append({query.string(0), query.string(1), query.string(2), query.string(3), query.string(4)});
    }
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); e.code != Error::None)
        return describe(e, m_path, m_db.busyTimeoutMs());
    return list;
}

} // namespace Store

// Metric series: kept at the end of the file, apart from the runs() code above.
#include <QHash>

#include <algorithm>
#include <numeric>
#include <string_view>

namespace Store {

namespace {

// NaN rows order by the 0 MLflow stores for them, as metricHistory()'s ORDER BY does.
inline double storedValue(double value)
{
    return std::isnan(value) ? 0.0 : value;
}

inline bool pointLess(const MetricSeries &s, size_t a, size_t b)
{
    if (s.steps[a] != s.steps[b])
        return s.steps[a] < s.steps[b];
    if (s.timestamps[a] != s.timestamps[b])
        return s.timestamps[a] < s.timestamps[b];
    return storedValue(s.values[a]) < storedValue(s.values[b]);
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

Error SqliteReader::readMetricSeries(const QStringList &runIds, const QStringList &keys,
                                     const std::function<void(MetricSeries &&)> &deliver,
                                     const CancelFlag *cancel, const ProgressFn &progress)
{
    const int timeout = m_db.busyTimeoutMs();
    const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    const Error cancelledError = Error::make(Error::Cancelled, tr("Cancelled."));

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
    {
        SqliteStatement run(m_db, "SELECT 1 FROM runs WHERE run_uuid = ?");
        for (const QString &id : std::as_const(runList)) {
            run.reset();
            run.bind(1, id);
            if (!run.step()) {
                if (Error e = run.isValid() ? run.error() : m_db.lastError(); e.code != Error::None)
                    return describe(e, m_path, timeout);
                return Error::make(Error::NoSuchRun, tr("No run %1 in %2.").arg(id, displayPath(m_path)));
            }
        }
    }

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
    columns = QByteArray(perRun ? "" : "run_uuid, ") + (keyColumn ? "\"key\", " : "") + "value, timestamp"
        + (stepCol >= 0 ? ", step" : "") + (isNanCol >= 0 ? ", is_nan" : "");
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
        }
        if (Error e = query.error(); e.code != Error::None)
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
            if (Error e = readRows([&buffer]() { return &buffer; }); e.code != Error::None)
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
    if (error.code != Error::None)
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

} // namespace Store
