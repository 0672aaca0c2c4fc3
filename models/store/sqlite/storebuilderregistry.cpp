#include "storebuilder.h"
#include "storebuilder_p.h"

#include <QRegularExpression>

#include <sqlite3.h>

namespace Store {

namespace {

// MLflow's rules: word characters and '-', not "latest", not a version reference like v3.
bool isValidAlias(const QString &alias)
{
    static const QRegularExpression valid(QStringLiteral("^[\\w\\-]{1,255}$"));
    static const QRegularExpression versionLike(QStringLiteral("^[vV]\\d+$"));
    return valid.match(alias).hasMatch() && alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) != 0
        && !versionLike.match(alias).hasMatch();
}

} // namespace

QString StoreBuilder::canonicalStage(const QString &stage)
{
    for (const char *name : {"None", "Staging", "Production", "Archived"}) {
        if (stage.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return QLatin1String(name);
    }
    return {};
}

void StoreBuilder::addRegisteredModel(const RegisteredModelSpec &spec)
{
    if (!canWrite())
        return;
    const qint64 time = timeOr(spec.creationTime);
    SqliteStatement insert(*m_db,
                           "INSERT INTO registered_models (name, creation_time, last_updated_time, "
                           "description) VALUES (?1, ?2, ?2, ?3)");
    insert.bind(1, spec.name);
    insert.bind(2, time);
    bindOptional(insert, 3, spec.description);
    if (!run(insert, tr("Cannot add registered model %1").arg(spec.name)))
        return;
    for (const auto &[key, value] : spec.tags)
        setRegisteredModelTag(spec.name, key, value);
}

void StoreBuilder::setRegisteredModelTag(const QString &name, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    SqliteStatement upsert(*m_db,
                           "INSERT INTO registered_model_tags (\"key\", value, name) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (\"key\", name) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.bind(3, name);
    run(upsert, tr("Cannot set tag %1 of registered model %2").arg(key, name));
}

int StoreBuilder::addModelVersion(const ModelVersionSpec &spec)
{
    if (!canWrite())
        return -1;
    const QString context = tr("Cannot add a version of registered model %1").arg(spec.modelName);
    const QString stage = canonicalStage(spec.stage);
    if (stage.isEmpty()) {
        fail(context + tr(": %1 is not a stage").arg(spec.stage));
        return -1;
    }
    if (spec.status != QLatin1String("READY") && spec.status != QLatin1String("PENDING_REGISTRATION")
        && spec.status != QLatin1String("FAILED_REGISTRATION")) {
        fail(context + tr(": %1 is not a model version status").arg(spec.status));
        return -1;
    }
    QString storageLocation = spec.storageLocation;
    QString runId = spec.runId;
    if (spec.source.startsWith(QLatin1String("models:"))) {
        QString resolved;
        if (!resolveModelsUri(spec.source, resolved, runId, context))
            return -1;
        if (storageLocation.isEmpty())
            storageLocation = resolved;
    } else if (storageLocation.isEmpty()) {
        storageLocation = spec.source;
    }

    // Numbers are never reused: soft-deleted versions count too.
    SqliteStatement next(*m_db, "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE name = ?1");
    next.bind(1, spec.modelName);
    if (!next.step()) {
        fail(next.error());
        return -1;
    }
    const int version = int(next.int64(0));

    const qint64 time = timeOr(spec.creationTime);
    SqliteStatement insert(*m_db,
                           "INSERT INTO model_versions (name, version, creation_time, last_updated_time, "
                           "description, user_id, current_stage, source, run_id, status, status_message, "
                           "run_link, storage_location) "
                           "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?11, ?12, ?9, ?10)");
    insert.bind(1, spec.modelName);
    insert.bind(2, qint64(version));
    insert.bind(3, time);
    bindOptional(insert, 4, spec.description);
    bindOptional(insert, 5, spec.userId);
    insert.bind(6, stage);
    insert.bind(7, spec.source);
    bindOptional(insert, 8, runId);
    bindOptional(insert, 9, spec.runLink);
    bindOptional(insert, 10, storageLocation);
    insert.bind(11, spec.status);
    bindOptional(insert, 12, spec.statusMessage);
    if (!run(insert, context) || !touchRegisteredModel(spec.modelName, time, context))
        return -1;
    for (const auto &[key, value] : spec.tags)
        setModelVersionTag(spec.modelName, version, key, value);
    return hasError() ? -1 : version;
}

void StoreBuilder::setModelVersionTag(const QString &name, int version, const QString &key,
                                      const QString &value)
{
    if (!canWrite())
        return;
    SqliteStatement upsert(*m_db,
                           "INSERT INTO model_version_tags (\"key\", value, name, version) "
                           "VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (\"key\", name, version) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.bind(3, name);
    upsert.bind(4, qint64(version));
    run(upsert, tr("Cannot set tag %1 of version %2 of registered model %3").arg(key).arg(version).arg(name));
}

void StoreBuilder::transitionStage(const QString &name, int version, const QString &stage, qint64 time,
                                   bool archiveExistingVersions)
{
    if (!canWrite())
        return;
    const QString context
        = tr("Cannot move version %1 of registered model %2 to %3").arg(version).arg(name, stage);
    const QString target = canonicalStage(stage);
    if (target.isEmpty()) {
        fail(context + tr(": not a stage"));
        return;
    }
    if (archiveExistingVersions && target != QLatin1String("Staging")
        && target != QLatin1String("Production")) {
        fail(context
             + tr(": cannot archive existing versions because %1 is not an active stage").arg(target));
        return;
    }
    time = timeOr(time);
    if (archiveExistingVersions) {
        SqliteStatement archive(
            *m_db,
            "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ?1 "
            "WHERE name = ?2 AND version != ?3 AND current_stage = ?4");
        archive.bind(1, time);
        archive.bind(2, name);
        archive.bind(3, qint64(version));
        archive.bind(4, target);
        if (!run(archive, context))
            return;
    }
    SqliteStatement move(*m_db,
                         "UPDATE model_versions SET current_stage = ?1, last_updated_time = ?2 "
                         "WHERE name = ?3 AND version = ?4 AND current_stage != 'Deleted_Internal'");
    move.bind(1, target);
    move.bind(2, time);
    move.bind(3, name);
    move.bind(4, qint64(version));
    if (!run(move, context))
        return;
    if (sqlite3_changes(m_db->handle()) == 0) {
        fail(context + tr(": no such version"));
        return;
    }
    touchRegisteredModel(name, time, context);
}

void StoreBuilder::setAlias(const QString &name, const QString &alias, int version)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot set alias %1 of registered model %2").arg(alias, name);
    if (!isValidAlias(alias)) {
        fail(context + tr(": not a valid alias name"));
        return;
    }
    SqliteStatement exists(*m_db,
                           "SELECT 1 FROM model_versions WHERE name = ?1 AND version = ?2 "
                           "AND current_stage != 'Deleted_Internal'");
    exists.bind(1, name);
    exists.bind(2, qint64(version));
    if (!exists.step()) {
        fail(context + tr(": version %1 does not exist").arg(version));
        return;
    }
    SqliteStatement upsert(*m_db,
                           "INSERT INTO registered_model_aliases (alias, version, name) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version");
    upsert.bind(1, alias);
    upsert.bind(2, qint64(version));
    upsert.bind(3, name);
    run(upsert, context);
}

void StoreBuilder::deleteAlias(const QString &name, const QString &alias)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot delete alias %1 of registered model %2").arg(alias, name);
    if (!isValidAlias(alias)) {
        fail(context + tr(": not a valid alias name"));
        return;
    }
    SqliteStatement model(*m_db, "SELECT 1 FROM registered_models WHERE name = ?1");
    model.bind(1, name);
    if (!model.step()) {
        fail(Error::make(Error::NoSuchModel, context + tr(": no such registered model")));
        return;
    }
    SqliteStatement remove(*m_db, "DELETE FROM registered_model_aliases WHERE name = ?1 AND alias = ?2");
    remove.bind(1, name);
    remove.bind(2, alias);
    run(remove, context);
}

void StoreBuilder::deleteModelVersion(const QString &name, int version, qint64 time)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot delete version %1 of registered model %2").arg(version).arg(name);
    time = timeOr(time);
    SqliteStatement remove(*m_db,
                           "UPDATE model_versions SET current_stage = 'Deleted_Internal', "
                           "last_updated_time = ?1, description = NULL, user_id = NULL, "
                           "source = 'REDACTED-SOURCE-PATH', run_id = 'REDACTED-RUN-ID', "
                           "run_link = 'REDACTED-RUN-LINK', status_message = NULL "
                           "WHERE name = ?2 AND version = ?3 AND current_stage != 'Deleted_Internal'");
    remove.bind(1, time);
    remove.bind(2, name);
    remove.bind(3, qint64(version));
    if (!run(remove, context))
        return;
    if (sqlite3_changes(m_db->handle()) == 0) {
        fail(Error::make(Error::NoSuchVersion, context + tr(": no such version")));
        return;
    }
    // The alias rows have no foreign key to the version: MLflow deletes them itself. Tags stay.
    SqliteStatement aliases(*m_db, "DELETE FROM registered_model_aliases WHERE name = ?1 AND version = ?2");
    aliases.bind(1, name);
    aliases.bind(2, qint64(version));
    if (run(aliases, context))
        touchRegisteredModel(name, time, context);
}

void StoreBuilder::setRegisteredModelDescription(const QString &name, const QString &description, qint64 time)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot describe registered model %1").arg(name);
    SqliteStatement update(*m_db,
                           "UPDATE registered_models SET description = ?1, last_updated_time = ?2 "
                           "WHERE name = ?3");
    bindOptional(update, 1, description);
    update.bind(2, timeOr(time));
    update.bind(3, name);
    if (run(update, context) && sqlite3_changes(m_db->handle()) == 0)
        fail(Error::make(Error::NoSuchModel, context + tr(": no such registered model")));
}

void StoreBuilder::setModelVersionDescription(const QString &name, int version, const QString &description,
                                              qint64 time)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot describe version %1 of registered model %2").arg(version).arg(name);
    SqliteStatement update(*m_db,
                           "UPDATE model_versions SET description = ?1, last_updated_time = ?2 "
                           "WHERE name = ?3 AND version = ?4 AND current_stage != 'Deleted_Internal'");
    bindOptional(update, 1, description);
    update.bind(2, timeOr(time));
    update.bind(3, name);
    update.bind(4, qint64(version));
    if (run(update, context) && sqlite3_changes(m_db->handle()) == 0)
        fail(Error::make(Error::NoSuchVersion, context + tr(": no such version")));
}

bool StoreBuilder::touchRegisteredModel(const QString &name, qint64 time, const QString &context)
{
    SqliteStatement touch(*m_db, "UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2");
    touch.bind(1, time);
    touch.bind(2, name);
    if (!run(touch, context))
        return false;
    if (sqlite3_changes(m_db->handle()) == 0)
        return fail(Error::make(Error::NoSuchModel, context + tr(": no such registered model")));
    return true;
}

// `models:/m-<id>`: the logged model's artifact_location, and its source run unless the caller
// named a run. `models:/<name>/<version>`: that version's download URI (storage_location, else
// source). Other forms (a stage, an alias) name no fixed version; MLflow refuses them too.
bool StoreBuilder::resolveModelsUri(const QString &source, QString &storageLocation, QString &runId,
                                    const QString &context)
{
    static const QRegularExpression loggedModel(QStringLiteral("^models:/(m-[0-9a-f]{32})/?$"));
    static const QRegularExpression nameVersion(QStringLiteral("^models:/(.+)/(\\d+)/?$"));
    if (const auto match = loggedModel.match(source); match.hasMatch()) {
        SqliteStatement model(*m_db,
                              "SELECT artifact_location, source_run_id FROM logged_models "
                              "WHERE model_id = ?1 AND lifecycle_stage != 'deleted'");
        model.bind(1, match.captured(1));
        if (!model.step())
            return fail(context + tr(": no logged model %1").arg(match.captured(1)));
        storageLocation = model.string(0);
        if (runId.isEmpty() && !model.isNull(1))
            runId = model.string(1);
        return true;
    }
    if (const auto match = nameVersion.match(source); match.hasMatch()) {
        SqliteStatement version(*m_db,
                                "SELECT coalesce(nullif(storage_location, ''), source) FROM model_versions "
                                "WHERE name = ?1 AND version = ?2 AND current_stage != 'Deleted_Internal'");
        version.bind(1, match.captured(1));
        version.bind(2, match.captured(2).toLongLong());
        if (!version.step())
            return fail(context + tr(": %1 names no version").arg(source));
        storageLocation = version.string(0);
        return true;
    }
    return fail(context + tr(": %1 names no logged model and no model version").arg(source));
}

} // namespace Store
