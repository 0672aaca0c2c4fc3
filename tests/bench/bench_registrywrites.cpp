// bench_registrywrites: Kaizen's registry writes (Store::applyRegistryChange) on a SQLite store
// that another process writes at the same time, as MLflow's tracking client does while a job
// logs metrics.
//
//   bench_registrywrites [--ops N] [--interval-ms I] [--rate R] [--batch B] [--dir DIR]
//
// On a demo store, after 20 writes to warm up: N registry writes (default 1000; stage
// transitions, half of those to Staging or Production archiving the versions already there, and
// alias moves, as tst_registryconcurrency plans them), one every I ms (default 10), first alone
// (the baseline), then N more while registryloadwriter logs R rows/s (default 600) in
// transactions of B rows (default 5). The store is written in DIR (default: /dev/shm when there
// is one, else the temporary folder; on a disk each commit also waits for its flushes, which
// bounds both writers far below these rates). Prints for each phase the writes done, retried (and
// how often), refused as locked, and the per-write latency (median, p95, max), the ratio of the
// loaded latencies to the baseline's, and the load writer's achieved rows/s. Checks that the
// registry ends where the writes lead and that every row of the load writer is there.

#include "benchsupport.h"
#include "demostore.h"
#include "registryworkload.h"
#include "sqlitehandle.h"
#include "storefactory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

using namespace RegistryWorkload;

struct Options
{
    int ops = 1000;
    int intervalMs = 10;
    int rate = 600;
    int batch = 5;
    QString dir {};
};

struct Phase
{
    int writes = 0;
    int retried = 0;
    int retries = 0;
    int locked = 0;
    std::vector<double> latencies; // ms per applyRegistryChange
    bool ok = true;

    double percentile(double p) const
    {
        if (latencies.empty())
            return 0;
        std::vector<double> sorted = latencies;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
    }
    void print(const char *label) const
    {
        std::printf("%-18s %5d writes, %3d retried (%d retries), %3d refused as locked; latency ms: "
                    "median %.2f, p95 %.2f, max %.2f\n",
                    label, writes, retried, retries, locked, percentile(0.5), percentile(0.95),
                    latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
    }
};

// `ops` planned writes alternating between the two models; `expected` follows what was written.
Phase runPhase(Store::MlflowStore &store, Store::SqliteConnection &reader, Planner &planner,
               QList<ModelState> &expected, const Options &options)
{
    Phase phase;
    QElapsedTimer timer;
    const auto start = std::chrono::steady_clock::now();
    for (int op = 0; op < options.ops; ++op) {
        std::this_thread::sleep_until(start + std::chrono::milliseconds(qint64(op) * options.intervalMs));
        ModelState &state = expected[op % expected.size()];
        const Store::RegistryChange change = planner.next(state);
        timer.start();
        const auto written = store.applyRegistryChange(change);
        phase.latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (written) {
            ++phase.writes;
            phase.retries += written->retries;
            phase.retried += written->retries > 0 ? 1 : 0;
            apply(state, change, written->time);
        } else if (written.error().code == Store::Error::Locked) {
            ++phase.locked;
        } else {
            std::printf("error: %s: %s\n", qPrintable(change.summary), qPrintable(written.error().message));
            phase.ok = false;
            return phase;
        }
    }
    for (const ModelState &state : std::as_const(expected)) {
        const auto actual = readState(reader, state.name);
        if (!actual || !(*actual == state)) {
            std::printf(
                "error: the registry is not where the writes lead:\nexpected:\n%s\nin the store:\n%s\n",
                qPrintable(state.describe()),
                qPrintable(actual ? actual->describe() : actual.error().message));
            phase.ok = false;
        }
    }
    return phase;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(
        QStringLiteral("Registry writes on a SQLite store that another process writes at the same time."));
    arguments.add(QStringLiteral("ops"), options.ops, QStringLiteral("Registry writes per phase."));
    arguments.add(QStringLiteral("interval-ms"), options.intervalMs,
                  QStringLiteral("Milliseconds from one registry write's start to the next's."), 0);
    arguments.add(QStringLiteral("rate"), options.rate,
                  QStringLiteral("Rows per second of the load writer."));
    arguments.add(QStringLiteral("batch"), options.batch,
                  QStringLiteral("Rows per transaction of the load writer (odd, at least 3)."), 3);
    arguments.add(QStringLiteral("dir"), options.dir,
                  QStringLiteral("Folder of the store (default: /dev/shm or temp)."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    if (options.batch % 2 == 0) {
        std::printf("error: --batch must be odd (pairs of metric rows and a tag)\n");
        return 2;
    }
    const QString folder = options.dir.isEmpty() ? scratchFolder() : options.dir;
    std::printf("bench_registrywrites: %d registry writes alone, then %d beside a writer of %d rows/s in "
                "transactions of %d rows; store in %s\n",
                options.ops, options.ops, options.rate, options.batch, qPrintable(folder));

    QTemporaryDir dir(folder + QStringLiteral("/bench_registrywrites-XXXXXX"));
    if (!dir.isValid()) {
        std::printf("error: cannot write in %s\n", qPrintable(folder));
        return 1;
    }
    const QString path = dir.filePath(QStringLiteral("mlflow.db"));
    if (const Store::Error error
        = Store::DemoStore::generate(path, {.curveSteps = 30, .withArtifacts = false});
        !error.ok()) {
        std::printf("error: %s\n", qPrintable(error.message));
        return 1;
    }
    Store::SqliteConnection reader;
    if (!reader.open(path, Store::SqliteConnection::Mode::ReadOnly, 20000).ok()) {
        std::printf("error: cannot read %s\n", qPrintable(path));
        return 1;
    }
    QList<ModelState> expected;
    for (const char *model : {"churn-predictor", "mnist-classifier"}) {
        auto state = readState(reader, QLatin1String(model));
        if (!state) {
            std::printf("error: %s\n", qPrintable(state.error().message));
            return 1;
        }
        expected.append(*state);
    }
    QStringList runIds;
    {
        Store::SqliteStatement runs(reader,
                                    "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'active' "
                                    "ORDER BY start_time DESC, run_uuid LIMIT 4");
        while (runs.step())
            runIds.append(runs.string(0));
    }

    auto store = Store::openStore(path, {.writable = true});
    if (!store) {
        std::printf("error: %s\n", qPrintable(store.error().message));
        return 1;
    }
    if (const Store::Error writable = (*store)->registryWritability(); !writable.ok()) {
        std::printf("error: registry writes: %s\n", qPrintable(writable.message));
        return 1;
    }

    Planner planner(20260112);
    // Warm up (caches, the store's prepared statements) before the baseline.
    if (!runPhase(**store, reader, planner, expected, {.ops = 20, .intervalMs = 0}).ok)
        return 1;
    const Phase alone = runPhase(**store, reader, planner, expected, options);
    if (!alone.ok)
        return 1;

    LoadWriter writer;
    if (!writer.start(QStringLiteral(KAIZEN_LOADWRITER), path, 3600, options.rate, runIds, options.batch)) {
        std::printf("error: %s\n", qPrintable(writer.error()));
        return 1;
    }
    const Phase loaded = runPhase(**store, reader, planner, expected, options);
    const bool overlapped = writer.isRunning();
    LoadWriter::Report report;
    if (!writer.stop(report)) {
        std::printf("error: %s\n", qPrintable(writer.error()));
        return 1;
    }
    if (!loaded.ok)
        return 1;

    alone.print("alone:");
    loaded.print("beside the writer:");
    std::printf("ratio loaded / alone: median %.2f, p95 %.2f\n",
                loaded.percentile(0.5) / std::max(alone.percentile(0.5), 1e-9),
                loaded.percentile(0.95) / std::max(alone.percentile(0.95), 1e-9));
    std::printf("load writer: %lld rows in %lld transactions over %.1f s = %.0f rows/s (asked %d), "
                "%lld retries%s\n",
                static_cast<long long>(report.rows), static_cast<long long>(report.transactions),
                report.seconds, report.rowsPerSecond, options.rate, static_cast<long long>(report.retries),
                overlapped ? "" : " (it stopped before the registry writes did)");
    if (const QString missing = checkLoadRows(reader, report); !missing.isEmpty()) {
        std::printf("error: load writer rows missing:\n%s\n", qPrintable(missing));
        return 1;
    }
    std::printf("every row of both writers is there; %d transitions (%d archiving), %d alias changes\n",
                planner.transitions, planner.archiving, planner.aliasMoves);
    return 0;
}
