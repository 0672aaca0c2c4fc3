#pragma once

#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QString>

namespace Artifacts {

// One file or folder under a run's artifact root, as the tree, the listing, the diff and the
// command line see it. Kaizen only ever reads artifacts: nothing here moves or changes a file.
struct ArtifactEntry
{
    QString path; // relative to the artifact root, '/'-separated, no leading '/'
    qint64 size = 0; // bytes; 0 for a folder
    qint64 modified = 0; // ms since the epoch (UTC); 0 when unknown
    bool isDir = false;
    bool isSymlink = false;
    // A symlink whose target is missing, or a folder that cannot be read or whose link leads
    // back to one of its own ancestors: listed, never followed.
    bool isBroken = false;

    bool operator==(const ArtifactEntry &) const = default;
};
using ArtifactEntryList = QList<ArtifactEntry>;

// A size as every artifact view writes it: SI units, one decimal ("1.2 MB", "803 bytes"), as
// desktop file managers do.
inline QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace Artifacts

Q_DECLARE_METATYPE(Artifacts::ArtifactEntry)
