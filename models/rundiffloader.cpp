#include "rundiffloader.h"

#include "sqlitereader.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QtConcurrent>

#include <cmath>

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

Store::Result<Diff> readDiff(const QList<RunSource> &sources, const Store::CancelFlag *cancel,
                             const Store::ProgressFn &progress, int busyTimeoutMs)
{
    QList<RunSnapshot> snapshots(sources.size());
    // Each store is opened once, whatever the order of its runs among the sources.
    QMap<QString, QList<qsizetype>> byLocation;
    for (qsizetype i = 0; i < sources.size(); ++i)
        byLocation[sources[i].location].append(i);

    qint64 done = 0;
    for (auto it = byLocation.cbegin(); it != byLocation.cend(); ++it) {
        auto reader = Store::SqliteReader::open(it.key(), busyTimeoutMs);
        if (!reader)
            return reader.error();
        const auto experiments = (*reader)->experiments(Store::ViewType::All);
        if (!experiments)
            return experiments.error();
        QHash<QString, QString> experimentNames;
        for (const Store::Experiment &e : *experiments)
            experimentNames.insert(e.id, e.name);

        Store::RunTable storeRuns; // read once if some source came without its table
        bool haveStoreRuns = false;
        QStringList runIds;
        for (qsizetype index : it.value()) {
            const RunSource &source = sources[index];
            Store::RunTable table = source.table;
            int row = source.row;
            if (row < 0 || row >= table.size() || table.run(row).runId != source.runId) {
                if (!haveStoreRuns) {
                    Store::RunQuery query;
                    query.view = Store::ViewType::All;
                    auto runs = (*reader)->runs(query, cancel);
                    if (!runs)
                        return runs.error();
                    storeRuns = std::move(*runs);
                    haveStoreRuns = true;
                }
                table = storeRuns;
                row = table.indexOfRun(source.runId);
                if (row < 0) {
                    return Store::Error::make(Store::Error::NoSuchRun,
                                              tr("There is no run '%1' in %2.").arg(source.runId, it.key()));
                }
            }
            const QString experimentId = table.run(row).experimentId;
            snapshots[index] = snapshotOf(table, row, (*reader)->path(), experimentNames.value(experimentId));
            if (!runIds.contains(source.runId))
                runIds.append(source.runId);
        }

        // Every history of these runs, summarised as it arrives (the series are not kept).
        QHash<QString, QHash<QString, MetricStats>> stats; // run id -> key -> stats
        QHash<QString, QHash<QString, std::pair<double, qint64>>> latest;
        for (qsizetype index : it.value()) {
            for (const auto &[key, s] : snapshots[index].metrics)
                latest[sources[index].runId].insert(key, {s.latest, s.latestStep});
        }
        const Store::Error error = (*reader)->readMetricSeries(
            runIds, {},
            [&](Store::MetricSeries &&series) {
                const auto l = latest.value(series.runId)
                                   .value(series.key, {std::numeric_limits<double>::quiet_NaN(), 0});
                stats[series.runId].insert(series.key, summarize(series, l.first, l.second));
            },
            cancel,
            [&](qint64 runsDone, qint64) {
                if (progress)
                    progress(done + runsDone, sources.size());
            });
        if (error.code != Store::Error::None)
            return error;
        for (qsizetype index : it.value()) {
            const auto &runStats = stats.value(sources[index].runId);
            for (auto &[key, s] : snapshots[index].metrics) {
                if (const auto found = runStats.constFind(key); found != runStats.constEnd())
                    s = *found;
            }
        }
        done += it.value().size();
    }
    if (cancel && cancel->load())
        return Store::Error::make(Store::Error::Cancelled, tr("Cancelled."));
    return buildDiff(snapshots);
}

} // namespace RunDiff

RunDiffLoader::RunDiffLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // the current diff, and a superseded one winding down
}

RunDiffLoader::~RunDiffLoader()
{
    cancel();
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
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    setLoading(false);
}

void RunDiffLoader::compare(const QList<RunDiff::RunSource> &runs)
{
    cancel();
    const int generation = m_generation;
    auto cancelFlag = std::make_shared<Store::CancelFlag>(false);
    m_cancel = cancelFlag;
    setLoading(true);
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, runs, generation, cancelFlag] {
        const auto progress = [this, generation](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, done, total] {
                    if (generation == m_generation)
                        emit progressChanged(done, total);
                },
                Qt::QueuedConnection);
        };
        auto result = std::make_shared<Store::Result<RunDiff::Diff>>(
            RunDiff::readDiff(runs, cancelFlag.get(), progress));
        QMetaObject::invokeMethod(
            this,
            [this, generation, result] {
                if (generation != m_generation)
                    return; // superseded or cancelled
                m_cancel.reset();
                setLoading(false);
                if (result->ok())
                    emit diffLoaded(result->value());
                else
                    emit diffFailed(result->error().message);
            },
            Qt::QueuedConnection);
    }));
}
