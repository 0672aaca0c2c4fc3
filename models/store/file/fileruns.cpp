#include "filestore.h"
#include "mlrunsfiles.h"
#include "parallelruns.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sys/stat.h>
#include <time.h>

// FileStore::runs(): the run table of an mlruns/ folder. Every run's meta.yaml is read first (by
// several threads), the runs ordered as MLflow orders them, and only then the params, metrics and
// tags of the runs asked for: a first page of `limit` runs reads `limit` runs' files, not all.

namespace Store {

using namespace Mlruns;

namespace {

// Sub-folders of an experiment that never hold runs.
bool isReservedExperimentEntry(const std::string &name)
{
    return name == "tags" || name == "datasets" || name == "traces" || name == "models";
}

bool inView(ViewType view, const QString &stage)
{
    const bool deleted = stage == QLatin1String("deleted");
    return view == ViewType::All || (view == ViewType::DeletedOnly) == deleted;
}

// MLflow's default order: start time descending (none last), then run id.
bool runBefore(const FileStore::RunMeta &a, const FileStore::RunMeta &b)
{
    const bool aStart = a.attributes.startTime != NoTime;
    const bool bStart = b.attributes.startTime != NoTime;
    if (aStart != bStart)
        return aStart;
    if (aStart && a.attributes.startTime != b.attributes.startTime)
        return a.attributes.startTime > b.attributes.startTime;
    return a.runId < b.runId;
}

// What one run folder holds besides its meta.yaml.
struct RunValues
{
    KeyValues params, tags;
    std::vector<std::pair<std::string, LatestMetric>> metrics;
};

} // namespace

std::optional<std::vector<FileStore::RunMeta>>
FileStore::scanRuns(const std::vector<ExperimentFolder> &folders, ViewType view, const CancelFlag *cancel,
                    const ProgressFn &progress, qint64 progressTotal) const
{
    struct Candidate
    {
        int folder;
        std::string name;
    };
    std::vector<DirFd> dirs;
    std::vector<Candidate> candidates;
    for (size_t i = 0; i < folders.size(); ++i) {
        dirs.push_back(DirFd::open(-1, folders[i].path.c_str()));
        if (!dirs.back().isValid())
            continue;
        for (const DirEntry &e : listDir(dirs.back().fd())) {
            if (e.isDir && !isReservedExperimentEntry(e.name) && e.name.front() != '.')
                candidates.push_back({int(i), e.name});
            else if (!e.isDir && e.name != "meta.yaml" && e.name.front() != '.')
                warn(tr("%1 is no run folder: skipped.")
                         .arg(QFile::decodeName((folders[i].path + '/' + e.name).c_str())));
        }
    }
    if (progressTotal == 0)
        progressTotal = qint64(candidates.size());
    std::vector<std::optional<RunMeta>> read(candidates.size());
    std::vector<std::optional<CachedMeta>> parsed(candidates.size()); // for the cache
    const bool complete = parallelFor(candidates.size(), cancel, progress, 0, progressTotal, [&](size_t i) {
        const Candidate &c = candidates[i];
        const int dir = dirs[size_t(c.folder)].fd();
        std::optional<RunMeta> meta;
        struct stat info;
        // A first read has nothing cached: it takes the identity from the file it opens.
        if (!m_metaCache.empty() && ::fstatat(dir, (c.name + "/meta.yaml").c_str(), &info, 0) == 0) {
            const auto cached = m_metaCache.find(folders[size_t(c.folder)].path + '/' + c.name);
            if (cached != m_metaCache.end() && cached->second.isSameFile(CachedMeta::of(info))) {
                meta = RunMeta {cached->second.attributes, cached->second.runId, c.folder};
            }
        }
        if (!meta) {
            meta = readRunMeta(dir, c.name, folders[size_t(c.folder)], c.folder, &info);
            if (meta) {
                CachedMeta &m = parsed[i].emplace(CachedMeta::of(info));
                m.attributes = meta->attributes;
                m.runId = meta->runId;
            }
        }
        if (meta && inView(view, meta->attributes.lifecycleStage))
            read[i] = std::move(meta);
    });
    if (!complete)
        return std::nullopt;
    // A file changed within the last seconds may change again within the same tick of the file
    // system's clock, leaving its stat as it was: such a file is parsed again next time (as git
    // treats "racily clean" files).
    timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    const qint64 settled = (qint64(now.tv_sec) - 2) * 1000000000 + now.tv_nsec;
    for (size_t i = 0; i < parsed.size(); ++i) {
        if (!parsed[i] || parsed[i]->modified > settled)
            continue;
        std::string folder = folders[size_t(candidates[i].folder)].path + '/' + candidates[i].name;
        m_runFolders.insert_or_assign(parsed[i]->runId, folder);
        m_metaCache.insert_or_assign(std::move(folder), std::move(*parsed[i]));
    }
    std::vector<RunMeta> runs;
    runs.reserve(read.size());
    for (auto &meta : read) {
        if (meta)
            runs.push_back(std::move(*meta));
    }
    return runs;
}

Result<RunTable> FileStore::runs(const RunQuery &query, const CancelFlag *cancel, const ProgressFn &progress)
{
    clearWarnings();
    const auto cancelled
        = [&] { return Error::make(Error::Cancelled, tr("Reading the runs was cancelled.")); };
    if (progress)
        progress(0, 1);
    std::vector<ExperimentFolder> folders = experimentFolders();
    if (!query.experimentIds.isEmpty()) {
        for (const QString &id : query.experimentIds) {
            const bool known = std::any_of(folders.begin(), folders.end(),
                                           [&](const ExperimentFolder &f) { return f.experiment.id == id; });
            if (!known)
                return Error::make(Error::NoSuchExperiment, tr("No experiment %1 in %2.").arg(id, m_path));
        }
        std::erase_if(folders, [&](const ExperimentFolder &f) {
            return !query.experimentIds.contains(f.experiment.id);
        });
    }

    // Stage 1: every run's meta.yaml, then MLflow's order. Progress counts a run folder twice:
    // its meta.yaml, then its values.
    qint64 listed = 0; // run folders found
    ProgressFn scanProgress;
    if (progress) {
        scanProgress = [&](qint64 done, qint64 candidates) {
            listed = candidates;
            progress(done, 2 * candidates);
        };
    }
    std::optional<std::vector<RunMeta>> metas = scanRuns(folders, query.view, cancel, scanProgress, 0);
    if (!metas)
        return cancelled();
    std::vector<RunMeta> &runs = *metas;
    if (query.limit >= 0 && size_t(query.limit) < runs.size()) {
        std::partial_sort(runs.begin(), runs.begin() + query.limit, runs.end(), runBefore);
        runs.resize(size_t(query.limit));
    } else {
        std::sort(runs.begin(), runs.end(), runBefore);
    }
    // Stage 2 fills the second half of the progress, whatever share of the runs it reads.
    listed = std::max<qint64>(listed, 1);
    const qint64 total = 2 * listed;
    ProgressFn valueProgress;
    if (progress) {
        progress(listed, total);
        valueProgress = [&](qint64 done, qint64) {
            progress(listed + done * listed / std::max<qint64>(qint64(runs.size()), 1), total);
        };
    }

    // Stage 2: the values of the runs kept, first runs first.
    std::vector<DirFd> dirs;
    for (const ExperimentFolder &f : folders)
        dirs.push_back(DirFd::open(-1, f.path.c_str()));
    std::vector<RunValues> values(runs.size());
    const bool complete = parallelFor(runs.size(), cancel, valueProgress, 0, 0, [&](size_t i) {
        const RunMeta &run = runs[i];
        const DirFd dir = DirFd::open(dirs[size_t(run.folder)].fd(), run.runId.c_str());
        if (!dir.isValid())
            return;
        RunValues &v = values[i];
        readKeyFiles(dir.fd(), "params", v.params);
        readKeyFiles(dir.fd(), "tags", v.tags);
        KeyValues metricFiles;
        readKeyFiles(dir.fd(), "metrics", metricFiles);
        v.metrics.reserve(metricFiles.size());
        for (const auto &[key, content] : metricFiles) {
            bool any = false;
            LatestMetric latest;
            const int bad = forEachMetricLine(content, [&](const MetricPoint &p) {
                LatestMetric m;
                m.isNan = std::isnan(p.value);
                m.value = p.value;
                m.step = p.step;
                m.timestamp = p.timestamp;
                if (!any || m.isLaterThan(latest))
                    latest = m;
                any = true;
            });
            if (bad) {
                warn(tr("Run %1: line %2 of metric %3 does not parse; the line is skipped.")
                         .arg(run.attributes.runId)
                         .arg(bad)
                         .arg(QString::fromStdString(key)));
            }
            if (any)
                v.metrics.emplace_back(key, latest);
        }
    });
    if (!complete)
        return cancelled();

    RunTableBuilder builder;
    builder.reserveRuns(qint64(runs.size()));
    for (size_t i = 0; i < runs.size(); ++i) {
        const int row = builder.addRun(std::move(runs[i].attributes), runs[i].runId);
        for (const auto &[key, value] : values[i].params)
            builder.addParam(row, key, value);
        for (const auto &[key, value] : values[i].tags)
            builder.addTag(row, key, value);
        for (const auto &[key, metric] : values[i].metrics)
            builder.addMetric(row, key, metric);
        values[i] = {};
    }
    RunTable table = builder.build();
    if (progress)
        progress(total, total);
    return table;
}

} // namespace Store
