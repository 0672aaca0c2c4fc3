#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One registry change made from Kaizen, as the activity log keeps it.
struct RegistryActivity
{
    qint64 time = Store::NoTime; // ms since the epoch: when it was written
    QString user; // the OS user who made it
    QString store; // the store's normalised location (Store::Location::normalize)
    Store::RegistryChange change; // model, summary and each part before → after (`seen` is not kept)
};
using RegistryActivityList = QList<RegistryActivity>;

// The log of the registry changes made from Kaizen, in Kaizen's own data folder and never in the
// user's store (MLflow has no place for it, and a read-only store must not stop the log). One
// JSON object per line, appended, so that several Kaizen windows or processes can share it; a
// line that cannot be read (the truncated last line of a crash) is skipped, and the next append
// starts on a line of its own.
//
// Synchronous file I/O: append() writes one short line, entries() reads the whole file (call it
// from a worker when the log may be long).
class RegistryActivityLog
{
    Q_DECLARE_TR_FUNCTIONS(RegistryActivityLog)
public:
    static constexpr char FileName[] = "registry-activity.jsonl";

    // The log in defaultFilePath().
    RegistryActivityLog();
    // A log in another file (tests).
    explicit RegistryActivityLog(const QString &filePath);

    QString filePath() const { return m_filePath; }
    // <QStandardPaths::AppDataLocation>/registry-activity.jsonl.
    static QString defaultFilePath();
    // The name of the user this process runs as; "unknown" if the system does not say.
    static QString currentUser();

    // Appends `activity` (its store normalised), creating the folder and the file if needed; an
    // Io error with the reason if it cannot.
    Store::Error append(const RegistryActivity &activity) const;
    // The same for a change just written to `store` at `time` (NoTime: now) by currentUser().
    Store::Error append(const QString &store, const Store::RegistryChange &change,
                        qint64 time = Store::NoTime) const;

    // Every readable entry, oldest first (in the order they were appended). A log that does not
    // exist yet is empty.
    Store::Result<RegistryActivityList> entries() const;
    // The entries of one model of one store (any spelling of its location).
    Store::Result<RegistryActivityList> entries(const QString &store, const QString &model) const;

    // One line of the file, without its newline, and back (nullopt: not an entry).
    static QByteArray toJsonLine(const RegistryActivity &activity);
    static std::optional<RegistryActivity> fromJsonLine(QByteArrayView line);

private:
    QString m_filePath;
};

Q_DECLARE_METATYPE(RegistryActivity)
Q_DECLARE_METATYPE(RegistryActivityList)
