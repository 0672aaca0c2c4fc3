#include "pgconnection.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <libpq-fe.h>
#include <limits>
#include <vector>

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::PostgresStore", text);
}

// Our code for a server error, by its SQLSTATE (PostgreSQL's appendix A).
Error::Code codeOf(const char *state)
{
    const std::string_view s = state ? state : "";
    if (s == "25006" || s == "42501") // read_only_sql_transaction, insufficient_privilege
        return Error::ReadOnly;
    if (s == "55P03" || s == "40P01" || s == "57014") // lock_not_available, deadlock, timeout
        return Error::Locked;
    if (s == "40001") // serialization_failure: another writer changed the rows first
        return Error::Conflict;
    if (s == "42P01" || s == "42703") // undefined_table, undefined_column
        return Error::NotMlflow;
    if (s.empty() || s.substr(0, 2) == "08") // connection exceptions, or no answer at all
        return Error::Io;
    return Error::Internal;
}

QString firstLine(const char *message)
{
    return QString::fromUtf8(message).trimmed().section(QLatin1Char('\n'), 0, 0);
}

} // namespace

PgResult::PgResult(pg_result *result) : m_result(result, Free()) { }

void PgResult::Free::operator()(pg_result *result) const
{
    PQclear(result);
}

int PgResult::rowCount() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int PgResult::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

std::string_view PgResult::text(int row, int column) const
{
    return {PQgetvalue(m_result.get(), row, column), size_t(PQgetlength(m_result.get(), row, column))};
}

QString PgResult::string(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const std::string_view value = text(row, column);
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

qint64 PgResult::int64(int row, int column) const
{
    const std::string_view value = text(row, column);
    if (value == "t")
        return 1;
    qint64 number = 0;
    std::from_chars(value.data(), value.data() + value.size(), number);
    return number;
}

double PgResult::real(int row, int column) const
{
    return parseReal(text(row, column));
}

double parseReal(std::string_view text)
{
    // Not strtod: it follows LC_NUMERIC, which QCoreApplication sets from the user's locale (a
    // decimal comma would cut 0.5 to 0). from_chars is locale-independent but reads "inf" and
    // "infinity" only in its own spellings, so PostgreSQL's are checked first.
    if (text == "Infinity")
        return std::numeric_limits<double>::infinity();
    if (text == "-Infinity")
        return -std::numeric_limits<double>::infinity();
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

Error PgConnection::open(const QString &uri, const QString &shown, int connectTimeoutSeconds,
                         const QString &password)
{
    m_shown = shown;
    // Keywords after the URI would override it: the timeout and name come first, as defaults. The
    // password comes after it, and only when the URI has none (so it overrides nothing).
    const QByteArray timeout = QByteArray::number(connectTimeoutSeconds);
    const QByteArray dbname = uri.toUtf8();
    const QByteArray secret = password.toUtf8();
    const char *keywords[] = {"connect_timeout", "application_name", "dbname", "password", nullptr};
    const char *values[] = {timeout.constData(), "kaizen", dbname.constData(), secret.constData(), nullptr};
    if (password.isEmpty())
        keywords[3] = nullptr; // libpq's own PGPASSWORD and ~/.pgpass then apply
    m_conn = PQconnectdbParams(keywords, values, 1);
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK) {
        PQsetClientEncoding(m_conn, "UTF8");
        return {};
    }
    const QString why = m_conn ? firstLine(PQerrorMessage(m_conn)) : tr("out of memory");
    Error::Code code = Error::Io;
    QString hint;
    if (m_conn && PQconnectionNeedsPassword(m_conn)) {
        code = Error::NeedsPassword;
        hint = tr(" The server asks for a password: put it into ~/.pgpass or PGPASSWORD, or into the "
                  "location (postgresql://user:password@host/database).");
    } else if (m_conn && PQconnectionUsedPassword(m_conn)
               && why.contains(QLatin1String("password authentication failed"))) {
        // libpq gives no SQLSTATE (28P01) for a failed connection: the server's words tell a wrong
        // password from other failures after authentication (a missing database ...).
        code = Error::NeedsPassword;
    }
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
    return Error::make(code, tr("Cannot connect to the PostgreSQL store %1: %2.%3").arg(shown, why, hint));
}

bool PgConnection::isBroken() const
{
    return !m_conn || PQstatus(m_conn) == CONNECTION_BAD;
}

Error PgConnection::failure(pg_result *result) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString message = result ? firstLine(PQresultErrorMessage(result)) : QString();
    const QString why = message.isEmpty() ? firstLine(PQerrorMessage(m_conn)) : message;
    const Error::Code code = isBroken() ? Error::Io : codeOf(state);
    if (code == Error::Io)
        return Error::make(code,
                           tr("The connection to the PostgreSQL store %1 failed: %2").arg(m_shown, why));
    return Error::make(code, tr("PostgreSQL store %1: %2").arg(m_shown, why));
}

Result<PgResult> PgConnection::exec(const QByteArray &sql, const PgParams &params)
{
    if (!m_conn)
        return Error::make(Error::Io, tr("The PostgreSQL store %1 is not connected.").arg(m_shown));
    std::vector<const char *> values;
    values.reserve(size_t(params.size()));
    for (const std::optional<QByteArray> &param : params)
        values.push_back(param ? param->constData() : nullptr);
    pg_result *result = PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr, values.data(),
                                     nullptr, nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Error error = failure(result);
        PQclear(result);
        return error;
    }
    const char *changed = PQcmdTuples(result);
    m_changes = changed && *changed ? std::atoll(changed) : 0;
    return PgResult(result);
}

Error PgConnection::command(const QByteArray &sql)
{
    const Result<PgResult> result = exec(sql);
    return result ? Error() : result.error();
}

Error PgConnection::copyIn(const QByteArray &sql, const QByteArray &data)
{
    if (!m_conn)
        return Error::make(Error::Io, tr("The PostgreSQL store %1 is not connected.").arg(m_shown));
    pg_result *start = PQexec(m_conn, sql.constData());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        Error error = failure(start);
        PQclear(start);
        return error;
    }
    PQclear(start);
    constexpr qsizetype Chunk = 1 << 20;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += Chunk)
        sent = PQputCopyData(m_conn, data.constData() + at, int(std::min(Chunk, data.size() - at))) == 1;
    PQputCopyEnd(m_conn, sent ? nullptr : "sending failed");
    Error error;
    while (pg_result *result = PQgetResult(m_conn)) {
        if (error.ok() && PQresultStatus(result) != PGRES_COMMAND_OK)
            error = failure(result);
        PQclear(result);
    }
    return error;
}

PgReadTransaction::PgReadTransaction(PgConnection &connection) : m_connection(connection)
{
    m_error = m_connection.command("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

PgReadTransaction::~PgReadTransaction()
{
    if (m_error.ok())
        m_connection.command("COMMIT");
}

} // namespace Store
