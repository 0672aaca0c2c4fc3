#include "sqlitesession.h"

namespace Store {

namespace {

class StatementRow final : public SqlRow
{
public:
    explicit StatementRow(const SqliteStatement &statement) : m_statement(statement) { }
    bool isNull(int column) const override { return m_statement.isNull(column); }
    QString string(int column) const override { return m_statement.string(column); }
    qint64 int64(int column) const override { return m_statement.int64(column); }

private:
    const SqliteStatement &m_statement;
};

void bindAll(SqliteStatement &statement, const SqlValues &values)
{
    for (int i = 0; i < values.size(); ++i) {
        if (const auto *text = std::get_if<QString>(&values[i]))
            statement.bind(i + 1, *text);
        else
            statement.bind(i + 1, std::get<qint64>(values[i]));
    }
}

} // namespace

Error SqliteSession::query(const QByteArray &sql, const SqlValues &values,
                           const std::function<void(const SqlRow &)> &row)
{
    SqliteStatement statement(m_db, sql);
    if (!statement.isValid())
        return statement.error().ok() ? m_db.lastError() : statement.error();
    bindAll(statement, values);
    const StatementRow current(statement);
    while (statement.step())
        row(current);
    return statement.error();
}

Result<qint64> SqliteSession::execute(const QByteArray &sql, const SqlValues &values)
{
    SqliteStatement statement(m_db, sql);
    if (!statement.isValid())
        return statement.error().ok() ? m_db.lastError() : statement.error();
    bindAll(statement, values);
    if (Error e = statement.execute(); !e.ok())
        return e;
    return qint64(m_db.changes());
}

} // namespace Store
