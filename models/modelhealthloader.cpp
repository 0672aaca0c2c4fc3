#include "modelhealthloader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

struct Outcome
{
    ModelHealthData data;
    Store::Error error;
};

} // namespace

ModelHealthLoader::ModelHealthLoader(QObject *parent)
    : QObject(parent), m_stores(Store::StorePool::shared(m_location))
{
    // The load in flight and a superseded one winding down.
    m_pool.setMaxThreadCount(2);
}

ModelHealthLoader::~ModelHealthLoader()
{
    cancel();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

void ModelHealthLoader::setLocation(const QString &location)
{
    cancel();
    m_location = location;
    m_stores = Store::StorePool::shared(location);
}

void ModelHealthLoader::setLoading(bool loading)
{
    if (loading == m_isLoading)
        return;
    m_isLoading = loading;
    emit loadingChanged(loading);
}

void ModelHealthLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    setLoading(false);
}

void ModelHealthLoader::load(const QString &model, const Store::ModelVersionList &versions)
{
    cancel();
    const int generation = m_generation;
    m_cancel = std::make_shared<Store::CancelFlag>(false);
    setLoading(true);
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    // `this` outlives the worker (the destructor waits), and a posted delivery dies with it.
    m_tasks.append(
        QtConcurrent::run(&m_pool, [this, stores = m_stores, cancel = m_cancel, model, versions, generation] {
            Outcome outcome;
            auto reader = stores->acquire();
            if (!reader) {
                outcome.error = reader.error();
            } else {
                auto runs = (*reader)->runs(Store::RunQuery(), cancel.get());
                if (runs) {
                    ModelHealthData &data = outcome.data;
                    data.model = model;
                    data.runs = std::move(*runs);
                    data.linked = ModelHealth::linkedRuns(data.runs, model, versions, &data.missingRunIds);
                    data.metricKeys = ModelHealth::metricKeys(data.runs, data.linked);
                } else {
                    outcome.error = runs.error();
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, generation, outcome = std::move(outcome)] {
                    if (generation != m_generation)
                        return;
                    m_cancel.reset();
                    setLoading(false);
                    if (outcome.error.code == Store::Error::Cancelled)
                        return;
                    if (!outcome.error.ok())
                        emit loadFailed(outcome.error);
                    else
                        emit loaded(outcome.data);
                },
                Qt::QueuedConnection);
        }));
}
