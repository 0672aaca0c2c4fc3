#include "identicalfilefinder.h"

#include "artifactlisting.h"
#include "artifacttreediff.h"
#include "filedigest.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace {

struct FindOutcome
{
    QList<IdenticalFileMatch> matches;
    int skippedRunCount = 0;
    Store::Error error;
};

// Blocking: the whole search, on the worker. `progress` after each run.
FindOutcome findIdentical(const QString &filePath, const QList<RunArtifactRoot> &runs,
                          const Store::CancelFlag *cancel, const Store::ProgressFn &progress)
{
    FindOutcome outcome;
    const auto digest = Artifacts::fileDigest(filePath, cancel);
    if (!digest) {
        outcome.error = digest.error();
        return outcome;
    }
    const qint64 size = QFileInfo(filePath).size();
    const qint64 total = runs.size();
    qint64 done = 0;
    for (const RunArtifactRoot &run : runs) {
        const auto entries = Artifacts::listArtifacts(run.root, cancel);
        if (!entries && entries.error().code == Store::Error::Cancelled) {
            outcome.error = entries.error();
            return outcome;
        }
        if (!entries) {
            ++outcome.skippedRunCount;
        } else {
            for (const Artifacts::ArtifactEntry &entry : *entries) {
                if (entry.isDir || entry.isBroken || entry.size != size)
                    continue;
                const auto candidate
                    = Artifacts::fileDigest(Artifacts::absolutePath(run.root, entry.path), cancel);
                if (cancel && cancel->load()) {
                    outcome.error = Store::Error::make(Store::Error::Cancelled, QString());
                    return outcome;
                }
                if (candidate && *candidate == *digest)
                    outcome.matches.append({run.runId, run.runName, run.experimentId, entry.path});
            }
        }
        progress(++done, total);
    }
    return outcome;
}

} // namespace

IdenticalFileFinder::IdenticalFileFinder(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // a search, and a superseded one winding down
}

IdenticalFileFinder::~IdenticalFileFinder()
{
    cancel();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

void IdenticalFileFinder::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_generation;
    m_isFinding = false;
}

void IdenticalFileFinder::find(const QString &filePath, const QList<RunArtifactRoot> &runs)
{
    cancel();
    auto cancelFlag = std::make_shared<Store::CancelFlag>(false);
    m_cancel = cancelFlag;
    const int generation = m_generation;
    m_isFinding = true;
    emit progressChanged(0, runs.size());
    // Results and progress come back through the event loop; `this` outlives the worker (the
    // destructor waits) and a posted call dies with it.
    const Store::ProgressFn progress = [this, generation](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (generation == m_generation)
                    emit progressChanged(done, total);
            },
            Qt::QueuedConnection);
    };
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, generation, filePath, runs, cancelFlag, progress] {
        const FindOutcome outcome = findIdentical(filePath, runs, cancelFlag.get(), progress);
        QMetaObject::invokeMethod(
            this,
            [this, generation, outcome] {
                if (generation != m_generation)
                    return;
                m_isFinding = false;
                m_cancel.reset();
                if (outcome.error.code == Store::Error::Cancelled)
                    return;
                if (!outcome.error.ok()) {
                    emit failed(outcome.error.message);
                    return;
                }
                m_skippedRunCount = outcome.skippedRunCount;
                emit finished(outcome.matches);
            },
            Qt::QueuedConnection);
    }));
}
