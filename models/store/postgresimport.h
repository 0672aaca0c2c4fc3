#pragma once

#include "storeerror.h"

#include <QString>

namespace Store {

// Copies every row of the MLflow SQLite store at `sqlitePath` into the PostgreSQL database at
// `uri` (a postgresql:// URI), which must hold MLflow's schema (as `mlflow db upgrade` or
// MLflow's server creates it) and no runs yet: a fresh database's own Default experiment is
// replaced by the store's. Columns the database has and the store lacks keep their defaults
// (an older store in a newer schema); latest_metrics is filled from the history when the store
// predates it, as MLflow's migration does. One transaction: all rows or none. This is how
// `kaizen demo postgresql://...` loads the demo store, and how the tests put their SQLite
// fixtures on a server.
Error importIntoPostgres(const QString &sqlitePath, const QString &uri);

} // namespace Store
