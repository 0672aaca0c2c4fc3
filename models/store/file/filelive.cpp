#include "filestore.h"
#include "mlrunsfiles.h"

#include <QCryptographicHash>
#include <QFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

// FileStore::changeToken(): what MLflow's file store touches while a run trains, as a digest of
// stat() results (format notes §4):
//   - the root and .trash (new, deleted or restored experiments), each experiment folder (a new
//     run folder changes its mtime) and its meta.yaml (renamed, deleted);
//   - each run's meta.yaml (status, end time, deletion rewrite it);
//   - for runs not finished (RUNNING or SCHEDULED as their meta.yaml said when last parsed),
//     their metrics/, params/ and tags/ folders (a new key adds a file) and every metric file,
//     nested keys' folders included (each logged point appends a line).
// Finished runs cost one stat: a run that logs again is rewritten RUNNING first. Times are
// compared to the nanosecond, with size, inode and change time: a rewrite that keeps the size
// within one tick of the file system's clock shows with the next change. The registry (models/)
// is not watched.

namespace Store {

using namespace Mlruns;

struct FileStore::LiveRuns
{
    struct Run
    {
        CachedMeta meta; // identity of the meta.yaml parsed
        bool unfinished = false;
    };
    std::unordered_map<std::string, Run> byFolder; // run folder (absolute)
};

namespace {

class StatDigest
{
public:
    void add(std::string_view name, const struct stat *info)
    {
        m_bytes.append(name);
        if (!info) {
            m_bytes.push_back('-');
            return;
        }
        const qint64 fields[]
            = {qint64(info->st_ino),         qint64(info->st_size),         qint64(info->st_nlink),
               qint64(info->st_mtim.tv_sec), qint64(info->st_mtim.tv_nsec), qint64(info->st_ctim.tv_sec),
               qint64(info->st_ctim.tv_nsec)};
        m_bytes.append(reinterpret_cast<const char *>(fields), sizeof fields);
    }
    // `name` under `dir`, or its absence.
    void addAt(int dir, const std::string &name, struct stat *info)
    {
        add(name, ::fstatat(dir, name.c_str(), info, 0) == 0 ? info : nullptr);
    }
    QByteArray result() const
    {
        return "file:"
            + QCryptographicHash::hash(QByteArrayView(m_bytes.data(), qsizetype(m_bytes.size())),
                                       QCryptographicHash::Sha1)
                  .toHex();
    }

private:
    std::string m_bytes;
};

// Every folder and file below `dir` (a run's metrics/: nested keys are folders).
void addTree(int dir, StatDigest &digest)
{
    for (const DirEntry &e : listDir(dir)) {
        struct stat info;
        digest.addAt(dir, e.name, &info);
        if (e.isDir) {
            const DirFd sub = DirFd::open(dir, e.name.c_str());
            if (sub.isValid())
                addTree(sub.fd(), digest);
        }
    }
}

qint64 nowNs()
{
    timespec now;
    ::clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

} // namespace

Result<QByteArray> FileStore::changeToken()
{
    const DirFd root = DirFd::open(-1, QFile::encodeName(m_path).constData());
    if (!root.isValid()) {
        return Error::make(Error::NotFound, tr("The store folder %1 is gone or cannot be read.").arg(m_path));
    }
    if (!m_liveRuns)
        m_liveRuns = std::make_shared<LiveRuns>();
    LiveRuns seen; // the runs of this scan: folders gone since are forgotten
    // A meta.yaml changed within the last seconds may change again without its stat changing
    // (same size, same clock tick): it is parsed again next time (as git treats racily clean files).
    const qint64 settled = nowNs() - qint64(2) * 1000000000;
    StatDigest digest;
    struct stat info;
    if (::fstat(root.fd(), &info) == 0)
        digest.add("/", &info);
    digest.addAt(root.fd(), ".trash", &info);

    for (const DirEntry &experiment : listDir(root.fd())) {
        if (!experiment.isDir || experiment.name.front() == '.' || experiment.name == "models")
            continue;
        digest.addAt(root.fd(), experiment.name, &info);
        const DirFd folder = DirFd::open(root.fd(), experiment.name.c_str());
        if (!folder.isValid())
            continue;
        digest.addAt(folder.fd(), "meta.yaml", &info);
        const std::string experimentPath = QFile::encodeName(m_path).toStdString() + '/' + experiment.name;
        // Sub-folders that are no runs (tags/, datasets/ ...) have no meta.yaml: one stat.
        for (const DirEntry &run : listDir(folder.fd())) {
            if (!run.isDir || run.name.front() == '.')
                continue;
            const std::string metaName = run.name + "/meta.yaml";
            if (::fstatat(folder.fd(), metaName.c_str(), &info, 0) != 0) {
                digest.add(run.name, nullptr);
                continue;
            }
            digest.add(run.name, &info);
            std::string runPath = experimentPath + '/' + run.name;
            const CachedMeta identity = CachedMeta::of(info);
            LiveRuns::Run state;
            const auto cached = m_liveRuns->byFolder.find(runPath);
            if (cached != m_liveRuns->byFolder.end() && cached->second.meta.isSameFile(identity)) {
                state = cached->second;
            } else {
                state.meta = identity;
                QString error;
                const auto text = readFile(folder.fd(), metaName.c_str());
                const auto meta = text ? FlatYaml::parse(*text, &error) : std::nullopt;
                state.unfinished = meta && isUnfinished(statusName(meta->string("status")));
            }
            if (state.unfinished) {
                const DirFd runDir = DirFd::open(folder.fd(), run.name.c_str());
                for (const char *sub : {"params", "tags"})
                    digest.addAt(runDir.fd(), sub, &info);
                digest.addAt(runDir.fd(), "metrics", &info);
                if (const DirFd metrics = DirFd::open(runDir.fd(), "metrics"); metrics.isValid())
                    addTree(metrics.fd(), digest);
            }
            if (state.meta.modified <= settled)
                seen.byFolder.emplace(std::move(runPath), state);
        }
    }
    m_liveRuns->byFolder.swap(seen.byFolder);
    return digest.result();
}

} // namespace Store
