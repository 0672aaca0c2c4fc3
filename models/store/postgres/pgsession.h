#pragma once

#include "pgconnection.h"
#include "sqlsession.h"

namespace Store {

// A PostgreSQL connection as a SqlSession: ?N parameters become $N, text sorts by byte with
// COLLATE "C" (a database's own collation may follow a locale).
class PgSession final : public SqlSession
{
public:
    explicit PgSession(PgConnection &db) : m_db(db) { }

    Error query(const QByteArray &sql, const SqlValues &values,
                const std::function<void(const SqlRow &)> &row) override;
    Result<qint64> execute(const QByteArray &sql, const SqlValues &values) override;
    QByteArray byteOrder() const override { return " COLLATE \"C\""; }

    // `sql` with ?N parameters written $N (outside quoted text and names).
    static QByteArray dollarParameters(const QByteArray &sql);

private:
    PgConnection &m_db;
};

} // namespace Store
