#pragma once

#include "metricseries.h"
#include "registrytypes.h"
#include "runtable.h"
#include "storeerror.h"
#include "storetypes.h"

#include <functional>

namespace Store {

// An open MLflow store, whatever holds it: the interface every backend implements (SQLite
// and the mlruns/ file store today; database servers later) and the only one code outside
// models/store/ knows. Get one from openStore() or a StorePool.
//
// Calls are synchronous and may take long on a large store: make them on a worker thread. One
// thread at a time uses an instance (a pool hands it from thread to thread). Reads see a
// consistent snapshot per call, never half of a concurrent writer's change.
class MlflowStore
{
public:
    virtual ~MlflowStore() = default;

    // The store's normalised location (Location::normalized()): one name per store.
    virtual QString location() const = 0;
    // A non-fatal remark for the user, e.g. a schema newer than Kaizen knows; empty if none.
    virtual QString notice() const = 0;
    // True when the location no longer holds the store this instance reads (its file was
    // replaced or removed): a pool then opens it anew instead of reusing this instance.
    virtual bool isStale() const = 0;
    // Problems the last read skipped over (a malformed run, a metric line that does not parse),
    // one sentence each naming the run or folder; empty when there were none.
    virtual QStringList warnings() const { return {}; }

    virtual Result<ExperimentList> experiments(ViewType view = ViewType::ActiveOnly) = 0;
    // Runs in MLflow's default order: start time descending (none last), then run id.
    virtual Result<RunTable> runs(const RunQuery &query, const CancelFlag *cancel = nullptr,
                                  const ProgressFn &progress = {})
        = 0;
    // Every stored row of one metric of one run, ordered by step, timestamp, value.
    virtual Result<MetricHistory> metricHistory(const QString &runId, const QString &key) = 0;
    // Every stored row of `keys` (empty: every key) of `runIds`, as one MetricSeries per (run,
    // key), in the order of `keys` (empty: by key name), ordered like metricHistory() (NaN rows
    // order by their stored 0). Each run's series are handed to `deliver`, on the calling
    // thread, as soon as that run is read, so a caller can show the first runs early; a
    // requested key the run lacks is delivered empty. Unknown run ids fail with NoSuchRun
    // before anything is delivered; a set `cancel` stops between chunks (Cancelled).
    // `progress` counts runs.
    virtual Error readMetricSeries(const QStringList &runIds, const QStringList &keys,
                                   const std::function<void(MetricSeries &&)> &deliver,
                                   const CancelFlag *cancel = nullptr, const ProgressFn &progress = {})
        = 0;
    // Whether readReducedSeries() reduces in the store's server, which is worth it over a network:
    // false for local stores, whose rows are cheaper to read whole.
    virtual bool reducesOnServer() const { return false; }
    // Of each run of `runIds`, the rows of `key` that draw the same pixels in `columns` as every
    // row would (see PixelColumns), with their weights; an invalid `columns` asks for an overview
    // of each series' whole step range at about `OverviewColumns` columns, to draw until the chart
    // knows its columns. Series are handed to `deliver` run by run, in the order of `runIds`; a run
    // without rows of `key` is delivered empty. Unsupported unless reducesOnServer().
    static constexpr qint64 OverviewColumns = 4096;
    virtual Error readReducedSeries(const QStringList &runIds, const QString &key,
                                    const PixelColumns &columns,
                                    const std::function<void(MetricSeries &&)> &deliver,
                                    const CancelFlag *cancel = nullptr)
    {
        Q_UNUSED(runIds)
        Q_UNUSED(key)
        Q_UNUSED(columns)
        Q_UNUSED(deliver)
        Q_UNUSED(cancel)
        // A caller's mistake, not the user's: callers ask reducesOnServer() first.
        return Error::make(Error::Unsupported, QStringLiteral("This store does not reduce series."));
    }

    // Live updates. A token that differs from the one returned before whenever the store may
    // have changed since (SQLite: PRAGMA data_version, which counts other connections' commits;
    // file store: the state of the folders and files a writer touches). Cheap enough to call
    // every poll interval on a connection kept for the purpose.
    virtual Result<QByteArray> changeToken() = 0;
    // The rows of (runId, key) stored after `after` (a tail of an earlier read), in the series'
    // order, with the new tail; `rewritten` set (and no rows) when the series changed other than
    // by appending (rows before the tail were added or removed): read it whole again.
    struct MetricAppend
    {
        MetricSeries rows;
        bool rewritten = false;

        // No rows of (runId, key), the tail left to the backend.
        static MetricAppend none(const QString &runId, const QString &key, bool rewritten = false)
        {
            MetricAppend append;
            append.rows.runId = runId;
            append.rows.key = key;
            append.rewritten = rewritten;
            return append;
        }
    };
    virtual Result<MetricAppend> readMetricAppend(const QString &runId, const QString &key,
                                                  const SeriesTail &after)
        = 0;

    // The datasets a run used (MLflow >= 2.4), by name.
    virtual Result<DatasetInputList> datasets(const QString &runId) = 0;
    // The run's artifact_uri as MLflow recorded it (resolving it is the artifacts code's job).
    virtual Result<QString> artifactUri(const QString &runId) = 0;

    // The model registry (MLflow >= 1.4); a store without its tables fails with NoRegistry.
    // Registered models by name, with their latest version per stage and their aliases.
    virtual Result<RegisteredModelList> registeredModels() = 0;
    // The model's versions, version ascending; NoSuchModel. ActiveOnly: the live ones. DeletedOnly:
    // the soft-deleted ones (stage Deleted_Internal), which MLflow keeps so that a version number
    // is never given twice (a SQL store has redacted their source, run and link). All: both.
    virtual Result<ModelVersionList> modelVersions(const QString &model, ViewType view = ViewType::ActiveOnly)
        = 0;
    // The live versions of every model registered from `runId`, by model name and version.
    virtual Result<ModelVersionList> modelVersionsOfRun(const QString &runId) = 0;

    // Whether registry writes can go through: ok, or why not (ReadOnly: opened read-only, the
    // file or its folder cannot be written, a schema newer than Kaizen knows; NoRegistry).
    virtual Error registryWritability() = 0;
    // Applies `change` in one transaction (see RegistryChange), or writes nothing and says why:
    // ReadOnly, NoRegistry, NoSuchModel, NoSuchVersion, Conflict, Refused, Locked (still busy
    // after retrying for the busy timeout).
    virtual Result<RegistryWrite> applyRegistryChange(const RegistryChange &change) = 0;
};

} // namespace Store
