// bench_filestore: reading an mlruns/ folder (the file store) through the store interface, as the
// GUI does (RunLoader: a first page of runs, then all of them), against reading every file of
// the folder with `find | xargs cat`.
//
//   bench_filestore [--runs N] [--repeat K] [--keep DIR]
//
// Writes an mlruns folder of N runs (default 10000) in one experiment, each run with meta.yaml,
// 10 params, 18 tags and 10 metrics of 5 lines (39 files a run, 390,001 files at 10,000 runs),
// into a temporary folder (or DIR, reused when it holds the same N). Then, K times (median
// printed), with a warm page cache (dropping it needs root):
//   (a) openStore() and runs() with limit 200 (RunLoader's first page): time to the first runs;
//   (b) runs() of every run on the same store (RunLoader's second step: run meta.yaml files
//       that did not change since (a) are not parsed again), and on a freshly opened store;
//   (c) `find mlruns -type f -print0 | xargs -0 cat > /dev/null` (sh -c), the baseline;
// and the ratio (b)/(c), the target being <= 0.3. Exits 1 when a read fails or a count is wrong.

#include "benchsupport.h"
#include "storefactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace {

constexpr int Params = 10, Tags = 18, Metrics = 10, MetricLines = 5, FirstPage = 200;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// CPU time of this process (every thread), user and system, in ms.
double cpuMs()
{
    rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 10000;
    int repeat = 3;
    QString keep;
    BenchSupport::Arguments arguments(QStringLiteral("Reading an mlruns folder against find | xargs cat."));
    arguments.add(QStringLiteral("runs"), runs, QStringLiteral("Runs in the folder."));
    arguments.add(QStringLiteral("repeat"), repeat, QStringLiteral("Measurements (the median is printed)."));
    arguments.add(QStringLiteral("keep"), keep, QStringLiteral("Write the folder here and reuse it."));
    if (const auto exit = arguments.parse(app.arguments()))
        return *exit;

    QTemporaryDir scratch;
    const QString root = (keep.isEmpty() ? scratch.path() : keep) + QStringLiteral("/mlruns");
    QFile marker(root + QStringLiteral("/.bench-runs"));
    const bool reuse = marker.open(QIODevice::ReadOnly) && marker.readAll().toInt() == runs;
    QElapsedTimer timer;
    timer.start();
    if (!reuse) {
        QDir(root).removeRecursively();
        const BenchSupport::MlrunsShape shape {
            .runs = runs, .params = Params, .tags = Tags, .metrics = Metrics, .metricLines = MetricLines};
        if (!BenchSupport::writeMlruns(QFile::encodeName(root).toStdString(), shape)) {
            std::printf("could not write %s\n", qPrintable(root));
            return 1;
        }
    }
    const qint64 files = qint64(runs) * (1 + Params + Tags + Metrics) + 1;
    std::printf("mlruns folder: %d runs, %lld files, %s in %.1f s\n", runs, files,
                reuse ? "reused" : "written", msSince(timer) / 1000);
    std::printf("page cache: warm (dropping it needs root); %d threads read\n",
                int(std::clamp(std::thread::hardware_concurrency() * 2, 2u, 8u)));

    std::vector<double> first, firstCpuMs, whole, wholeFresh, baseline;
    // One unmeasured pass of each warms the cache for all.
    for (int r = -1; r < repeat; ++r) {
        timer.restart();
        const double cpuBefore = cpuMs();
        auto store = Store::openStore(root);
        if (!store.ok()) {
            std::printf("open failed: %s\n", qPrintable(store.error().message));
            return 1;
        }
        Store::RunQuery page;
        page.limit = FirstPage;
        const auto head = (*store)->runs(page);
        const double firstMs = msSince(timer);
        const double firstCpu = cpuMs() - cpuBefore;
        timer.restart();
        const auto all = (*store)->runs({});
        const double wholeMs = msSince(timer);
        timer.restart();
        const auto fresh = Store::openStore(root);
        const auto freshAll = fresh.ok() ? (*fresh)->runs({}) : Store::Result<Store::RunTable>(fresh.error());
        const double freshMs = msSince(timer);
        if (!freshAll.ok() || freshAll->size() != runs) {
            std::printf("wrong result on a fresh store\n");
            return 1;
        }
        if (!head.ok() || !all.ok() || head->size() != std::min(FirstPage, runs) || all->size() != runs
            || all->metricKeys().size() != Metrics || all->params(0).size() != size_t(Params)) {
            std::printf("wrong result: first %d, all %d runs\n", head.ok() ? head->size() : -1,
                        all.ok() ? all->size() : -1);
            return 1;
        }
        timer.restart();
        QProcess find;
        find.setWorkingDirectory(QFileInfo(root).absolutePath());
        find.start(
            QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("find mlruns -type f -print0 | xargs -0 cat > /dev/null")});
        if (!find.waitForFinished(600000) || find.exitCode() != 0) {
            std::printf("find | xargs cat failed\n");
            return 1;
        }
        const double catMs = msSince(timer);
        if (r < 0)
            continue;
        first.push_back(firstMs);
        firstCpuMs.push_back(firstCpu);
        whole.push_back(wholeMs);
        wholeFresh.push_back(freshMs);
        baseline.push_back(catMs);
    }
    const double b = median(whole), c = median(baseline);
    std::printf("(a) open + first %d runs:          %8.1f ms (%.1f ms CPU, all threads)\n", FirstPage,
                median(first), median(firstCpuMs));
    std::printf("(b) runs(), all %d runs:         %8.1f ms (after (a) on the same store, as RunLoader)\n",
                runs, b);
    std::printf("    runs(), all, on a fresh store:   %8.1f ms\n", median(wholeFresh));
    std::printf("(c) find | xargs cat, every file: %8.1f ms\n", c);
    std::printf("ratio (b)/(c): %.2f (target <= 0.3)\n", b / c);
    return 0;
}
