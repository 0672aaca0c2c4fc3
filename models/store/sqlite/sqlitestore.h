#pragma once

#include "mlflowstore.h"
#include "schemainfo.h"
#include "sqlitehandle.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Store {

// The SQLite backend: reads an MLflow SQLite tracking store, opened read-only (never a
// journal, never a changed byte). The schema is found by introspection, so every MLflow
// revision from 1.0 on reads, and a newer one reads with a notice. Opened writable, it also
// holds a read-write connection that only registry writes use; reads stay on the read-only one.
class SqliteStore final : public MlflowStore
{
public:
    // `path` is the database file. busyTimeoutMs, writable: see OpenOptions.
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path, int busyTimeoutMs,
                                                     bool writable = false);

    QString location() const override { return m_path; }
    QString notice() const override { return m_notice; }
    bool isStale() const override;
    const SchemaInfo &schema() const { return m_schema; }

    Result<ExperimentList> experiments(ViewType view) override;
    Result<RunTable> runs(const RunQuery &query, const CancelFlag *cancel,
                          const ProgressFn &progress) override;
    Result<MetricHistory> metricHistory(const QString &runId, const QString &key) override;
    // Reads a run's keys in one pass over the run_uuid index (stores without it, MLflow < 1.25:
    // one pass over the table for every run).
    Error readMetricSeries(const QStringList &runIds, const QStringList &keys,
                           const std::function<void(MetricSeries &&)> &deliver, const CancelFlag *cancel,
                           const ProgressFn &progress) override;
    // PRAGMA data_version and the file's identity.
    Result<QByteArray> changeToken() override;
    // The rows whose rowid is above the tail's position (rowids grow as rows are inserted), found
    // by one range scan of the rows stored since, whatever indexes the store has; a new row that
    // orders before the tail, or a table whose rowids shrank (rows deleted), is a rewrite.
    Result<MetricAppend> readMetricAppend(const QString &runId, const QString &key,
                                          const SeriesTail &after) override;
    Result<DatasetInputList> datasets(const QString &runId) override;
    Result<QString> artifactUri(const QString &runId) override;

    // sqliteregistry.cpp
    Result<RegisteredModelList> registeredModels() override;
    Result<ModelVersionList> modelVersions(const QString &model, ViewType view) override;
    Result<ModelVersionList> modelVersionsOfRun(const QString &runId) override;
    // sqliteregistrywrite.cpp
    Error registryWritability() override { return m_writability; }
    Result<RegistryWrite> applyRegistryChange(const RegistryChange &change) override;

private:
    // Rows read between checks of the cancel flag.
    static constexpr int CancelCheckInterval = 16384;

    SqliteStore() = default;
    Error introspect();
    Error noSuchRun(const QString &runId) const;
    // Fails with NoSuchRun for the first id the runs table lacks.
    Error checkRunsExist(const QStringList &runIds);

    // sqliteregistry.cpp
    Error noRegistry() const;
    Error noSuchModel(const QString &model) const;
    // `result`, its error worded for this store.
    template<typename T> Result<T> described(Result<T> result) const;

    // sqliteregistrywrite.cpp
    // Decides m_writability and opens m_writer when registry writes can go through.
    void openWriter(bool writable);
    // Runs `sql` (BEGIN IMMEDIATE, COMMIT) on m_writer, again after a short pause while the store
    // is busy, for up to the busy timeout; counts the retries.
    Error execWhileBusy(const char *sql, int *retries);

    // The largest rowid of the metrics table (0 when empty); nullopt when the read failed.
    std::optional<qint64> maxMetricRowid();

    // sqliteruns.cpp
    bool hasRunUuidIndex(const QByteArray &table);
    std::optional<std::vector<qint64>> firstRunRowids(const QByteArray &where, int limit, qint64 *totalRuns);
    struct ValueTable
    {
        QByteArray name;
        QByteArray columns; // after run_uuid
        bool scanWholeTable;
        bool hasRunUuidIndex;
    };
    using StopFn = std::function<bool()>;
    // Reads one table of per-run values; safe to call from a second thread on its own connection.
    Error readValues(SqliteConnection &db, const RunTableBuilder &builder, const ValueTable &table,
                     const StopFn &shouldStop,
                     const std::function<void(SqliteStatement &, int row)> &addRow) const;

    QString m_path; // absolute
    SqliteConnection m_db; // read-only
    std::unique_ptr<SqliteConnection> m_writer; // read-write; null unless registry writes can go through
    Error m_writability;
    SchemaInfo m_schema;
    QString m_notice;
    quint64 m_device = 0; // of the file opened, to notice a replaced file
    quint64 m_inode = 0;
};

} // namespace Store
