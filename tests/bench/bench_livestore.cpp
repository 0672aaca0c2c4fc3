// bench_livestore: what a poll costs while a run trains (the store side of live updates).
//
//   bench_livestore [--runs N] [--rows R] [--repeat K]
//
// (a) changeToken() on a SQLite store and on an mlruns folder of N runs (default 10000, the last
//     10 RUNNING, the shape of bench_filestore: 39 files a run): the file store's first call
//     (it parses every run's meta.yaml once) and then the median of K batches of calls;
// (b) a series of R rows (default 1000000) of a RUNNING run in each backend: read whole
//     (readMetricSeries), then 100 rows appended by a second writer and read with
//     readMetricAppend() from the whole read's tail; the ratio append / whole (K times, medians).
// The stores are written into a temporary folder. Exits 1 when a result is wrong: a token that
// did not change after a write, or changed without one, or a row count that is off.
//
// Measured (release, warm, 2 cores shared with other builds, load average ~5), defaults:
// changeToken() 0.0085 ms on SQLite, 57 ms on 10,000 runs (835 ms for the first call);
// 100 appended rows of 1,000,000: SQLite 0.40 ms against 501 ms whole (ratio 0.0008), mlruns
// 0.32 ms against 347 ms (0.0009).

#include "benchsupport.h"
#include "refreshscheduler.h"
#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "storewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

const QString Key = QStringLiteral("loss");
constexpr int AppendRows = 100, UnfinishedRuns = 10;
constexpr qint64 Start = 1700000000000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

bool fail(const char *what)
{
    std::printf("wrong result: %s\n", what);
    return false;
}

// Median ms of one changeToken() call, over `repeat` batches of `calls`; -1 when one fails or the
// token moves although nothing was written.
double tokenMs(Store::MlflowStore &store, int repeat, int calls)
{
    const auto first = store.changeToken();
    if (!first.ok())
        return -1;
    std::vector<double> batches;
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < calls; ++i) {
            const auto token = store.changeToken();
            if (!token.ok() || *token != *first)
                return -1;
        }
        batches.push_back(msSince(timer) / calls);
    }
    return median(batches);
}

// A SQLite store with one RUNNING run logging `rows` rows of Key; its run id, empty on failure.
QString buildSqlite(const QString &path, qint64 rows)
{
    Store::StoreBuilder::Options options;
    options.deferIndexes = true;
    options.now = Start;
    auto builder = Store::StoreBuilder::create(path, options);
    if (!builder)
        return {};
    const qint64 experiment = (*builder)->addExperiment({.name = QStringLiteral("bench-live")});
    const QString run = (*builder)->addRun(
        {.experimentId = experiment, .status = QStringLiteral("RUNNING"), .startTime = Start});
    const auto count = static_cast<size_t>(rows);
    std::vector<qint64> steps(count), times(count);
    std::vector<double> values(count);
    for (size_t i = 0; i < count; ++i) {
        steps[i] = qint64(i);
        times[i] = Start + qint64(i) * 50;
        values[i] = 1.0 / double(i + 1);
    }
    (*builder)->logMetricHistory(run, Key, steps, times, values);
    return (*builder)->finish().ok() ? run : QString();
}

// The next `AppendRows` rows after `done` rows, as another writer logs them.
bool appendSqlite(const QString &path, const QString &run, qint64 done)
{
    Store::SqliteConnection db;
    if (!db.open(path, Store::SqliteConnection::Mode::ReadWrite, 5000).ok())
        return false;
    QByteArray sql = "BEGIN;";
    for (qint64 i = done; i < done + AppendRows; ++i) {
        sql += "INSERT INTO metrics (\"key\", value, timestamp, step, is_nan, run_uuid) VALUES ('loss', 0.5, "
            + QByteArray::number(Start + i * 50) + ", " + QByteArray::number(i) + ", 0, '" + run.toLatin1()
            + "');";
    }
    sql += "UPDATE latest_metrics SET step = " + QByteArray::number(done + AppendRows - 1)
        + ", value = 0.5 WHERE run_uuid = '" + run.toLatin1() + "' AND \"key\" = 'loss';COMMIT;";
    return db.exec(sql.constData()).ok();
}

bool appendFile(const QString &metricFile, qint64 done)
{
    QFile file(metricFile);
    if (!file.open(QIODevice::Append))
        return false;
    QByteArray lines;
    for (qint64 i = done; i < done + AppendRows; ++i)
        lines += QByteArray::number(Start + i * 50) + " 0.5 " + QByteArray::number(i) + '\n';
    return file.write(lines) == lines.size();
}

struct AppendFigures
{
    double wholeMs = -1;
    double appendMs = -1;
};

// (b) on one store: `append(done)` writes the next rows.
AppendFigures measureAppend(const QString &location, const QString &run, qint64 rows, int repeat,
                            const std::function<bool(qint64)> &append)
{
    AppendFigures figures;
    auto store = Store::openStore(location);
    if (!store)
        return figures;
    std::vector<double> whole, appended;
    qint64 total = rows;
    for (int r = 0; r < repeat; ++r) {
        QElapsedTimer timer;
        timer.start();
        Store::MetricSeries series;
        const Store::Error error = (*store)->readMetricSeries(
            {run}, {Key}, [&](Store::MetricSeries &&s) { series = std::move(s); });
        whole.push_back(msSince(timer));
        if (!error.ok() || series.size() != total || series.tail.rows != total)
            return fail("whole read"), AppendFigures();
        if (!append(total))
            return fail("writer"), AppendFigures();
        timer.restart();
        const auto added = (*store)->readMetricAppend(run, Key, series.tail);
        appended.push_back(msSince(timer));
        total += AppendRows;
        if (!added.ok() || added->rewritten || added->rows.size() != AppendRows
            || added->rows.tail.rows != total)
            return fail("append"), AppendFigures();
    }
    figures.wholeMs = median(whole);
    figures.appendMs = median(appended);
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 10000;
    qint64 rows = 1000000;
    int repeat = 5;
    BenchSupport::Arguments arguments(QStringLiteral("The cost of changeToken() and readMetricAppend()."));
    arguments.add(QStringLiteral("runs"), runs, QStringLiteral("Runs in the mlruns folder."), UnfinishedRuns);
    arguments.add(QStringLiteral("rows"), rows, QStringLiteral("Rows of the series appended to."));
    arguments.add(QStringLiteral("repeat"), repeat, QStringLiteral("Measurements (the median is printed)."));
    if (const auto exit = arguments.parse(app.arguments()))
        return *exit;
    QTemporaryDir scratch;
    QElapsedTimer timer;

    // The stores.
    timer.start();
    const QString dbPath = scratch.filePath(QStringLiteral("live.db"));
    const QString sqliteRun = buildSqlite(dbPath, rows);
    const QString mlruns = scratch.filePath(QStringLiteral("mlruns"));
    const BenchSupport::MlrunsShape shape {.runs = runs, .unfinishedRuns = UnfinishedRuns};
    const QString series = scratch.filePath(QStringLiteral("series"));
    const BenchSupport::MlrunsShape oneRun {.runs = 1, .metrics = 0, .unfinishedRuns = 1};
    if (sqliteRun.isEmpty() || !BenchSupport::writeMlruns(QFile::encodeName(mlruns).toStdString(), shape)
        || !BenchSupport::writeMlruns(QFile::encodeName(series).toStdString(), oneRun)) {
        std::printf("could not write the stores into %s\n", qPrintable(scratch.path()));
        return 1;
    }
    const QString fileRun
        = QDir(series + QStringLiteral("/0")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
    const QString metricFile = series + QStringLiteral("/0/") + fileRun + QStringLiteral("/metrics/") + Key;
    for (qint64 done = 0; done < rows; done += AppendRows) {
        if (!appendFile(metricFile, done)) {
            std::printf("could not write %s\n", qPrintable(metricFile));
            return 1;
        }
    }
    std::printf("stores: SQLite and mlruns series of %lld rows, mlruns folder of %d runs (%d RUNNING), "
                "written in %.1f s\n",
                rows, runs, UnfinishedRuns, msSince(timer) / 1000);

    // (a) changeToken().
    auto sqlite = Store::openStore(dbPath);
    timer.restart();
    auto folder = Store::openStore(mlruns);
    const auto firstToken = folder ? (*folder)->changeToken() : Store::Result<QByteArray>(folder.error());
    const double firstMs = msSince(timer);
    if (!sqlite || !firstToken)
        return fail("open or first token"), 1;
    const double sqliteMs = tokenMs(**sqlite, repeat, 1000);
    const double fileMs = tokenMs(**folder, repeat, 5);
    if (sqliteMs < 0 || fileMs < 0)
        return fail("a token moved without a write"), 1;
    // A line logged by a RUNNING run (the last one written: its id ends in its index) changes it.
    const QString suffix = QStringLiteral("%1").arg(runs - 1, 8, 16, QLatin1Char('0'));
    const QStringList runFolders
        = QDir(mlruns + QStringLiteral("/0")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    const auto live = std::find_if(runFolders.begin(), runFolders.end(),
                                   [&](const QString &name) { return name.endsWith(suffix); });
    if (live == runFolders.end()
        || !appendFile(mlruns + QStringLiteral("/0/") + *live + QStringLiteral("/metrics/metric_0"), 5))
        return fail("the running run's metric file"), 1;
    const auto afterLog = (*folder)->changeToken();
    if (!afterLog || *afterLog == *firstToken)
        return fail("the token did not change with a logged line"), 1;
    std::printf("(a) changeToken(), SQLite:                  %9.4f ms a call\n", sqliteMs);
    std::printf("    changeToken(), mlruns of %6d runs:     %9.1f ms a call (first call, parsing every "
                "meta.yaml: %.1f ms)\n",
                runs, fileMs, firstMs);

    // (b) readMetricAppend() against a whole read.
    const AppendFigures sqliteAppend = measureAppend(
        dbPath, sqliteRun, rows, repeat, [&](qint64 done) { return appendSqlite(dbPath, sqliteRun, done); });
    const AppendFigures fileAppend = measureAppend(series, fileRun, rows, repeat,
                                                   [&](qint64 done) { return appendFile(metricFile, done); });
    if (sqliteAppend.wholeMs < 0 || fileAppend.wholeMs < 0)
        return 1;
    std::printf("(b) %d rows appended to %lld:   whole read   append   ratio\n", AppendRows, rows);
    std::printf("    SQLite:                          %8.1f ms %6.3f ms  %.5f\n", sqliteAppend.wholeMs,
                sqliteAppend.appendMs, sqliteAppend.appendMs / sqliteAppend.wholeMs);
    std::printf("    mlruns:                          %8.1f ms %6.3f ms  %.5f\n", fileAppend.wholeMs,
                fileAppend.appendMs, fileAppend.appendMs / fileAppend.wholeMs);

    // (c) The run table's refresh reads the shown runs again (statuses, latest metrics, new runs):
    // its cost grows with the runs, so RefreshScheduler spaces it to a share of the time.
    std::vector<double> readMs;
    for (int i = 0; i < repeat; ++i) {
        timer.restart();
        const auto table = (*folder)->runs({{QStringLiteral("0")}});
        readMs.push_back(msSince(timer));
        if (!table || table->size() != runs)
            return fail("the runs read again"), 1;
    }
    const double refreshMs = median(readMs);
    const double spacingMs
        = std::max(double(StoreWatcher::DefaultIntervalMs), refreshMs / RefreshScheduler::DefaultCostShare);
    std::printf("(c) a refresh of the %d runs of the mlruns folder: %.1f ms; one at most every %.0f ms "
                "(%.0f%% of a core) instead of at every %d ms poll (%.0f%%)\n",
                runs, refreshMs, spacingMs, 100 * refreshMs / spacingMs, StoreWatcher::DefaultIntervalMs,
                100 * std::min(1.0, refreshMs / StoreWatcher::DefaultIntervalMs));
    return 0;
}
