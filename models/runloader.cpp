#include "runloader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

struct ExperimentsOutcome
{
    Store::ExperimentList experiments;
    QString notice;
    Store::Error error;
};

struct RunsOutcome
{
    Store::RunTable runs;
    Store::Error error;
};

struct DatasetsOutcome
{
    Store::DatasetInputList datasets;
    Store::Error error;
};

Store::Error cancelledError()
{
    return Store::Error::make(Store::Error::Cancelled, RunLoader::tr("Cancelled."));
}

} // namespace

// Runs `work` on the pool and hands its result to `deliver` on this object's thread, always
// through the event loop: never from inside the call that started the work, however fast it
// is. `this` outlives the worker (the destructor waits), and a posted delivery dies with it.
template<typename Work, typename Deliver> void RunLoader::runTask(Work work, Deliver deliver)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, work, deliver] {
        const auto result = work();
        QMetaObject::invokeMethod(
            this, [deliver, result] { deliver(result); }, Qt::QueuedConnection);
    }));
}

RunLoader::RunLoader(QObject *parent) : QObject(parent), m_stores(Store::StorePool::shared(m_location))
{
    // Experiments, runs, datasets, and a superseded load still winding down.
    m_pool.setMaxThreadCount(4);
}

RunLoader::~RunLoader()
{
    cancelRuns();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

void RunLoader::setLocation(const QString &location)
{
    cancelRuns();
    ++m_experimentsGeneration;
    ++m_datasetsGeneration;
    m_location = location;
    m_stores = Store::StorePool::shared(location);
    setLoading(false);
}

void RunLoader::setLoading(bool loading)
{
    if (loading == m_isLoading)
        return;
    m_isLoading = loading;
    emit loadingChanged(loading);
}

void RunLoader::cancelRuns()
{
    if (m_runsCancel)
        m_runsCancel->store(true);
    m_runsCancel.reset();
    ++m_runsGeneration;
}

void RunLoader::cancel()
{
    cancelRuns();
    setLoading(false);
}

void RunLoader::loadExperiments(Store::ViewType view)
{
    const int generation = ++m_experimentsGeneration;
    runTask(
        [stores = m_stores, view] {
            ExperimentsOutcome outcome;
            auto reader = stores->acquire();
            if (!reader) {
                outcome.error = reader.error();
                return outcome;
            }
            outcome.notice = (*reader)->notice();
            auto experiments = (*reader)->experiments(view);
            if (experiments)
                outcome.experiments = std::move(*experiments);
            else
                outcome.error = experiments.error();
            return outcome;
        },
        [this, generation](const ExperimentsOutcome &outcome) {
            if (generation != m_experimentsGeneration)
                return;
            if (!outcome.error.ok()) {
                emit loadFailed(outcome.error);
                return;
            }
            emit noticeChanged(outcome.notice);
            emit experimentsLoaded(outcome.experiments);
        });
}

void RunLoader::loadRuns(const Store::RunQuery &query)
{
    cancelRuns();
    m_runsCancel = std::make_shared<Store::CancelFlag>(false);
    setLoading(true);
    emit progressChanged(0, 0);
    const bool firstRowsFirst = m_firstRowsLimit > 0 && (query.limit < 0 || query.limit > m_firstRowsLimit);
    readRuns(query, firstRowsFirst ? m_firstRowsLimit : -1);
}

// One stage of a runs load: the first `firstRowsLimit` rows (> 0), or all of them. The full
// read starts only once the first rows have reached the GUI thread, so they are on screen
// while the rest is read.
void RunLoader::readRuns(const Store::RunQuery &query, int firstRowsLimit)
{
    const int generation = m_runsGeneration;
    const std::shared_ptr<Store::CancelFlag> cancel = m_runsCancel;
    // Called on the worker; `this` outlives every worker (the destructor waits for them).
    Store::ProgressFn progress;
    if (firstRowsLimit < 0) {
        progress = [this, generation](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, done, total] {
                    if (generation == m_runsGeneration)
                        emit progressChanged(done, total);
                },
                Qt::QueuedConnection);
        };
    }
    Store::RunQuery stageQuery = query;
    if (firstRowsLimit > 0)
        stageQuery.limit = firstRowsLimit;
    runTask(
        [stores = m_stores, stageQuery, cancel, progress] {
            RunsOutcome outcome;
            if (cancel->load()) {
                outcome.error = cancelledError();
                return outcome;
            }
            auto reader = stores->acquire();
            if (!reader) {
                outcome.error = reader.error();
                return outcome;
            }
            auto runs = (*reader)->runs(stageQuery, cancel.get(), progress);
            if (runs)
                outcome.runs = std::move(*runs);
            else
                outcome.error = runs.error();
            return outcome;
        },
        [this, generation, query, firstRowsLimit](const RunsOutcome &outcome) {
            if (generation != m_runsGeneration)
                return;
            const bool isPartial = firstRowsLimit > 0 && outcome.runs.size() >= firstRowsLimit;
            if (outcome.error.ok() && isPartial) {
                emit firstRunsLoaded(outcome.runs);
                if (generation == m_runsGeneration) // a slot may have started another load
                    readRuns(query, -1);
                return;
            }
            m_runsCancel.reset();
            setLoading(false);
            if (outcome.error.code == Store::Error::Cancelled)
                return;
            if (!outcome.error.ok()) {
                emit loadFailed(outcome.error);
                return;
            }
            emit runsLoaded(outcome.runs); // fewer runs than the first-rows limit: that was all
        });
}

void RunLoader::loadDatasets(const QString &runId)
{
    const int generation = ++m_datasetsGeneration;
    runTask(
        [stores = m_stores, runId] {
            DatasetsOutcome outcome;
            auto reader = stores->acquire();
            if (!reader) {
                outcome.error = reader.error();
                return outcome;
            }
            auto datasets = (*reader)->datasets(runId);
            if (datasets)
                outcome.datasets = std::move(*datasets);
            else
                outcome.error = datasets.error();
            return outcome;
        },
        [this, generation, runId](const DatasetsOutcome &outcome) {
            if (generation != m_datasetsGeneration)
                return;
            if (!outcome.error.ok())
                emit datasetsFailed(runId, outcome.error);
            else
                emit datasetsLoaded(runId, outcome.datasets);
        });
}
