#include "sqlitehandle.h"

#include <QCoreApplication>
#include <QUrl>

#include <sqlite3.h>

namespace Store {

Error::Code errorCodeForSqlite(int resultCode)
{
    switch (resultCode & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return Error::None;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::Locked;
    case SQLITE_NOTADB:
        return Error::NotSqlite;
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
        return Error::Corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_FULL:
        return Error::Io;
    case SQLITE_INTERRUPT:
        return Error::Cancelled;
    default:
        return Error::Internal;
    }
}

SqliteConnection::~SqliteConnection()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Error SqliteConnection::open(const QString &path, Mode mode, int busyTimeoutMs)
{
    // A file: URI keeps mode=ro exact and lets paths hold '?' or '#'.
    QUrl url = QUrl::fromLocalFile(path);
    const char *modeName = mode == Mode::ReadOnly ? "ro" : mode == Mode::ReadWrite ? "rw" : "rwc";
    const QByteArray uri = url.toEncoded() + "?mode=" + modeName;
    int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX; // one connection, one thread
    flags |= mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == Mode::Create)
        flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(uri.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = lastError();
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        if (error.ok())
            error = Error::make(errorCodeForSqlite(rc), QString::fromUtf8(sqlite3_errstr(rc)));
        return error;
    }
    m_busyTimeoutMs = busyTimeoutMs;
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
    return {};
}

Error SqliteConnection::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    Error error
        = Error::make(errorCodeForSqlite(rc), QString::fromUtf8(message ? message : sqlite3_errstr(rc)));
    sqlite3_free(message);
    return error;
}

Error SqliteConnection::lastError(const QString &context) const
{
    if (!m_db)
        return Error::make(Error::Internal, context);
    const int rc = sqlite3_extended_errcode(m_db);
    QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    if (!context.isEmpty())
        message = context + QLatin1String(": ") + message;
    return Error::make(errorCodeForSqlite(rc), message);
}

int SqliteConnection::lastResultCode() const
{
    return m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
}

int SqliteConnection::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

SqliteStatement::SqliteStatement(const SqliteConnection &connection, const QByteArray &sql)
    : m_connection(connection)
{
    const int rc
        = sqlite3_prepare_v3(connection.handle(), sql.constData(), int(sql.size()), 0, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_error = connection.lastError();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

bool SqliteStatement::step()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = m_connection.lastError();
    return false;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

Error SqliteStatement::execute()
{
    if (!m_stmt)
        return !m_error.ok() ? m_error : Error::make(Error::Internal, QStringLiteral("no statement"));
    const int rc = sqlite3_step(m_stmt);
    Error error;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        error = m_connection.lastError();
    sqlite3_reset(m_stmt);
    return error;
}

void SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, std::string_view value)
{
    sqlite3_bind_text(m_stmt, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool SqliteStatement::isInteger(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

bool SqliteStatement::isReal(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_FLOAT;
}

bool SqliteStatement::isText(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_TEXT;
}

std::string_view SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(data, size_t(size)) : std::string_view();
}

QString SqliteStatement::string(int column) const
{
    const std::string_view t = text(column);
    return QString::fromUtf8(t.data(), qsizetype(t.size()));
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

} // namespace Store
