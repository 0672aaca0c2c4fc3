#include "artifacttreediff.h"

#include "filedigest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace Artifacts {

namespace {

// Orders paths as listArtifacts() does: component by component, by UTF-8 bytes. Mapping '/'
// to the lowest byte makes a plain byte comparison do that ("a" < "a/x" < "a b").
QByteArray orderKey(const QString &path)
{
    QByteArray key = path.toUtf8();
    key.replace('/', '\0');
    return key;
}

bool sameFile(const QString &a, const QString &b)
{
    const QString canonicalA = QFileInfo(a).canonicalFilePath();
    return !canonicalA.isEmpty() && canonicalA == QFileInfo(b).canonicalFilePath();
}

Store::Error cancelled()
{
    return Store::Error::make(
        Store::Error::Cancelled,
        QCoreApplication::translate("Artifacts", "Comparing the artifacts was cancelled."));
}

// Marks what can be told from the listings alone; same-size file pairs are left Same and
// returned to be hashed.
QList<qsizetype> markByListing(QList<TreeDiffEntry> &entries)
{
    QList<qsizetype> toHash;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        TreeDiffEntry &e = entries[i];
        if (!e.hasRight)
            e.mark = DiffMark::Removed;
        else if (!e.hasLeft)
            e.mark = DiffMark::Added;
        else if (e.left.isDir != e.right.isDir || e.left.isBroken != e.right.isBroken)
            e.mark = e.left.isDir != e.right.isDir ? DiffMark::TypeChanged : DiffMark::Changed;
        else if (e.left.isDir || e.left.isBroken)
            e.mark = DiffMark::Same; // folders: from their contents below
        else if (e.left.size != e.right.size)
            e.mark = DiffMark::Changed;
        else if (e.left.size > 0)
            toHash.append(i);
    }
    return toHash;
}

// A folder on both sides is Changed when anything under it is not Same. Children come after
// their folder, so one pass from the end reaches every folder after all of its contents.
void markFolders(QList<TreeDiffEntry> &entries)
{
    QHash<QString, qsizetype> indexOf;
    indexOf.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        indexOf.insert(entries[i].path, i);
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const TreeDiffEntry &e = entries[i];
        const qsizetype slash = e.path.lastIndexOf(QLatin1Char('/'));
        if (e.mark == DiffMark::Same || slash < 0)
            continue;
        const qsizetype parent = indexOf.value(e.path.left(slash), -1);
        if (parent >= 0 && entries[parent].mark == DiffMark::Same)
            entries[parent].mark = DiffMark::Changed;
    }
}

} // namespace

int TreeDiff::changedCount() const
{
    return int(std::count_if(entries.cbegin(), entries.cend(), [](const TreeDiffEntry &e) {
        return e.mark != DiffMark::Same && !(e.mark == DiffMark::Changed && e.hasLeft && e.left.isDir);
    }));
}

QString absolutePath(const QString &root, const QString &relativePath)
{
    return QDir::cleanPath(root + QLatin1Char('/') + relativePath);
}

Store::Result<TreeDiff> diffTrees(const QString &leftRoot, const ArtifactEntryList &left,
                                  const QString &rightRoot, const ArtifactEntryList &right,
                                  const Store::CancelFlag *cancel, const Store::ProgressFn &progress)
{
    const auto isCancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    TreeDiff diff;
    diff.leftRoot = leftRoot;
    diff.rightRoot = rightRoot;

    // Merge the two listings, each sorted by orderKey() already (re-sorted to be safe).
    const auto byKey = [](const auto &a, const auto &b) { return a.first < b.first; };
    QList<std::pair<QByteArray, const ArtifactEntry *>> l, r;
    l.reserve(left.size());
    r.reserve(right.size());
    for (const ArtifactEntry &e : left)
        l.append({orderKey(e.path), &e});
    for (const ArtifactEntry &e : right)
        r.append({orderKey(e.path), &e});
    std::stable_sort(l.begin(), l.end(), byKey);
    std::stable_sort(r.begin(), r.end(), byKey);
    qsizetype i = 0, j = 0;
    while (i < l.size() || j < r.size()) {
        TreeDiffEntry entry;
        const bool takeLeft = j >= r.size() || (i < l.size() && l[i].first <= r[j].first);
        const bool takeRight = i >= l.size() || (j < r.size() && r[j].first <= l[i].first);
        if (takeLeft) {
            entry.hasLeft = true;
            entry.left = *l[i++].second;
            entry.path = entry.left.path;
        }
        if (takeRight) {
            entry.hasRight = true;
            entry.right = *r[j++].second;
            entry.path = entry.right.path;
        }
        diff.entries.append(std::move(entry));
    }
    if (isCancelled())
        return cancelled();

    const QList<qsizetype> toHash = markByListing(diff.entries);
    qint64 total = 0, done = 0;
    for (qsizetype index : toHash)
        total += diff.entries[index].left.size;
    for (qsizetype index : toHash) {
        TreeDiffEntry &e = diff.entries[index];
        const QString leftPath = absolutePath(leftRoot, e.path);
        const QString rightPath = absolutePath(rightRoot, e.path);
        if (!sameFile(leftPath, rightPath)) {
            const auto leftDigest = fileDigest(leftPath, cancel);
            const auto rightDigest = leftDigest ? fileDigest(rightPath, cancel) : leftDigest;
            if (isCancelled())
                return cancelled();
            if (leftDigest && rightDigest) {
                e.leftDigest = *leftDigest;
                e.rightDigest = *rightDigest;
                if (e.leftDigest != e.rightDigest)
                    e.mark = DiffMark::Changed;
            } else {
                e.mark = DiffMark::Changed;
                e.problem = (leftDigest ? rightDigest : leftDigest).error().message;
            }
        }
        done += e.left.size;
        if (progress)
            progress(done, total);
    }
    markFolders(diff.entries);
    return diff;
}

} // namespace Artifacts
