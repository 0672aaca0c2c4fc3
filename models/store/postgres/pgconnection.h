#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string_view>

struct pg_conn;
struct pg_result;

namespace Store {

// One result of a statement, read by row and column. Values come in PostgreSQL's text form
// (booleans as "t" / "f"); accessors convert them.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);

    int rowCount() const;
    int columnCount() const;
    bool isNull(int row, int column) const;
    std::string_view text(int row, int column) const; // valid as long as the result
    QString string(int row, int column) const; // NULL reads as a null QString
    qint64 int64(int row, int column) const; // also "t" / "f" as 1 / 0
    double real(int row, int column) const; // also Infinity, -Infinity, NaN

private:
    struct Free
    {
        void operator()(pg_result *result) const;
    };
    std::shared_ptr<pg_result> m_result;
};

// A float8 in PostgreSQL's text form (also Infinity, -Infinity and NaN), whatever the locale.
double parseReal(std::string_view text);

// A statement's parameters ($1, $2 ...) in text form; nullopt is NULL.
using PgParams = QList<std::optional<QByteArray>>;

// Owns a libpq connection. One thread at a time uses it.
class PgConnection
{
public:
    PgConnection() = default;
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Connects to `uri` (a postgresql:// URI libpq reads, the password included if the user gave
    // one; else `password` if not empty; else libpq looks in PGPASSWORD and ~/.pgpass), giving up
    // after `connectTimeoutSeconds` unless the URI names its own connect_timeout. `shown` names
    // the store in messages (never with a password). Fails with NeedsPassword when the server
    // wants a password and has none, or refuses the one it was given.
    Error open(const QString &uri, const QString &shown, int connectTimeoutSeconds,
               const QString &password = {});
    bool isOpen() const { return m_conn != nullptr; }
    // True when the server went away (the connection cannot be used again).
    bool isBroken() const;
    const QString &shown() const { return m_shown; }

    // Runs one statement with text parameters; an Error (see errorOf()) when it fails.
    Result<PgResult> exec(const QByteArray &sql, const PgParams &params = {});
    // Runs statements that return no rows (BEGIN, SET ...).
    Error command(const QByteArray &sql);
    // Runs `sql`, a COPY ... FROM STDIN, with `data` in COPY's text format.
    Error copyIn(const QByteArray &sql, const QByteArray &data);
    // Rows changed by the last INSERT, UPDATE or DELETE run by exec().
    qint64 changes() const { return m_changes; }

private:
    Error failure(pg_result *result) const;

    pg_conn *m_conn = nullptr;
    QString m_shown;
    qint64 m_changes = 0;
};

// A read in one snapshot: a REPEATABLE READ, READ ONLY transaction for the life of the object,
// ended when it goes (a read takes no locks that a writer waits for).
class PgReadTransaction
{
public:
    explicit PgReadTransaction(PgConnection &connection);
    ~PgReadTransaction();
    PgReadTransaction(const PgReadTransaction &) = delete;
    PgReadTransaction &operator=(const PgReadTransaction &) = delete;
    // Why the transaction could not begin (the connection is lost ...); ok otherwise.
    const Error &error() const { return m_error; }

private:
    PgConnection &m_connection;
    Error m_error;
};

} // namespace Store
