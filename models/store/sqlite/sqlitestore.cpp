#include "sqlitestore.h"

#include "sqliteerrors.h"
#include "sqlrunquery.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <limits>
#include <sys/stat.h>

namespace Store {

using SqliteErrors::describe;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

QString displayPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

bool fileIdentity(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    *device = quint64(info.st_dev);
    *inode = quint64(info.st_ino);
    return true;
}

} // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path, int busyTimeoutMs, bool writable)
{
    if (Error error = SqliteErrors::checkFile(path); !error.ok())
        return error;

    std::unique_ptr<SqliteStore> store(new SqliteStore);
    store->m_path = QFileInfo(path).absoluteFilePath();
    if (Error error = store->m_db.open(path, SqliteConnection::Mode::ReadOnly, busyTimeoutMs); !error.ok())
        return describe(error, path, busyTimeoutMs);
    fileIdentity(store->m_path, &store->m_device, &store->m_inode);
    if (Error error = store->introspect(); !error.ok())
        return error;
    store->openWriter(writable);
    return store;
}

bool SqliteStore::isStale() const
{
    quint64 device = 0, inode = 0;
    return !fileIdentity(m_path, &device, &inode) || device != m_device || inode != m_inode;
}

Error SqliteStore::noSuchRun(const QString &runId) const
{
    return Error::make(Error::NoSuchRun, tr("No run %1 in %2.").arg(runId, displayPath(m_path)));
}

Error SqliteStore::checkRunsExist(const QStringList &runIds)
{
    SqliteStatement run(m_db, "SELECT 1 FROM runs WHERE run_uuid = ?");
    for (const QString &id : runIds) {
        run.reset();
        run.bind(1, id);
        if (!run.step()) {
            if (Error e = run.isValid() ? run.error() : m_db.lastError(); !e.ok())
                return describe(e, m_path, m_db.busyTimeoutMs());
            return noSuchRun(id);
        }
    }
    return {};
}

Error SqliteStore::introspect()
{
    const int timeout = m_db.busyTimeoutMs();
    {
        SqliteStatement tables(m_db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (tables.step())
            m_schema.tables.insert(tables.string(0));
        if (Error e = tables.isValid() ? tables.error() : m_db.lastError(); !e.ok())
            return describe(e, m_path, timeout);
    }
    const auto has = [&](const char *table) { return m_schema.tables.contains(QLatin1String(table)); };
    if (!has("experiments") || !has("runs")) {
        return Error::make(Error::NotMlflow,
                           tr("%1 is a SQLite database but not an MLflow tracking store (it has no "
                              "experiments and runs tables).")
                               .arg(displayPath(m_path)));
    }

    QString revision;
    if (has("alembic_version")) {
        SqliteStatement version(m_db, "SELECT version_num FROM alembic_version");
        if (version.step())
            revision = version.string(0);
        if (Error e = version.error(); !e.ok())
            return describe(e, m_path, timeout);
    }
    const auto columnsOf = [&](const char *table) {
        QSet<QString> columns;
        SqliteStatement info(m_db, QByteArray("PRAGMA table_info(\"") + table + "\")");
        while (info.step())
            columns.insert(info.string(1));
        return columns;
    };
    if (const QString missing = SchemaInfo::missingRunColumn(columnsOf("runs")); !missing.isEmpty()) {
        return Error::make(Error::NotMlflow,
                           tr("%1 is not an MLflow tracking store: its runs table has "
                              "no %2 column.")
                               .arg(displayPath(m_path), missing));
    }
    m_schema.detect(revision, columnsOf);
    m_notice = m_schema.newerRevisionNotice();

    // MLflow files carry no sqlite_stat1, so name the index for history look-ups ourselves.
    SqliteStatement indexes(m_db,
                            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics'");
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

Result<ExperimentList> SqliteStore::experiments(ViewType view)
{
    const int timeout = m_db.busyTimeoutMs();
    SqliteReadTransaction snapshot(m_db); // counts, experiments and tags of one moment
    // Count runs once, grouped, instead of a correlated count per experiment.
    QHash<QString, int> runCounts;
    {
        SqliteStatement counts(m_db,
                               "SELECT experiment_id, count(*) FROM runs WHERE "
                                   + SqlRunQuery::lifecycleCondition(view, "lifecycle_stage")
                                   + " GROUP BY experiment_id");
        while (counts.step())
            runCounts.insert(counts.string(0), int(counts.int64(1)));
        if (Error e = counts.error(); !e.ok())
            return describe(e, m_path, timeout);
    }

    QByteArray sql = "SELECT experiment_id, name, artifact_location, lifecycle_stage";
    sql += m_schema.hasExperimentTimes ? ", creation_time, last_update_time" : ", NULL, NULL";
    sql += " FROM experiments e WHERE " + SqlRunQuery::lifecycleCondition(view, "e.lifecycle_stage")
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
        e.runCount = runCounts.value(e.id);
        experiments.append(e);
    }
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); !e.ok())
        return describe(e, m_path, timeout);
    if (!m_schema.hasExperimentTags)
        return experiments;

    QHash<QString, qsizetype> rowOf;
    for (qsizetype row = 0; row < experiments.size(); ++row)
        rowOf.insert(experiments[row].id, row);
    SqliteStatement tags(
        m_db, "SELECT experiment_id, \"key\", value FROM experiment_tags ORDER BY experiment_id, \"key\"");
    while (tags.step()) {
        const auto row = rowOf.constFind(tags.string(0));
        if (row == rowOf.cend())
            continue; // an experiment outside the view
        Experiment &e = experiments[*row];
        e.tags.append({tags.string(1), tags.string(2)});
        if (e.tags.last().first == QLatin1String(Tags::Note))
            e.description = e.tags.last().second;
    }
    if (Error e = tags.isValid() ? tags.error() : m_db.lastError(); !e.ok())
        return describe(e, m_path, timeout);
    return experiments;
}

Result<MetricHistory> SqliteStore::metricHistory(const QString &runId, const QString &key)
{
    const int timeout = m_db.busyTimeoutMs();
    if (Error e = checkRunsExist({runId}); !e.ok())
        return e;
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
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); !e.ok())
        return describe(e, m_path, timeout);
    return history;
}

// Other connections' commits (PRAGMA data_version; this connection never writes) and the file's
// identity, so that a replaced file (a restored backup, a copy moved over it) changes it too.
Result<QByteArray> SqliteStore::changeToken()
{
    SqliteStatement version(m_db, "PRAGMA data_version");
    if (!version.step()) {
        const Error e = version.isValid() ? version.error() : m_db.lastError();
        return describe(e.ok() ? m_db.lastError() : e, m_path, m_db.busyTimeoutMs());
    }
    quint64 device = 0, inode = 0;
    const bool exists = fileIdentity(m_path, &device, &inode);
    return QByteArray("sqlite:") + QByteArray::number(version.int64(0)) + ':'
        + (exists ? QByteArray::number(device) + ':' + QByteArray::number(inode) : QByteArray("gone"));
}

std::optional<qint64> SqliteStore::maxMetricRowid()
{
    SqliteStatement max(m_db, "SELECT max(rowid) FROM metrics");
    if (!max.step())
        return std::nullopt;
    return max.isNull(0) ? 0 : max.int64(0);
}

Result<DatasetInputList> SqliteStore::datasets(const QString &runId)
{
    DatasetInputList list;
    if (!m_schema.hasDatasets)
        return list;
    SqliteStatement query(m_db,
                          "SELECT d.name, d.digest, d.dataset_source_type, d.dataset_source, "
                          "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid "
                          "AND t.name = 'mlflow.data.context'), d.dataset_schema, d.dataset_profile "
                          "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                          "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' "
                          "AND i.destination_id = ? ORDER BY d.name");
    query.bind(1, runId);
    while (query.step()) {
        list.append({query.string(0), query.string(1), query.string(2), query.string(3), query.string(4),
                     query.string(5), query.string(6)});
    }
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); !e.ok())
        return describe(e, m_path, m_db.busyTimeoutMs());
    return list;
}

Result<QString> SqliteStore::artifactUri(const QString &runId)
{
    SqliteStatement query(m_db, "SELECT artifact_uri FROM runs WHERE run_uuid = ?");
    query.bind(1, runId);
    if (query.step())
        return query.string(0);
    if (Error e = query.isValid() ? query.error() : m_db.lastError(); !e.ok())
        return describe(e, m_path, m_db.busyTimeoutMs());
    return noSuchRun(runId);
}

} // namespace Store
