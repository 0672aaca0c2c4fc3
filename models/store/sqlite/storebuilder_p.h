#pragma once

// StoreBuilder's internals, shared by the files that implement it (storebuilder*.cpp).

#include "storebuilder.h"

#include <QHash>

namespace Store {

// Prepared once per build and reused for every row.
struct StoreBuilder::Statements
{
    explicit Statements(const SqliteConnection &db)
        : insertExperiment(
            db,
            "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, "
            "last_update_time) VALUES (?1, NULL, 'active', ?2, ?2)"),
          setExperimentLocation(db, "UPDATE experiments SET artifact_location = ?1 WHERE experiment_id = ?2"),
          upsertExperimentTag(
              db,
              "INSERT INTO experiment_tags (\"key\", value, experiment_id) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (\"key\", experiment_id) DO UPDATE SET value = excluded.value"),
          deleteExperiment(db,
                           "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ?1 "
                           "WHERE experiment_id = ?2"),
          deleteExperimentRuns(db,
                               "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?1 "
                               "WHERE experiment_id = ?2"),
          // As MLflow's SQL store: source_type UNKNOWN and '' in the legacy source columns.
          insertRun(db,
                    "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
                    "status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, "
                    "experiment_id, deleted_time) "
                    "VALUES (?1, ?2, 'UNKNOWN', '', '', ?3, ?4, ?5, ?6, '', 'active', ?7, ?8, NULL)"),
          deleteRun(db, "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?1 WHERE run_uuid = ?2"),
          renameRun(db, "UPDATE runs SET name = ?1 WHERE run_uuid = ?2"),
          runArtifactUri(db, "SELECT artifact_uri FROM runs WHERE run_uuid = ?1"),
          upsertTag(db,
                    "INSERT INTO tags (\"key\", value, run_uuid) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value"),
          insertParam(
              db, "INSERT INTO params (\"key\", value, run_uuid) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"),
          selectParam(db, "SELECT value FROM params WHERE \"key\" = ?1 AND run_uuid = ?2"),
          // An exact duplicate (same key, timestamp, step, run, value, is_nan) is dropped, as MLflow does.
          insertMetric(db,
                       "INSERT INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING"),
          // MLflow's rule (format notes 2.5): the larger (step, timestamp, value) wins, ties keep the row.
          upsertLatestMetric(db,
                             "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) "
                             "VALUES (?1, ?2, ?3, ?5, ?6, ?4) "
                             "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value, "
                             "timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan "
                             "WHERE (excluded.step, excluded.timestamp, excluded.value) "
                             "> (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)")
    {
    }

    SqliteStatement insertExperiment;
    SqliteStatement setExperimentLocation;
    SqliteStatement upsertExperimentTag;
    SqliteStatement deleteExperiment;
    SqliteStatement deleteExperimentRuns;
    SqliteStatement insertRun;
    SqliteStatement deleteRun;
    SqliteStatement renameRun;
    SqliteStatement runArtifactUri;
    SqliteStatement upsertTag;
    SqliteStatement insertParam;
    SqliteStatement selectParam;
    SqliteStatement insertMetric;
    SqliteStatement upsertLatestMetric;

    struct ExperimentState
    {
        QString artifactLocation;
        bool deleted = false;
    };
    QHash<qint64, ExperimentState> experiments; // few, looked up for every run

    const SqliteStatement *firstInvalid() const
    {
        for (const SqliteStatement *s :
             {&insertExperiment, &setExperimentLocation, &upsertExperimentTag, &deleteExperiment,
              &deleteExperimentRuns, &insertRun, &deleteRun, &renameRun, &runArtifactUri, &upsertTag,
              &insertParam, &selectParam, &insertMetric, &upsertLatestMetric}) {
            if (!s->isValid())
                return s;
        }
        return nullptr;
    }
};

// NULL for an empty text, as MLflow leaves optional columns.
inline void bindOptional(SqliteStatement &statement, int index, const QString &value)
{
    if (value.isEmpty())
        statement.bindNull(index);
    else
        statement.bind(index, value);
}

// In this header so that each file of the builder can instantiate it.
template<typename Describe> bool StoreBuilder::run(SqliteStatement &statement, const Describe &describe)
{
    Error error = statement.execute();
    if (error.ok())
        return true;
    error.message = describe() + QLatin1String(": ") + error.message;
    return fail(error);
}

} // namespace Store
