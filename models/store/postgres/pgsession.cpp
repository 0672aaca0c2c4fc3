#include "pgsession.h"

namespace Store {

namespace {

class ResultRow final : public SqlRow
{
public:
    explicit ResultRow(const PgResult &result) : m_result(result) { }
    void setRow(int row) { m_row = row; }
    bool isNull(int column) const override { return m_result.isNull(m_row, column); }
    QString string(int column) const override { return m_result.string(m_row, column); }
    qint64 int64(int column) const override { return m_result.int64(m_row, column); }

private:
    const PgResult &m_result;
    int m_row = 0;
};

PgParams textParams(const SqlValues &values)
{
    PgParams params;
    params.reserve(values.size());
    for (const SqlValue &value : values) {
        if (const auto *text = std::get_if<QString>(&value))
            params.append(text->toUtf8());
        else
            params.append(QByteArray::number(std::get<qint64>(value)));
    }
    return params;
}

} // namespace

QByteArray PgSession::dollarParameters(const QByteArray &sql)
{
    QByteArray out = sql;
    char quote = 0; // the quote we are inside, if any
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char c = out.at(i);
        if (quote) {
            if (c == quote)
                quote = 0; // a doubled quote leaves and enters again: still right
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?' && i + 1 < out.size() && out.at(i + 1) >= '0' && out.at(i + 1) <= '9') {
            out[i] = '$';
        }
    }
    return out;
}

Error PgSession::query(const QByteArray &sql, const SqlValues &values,
                       const std::function<void(const SqlRow &)> &row)
{
    const Result<PgResult> result = m_db.exec(dollarParameters(sql), textParams(values));
    if (!result)
        return result.error();
    ResultRow current(*result);
    for (int r = 0; r < result->rowCount(); ++r) {
        current.setRow(r);
        row(current);
    }
    return {};
}

Result<qint64> PgSession::execute(const QByteArray &sql, const SqlValues &values)
{
    const Result<PgResult> result = m_db.exec(dollarParameters(sql), textParams(values));
    if (!result)
        return result.error();
    return m_db.changes();
}

} // namespace Store
