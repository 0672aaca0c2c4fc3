#include "storebuilder.h"
#include "storebuilder_p.h"

#include <QRegularExpression>

#include <sqlite3.h>

namespace Store {

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
                           "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, 'READY', NULL, ?9, ?10)");
    insert.bind(1, spec.modelName);
    insert.bind(2, qint64(version));
    insert.bind(3, time);
    bindOptional(insert, 4, spec.description);
    bindOptional(insert, 5, spec.userId);
    insert.bind(6, stage);
    insert.bind(7, spec.source);
    bindOptional(insert, 8, spec.runId);
    bindOptional(insert, 9, spec.runLink);
    bindOptional(insert, 10, spec.storageLocation.isEmpty() ? spec.source : spec.storageLocation);
    if (!run(insert, context))
        return -1;

    SqliteStatement touch(*m_db, "UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2");
    touch.bind(1, time);
    touch.bind(2, spec.modelName);
    if (!run(touch, context))
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
    SqliteStatement touch(*m_db, "UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2");
    touch.bind(1, time);
    touch.bind(2, name);
    run(touch, context);
}

void StoreBuilder::setAlias(const QString &name, const QString &alias, int version)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot set alias %1 of registered model %2").arg(alias, name);
    // MLflow's rules: word characters and '-', not "latest", not a version reference like v3.
    static const QRegularExpression valid(QStringLiteral("^[\\w\\-]{1,255}$"));
    static const QRegularExpression versionLike(QStringLiteral("^[vV]\\d+$"));
    if (!valid.match(alias).hasMatch() || alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0
        || versionLike.match(alias).hasMatch()) {
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

} // namespace Store
