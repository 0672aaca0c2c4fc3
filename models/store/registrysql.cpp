#include "registrysql.h"

#include "registrychangecheck.h"
#include "registryrules.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <optional>

// Reading the registry. Soft-deleted versions (Deleted_Internal) show only when asked for. MLflow
// always writes a stage; a NULL one reads as 'None'.

namespace Store::RegistrySql {

namespace {

constexpr char LiveVersion[] = "coalesce(v.current_stage, 'None') <> 'Deleted_Internal'";

QByteArray versionsIn(ViewType view)
{
    switch (view) {
    case ViewType::ActiveOnly:
        return LiveVersion;
    case ViewType::DeletedOnly:
        return "v.current_stage = 'Deleted_Internal'";
    case ViewType::All:
        break;
    }
    return "1 = 1";
}

std::optional<qint64> optionalTime(const SqlRow &row, int column)
{
    return row.isNull(column) ? std::nullopt : std::optional<qint64>(row.int64(column));
}

qint64 timeOf(const SqlRow &row, int column)
{
    return optionalTime(row, column).value_or(NoTime);
}

// Tags, aliases and logged models of `versions`, one query of each per model.
Error addVersionDetails(SqlSession &db, const SchemaInfo &schema, ModelVersionList &versions)
{
    QHash<QString, QHash<int, qsizetype>> rowOf; // model -> version -> row
    for (qsizetype row = 0; row < versions.size(); ++row)
        rowOf[versions[row].modelName].insert(versions[row].version, row);

    const QByteArray bytes = db.byteOrder();
    for (auto model = rowOf.cbegin(); model != rowOf.cend(); ++model) {
        const auto rowOfVersion = [&](int version) { return model->value(version, -1); };
        if (schema.hasModelVersionTags) {
            const Error e = db.query(
                "SELECT t.version, t.\"key\", t.value FROM model_version_tags t WHERE t.name = ?1"
                    + schema.inDefaultWorkspace("model_version_tags", "t") + " ORDER BY t.\"key\"" + bytes,
                {model.key()}, [&](const SqlRow &tag) {
                    if (const qsizetype row = rowOfVersion(int(tag.int64(0))); row >= 0)
                        versions[row].tags.append({tag.string(1), tag.string(2)});
                });
            if (!e.ok())
                return e;
        }
        if (schema.hasAliases) {
            const Error e
                = db.query("SELECT a.version, a.alias FROM registered_model_aliases a WHERE a.name = ?1"
                               + schema.inDefaultWorkspace("registered_model_aliases", "a"),
                           {model.key()}, [&](const SqlRow &alias) {
                               if (const qsizetype row = rowOfVersion(int(alias.int64(0))); row >= 0)
                                   versions[row].aliases.append(alias.string(1));
                           });
            if (!e.ok())
                return e;
        }
    }
    for (ModelVersion &v : versions)
        std::sort(v.aliases.begin(), v.aliases.end());

    if (!schema.hasLoggedModels)
        return {};
    for (ModelVersion &v : versions) {
        v.loggedModelId = RegistryRules::loggedModelIdOf(v.source);
        if (v.loggedModelId.isEmpty())
            continue;
        const Error e = db.query("SELECT name, source_run_id FROM logged_models WHERE model_id = ?1",
                                 {v.loggedModelId}, [&](const SqlRow &logged) {
                                     v.loggedModelName = logged.string(0);
                                     v.loggedModelRunId = logged.string(1);
                                 });
        if (!e.ok())
            return e;
    }
    return {};
}

// The versions in `view` that `where` selects (one text parameter, ?1), with their details,
// ordered by name and version.
Result<ModelVersionList> readVersions(SqlSession &db, const SchemaInfo &schema, const QByteArray &where,
                                      const QString &value, ViewType view)
{
    QByteArray sql
        = "SELECT v.name, v.version, coalesce(v.current_stage, 'None'), v.status, v.status_message, "
          "v.run_id, v.source, ";
    sql += schema.hasRunLink ? "v.run_link, " : "NULL, ";
    sql += schema.hasStorageLocation ? "v.storage_location, " : "NULL, ";
    sql += "v.user_id, v.description, v.creation_time, v.last_updated_time FROM model_versions v WHERE "
        + where + " AND " + versionsIn(view) + schema.inDefaultWorkspace("model_versions", "v")
        + " ORDER BY v.name" + db.byteOrder() + ", v.version";
    ModelVersionList versions;
    Error e = db.query(sql, {value}, [&](const SqlRow &row) {
        ModelVersion v;
        v.modelName = row.string(0);
        v.version = int(row.int64(1));
        v.stage = row.string(2);
        v.status = row.string(3);
        v.statusMessage = row.string(4);
        v.runId = row.string(5);
        v.source = row.string(6);
        v.runLink = row.string(7);
        v.storageLocation = row.string(8);
        v.userId = row.string(9);
        v.description = row.string(10);
        v.creationTime = timeOf(row, 11);
        v.lastUpdatedTime = timeOf(row, 12);
        versions.append(v);
    });
    if (!e.ok())
        return e;
    if (e = addVersionDetails(db, schema, versions); !e.ok())
        return e;
    // The experiment of each version's run, so that a link to the run can show it.
    for (ModelVersion &v : versions) {
        const QString runId = v.runId.isEmpty() ? v.loggedModelRunId : v.runId;
        if (runId.isEmpty())
            continue;
        e = db.query("SELECT experiment_id FROM runs WHERE run_uuid = ?1", {runId},
                     [&](const SqlRow &run) { v.runExperimentId = run.string(0); });
        if (!e.ok())
            return e;
    }
    return versions;
}

} // namespace

Result<RegisteredModelList> registeredModels(SqlSession &db, const SchemaInfo &schema)
{
    RegisteredModelList models;
    QHash<QString, qsizetype> rowOf;
    Error e = db.query("SELECT m.name, m.creation_time, m.last_updated_time, m.description "
                       "FROM registered_models m WHERE 1 = 1"
                           + schema.inDefaultWorkspace("registered_models", "m") + " ORDER BY m.name"
                           + db.byteOrder(),
                       {}, [&](const SqlRow &row) {
                           RegisteredModel model;
                           model.name = row.string(0);
                           model.creationTime = timeOf(row, 1);
                           model.lastUpdatedTime = timeOf(row, 2);
                           model.description = row.string(3);
                           rowOf.insert(model.name, models.size());
                           models.append(model);
                       });
    if (!e.ok())
        return e;
    // MLflow's latest_versions: the highest live version in each stage that has one.
    e = db.query(QByteArray("SELECT v.name, coalesce(v.current_stage, 'None'), max(v.version) "
                            "FROM model_versions v WHERE ")
                     + LiveVersion + schema.inDefaultWorkspace("model_versions", "v") + " GROUP BY 1, 2",
                 {}, [&](const SqlRow &row) {
                     if (const auto model = rowOf.constFind(row.string(0)); model != rowOf.cend())
                         models[*model].latestVersions.insert(row.string(1), int(row.int64(2)));
                 });
    if (!e.ok())
        return e;
    if (schema.hasAliases) {
        e = db.query("SELECT a.name, a.alias, a.version FROM registered_model_aliases a WHERE 1 = 1"
                         + schema.inDefaultWorkspace("registered_model_aliases", "a"),
                     {}, [&](const SqlRow &row) {
                         if (const auto model = rowOf.constFind(row.string(0)); model != rowOf.cend())
                             models[*model].aliases.insert(row.string(1), int(row.int64(2)));
                     });
        if (!e.ok())
            return e;
    }
    if (schema.hasRegisteredModelTags) {
        e = db.query("SELECT t.name, t.\"key\", t.value FROM registered_model_tags t WHERE 1 = 1"
                         + schema.inDefaultWorkspace("registered_model_tags", "t") + " ORDER BY t.name"
                         + db.byteOrder() + ", t.\"key\"" + db.byteOrder(),
                     {}, [&](const SqlRow &row) {
                         if (const auto model = rowOf.constFind(row.string(0)); model != rowOf.cend())
                             models[*model].tags.append({row.string(1), row.string(2)});
                     });
        if (!e.ok())
            return e;
    }
    return models;
}

Result<bool> hasModel(SqlSession &db, const SchemaInfo &schema, const QString &model)
{
    bool found = false;
    const Error e = db.query("SELECT 1 FROM registered_models m WHERE m.name = ?1"
                                 + schema.inDefaultWorkspace("registered_models", "m"),
                             {model}, [&](const SqlRow &) { found = true; });
    if (!e.ok())
        return e;
    return found;
}

Result<ModelVersionList> versionsOfModel(SqlSession &db, const SchemaInfo &schema, const QString &model,
                                         ViewType view)
{
    return readVersions(db, schema, "v.name = ?1", model, view);
}

Result<ModelVersionList> versionsOfRun(SqlSession &db, const SchemaInfo &schema, const QString &runId)
{
    return readVersions(db, schema, "v.run_id = ?1", runId, ViewType::ActiveOnly);
}

} // namespace Store::RegistrySql
