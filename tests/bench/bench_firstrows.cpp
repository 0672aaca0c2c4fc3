// bench_firstrows: how soon the run table's first rows are there, the GUI's path: from
// RunLoader::loadRuns() to its firstRunsLoaded signal, on the event loop of this process.
//
//   bench_firstrows [--runs N] [--keep DIR] [--repeat K] [--postgresql]
//
// Generates (or, with --keep, reuses) a synthetic store of N runs (default 100000) x 20 params
// x 10 metrics x 8 tags in one experiment, then measures K times each (default 9):
//   - warm: the file in the page cache (after one untimed load that fills it);
//   - cold: the file evicted from the page cache before each repetition
//     (posix_fadvise(POSIX_FADV_DONTNEED) on the clean file; mincore() checks that it worked;
//     a host that caches the virtual disk below may still make these faster than a real disk);
// and the same two for the baseline: the sqlite3 shell (a fresh process each time) running the
// equivalent first-page query -- the first 200 runs in MLflow's default order with their params,
// latest metrics and tags, checked to print as many rows as Kaizen delivered -- to /dev/null.
// Prints median and p95 of each; the goal is first rows in under 300 ms on the 100k store.
// Exits 1 when a load fails or returns an incomplete page, not when the goal is missed.
// With --postgresql, the same store is loaded into a database of the test server and measured
// there instead (bench_firstrows_pg.cpp).

#include "bench_firstrows.h"

#include "benchsupport.h"
#include "demostore.h"
#include "runloader.h"
#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace FirstRowsBench {

double nowMs()
{
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

qint64 valuesOf(const Store::RunTable &table)
{
    qint64 values = table.size();
    for (int row = 0; row < table.size(); ++row)
        values += qint64(table.params(row).size() + table.metrics(row).size() + table.tags(row).size());
    return values;
}

QString incompleteFirstRows(const Store::RunTable &first)
{
    qsizetype params = 0, metrics = 0, tags = 0;
    for (int row = 0; row < first.size(); ++row) {
        params += qsizetype(first.params(row).size());
        metrics += qsizetype(first.metrics(row).size());
        tags += qsizetype(first.tags(row).size());
    }
    if (first.size() == FirstRows && params == FirstRows * Params && metrics == FirstRows * Metrics
        && tags >= FirstRows * Tags)
        return {};
    return QStringLiteral("first rows incomplete: %1 runs, %2 params, %3 metrics, %4 tags")
        .arg(first.size())
        .arg(params)
        .arg(metrics)
        .arg(tags);
}

Stats stats(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    Stats s;
    s.best = values.front();
    s.median = values[values.size() / 2];
    // Nearest rank: the smallest value with at least 95% of the values at or below it.
    const size_t rank = size_t(std::ceil(0.95 * double(values.size())));
    s.p95 = values[std::clamp<size_t>(rank, 1, values.size()) - 1];
    return s;
}

void printStats(const char *label, const std::vector<double> &ms)
{
    const Stats s = stats(ms);
    std::printf("  %-34s median %7.1f ms   p95 %7.1f ms   best %7.1f ms   (%zu runs)\n", label, s.median,
                s.p95, s.best, ms.size());
}

double timeProcess(const std::vector<QByteArray> &args, const char *stdoutPath)
{
    std::vector<char *> argv;
    for (const QByteArray &a : args)
        argv.push_back(const_cast<char *>(a.constData()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const double begin = nowMs();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return nowMs() - begin;
}

} // namespace FirstRowsBench

namespace {

using namespace FirstRowsBench;
using BenchSupport::countLines;
using BenchSupport::mib;
using BenchSupport::scalar;

struct Options
{
    int runs = 100000;
    int repeat = 9;
    QString keepDir;
    bool postgresql = false;
};

// Share of the file's pages in the page cache (0..1), -1 if it cannot be told.
double residentShare(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st
    {
    };
    double share = -1;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
        void *map = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
        if (map != MAP_FAILED) {
            const long page = sysconf(_SC_PAGESIZE);
            const size_t pages = (size_t(st.st_size) + size_t(page) - 1) / size_t(page);
            std::vector<unsigned char> vec(pages);
            if (mincore(map, size_t(st.st_size), vec.data()) == 0) {
                const auto resident
                    = std::count_if(vec.begin(), vec.end(), [](unsigned char c) { return c & 1; });
                share = double(resident) / double(pages);
            }
            munmap(map, size_t(st.st_size));
        }
    }
    ::close(fd);
    return share;
}

// Drops the file's pages from the page cache (it is clean: nothing is lost). Returns the share
// still resident afterwards.
double evict(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    fdatasync(fd); // a store written just now may still have dirty pages, which DONTNEED keeps
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
    return residentShare(path);
}

// One timed first-rows load. Returns the milliseconds, or a negative value on failure; `values`
// gets the number of runs, params, metrics and tags delivered.
double timeFirstRows(RunLoader &loader, const Store::RunQuery &query, QString *problem, qint64 *values)
{
    QEventLoop loop;
    double elapsed = -1;
    Store::RunTable first;
    bool gotFirst = false;
    const double begin = nowMs();
    const auto c1
        = QObject::connect(&loader, &RunLoader::firstRunsLoaded, &loop, [&](const Store::RunTable &runs) {
              elapsed = nowMs() - begin;
              first = runs;
              gotFirst = true;
              loader.cancel(); // the full read is not what we time
              loop.quit();
          });
    const auto c2 = QObject::connect(&loader, &RunLoader::runsLoaded, &loop, [&](const Store::RunTable &) {
        *problem = QStringLiteral("runsLoaded came without firstRunsLoaded");
        loop.quit();
    });
    const auto c3 = QObject::connect(&loader, &RunLoader::loadFailed, &loop, [&](const Store::Error &e) {
        *problem = e.message;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, [&] {
        *problem = QStringLiteral("no first rows after 120 s");
        loop.quit();
    });
    loader.loadRuns(query);
    loop.exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    QObject::disconnect(c3);

    // The cancelled full read must be gone before the next repetition starts.
    QEventLoop idle;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &idle, [&] {
        if (!loader.isBusy())
            idle.quit();
    });
    poll.start(2);
    idle.exec();

    if (!gotFirst)
        return -1;
    *values = valuesOf(first);
    *problem = incompleteFirstRows(first);
    return problem->isEmpty() ? elapsed : -1;
}

// What SqliteStore::runs() reads for the first page, as one statement for the sqlite3 shell:
// the page of runs once (a materialized CTE), then its params, latest metrics and tags through
// the run_uuid indexes.
QByteArray firstPageQuery(const QString &experimentId)
{
    const QByteArray page = "WITH page AS MATERIALIZED (SELECT run_uuid, name, experiment_id, status, "
                            "lifecycle_stage, user_id, artifact_uri, start_time, end_time FROM runs "
                            "WHERE lifecycle_stage = 'active' AND experiment_id IN ("
        + experimentId.toLatin1() + ") ORDER BY start_time DESC, run_uuid ASC LIMIT "
        + QByteArray::number(FirstRows) + ") ";
    return page
        + "SELECT * FROM page "
          "UNION ALL SELECT p.run_uuid, p.key, p.value, NULL, NULL, NULL, NULL, NULL, NULL "
          "FROM page JOIN params p ON p.run_uuid = page.run_uuid "
          "UNION ALL SELECT m.run_uuid, m.key, m.value, m.step, m.timestamp, m.is_nan, NULL, NULL, NULL "
          "FROM page JOIN latest_metrics m ON m.run_uuid = page.run_uuid "
          "UNION ALL SELECT t.run_uuid, t.key, t.value, NULL, NULL, NULL, NULL, NULL, NULL "
          "FROM page JOIN tags t ON t.run_uuid = page.run_uuid;";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(
        QStringLiteral("Time to the run table's first rows against the sqlite3 shell's first page."));
    arguments.add(QStringLiteral("runs"), options.runs, QStringLiteral("Runs in the store."));
    arguments.add(QStringLiteral("repeat"), options.repeat,
                  QStringLiteral("Timed repeats; the median is printed."));
    arguments.add(QStringLiteral("keep"), options.keepDir,
                  QStringLiteral("Keep (and reuse) the store in this directory."));
    arguments.add(QStringLiteral("postgresql"), options.postgresql,
                  QStringLiteral("Measure the store loaded into a new database of the PostgreSQL test "
                                 "server (KAIZEN_TEST_PG_URL, see tests/pg/pg-test-env) against psql."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    if (options.postgresql && TestSupport::postgresServer().isEmpty()) {
        std::printf("bench_firstrows --postgresql: set KAIZEN_TEST_PG_URL (see tests/pg/pg-test-env)\n");
        return 1;
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf(
        "bench_firstrows: %d runs x %d params x %d metrics x %d tags; first %d rows, %d repetitions\n",
        options.runs, Params, Metrics, Tags, FirstRows, options.repeat);

    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::printf("error: no temporary folder\n");
        return 1;
    }
    const QString store
        = BenchSupport::syntheticRunStore(scratch.path(), options.keepDir, QStringLiteral("bench-firstrows"),
                                          {options.runs, Params, Metrics, Tags});
    if (store.isEmpty())
        return 1;

    // The experiment the GUI would show: the one holding the runs.
    QString experimentId;
    {
        auto reader = Store::openStore(store);
        if (!reader) {
            std::printf("error: cannot open the store: %s\n", qPrintable(reader.error().message));
            return 1;
        }
        auto experiments = (*reader)->experiments();
        if (experiments) {
            for (const Store::Experiment &e : *experiments) {
                if (e.runCount > 0)
                    experimentId = e.id;
            }
        }
    }
    if (experimentId.isEmpty()) {
        std::printf("error: no experiment with runs in the store\n");
        return 1;
    }
    if (options.postgresql)
        return runPostgres(store, experimentId, options.runs, options.repeat, scratch.path());
    Store::RunQuery query;
    query.experimentIds = {experimentId};

    bool failed = false;
    const double resident = residentShare(store);
    const double afterEvict = evict(store);
    const bool canEvict = afterEvict >= 0 && afterEvict < 0.01;
    std::printf("page cache: %.0f%% of the file resident; after posix_fadvise(DONTNEED): %.0f%%%s\n",
                resident * 100, afterEvict * 100, canEvict ? "" : " -- cannot evict, no cold figures");

    RunLoader loader;
    loader.setLocation(store);
    std::vector<double> warm, cold;
    QString problem;
    qint64 values = 0; // rows of the first page: runs, params, metrics, tags
    for (int i = 0; i <= options.repeat && problem.isEmpty(); ++i) {
        const double ms = timeFirstRows(loader, query, &problem, &values);
        if (i > 0 && ms >= 0) // the first one warms the cache
            warm.push_back(ms);
    }
    for (int i = 0; canEvict && i < options.repeat && problem.isEmpty(); ++i) {
        evict(store);
        const double ms = timeFirstRows(loader, query, &problem, &values);
        if (ms >= 0)
            cold.push_back(ms);
    }
    if (!problem.isEmpty()) {
        std::printf("kaizen first rows: FAILED: %s\n", qPrintable(problem));
        failed = true;
    }

    std::vector<double> shellWarm, shellCold;
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty()) {
        std::printf("sqlite3: not measured: no sqlite3 in PATH\n");
    } else {
        const std::vector<QByteArray> shell {QFile::encodeName(sqlite3), QByteArrayLiteral("-readonly"),
                                             QFile::encodeName(store), firstPageQuery(experimentId)};
        // Not timed: the shell prints the rows Kaizen delivered, one line each.
        const QString output = scratch.filePath(QStringLiteral("first-page.txt"));
        const qint64 expected = values;
        const qint64 lines
            = timeProcess(shell, QFile::encodeName(output).constData()) >= 0 ? countLines(output) : -1;
        if (lines != expected) {
            std::printf("sqlite3 first page: WRONG: %lld lines, expected %lld\n", lines, expected);
            failed = true;
        } else {
            for (int i = 0; i <= options.repeat; ++i) {
                const double ms = timeProcess(shell, "/dev/null");
                if (i > 0 && ms >= 0)
                    shellWarm.push_back(ms);
            }
            for (int i = 0; canEvict && i < options.repeat; ++i) {
                evict(store);
                const double ms = timeProcess(shell, "/dev/null");
                if (ms >= 0)
                    shellCold.push_back(ms);
            }
        }
    }

    std::printf(
        "first %d rows (loadRuns() -> firstRunsLoaded, event loop) vs the sqlite3 shell's first page:\n",
        FirstRows);
    if (!warm.empty())
        printStats("kaizen warm cache:", warm);
    if (!shellWarm.empty())
        printStats("sqlite3 shell warm cache:", shellWarm);
    if (!cold.empty())
        printStats("kaizen cold cache:", cold);
    if (!shellCold.empty())
        printStats("sqlite3 shell cold cache:", shellCold);
    const auto ratio = [](const std::vector<double> &a, const std::vector<double> &b) {
        return stats(a).median / stats(b).median;
    };
    if (!warm.empty() && !shellWarm.empty())
        std::printf("ratio kaizen/sqlite3 (median), warm: %.2f\n", ratio(warm, shellWarm));
    if (!cold.empty() && !shellCold.empty())
        std::printf("ratio kaizen/sqlite3 (median), cold: %.2f\n", ratio(cold, shellCold));
    const auto verdict
        = [](const std::vector<double> &ms) { return stats(ms).median < GoalMs ? "met" : "missed"; };
    if (!warm.empty())
        std::printf("goal first rows < %.0f ms (median), warm: %s\n", GoalMs, verdict(warm));
    if (!cold.empty())
        std::printf("goal first rows < %.0f ms (median), cold: %s\n", GoalMs, verdict(cold));
    if (!options.keepDir.isEmpty())
        std::printf("kept: %s\n", qPrintable(store));
    return failed ? 1 : 0;
}
