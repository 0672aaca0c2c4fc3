#pragma once

#include "storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <variant>

namespace Store {

// A value bound to a parameter of SqlSession's SQL.
using SqlValue = std::variant<QString, qint64>;
using SqlValues = QList<SqlValue>;

// One row of a SqlSession query, read by column.
class SqlRow
{
public:
    virtual ~SqlRow() = default;
    virtual bool isNull(int column) const = 0;
    virtual QString string(int column) const = 0; // NULL: a null QString
    virtual qint64 int64(int column) const = 0;
};

// A SQL backend's connection seen through the SQL its dialects share, so that code whose
// statements read alike in SQLite and PostgreSQL (the model registry's) is written once.
// Parameters are written ?1, ?2 ... (a backend rewrites them into its own form); `key` is
// quoted ("key"); a condition that always holds is `1 = 1`. Errors are the backend's own, not
// yet worded for the user.
class SqlSession
{
public:
    virtual ~SqlSession() = default;
    // Runs `sql` with `values` bound, handing each row to `row`.
    virtual Error query(const QByteArray &sql, const SqlValues &values,
                        const std::function<void(const SqlRow &)> &row)
        = 0;
    // Runs a statement that returns no rows; the number of rows it changed.
    virtual Result<qint64> execute(const QByteArray &sql, const SqlValues &values) = 0;
    // What follows a text column in ORDER BY for byte (code point) order: SQLite compares bytes
    // already; a PostgreSQL database may sort by a locale.
    virtual QByteArray byteOrder() const = 0;
};

} // namespace Store
