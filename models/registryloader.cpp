#include "registryloader.h"

#include "storelocation.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace {

template<typename T> struct Outcome
{
    T value {};
    Store::Error error;
};

// Runs `read` on a connection of `stores` and keeps its value or the error (of the read, or of
// opening the store).
template<typename T, typename Read> Outcome<T> readWith(Store::StorePool &stores, Read read)
{
    Outcome<T> outcome;
    auto reader = stores.acquire();
    if (!reader) {
        outcome.error = reader.error();
        return outcome;
    }
    auto result = read(**reader);
    if (result)
        outcome.value = std::move(result).value();
    else
        outcome.error = result.error();
    return outcome;
}

} // namespace

// Runs `work` on the pool and hands its result to `deliver` on this object's thread, always
// through the event loop. `this` outlives the worker (the destructor waits), and a posted
// delivery dies with it.
template<typename Work, typename Deliver> void RegistryLoader::runTask(Work work, Deliver deliver)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    // Loading is counted by deliveries on this thread, not by the workers: a worker's future
    // may still be running when its result has already been handled.
    if (m_undelivered++ == 0)
        emit loadingChanged(true);
    m_tasks.append(QtConcurrent::run(&m_pool, [this, work, deliver] {
        auto result = work();
        QMetaObject::invokeMethod(
            this,
            [this, deliver, result = std::move(result)] {
                --m_undelivered;
                deliver(result);
                if (m_undelivered == 0)
                    emit loadingChanged(false);
            },
            Qt::QueuedConnection);
    }));
}

RegistryLoader::RegistryLoader(QObject *parent) : QObject(parent)
{
    // Models, versions and a run's versions at once.
    m_pool.setMaxThreadCount(3);
}

RegistryLoader::~RegistryLoader()
{
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

bool RegistryLoader::isBusy() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                       [](const QFuture<void> &task) { return !task.isFinished(); });
}

std::shared_ptr<Store::StorePool> RegistryLoader::poolFor(const QString &location)
{
    if (!m_stores || m_stores->location() != Store::Location::normalize(location))
        m_stores = Store::StorePool::shared(location);
    return m_stores;
}

void RegistryLoader::cancel()
{
    ++m_modelsGeneration;
    ++m_versionsGeneration;
    ++m_runVersionsGeneration;
}

void RegistryLoader::loadModels(const QString &location)
{
    const int generation = ++m_modelsGeneration;
    runTask(
        [stores = poolFor(location)] {
            return readWith<Store::RegisteredModelList>(
                *stores, [](Store::MlflowStore &store) { return store.registeredModels(); });
        },
        [this, generation, location](const Outcome<Store::RegisteredModelList> &outcome) {
            if (generation != m_modelsGeneration)
                return;
            if (outcome.error.ok())
                emit modelsLoaded(location, outcome.value);
            else
                emit modelsFailed(location, outcome.error);
        });
}

void RegistryLoader::loadVersions(const QString &location, const QString &model)
{
    const int generation = ++m_versionsGeneration;
    runTask(
        [stores = poolFor(location), model] {
            return readWith<Store::ModelVersionList>(
                *stores, [&model](Store::MlflowStore &store) { return store.modelVersions(model); });
        },
        [this, generation, model](const Outcome<Store::ModelVersionList> &outcome) {
            if (generation != m_versionsGeneration)
                return;
            if (outcome.error.ok())
                emit versionsLoaded(model, outcome.value);
            else
                emit versionsFailed(model, outcome.error);
        });
}

void RegistryLoader::loadVersionsOfRun(const QString &location, const QString &runId)
{
    const int generation = ++m_runVersionsGeneration;
    runTask(
        [stores = poolFor(location), runId] {
            return readWith<Store::ModelVersionList>(
                *stores, [&runId](Store::MlflowStore &store) { return store.modelVersionsOfRun(runId); });
        },
        [this, generation, runId](const Outcome<Store::ModelVersionList> &outcome) {
            if (generation != m_runVersionsGeneration)
                return;
            if (outcome.error.ok())
                emit runVersionsLoaded(runId, outcome.value);
            else
                emit runVersionsFailed(runId, outcome.error);
        });
}
