#pragma once

#include "storetypes.h"

#include <QFuture>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

// A run whose artifacts are searched, with its resolved artifact folder.
struct RunArtifactRoot
{
    QString runId;
    QString runName;
    QString experimentId;
    QString root; // absolute resolved artifact folder
};

// An artifact file identical to the file searched for.
struct IdenticalFileMatch
{
    QString runId;
    QString runName;
    QString experimentId;
    QString relativePath; // under the run's artifact root, '/'-separated

    bool operator==(const IdenticalFileMatch &) const = default;
};

Q_DECLARE_METATYPE(IdenticalFileMatch)

// Finds the artifact files of some runs that are byte for byte identical to a given file (one
// dropped on the window): each run's artifacts are listed, files of another size are ruled out
// at once, and only same-size candidates are read to compare their SHA-256. Works on a worker
// thread; a new find() supersedes the one in flight (cancelled, its results dropped). Runs
// whose artifact folder does not exist are skipped (skippedRunCount()). Only reads.
class IdenticalFileFinder : public QObject
{
    Q_OBJECT
public:
    explicit IdenticalFileFinder(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the worker to stop.
    ~IdenticalFileFinder() override;

    void find(const QString &filePath, const QList<RunArtifactRoot> &runs);
    // Stops the search in flight; neither finished() nor failed() follows.
    void cancel();

    bool isFinding() const { return m_isFinding; }
    // Of the last finished search: runs skipped because their artifact folder is missing.
    int skippedRunCount() const { return m_skippedRunCount; }

signals:
    // Runs scanned so far out of all.
    void progressChanged(qint64 done, qint64 total);
    // In the order of the runs given, each run's files in listing order.
    void finished(const QList<IdenticalFileMatch> &matches);
    // The file searched for cannot be read.
    void failed(const QString &message);

private:
    int m_generation = 0;
    std::shared_ptr<Store::CancelFlag> m_cancel;
    bool m_isFinding = false;
    int m_skippedRunCount = 0;
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
};
