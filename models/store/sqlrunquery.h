#pragma once

#include "storeerror.h"
#include "storetypes.h"

#include <QByteArray>

// How a read of the SQL backends (SQLite, PostgreSQL) selects rows, in the SQL both dialects
// read: experiment ids are integers in SQL stores, and nothing the user typed goes into the SQL
// unchecked.
namespace Store::SqlRunQuery {

// The condition on a lifecycle_stage `column` that selects `view` ("1 = 1" for every stage).
QByteArray lifecycleCondition(ViewType view, const char *column);
// The condition on the runs table (unqualified columns) that selects `query`'s runs, limit
// aside; NoSuchExperiment when an experiment id is no number.
Result<QByteArray> runCondition(const RunQuery &query);

} // namespace Store::SqlRunQuery
