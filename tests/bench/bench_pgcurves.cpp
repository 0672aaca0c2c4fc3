// bench_pgcurves: the first full-width chart of a PostgreSQL store over loopback, with the
// reduction in the server (MlflowStore::readReducedSeries(), the Charts tab's path), against psql
// selecting every row of the same curves in the same run.
//
//   bench_pgcurves [--runs N] [--steps S] [--width W] [--repeat K]
//
// Needs a server: KAIZEN_TEST_PG_URL (tests/pg/pg-test-env sets it from the CTest fixture, or
// export the URL of a server of one's own prepared as tests/pg/pg-server prepares its own). Makes a
// database there with N runs (default 10) x S steps (default 1,000,000) of one metric, written by
// the server itself (generate_series), then measures K times (default 3), each from a new
// connection:
//   - psql:     `psql -At -c "SELECT step, timestamp, value, is_nan ... ORDER BY ..." > /dev/null`;
//   - overview: what the chart draws first (two connections, as the Charts tab reads), before it knows its
//   columns (about 4,096 a run);
//   - exact:    the rows of the chart's W device columns (default 1600) over the whole range;
//   - first chart: overview + exact, what a newly opened chart waits for to be exact.
// For each: the median time, the rows received and the bytes that crossed the loopback interface
// (both ways, headers included; /sys/class/net/lo/statistics/rx_bytes). Goals: at least 20x fewer bytes and
// at most 0.2x the time of psql. Exits 1 when a read fails or returns the wrong rows, not when a goal is
// missed.

#include "benchsupport.h"
#include "mlflowstore.h"
#include "pixelreduction.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

// Bytes that crossed the loopback interface so far: what a client on this machine and its server
// exchanged, both ways, headers included (libpq reads with recv(), which /proc/PID/io does not
// count). Other traffic on the interface meanwhile counts too: run on a quiet machine.
qint64 loopbackBytes()
{
    QFile rx(QStringLiteral("/sys/class/net/lo/statistics/rx_bytes"));
    if (!rx.open(QIODevice::ReadOnly))
        return -1;
    return rx.readAll().trimmed().toLongLong();
}

struct Sample
{
    double ms = 0;
    qint64 rows = 0;
    qint64 bytes = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

bool psql(const QString &url, const QByteArray &sql, Sample &out)
{
    // Spawned, not QProcess: its output goes to /dev/null unread.
    const QByteArray urlText = url.toUtf8();
    const char *argv[]
        = {"psql", "-X", "-A", "-t", "-q", "-d", urlText.constData(), "-c", sql.constData(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const qint64 before = loopbackBytes();
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "psql", &actions, nullptr, const_cast<char **>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return false;
    int status = 0;
    waitpid(pid, &status, 0);
    out.ms = double(timer.nsecsElapsed()) / 1e6;
    out.bytes = loopbackBytes() - before;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Reads every run's reduction for `columns` (invalid: overviews) as the Charts tab does
// (ReducedSeriesReader): the runs shared between two new connections, read at once.
bool reduce(const QString &url, const QStringList &runs, const Store::PixelColumns &columns, Sample &out,
            std::vector<Store::MetricSeries> *kept = nullptr)
{
    const qint64 before = loopbackBytes();
    QElapsedTimer timer;
    timer.start();
    std::mutex lock;
    bool ok = true;
    out.rows = 0;
    const auto readShare = [&](int share) {
        QStringList mine;
        for (qsizetype i = share; i < runs.size(); i += 2)
            mine.append(runs[i]);
        auto store = Store::openStore(url);
        Store::Error error = store ? Store::Error() : store.error();
        if (store) {
            error = (*store)->readReducedSeries(mine, QStringLiteral("loss"), columns,
                                                [&](Store::MetricSeries &&s) {
                                                    const std::lock_guard<std::mutex> locked(lock);
                                                    out.rows += s.size();
                                                    if (kept)
                                                        kept->push_back(std::move(s));
                                                });
        }
        if (!error.ok()) {
            const std::lock_guard<std::mutex> locked(lock);
            std::fprintf(stderr, "reduce: %s\n", qPrintable(error.message));
            ok = false;
        }
    };
    std::thread other(readShare, 1);
    readShare(0);
    other.join();
    out.ms = double(timer.nsecsElapsed()) / 1e6;
    out.bytes = loopbackBytes() - before;
    return ok;
}

bool exec(const QString &url, const QString &sql)
{
    QProcess p;
    p.start(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
             QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), url, QStringLiteral("-c"), sql});
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        std::fprintf(stderr, "psql: %s\n", p.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 10;
    qint64 steps = 1'000'000;
    int width = 1600;
    int repeat = 3;
    BenchSupport::Arguments arguments(
        QStringLiteral("The first full-width chart of a PostgreSQL store against psql."));
    arguments.add(QStringLiteral("runs"), runs, QStringLiteral("Runs charted."));
    arguments.add(QStringLiteral("steps"), steps, QStringLiteral("Steps of each run's metric."));
    arguments.add(QStringLiteral("width"), width, QStringLiteral("The chart's width in device pixels."));
    arguments.add(QStringLiteral("repeat"), repeat, QStringLiteral("Measurements of each."));
    if (const auto exit = arguments.parse(app.arguments()))
        return *exit;
    if (TestSupport::postgresServer().isEmpty()) {
        std::fprintf(stderr, "bench_pgcurves: set KAIZEN_TEST_PG_URL (see tests/pg/pg-test-env)\n");
        return 1;
    }
    const QString url = TestSupport::newPostgresDatabase();
    if (url.isEmpty())
        return 1;

    std::printf("bench_pgcurves: %d runs x %lld steps of one metric, written by the server ...\n", runs,
                static_cast<long long>(steps));
    std::fflush(stdout);
    QElapsedTimer fill;
    fill.start();
    const QString runList
        = QStringLiteral("SELECT 'r' || lpad(i::text, 31, '0') FROM generate_series(1, %1) i").arg(runs);
    if (!exec(url,
              QStringLiteral(
                  "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage) "
                  "VALUES (1, 'bench', '/tmp/bench', 'active')"))
        || !exec(
            url,
            QStringLiteral("INSERT INTO runs (run_uuid, name, status, start_time, lifecycle_stage, "
                           "experiment_id, artifact_uri) SELECT r, r, 'FINISHED', 1700000000000, 'active', "
                           "1, '/tmp/bench' FROM (%1) AS x(r)")
                .arg(runList))
        || !exec(
            url,
            QStringLiteral("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) SELECT "
                           "'loss', exp(-s / %1.0) + random() * 0.05, 1700000000000 + s * 10, r, s, false "
                           "FROM (%2) AS x(r), generate_series(0, %3) s")
                .arg(std::max<qint64>(1, steps / 3))
                .arg(runList)
                .arg(steps - 1))
        || !exec(url, QStringLiteral("ANALYZE")))
        return 1;
    std::printf("  written in %.1f s\n", double(fill.elapsed()) / 1000);

    QStringList runIds;
    for (int i = 1; i <= runs; ++i)
        runIds << QStringLiteral("r%1").arg(i, 31, 10, QLatin1Char('0'));
    const QByteArray everyRow
        = "SELECT step, timestamp, value, is_nan FROM metrics WHERE key = 'loss' AND run_uuid IN ('"
        + runIds.join(QStringLiteral("','")).toUtf8() + "') ORDER BY run_uuid, step, timestamp, value";
    // The chart's columns over the whole range, as CurveLayer::pixelColumns() gives them.
    Store::PixelColumns whole;
    whole.origin = 0;
    whole.scale = double(width) / double(std::max<qint64>(1, steps - 1));
    whole.left = 0;
    whole.right = width;

    std::vector<double> psqlMs, overviewMs, exactMs, firstMs;
    Sample psqlSample, overview, exact;
    for (int k = 0; k < repeat; ++k) {
        if (!psql(url, everyRow, psqlSample))
            return 1;
        std::vector<Store::MetricSeries> kept;
        if (!reduce(url, runIds, {}, overview) || !reduce(url, runIds, whole, exact, &kept))
            return 1;
        // Every run's line reaches both ends, with a few rows a column.
        for (const Store::MetricSeries &s : kept) {
            if (s.isEmpty() || s.steps.front() != 0 || s.steps.back() != steps - 1
                || s.size() > 4 * (width + 2)) {
                std::fprintf(stderr, "bench_pgcurves: run %s came back with %lld rows\n", qPrintable(s.runId),
                             static_cast<long long>(s.size()));
                return 1;
            }
        }
        psqlMs.push_back(psqlSample.ms);
        overviewMs.push_back(overview.ms);
        exactMs.push_back(exact.ms);
        firstMs.push_back(overview.ms + exact.ms);
    }
    const qint64 allRows = qint64(runs) * steps;
    const auto line = [&](const char *name, double ms, qint64 rows, qint64 bytes) {
        std::printf("  %-24s %9.1f ms %11lld rows %12lld bytes   time %.3fx, bytes 1/%.0f of psql\n", name,
                    ms, static_cast<long long>(rows), static_cast<long long>(bytes), ms / median(psqlMs),
                    double(psqlSample.bytes) / double(std::max<qint64>(1, bytes)));
    };
    std::printf("median of %d, each on a new connection:\n", repeat);
    line("psql, every row", median(psqlMs), allRows, psqlSample.bytes);
    line("overview", median(overviewMs), overview.rows, overview.bytes);
    line("exact columns", median(exactMs), exact.rows, exact.bytes);
    line("first chart (both)", median(firstMs), overview.rows + exact.rows, overview.bytes + exact.bytes);
    const double timeRatio = median(firstMs) / median(psqlMs);
    const double byteRatio
        = double(psqlSample.bytes) / double(std::max<qint64>(1, overview.bytes + exact.bytes));
    std::printf("goals: bytes at least 20x fewer (%.0fx: %s), time at most 0.2x (%.3fx: %s)\n", byteRatio,
                byteRatio >= 20 ? "met" : "missed", timeRatio, timeRatio <= 0.2 ? "met" : "missed");
    return 0;
}
