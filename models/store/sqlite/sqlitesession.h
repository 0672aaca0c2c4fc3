#pragma once

#include "sqlitehandle.h"
#include "sqlsession.h"

namespace Store {

// A SQLite connection as a SqlSession (SQLite reads ?1, ?2 ... and compares text bytewise).
class SqliteSession final : public SqlSession
{
public:
    explicit SqliteSession(SqliteConnection &db) : m_db(db) { }

    Error query(const QByteArray &sql, const SqlValues &values,
                const std::function<void(const SqlRow &)> &row) override;
    Result<qint64> execute(const QByteArray &sql, const SqlValues &values) override;
    QByteArray byteOrder() const override { return {}; }

private:
    SqliteConnection &m_db;
};

} // namespace Store
