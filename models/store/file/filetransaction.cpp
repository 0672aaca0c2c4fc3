#include "filetransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace Store {

namespace {

// `content` as the whole of `path`, through a temporary file renamed over it (QSaveFile), keeping
// the permissions of the file it replaces. The bytes reach the disk before the rename, so that a
// power cut leaves the old file or the new one, never an empty one.
bool replaceFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    if (::fsync(file.handle()) != 0) {
        *error = qt_error_string(errno);
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The folders mkpath() would create for `folder`, outermost first.
QStringList missingFolders(const QString &folder)
{
    QStringList missing;
    for (QString f = QDir::cleanPath(folder); !QFileInfo::exists(f); f = QFileInfo(f).path()) {
        missing.prepend(f);
        if (f == QFileInfo(f).path())
            break; // the root
    }
    return missing;
}

} // namespace

void FileTransaction::write(const QString &path, const QByteArray &content)
{
    m_steps.append({path, content});
}

void FileTransaction::remove(const QString &path)
{
    m_steps.append({path, std::nullopt});
}

Error FileTransaction::apply(const Step &step, QList<Done> &done, QStringList &createdFolders) const
{
    const auto failed = [&](const QString &why) {
        return Error::make(Error::Io,
                           tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(step.path), why));
    };
    // The previous bytes, to put back if a later step fails.
    std::optional<QByteArray> previous;
    QFile existing(step.path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return failed(existing.errorString());
        previous = existing.readAll();
        if (existing.error() != QFileDevice::NoError)
            return failed(existing.errorString());
        existing.close();
    }
    if (!step.content) {
        if (!previous)
            return {};
        if (::unlink(QFile::encodeName(step.path).constData()) != 0)
            return failed(qt_error_string(errno));
        done.append({step.path, previous});
        return {};
    }
    const QString folder = QFileInfo(step.path).path();
    const QStringList missing = missingFolders(folder);
    if (!missing.isEmpty()) {
        createdFolders += missing;
        if (!QDir().mkpath(folder))
            return failed(tr("its folder cannot be created"));
    }
    QString error;
    if (!replaceFile(step.path, *step.content, &error))
        return failed(error);
    done.append({step.path, previous});
    return {};
}

void FileTransaction::restore(const QList<Done> &done, const QStringList &createdFolders)
{
    for (auto it = done.crbegin(); it != done.crend(); ++it) {
        QString ignored;
        if (it->previous)
            replaceFile(it->path, *it->previous, &ignored);
        else
            QFile::remove(it->path);
    }
    // Innermost first; rmdir() leaves a folder someone else filled meanwhile.
    for (auto it = createdFolders.crbegin(); it != createdFolders.crend(); ++it)
        QDir().rmdir(*it);
}

Error FileTransaction::commit()
{
    QList<Done> done;
    QStringList createdFolders;
    for (const Step &step : std::as_const(m_steps)) {
        if (Error e = apply(step, done, createdFolders); !e.ok()) {
            restore(done, createdFolders);
            e.message += QLatin1Char(' ') + tr("Nothing was changed.");
            return e;
        }
    }
    return {};
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

FileLock::FileLock(FileLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) { }

FileLock &FileLock::operator=(FileLock &&other) noexcept
{
    std::swap(m_fd, other.m_fd);
    return *this;
}

Result<FileLock> FileLock::acquire(const QString &path, int timeoutMs, int *retries)
{
    const QString shown = QDir::toNativeSeparators(path);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error = errno;
        return Error::make(error == EACCES || error == EROFS || error == EPERM ? Error::ReadOnly : Error::Io,
                           tr("Cannot create the lock file %1 (%2).").arg(shown, qt_error_string(error)));
    }
    FileLock lock(fd);
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(std::max(timeoutMs, 0));
    steady_clock::duration pause = milliseconds(2);
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            return lock;
        if (errno != EWOULDBLOCK && errno != EINTR)
            return Error::make(Error::Io, tr("Cannot lock %1 (%2).").arg(shown, qt_error_string(errno)));
        const auto now = steady_clock::now();
        if (now >= deadline) {
            return Error::make(Error::Locked,
                               tr("Another Kaizen is writing to this registered model (it holds %1) and "
                                  "did not finish within %2 ms; nothing was changed. Try again.")
                                   .arg(shown)
                                   .arg(timeoutMs));
        }
        ++*retries;
        // The last try comes at the deadline, so a busy writer is given the whole timeout.
        std::this_thread::sleep_for(std::min(pause, deadline - now));
        pause = std::min(pause * 2, steady_clock::duration(milliseconds(50)));
    }
}

} // namespace Store
