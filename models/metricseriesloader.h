#pragma once

#include "metricseries.h"
#include "storeerror.h"
#include "storepool.h"
#include "storetypes.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <list>
#include <memory>
#include <utility>

// Reads metric histories (Store::MetricSeries) of one store on worker threads and hands them to
// the GUI thread, one signal per (run, key) as soon as its run is read, so the first curves show
// while the rest loads. Several runs are read on two threads, each on a connection borrowed from
// the store's StorePool.
//
// A newer load() supersedes the older one: that is cancelled and what it still delivers is
// dropped (its series still go into the cache). Loaded series stay resident in an LRU cache of
// cacheBudget() bytes, so selecting runs again delivers them without reading, still through the
// event loop: nothing is ever emitted from inside load().
class MetricSeriesLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultCacheBudget = qint64(4) << 30; // 4 GiB
    static constexpr int ReadThreads = 2;

    explicit MetricSeriesLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the workers to stop.
    ~MetricSeriesLoader() override;

    // Any store location (Store::Location). Cancels the load in flight and empties the cache.
    void setLocation(const QString &location);
    QString location() const { return m_location; }

    // Every stored row of `keys` (empty: every key) of `runIds`. Emits seriesLoaded for each
    // (run, key) with rows, progressChanged per run, then loadFinished, or loadFailed.
    void load(const QStringList &runIds, const QStringList &keys);
    // Stops the load in flight; what it delivered so far stays delivered.
    void cancel();

    bool isLoading() const { return m_isLoading; }
    // True while a worker still runs, including cancelled ones that have not noticed yet.
    bool isBusy() const;

    // The resident series of (run, key), null if not cached. An empty series means the run has
    // no rows of that key. Does not count as a use for the LRU order.
    Store::MetricSeriesPtr cachedSeries(const QString &runId, const QString &key) const;
    void setCacheBudget(qint64 bytes);
    qint64 cacheBudget() const { return m_cacheBudget; }
    qint64 cacheBytes() const { return m_cacheBytes; }
    qsizetype cachedCount() const { return m_cache.size(); }
    void clearCache();

signals:
    void seriesLoaded(const Store::MetricSeriesPtr &series);
    void loadFinished();
    // Opening the store or reading a run failed (never for a cancelled or superseded load).
    void loadFailed(const Store::Error &error);
    // Runs done of the runs of the current load.
    void progressChanged(qint64 done, qint64 total);
    void loadingChanged(bool loading);

private:
    using CacheKey = std::pair<QString, QString>; // run id, key
    struct CacheEntry
    {
        Store::MetricSeriesPtr series;
        qint64 bytes = 0;
        std::list<CacheKey>::iterator use; // position in m_uses
    };
    struct RunRequest
    {
        QString runId;
        QStringList keys; // those not cached; empty: every key
    };
    struct Job;

    void setLoading(bool loading);
    void cancelCurrent();
    void startReading(std::shared_ptr<Job> job);
    void seriesRead(int generation, int locationGeneration, const Store::MetricSeriesPtr &series);
    void runRead(int generation, const Store::Error &error);
    void finishLoad();
    void insertIntoCache(const Store::MetricSeriesPtr &series);
    Store::MetricSeriesPtr takeFromCache(const QString &runId, const QString &key); // marks as used
    void trimCache();

    QString m_location;
    std::shared_ptr<Store::StorePool> m_stores; // connections to the store at m_location
    int m_generation = 0; // of loads: a result of an older one is dropped
    int m_locationGeneration = 0; // of the cache: a series of an older location is not cached
    std::shared_ptr<Store::CancelFlag> m_cancel;
    qint64 m_runsDone = 0;
    qint64 m_runsTotal = 0;
    bool m_isLoading = false;

    QHash<CacheKey, CacheEntry> m_cache;
    std::list<CacheKey> m_uses; // least recently used first
    qint64 m_cacheBytes = 0;
    qint64 m_cacheBudget = DefaultCacheBudget;

    QThreadPool m_pool; // two readers, and a superseded load winding down
    QList<QFuture<void>> m_tasks;
};
