// bench_runs: how fast and how lean `kaizen runs` reads a large store, against the sqlite3 shell
// reading the same rows, both measured in this run on the same file.
//
//   bench_runs [--runs N] [--keep DIR] [--repeat K] [--kaizen PATH]
//
// Generates a synthetic store of N runs (default 100000) x 20 params x 10 metrics (one point each)
// x 8 tags, then times `kaizen runs STORE --all --format tsv > /dev/null` and
// `sqlite3 -readonly STORE "<the four SELECTs>" > /dev/null`, each K times (default 3), taking
// wall time and peak RSS (wait4's ru_maxrss) per child. Prints best and median, the ratio
// kaizen/sqlite3 (target <= 1.0), kaizen's peak RSS per run, and its peak RSS over the bytes of
// the values read (target <= 2.0). With --keep the store stays in DIR and is reused by later
// runs of the same size.

#include "benchsupport.h"
#include "demostore.h"
#include "sqlitehandle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace {

using BenchSupport::countLines;
using BenchSupport::mib;
using BenchSupport::scalar;

constexpr int Params = 20;
constexpr int Metrics = 10;
constexpr int Tags = 8;

// What sqlite3 reads; kaizen reads the same rows to build its run table.
const char SqliteQueries[] = "SELECT * FROM runs; "
                             "SELECT run_uuid, key, value FROM params; "
                             "SELECT run_uuid, key, value, step, timestamp, is_nan FROM latest_metrics; "
                             "SELECT run_uuid, key, value FROM tags;";

struct Options
{
    int runs = 100000;
    int repeat = 3;
    QString keepDir;
    QString kaizen;
};

struct ChildResult
{
    bool started = false;
    int exitCode = -1; // -1: killed by a signal
    int signal = 0;
    double seconds = 0;
    qint64 peakRssBytes = 0;
    QString stderrHead; // first line of its error output, for a failure report

    bool ok() const { return started && exitCode == 0; }
};

// Runs in a freshly executed copy of this program ("--measure-child"): a child inherits the peak
// RSS of the process it was forked from (Linux keeps the pre-exec high-water mark), so forking
// the measured program from a small helper instead of from this process, which has just written
// a large store, keeps ru_maxrss the program's own. Writes "exit signal seconds maxrss_kb".
// POSIX only: nothing here may allocate much before the fork.
int measureChildMain(int argc, char **argv)
{
    if (argc < 6)
        return 2;
    const char *resultPath = argv[2];
    const char *stdoutPath = argv[3];
    const char *stderrPath = argv[4];
    char **program = argv + 5;
    timespec begin {}, end {};
    clock_gettime(CLOCK_MONOTONIC, &begin);
    const pid_t pid = fork();
    if (pid < 0)
        return 3;
    if (pid == 0) {
        const int outFd = open(stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int errFd = open(stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (outFd < 0 || errFd < 0 || dup2(outFd, STDOUT_FILENO) < 0 || dup2(errFd, STDERR_FILENO) < 0)
            _exit(126);
        execv(program[0], program);
        _exit(127); // could not execute
    }
    int status = 0;
    rusage usage {};
    if (wait4(pid, &status, 0, &usage) < 0)
        return 4;
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double seconds = double(end.tv_sec - begin.tv_sec) + double(end.tv_nsec - begin.tv_nsec) / 1e9;
    FILE *result = std::fopen(resultPath, "w");
    if (!result)
        return 5;
    std::fprintf(result, "%d %d %.6f %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                 WIFSIGNALED(status) ? WTERMSIG(status) : 0, seconds, long(usage.ru_maxrss));
    std::fclose(result);
    return 0;
}

// Runs `program` through the helper above with stdout to `stdoutPath`; wall time from fork to
// reap, peak RSS from wait4 of that child alone.
ChildResult runChild(const QString &program, const QStringList &arguments, const QString &stdoutPath,
                     const QString &scratchDir)
{
    ChildResult result;
    const QString resultPath = scratchDir + QStringLiteral("/child-result.txt");
    const QString stderrPath = scratchDir + QStringLiteral("/child-stderr.txt");
    QFile::remove(resultPath);
    std::vector<QByteArray> storage {QFile::encodeName(QCoreApplication::applicationFilePath()),
                                     QByteArrayLiteral("--measure-child"),
                                     QFile::encodeName(resultPath),
                                     QFile::encodeName(stdoutPath),
                                     QFile::encodeName(stderrPath),
                                     QFile::encodeName(program)};
    for (const QString &a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0) {
        result.stderrHead = QStringLiteral("fork failed: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return result;
    }
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        result.stderrHead = QStringLiteral("the measuring helper failed (status %1)").arg(status);
        return result;
    }
    QFile file(resultPath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.stderrHead = QStringLiteral("the measuring helper wrote no result");
        return result;
    }
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() != 4) {
        result.stderrHead = QStringLiteral("unreadable result from the measuring helper");
        return result;
    }
    result.started = true;
    result.exitCode = fields[0].toInt();
    result.signal = fields[1].toInt();
    result.seconds = fields[2].toDouble();
    result.peakRssBytes = fields[3].toLongLong() * 1024; // ru_maxrss is in kilobytes on Linux
    if (!result.ok()) {
        QFile errors(stderrPath);
        if (errors.open(QIODevice::ReadOnly))
            result.stderrHead = QString::fromLocal8Bit(errors.readLine().trimmed());
        if (result.exitCode == 127 && result.stderrHead.isEmpty())
            result.stderrHead = QStringLiteral("could not execute %1").arg(program);
    }
    return result;
}

struct Summary
{
    bool ok = false;
    double bestSeconds = 0, medianSeconds = 0;
    qint64 bestRss = 0, medianRss = 0;
    ChildResult failure;
};

template<typename T> T median(std::vector<T> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

Summary measure(const QString &label, int repeat, const QString &program, const QStringList &arguments,
                const QString &scratchDir)
{
    Summary summary;
    std::vector<double> seconds;
    std::vector<qint64> rss;
    for (int i = 0; i < repeat; ++i) {
        const ChildResult r = runChild(program, arguments, QStringLiteral("/dev/null"), scratchDir);
        if (!r.ok()) {
            summary.failure = r;
            std::printf("%s: FAILED (%s): %s\n", qPrintable(label),
                        r.signal ? qPrintable(QStringLiteral("signal %1").arg(r.signal))
                                 : qPrintable(QStringLiteral("exit %1").arg(r.exitCode)),
                        qPrintable(r.stderrHead));
            return summary;
        }
        seconds.push_back(r.seconds);
        rss.push_back(r.peakRssBytes);
    }
    summary.ok = true;
    summary.bestSeconds = *std::min_element(seconds.begin(), seconds.end());
    summary.medianSeconds = median(seconds);
    summary.bestRss = *std::min_element(rss.begin(), rss.end());
    summary.medianRss = median(rss);
    std::printf("%s: time best %.3f s, median %.3f s; peak RSS best %.1f MiB, median %.1f MiB (%d runs)\n",
                qPrintable(label), summary.bestSeconds, summary.medianSeconds, mib(summary.bestRss),
                mib(summary.medianRss), repeat);
    return summary;
}

// Sum of length() of every value column the four SELECTs return, computed by SQLite itself.
std::optional<qint64> valueBytes(Store::SqliteConnection &db)
{
    QByteArray runColumns;
    {
        Store::SqliteStatement columns(db, "SELECT name FROM pragma_table_info('runs')");
        while (columns.step()) {
            if (!runColumns.isEmpty())
                runColumns += " + ";
            runColumns += "coalesce(length(\"" + columns.string(0).toUtf8() + "\"), 0)";
        }
    }
    if (runColumns.isEmpty())
        return std::nullopt;
    const QByteArray text
        = "coalesce(length(run_uuid), 0) + coalesce(length(\"key\"), 0) + coalesce(length(value), 0)";
    const QByteArray sql = "SELECT (SELECT coalesce(sum(" + runColumns + "), 0) FROM runs)"
        + " + (SELECT coalesce(sum(" + text + "), 0) FROM params)" + " + (SELECT coalesce(sum(" + text
        + " + coalesce(length(step), 0) + coalesce(length(timestamp), 0) + coalesce(length(is_nan), 0)), 0)"
          " FROM latest_metrics)"
        + " + (SELECT coalesce(sum(" + text + "), 0) FROM tags)";
    return scalar(db, sql);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "--measure-child") == 0)
        return measureChildMain(argc, argv);
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(QStringLiteral("Listing runs with kaizen against the sqlite3 shell."));
    arguments.add(QStringLiteral("runs"), options.runs, QStringLiteral("Runs in the store."));
    arguments.add(QStringLiteral("repeat"), options.repeat,
                  QStringLiteral("Timed repeats; the median is printed."));
    arguments.add(QStringLiteral("keep"), options.keepDir,
                  QStringLiteral("Keep (and reuse) the store in this directory."));
    arguments.add(QStringLiteral("kaizen"), options.kaizen, QStringLiteral("The kaizen binary to run."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;
    if (options.kaizen.isEmpty())
        options.kaizen = qEnvironmentVariable("KAIZEN_BIN", QStringLiteral(KAIZEN_BIN_PATH));
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("bench_runs: %d runs x %d params x %d metrics (1 point each) x %d tags\n", options.runs,
                Params, Metrics, Tags);

    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::printf("error: no temporary folder\n");
        return 1;
    }
    const QString store = BenchSupport::syntheticRunStore(
        scratch.path(), options.keepDir, QStringLiteral("bench-runs"), {options.runs, Params, Metrics, Tags});
    if (store.isEmpty())
        return 1;

    qint64 bytes = 0;
    {
        Store::SqliteConnection db;
        if (Store::Error e = db.open(store, Store::SqliteConnection::Mode::ReadOnly, 1000); !e.ok()) {
            std::printf("error: cannot open the store: %s\n", qPrintable(e.message));
            return 1;
        }
        std::printf("rows read: runs %lld, params %lld, latest_metrics %lld, tags %lld\n",
                    scalar(db, "SELECT count(*) FROM runs").value_or(-1),
                    scalar(db, "SELECT count(*) FROM params").value_or(-1),
                    scalar(db, "SELECT count(*) FROM latest_metrics").value_or(-1),
                    scalar(db, "SELECT count(*) FROM tags").value_or(-1));
        bytes = valueBytes(db).value_or(0);
        std::printf("value bytes read: %lld (%.1f MiB)\n", bytes, mib(bytes));
    }

    bool failed = false;

    // What any measured child starts from: the helper's own pages count towards ru_maxrss.
    const ChildResult floor
        = runChild(QStringLiteral("/bin/true"), {}, QStringLiteral("/dev/null"), scratch.path());
    if (floor.ok())
        std::printf("peak RSS floor (helper + /bin/true): %.1f MiB\n", mib(floor.peakRssBytes));

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    Summary baseline;
    if (sqlite3.isEmpty()) {
        std::printf("sqlite3 -readonly (4 SELECTs): not measured: no sqlite3 in PATH\n");
    } else {
        baseline = measure(QStringLiteral("sqlite3 -readonly (4 SELECTs)"), options.repeat, sqlite3,
                           {QStringLiteral("-readonly"), store, QString::fromLatin1(SqliteQueries)},
                           scratch.path());
        failed |= !baseline.ok;
    }

    Summary kaizen;
    const QStringList kaizenArgs {QStringLiteral("runs"), store, QStringLiteral("--all"),
                                  QStringLiteral("--format"), QStringLiteral("tsv")};
    if (!QFileInfo(options.kaizen).isExecutable()) {
        std::printf("kaizen runs --all --format tsv: not measured: %s is not an executable (build the kaizen "
                    "target or pass --kaizen PATH)\n",
                    qPrintable(options.kaizen));
        failed = true;
    } else {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        kaizen = measure(QStringLiteral("kaizen runs --all --format tsv"), options.repeat, options.kaizen,
                         kaizenArgs, scratch.path());
        failed |= !kaizen.ok;
        if (kaizen.ok) {
            // Not timed: the output really holds a header and one line per run.
            const QString output = scratch.filePath(QStringLiteral("kaizen-runs.tsv"));
            const ChildResult check = runChild(options.kaizen, kaizenArgs, output, scratch.path());
            const qint64 lines = check.ok() ? countLines(output) : -1;
            const bool complete = lines == qint64(options.runs) + 1;
            std::printf("kaizen output check: %lld lines for %d runs (%s)\n", lines, options.runs,
                        complete ? "ok" : "WRONG");
            failed |= !complete;
        }
    }

    if (kaizen.ok && baseline.ok && baseline.medianSeconds > 0) {
        const double ratio = kaizen.medianSeconds / baseline.medianSeconds;
        std::printf("ratio time kaizen/sqlite3 (median): %.2f (best: %.2f; target <= 1.0: %s)\n", ratio,
                    kaizen.bestSeconds / baseline.bestSeconds, ratio <= 1.0 ? "met" : "missed");
    }
    if (kaizen.ok && options.runs > 0)
        std::printf("peak RSS kaizen per run (median): %.0f bytes\n",
                    double(kaizen.medianRss) / options.runs);
    if (kaizen.ok && bytes > 0) {
        const double ratio = double(kaizen.medianRss) / double(bytes);
        std::printf(
            "ratio peak RSS kaizen / value bytes (median): %.2f (%.1f MiB / %.1f MiB; target <= 2.0: %s)\n",
            ratio, mib(kaizen.medianRss), mib(bytes), ratio <= 2.0 ? "met" : "missed");
    }
    if (!options.keepDir.isEmpty())
        std::printf("kept: %s\n", qPrintable(store));
    return failed ? 1 : 0;
}
