#include "searchfilter.h"

#include "searchfilterevaluator.h"
#include "searchfilterparser.h"

SearchFilter SearchFilter::parse(const QString &text)
{
    return Parser(text).run();
}

QList<int> SearchFilter::filterRows(const Store::RunTable &table) const
{
    QList<int> result;
    if (!isValid())
        return result;
    const Evaluator evaluator(*this, table);
    if (evaluator.never())
        return result;
    result.reserve(table.size());
    for (int row = 0; row < table.size(); ++row) {
        if (evaluator.matches(row))
            result.append(row);
    }
    return result;
}

QList<int> SearchFilter::filterRows(const Store::RunTable &table, const QList<int> &rows) const
{
    QList<int> result;
    if (!isValid())
        return result;
    const Evaluator evaluator(*this, table);
    if (evaluator.never())
        return result;
    for (const int row : rows) {
        if (row >= 0 && row < table.size() && evaluator.matches(row))
            result.append(row);
    }
    return result;
}

bool SearchFilter::matches(const Store::RunTable &table, int row) const
{
    return row >= 0 && row < table.size() && Evaluator(*this, table).matches(row);
}
