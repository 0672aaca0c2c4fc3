// bench_curves: how fast and how lean Kaizen loads full metric histories, against the sqlite3
// shell selecting the same rows, both measured in this run on the same file.
//
//   bench_curves [--runs R] [--steps N] [--repeat K] [--keep DIR]
//
// Builds (or reuses, from DIR, default the temporary folder's kaizen-bench-curves) a store of R
// runs (default 10) x N steps (default 1000000) of one key, "loss", with noisy values, spikes, a
// few NaN and +/-inf points, through StoreBuilder's bulk path (MLflow's exact rows and
// latest_metrics). Then, K times each (default 5), interleaved:
//   - sqlite3 -readonly STORE "SELECT step, timestamp, value, is_nan FROM metrics INDEXED BY
//     index_metrics_run_uuid WHERE run_uuid IN (...) AND key = 'loss'" > /dev/null, and the same
//     without INDEXED BY (what SQLite picks by itself on MLflow files, which carry no sqlite_stat1);
//   - MlflowStore::readMetricSeries of every run on one thread;
//   - MetricSeriesLoader::load (the GUI's path: two reader threads, results through the event
//     loop) until loadFinished, with the time to the first series.
// Prints medians, the ratios Kaizen / shell (target <= 0.8), the bytes per resident point
// (MetricSeries::memoryFootprint / points; target <= 30 with the reduction pyramid, ~24 without)
// and the peak RSS of this process (the store is generated in a child, so it does not count).

#include "benchsupport.h"
#include "metricseriesloader.h"
#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <sys/resource.h>
#include <vector>

namespace {

using BenchSupport::mib;
using BenchSupport::scalar;

const QString Key = QStringLiteral("loss");

struct Options
{
    int runs = 10;
    qint64 steps = 1000000;
    int repeat = 5;
    QString keepDir;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

qint64 peakRssBytes()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_maxrss) * 1024; // kilobytes on Linux
}

QStringList runIdsOf(const QString &path)
{
    QStringList ids;
    Store::SqliteConnection db;
    if (db.open(path, Store::SqliteConnection::Mode::ReadOnly, 1000).code != Store::Error::None)
        return ids;
    Store::SqliteStatement query(db, "SELECT run_uuid FROM runs ORDER BY start_time");
    while (query.step())
        ids.append(query.string(0));
    return ids;
}

// A training loss: exponential decay, multiplicative noise, rare spikes, a few NaN and inf.
// Runs follow each other in time, as in a sweep, each logging a point every ~50 ms.
int generateMain(const QString &path, int runs, qint64 steps)
{
    Store::StoreBuilder::Options options;
    options.deferIndexes = true;
    options.now = 1700000000000;
    auto builder = Store::StoreBuilder::create(path, options);
    if (!builder) {
        std::fprintf(stderr, "%s\n", qPrintable(builder.error().message));
        return 1;
    }
    Store::StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("bench-curves")});
    QRandomGenerator random(42);
    const size_t count = static_cast<size_t>(steps);
    std::vector<qint64> stepArray(count), times(count);
    std::vector<double> values(count);
    qint64 time = options.now;
    for (int r = 0; r < runs; ++r) {
        const qint64 start = time;
        const QString run = b.addRun({.experimentId = experiment,
                                      .name = QStringLiteral("run-%1").arg(r),
                                      .startTime = start,
                                      .endTime = start + steps * 50});
        const double rate = 3.0 / double(steps) * (1 + 0.1 * r);
        for (qint64 i = 0; i < steps; ++i) {
            const size_t j = size_t(i);
            stepArray[j] = i;
            time += 40 + qint64(random.bounded(20));
            times[j] = time;
            const double noise = 1 + 0.1 * (random.generateDouble() - 0.5);
            double v = (2.5 * std::exp(-rate * double(i)) + 0.05) * noise;
            if (random.bounded(10000) == 0)
                v *= 20; // a spike
            if (i > 0 && i % 250000 == 0)
                v = std::numeric_limits<double>::quiet_NaN();
            if (i == steps / 2 + 1)
                v = std::numeric_limits<double>::infinity();
            values[j] = v;
        }
        b.logMetricHistory(run, Key, stepArray, times, values);
        b.updateRun(run, QStringLiteral("FINISHED"), time);
    }
    if (Store::Error error = b.finish(); !error.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 1;
    }
    return 0;
}

QString shellQuery(const QStringList &runs, bool indexedBy)
{
    QString list;
    for (const QString &run : runs)
        list += (list.isEmpty() ? QStringLiteral("'") : QStringLiteral(", '")) + run + QLatin1Char('\'');
    return QStringLiteral(
               "SELECT step, timestamp, value, is_nan FROM metrics%1 WHERE run_uuid IN (%2) AND key = '%3'")
        .arg(indexedBy ? QStringLiteral(" INDEXED BY index_metrics_run_uuid") : QString(), list, Key);
}

void printPlan(Store::SqliteConnection &db, const char *label, const QString &sql)
{
    std::printf("query plan, %s:\n", label);
    Store::SqliteStatement plan(db, "EXPLAIN QUERY PLAN " + sql.toUtf8());
    while (plan.step())
        std::printf("    %s\n", plan.text(3).data());
    if (!plan.error().ok())
        std::printf("    (error: %s)\n", qPrintable(plan.error().message));
}

// Wall seconds of the shell printing the rows to /dev/null, or -1.
double timeShell(const QString &sqlite3, const QString &store, const QString &sql)
{
    QProcess shell;
    shell.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    shell.start(sqlite3, {QStringLiteral("-readonly"), store, sql});
    if (!shell.waitForFinished(-1) || shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0)
        return -1;
    return timer.nsecsElapsed() / 1e9;
}

struct LoadFigures
{
    double seconds = -1;
    double firstSeriesSeconds = -1;
    qint64 points = 0;
    qint64 bytes = 0;
};

LoadFigures timeReader(const QString &store, const QStringList &runs)
{
    LoadFigures figures;
    QElapsedTimer timer;
    timer.start();
    auto reader = Store::openStore(store);
    if (!reader)
        return figures;
    std::vector<Store::MetricSeries> series;
    const Store::Error error = (*reader)->readMetricSeries(runs, {Key}, [&](Store::MetricSeries &&s) {
        if (figures.firstSeriesSeconds < 0)
            figures.firstSeriesSeconds = timer.nsecsElapsed() / 1e9;
        series.push_back(std::move(s));
    });
    if (!error.ok()) {
        std::printf("error: %s\n", qPrintable(error.message));
        return figures;
    }
    figures.seconds = timer.nsecsElapsed() / 1e9;
    for (const Store::MetricSeries &s : series) {
        figures.points += s.size();
        figures.bytes += s.memoryFootprint();
    }
    return figures;
}

LoadFigures timeLoader(const QString &store, const QStringList &runs)
{
    LoadFigures figures;
    MetricSeriesLoader loader;
    loader.setLocation(store);
    Store::MetricSeriesList series;
    QEventLoop loop;
    QElapsedTimer timer;
    bool ok = false;
    QObject::connect(&loader, &MetricSeriesLoader::seriesLoaded, &loop, [&](const Store::MetricSeriesPtr &s) {
        if (figures.firstSeriesSeconds < 0)
            figures.firstSeriesSeconds = timer.nsecsElapsed() / 1e9;
        series.append(s);
    });
    QObject::connect(&loader, &MetricSeriesLoader::loadFinished, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&loader, &MetricSeriesLoader::loadFailed, &loop, [&](const Store::Error &error) {
        std::printf("error: %s\n", qPrintable(error.message));
        loop.quit();
    });
    timer.start();
    loader.load(runs, {Key});
    loop.exec();
    if (!ok)
        return figures;
    figures.seconds = timer.nsecsElapsed() / 1e9;
    for (const Store::MetricSeriesPtr &s : std::as_const(series)) {
        figures.points += s->size();
        figures.bytes += s->memoryFootprint();
    }
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 5 && std::strcmp(argv[1], "--generate") == 0)
        return generateMain(QString::fromLocal8Bit(argv[2]), std::atoi(argv[3]), std::atoll(argv[4]));
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(
        QStringLiteral("Loading full metric histories against the sqlite3 shell."));
    arguments.add(QStringLiteral("runs"), options.runs, QStringLiteral("Runs in the store."));
    arguments.add(QStringLiteral("steps"), options.steps, QStringLiteral("Steps of the one key per run."));
    arguments.add(QStringLiteral("repeat"), options.repeat,
                  QStringLiteral("Timed loads; the median is printed."));
    arguments.add(QStringLiteral("keep"), options.keepDir,
                  QStringLiteral("Keep (and reuse) the store in this directory."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const qint64 totalPoints = qint64(options.runs) * options.steps;
    std::printf("bench_curves: %d runs x %lld steps of one key (%lld points)\n", options.runs,
                static_cast<long long>(options.steps), static_cast<long long>(totalPoints));

    const QString dir = options.keepDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/kaizen-bench-curves")
                                                  : QDir(options.keepDir).absolutePath();
    QDir().mkpath(dir);
    const QString store = dir + QStringLiteral("/curves-%1x%2.db").arg(options.runs).arg(options.steps);

    // A store of the right size is reused; anything else is rebuilt, in a child process so that
    // its memory does not count towards this one's peak RSS.
    bool reuse = false;
    if (QFileInfo::exists(store)) {
        Store::SqliteConnection db;
        if (db.open(store, Store::SqliteConnection::Mode::ReadOnly, 1000).code == Store::Error::None)
            reuse = scalar(db, "SELECT count(*) FROM runs") == options.runs
                && scalar(db, "SELECT max(rowid) FROM metrics") == totalPoints
                && scalar(db, "SELECT count(*) FROM latest_metrics") == options.runs;
        if (!reuse)
            QFile::remove(store);
    }
    if (reuse) {
        std::printf("store: %s (%.1f MiB), reused\n", qPrintable(store), mib(QFileInfo(store).size()));
    } else {
        QElapsedTimer timer;
        timer.start();
        QProcess generator;
        generator.setProcessChannelMode(QProcess::ForwardedChannels);
        generator.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--generate"), store, QString::number(options.runs),
                         QString::number(options.steps)});
        if (!generator.waitForFinished(-1) || generator.exitCode() != 0) {
            std::printf("error: cannot generate the store\n");
            return 1;
        }
        std::printf("store: %s (%.1f MiB), generated in %.1f s\n", qPrintable(store),
                    mib(QFileInfo(store).size()), timer.elapsed() / 1000.0);
    }

    const QStringList runs = runIdsOf(store);
    if (runs.size() != options.runs) {
        std::printf("error: the store holds %lld runs\n", static_cast<long long>(runs.size()));
        return 1;
    }
    {
        Store::SqliteConnection db;
        if (db.open(store, Store::SqliteConnection::Mode::ReadOnly, 1000).code == Store::Error::None) {
            printPlan(db, "sqlite3 with INDEXED BY", shellQuery(runs, true));
            printPlan(db, "sqlite3 plain (no sqlite_stat1)", shellQuery(runs, false));
            printPlan(db, "Kaizen, per run",
                      QStringLiteral("SELECT value, timestamp, step, is_nan FROM metrics INDEXED BY "
                                     "index_metrics_run_uuid WHERE run_uuid = '%1' AND \"key\" IN ('%2')")
                          .arg(runs.first(), Key));
        }
    }

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty())
        std::printf("sqlite3: not in PATH, no baseline\n");
    const qint64 rssBefore = peakRssBytes();
    std::printf("peak RSS before loading: %.1f MiB\n", mib(rssBefore));

    // Warm the page cache once, so every measurement reads from memory.
    if (!sqlite3.isEmpty())
        timeShell(sqlite3, store, shellQuery(runs, true));

    bool failed = false;
    std::vector<double> shellIndexed, shellPlain, reader, readerFirst, loader, loaderFirst;
    LoadFigures lastLoad;
    for (int i = 0; i < options.repeat; ++i) {
        if (!sqlite3.isEmpty()) {
            shellIndexed.push_back(timeShell(sqlite3, store, shellQuery(runs, true)));
            shellPlain.push_back(timeShell(sqlite3, store, shellQuery(runs, false)));
        }
        const LoadFigures r = timeReader(store, runs);
        const LoadFigures l = timeLoader(store, runs);
        if (r.seconds < 0 || l.seconds < 0 || r.points != totalPoints || l.points != totalPoints) {
            std::printf("error: a load failed or returned %lld / %lld of %lld points\n",
                        static_cast<long long>(r.points), static_cast<long long>(l.points),
                        static_cast<long long>(totalPoints));
            failed = true;
            break;
        }
        reader.push_back(r.seconds);
        readerFirst.push_back(r.firstSeriesSeconds);
        loader.push_back(l.seconds);
        loaderFirst.push_back(l.firstSeriesSeconds);
        lastLoad = l;
    }
    if (failed)
        return 1;
    if (std::any_of(shellIndexed.begin(), shellIndexed.end(), [](double s) { return s < 0; })
        || std::any_of(shellPlain.begin(), shellPlain.end(), [](double s) { return s < 0; })) {
        std::printf("error: the sqlite3 shell failed\n");
        return 1;
    }

    const double mPoints = totalPoints / 1e6;
    std::printf("median of %d, warm page cache:\n", options.repeat);
    double baseline = -1;
    if (!shellIndexed.empty()) {
        baseline = median(shellIndexed);
        std::printf("  sqlite3 shell, INDEXED BY index_metrics_run_uuid: %8.3f s (%.1f M rows/s)\n", baseline,
                    mPoints / baseline);
        std::printf("  sqlite3 shell, plain query:                       %8.3f s (%.1f M rows/s)\n",
                    median(shellPlain), mPoints / median(shellPlain));
    }
    std::printf(
        "  MlflowStore::readMetricSeries, one thread:        %8.3f s (%.1f M rows/s; first series after "
        "%.3f s)\n",
        median(reader), mPoints / median(reader), median(readerFirst));
    std::printf(
        "  MetricSeriesLoader (2 threads, event loop):       %8.3f s (%.1f M rows/s; first series after "
        "%.3f s)\n",
        median(loader), mPoints / median(loader), median(loaderFirst));
    if (baseline > 0) {
        const double ratio = median(loader) / baseline;
        std::printf("ratio MetricSeriesLoader / sqlite3 INDEXED BY: %.2f (target <= 0.8: %s)\n", ratio,
                    ratio <= 0.8 ? "met" : "missed");
        std::printf("ratio readMetricSeries (one thread) / sqlite3 INDEXED BY: %.2f\n",
                    median(reader) / baseline);
        std::printf("ratio MetricSeriesLoader / sqlite3 plain: %.2f\n", median(loader) / median(shellPlain));
    }
    const double perPoint = double(lastLoad.bytes) / double(lastLoad.points);
    std::printf(
        "resident series: %.1f MiB for %lld points = %.2f bytes/point (target <= 30 with the pyramid; "
        "arrays alone 24)\n",
        mib(lastLoad.bytes), static_cast<long long>(lastLoad.points), perPoint);
    const qint64 rss = peakRssBytes();
    std::printf("peak RSS: %.1f MiB (%.1f MiB above the start; one load holds %.1f MiB of series)\n",
                mib(rss), mib(rss - rssBefore), mib(lastLoad.bytes));
    return perPoint <= 24.5 ? 0 : 1;
}
