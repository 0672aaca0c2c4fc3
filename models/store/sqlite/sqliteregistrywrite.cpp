#include "registryrules.h"
#include "registrysql.h"
#include "sqliteerrors.h"
#include "sqlitesession.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <sqlite3.h>
#include <thread>
#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

// Writing the model registry of a SQLite store: RegistrySql's change in a BEGIN IMMEDIATE
// transaction on the read-write connection, retried while another writer holds the lock.

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

QString displayPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

// Why the OS would refuse SQLite's writes, empty if it would not. SQLite's own verdict comes
// later (opening read-write, writing); this one names the cause. As root, permission bits do
// not stop writes, and access() says so.
QString unwritableReason(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
#ifdef Q_OS_UNIX
    if (::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return tr("%1 cannot be written (%2).").arg(displayPath(path), qt_error_string(errno));
    // SQLite creates its journal beside the file.
    if (::access(QFile::encodeName(folder).constData(), W_OK) != 0) {
        return tr("The folder of %1 cannot be written (%2), and SQLite keeps its journal there.")
            .arg(displayPath(path), qt_error_string(errno));
    }
#else
    if (!QFileInfo(path).isWritable())
        return tr("%1 cannot be written.").arg(displayPath(path));
    if (!QFileInfo(folder).isWritable())
        return tr("The folder of %1 cannot be written, and SQLite keeps its journal there.")
            .arg(displayPath(path));
#endif
    return {};
}

Error readOnly(const QString &why)
{
    return Error::make(Error::ReadOnly,
                       why + QLatin1Char(' ') + tr("The model registry is shown read-only."));
}

} // namespace

void SqliteStore::openWriter(bool writable)
{
    const QString shown = displayPath(m_path);
    if (!m_schema.hasRegistry) {
        m_writability = noRegistry();
        return;
    }
    if (!writable) {
        m_writability = readOnly(tr("%1 was opened read-only.").arg(shown));
        return;
    }
    if (!m_schema.isKnownRevision) {
        m_writability
            = readOnly(tr("%1 was written by a newer MLflow (schema revision %2) than Kaizen knows, so "
                          "Kaizen does not write to it.")
                           .arg(shown, m_schema.revision));
        return;
    }
    if (const QString why = unwritableReason(m_path); !why.isEmpty()) {
        m_writability = readOnly(why);
        return;
    }
    // Busy timeout 0: execWhileBusy() does the waiting, so that it can count the retries.
    auto writer = std::make_unique<SqliteConnection>();
    if (Error e = writer->open(m_path, SqliteConnection::Mode::ReadWrite, 0); !e.ok()) {
        m_writability = readOnly(tr("SQLite cannot open %1 for writing (%2).").arg(shown, e.message));
        return;
    }
    if (sqlite3_db_readonly(writer->handle(), "main") != 0) {
        m_writability = readOnly(tr("SQLite can open %1 only read-only.").arg(shown));
        return;
    }
    // As MLflow's sessions do; outside a transaction, where the pragma takes effect.
    if (Error e = writer->exec("PRAGMA foreign_keys = ON"); !e.ok()) {
        m_writability = readOnly(tr("SQLite cannot prepare %1 for writing (%2).").arg(shown, e.message));
        return;
    }
    m_writer = std::move(writer);
    m_writability = {};
}

Error SqliteStore::execWhileBusy(const char *sql, int *retries)
{
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(m_db.busyTimeoutMs());
    steady_clock::duration pause = milliseconds(2);
    for (;;) {
        Error e = m_writer->exec(sql);
        const auto now = steady_clock::now();
        if (e.code != Error::Locked || now >= deadline)
            return e;
        ++*retries;
        // The last try comes at the deadline, so a busy store is given the whole timeout.
        std::this_thread::sleep_for(std::min(pause, deadline - now));
        pause = std::min(pause * 2, steady_clock::duration(milliseconds(50)));
    }
}

Result<RegistryWrite> SqliteStore::applyRegistryChange(const RegistryChange &change)
{
    if (!m_writability.ok())
        return m_writability;
    if (Error e = RegistryRules::checkChange(change); !e.ok())
        return e;

    RegistryWrite written;
    const int timeout = m_db.busyTimeoutMs();
    if (Error e = execWhileBusy("BEGIN IMMEDIATE", &written.retries); !e.ok())
        return SqliteErrors::describeWrite(e, m_path, timeout);
    written.time = QDateTime::currentMSecsSinceEpoch(); // one `now` for every row the change writes
    SqliteSession session(*m_writer);
    Error error = RegistrySql::apply(session, m_schema, change, written.time);
    if (error.ok())
        error = execWhileBusy("COMMIT", &written.retries);
    if (error.ok())
        return written;

    // SQLite found it cannot write after all (a read-only mount, a folder it cannot create its
    // journal in): say so from now on.
    const int code = m_writer->lastResultCode() & 0xff;
    if (!RegistrySql::isVerdict(error.code) && (code == SQLITE_READONLY || code == SQLITE_CANTOPEN)) {
        error.code = Error::ReadOnly;
        m_writability
            = readOnly(tr("SQLite cannot write to %1 (%2).").arg(displayPath(m_path), error.message));
    }
    m_writer->exec("ROLLBACK");
    return RegistrySql::isVerdict(error.code) ? error : SqliteErrors::describeWrite(error, m_path, timeout);
}

} // namespace Store
