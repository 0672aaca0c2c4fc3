#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QString>

#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace Store {

// Owns a SQLite connection. Used only by the thread that opened it.
class SqliteConnection
{
public:
    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    enum class Mode { ReadOnly, ReadWrite, Create };
    // Opens through a `file:` URI so that `mode=ro` is honoured exactly.
    Error open(const QString &path, Mode mode, int busyTimeoutMs);
    sqlite3 *handle() const { return m_db; }
    bool isOpen() const { return m_db != nullptr; }

    // Runs statements without results; returns an error describing the first failure.
    Error exec(const char *sql);
    // An Error for the connection's last failure, with the code mapped to ours.
    Error lastError(const QString &context = {}) const;
    // SQLite's extended result code of the last failure (SQLITE_BUSY, SQLITE_READONLY_DIRECTORY ...).
    int lastResultCode() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    int changes() const;
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

private:
    sqlite3 *m_db = nullptr;
    int m_busyTimeoutMs = 0;
};

// A prepared statement with typed, copy-free accessors.
class SqliteStatement
{
public:
    SqliteStatement(const SqliteConnection &connection, const QByteArray &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // True while a row is available; check error() after the loop.
    bool step();
    void reset();
    // Runs a statement that returns no rows to completion and resets it for new bindings.
    // Unlike step(), reports this execution's outcome only.
    Error execute();
    const Error &error() const { return m_error; }

    void bind(int index, const QString &value);
    void bind(int index, std::string_view value);
    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bindNull(int index);

    int columnCount() const;
    bool isNull(int column) const;
    bool isInteger(int column) const; // stored as an integer (not NULL, real, text or blob)
    bool isReal(int column) const; // stored as a floating-point number
    bool isText(int column) const;
    std::string_view text(int column) const; // valid until the next step()
    QString string(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;

private:
    const SqliteConnection &m_connection;
    sqlite3_stmt *m_stmt = nullptr;
    Error m_error;
};

// A deferred read transaction for the life of the object, so that a read of several statements
// sees one snapshot of the store.
class SqliteReadTransaction
{
public:
    explicit SqliteReadTransaction(SqliteConnection &connection) : m_connection(connection)
    {
        m_connection.exec("BEGIN");
    }
    ~SqliteReadTransaction() { m_connection.exec("COMMIT"); }
    SqliteReadTransaction(const SqliteReadTransaction &) = delete;
    SqliteReadTransaction &operator=(const SqliteReadTransaction &) = delete;

private:
    SqliteConnection &m_connection;
};

// Maps a SQLite result code to our error code.
Error::Code errorCodeForSqlite(int resultCode);

} // namespace Store
