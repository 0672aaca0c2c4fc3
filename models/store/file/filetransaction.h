#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Store {

// Whole-file writes and removals applied as one change, the way a database applies a
// transaction: each file is written to a temporary file beside it and renamed over it (a reader
// never sees half a file), and when one step fails every file changed before it gets its previous
// bytes back (and the folders created for it are removed), so that the change is all or nothing.
// Readers may see the steps one by one; writers serialise on a FileLock.
class FileTransaction
{
    Q_DECLARE_TR_FUNCTIONS(Store::FileTransaction)

public:
    // Plans `content` as the whole of the file `path` (absolute); missing folders are created.
    void write(const QString &path, const QByteArray &content);
    // Plans removing `path`; nothing to do when it does not exist.
    void remove(const QString &path);
    bool isEmpty() const { return m_steps.isEmpty(); }

    // Applies the planned steps in order: ok, or Io naming the file that failed, with every file
    // as it was before.
    Error commit();

private:
    struct Step
    {
        QString path;
        std::optional<QByteArray> content; // nullopt: remove
    };
    struct Done
    {
        QString path;
        std::optional<QByteArray> previous; // nullopt: the file did not exist
    };
    Error apply(const Step &step, QList<Done> &done, QStringList &createdFolders) const;
    static void restore(const QList<Done> &done, const QStringList &createdFolders);

    QList<Step> m_steps;
};

// An exclusive lock (flock) on a lock file, held until the object goes: serialises Kaizen's writers
// of one folder, in this process and in others. MLflow's own writers take no lock.
class FileLock
{
    Q_DECLARE_TR_FUNCTIONS(Store::FileLock)

public:
    FileLock() = default;
    ~FileLock();
    FileLock(FileLock &&other) noexcept;
    FileLock &operator=(FileLock &&other) noexcept;
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

    // Creates `path` if needed and locks it, trying again until `timeoutMs` has passed (then
    // Locked); `retries` counts the tries after the first. ReadOnly or Io when the file cannot be
    // created or opened.
    static Result<FileLock> acquire(const QString &path, int timeoutMs, int *retries);

private:
    explicit FileLock(int fd) : m_fd(fd) { }
    int m_fd = -1;
};

} // namespace Store
