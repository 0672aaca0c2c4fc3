#include "metriccurveloader.h"

#include "metricseriesloader.h"
#include "parallelfor.h"
#include "pixelreduction.h"
#include "reducedseriesreader.h"
#include "storepool.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

MetricCurveLoader::MetricCurveLoader(QObject *parent)
    : QObject(parent), m_loader(new MetricSeriesLoader(this)), m_reducer(new ReducedSeriesReader(this))
{
    connectLoader(m_loader);
    connect(m_reducer, &ReducedSeriesReader::seriesRead, this, &MetricCurveLoader::onReducedRead);
    connect(m_reducer, &ReducedSeriesReader::readFinished, this, &MetricCurveLoader::onReducedReadFinished);
}

MetricCurveLoader::~MetricCurveLoader() = default;

void MetricCurveLoader::connectLoader(MetricSeriesLoader *loader)
{
    connect(
        loader, &MetricSeriesLoader::seriesLoaded, this,
        [this, loader](const Store::MetricSeriesPtr &series) { onSeriesLoaded(loader->location(), series); });
    connect(loader, &MetricSeriesLoader::loadFinished, this, [this, loader] { onLoadFinished(loader); });
    connect(loader, &MetricSeriesLoader::loadFailed, this, [this, loader](const Store::Error &error) {
        m_loading.remove(loader);
        m_requested.clear();
        emit loadFailed(error);
    });
}

MetricSeriesLoader *MetricCurveLoader::loaderFor(const QString &location)
{
    if (location == m_loader->location())
        return m_loader;
    MetricSeriesLoader *&loader = m_otherLoaders[location];
    if (!loader) {
        loader = new MetricSeriesLoader(this);
        loader->setLocation(location);
        connectLoader(loader);
    }
    return loader;
}

void MetricCurveLoader::setLocation(const QString &location)
{
    qDeleteAll(m_otherLoaders); // their caches too: a store no longer shown
    m_otherLoaders.clear();
    m_loading.clear();
    m_reducer->cancelAll();
    m_overviewReads.clear();
    m_refining.clear();
    m_reducedFor.clear();
    m_loader->setLocation(location);
    ++m_locationGeneration;
    m_curves.clear();
    m_absent.clear();
    m_requested.clear();
    m_preparing.clear();
    m_finishPending = false;
}

void MetricCurveLoader::setRuns(const QHash<QString, CurveRun> &runs)
{
    m_runs = runs;
    m_keyOfRun.clear();
    for (auto it = runs.cbegin(); it != runs.cend(); ++it)
        m_keyOfRun.insert(it->location + QLatin1Char('\n') + it->runId, it.key());
    // Keep what was read for the runs still shown (the series loader's cache has the others).
    m_curves.removeIf([this](QHash<CurveKey, std::shared_ptr<MetricCurve>>::iterator it) {
        return !m_runs.contains(it.key().first);
    });
    m_absent.removeIf([this](const CurveKey &key) { return !m_runs.contains(key.first); });
    m_reducedFor.removeIf([this](QHash<CurveKey, Store::PixelColumns>::iterator it) {
        return !m_runs.contains(it.key().first);
    });
}

bool MetricCurveLoader::load(const QList<CurveKey> &wanted)
{
    struct StoreLoad
    {
        QStringList runIds, keys;
    };
    QHash<QString, StoreLoad> loads; // by store
    QHash<std::pair<QString, QString>, QStringList> overviews; // runs by (store, key)
    const bool reduce = reducible(m_lines);
    QSet<CurveKey> missing;
    for (const CurveKey &curveKey : wanted) {
        const auto run = m_runs.constFind(curveKey.first);
        if (run == m_runs.cend() || run->location.isEmpty() || m_curves.contains(curveKey)
            || m_absent.contains(curveKey) || m_preparing.contains(curveKey))
            continue;
        missing.insert(curveKey);
        if (reduce && ReducedSeriesReader::reducesOnServer(run->location)) {
            overviews[{run->location, curveKey.second}].append(run->runId);
            continue;
        }
        StoreLoad &load = loads[run->location];
        if (!load.runIds.contains(run->runId))
            load.runIds.append(run->runId);
        if (!load.keys.contains(curveKey.second))
            load.keys.append(curveKey.second);
    }
    // What is in flight and no longer wanted stops.
    for (MetricSeriesLoader *loader : std::as_const(m_loading)) {
        if (!loads.contains(loader->location()))
            loader->cancel();
    }
    m_loading.clear();
    for (quint64 id : std::as_const(m_overviewReads))
        m_reducer->cancel(id);
    m_overviewReads.clear();
    if (missing.isEmpty()) {
        m_requested.clear();
        return m_preparing.isEmpty();
    }
    m_requested = missing;
    for (auto it = loads.cbegin(); it != loads.cend(); ++it) {
        MetricSeriesLoader *loader = loaderFor(it.key());
        m_loading.insert(loader);
        loader->load(it->runIds, it->keys);
    }
    Store::PixelColumns overview; // invalid: each series' whole range
    overview.logY = !m_lines.isEmpty() && m_lines.front().logY;
    for (auto it = overviews.cbegin(); it != overviews.cend(); ++it)
        m_overviewReads.insert(m_reducer->read(it.key().first, it.value(), it.key().second, overview));
    return false;
}

void MetricCurveLoader::cancel()
{
    m_loader->cancel();
    for (MetricSeriesLoader *loader : std::as_const(m_otherLoaders))
        loader->cancel();
    m_loading.clear();
    for (quint64 id : std::as_const(m_overviewReads))
        m_reducer->cancel(id);
    m_overviewReads.clear();
    m_requested.clear();
}

bool MetricCurveLoader::isLoading() const
{
    return m_loader->isLoading() || !m_overviewReads.isEmpty()
        || std::any_of(m_otherLoaders.cbegin(), m_otherLoaders.cend(),
                       [](const MetricSeriesLoader *loader) { return loader->isLoading(); });
}

std::shared_ptr<MetricCurve> MetricCurveLoader::curve(const QString &runId, const QString &key) const
{
    return m_curves.value(CurveKey(runId, key));
}

void MetricCurveLoader::onSeriesLoaded(const QString &location, const Store::MetricSeriesPtr &series)
{
    const QString runKey = m_keyOfRun.value(location + QLatin1Char('\n') + series->runId);
    const CurveKey key(runKey, series->key);
    const auto run = m_runs.constFind(runKey);
    if (runKey.isEmpty() || run == m_runs.cend() || m_curves.contains(key))
        return;
    const qint64 start = run->startTime;
    if (m_preparing.contains(key))
        return;
    // The first line's pyramid and break list take O(N): built on a worker, not the GUI thread.
    m_preparing.insert(key);
    // A watcher, not QFuture::then(this, ...): Qt 6.4 now and then drops such a continuation.
    auto *watcher = new QFutureWatcher<std::shared_ptr<MetricCurve>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, key, watcher] {
        watcher->deleteLater();
        if (!m_preparing.remove(key) || !m_runs.contains(key.first))
            return; // deselected or superseded meanwhile
        const std::shared_ptr<MetricCurve> curve = watcher->result();
        m_curves.insert(key, curve);
        if (curve->series().isReduced())
            m_reducedFor.insert(key, {}); // an overview
        else
            m_reducedFor.remove(key);
        emit curveAdded(key.first, key.second);
        if (m_preparing.isEmpty() && m_finishPending)
            onLoadFinished(nullptr);
    });
    watcher->setFuture(QtConcurrent::run([series, start, lines = m_lines] {
        auto curve = std::make_shared<MetricCurve>(series, start);
        for (const MetricCurve::LineOptions &options : lines)
            curve->line(options);
        return curve;
    }));
}

void MetricCurveLoader::onLoadFinished(MetricSeriesLoader *loader)
{
    if (loader) {
        m_loading.remove(loader);
        if (!m_loading.isEmpty())
            return; // another store's series are still coming
    }
    if (!m_overviewReads.isEmpty())
        return; // a server's overviews are still coming
    m_finishPending = !m_preparing.isEmpty(); // finish once the last curves are prepared
    if (m_finishPending)
        return;
    for (const CurveKey &key : std::as_const(m_requested)) {
        if (!m_curves.contains(key))
            m_absent.insert(key);
    }
    m_requested.clear();
    emit curvesLoaded();
}

bool MetricCurveLoader::reducible(const QList<MetricCurve::LineOptions> &lines)
{
    return std::all_of(lines.cbegin(), lines.cend(), [](const MetricCurve::LineOptions &line) {
        return line.xAxis == CurveMath::XAxis::Step && line.smoothing == 0;
    });
}

void MetricCurveLoader::refine(const QList<CurveKey> &curves, const Store::PixelColumns &columns)
{
    if (!columns.isValid() || !reducible(m_lines))
        return;
    QHash<std::pair<QString, QString>, QStringList> reads; // runs by (store, key)
    QHash<std::pair<QString, QString>, QList<CurveKey>> curvesOf;
    for (const CurveKey &key : curves) {
        const auto reduced = m_reducedFor.constFind(key);
        const auto run = m_runs.constFind(key.first);
        if (reduced == m_reducedFor.cend() || *reduced == columns || run == m_runs.cend())
            continue;
        if (const quint64 older = m_refining.value(key))
            m_reducer->cancel(older); // a newer view supersedes it
        reads[{run->location, key.second}].append(run->runId);
        curvesOf[{run->location, key.second}].append(key);
    }
    for (auto it = reads.cbegin(); it != reads.cend(); ++it) {
        const quint64 id = m_reducer->read(it.key().first, it.value(), it.key().second, columns);
        for (const CurveKey &key : curvesOf.value(it.key()))
            m_refining.insert(key, id);
    }
}

void MetricCurveLoader::onReducedRead(quint64 id, const QString &location, const Store::PixelColumns &columns,
                                      const Store::MetricSeriesPtr &series)
{
    if (series->isEmpty())
        return; // no rows: the load marks the curve absent when it finishes
    if (m_overviewReads.contains(id)) {
        onSeriesLoaded(location, series);
        return;
    }
    const QString runKey = m_keyOfRun.value(location + QLatin1Char('\n') + series->runId);
    const CurveKey key(runKey, series->key);
    const std::shared_ptr<MetricCurve> old = m_curves.value(key);
    if (m_refining.value(key) != id || !old || !m_reducedFor.contains(key))
        return; // superseded, deselected, or read whole meanwhile
    m_refining.remove(key);
    // A few thousand rows: built here, at once.
    auto merged = std::make_shared<Store::MetricSeries>(Store::PixelReduction::merge(old->series(), *series));
    auto curve = std::make_shared<MetricCurve>(std::move(merged), m_runs.value(runKey).startTime);
    for (const MetricCurve::LineOptions &options : std::as_const(m_lines))
        curve->line(options);
    m_curves.insert(key, curve);
    m_reducedFor.insert(key, columns);
    emit curveAdded(key.first, key.second);
}

void MetricCurveLoader::onReducedReadFinished(quint64 id, const Store::Error &error)
{
    if (m_overviewReads.remove(id)) {
        if (!error.ok() && error.code != Store::Error::Cancelled) {
            m_requested.clear();
            emit loadFailed(error);
            return;
        }
        if (m_overviewReads.isEmpty() && m_loading.isEmpty())
            onLoadFinished(nullptr);
        return;
    }
    m_refining.removeIf([id](QHash<CurveKey, quint64>::iterator it) { return it.value() == id; });
}

bool MetricCurveLoader::setLines(const QList<MetricCurve::LineOptions> &lines)
{
    // Lines a server's reduction cannot draw (time axes, smoothing) need every row.
    bool dropped = false;
    if (!reducible(lines)) {
        for (auto it = m_reducedFor.cbegin(); it != m_reducedFor.cend(); ++it)
            dropped |= m_curves.remove(it.key()) > 0;
        m_reducedFor.clear();
        m_refining.clear();
    }
    m_lines = lines;
    const quint64 generation = ++m_lineGeneration;
    struct Job
    {
        std::shared_ptr<MetricCurve> curve;
        std::function<MetricCurve::PreparedLine()> build;
    };
    auto jobs = std::make_shared<std::vector<Job>>();
    qsizetype points = 0;
    for (const std::shared_ptr<MetricCurve> &curve : std::as_const(m_curves)) {
        for (const MetricCurve::LineOptions &options : lines) {
            if (!curve->hasLine(options)) {
                jobs->push_back({curve, curve->lineBuilder(options)});
                points += curve->size();
            }
        }
    }
    if (points <= m_inlineLinePoints) {
        for (Job &job : *jobs)
            job.curve->adoptLine(job.build());
        m_preparingLines = false;
        emit linesReady();
        return dropped;
    }
    m_preparingLines = true;
    // A watcher reports through the event loop even when the work is done at once: the lines
    // are ready in a later event, never inside this call.
    using Built = std::vector<MetricCurve::PreparedLine>;
    auto *watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcher<Built>::finished, this, [this, watcher, jobs, generation] {
        watcher->deleteLater();
        if (generation != m_lineGeneration)
            return; // the lines changed again meanwhile: that call builds its own
        Built built = watcher->result();
        // Adopted and announced in one go: a chart never asks for a line that is not there.
        for (size_t i = 0; i < built.size(); ++i)
            (*jobs)[i].curve->adoptLine(std::move(built[i]));
        m_preparingLines = false;
        emit linesReady();
    });
    watcher->setFuture(QtConcurrent::run([jobs] {
        Built built(jobs->size());
        parallelFor(int(jobs->size()), [&](int i) { built[size_t(i)] = (*jobs)[size_t(i)].build(); });
        return built;
    }));
    return dropped;
}

namespace {

using CurveKey = MetricCurveLoader::CurveKey;

// A curve to bring up to date: its series as read (null: none yet) and its run's start time.
struct RefreshJob
{
    CurveKey key;
    QString location; // of the run
    QString runId;
    Store::MetricSeriesPtr series;
    qint64 startTime = Store::NoTime;
    std::optional<Store::PixelColumns> reducedFor; // set for a server's reduction
};

using Refreshed = std::vector<std::pair<CurveKey, std::shared_ptr<MetricCurve>>>;

// The series of `job` as stored now, or null when it did not change (or cannot be read: the
// next refresh tries again).
std::shared_ptr<Store::MetricSeries> readGrownSeries(Store::MlflowStore &store, const RefreshJob &job)
{
    const QString &runId = job.runId;
    const QString &key = job.key.second;
    if (job.reducedFor && store.reducesOnServer()) {
        // A reduction has no tail to append to: the series' overview again, new rows wherever
        // they are; the charts then refine it to their columns (MetricCurveLoader::refine()).
        Store::PixelColumns overview;
        overview.logY = job.reducedFor->logY;
        std::shared_ptr<Store::MetricSeries> fresh;
        const Store::Error error
            = store.readReducedSeries({runId}, key, overview, [&](Store::MetricSeries &&series) {
                  fresh = std::make_shared<Store::MetricSeries>(std::move(series));
              });
        if (!error.ok() || !fresh || fresh->isEmpty())
            return {};
        return fresh;
    }
    const auto readWhole = [&]() -> std::shared_ptr<Store::MetricSeries> {
        std::shared_ptr<Store::MetricSeries> whole;
        const Store::Error error = store.readMetricSeries({runId}, {key}, [&](Store::MetricSeries &&series) {
            whole = std::make_shared<Store::MetricSeries>(std::move(series));
        });
        if (!error.ok() || !whole || whole->isEmpty())
            return {};
        return whole;
    };
    if (!job.series)
        return readWhole();
    auto append = store.readMetricAppend(runId, key, job.series->tail);
    if (!append)
        return {};
    if (append->rewritten)
        return readWhole();
    const Store::MetricSeries &rows = append->rows;
    if (rows.isEmpty())
        return {};
    // The new rows come after the old ones in the series' order: appending keeps it sorted.
    auto grown = std::make_shared<Store::MetricSeries>(*job.series);
    grown->steps.insert(grown->steps.end(), rows.steps.cbegin(), rows.steps.cend());
    grown->timestamps.insert(grown->timestamps.end(), rows.timestamps.cbegin(), rows.timestamps.cend());
    grown->values.insert(grown->values.end(), rows.values.cbegin(), rows.values.cend());
    grown->tail = rows.tail;
    return grown;
}

} // namespace

void MetricCurveLoader::refresh(const QString &location)
{
    if (m_refreshing) {
        m_refreshAgain.insert(location);
        return;
    }
    std::vector<RefreshJob> jobs;
    const auto addJob = [&](const CurveKey &key, const Store::MetricSeriesPtr &series) {
        const CurveRun run = m_runs.value(key.first);
        if (run.location.isEmpty() || (!location.isEmpty() && run.location != location))
            return;
        jobs.push_back({key, run.location, run.runId, series, run.startTime, std::nullopt});
        if (const auto reduced = m_reducedFor.constFind(key); reduced != m_reducedFor.cend())
            jobs.back().reducedFor = *reduced;
        else if (!series && reducible(m_lines) && ReducedSeriesReader::reducesOnServer(run.location))
            jobs.back().reducedFor = Store::PixelColumns(); // a new series: its overview
    };
    for (auto it = m_curves.cbegin(); it != m_curves.cend(); ++it)
        addJob(it.key(), it.value()->seriesPtr());
    for (const CurveKey &key : std::as_const(m_absent))
        addJob(key, nullptr);
    // One store after the other, each on a connection of its own.
    std::sort(jobs.begin(), jobs.end(),
              [](const RefreshJob &a, const RefreshJob &b) { return a.location < b.location; });
    if (jobs.empty()) {
        emit refreshed();
        return;
    }
    QHash<QString, std::shared_ptr<Store::StorePool>> pools; // made here, used on the worker
    for (const RefreshJob &job : jobs) {
        if (!pools.contains(job.location))
            pools.insert(job.location, Store::StorePool::shared(job.location));
    }
    m_refreshing = true;
    const quint64 generation = m_locationGeneration;
    auto *watcher = new QFutureWatcher<Refreshed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_refreshing = false;
        if (generation == m_locationGeneration) {
            for (const auto &[key, curve] : watcher->result()) {
                // A run deselected meanwhile, or a curve a load read anew, keeps what it has.
                if (!m_runs.contains(key.first) || m_preparing.contains(key))
                    continue;
                m_absent.remove(key);
                m_curves.insert(key, curve);
                if (curve->series().isReduced())
                    m_reducedFor.insert(key, {}); // an overview, for the charts to refine
                else
                    m_reducedFor.remove(key);
                emit curveAdded(key.first, key.second);
            }
        }
        emit refreshed();
        if (const QSet<QString> again = std::exchange(m_refreshAgain, {}); !again.isEmpty())
            refresh(again.size() == 1 ? *again.cbegin() : QString());
    });
    watcher->setFuture(QtConcurrent::run([pools = std::move(pools), jobs = std::move(jobs), lines = m_lines] {
        Refreshed refreshed;
        std::optional<Store::StorePool::Lease> lease; // of the store of the jobs at hand
        QString leased;
        for (const RefreshJob &job : jobs) {
            if (!lease || job.location != leased) {
                lease.reset();
                leased = job.location;
                auto acquired = pools.value(job.location)->acquire();
                if (!acquired)
                    continue; // that store cannot be read now: the next refresh tries again
                lease.emplace(std::move(*acquired));
            }
            std::shared_ptr<Store::MetricSeries> grown = readGrownSeries(**lease, job);
            if (!grown)
                continue;
            auto curve = std::make_shared<MetricCurve>(std::move(grown), job.startTime);
            for (const MetricCurve::LineOptions &options : lines)
                curve->line(options);
            refreshed.emplace_back(job.key, std::move(curve));
        }
        return refreshed;
    }));
}
