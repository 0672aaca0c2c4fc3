// TEMPORARY: see searchfilterstandin.h.
#include "searchfilterstandin.h"

#include <QRegularExpression>

SearchFilter SearchFilter::parse(const QString &text)
{
    SearchFilter filter;
    if (text.trimmed().isEmpty())
        return filter;
    static const QRegularExpression andSeparator(QStringLiteral("\\s+AND\\s+"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression comparison(
        QStringLiteral("^\\s*(\\w+)\\.([\\w./]+)\\s*(<=|>=|!=|=|<|>)\\s*('([^']*)'|[-+0-9.eE]+)\\s*$"));
    for (const QString &part : text.split(andSeparator)) {
        const QRegularExpressionMatch match = comparison.match(part);
        if (!match.hasMatch()) {
            filter.m_error = QStringLiteral("expected <entity>.<key> <operator> <value>");
            filter.m_errorPosition = int(text.indexOf(part));
            filter.m_terms.clear();
            return filter;
        }
        filter.m_terms.append({match.captured(1), match.captured(2), match.captured(3),
                               match.captured(5).isNull() ? match.captured(4) : match.captured(5)});
    }
    return filter;
}

bool SearchFilter::matches(const Store::RunTable &table, int row) const
{
    for (const Term &term : m_terms) {
        const auto compare = [&](auto a, auto b) {
            const QString &op = term.op;
            return op == QLatin1String("=") ? a == b
                : op == QLatin1String("!=") ? a != b
                : op == QLatin1String("<")  ? a < b
                : op == QLatin1String(">")  ? a > b
                : op == QLatin1String("<=") ? a <= b
                                            : a >= b;
        };
        if (term.entity.startsWith(QLatin1String("metric"))) {
            const Store::LatestMetric *metric = table.metric(row, term.key);
            if (!metric || !compare(metric->storedValue(), term.value.toDouble()))
                return false;
        } else if (term.entity.startsWith(QLatin1String("param"))
                   || term.entity.startsWith(QLatin1String("tag"))) {
            const auto value = term.entity.startsWith(QLatin1String("param")) ? table.param(row, term.key)
                                                                              : table.tag(row, term.key);
            if (!value || !compare(*value, term.value))
                return false;
        } else {
            const Store::RunAttributes &run = table.run(row);
            const QString value = term.key == QLatin1String("run_name") ? run.runName
                : term.key == QLatin1String("status")                   ? run.status
                : term.key == QLatin1String("user_id")                  ? run.userId
                                                                        : run.runId;
            if (!compare(value, term.value))
                return false;
        }
    }
    return true;
}

QList<int> SearchFilter::filterRows(const Store::RunTable &table) const
{
    QList<int> rows;
    for (int row = 0; row < table.size(); ++row) {
        if (matches(table, row))
            rows.append(row);
    }
    return rows;
}

QList<int> SearchFilter::filterRows(const Store::RunTable &table, const QList<int> &rows) const
{
    QList<int> result;
    for (const int row : rows) {
        if (matches(table, row))
            result.append(row);
    }
    return result;
}
