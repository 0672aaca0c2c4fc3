#include "rundiffloader.h"

#include "storepool.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace RunDiff {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunDiff", text);
}

} // namespace

RunSnapshot snapshotOf(const Store::RunTable &table, int row, const QString &location,
                       const QString &experimentName)
{
    RunSnapshot s;
    const Store::RunAttributes &run = table.run(row);
    s.info = {run.runId, run.runName, run.experimentId, experimentName, location};
    for (const auto &e : table.params(row))
        s.params.append({table.paramKeys()[e.key], table.textString(e)});
    for (const auto &e : table.tags(row))
        s.tags.append({table.tagKeys()[e.key], table.textString(e)});
    for (const auto &m : table.metrics(row)) {
        MetricStats stats;
        stats.latest = m.metric.isNan ? std::numeric_limits<double>::quiet_NaN() : m.metric.value;
        stats.latestStep = m.metric.step;
        stats.min = stats.max = stats.latest;
        stats.minStep = stats.maxStep = stats.latestStep;
        s.metrics.append({table.metricKeys()[m.key], stats});
    }
    return s;
}

Diff buildDiff(const QList<RunSnapshot> &runs)
{
    Diff diff;
    QList<QList<std::pair<QString, QString>>> params, tags;
    QMap<QString, MetricRow> metrics;
    const qsizetype count = runs.size();
    for (qsizetype i = 0; i < count; ++i) {
        const RunSnapshot &run = runs[i];
        diff.runs.append(run.info);
        params.append(run.params);
        tags.append(run.tags);
        for (const auto &[key, stats] : run.metrics) {
            MetricRow &row = metrics[key];
            if (row.values.isEmpty()) {
                row.key = key;
                row.values.resize(count);
            }
            row.values[i] = stats;
        }
    }
    diff.params = textRows(params);
    diff.tags = textRows(tags);
    diff.metrics = metrics.values();
    return diff;
}

RunSource detachedSource(const RunSource &source)
{
    const Store::RunTable &table = source.table;
    if (source.row < 0 || source.row >= table.size() || table.run(source.row).runId != source.runId)
        return source;
    const int from = source.row;
    const auto utf8 = [](const QString &text) { return text.toStdString(); };
    Store::RunTableBuilder builder;
    const int row = builder.addRun(table.run(from));
    for (const auto &e : table.params(from)) {
        const QByteArrayView value = table.text(e);
        builder.addParam(row, utf8(table.paramKeys()[e.key]),
                         std::string_view(value.data(), size_t(value.size())));
    }
    for (const auto &e : table.tags(from)) {
        const QByteArrayView value = table.text(e);
        builder.addTag(row, utf8(table.tagKeys()[e.key]),
                       std::string_view(value.data(), size_t(value.size())));
    }
    for (const auto &m : table.metrics(from))
        builder.addMetric(row, utf8(table.metricKeys()[m.key]), m.metric);
    RunSource detached = source;
    detached.table = builder.build();
    detached.row = detached.table.indexOfRun(source.runId);
    return detached;
}

namespace {

// readDiff() and readAvailableDiff(): with `skip`, what cannot be read is listed, not fatal.
Store::Result<AvailableDiff> read(const QList<RunSource> &sources, bool skip, const Store::CancelFlag *cancel,
                                  const Store::ProgressFn &progress, int busyTimeoutMs)
{
    QList<std::optional<RunSnapshot>> snapshots(sources.size());
    QList<UnavailableRun> unavailable;
    QList<RunSource> readSources = sources;
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    // Each store is opened once, whatever the order of its runs among the sources.
    QMap<QString, QList<qsizetype>> byLocation;
    for (qsizetype i = 0; i < sources.size(); ++i)
        byLocation[sources[i].location].append(i);

    qint64 done = 0;
    for (auto it = byLocation.cbegin(); it != byLocation.cend(); ++it) {
        QList<qsizetype> indexes = it.value();
        done += indexes.size();
        // An error that ends the whole diff; else the runs concerned are left out.
        const auto fatal = [&](const Store::Error &error) {
            return !skip || error.code == Store::Error::Cancelled || cancelled();
        };
        const auto leaveOut = [&](const QList<qsizetype> &which, const Store::Error &error) {
            for (qsizetype index : which) {
                snapshots[index].reset();
                if (std::none_of(unavailable.cbegin(), unavailable.cend(),
                                 [index](const UnavailableRun &u) { return u.source == index; }))
                    unavailable.append({int(index), error});
            }
        };
        auto reader = Store::StorePool::shared(it.key(), {busyTimeoutMs})->acquire();
        if (!reader) {
            if (fatal(reader.error()))
                return reader.error();
            leaveOut(indexes, reader.error());
            continue;
        }
        const auto experiments = (*reader)->experiments(Store::ViewType::All);
        if (!experiments) {
            if (fatal(experiments.error()))
                return experiments.error();
            leaveOut(indexes, experiments.error());
            continue;
        }
        QHash<QString, QString> experimentNames;
        for (const Store::Experiment &e : *experiments)
            experimentNames.insert(e.id, e.name);

        Store::RunTable storeRuns; // read once if some source came without its table
        bool haveStoreRuns = false;
        const auto readStoreRuns = [&]() -> Store::Error {
            if (haveStoreRuns)
                return {};
            Store::RunQuery query;
            query.view = Store::ViewType::All;
            auto runs = (*reader)->runs(query, cancel);
            if (!runs)
                return runs.error();
            storeRuns = std::move(*runs);
            haveStoreRuns = true;
            return {};
        };
        const auto noSuchRun = [&](const RunSource &source) {
            return Store::Error::make(Store::Error::NoSuchRun,
                                      tr("There is no run '%1' in %2.").arg(source.runId, it.key()));
        };
        bool failed = false;
        QList<qsizetype> present;
        for (qsizetype index : std::as_const(indexes)) {
            const RunSource &source = sources[index];
            Store::RunTable table = source.table;
            int row = source.row;
            if (row < 0 || row >= table.size() || table.run(row).runId != source.runId) {
                if (const Store::Error error = readStoreRuns(); !error.ok()) {
                    if (fatal(error))
                        return error;
                    leaveOut(indexes, error);
                    failed = true;
                    break;
                }
                table = storeRuns;
                row = table.indexOfRun(source.runId);
                if (row < 0) {
                    if (!skip)
                        return noSuchRun(source);
                    leaveOut({index}, noSuchRun(source));
                    continue;
                }
                if (skip)
                    readSources[index]
                        = detachedSource({source.location, source.runId, table, row, source.runKey});
            }
            const QString experimentId = table.run(row).experimentId;
            snapshots[index]
                = snapshotOf(table, row, (*reader)->location(), experimentNames.value(experimentId));
            snapshots[index]->info.runKey = source.runKey;
            present.append(index);
        }
        if (failed)
            continue;
        indexes = present;

        // Every history of these runs, summarised as it arrives (the series are not kept).
        QHash<QString, QHash<QString, MetricStats>> stats; // run id -> key -> stats
        QHash<QString, QHash<QString, std::pair<double, qint64>>> latest;
        const auto readHistories = [&] {
            stats.clear();
            latest.clear();
            QStringList runIds;
            for (qsizetype index : std::as_const(indexes)) {
                if (!runIds.contains(sources[index].runId))
                    runIds.append(sources[index].runId);
                for (const auto &[key, s] : snapshots[index]->metrics)
                    latest[sources[index].runId].insert(key, {s.latest, s.latestStep});
            }
            const qint64 before = done - it.value().size();
            return (*reader)->readMetricSeries(
                runIds, {},
                [&](Store::MetricSeries &&series) {
                    const auto l = latest.value(series.runId)
                                       .value(series.key, {std::numeric_limits<double>::quiet_NaN(), 0});
                    stats[series.runId].insert(series.key, summarize(series, l.first, l.second));
                },
                cancel,
                [&](qint64 runsDone, qint64) {
                    if (progress)
                        progress(before + runsDone, sources.size());
                });
        };
        Store::Error error = indexes.isEmpty() ? Store::Error() : readHistories();
        if (error.code == Store::Error::NoSuchRun && skip && !cancelled()) {
            // A run given with its table is gone from the store: find which, and read the rest.
            if (const Store::Error runsError = readStoreRuns(); !runsError.ok()) {
                if (fatal(runsError))
                    return runsError;
                leaveOut(indexes, runsError);
                continue;
            }
            QList<qsizetype> stillThere;
            for (qsizetype index : std::as_const(indexes)) {
                if (storeRuns.indexOfRun(sources[index].runId) >= 0)
                    stillThere.append(index);
                else
                    leaveOut({index}, noSuchRun(sources[index]));
            }
            indexes = stillThere;
            error = indexes.isEmpty() ? Store::Error() : readHistories();
        }
        if (!error.ok()) {
            if (fatal(error))
                return error;
            leaveOut(indexes, error);
            continue;
        }
        for (qsizetype index : std::as_const(indexes)) {
            const auto &runStats = stats.value(sources[index].runId);
            for (auto &[key, s] : snapshots[index]->metrics) {
                if (const auto found = runStats.constFind(key); found != runStats.constEnd())
                    s = *found;
            }
        }
        if (progress)
            progress(done, sources.size());
    }
    if (cancelled())
        return Store::Error::make(Store::Error::Cancelled, tr("Cancelled."));
    QList<RunSnapshot> available;
    for (const auto &snapshot : std::as_const(snapshots)) {
        if (snapshot)
            available.append(*snapshot);
    }
    std::sort(unavailable.begin(), unavailable.end(),
              [](const UnavailableRun &a, const UnavailableRun &b) { return a.source < b.source; });
    return AvailableDiff {buildDiff(available), unavailable, readSources};
}

} // namespace

Store::Result<Diff> readDiff(const QList<RunSource> &sources, const Store::CancelFlag *cancel,
                             const Store::ProgressFn &progress, int busyTimeoutMs)
{
    auto result = read(sources, false, cancel, progress, busyTimeoutMs);
    if (!result)
        return result.error();
    return std::move(result->diff);
}

Store::Result<AvailableDiff> readAvailableDiff(const QList<RunSource> &sources,
                                               const Store::CancelFlag *cancel,
                                               const Store::ProgressFn &progress, int busyTimeoutMs)
{
    return read(sources, true, cancel, progress, busyTimeoutMs);
}

} // namespace RunDiff

RunDiffLoader::RunDiffLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // the current diff, and a superseded one winding down
}

RunDiffLoader::~RunDiffLoader()
{
    stop();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

bool RunDiffLoader::isBusy() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                       [](const QFuture<void> &task) { return !task.isFinished(); });
}

void RunDiffLoader::setLoading(bool loading)
{
    if (loading == m_isLoading)
        return;
    m_isLoading = loading;
    emit loadingChanged(loading);
}

void RunDiffLoader::cancel()
{
    const bool wasLoading = m_isLoading;
    stop();
    setLoading(false);
    if (wasLoading)
        emit cancelled();
}

void RunDiffLoader::stop()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
}

void RunDiffLoader::compare(const QList<RunDiff::RunSource> &runs, Unavailable unavailable)
{
    stop(); // superseded: loading stays on
    const int generation = m_generation;
    auto cancelFlag = std::make_shared<Store::CancelFlag>(false);
    m_cancel = cancelFlag;
    setLoading(true);
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    const bool skip = unavailable == Unavailable::Skip;
    m_tasks.append(QtConcurrent::run(&m_pool, [this, runs, skip, generation, cancelFlag] {
        const auto progress = [this, generation](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, done, total] {
                    if (generation == m_generation)
                        emit progressChanged(done, total);
                },
                Qt::QueuedConnection);
        };
        auto result = std::make_shared<Store::Result<RunDiff::AvailableDiff>>(
            skip ? RunDiff::readAvailableDiff(runs, cancelFlag.get(), progress)
                 : [&]() -> Store::Result<RunDiff::AvailableDiff> {
                auto diff = RunDiff::readDiff(runs, cancelFlag.get(), progress);
                if (!diff)
                    return diff.error();
                return RunDiff::AvailableDiff {std::move(*diff), {}, {}};
            }());
        QMetaObject::invokeMethod(
            this,
            [this, generation, result] {
                if (generation != m_generation)
                    return; // superseded or cancelled
                m_cancel.reset();
                setLoading(false);
                m_unavailable = result->ok() ? result->value().unavailable : QList<RunDiff::UnavailableRun>();
                m_readSources = result->ok() ? result->value().sources : QList<RunDiff::RunSource>();
                if (result->ok())
                    emit diffLoaded(result->value().diff);
                else
                    emit diffFailed(result->error().message);
            },
            Qt::QueuedConnection);
    }));
}
