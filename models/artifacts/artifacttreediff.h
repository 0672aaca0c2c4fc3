#pragma once

#include "artifactentry.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Artifacts {

// How one path of two artifact trees compares.
enum class DiffMark {
    Same, // on both sides, equal (files: same size and digest; folders: nothing inside differs)
    Added, // only on the right
    Removed, // only on the left
    Changed, // files: other size, or same size and other digest; folders: something inside differs
    TypeChanged, // a file on one side, a folder on the other
};

// One path of the union of two trees.
struct TreeDiffEntry
{
    QString path; // relative, '/'-separated, as in ArtifactEntry
    DiffMark mark = DiffMark::Same;
    bool hasLeft = false;
    bool hasRight = false;
    ArtifactEntry left; // valid when hasLeft
    ArtifactEntry right; // valid when hasRight
    // Digests, computed only for same-size files on both sides (empty otherwise).
    QByteArray leftDigest;
    QByteArray rightDigest;
    // Why a same-size pair could not be compared (a side unreadable); such a pair is Changed.
    QString problem;

    QString name() const { return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1); }
    bool isDir() const { return hasLeft ? left.isDir : right.isDir; } // the left side's type wins
    bool isFile() const { return (!hasLeft || !left.isDir) && (!hasRight || !right.isDir); }
};

// The union of two trees, in the listings' order (depth first, each folder's entries by name,
// a folder right before its contents), with the roots compared.
struct TreeDiff
{
    QString leftRoot;
    QString rightRoot;
    QList<TreeDiffEntry> entries;

    // Paths that differ, the folders only Changed because of their contents not counted.
    int changedCount() const;
};

// Compares two listings (listArtifacts() of `leftRoot` and `rightRoot`). Only same-size files
// are read, to compare their SHA-256; a path that is the same file on both sides (a link, or
// both roots the same folder) is Same without reading it. Broken entries (dangling links,
// folder loops) compare by their type alone. Fails with Cancelled when `cancel` is set;
// `progress` counts the bytes hashed of those to hash. Blocking: call it on a worker thread.
Store::Result<TreeDiff> diffTrees(const QString &leftRoot, const ArtifactEntryList &left,
                                  const QString &rightRoot, const ArtifactEntryList &right,
                                  const Store::CancelFlag *cancel = nullptr,
                                  const Store::ProgressFn &progress = {});

// The absolute path of `relativePath` under `root`.
QString absolutePath(const QString &root, const QString &relativePath);

} // namespace Artifacts

Q_DECLARE_METATYPE(Artifacts::TreeDiff)
