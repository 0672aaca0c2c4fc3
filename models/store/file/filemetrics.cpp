#include "filestore.h"
#include "mlrunsfiles.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <fcntl.h>
#include <numeric>

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

inline double storedValue(double value)
{
    return std::isnan(value) ? 0.0 : value;
}

// Reads one metric file into `series` (empty when it does not exist), ordered by (step,
// timestamp, value), ties in file order; the first bad line's number, 0 if none.
int readSeries(int runDir, const std::string &key, MetricSeries &series)
{
    if (!isSafeKey(key))
        return 0;
    const auto content = readFile(runDir, ("metrics/" + key).c_str());
    if (!content)
        return 0;
    std::vector<MetricPoint> points;
    const int bad = forEachMetricLine(*content, [&](const MetricPoint &p) { points.push_back(p); });
    std::stable_sort(points.begin(), points.end(), [](const MetricPoint &a, const MetricPoint &b) {
        if (a.step != b.step)
            return a.step < b.step;
        if (a.timestamp != b.timestamp)
            return a.timestamp < b.timestamp;
        return storedValue(a.value) < storedValue(b.value);
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

} // namespace

Result<MetricHistory> FileStore::metricHistory(const QString &runId, const QString &key)
{
    const auto run = findRun(runId);
    if (!run)
        return noSuchRun(runId);
    const DirFd dir = DirFd::open(-1, run->first.c_str());
    MetricSeries series;
    if (const int bad = readSeries(dir.fd(), key.toStdString(), series)) {
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
    std::vector<std::string> folders;
    for (const QString &id : runList) {
        const auto run = findRun(id);
        if (!run)
            return noSuchRun(id);
        folders.push_back(run->first);
    }
    for (qsizetype i = 0; i < runList.size(); ++i) {
        if (cancel && cancel->load())
            return Error::make(
                Error::Cancelled,
                QCoreApplication::translate("Store::FileStore", "Reading the metrics was cancelled."));
        const DirFd dir = DirFd::open(-1, folders[size_t(i)].c_str());
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
            if (const int bad = readSeries(dir.fd(), key, series)) {
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

} // namespace Store
