#pragma once

#include "registrytypes.h"
#include "schemainfo.h"
#include "sqlsession.h"

// The model registry of an MLflow SQL store (format notes §1.4, §1.5, §3), read and written
// through SqlSession, so that the SQLite and PostgreSQL backends share its SQL and semantics:
// every revision from MLflow 1.4 on, tables and columns as `schema` found them. The caller
// holds the transaction; errors are the backend's, for it to word.
namespace Store::RegistrySql {

// Registered models by name, with their latest version per stage, aliases and tags.
Result<RegisteredModelList> registeredModels(SqlSession &db, const SchemaInfo &schema);
// Whether the registry holds `model`.
Result<bool> hasModel(SqlSession &db, const SchemaInfo &schema, const QString &model);
// The versions in `view` of `model`, version ascending, with tags, aliases and logged models.
Result<ModelVersionList> versionsOfModel(SqlSession &db, const SchemaInfo &schema, const QString &model,
                                         ViewType view);
// The live versions registered from `runId`, by model name and version.
Result<ModelVersionList> versionsOfRun(SqlSession &db, const SchemaInfo &schema, const QString &runId);

// Applies `change` with MLflow's semantics, `now` the one last_updated_time it writes, inside the
// caller's write transaction: reads the model's rows, checks them against the change
// (RegistryRules::checkStored()), then writes. On an error the caller rolls back.
Error apply(SqlSession &db, const SchemaInfo &schema, const RegistryChange &change, qint64 now);
// Whether `code` is one of apply()'s own verdicts on a change (its message final), rather than
// the backend failing.
bool isVerdict(Error::Code code);

} // namespace Store::RegistrySql
