#include "artifactdiffloader.h"

#include "artifactlisting.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

struct TreeOutcome
{
    Artifacts::TreeDiff diff;
    Store::Error error;
};

struct TextOutcome
{
    Artifacts::TextDiff diff;
    Store::Error error;
};

struct FilePairOutcome
{
    Artifacts::FilePairContents contents;
    Store::Error error;
};

} // namespace

// Runs `work` on the pool and hands its result to `deliver` on this object's thread, always
// through the event loop. `this` outlives the worker (the destructor waits).
template<typename Work, typename Deliver> void ArtifactDiffLoader::runTask(Work work, Deliver deliver)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, work, deliver] {
        const auto result = work();
        QMetaObject::invokeMethod(
            this, [deliver, result] { deliver(result); }, Qt::QueuedConnection);
    }));
}

ArtifactDiffLoader::ArtifactDiffLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(3); // the tree, a file pair, a superseded request winding down
}

ArtifactDiffLoader::~ArtifactDiffLoader()
{
    cancel();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

bool ArtifactDiffLoader::isBusy() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                       [](const QFuture<void> &task) { return !task.isFinished(); });
}

void ArtifactDiffLoader::cancel()
{
    if (m_treeCancel)
        m_treeCancel->store(true);
    if (m_fileCancel)
        m_fileCancel->store(true);
    m_treeCancel.reset();
    m_fileCancel.reset();
    ++m_treeGeneration;
    ++m_fileGeneration;
    m_isComparing = false;
}

void ArtifactDiffLoader::compare(const QString &leftRoot, const QString &rightRoot)
{
    if (m_treeCancel)
        m_treeCancel->store(true);
    auto cancelFlag = std::make_shared<Store::CancelFlag>(false);
    m_treeCancel = cancelFlag;
    const int generation = ++m_treeGeneration;
    m_isComparing = true;
    emit progressChanged(0, 0);
    // Progress from the worker, dropped once the request is superseded. `this` outlives the
    // worker, and a posted call dies with it.
    const Store::ProgressFn progress = [this, generation](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, done, total] {
                if (generation == m_treeGeneration)
                    emit progressChanged(done, total);
            },
            Qt::QueuedConnection);
    };
    const auto listingProgress = [progress](qint64 done, qint64) { progress(done, 0); };
    runTask(
        [leftRoot, rightRoot, cancelFlag, progress, listingProgress] {
            TreeOutcome outcome;
            const auto left = Artifacts::listArtifacts(leftRoot, cancelFlag.get(), listingProgress);
            if (!left) {
                outcome.error = left.error();
                return outcome;
            }
            const auto right = Artifacts::listArtifacts(rightRoot, cancelFlag.get(), listingProgress);
            if (!right) {
                outcome.error = right.error();
                return outcome;
            }
            auto diff = Artifacts::diffTrees(leftRoot, *left, rightRoot, *right, cancelFlag.get(), progress);
            if (diff)
                outcome.diff = std::move(*diff);
            else
                outcome.error = diff.error();
            return outcome;
        },
        [this, generation](const TreeOutcome &outcome) {
            if (generation != m_treeGeneration)
                return;
            m_isComparing = false;
            m_treeCancel.reset();
            if (!outcome.error.ok())
                emit treeDiffFailed(outcome.error.message);
            else
                emit treeDiffLoaded(outcome.diff);
        });
}

std::shared_ptr<Store::CancelFlag> ArtifactDiffLoader::startFileRequest()
{
    if (m_fileCancel)
        m_fileCancel->store(true);
    m_fileCancel = std::make_shared<Store::CancelFlag>(false);
    ++m_fileGeneration;
    return m_fileCancel;
}

void ArtifactDiffLoader::loadTextDiff(const QString &relativePath, const QString &leftPath,
                                      const QString &rightPath, const Artifacts::TextDiffOptions &options)
{
    startFileRequest();
    const int generation = m_fileGeneration;
    runTask(
        [leftPath, rightPath, options] {
            TextOutcome outcome;
            auto diff = Artifacts::diffTextFiles(leftPath, rightPath, options);
            if (diff)
                outcome.diff = std::move(*diff);
            else
                outcome.error = diff.error();
            return outcome;
        },
        [this, generation, relativePath](const TextOutcome &outcome) {
            if (generation != m_fileGeneration)
                return;
            if (!outcome.error.ok())
                emit fileFailed(relativePath, outcome.error.message);
            else
                emit textDiffLoaded(relativePath, outcome.diff);
        });
}

void ArtifactDiffLoader::loadFilePair(const QString &relativePath, const QString &leftPath,
                                      const QString &rightPath, const Artifacts::TextDiffOptions &options)
{
    const auto cancelFlag = startFileRequest();
    const int generation = m_fileGeneration;
    runTask(
        [leftPath, rightPath, options, cancelFlag] {
            FilePairOutcome outcome;
            auto contents = Artifacts::readFilePair(leftPath, rightPath, options, cancelFlag.get());
            if (contents)
                outcome.contents = std::move(*contents);
            else
                outcome.error = contents.error();
            return outcome;
        },
        [this, generation, relativePath](const FilePairOutcome &outcome) {
            if (generation != m_fileGeneration)
                return;
            if (!outcome.error.ok())
                emit fileFailed(relativePath, outcome.error.message);
            else
                emit filePairLoaded(relativePath, outcome.contents);
        });
}
