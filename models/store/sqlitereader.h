#pragma once

#include "metricseries.h"
#include "runtable.h"
#include "schemainfo.h"
#include "sqlitehandle.h"
#include "storeerror.h"
#include "storetypes.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Store {

// Which runs to read.
struct RunQuery
{
    QStringList experimentIds; // empty: every experiment
    ViewType view = ViewType::ActiveOnly;
    int limit = -1; // >= 0: only the first `limit` runs in MLflow's default order
};

// Reads an MLflow SQLite tracking store, opened read-only: never a journal, never a changed
// byte. Synchronous; use one instance per thread.
class SqliteReader
{
public:
    static constexpr int DefaultBusyTimeoutMs = 5000;

    // `location` is a file path or a `sqlite:///path` URI.
    static Result<std::unique_ptr<SqliteReader>> open(const QString &location,
                                                      int busyTimeoutMs = DefaultBusyTimeoutMs);
    // The file path of a location, or an empty string if it is not a SQLite location.
    static QString pathOf(const QString &location);

    QString path() const { return m_path; }
    const SchemaInfo &schema() const { return m_schema; }
    // A non-fatal remark for the user, e.g. a schema newer than Kaizen knows.
    QString notice() const { return m_notice; }

    Result<ExperimentList> experiments(ViewType view = ViewType::ActiveOnly);
    // Runs in MLflow's default order: start time descending, then run id.
    Result<RunTable> runs(const RunQuery &query, const CancelFlag *cancel = nullptr,
                          const ProgressFn &progress = {});
    // Every stored row of one metric of one run, ordered by step, timestamp, value.
    Result<MetricHistory> metricHistory(const QString &runId, const QString &key);
    // Every stored row of `keys` (empty: every key) of `runIds`, as one MetricSeries per (run,
    // key), in the order of `keys` (empty: by key name), ordered like metricHistory() (NaN rows
    // order by their stored 0). A run's keys are read in one pass over the run_uuid index and
    // handed to `deliver`, on this thread, as soon as that run is read, so a caller can show the
    // first runs early; a requested key the run lacks is delivered empty. Unknown run ids fail
    // with NoSuchRun before anything is delivered; a set `cancel` stops between chunks
    // (Cancelled). `progress` counts runs.
    Error readMetricSeries(const QStringList &runIds, const QStringList &keys,
                           const std::function<void(MetricSeries &&)> &deliver,
                           const CancelFlag *cancel = nullptr, const ProgressFn &progress = {});
    Result<DatasetInputList> datasets(const QString &runId);

private:
    SqliteReader() = default;
    Error introspect();
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

    QString m_path;
    SqliteConnection m_db;
    SchemaInfo m_schema;
    QString m_notice;
    std::vector<std::string> m_runIds; // ids of the runs being read, by row
};

} // namespace Store
