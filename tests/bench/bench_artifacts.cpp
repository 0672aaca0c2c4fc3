// bench_artifacts: a run's artifact folder of many files in the artifact tree, the GUI's path
// (ArtifactTreeModel on this process's event loop), against `find DIR | wc -l`.
//
//   bench_artifacts [--files N] [--repeat K]
//
// Writes an artifact tree of N files (default 100000; sparse files of assorted sizes) shaped like
// a real run's: a few files at the top, images/ with 40% of the files in one folder, logs/ with
// 10%, shards/part-*/chunk-*/ with 30% in folders of 100 and eval/epoch-*/ with 20% in folders
// of 50. Then, K times (median printed), with a warm page cache:
//   (a) setRoot() to the first rows at the root, to the whole first level, to totalsCounted
//       (the background count of the whole tree); then opening images/ (fetchMore) to its first
//       rows and to its last; the longest the event loop went without running a 1 ms timer
//       during all that (what a user would feel as a frozen window);
//   (b) `find DIR | wc -l` (sh -c, a fresh process each time), the baseline for the count.
// Exits 1 when a count is wrong or a step does not finish, not when it is slow.

#include "artifacttreemodel.h"
#include "benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace {

struct Options
{
    qint64 files = 100000;
    int repeat = 3;
};

struct Tree
{
    qint64 files = 0;
    qint64 folders = 0;
    qint64 bytes = 0;
    qint64 bigFolderFiles = 0;
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

class TreeWriter
{
public:
    explicit TreeWriter(const QString &root) : m_root(root) { }

    bool folder(const QString &relative)
    {
        if (!QDir(m_root).mkpath(relative))
            return false;
        ++m_tree.folders;
        return true;
    }
    bool files(const QString &folder, qint64 count, const char *stem)
    {
        const QByteArray base = QFile::encodeName(m_root + QLatin1Char('/') + folder) + '/' + stem;
        for (qint64 i = 0; i < count; ++i) {
            const QByteArray path = base + QByteArray::number(i) + ".bin";
            const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            const qint64 size = (m_tree.files * 7919) % 65536;
            if (fd < 0 || ::ftruncate(fd, size) != 0)
                return false;
            ::close(fd);
            ++m_tree.files;
            m_tree.bytes += size;
        }
        return true;
    }
    bool nested(const QString &top, qint64 count, qint64 perFolder, const char *pattern)
    {
        if (!folder(top))
            return false;
        for (qint64 done = 0, n = 0; done < count; ++n) {
            const qint64 here = std::min(perFolder, count - done);
            QString leaf = QString::asprintf(pattern, int(n / 10), int(n % 10));
            // "part-%02d/chunk-%02d" has two levels: count the parent once.
            if (leaf.contains(QLatin1Char('/')) && n % 10 == 0
                && !folder(top + QLatin1Char('/') + leaf.section('/', 0, 0)))
                return false;
            if (!folder(top + QLatin1Char('/') + leaf) || !files(top + QLatin1Char('/') + leaf, here, "f"))
                return false;
            done += here;
        }
        return true;
    }
    Tree tree() const { return m_tree; }
    void setBigFolderFiles(qint64 files) { m_tree.bigFolderFiles = files; }

private:
    QString m_root;
    Tree m_tree;
};

bool writeTree(const QString &root, qint64 total, Tree *tree)
{
    TreeWriter w(root);
    const qint64 top = std::min<qint64>(4, total);
    const qint64 images = total * 4 / 10;
    const qint64 logs = total / 10;
    const qint64 shards = total * 3 / 10;
    const qint64 eval = total - top - images - logs - shards;
    w.setBigFolderFiles(images);
    const bool ok = w.files(QString(), top, "top") && w.folder(QStringLiteral("images"))
        && w.files(QStringLiteral("images"), images, "img") && w.folder(QStringLiteral("logs"))
        && w.files(QStringLiteral("logs"), logs, "log")
        && w.nested(QStringLiteral("shards"), shards, 100, "part-%02d/chunk-%02d")
        && w.nested(QStringLiteral("eval"), eval, 50, "epoch-%d%d");
    *tree = w.tree();
    return ok;
}

struct ModelTimes
{
    double firstRows = -1;
    double firstLevel = -1;
    double totals = -1;
    double bigFirstRows = -1;
    double bigAll = -1;
    double longestStall = 0;
    qint64 files = -1, folders = -1, bytes = -1;
    int bigRows = 0;
};

// One load of the tree the GUI's way; negative times for steps that did not finish.
ModelTimes timeModel(const QString &root)
{
    ModelTimes t;
    ArtifactTreeModel model;
    QEventLoop loop;
    QElapsedTimer clock;
    QModelIndex big;
    bool totalsDone = false, bigDone = false;
    const auto maybeQuit = [&] {
        if (totalsDone && bigDone)
            loop.quit();
    };
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &loop, [&](const QModelIndex &parent) {
        if (!parent.isValid() && t.firstRows < 0)
            t.firstRows = msSince(clock);
        if (parent.isValid() && parent == big && t.bigFirstRows < 0)
            t.bigFirstRows = msSince(clock);
    });
    QObject::connect(&model, &ArtifactTreeModel::folderLoaded, &loop, [&](const QString &path) {
        if (path.isEmpty()) {
            t.firstLevel = msSince(clock);
            big = model.indexForPath(QStringLiteral("images"));
            model.fetchMore(big); // the user opens the big folder
        } else if (path == QLatin1String("images")) {
            t.bigAll = msSince(clock);
            t.bigRows = model.rowCount(big);
            bigDone = true;
            maybeQuit();
        }
    });
    QObject::connect(&model, &ArtifactTreeModel::totalsCounted, &loop,
                     [&](qint64 files, qint64 folders, qint64 bytes) {
                         t.totals = msSince(clock);
                         t.files = files;
                         t.folders = folders;
                         t.bytes = bytes;
                         totalsDone = true;
                         maybeQuit();
                     });
    QObject::connect(&model, &ArtifactTreeModel::folderFailed, &loop,
                     [&](const QString &, const QString &message) {
                         std::printf("error: %s\n", qPrintable(message));
                         loop.quit();
                     });
    // The event loop's pulse: the longest gap between two ticks of a 1 ms timer.
    QTimer pulse;
    pulse.setTimerType(Qt::PreciseTimer);
    double lastTick = 0;
    QObject::connect(&pulse, &QTimer::timeout, &loop, [&] {
        const double now = msSince(clock);
        t.longestStall = std::max(t.longestStall, now - lastTick);
        lastTick = now;
    });
    QTimer::singleShot(120000, &loop, [&] {
        std::printf("error: the tree did not finish loading in 120 s\n");
        loop.quit();
    });
    clock.start();
    pulse.start(1);
    model.setRoot(root);
    loop.exec();
    pulse.stop();
    return t;
}

// `find DIR | wc -l` in a fresh shell: milliseconds, and the count it printed.
double timeFind(const QString &root, qint64 *count)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"), QStringLiteral("find \"$1\" | wc -l"), QStringLiteral("sh"), root});
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return -1;
    const double ms = msSince(clock);
    *count = process.readAllStandardOutput().trimmed().toLongLong();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    BenchSupport::Arguments arguments(QStringLiteral("The artifact tree on a large artifact folder."));
    arguments.add(QStringLiteral("files"), options.files, QStringLiteral("Files in the artifact tree."), 10);
    arguments.add(QStringLiteral("repeat"), options.repeat,
                  QStringLiteral("Timed repeats; the median is printed."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;

    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("artifacts"));
    Tree tree;
    QElapsedTimer timer;
    timer.start();
    if (!QDir().mkpath(root) || !writeTree(root, options.files, &tree)) {
        std::printf("error: cannot write the artifact tree\n");
        return 1;
    }
    std::printf("bench_artifacts: %lld files in %lld folders (%lld in the largest, %.1f MiB sparse), "
                "written in %.1f s\n",
                static_cast<long long>(tree.files), static_cast<long long>(tree.folders),
                static_cast<long long>(tree.bigFolderFiles), BenchSupport::mib(tree.bytes),
                msSince(timer) / 1000);

    qint64 found = 0;
    timeFind(root, &found); // warms the page cache
    std::vector<double> firstRows, firstLevel, totals, bigFirst, bigAll, stalls, finds;
    for (int i = 0; i < options.repeat; ++i) {
        const ModelTimes t = timeModel(root);
        if (t.totals < 0 || t.bigAll < 0) {
            std::printf("error: the model did not finish\n");
            return 1;
        }
        if (t.files != tree.files || t.folders != tree.folders || t.bytes != tree.bytes
            || t.bigRows != tree.bigFolderFiles) {
            std::printf(
                "error: counted %lld files, %lld folders, %lld bytes, %d rows in images/; expected %lld, "
                "%lld, %lld, %lld\n",
                static_cast<long long>(t.files), static_cast<long long>(t.folders),
                static_cast<long long>(t.bytes), t.bigRows, static_cast<long long>(tree.files),
                static_cast<long long>(tree.folders), static_cast<long long>(tree.bytes),
                static_cast<long long>(tree.bigFolderFiles));
            return 1;
        }
        firstRows.push_back(t.firstRows);
        firstLevel.push_back(t.firstLevel);
        totals.push_back(t.totals);
        bigFirst.push_back(t.bigFirstRows - t.firstLevel);
        bigAll.push_back(t.bigAll - t.firstLevel);
        stalls.push_back(t.longestStall);
        const double find = timeFind(root, &found);
        if (find < 0 || found != tree.files + tree.folders + 1) {
            std::printf("error: find counted %lld entries, expected %lld\n", static_cast<long long>(found),
                        static_cast<long long>(tree.files + tree.folders + 1));
            return 1;
        }
        finds.push_back(find);
    }

    const double find = median(finds);
    std::printf("median of %d, warm page cache:\n", options.repeat);
    std::printf("  (a) tree: first rows at the root:                     %9.2f ms\n", median(firstRows));
    std::printf("      tree: whole first level shown:                    %9.2f ms\n", median(firstLevel));
    std::printf("      tree: totalsCounted (whole tree, background):     %9.2f ms\n", median(totals));
    std::printf("      images/ (%lld files) opened: first rows:          %9.2f ms\n",
                static_cast<long long>(tree.bigFolderFiles), median(bigFirst));
    std::printf("      images/ opened: every row inserted:               %9.2f ms\n", median(bigAll));
    std::printf("      longest event-loop stall during all of that:      %9.2f ms\n", median(stalls));
    std::printf("  (b) find DIR | wc -l (baseline):                      %9.2f ms\n", find);
    std::printf("  ratios: totals / find %.2f, first level / find %.3f, images/ all / find %.2f\n",
                median(totals) / find, median(firstLevel) / find, median(bigAll) / find);
    return 0;
}
