#pragma once

#include "mlflowstore.h"
#include "storefactory.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unordered_map>
#include <vector>

namespace Store {

// The file-store backend: reads an MLflow mlruns/ folder (format notes §4), every MLflow era of its
// meta.yaml files. Runs are read by several threads at once (opening the small files is the cost);
// a malformed run is skipped with a warning (warnings()), never a failed read. Opened writable, it
// also writes the model registry (fileregistrywrite.cpp) as MLflow's FileStore lays it out, with
// the SQLite backend's semantics; tracking data is never written.
class FileStore final : public MlflowStore
{
public:
    // `path` is the mlruns folder. Fails with IsDirectory when it holds no experiment folder
    // (<id>/meta.yaml), no .trash and no models/ folder. busyTimeoutMs, writable: see OpenOptions
    // (the timeout is how long a registry write waits for another Kaizen's).
    static Result<std::unique_ptr<FileStore>> open(const QString &path, const OpenOptions &options = {});
    // Whether `path` is a folder that looks like an mlruns store (see open()).
    static bool looksLikeMlruns(const QString &path);

    QString location() const override { return m_path; }
    QString notice() const override { return {}; }
    bool isStale() const override;
    QStringList warnings() const override;

    Result<ExperimentList> experiments(ViewType view) override;
    Result<RunTable> runs(const RunQuery &query, const CancelFlag *cancel,
                          const ProgressFn &progress) override;
    Result<MetricHistory> metricHistory(const QString &runId, const QString &key) override;
    Error readMetricSeries(const QStringList &runIds, const QStringList &keys,
                           const std::function<void(MetricSeries &&)> &deliver, const CancelFlag *cancel,
                           const ProgressFn &progress) override;
    // filelive.cpp: a digest of the stat of what a writer touches (see there).
    Result<QByteArray> changeToken() override;
    // filemetrics.cpp
    Result<MetricAppend> readMetricAppend(const QString &runId, const QString &key,
                                          const SeriesTail &after) override;
    Result<DatasetInputList> datasets(const QString &runId) override;
    Result<QString> artifactUri(const QString &runId) override;

    // fileregistry.cpp
    Result<RegisteredModelList> registeredModels() override;
    Result<ModelVersionList> modelVersions(const QString &model, ViewType view) override;
    Result<ModelVersionList> modelVersionsOfRun(const QString &runId) override;
    Error registryWritability() override;
    Result<RegistryWrite> applyRegistryChange(const RegistryChange &change) override;

    // An experiment folder: mlruns/<id> or mlruns/.trash/<id>.
    struct ExperimentFolder
    {
        Experiment experiment;
        std::string path; // absolute, UTF-8 (local 8-bit)
        bool trashed = false;
    };
    // A run found by its meta.yaml.
    struct RunMeta
    {
        RunAttributes attributes;
        std::string runId; // UTF-8
        int folder = -1; // index into the experiment folders
    };

private:
    Q_DECLARE_TR_FUNCTIONS(Store::FileStore)
    FileStore() = default;
    void warn(const QString &message) const;
    void clearWarnings(); // at the start of a read
    Error noSuchRun(const QString &runId) const;
    // Every experiment folder with a readable meta.yaml, live then trashed; malformed ones warn.
    std::vector<ExperimentFolder> experimentFolders() const;
    // The meta.yaml of every run of `folders` in `view`, read by several threads; nullopt when
    // cancelled. `progress` gets runs read so far.
    std::optional<std::vector<RunMeta>> scanRuns(const std::vector<ExperimentFolder> &folders, ViewType view,
                                                 const CancelFlag *cancel, const ProgressFn &progress,
                                                 qint64 progressTotal) const;
    // Parses one run's meta.yaml; nullopt (with a warning) when it is no run of `folder`.
    // `identity` gets the stat of the meta.yaml read.
    std::optional<RunMeta> readRunMeta(int experimentDir, const std::string &name,
                                       const ExperimentFolder &folder, int folderIndex,
                                       struct stat *identity = nullptr) const;
    // The folder of run `runId` (absolute) and its meta; nullopt when no experiment holds it.
    std::optional<std::pair<std::string, RunMeta>> findRun(const QString &runId) const;

    // filelive.cpp: what changeToken() found of each run folder, so that it parses a meta.yaml
    // again only when the file changed.
    struct LiveRuns;
    std::shared_ptr<LiveRuns> m_liveRuns;

    // fileregistry.cpp
    // The versions of `model` in `view`, or the live versions of every model from run `runId`.
    Result<ModelVersionList> readVersions(const QString &model, const QString &runId,
                                          ViewType view = ViewType::ActiveOnly) const;
    // fileregistrywrite.cpp: decides m_writability.
    void decideWritability(bool writable);

    QString m_path; // absolute, clean
    quint64 m_device = 0; // of the folder opened, to notice a replaced folder
    quint64 m_inode = 0;
    int m_busyTimeoutMs = OpenOptions::DefaultBusyTimeoutMs;
    Error m_writability; // of the registry
    mutable std::mutex m_warningsMutex; // warnings come from the reading threads
    static constexpr qsizetype MaxWarnings = 200;
    mutable QStringList m_warnings;
    mutable qint64 m_moreWarnings = 0; // beyond MaxWarnings
    // The meta.yaml of every run read before, by run folder, with the identity of the file: a
    // later read (RunLoader's whole read after its first page) parses only the files that
    // changed since. Read by the scanning threads, written by the calling one after them.
    struct CachedMeta
    {
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modified = 0; // ns
        qint64 changed = 0; // ns
        RunAttributes attributes;
        std::string runId;

        // The identity of the file `info` describes, nothing read yet.
        static CachedMeta of(const struct stat &info)
        {
            CachedMeta m;
            m.inode = quint64(info.st_ino);
            m.size = qint64(info.st_size);
            m.modified = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
            m.changed = qint64(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
            return m;
        }
        bool isSameFile(const CachedMeta &other) const
        {
            return inode == other.inode && size == other.size && modified == other.modified
                && changed == other.changed;
        }
    };
    mutable std::unordered_map<std::string, CachedMeta> m_metaCache; // by run folder (absolute)
    mutable std::unordered_map<std::string, std::string> m_runFolders; // run id -> run folder
};

} // namespace Store
