#pragma once

#include "mlflowstore.h"
#include "pgconnection.h"
#include "schemainfo.h"
#include "sqlsession.h"

#include <memory>

namespace Store {

// The PostgreSQL backend: reads an MLflow tracking store that MLflow keeps in a PostgreSQL
// database (its SQLAlchemy store), over libpq. The session is read-only
// (default_transaction_read_only) and every read runs in one REPEATABLE READ transaction, so a
// call sees one snapshot while MLflow writes. The schema is found in the catalogue, as for
// SQLite. Opened writable, registry changes run in READ WRITE transactions of their own.
class PostgresStore final : public MlflowStore
{
public:
    // Connects to `uri` (with the password the user gave, if any; else `password`, if not
    // empty); `location` is its normalised form, without the password, which names the store.
    // Fails within about `connectTimeoutSeconds` when the server does not answer, with
    // NeedsPassword when the server wants a password it was not given or refused the one given.
    static Result<std::unique_ptr<PostgresStore>> open(const QString &uri, const QString &location,
                                                       int busyTimeoutMs, bool writable,
                                                       int connectTimeoutSeconds = 5,
                                                       const QString &password = {});

    QString location() const override { return m_location; }
    QString notice() const override { return m_notice; }
    // The connection was lost: a pool then connects anew.
    bool isStale() const override { return m_db.isBroken(); }
    const SchemaInfo &schema() const { return m_schema; }

    Result<ExperimentList> experiments(ViewType view) override;
    // pgruns.cpp
    Result<RunTable> runs(const RunQuery &query, const CancelFlag *cancel,
                          const ProgressFn &progress) override;
    // pgmetrics.cpp
    Result<MetricHistory> metricHistory(const QString &runId, const QString &key) override;
    Error readMetricSeries(const QStringList &runIds, const QStringList &keys,
                           const std::function<void(MetricSeries &&)> &deliver, const CancelFlag *cancel,
                           const ProgressFn &progress) override;
    // The rows that order after the tail, read through the (run_uuid, key, step) index; a series
    // that holds other than tail.rows rows up to the tail was rewritten. The metrics table has no
    // row ids to go by, as SQLite's has.
    Result<MetricAppend> readMetricAppend(const QString &runId, const QString &key,
                                          const SeriesTail &after) override;
    // The server's WAL position (see pgstore.cpp).
    Result<QByteArray> changeToken() override;
    Result<DatasetInputList> datasets(const QString &runId) override;
    Result<QString> artifactUri(const QString &runId) override;

    // pgregistry.cpp
    Result<RegisteredModelList> registeredModels() override;
    Result<ModelVersionList> modelVersions(const QString &model, ViewType view) override;
    Result<ModelVersionList> modelVersionsOfRun(const QString &runId) override;
    Error registryWritability() override { return m_writability; }
    Result<RegistryWrite> applyRegistryChange(const RegistryChange &change) override;

    bool reducesOnServer() const override { return true; }
    Error readReducedSeries(const QStringList &runIds, const QString &key, const PixelColumns &columns,
                            const std::function<void(MetricSeries &&)> &deliver,
                            const CancelFlag *cancel = nullptr) override;

private:
    PostgresStore() = default;
    // pgreduce.cpp: one run's reduction, in the caller's snapshot.
    Result<MetricSeries> reduceOne(const QString &runId, const QString &key, PixelColumns columns);
    Error introspect();
    Error noSuchRun(const QString &runId) const;
    // NoSuchRun for the first of `runIds` the runs table lacks.
    Error checkRunsExist(const QStringList &runIds);
    // pgregistry.cpp: decides m_writability.
    void checkWritable(bool writable);
    Error noRegistry() const;
    // `read` in one snapshot of a store that has the registry (else NoRegistry).
    template<typename T> Result<T> readRegistry(const std::function<Result<T>(SqlSession &)> &read);

    QString m_location;
    PgConnection m_db;
    SchemaInfo m_schema;
    QString m_notice;
    Error m_writability;
    int m_busyTimeoutMs = 0;
};

} // namespace Store
