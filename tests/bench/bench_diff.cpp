// bench_diff: comparing many runs side by side (the compare view and `kaizen diff`).
//
// Builds a store of R runs x P params (a third of them differing) x K metric keys of N steps,
// then times, median of --repeat:
//   - readDiff(): the whole worker job (runs, experiments, every history summarised);
//   - its metric part two ways: readMetricSeries + summarize (what readDiff does) against SQL
//     aggregates in SQLite (min/max with their steps through SQLite's bare columns, two
//     GROUP BY queries over the run_uuid index), so the faster one is known;
//   - buildDiff(): the comparison itself, on snapshots already read;
//   - the model fill: ParamDiffModel/MetricDiffModel::setDiff on the GUI thread, plus reading
//     DisplayRole of every shown cell as a view would.
#include "benchsupport.h"
#include "metricdiffmodel.h"
#include "paramdiffmodel.h"
#include "rundiffloader.h"
#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

struct Options
{
    int runs = 50;
    int params = 500;
    int metrics = 10;
    qint64 steps = 1000;
    int repeat = 5;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

QStringList generate(const QString &path, const Options &o)
{
    Store::StoreBuilder::Options options;
    options.deferIndexes = true;
    options.now = 1700000000000;
    auto created = Store::StoreBuilder::create(path, options);
    if (!created)
        return {};
    Store::StoreBuilder &b = **created;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("sweep")});
    const char *const metricNames[] = {"loss", "val_loss", "accuracy", "val_accuracy", "f1", "rmse", "lr"};
    QStringList ids;
    std::vector<qint64> steps(size_t(o.steps)), times(size_t(o.steps));
    std::vector<double> values(size_t(o.steps));
    for (int r = 0; r < o.runs; ++r) {
        const qint64 start = options.now + qint64(r) * 3600000;
        const QString id
            = b.addRun({.experimentId = experiment,
                        .name = QStringLiteral("run-%1").arg(r),
                        .startTime = start,
                        .endTime = start + 1000000,
                        .tags = {{QStringLiteral("mlflow.source.name"), QStringLiteral("train.py")},
                                 {QStringLiteral("seed"), QString::number(r % 3)}}});
        ids.append(id);
        for (int p = 0; p < o.params; ++p) {
            // A third differ between runs; some are long strings; the rest are numbers that are
            // equal once parsed, written differently.
            const QString key = QStringLiteral("param_%1").arg(p, 4, 10, QLatin1Char('0'));
            QString value;
            if (p % 3 == 0)
                value = QString::number(0.001 * (r + 1));
            else if (p % 10 == 1)
                value = QStringLiteral("layers=[64, 128, 256, 512]; activation=relu; ").repeated(10);
            else
                value = r % 2 ? QStringLiteral("0.0010") : QStringLiteral("1e-3");
            b.logParam(id, key, value);
        }
        for (int k = 0; k < o.metrics; ++k) {
            const QString key = QStringLiteral("%1_%2").arg(QLatin1String(metricNames[k % 7])).arg(k);
            for (qint64 s = 0; s < o.steps; ++s) {
                steps[size_t(s)] = s;
                times[size_t(s)] = start + s * 50;
                values[size_t(s)]
                    = std::exp(-double(s) / double(o.steps)) * (1 + 0.01 * ((s * 7919 + r) % 13));
            }
            b.logMetricHistory(id, key, steps, times, values);
        }
    }
    if (!b.finish().ok())
        return {};
    return ids;
}

// min and max with the step of the first point holding them, by SQL aggregates (bare columns).
qint64 summariesBySql(const QString &path, const QStringList &runIds)
{
    Store::SqliteConnection db;
    if (db.open(path, Store::SqliteConnection::Mode::ReadOnly, 1000).code != Store::Error::None)
        return -1;
    qint64 rows = 0;
    for (const char *aggregate : {"min", "max"}) {
        const QByteArray sql = QByteArray("SELECT key, ") + aggregate
            + "(value), step FROM metrics WHERE run_uuid = ? AND is_nan = 0 GROUP BY key";
        Store::SqliteStatement statement(db, sql);
        for (const QString &id : runIds) {
            statement.reset();
            statement.bind(1, id);
            while (statement.step()) {
                volatile double value = statement.real(1);
                (void)value;
                ++rows;
            }
        }
    }
    return rows;
}

qint64 summariesBySeries(const QString &path, const QStringList &runIds)
{
    auto reader = Store::openStore(path);
    if (!reader)
        return -1;
    qint64 count = 0;
    const Store::Error error = (*reader)->readMetricSeries(runIds, {}, [&](Store::MetricSeries &&series) {
        const RunDiff::MetricStats stats
            = RunDiff::summarize(series, series.values.back(), series.steps.back());
        count += stats.pointCount > 0;
    });
    return error.ok() ? count : -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(
        QStringLiteral("Comparing runs: the compare view's worker job, summaries, diff and model fill."));
    arguments.add(QStringLiteral("runs"), options.runs, QStringLiteral("Runs compared."), 2);
    arguments.add(QStringLiteral("params"), options.params, QStringLiteral("Params per run."));
    arguments.add(QStringLiteral("metrics"), options.metrics, QStringLiteral("Metric keys per run."));
    arguments.add(QStringLiteral("steps"), options.steps, QStringLiteral("Steps per metric."));
    arguments.add(QStringLiteral("repeat"), options.repeat,
                  QStringLiteral("Timed repeats; the median is printed."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    std::printf("bench_diff: %d runs x %d params, %d metric keys x %lld steps\n", options.runs,
                options.params, options.metrics, static_cast<long long>(options.steps));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("diff.db"));
    QElapsedTimer timer;
    timer.start();
    const QStringList ids = generate(path, options);
    if (ids.size() != options.runs) {
        std::printf("error: cannot generate the store\n");
        return 1;
    }
    std::printf("store generated in %.1f s\n", msSince(timer) / 1000);

    QList<RunDiff::RunSource> sources;
    for (const QString &id : ids)
        sources.append({path, id});
    // Warm the page cache once, then measure.
    if (!RunDiff::readDiff(sources).ok()) {
        std::printf("error: readDiff failed\n");
        return 1;
    }

    std::vector<double> readTimes, sqlTimes, seriesTimes, buildTimes, paramFill, metricFill, cellTimes;
    RunDiff::Diff diff;
    int shownParams = 0;
    for (int i = 0; i < options.repeat; ++i) {
        timer.restart();
        auto result = RunDiff::readDiff(sources);
        readTimes.push_back(msSince(timer));
        if (!result.ok()) {
            std::printf("error: %s\n", qPrintable(result.error().message));
            return 1;
        }
        diff = std::move(*result);

        timer.restart();
        const qint64 sqlRows = summariesBySql(path, ids);
        sqlTimes.push_back(msSince(timer));
        timer.restart();
        const qint64 seriesCount = summariesBySeries(path, ids);
        seriesTimes.push_back(msSince(timer));
        if (sqlRows != 2 * qint64(options.runs) * options.metrics
            || seriesCount != qint64(options.runs) * options.metrics) {
            std::printf("error: summaries returned %lld / %lld rows\n", static_cast<long long>(sqlRows),
                        static_cast<long long>(seriesCount));
            return 1;
        }

        // The comparison alone, on what the worker read.
        auto reader = Store::openStore(path);
        Store::RunQuery query;
        query.view = Store::ViewType::All;
        const auto table = (*reader)->runs(query);
        QList<RunDiff::RunSnapshot> snapshots;
        for (const QString &id : ids)
            snapshots.append(
                RunDiff::snapshotOf(*table, table->indexOfRun(id), path, QStringLiteral("sweep")));
        timer.restart();
        const RunDiff::Diff built = RunDiff::buildDiff(snapshots);
        buildTimes.push_back(msSince(timer));
        if (built.params.size() != options.params) {
            std::printf("error: %lld param rows\n", static_cast<long long>(built.params.size()));
            return 1;
        }

        ParamDiffModel params;
        MetricDiffModel metrics;
        timer.restart();
        params.setDiff(diff);
        paramFill.push_back(msSince(timer));
        timer.restart();
        metrics.setDiff(diff);
        metricFill.push_back(msSince(timer));
        timer.restart();
        qint64 chars = 0;
        for (int row = 0; row < params.rowCount(); ++row) {
            for (int column = 0; column < params.columnCount(); ++column)
                chars += params.index(row, column).data().toString().size();
        }
        for (int row = 0; row < metrics.rowCount(); ++row) {
            for (int column = 0; column < metrics.columnCount(); ++column)
                chars += metrics.index(row, column).data().toString().size();
        }
        cellTimes.push_back(msSince(timer));
        shownParams = params.rowCount();
        if (chars == 0)
            return 1;
    }

    const double sql = median(sqlTimes), series = median(seriesTimes);
    std::printf("median of %d, warm page cache:\n", options.repeat);
    std::printf("  readDiff (worker: runs, experiments, histories, compare): %9.2f ms\n", median(readTimes));
    std::printf("  metric summaries, readMetricSeries + summarize:           %9.2f ms\n", series);
    std::printf("  metric summaries, SQL min/max GROUP BY (baseline):        %9.2f ms\n", sql);
    std::printf("  ratio series / SQL: %.2f (%s is faster)\n", series / sql,
                series <= sql ? "readMetricSeries" : "SQL");
    std::printf("  buildDiff (compare %d runs x %d params):                   %9.2f ms\n", options.runs,
                options.params, median(buildTimes));
    std::printf("  ParamDiffModel::setDiff (%d of %d rows shown):            %9.2f ms\n", shownParams,
                options.params, median(paramFill));
    std::printf("  MetricDiffModel::setDiff:                                 %9.2f ms\n", median(metricFill));
    std::printf("  DisplayRole of every shown cell (both models):           %9.2f ms\n", median(cellTimes));
    return 0;
}
