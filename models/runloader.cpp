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

RunLoader::RunLoader(QObject *parent) : QObject(parent)
{
    // Experiments, runs, datasets, and a superseded load still winding down.
    m_pool.setMaxThreadCount(4);
}

RunLoader::~RunLoader()
{
    cancelRuns();
    m_pool.waitForDone();
}

void RunLoader::setLocation(const QString &location)
{
    cancelRuns();
    ++m_experimentsGeneration;
    ++m_datasetsGeneration;
    m_location = location;
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
    QtConcurrent::run(&m_pool, [location = m_location, view] {
        ExperimentsOutcome outcome;
        auto reader = Store::SqliteReader::open(location);
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
    }).then(this, [this, generation](const ExperimentsOutcome &outcome) {
        if (generation != m_experimentsGeneration)
            return;
        if (outcome.error.code != Store::Error::None) {
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
    const int generation = m_runsGeneration;
    auto cancel = std::make_shared<Store::CancelFlag>(false);
    m_runsCancel = cancel;
    setLoading(true);
    emit progressChanged(0, 0);

    // Called on the worker; `this` outlives every worker (the destructor waits for them).
    const auto deliverFirst = [this, generation](const Store::RunTable &runs) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, runs] {
                if (generation == m_runsGeneration)
                    emit firstRunsLoaded(runs);
            },
            Qt::QueuedConnection);
    };
    const Store::ProgressFn progress = [this, generation](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (generation == m_runsGeneration)
                    emit progressChanged(done, total);
            },
            Qt::QueuedConnection);
    };
    const int firstLimit = m_firstRowsLimit;
    QtConcurrent::run(&m_pool, [location = m_location, query, cancel, firstLimit, deliverFirst, progress] {
        RunsOutcome outcome;
        if (cancel->load()) {
            outcome.error = cancelledError();
            return outcome;
        }
        auto reader = Store::SqliteReader::open(location);
        if (!reader) {
            outcome.error = reader.error();
            return outcome;
        }
        if (firstLimit > 0 && (query.limit < 0 || query.limit > firstLimit)) {
            Store::RunQuery firstQuery = query;
            firstQuery.limit = firstLimit;
            auto first = (*reader)->runs(firstQuery, cancel.get());
            if (!first) {
                outcome.error = first.error();
                return outcome;
            }
            if (first->size() < firstLimit) { // that was every run
                outcome.runs = std::move(*first);
                return outcome;
            }
            deliverFirst(*first);
        }
        auto runs = (*reader)->runs(query, cancel.get(), progress);
        if (runs)
            outcome.runs = std::move(*runs);
        else
            outcome.error = runs.error();
        return outcome;
    }).then(this, [this, generation](const RunsOutcome &outcome) {
        if (generation != m_runsGeneration)
            return;
        m_runsCancel.reset();
        setLoading(false);
        if (outcome.error.code == Store::Error::Cancelled)
            return;
        if (outcome.error.code != Store::Error::None) {
            emit loadFailed(outcome.error);
            return;
        }
        emit runsLoaded(outcome.runs);
    });
}

void RunLoader::loadDatasets(const QString &runId)
{
    const int generation = ++m_datasetsGeneration;
    QtConcurrent::run(&m_pool, [location = m_location, runId] {
        DatasetsOutcome outcome;
        auto reader = Store::SqliteReader::open(location);
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
    }).then(this, [this, generation, runId](const DatasetsOutcome &outcome) {
        if (generation != m_datasetsGeneration)
            return;
        if (outcome.error.code != Store::Error::None)
            emit datasetsFailed(runId, outcome.error);
        else
            emit datasetsLoaded(runId, outcome.datasets);
    });
}
