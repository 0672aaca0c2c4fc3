#include "sqlrunquery.h"

#include <QCoreApplication>

namespace Store::SqlRunQuery {

QByteArray lifecycleCondition(ViewType view, const char *column)
{
    switch (view) {
    case ViewType::ActiveOnly:
        return QByteArray(column) + " = 'active'";
    case ViewType::DeletedOnly:
        return QByteArray(column) + " = 'deleted'";
    case ViewType::All:
        break;
    }
    return "1 = 1";
}

Result<QByteArray> runCondition(const RunQuery &query)
{
    QByteArray where = lifecycleCondition(query.view, "lifecycle_stage");
    if (query.experimentIds.isEmpty())
        return where;
    QByteArray list;
    for (const QString &id : query.experimentIds) {
        bool isNumber = false;
        const qlonglong value = id.toLongLong(&isNumber);
        if (!isNumber) {
            return Error::make(Error::NoSuchExperiment,
                               QCoreApplication::translate("Store::SqliteStore",
                                                           "Experiment ids in a SQL store are numbers: %1")
                                   .arg(query.experimentIds.join(u", ")));
        }
        if (!list.isEmpty())
            list += ',';
        list += QByteArray::number(value);
    }
    return where + " AND experiment_id IN (" + list + ")";
}

} // namespace Store::SqlRunQuery
