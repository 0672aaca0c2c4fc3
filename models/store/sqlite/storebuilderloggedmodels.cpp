#include "storebuilder.h"
#include "storebuilder_p.h"

#include <sqlite3.h>

// Logged models (MLflow 3, ../shared/docs/mlflow-format.md §1.5) as MLflow's SQL store writes
// them: create_logged_model, finalize_logged_model, set_logged_model_tags and log_outputs.

namespace Store {

QString StoreBuilder::addLoggedModel(const LoggedModelSpec &spec)
{
    if (!canWrite())
        return {};
    const QString context = tr("Cannot add logged model %1").arg(spec.name);
    if (spec.name.trimmed().isEmpty()) {
        fail(tr("A logged model needs a name"));
        return {};
    }
    qint64 experimentId = spec.experimentId;
    if (experimentId < 0) {
        SqliteStatement source(*m_db, "SELECT experiment_id FROM runs WHERE run_uuid = ?1");
        source.bind(1, spec.sourceRunId);
        if (!source.step()) {
            fail(Error::make(Error::NoSuchRun,
                             context + tr(": no run %1 to take the experiment from").arg(spec.sourceRunId)));
            return {};
        }
        experimentId = source.int64(0);
    }
    const auto experiment = m_statements->experiments.constFind(experimentId);
    if (experiment == m_statements->experiments.constEnd()) {
        fail(Error::make(Error::NoSuchExperiment, context + tr(": no experiment %1").arg(experimentId)));
        return {};
    }
    if (experiment->deleted) {
        fail(context + tr(": experiment %1 is deleted").arg(experimentId));
        return {};
    }

    // uuid.uuid4() without its dashes, as MLflow makes the id.
    const QString modelId = QLatin1String("m-") + newUuidHex();
    const qint64 created = timeOr(spec.creationTime);
    SqliteStatement insert(*m_db,
                           "INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, "
                           "creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage, "
                           "model_type, source_run_id, status_message) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8, ?9, ?10)");
    insert.bind(1, modelId);
    insert.bind(2, experimentId);
    insert.bind(3, spec.name);
    insert.bind(
        4, experiment->artifactLocation + QLatin1String("/models/") + modelId + QLatin1String("/artifacts"));
    insert.bind(5, created);
    insert.bind(6, spec.finalizedTime == NoTime ? created : spec.finalizedTime);
    insert.bind(7, qint64(spec.status));
    bindOptional(insert, 8, spec.modelType);
    bindOptional(insert, 9, spec.sourceRunId);
    bindOptional(insert, 10, spec.statusMessage);
    if (!run(insert, context))
        return {};

    SqliteStatement param(*m_db,
                          "INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) "
                          "VALUES (?1, ?2, ?3, ?4)");
    for (const auto &[key, value] : spec.params) {
        param.bind(1, modelId);
        param.bind(2, experimentId);
        param.bind(3, key);
        param.bind(4, value);
        if (!run(param, [&] { return context + tr(", param %1").arg(key); }))
            return {};
    }
    for (const auto &[key, value] : spec.tags)
        setLoggedModelTag(modelId, key, value);
    return hasError() ? QString() : modelId;
}

void StoreBuilder::setLoggedModelTag(const QString &modelId, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot set tag %1 of logged model %2").arg(key, modelId);
    // The tag row repeats the model's experiment, as MLflow's merge writes it.
    SqliteStatement upsert(*m_db,
                           "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) "
                           "SELECT model_id, experiment_id, ?2, ?3 FROM logged_models WHERE model_id = ?1 "
                           "ON CONFLICT (model_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value");
    upsert.bind(1, modelId);
    upsert.bind(2, key);
    upsert.bind(3, value);
    if (run(upsert, context) && sqlite3_changes(m_db->handle()) == 0)
        fail(context + tr(": no such logged model"));
}

void StoreBuilder::logModelOutput(const QString &runId, const QString &modelId, qint64 step)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot log model %1 as output of run %2").arg(modelId, runId);
    SqliteStatement check(*m_db,
                          "SELECT (SELECT lifecycle_stage FROM runs WHERE run_uuid = ?1), "
                          "EXISTS (SELECT 1 FROM logged_models WHERE model_id = ?2)");
    check.bind(1, runId);
    check.bind(2, modelId);
    if (!check.step() || check.isNull(0)) {
        fail(Error::make(Error::NoSuchRun, context + tr(": no such run")));
        return;
    }
    if (check.string(0) != QLatin1String("active")) {
        fail(context + tr(": the run is deleted"));
        return;
    }
    if (check.int64(1) == 0) {
        fail(context + tr(": no such logged model"));
        return;
    }
    SqliteStatement output(*m_db,
                           "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, "
                           "destination_id, step) VALUES (?1, 'RUN_OUTPUT', ?2, 'MODEL_OUTPUT', ?3, ?4)");
    output.bind(1, newUuidHex());
    output.bind(2, runId);
    output.bind(3, modelId);
    output.bind(4, step);
    run(output, context);
}

QString StoreBuilder::loggedModelArtifactLocation(const QString &modelId)
{
    if (!m_statements)
        return {};
    SqliteStatement query(*m_db, "SELECT artifact_location FROM logged_models WHERE model_id = ?1");
    query.bind(1, modelId);
    return query.step() ? query.string(0) : QString();
}

} // namespace Store
