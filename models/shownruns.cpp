#include "shownruns.h"

#include "refreshscheduler.h"
#include "runloader.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

ShownRuns::ShownRuns(OpenStores *stores, QObject *parent)
    : QObject(parent), m_stores(stores), m_scheduler(new RefreshScheduler(this))
{
    connect(stores, &OpenStores::loaderAdded, this, &ShownRuns::connectLoader);
    for (const QString &location : stores->locations())
        connectLoader(location, stores->loader(location));
    connect(m_scheduler, &RefreshScheduler::due, this, [this](const QString &location) {
        // Not while the view's own load runs: it reads the store anyway.
        if (!contains(location) || isLoading() || !m_complete.contains(location)) {
            m_scheduler->finished(location);
            return;
        }
        m_refreshing.insert(location);
        emit refreshDue(location);
    });
}

ShownRuns::~ShownRuns() = default; // a merge in flight finishes on its own; its watcher is a child

QStringList ShownRuns::locations() const
{
    QStringList locations;
    for (const StoreExperiments &store : m_chosen)
        locations.append(store.location);
    return locations;
}

bool ShownRuns::contains(const QString &location) const
{
    return std::any_of(m_chosen.cbegin(), m_chosen.cend(),
                       [&](const StoreExperiments &store) { return store.location == location; });
}

int ShownRuns::experimentCount() const
{
    int count = 0;
    for (const StoreExperiments &store : m_chosen)
        count += int(store.experimentIds.size());
    return count;
}

bool ShownRuns::isLoading() const
{
    if (m_merging)
        return true;
    return std::any_of(m_chosen.cbegin(), m_chosen.cend(), [this](const StoreExperiments &store) {
        const RunLoader *loader = m_stores->loader(store.location);
        return loader && loader->isLoading() && !m_refreshing.contains(store.location);
    });
}

// Every store has a loader; what it reads counts while its store's experiments are chosen.
void ShownRuns::connectLoader(const QString &location, RunLoader *loader)
{
    connect(loader, &RunLoader::loadFailed, this, [this, location](const Store::Error &error) {
        if (!contains(location))
            return;
        if (m_refreshing.remove(location)) {
            // A live update that failed (the writer held the lock): the next change tries again.
            m_scheduler->finished(location);
            return;
        }
        emit loadFailed(location, error);
    });
    connect(loader, &RunLoader::firstRunsLoaded, this, [this, location](const Store::RunTable &runs) {
        if (contains(location) && m_showFirstRows)
            onRunsLoaded(location, runs, false);
    });
    connect(loader, &RunLoader::runsLoaded, this, [this, location](const Store::RunTable &runs) {
        if (contains(location))
            onRunsLoaded(location, runs, true);
    });
    connect(loader, &RunLoader::progressChanged, this, [this, location](qint64 done, qint64 total) {
        if (contains(location) && !m_refreshing.contains(location))
            emit progressChanged(done, total);
    });
    connect(loader, &RunLoader::loadingChanged, this, [this, location] {
        if (contains(location))
            emit loadingChanged(isLoading());
    });
}

void ShownRuns::show(const QList<StoreExperiments> &chosen, Store::ViewType view)
{
    const QList<StoreExperiments> before = std::exchange(m_chosen, chosen);
    m_view = view;
    ++m_mergeGeneration;
    m_merging = false;
    m_refreshing.clear();
    m_scheduler->forgetAll();
    m_showFirstRows = true;
    m_delivered = false;
    QHash<QString, Store::RunTable> kept;
    for (const StoreExperiments &store : chosen) {
        if (before.contains(store) && m_complete.contains(store.location))
            kept.insert(store.location, m_tables.value(store.location));
    }
    for (const StoreExperiments &store : before) {
        RunLoader *loader = m_stores->loader(store.location);
        if (loader && !kept.contains(store.location))
            loader->cancel();
    }
    m_tables = kept;
    m_complete = QSet<QString>(kept.keyBegin(), kept.keyEnd());
    if (!std::ranges::equal(before, chosen, {}, &StoreExperiments::location, &StoreExperiments::location))
        emit locationsChanged(locations());
    for (const StoreExperiments &store : chosen) {
        if (!kept.contains(store.location))
            load(store.location);
    }
    if (!chosen.isEmpty() && kept.size() == chosen.size())
        deliver(false);
    emit loadingChanged(isLoading());
}

void ShownRuns::load(const QString &location)
{
    RunLoader *loader = m_stores->loader(location);
    const auto store = std::find_if(m_chosen.cbegin(), m_chosen.cend(), [&](const StoreExperiments &chosen) {
        return chosen.location == location;
    });
    if (!loader || store == m_chosen.cend())
        return;
    Store::RunQuery query;
    query.experimentIds = store->experimentIds; // one query: MLflow's order across the experiments
    query.view = m_view;
    loader->loadRuns(query);
}

void ShownRuns::readAgain(const QString &location, Store::ViewType view)
{
    if (!contains(location))
        return;
    m_view = view;
    if (!m_refreshing.contains(location)) {
        m_complete.remove(location);
        m_showFirstRows = !m_delivered;
    }
    load(location);
}

void ShownRuns::refresh(const QString &location)
{
    if (contains(location))
        m_scheduler->request(location);
}

void ShownRuns::cancel()
{
    for (const StoreExperiments &store : std::as_const(m_chosen)) {
        if (RunLoader *loader = m_stores->loader(store.location); loader && loader->isLoading())
            loader->cancel();
    }
}

void ShownRuns::onRunsLoaded(const QString &location, const Store::RunTable &runs, bool complete)
{
    const bool quiet = complete && m_refreshing.remove(location);
    m_tables.insert(location, runs);
    if (complete)
        m_complete.insert(location);
    deliver(quiet);
    if (quiet)
        m_scheduler->finished(location); // the merge of several stores' runs is not counted
}

void ShownRuns::deliver(bool quiet)
{
    const bool complete
        = std::all_of(m_chosen.cbegin(), m_chosen.cend(),
                      [this](const StoreExperiments &store) { return m_complete.contains(store.location); });
    if (!complete && !m_showFirstRows)
        return;
    QList<StoreRuns> stores;
    for (const StoreExperiments &store : std::as_const(m_chosen))
        stores.append({store.location, m_tables.value(store.location)});
    const quint64 generation = ++m_mergeGeneration;
    const auto ready = [this, complete, quiet](const MergedRuns &merged) {
        m_delivered = true;
        emit runsReady(merged, complete, quiet);
    };
    if (stores.size() == 1) { // nothing to copy
        m_merging = false;
        ready(mergeRuns(stores));
        return;
    }
    m_merging = !quiet;
    auto *watcher = new QFutureWatcher<MergedRuns>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, ready] {
        watcher->deleteLater();
        if (generation != m_mergeGeneration)
            return;
        const bool wasLoading = std::exchange(m_merging, false);
        ready(watcher->result());
        if (wasLoading)
            emit loadingChanged(isLoading());
    });
    watcher->setFuture(QtConcurrent::run([stores] { return mergeRuns(stores); }));
}
