#pragma once

#include "artifacttreediff.h"
#include "filepaircontents.h"
#include "storetypes.h"
#include "textdiff.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <memory>

// Compares two runs' artifacts on worker threads and hands the results to the GUI thread as
// signals, always through the event loop. Two kinds of request, each superseding the one of its
// kind before it (cancelled, its result dropped): the tree diff of two roots (both listed, then
// same-size files hashed), and the contents of one file pair (a text diff, the digests, or the
// images). Only reads.
class ArtifactDiffLoader : public QObject
{
    Q_OBJECT
public:
    explicit ArtifactDiffLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the workers to stop.
    ~ArtifactDiffLoader() override;

    void compare(const QString &leftRoot, const QString &rightRoot);
    // A file pair, by its absolute paths (empty: absent on that side).
    void loadTextDiff(const QString &relativePath, const QString &leftPath, const QString &rightPath,
                      const Artifacts::TextDiffOptions &options = {});
    // What the diff view shows of a file pair: its kind (Artifacts::fileKindOf), then the text
    // diff, the images or the digests.
    void loadFilePair(const QString &relativePath, const QString &leftPath, const QString &rightPath,
                      const Artifacts::TextDiffOptions &options = {});
    // Cancels and drops both kinds of request in flight.
    void cancel();

    bool isComparing() const { return m_isComparing; }
    // True while a worker still runs, including cancelled ones that have not noticed yet.
    bool isBusy() const;

signals:
    void treeDiffLoaded(const Artifacts::TreeDiff &diff);
    void treeDiffFailed(const QString &message);
    // Of the tree diff: entries listed (total 0), then bytes hashed of those to hash.
    void progressChanged(qint64 done, qint64 total);
    void textDiffLoaded(const QString &relativePath, const Artifacts::TextDiff &diff);
    void filePairLoaded(const QString &relativePath, const Artifacts::FilePairContents &contents);
    // Reading a file pair failed.
    void fileFailed(const QString &relativePath, const QString &message);

private:
    template<typename Work, typename Deliver> void runTask(Work work, Deliver deliver);
    // Starts a file-pair request: the previous one is superseded.
    std::shared_ptr<Store::CancelFlag> startFileRequest();

    int m_treeGeneration = 0;
    int m_fileGeneration = 0;
    std::shared_ptr<Store::CancelFlag> m_treeCancel;
    std::shared_ptr<Store::CancelFlag> m_fileCancel;
    bool m_isComparing = false;
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
};
