#include "registryrules.h"
#include "sqliteerrors.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

// Reading the model registry of a SQLite store (format notes §1.4, §1.5, §3): every revision from
// MLflow 1.4 on, its tables and columns found by introspection.

namespace Store {

using SqliteErrors::describe;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

// Soft-deleted versions (Deleted_Internal) show only when asked for. MLflow always writes a
// stage; a NULL one reads as 'None'.
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
    return "1";
}

Error statementError(const SqliteStatement &statement, const SqliteConnection &db)
{
    return statement.isValid() ? statement.error() : db.lastError();
}

} // namespace

Error SqliteStore::noRegistry() const
{
    return Error::make(Error::NoRegistry, tr("No model registry in this store."));
}

Error SqliteStore::noSuchModel(const QString &model) const
{
    return Error::make(
        Error::NoSuchModel,
        tr("Registered model %1 not found in %2.").arg(model, QFileInfo(m_path).absoluteFilePath()));
}

Result<RegisteredModelList> SqliteStore::registeredModels()
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    const int timeout = m_db.busyTimeoutMs();
    SqliteReadTransaction snapshot(m_db);

    RegisteredModelList models;
    QHash<QString, qsizetype> rowOf;
    {
        SqliteStatement query(m_db,
                              "SELECT m.name, m.creation_time, m.last_updated_time, m.description "
                              "FROM registered_models m WHERE 1"
                                  + m_schema.inDefaultWorkspace("registered_models", "m")
                                  + " ORDER BY m.name");
        while (query.step()) {
            RegisteredModel model;
            model.name = query.string(0);
            model.creationTime = query.isNull(1) ? NoTime : query.int64(1);
            model.lastUpdatedTime = query.isNull(2) ? NoTime : query.int64(2);
            model.description = query.string(3);
            rowOf.insert(model.name, models.size());
            models.append(model);
        }
        if (Error e = statementError(query, m_db); !e.ok())
            return describe(e, m_path, timeout);
    }

    // MLflow's latest_versions: the highest live version in each stage that has one.
    {
        SqliteStatement query(m_db,
                              QByteArray("SELECT v.name, coalesce(v.current_stage, 'None'), max(v.version) "
                                         "FROM model_versions v WHERE ")
                                  + LiveVersion + m_schema.inDefaultWorkspace("model_versions", "v")
                                  + " GROUP BY 1, 2");
        while (query.step()) {
            if (const auto row = rowOf.constFind(query.string(0)); row != rowOf.cend())
                models[*row].latestVersions.insert(query.string(1), int(query.int64(2)));
        }
        if (Error e = statementError(query, m_db); !e.ok())
            return describe(e, m_path, timeout);
    }

    if (m_schema.hasAliases) {
        SqliteStatement query(m_db,
                              "SELECT a.name, a.alias, a.version FROM registered_model_aliases a WHERE 1"
                                  + m_schema.inDefaultWorkspace("registered_model_aliases", "a"));
        while (query.step()) {
            if (const auto row = rowOf.constFind(query.string(0)); row != rowOf.cend())
                models[*row].aliases.insert(query.string(1), int(query.int64(2)));
        }
        if (Error e = statementError(query, m_db); !e.ok())
            return describe(e, m_path, timeout);
    }

    if (m_schema.hasRegisteredModelTags) {
        SqliteStatement query(m_db,
                              "SELECT t.name, t.\"key\", t.value FROM registered_model_tags t WHERE 1"
                                  + m_schema.inDefaultWorkspace("registered_model_tags", "t")
                                  + " ORDER BY t.name, t.\"key\"");
        while (query.step()) {
            if (const auto row = rowOf.constFind(query.string(0)); row != rowOf.cend())
                models[*row].tags.append({query.string(1), query.string(2)});
        }
        if (Error e = statementError(query, m_db); !e.ok())
            return describe(e, m_path, timeout);
    }
    return models;
}

Result<ModelVersionList> SqliteStore::modelVersions(const QString &model, ViewType view)
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    SqliteReadTransaction snapshot(m_db);
    {
        SqliteStatement exists(m_db,
                               "SELECT 1 FROM registered_models m WHERE m.name = ?1"
                                   + m_schema.inDefaultWorkspace("registered_models", "m"));
        exists.bind(1, model);
        if (!exists.step()) {
            if (Error e = statementError(exists, m_db); !e.ok())
                return describe(e, m_path, m_db.busyTimeoutMs());
            return noSuchModel(model);
        }
    }
    return readVersions(m_db, "v.name = ?1", model, view);
}

Result<ModelVersionList> SqliteStore::modelVersionsOfRun(const QString &runId)
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    SqliteReadTransaction snapshot(m_db);
    return readVersions(m_db, "v.run_id = ?1", runId);
}

Result<ModelVersionList> SqliteStore::readVersions(SqliteConnection &db, const QByteArray &where,
                                                   const QString &value, ViewType view)
{
    QByteArray sql
        = "SELECT v.name, v.version, coalesce(v.current_stage, 'None'), v.status, v.status_message, "
          "v.run_id, v.source, ";
    sql += m_schema.hasRunLink ? "v.run_link, " : "NULL, ";
    sql += m_schema.hasStorageLocation ? "v.storage_location, " : "NULL, ";
    sql += "v.user_id, v.description, v.creation_time, v.last_updated_time FROM model_versions v WHERE "
        + where + " AND " + versionsIn(view) + m_schema.inDefaultWorkspace("model_versions", "v")
        + " ORDER BY v.name, v.version";
    SqliteStatement query(db, sql);
    query.bind(1, value);
    ModelVersionList versions;
    while (query.step()) {
        ModelVersion v;
        v.modelName = query.string(0);
        v.version = int(query.int64(1));
        v.stage = query.string(2);
        v.status = query.string(3);
        v.statusMessage = query.string(4);
        v.runId = query.string(5);
        v.source = query.string(6);
        v.runLink = query.string(7);
        v.storageLocation = query.string(8);
        v.userId = query.string(9);
        v.description = query.string(10);
        v.creationTime = query.isNull(11) ? NoTime : query.int64(11);
        v.lastUpdatedTime = query.isNull(12) ? NoTime : query.int64(12);
        versions.append(v);
    }
    if (Error e = statementError(query, db); !e.ok())
        return describe(e, m_path, db.busyTimeoutMs());
    if (Error e = addVersionDetails(db, versions); !e.ok())
        return describe(e, m_path, db.busyTimeoutMs());
    // The experiment of each version's run, so that a link to the run can show it.
    SqliteStatement experiment(db, "SELECT experiment_id FROM runs WHERE run_uuid = ?1");
    for (ModelVersion &v : versions) {
        const QString runId = v.runId.isEmpty() ? v.loggedModelRunId : v.runId;
        if (runId.isEmpty())
            continue;
        experiment.reset();
        experiment.bind(1, runId);
        if (experiment.step())
            v.runExperimentId = experiment.string(0);
        if (Error e = statementError(experiment, db); !e.ok())
            return describe(e, m_path, db.busyTimeoutMs());
    }
    return versions;
}

// Tags, aliases and logged models of `versions`, one query of each per model.
Error SqliteStore::addVersionDetails(SqliteConnection &db, ModelVersionList &versions)
{
    QHash<QString, QHash<int, qsizetype>> rowOf; // model -> version -> row
    for (qsizetype row = 0; row < versions.size(); ++row)
        rowOf[versions[row].modelName].insert(versions[row].version, row);

    for (auto model = rowOf.cbegin(); model != rowOf.cend(); ++model) {
        const auto rowOfVersion = [&](int version) { return model->value(version, -1); };
        if (m_schema.hasModelVersionTags) {
            SqliteStatement tags(
                db,
                "SELECT t.version, t.\"key\", t.value FROM model_version_tags t WHERE t.name = ?1"
                    + m_schema.inDefaultWorkspace("model_version_tags", "t") + " ORDER BY t.\"key\"");
            tags.bind(1, model.key());
            while (tags.step()) {
                if (const qsizetype row = rowOfVersion(int(tags.int64(0))); row >= 0)
                    versions[row].tags.append({tags.string(1), tags.string(2)});
            }
            if (Error e = statementError(tags, db); !e.ok())
                return e;
        }
        if (m_schema.hasAliases) {
            SqliteStatement aliases(
                db,
                "SELECT a.version, a.alias FROM registered_model_aliases a WHERE a.name = ?1"
                    + m_schema.inDefaultWorkspace("registered_model_aliases", "a") + " ORDER BY a.alias");
            aliases.bind(1, model.key());
            while (aliases.step()) {
                if (const qsizetype row = rowOfVersion(int(aliases.int64(0))); row >= 0)
                    versions[row].aliases.append(aliases.string(1));
            }
            if (Error e = statementError(aliases, db); !e.ok())
                return e;
        }
    }
    for (ModelVersion &v : versions)
        std::sort(v.aliases.begin(), v.aliases.end());

    if (!m_schema.hasLoggedModels)
        return {};
    SqliteStatement logged(db, "SELECT name, source_run_id FROM logged_models WHERE model_id = ?1");
    for (ModelVersion &v : versions) {
        v.loggedModelId = RegistryRules::loggedModelIdOf(v.source);
        if (v.loggedModelId.isEmpty())
            continue;
        logged.reset();
        logged.bind(1, v.loggedModelId);
        if (logged.step()) {
            v.loggedModelName = logged.string(0);
            v.loggedModelRunId = logged.string(1);
        }
        if (Error e = statementError(logged, db); !e.ok())
            return e;
    }
    return {};
}

} // namespace Store
