#include "artifactlisting.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Artifacts {
namespace {

class Lister
{
public:
    Lister(const Store::CancelFlag *cancel, const Store::ProgressFn &progress)
        : m_cancel(cancel), m_progress(progress)
    {
    }

    // False when cancelled.
    bool list(const QString &folder, const QString &prefix, QSet<QString> &ancestors)
    {
        QFileInfoList infos = QDir(folder).entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::NoSort);
        std::sort(infos.begin(), infos.end(), [](const QFileInfo &a, const QFileInfo &b) {
            return a.fileName().toUtf8() < b.fileName().toUtf8();
        });
        for (const QFileInfo &info : std::as_const(infos)) {
            if (m_cancel && m_cancel->load(std::memory_order_relaxed))
                return false;
            ArtifactEntry entry;
            entry.path = prefix + info.fileName();
            entry.isSymlink = info.isSymLink();
            entry.isDir = info.isDir();
            entry.modified = info.lastModified().toMSecsSinceEpoch();
            if (entry.isSymlink && !info.exists()) {
                entry.isBroken = true;
                entry.modified = 0;
            } else if (!entry.isDir) {
                entry.size = info.size();
            }
            QString canonical;
            if (entry.isDir) {
                canonical = info.canonicalFilePath();
                entry.isBroken = canonical.isEmpty() || ancestors.contains(canonical) || !info.isReadable();
            }
            m_entries.append(entry);
            if (m_progress && m_entries.size() % 4096 == 0)
                m_progress(m_entries.size(), 0);
            if (entry.isDir && !entry.isBroken) {
                ancestors.insert(canonical);
                const bool going = list(info.filePath(), entry.path + QLatin1Char('/'), ancestors);
                ancestors.remove(canonical);
                if (!going)
                    return false;
            }
        }
        return true;
    }

    ArtifactEntryList take() { return std::move(m_entries); }

private:
    const Store::CancelFlag *m_cancel;
    const Store::ProgressFn &m_progress;
    ArtifactEntryList m_entries;
};

} // namespace

Store::Result<ArtifactEntryList> listArtifacts(const QString &root, const Store::CancelFlag *cancel,
                                               const Store::ProgressFn &progress)
{
    const QFileInfo rootInfo(root);
    if (!rootInfo.isDir())
        return Store::Error::make(Store::Error::NotFound,
                                  QCoreApplication::translate("Artifacts", "No artifact folder at %1.")
                                      .arg(QDir::toNativeSeparators(root)));
    Lister lister(cancel, progress);
    QSet<QString> ancestors {rootInfo.canonicalFilePath()};
    if (!lister.list(rootInfo.filePath(), QString(), ancestors))
        return Store::Error::make(
            Store::Error::Cancelled,
            QCoreApplication::translate("Artifacts", "Listing the artifacts was cancelled."));
    ArtifactEntryList entries = lister.take();
    if (progress)
        progress(entries.size(), entries.size());
    return entries;
}

} // namespace Artifacts
