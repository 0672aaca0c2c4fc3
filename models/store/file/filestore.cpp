#include "filestore.h"

#include "mlrunsfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

namespace Store {

using namespace Mlruns;

namespace {

bool folderIdentity(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat info;
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        return false;
    *device = quint64(info.st_dev);
    *inode = quint64(info.st_ino);
    return true;
}

// Experiment ids in MLflow's order: numbers by value (file-store ids are 18 digits, SQL ones small),
// then other ids by text.
bool experimentIdLess(const QString &a, const QString &b)
{
    bool aNumber = false, bNumber = false;
    const qulonglong x = a.toULongLong(&aNumber);
    const qulonglong y = b.toULongLong(&bNumber);
    if (aNumber != bNumber)
        return aNumber;
    if (aNumber && x != y)
        return x < y;
    return a < b;
}

} // namespace

bool FileStore::looksLikeMlruns(const QString &path)
{
    const DirFd root = DirFd::open(-1, QFile::encodeName(path).constData());
    if (!root.isValid())
        return false;
    for (const DirEntry &e : listDir(root.fd())) {
        if (!e.isDir)
            continue;
        if (e.name == ".trash" || e.name == "models")
            return true;
        struct stat info;
        if (::fstatat(root.fd(), (e.name + "/meta.yaml").c_str(), &info, 0) == 0 && S_ISREG(info.st_mode))
            return true;
    }
    return false;
}

Result<std::unique_ptr<FileStore>> FileStore::open(const QString &path, const OpenOptions &options)
{
    std::unique_ptr<FileStore> store(new FileStore);
    store->m_busyTimeoutMs = options.busyTimeoutMs;
    store->m_path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (!folderIdentity(store->m_path, &store->m_device, &store->m_inode)) {
        return Error::make(
            Error::NotFound,
            FileStore::tr("%1 does not exist or is no folder.").arg(QDir::toNativeSeparators(path)));
    }
    if (!looksLikeMlruns(store->m_path)) {
        return Error::make(
            Error::IsDirectory,
            FileStore::tr("%1 is a folder but not an MLflow store: it holds no experiment folder "
                          "(<id>/meta.yaml), no .trash and no models/ folder. Open an mlruns "
                          "folder or an MLflow database file.")
                .arg(QDir::toNativeSeparators(store->m_path)));
    }
    store->decideWritability(options.writable);
    return store;
}

bool FileStore::isStale() const
{
    quint64 device = 0, inode = 0;
    return !folderIdentity(m_path, &device, &inode) || device != m_device || inode != m_inode;
}

QStringList FileStore::warnings() const
{
    std::lock_guard lock(m_warningsMutex);
    QStringList list = m_warnings;
    if (m_moreWarnings > 0)
        list.append(QCoreApplication::translate("Store::FileStore", "... and %n more problems.", nullptr,
                                                int(m_moreWarnings)));
    return list;
}

void FileStore::warn(const QString &message) const
{
    std::lock_guard lock(m_warningsMutex);
    if (m_warnings.size() >= MaxWarnings)
        ++m_moreWarnings; // a folder of broken runs: the first ones say enough
    else if (!m_warnings.contains(message))
        m_warnings.append(message);
}

void FileStore::clearWarnings()
{
    std::lock_guard lock(m_warningsMutex);
    m_warnings.clear();
    m_moreWarnings = 0;
}

Error FileStore::noSuchRun(const QString &runId) const
{
    return Error::make(Error::NoSuchRun, tr("No run %1 in %2.").arg(runId, QDir::toNativeSeparators(m_path)));
}

std::vector<FileStore::ExperimentFolder> FileStore::experimentFolders() const
{
    std::vector<ExperimentFolder> folders;
    const std::string rootPath = QFile::encodeName(m_path).toStdString();
    const auto scan = [&](const std::string &base, bool trashed) {
        const DirFd dir = DirFd::open(-1, base.c_str());
        if (!dir.isValid())
            return;
        for (const DirEntry &e : listDir(dir.fd())) {
            if (!e.isDir || e.name == ".trash" || e.name == "models" || e.name.front() == '.')
                continue;
            const std::string folder = base + '/' + e.name;
            const auto text = readFile(dir.fd(), (e.name + "/meta.yaml").c_str());
            if (!text) {
                warn(tr("Folder %1 is no experiment (it has no readable meta.yaml): skipped.")
                         .arg(QFile::decodeName(folder.c_str())));
                continue;
            }
            QString error;
            const auto meta = parseYaml(*text, &error);
            if (!meta) {
                warn(tr("Experiment folder %1: its meta.yaml does not parse (%2): skipped.")
                         .arg(QFile::decodeName(folder.c_str()), error));
                continue;
            }
            ExperimentFolder f;
            f.path = folder;
            f.trashed = trashed;
            Experiment &x = f.experiment;
            x.id = QFile::decodeName(e.name.c_str()); // the folder names the experiment
            x.name = yamlQString(*meta, "name");
            x.artifactLocation = yamlQString(*meta, "artifact_location");
            x.lifecycleStage = yamlQString(*meta, "lifecycle_stage");
            if (x.lifecycleStage.isEmpty())
                x.lifecycleStage = trashed ? QStringLiteral("deleted") : QStringLiteral("active");
            x.creationTime = yamlTime(*meta, "creation_time");
            x.lastUpdateTime = yamlTime(*meta, "last_update_time");
            const bool duplicate
                = std::any_of(folders.begin(), folders.end(),
                              [&](const ExperimentFolder &o) { return o.experiment.id == x.id; });
            if (!duplicate) // the live folder wins over a copy left in .trash
                folders.push_back(std::move(f));
        }
    };
    scan(rootPath, false);
    scan(rootPath + "/.trash", true);
    std::sort(folders.begin(), folders.end(), [](const ExperimentFolder &a, const ExperimentFolder &b) {
        return experimentIdLess(a.experiment.id, b.experiment.id);
    });
    return folders;
}

std::optional<FileStore::RunMeta> FileStore::readRunMeta(int experimentDir, const std::string &name,
                                                         const ExperimentFolder &folder, int folderIndex,
                                                         struct stat *identity) const
{
    const QString where = QFile::decodeName((folder.path + '/' + name).c_str());
    const auto text = readFile(experimentDir, (name + "/meta.yaml").c_str(), identity);
    if (!text) {
        warn(tr("Folder %1 is no run (it has no readable meta.yaml): skipped.").arg(where));
        return std::nullopt;
    }
    QString error;
    const auto meta = FlatYaml::parse(*text, &error);
    if (!meta) {
        warn(tr("Run folder %1: its meta.yaml does not parse (%2): skipped.").arg(where, error));
        return std::nullopt;
    }
    // run_uuid up to MLflow 2.x, run_id since 1.x (and alone in 3.x).
    auto id = meta->string("run_uuid");
    if (!id || id->empty())
        id = meta->string("run_id");
    if (!id || id->empty()) {
        warn(tr("Run folder %1: its meta.yaml has no run_id: skipped.").arg(where));
        return std::nullopt;
    }
    if (*id != name) {
        warn(tr("Run folder %1: its meta.yaml names run %2: skipped.")
                 .arg(where, QString::fromStdString(*id)));
        return std::nullopt;
    }
    const QString experimentId = meta->qstring("experiment_id");
    if (!experimentId.isEmpty() && experimentId != folder.experiment.id) {
        warn(tr("Run folder %1: its meta.yaml belongs to experiment %2: skipped.").arg(where, experimentId));
        return std::nullopt;
    }
    RunMeta run;
    run.runId = std::move(*id);
    run.folder = folderIndex;
    RunAttributes &a = run.attributes;
    a.runId = QString::fromStdString(run.runId);
    a.runName = meta->qstring("run_name"); // MLflow >= 1.30
    if (a.runName.isEmpty())
        a.runName = meta->qstring("name"); // older: '' and the name only in tags
    a.experimentId = folder.experiment.id;
    a.status = statusName(meta->string("status"));
    a.lifecycleStage = meta->qstring("lifecycle_stage");
    if (a.lifecycleStage.isEmpty())
        a.lifecycleStage = QStringLiteral("active");
    a.userId = meta->qstring("user_id");
    a.artifactUri = meta->qstring("artifact_uri");
    a.startTime = meta->time("start_time");
    a.endTime = meta->time("end_time");
    a.deletedTime = meta->time("deleted_time");
    return run;
}

std::optional<std::pair<std::string, FileStore::RunMeta>> FileStore::findRun(const QString &runId) const
{
    if (!isSafeId(runId))
        return std::nullopt;
    const std::string name = runId.toStdString();
    // A run read before, its meta.yaml unchanged since: no look through the experiments.
    if (const auto folder = m_runFolders.find(name); folder != m_runFolders.end()) {
        const auto cached = m_metaCache.find(folder->second);
        struct stat info;
        if (cached != m_metaCache.end() && ::stat((folder->second + "/meta.yaml").c_str(), &info) == 0
            && cached->second.isSameFile(CachedMeta::of(info))) {
            return std::make_pair(folder->second, RunMeta {cached->second.attributes, name, -1});
        }
    }
    const std::vector<ExperimentFolder> folders = experimentFolders();
    for (size_t i = 0; i < folders.size(); ++i) {
        const DirFd dir = DirFd::open(-1, folders[i].path.c_str());
        struct stat info;
        if (!dir.isValid() || ::fstatat(dir.fd(), (name + "/meta.yaml").c_str(), &info, 0) != 0)
            continue;
        if (auto meta = readRunMeta(dir.fd(), name, folders[i], int(i)))
            return std::make_pair(folders[i].path + '/' + name, std::move(*meta));
    }
    return std::nullopt;
}

Result<ExperimentList> FileStore::experiments(ViewType view)
{
    clearWarnings();
    const std::vector<ExperimentFolder> folders = experimentFolders();
    const auto inView = [view](const QString &stage) {
        const bool deleted = stage == QLatin1String("deleted");
        return view == ViewType::All || (view == ViewType::DeletedOnly) == deleted;
    };
    // Counting runs of the view reads every run's meta.yaml.
    const auto metas = scanRuns(folders, view, nullptr, {}, 0);
    QHash<QString, int> counts;
    if (metas) {
        for (const RunMeta &run : *metas)
            ++counts[folders[size_t(run.folder)].experiment.id];
    }
    ExperimentList list;
    for (const ExperimentFolder &f : folders) {
        if (!inView(f.experiment.lifecycleStage))
            continue;
        Experiment x = f.experiment;
        x.runCount = counts.value(x.id);
        // The tags here rather than in experimentFolders(): run look-ups need no tag files.
        const DirFd dir = DirFd::open(-1, f.path.c_str());
        KeyValues tags;
        if (dir.isValid())
            readKeyFiles(dir.fd(), "tags", tags);
        std::sort(tags.begin(), tags.end());
        for (const auto &[key, value] : tags) {
            x.tags.append({QString::fromStdString(key), QString::fromStdString(value)});
            if (key == Tags::Note)
                x.description = x.tags.last().second;
        }
        list.append(x);
    }
    return list;
}

Result<QString> FileStore::artifactUri(const QString &runId)
{
    const auto run = findRun(runId);
    if (!run)
        return noSuchRun(runId);
    return run->second.attributes.artifactUri;
}

Result<DatasetInputList> FileStore::datasets(const QString &runId)
{
    DatasetInputList list;
    const auto run = findRun(runId);
    if (!run)
        return list; // as the SQL store: no inputs for an unknown run
    const DirFd inputs = DirFd::open(-1, (run->first + "/inputs").c_str());
    if (!inputs.isValid())
        return list;
    const std::string experimentPath = run->first.substr(0, run->first.rfind('/'));
    for (const DirEntry &e : listDir(inputs.fd())) {
        QString error;
        const auto text = e.isDir ? readFile(inputs.fd(), (e.name + "/meta.yaml").c_str()) : std::nullopt;
        const auto input = text ? parseYaml(*text, &error) : std::nullopt;
        if (!input || yamlString(*input, "source_type").value_or("") != "DATASET")
            continue;
        const QString datasetId = yamlQString(*input, "source_id");
        if (!isSafeId(datasetId))
            continue;
        const auto datasetText = readFile(
            AT_FDCWD, (experimentPath + "/datasets/" + datasetId.toStdString() + "/meta.yaml").c_str());
        const auto dataset = datasetText ? parseYaml(*datasetText, &error) : std::nullopt;
        if (!dataset) {
            warn(tr("Run %1 uses dataset %2, which its experiment does not hold.").arg(runId, datasetId));
            continue;
        }
        DatasetInput d;
        d.name = yamlQString(*dataset, "name");
        d.digest = yamlQString(*dataset, "digest");
        d.sourceType = yamlQString(*dataset, "source_type");
        d.source = yamlQString(*dataset, "source");
        d.schema = yamlQString(*dataset, "schema");
        d.profile = yamlQString(*dataset, "profile");
        if (const YAML::Node tags = (*input)["tags"]; tags && tags.IsMap())
            d.context = yamlQString(tags, "mlflow.data.context");
        list.append(d);
    }
    std::sort(list.begin(), list.end(),
              [](const DatasetInput &a, const DatasetInput &b) { return a.name < b.name; });
    return list;
}

} // namespace Store
