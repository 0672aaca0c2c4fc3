#include "filestore.h"
#include "mlrunsfiles.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

// Metric histories of an mlruns/ folder: one file per (run, key), a line per logged point
// (format notes §4), ordered here as the SQL store's ORDER BY step, timestamp, value.

namespace Store {

using namespace Mlruns;

namespace {

// A key as a path below metrics/: MLflow refuses keys that would leave it, so do we.
bool isSafeKey(const std::string &key)
{
    if (key.empty() || key.front() == '/' || key.back() == '/')
        return false;
    size_t begin = 0;
    while (begin <= key.size()) {
        const size_t end = std::min(key.find('/', begin), key.size());
        const std::string_view part(key.data() + begin, end - begin);
        if (part.empty() || part == "." || part == "..")
            return false;
        begin = end + 1;
    }
    return true;
}

// The bytes of `content` that hold whole lines: up to its last newline, or all of it when
// `lastLineToo`. A live run's writer may be in the middle of its last line: it is left for the
// next read (SeriesTail::position stays before it).
size_t completeLength(std::string_view content, bool lastLineToo)
{
    if (lastLineToo)
        return content.size();
    const size_t newline = content.rfind('\n');
    return newline == std::string_view::npos ? 0 : newline + 1;
}

// Parses metric lines into `series`, ordered by (step, timestamp, value), ties in file order;
// the first bad line's number, 0 if none.
int parseSeries(std::string_view content, MetricSeries &series)
{
    std::vector<MetricPoint> points;
    const int bad = forEachMetricLine(content, [&](const MetricPoint &p) { points.push_back(p); });
    std::stable_sort(points.begin(), points.end(), [](const MetricPoint &a, const MetricPoint &b) {
        return seriesRowLess(a.step, a.timestamp, a.value, b.step, b.timestamp, b.value);
    });
    series.steps.resize(points.size());
    series.timestamps.resize(points.size());
    series.values.resize(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        series.steps[i] = points[i].step;
        series.timestamps[i] = points[i].timestamp;
        series.values[i] = points[i].value;
    }
    return bad;
}

// Reads one metric file into `series` (empty when it does not exist) with its tail; the first
// bad line's number, 0 if none. `live`: the run is not finished (see completeLength()).
int readSeries(int runDir, const std::string &key, bool live, MetricSeries &series)
{
    series.tail = tailAfter({}, series, 0);
    if (!isSafeKey(key))
        return 0;
    const auto content = readFile(runDir, ("metrics/" + key).c_str());
    if (!content)
        return 0;
    const size_t length = completeLength(*content, !live);
    const int bad = parseSeries(std::string_view(*content).substr(0, length), series);
    series.tail = tailAfter({}, series, qint64(length));
    return bad;
}

// The bytes of the file open as `fd` from `offset` to its end; nullopt when a read fails.
std::optional<std::string> readFrom(int fd, qint64 offset)
{
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, off_t(offset + qint64(bytes.size())));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::nullopt;
        if (n == 0)
            return bytes;
        bytes.append(buffer, size_t(n));
    }
}

} // namespace

Result<MetricHistory> FileStore::metricHistory(const QString &runId, const QString &key)
{
    const auto run = findRun(runId);
    if (!run)
        return noSuchRun(runId);
    const DirFd dir = DirFd::open(-1, run->first.c_str());
    MetricSeries series;
    if (const int bad
        = readSeries(dir.fd(), key.toStdString(), isUnfinished(run->second.attributes.status), series)) {
        warn(QCoreApplication::translate("Store::FileStore",
                                         "Run %1: line %2 of metric %3 does not parse; the line is skipped.")
                 .arg(runId)
                 .arg(bad)
                 .arg(key));
    }
    MetricHistory history;
    history.runId = runId;
    history.key = key;
    history.points.reserve(series.size());
    for (qsizetype i = 0; i < series.size(); ++i)
        history.points.append(
            {series.steps[size_t(i)], series.timestamps[size_t(i)], series.values[size_t(i)]});
    return history;
}

Error FileStore::readMetricSeries(const QStringList &runIds, const QStringList &keys,
                                  const std::function<void(MetricSeries &&)> &deliver,
                                  const CancelFlag *cancel, const ProgressFn &progress)
{
    QStringList runList;
    for (const QString &id : runIds) {
        if (!runList.contains(id))
            runList.append(id);
    }
    QStringList wanted;
    for (const QString &key : keys) {
        if (!wanted.contains(key))
            wanted.append(key);
    }
    if (runList.isEmpty())
        return {};
    if (progress)
        progress(0, runList.size());
    // Unknown runs fail the whole read before anything is delivered.
    std::vector<std::pair<std::string, bool>> folders; // and whether the run is unfinished
    for (const QString &id : runList) {
        const auto run = findRun(id);
        if (!run)
            return noSuchRun(id);
        folders.emplace_back(run->first, isUnfinished(run->second.attributes.status));
    }
    for (qsizetype i = 0; i < runList.size(); ++i) {
        if (cancel && cancel->load())
            return Error::make(
                Error::Cancelled,
                QCoreApplication::translate("Store::FileStore", "Reading the metrics was cancelled."));
        const auto &[folder, live] = folders[size_t(i)];
        const DirFd dir = DirFd::open(-1, folder.c_str());
        std::vector<std::string> runKeys;
        if (wanted.isEmpty()) {
            listKeyFiles(dir.fd(), "metrics", runKeys);
            std::sort(runKeys.begin(), runKeys.end());
        } else {
            for (const QString &key : wanted)
                runKeys.push_back(key.toStdString());
        }
        for (const std::string &key : runKeys) {
            MetricSeries series;
            series.runId = runList[i];
            series.key = QString::fromStdString(key);
            if (const int bad = readSeries(dir.fd(), key, live, series)) {
                warn(QCoreApplication::translate("Store::FileStore",
                                                 "Run %1: line %2 of metric %3 does not parse; the line is "
                                                 "skipped.")
                         .arg(runList[i])
                         .arg(bad)
                         .arg(series.key));
            }
            deliver(std::move(series));
        }
        if (progress)
            progress(i + 1, runList.size());
    }
    return {};
}

// Metric files only grow: the lines after the tail's byte offset are the new rows. A file shorter
// than that offset (replaced, truncated) is a rewrite, and so is a line that orders before the
// tail (a run resumed at an earlier step): merging it in would need the whole series, which the
// caller then reads.
Result<MlflowStore::MetricAppend> FileStore::readMetricAppend(const QString &runId, const QString &key,
                                                              const SeriesTail &after)
{
    const auto rewritten = [&] { return MetricAppend::none(runId, key, true); };
    if (after.position < 0) // a tail no read of this backend filled: nothing to go on
        return rewritten();
    const auto run = findRun(runId);
    if (!run)
        return noSuchRun(runId);
    MetricAppend append = MetricAppend::none(runId, key);
    append.rows.tail = after;
    const std::string name = key.toStdString();
    if (!isSafeKey(name))
        return append; // never a file, never rows
    const DirFd dir = DirFd::open(-1, run->first.c_str());
    const int fd = ::openat(dir.fd(), ("metrics/" + name).c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return after.position > 0 ? rewritten() : append;
    const auto readFailed
        = [&] { return Error::make(Error::Io, tr("Cannot read metric %1 of run %2.").arg(key, runId)); };
    struct stat info;
    const bool sized = ::fstat(fd, &info) == 0;
    const bool shrank = sized && qint64(info.st_size) < after.position;
    std::optional<std::string> bytes;
    if (sized && !shrank)
        bytes = readFrom(fd, after.position);
    ::close(fd);
    if (shrank)
        return rewritten();
    if (!bytes)
        return readFailed();
    const size_t length = completeLength(*bytes, !isUnfinished(run->second.attributes.status));
    MetricSeries &rows = append.rows;
    if (parseSeries(std::string_view(*bytes).substr(0, length), rows)) {
        warn(tr("Run %1: a line appended to metric %2 does not parse; the line is skipped.").arg(runId, key));
    }
    if (!rows.isEmpty()
        && isBeforeTail(after, rows.steps.front(), rows.timestamps.front(), rows.values.front()))
        return rewritten();
    rows.tail = tailAfter(after, rows, after.position + qint64(length));
    return append;
}

} // namespace Store
