#include "sqliteerrors.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace Store::SqliteErrors {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

QString displayPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

// Checks the file before SQLite sees it, so each kind of bad input gets its own message.
Error checkFile(const QString &path)
{
    const QFileInfo info(path);
    const QString shown = displayPath(path);
    if (!info.exists())
        return Error::make(Error::NotFound, tr("%1 does not exist.").arg(shown));
    if (info.size() == 0)
        return Error::make(Error::EmptyFile, tr("%1 is an empty file, not an MLflow database.").arg(shown));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Io, tr("Cannot read %1: %2").arg(shown, file.errorString()));
    const QByteArray header = file.read(100);
    if (!header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return Error::make(Error::NotSqlite, tr("%1 is not a SQLite database.").arg(shown));
    if (header.size() < 100)
        return Error::make(Error::Corrupt,
                           tr("%1 is truncated: its SQLite header is incomplete.").arg(shown));

    // A database shorter than its header's page count was cut off (copy interrupted, disk full).
    // The in-header size is only valid when its "version-valid-for" matches the change counter.
    const auto be32 = [&](int offset) { return qFromBigEndian<quint32>(header.constData() + offset); };
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pageCount = be32(28);
    const bool sizeIsValid = be32(92) == be32(24) && pageCount > 0;
    const bool hasWal = QFileInfo::exists(path + QLatin1String("-wal"));
    if (sizeIsValid && !hasWal && info.size() < qint64(pageSize) * pageCount) {
        return Error::make(Error::Corrupt,
                           tr("%1 is truncated: it holds %2 bytes but its header says %3.")
                               .arg(shown)
                               .arg(info.size())
                               .arg(qint64(pageSize) * pageCount));
    }
    return {};
}

// Rewords SQLite's failures for the user; the path says which store.
Error describe(Error error, const QString &path, int busyTimeoutMs)
{
    const QString shown = displayPath(path);
    switch (error.code) {
    case Error::Locked:
        error.message = tr("%1 is locked by another program writing to it (waited %2 s). Try again when "
                           "the writer has finished.")
                            .arg(shown)
                            .arg(busyTimeoutMs / 1000.0);
        break;
    case Error::NotSqlite:
        error.message = tr("%1 is not a SQLite database.").arg(shown);
        break;
    case Error::Corrupt:
        error.message = tr("%1 is damaged (SQLite: %2). Restore it from a backup or ask SQLite's .recover "
                           "to rescue a copy.")
                            .arg(shown, error.message);
        break;
    default:
        error.message = tr("Cannot read %1: %2").arg(shown, error.message);
        break;
    }
    return error;
}

Error describeWrite(Error error, const QString &path, int busyTimeoutMs)
{
    const QString shown = displayPath(path);
    switch (error.code) {
    case Error::Locked:
        error.message
            = tr("%1 is locked by another program writing to it (waited %2 s). Nothing was changed; "
                 "try again when the writer has finished.")
                  .arg(shown)
                  .arg(busyTimeoutMs / 1000.0);
        break;
    case Error::ReadOnly:
        error.message = tr("SQLite cannot write to %1 (%2). Nothing was changed.").arg(shown, error.message);
        break;
    case Error::Corrupt:
        error = describe(error, path, busyTimeoutMs);
        break;
    default:
        error.message = tr("Cannot write to %1: %2. Nothing was changed.").arg(shown, error.message);
        break;
    }
    return error;
}

Error cancelled()
{
    return Error::make(Error::Cancelled, tr("Cancelled."));
}

} // namespace Store::SqliteErrors
