#include "metricseriesloader.h"

#include "storepool.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>

namespace {

// Fixed cost of a cache entry besides its arrays: the series object, ids, hash and list nodes.
constexpr qint64 EntryOverhead = 256;

} // namespace

// The runs one load reads; the reading tasks take them in turn.
struct MetricSeriesLoader::Job
{
    std::shared_ptr<Store::StorePool> stores;
    QList<RunRequest> runs;
    std::atomic<qsizetype> next {0};
    std::shared_ptr<Store::CancelFlag> cancel;
    int generation = 0;
    int locationGeneration = 0;
};

MetricSeriesLoader::MetricSeriesLoader(QObject *parent)
    : QObject(parent), m_stores(Store::StorePool::shared(m_location))
{
    // The readers of the current load, and those of a superseded load winding down.
    m_pool.setMaxThreadCount(2 * ReadThreads);
}

MetricSeriesLoader::~MetricSeriesLoader()
{
    cancelCurrent();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

bool MetricSeriesLoader::isBusy() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                       [](const QFuture<void> &task) { return !task.isFinished(); });
}

void MetricSeriesLoader::setLocation(const QString &location)
{
    cancelCurrent();
    ++m_locationGeneration;
    m_location = location;
    m_stores = Store::StorePool::shared(location);
    clearCache();
    setLoading(false);
}

void MetricSeriesLoader::setLoading(bool loading)
{
    if (loading == m_isLoading)
        return;
    m_isLoading = loading;
    emit loadingChanged(loading);
}

void MetricSeriesLoader::cancelCurrent()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
}

void MetricSeriesLoader::cancel()
{
    cancelCurrent();
    setLoading(false);
}

void MetricSeriesLoader::load(const QStringList &runIds, const QStringList &keys)
{
    cancelCurrent();
    const int generation = m_generation;
    m_cancel = std::make_shared<Store::CancelFlag>(false);
    setLoading(true);

    QStringList runs;
    for (const QString &id : runIds) {
        if (!runs.contains(id))
            runs.append(id);
    }
    QStringList wantedKeys;
    for (const QString &key : keys) {
        if (!wantedKeys.contains(key))
            wantedKeys.append(key);
    }

    // What the cache holds is delivered first; the rest is read.
    Store::MetricSeriesList hits;
    auto job = std::make_shared<Job>();
    for (const QString &runId : std::as_const(runs)) {
        RunRequest request {runId, {}};
        if (!wantedKeys.isEmpty()) { // "every key" cannot be answered from the cache
            for (const QString &key : std::as_const(wantedKeys)) {
                if (Store::MetricSeriesPtr series = takeFromCache(runId, key))
                    hits.append(series);
                else
                    request.keys.append(key);
            }
            if (request.keys.isEmpty())
                continue;
        }
        job->runs.append(std::move(request));
    }
    m_runsTotal = runs.size();
    m_runsDone = m_runsTotal - job->runs.size();

    QMetaObject::invokeMethod(
        this,
        [this, generation, hits] {
            if (generation != m_generation)
                return;
            for (const Store::MetricSeriesPtr &series : hits) {
                if (!series->isEmpty())
                    emit seriesLoaded(series);
                if (generation != m_generation) // a slot started another load
                    return;
            }
            emit progressChanged(m_runsDone, m_runsTotal);
            if (generation == m_generation && m_runsDone == m_runsTotal)
                finishLoad();
        },
        Qt::QueuedConnection);

    if (job->runs.isEmpty())
        return;
    job->stores = m_stores;
    job->cancel = m_cancel;
    job->generation = generation;
    job->locationGeneration = m_locationGeneration;
    startReading(job);
}

// Starts up to ReadThreads tasks that each borrow a connection and take runs from the job
// until none is left. Results travel to this object's thread as queued calls; `this` outlives
// every task (the destructor waits), and a queued call dies with it.
void MetricSeriesLoader::startReading(std::shared_ptr<Job> job)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    const int threads = int(std::min<qsizetype>(ReadThreads, job->runs.size()));
    for (int t = 0; t < threads; ++t) {
        m_tasks.append(QtConcurrent::run(&m_pool, [this, job] {
            const int generation = job->generation;
            const int locationGeneration = job->locationGeneration;
            const auto report = [this, generation](const Store::Error &error) {
                QMetaObject::invokeMethod(
                    this, [this, generation, error] { runRead(generation, error); }, Qt::QueuedConnection);
            };
            if (job->cancel->load())
                return;
            auto reader = job->stores->acquire();
            if (!reader) {
                report(reader.error());
                return;
            }
            const auto deliver = [this, generation, locationGeneration](Store::MetricSeries &&series) {
                auto shared = std::make_shared<const Store::MetricSeries>(std::move(series));
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, locationGeneration, shared] {
                        seriesRead(generation, locationGeneration, shared);
                    },
                    Qt::QueuedConnection);
            };
            for (;;) {
                const qsizetype index = job->next.fetch_add(1);
                if (index >= job->runs.size() || job->cancel->load())
                    return;
                const RunRequest &request = job->runs[index];
                const Store::Error error
                    = (*reader)->readMetricSeries({request.runId}, request.keys, deliver, job->cancel.get());
                report(error);
                if (!error.ok())
                    return;
            }
        }));
    }
}

void MetricSeriesLoader::seriesRead(int generation, int locationGeneration,
                                    const Store::MetricSeriesPtr &series)
{
    // A superseded load of the same store still read valid rows: keep them for the next time.
    if (locationGeneration == m_locationGeneration)
        insertIntoCache(series);
    if (generation == m_generation && !series->isEmpty())
        emit seriesLoaded(series);
}

void MetricSeriesLoader::runRead(int generation, const Store::Error &error)
{
    if (generation != m_generation || error.code == Store::Error::Cancelled)
        return;
    if (!error.ok()) {
        cancelCurrent();
        setLoading(false);
        emit loadFailed(error);
        return;
    }
    ++m_runsDone;
    emit progressChanged(m_runsDone, m_runsTotal);
    if (generation == m_generation && m_runsDone == m_runsTotal)
        finishLoad();
}

void MetricSeriesLoader::finishLoad()
{
    m_cancel.reset();
    ++m_generation; // nothing of this load is still to come
    setLoading(false);
    emit loadFinished();
}

Store::MetricSeriesPtr MetricSeriesLoader::cachedSeries(const QString &runId, const QString &key) const
{
    const auto it = m_cache.constFind(CacheKey(runId, key));
    return it == m_cache.cend() ? Store::MetricSeriesPtr() : it->series;
}

Store::MetricSeriesPtr MetricSeriesLoader::takeFromCache(const QString &runId, const QString &key)
{
    const auto it = m_cache.find(CacheKey(runId, key));
    if (it == m_cache.end())
        return {};
    m_uses.splice(m_uses.end(), m_uses, it->use);
    return it->series;
}

void MetricSeriesLoader::insertIntoCache(const Store::MetricSeriesPtr &series)
{
    const CacheKey key(series->runId, series->key);
    if (const auto old = m_cache.find(key); old != m_cache.end()) {
        m_cacheBytes -= old->bytes;
        m_uses.erase(old->use);
        m_cache.erase(old);
    }
    m_uses.push_back(key);
    CacheEntry entry {series, series->memoryFootprint() + EntryOverhead, std::prev(m_uses.end())};
    m_cacheBytes += entry.bytes;
    m_cache.insert(key, entry);
    trimCache();
}

// Drops the least recently used series until the cache fits its budget; the newest stays.
void MetricSeriesLoader::trimCache()
{
    while (m_cacheBytes > m_cacheBudget && m_uses.size() > 1) {
        const auto it = m_cache.find(m_uses.front());
        m_cacheBytes -= it->bytes;
        m_cache.erase(it);
        m_uses.pop_front();
    }
}

void MetricSeriesLoader::setCacheBudget(qint64 bytes)
{
    m_cacheBudget = bytes;
    trimCache();
}

void MetricSeriesLoader::clearCache()
{
    m_cache.clear();
    m_uses.clear();
    m_cacheBytes = 0;
}
