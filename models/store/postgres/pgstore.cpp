#include "pgstore.h"

#include "sqlrunquery.h"

#include <QCoreApplication>
#include <QHash>

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::PostgresStore", text);
}

} // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const QString &uri, const QString &location,
                                                           int busyTimeoutMs, bool writable,
                                                           int connectTimeoutSeconds, const QString &password)
{
    std::unique_ptr<PostgresStore> store(new PostgresStore);
    store->m_location = location;
    store->m_busyTimeoutMs = busyTimeoutMs;
    if (Error e = store->m_db.open(uri, location, connectTimeoutSeconds, password); !e.ok())
        return e;
    // Read-only unless a registry write asks for READ WRITE itself; a writer's lock is waited for
    // as long as SQLite's busy timeout would.
    for (const QByteArray &setting :
         {QByteArray("SET default_transaction_read_only = on"),
          "SET lock_timeout = " + QByteArray::number(std::max(busyTimeoutMs, 1))}) {
        if (Error e = store->m_db.command(setting); !e.ok())
            return e;
    }
    if (Error e = store->introspect(); !e.ok())
        return e;
    store->checkWritable(writable);
    return store;
}

Error PostgresStore::introspect()
{
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    // The tables and columns of the schema the session's search_path starts with, where MLflow's
    // SQLAlchemy store creates its tables. From pg_catalog: information_schema lists only what
    // the user may read, and a user without privileges would see no MLflow tables at all.
    const Result<PgResult> columns
        = m_db.exec("SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                    "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
                    "AND a.attnum > 0 AND NOT a.attisdropped");
    if (!columns)
        return columns.error();
    QHash<QString, QSet<QString>> columnsOf;
    for (int row = 0; row < columns->rowCount(); ++row)
        columnsOf[columns->string(row, 0)].insert(columns->string(row, 1));
    for (auto it = columnsOf.cbegin(); it != columnsOf.cend(); ++it)
        m_schema.tables.insert(it.key());
    const auto has = [&](const char *table) { return m_schema.tables.contains(QLatin1String(table)); };
    if (!has("experiments") || !has("runs")) {
        return Error::make(Error::NotMlflow,
                           tr("%1 is a PostgreSQL database but not an MLflow tracking store (it has no "
                              "experiments and runs tables).")
                               .arg(m_location));
    }
    const auto columnsOfTable = [&](const char *table) { return columnsOf.value(QLatin1String(table)); };
    if (const QString missing = SchemaInfo::missingRunColumn(columnsOfTable("runs")); !missing.isEmpty()) {
        return Error::make(Error::NotMlflow,
                           tr("%1 is not an MLflow tracking store: its runs table has no %2 column.")
                               .arg(m_location, missing));
    }
    const Result<PgResult> readable
        = m_db.exec("SELECT current_user, has_table_privilege('runs', 'SELECT') AND "
                    "has_table_privilege('experiments', 'SELECT')");
    if (!readable)
        return readable.error();
    if (!readable->int64(0, 1)) {
        return Error::make(Error::Io,
                           tr("User %1 may not read the MLflow tables of %2 (no SELECT privilege on "
                              "runs and experiments).")
                               .arg(readable->string(0, 0), m_location));
    }
    QString revision;
    if (has("alembic_version")) {
        const Result<PgResult> version = m_db.exec("SELECT version_num FROM alembic_version");
        if (!version)
            return version.error();
        if (version->rowCount() > 0)
            revision = version->string(0, 0);
    }
    m_schema.detect(revision, columnsOfTable);
    m_notice = m_schema.newerRevisionNotice();
    return {};
}

Error PostgresStore::noSuchRun(const QString &runId) const
{
    return Error::make(Error::NoSuchRun, tr("No run %1 in %2.").arg(runId, m_location));
}

Error PostgresStore::checkRunsExist(const QStringList &runIds)
{
    PgParams ids;
    QByteArray list;
    for (const QString &id : runIds) {
        ids.append(id.toUtf8());
        list += (list.isEmpty() ? "$" : ",$") + QByteArray::number(ids.size());
    }
    if (ids.isEmpty())
        return {};
    const Result<PgResult> found
        = m_db.exec("SELECT run_uuid FROM runs WHERE run_uuid IN (" + list + ")", ids);
    if (!found)
        return found.error();
    QSet<QString> present;
    for (int row = 0; row < found->rowCount(); ++row)
        present.insert(found->string(row, 0));
    for (const QString &id : runIds) {
        if (!present.contains(id))
            return noSuchRun(id);
    }
    return {};
}

Result<ExperimentList> PostgresStore::experiments(ViewType view)
{
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    const Result<PgResult> counts
        = m_db.exec("SELECT experiment_id, count(*) FROM runs WHERE "
                    + SqlRunQuery::lifecycleCondition(view, "lifecycle_stage") + " GROUP BY experiment_id");
    if (!counts)
        return counts.error();
    QHash<QString, int> runCounts;
    for (int row = 0; row < counts->rowCount(); ++row)
        runCounts.insert(counts->string(row, 0), int(counts->int64(row, 1)));

    QByteArray sql = "SELECT experiment_id, name, artifact_location, lifecycle_stage";
    sql += m_schema.hasExperimentTimes ? ", creation_time, last_update_time" : ", NULL, NULL";
    sql += " FROM experiments e WHERE " + SqlRunQuery::lifecycleCondition(view, "e.lifecycle_stage")
        + " ORDER BY e.experiment_id";
    const Result<PgResult> rows = m_db.exec(sql);
    if (!rows)
        return rows.error();
    ExperimentList experiments;
    QHash<QString, qsizetype> rowOf;
    for (int row = 0; row < rows->rowCount(); ++row) {
        Experiment e;
        e.id = rows->string(row, 0);
        e.name = rows->string(row, 1);
        e.artifactLocation = rows->string(row, 2);
        e.lifecycleStage = rows->string(row, 3);
        e.creationTime = rows->isNull(row, 4) ? NoTime : rows->int64(row, 4);
        e.lastUpdateTime = rows->isNull(row, 5) ? NoTime : rows->int64(row, 5);
        e.runCount = runCounts.value(e.id);
        rowOf.insert(e.id, experiments.size());
        experiments.append(e);
    }
    if (!m_schema.hasExperimentTags)
        return experiments;
    const Result<PgResult> tags = m_db.exec(
        "SELECT experiment_id, key, value FROM experiment_tags ORDER BY experiment_id, key COLLATE \"C\"");
    if (!tags)
        return tags.error();
    for (int row = 0; row < tags->rowCount(); ++row) {
        const auto at = rowOf.constFind(tags->string(row, 0));
        if (at == rowOf.cend())
            continue; // an experiment outside the view
        Experiment &e = experiments[*at];
        e.tags.append({tags->string(row, 1), tags->string(row, 2)});
        if (e.tags.last().first == QLatin1String(Tags::Note))
            e.description = e.tags.last().second;
    }
    return experiments;
}

// The server's write-ahead log insert position: every commit on the server moves it at once (a
// read-only transaction writes none; the write position would lag behind an asynchronous commit), so it
// changes whenever this database may have changed, and otherwise only when another database of the server is
// written or the server checkpoints (a poll then reads again for nothing). One function call, whatever the
// store's size; table statistics (pg_stat_user_tables) would be cheaper to miss but reach the statistics
// views late, and max() over MLflow's tables has no index to use. A standby replays the primary's log. The
// database's oid tells a database dropped and created again.
Result<QByteArray> PostgresStore::changeToken()
{
    const Result<PgResult> token
        = m_db.exec("SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE "
                    "pg_current_wal_insert_lsn() END)::text"
                    " || ':' || (SELECT oid FROM pg_database WHERE datname = current_database())::text");
    if (!token)
        return token.error();
    const std::string_view text = token->text(0, 0);
    return QByteArray("postgresql:") + QByteArray(text.data(), qsizetype(text.size()));
}

Result<DatasetInputList> PostgresStore::datasets(const QString &runId)
{
    DatasetInputList list;
    if (!m_schema.hasDatasets)
        return list;
    const Result<PgResult> rows
        = m_db.exec("SELECT d.name, d.digest, d.dataset_source_type, d.dataset_source, "
                    "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid "
                    "AND t.name = 'mlflow.data.context'), d.dataset_schema, d.dataset_profile "
                    "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
                    "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' "
                    "AND i.destination_id = $1 ORDER BY d.name COLLATE \"C\"",
                    {runId.toUtf8()});
    if (!rows)
        return rows.error();
    for (int row = 0; row < rows->rowCount(); ++row) {
        list.append({rows->string(row, 0), rows->string(row, 1), rows->string(row, 2), rows->string(row, 3),
                     rows->string(row, 4), rows->string(row, 5), rows->string(row, 6)});
    }
    return list;
}

Result<QString> PostgresStore::artifactUri(const QString &runId)
{
    const Result<PgResult> row
        = m_db.exec("SELECT artifact_uri FROM runs WHERE run_uuid = $1", {runId.toUtf8()});
    if (!row)
        return row.error();
    if (row->rowCount() == 0)
        return noSuchRun(runId);
    return row->string(0, 0);
}

} // namespace Store
