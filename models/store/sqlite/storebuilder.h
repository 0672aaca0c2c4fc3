#pragma once

#include "sqlitehandle.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QCoreApplication>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <memory>
#include <span>
#include <utility>

namespace Store {

using TagList = QList<std::pair<QString, QString>>;

// The specs below are meant for designated initialisers: `builder.addRun({.name = "x"})`;
// every member has a default so that -Wmissing-field-initializers stays quiet.

// What the builder needs to create an experiment. Times left at NoTime take the builder's clock.
struct ExperimentSpec
{
    QString name {};
    qint64 creationTime = NoTime; // also last_update_time
    QString artifactLocation {}; // empty: <artifact root>/<experiment id>, as MLflow does
    QString description {}; // experiment tag mlflow.note.content; empty: no tag
    TagList tags {};
};

// A run with its final state. MLflow creates runs as RUNNING and updates them when they end;
// the builder writes the end state at once.
struct RunSpec
{
    qint64 experimentId = 0;
    QString name {}; // runs.name and tag mlflow.runName, kept in sync
    QString userId {}; // runs.user_id and tag mlflow.user (no tag when empty)
    QString status = QStringLiteral("FINISHED"); // RUNNING, SCHEDULED, FINISHED, FAILED, KILLED
    qint64 startTime = NoTime;
    qint64 endTime = NoTime; // NoTime: NULL, as for a run that has not ended
    QString parentRunId {}; // tag mlflow.parentRunId; empty: a top-level run
    QString note {}; // tag mlflow.note.content (Markdown)
    TagList tags {}; // further tags, e.g. mlflow.source.name
    QString runId {}; // empty: a uuid4 hex from the builder's seeded generator
};

struct DatasetSpec
{
    qint64 experimentId = 0;
    QString name {};
    QString digest {};
    QString sourceType {}; // local, s3, http, code, hugging_face ...
    QString source {}; // JSON
    QString schema {}; // JSON; empty: NULL
    QString profile {}; // JSON; empty: NULL
};

struct RegisteredModelSpec
{
    QString name {};
    qint64 creationTime = NoTime; // also last_updated_time until a version is added
    QString description {}; // empty: NULL
    TagList tags {};
};

struct ModelVersionSpec
{
    QString modelName {};
    // The run's artifact path of the model, or MLflow 3's `models:/m-<id>` (a logged model) or
    // `models:/<name>/<version>` (another version), which MLflow resolves as storage_location.
    QString source {};
    QString runId {}; // empty: NULL, or a logged model's source run for a `models:/m-<id>` source
    QString stage = QStringLiteral("None"); // None, Staging, Production, Archived (any case)
    qint64 creationTime = NoTime; // also last_updated_time, and the model's last_updated_time
    QString userId {};
    QString description {};
    QString runLink {};
    QString storageLocation {}; // empty: resolved from the source as MLflow does
    // READY as MLflow's own stores write it; PENDING_REGISTRATION and FAILED_REGISTRATION come
    // from registries that copy artifacts asynchronously (with a status message on failure).
    QString status = QStringLiteral("READY");
    QString statusMessage {}; // empty: NULL
    TagList tags {};
};

// MLflow 3's LoggedModelStatus, stored as its number.
enum class LoggedModelStatus { Unspecified = 0, Pending = 1, Ready = 2, UploadFailed = 3 };

// A logged model (MLflow 3): what mlflow.<flavor>.log_model() creates beside a run's artifacts.
struct LoggedModelSpec
{
    QString sourceRunId {}; // the run that logged it; empty: NULL
    qint64 experimentId = -1; // -1: the source run's experiment
    QString name {}; // e.g. "model"
    QString modelType {}; // empty: NULL
    // MLflow creates it PENDING and finalises it READY (or UPLOAD_FAILED) once its files are up.
    LoggedModelStatus status = LoggedModelStatus::Ready;
    QString statusMessage {}; // empty: NULL
    qint64 creationTime = NoTime;
    qint64 finalizedTime = NoTime; // last_updated_timestamp_ms; NoTime: the creation time
    TagList params {};
    TagList tags {};
};

// Writes a NEW MLflow SQLite store with MLflow's exact schema at revision c9d4e5f6a7b8
// (MLflow 3.9), filled the way MLflow's SQL store would fill it.
//
// The whole build is one transaction: nothing is visible until finish() commits, and a builder
// destroyed without finish() rolls back and removes the file. Errors are sticky: the first failure
// is kept, later calls do nothing, and error()/finish() report it, so callers can add many rows
// and check once.
class StoreBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Store::StoreBuilder)

public:
    static constexpr char Revision[] = "c9d4e5f6a7b8";

    struct Options
    {
        QString artifactRoot; // empty: <absolute dir of the db>/mlruns, as MLflow >= 3.7 does
        qint64 now = NoTime; // the builder's clock (Default experiment, NoTime fields); NoTime: now
        quint32 seed = 1; // ids (runs, datasets, inputs) are a function of the seed
        // Builds the secondary run_uuid indexes of params, tags, metrics and latest_metrics in
        // finish() instead of row by row: much faster for large stores. Same schema, but those
        // four indexes come last in sqlite_master.
        bool deferIndexes = false;
    };

    // Creates `path` (refuses an existing file), writes the schema, the alembic_version row and
    // the Default experiment (id 0), and opens the build transaction.
    static Result<std::unique_ptr<StoreBuilder>> create(const QString &path, const Options &options);
    static Result<std::unique_ptr<StoreBuilder>> create(const QString &path)
    {
        return create(path, Options());
    }
    ~StoreBuilder();
    StoreBuilder(const StoreBuilder &) = delete;
    StoreBuilder &operator=(const StoreBuilder &) = delete;

    QString path() const { return m_path; }
    QString artifactRoot() const { return m_artifactRoot; }
    qint64 now() const { return m_now; }
    const Error &error() const { return m_error; }
    bool hasError() const { return !m_error.ok(); }
    // Commits and closes. Returns the first error of the build instead if there was one.
    Error finish();

    // Tracking. Ids: experiments are numbered 1, 2, ... after Default; runs get uuid4 hex ids.
    // Returns -1 on error.
    qint64 addExperiment(const ExperimentSpec &spec);
    void setExperimentTag(qint64 experimentId, const QString &key, const QString &value);
    // Like MLflow: the experiment and every run in it become deleted (runs get deleted_time).
    void deleteExperiment(qint64 experimentId, qint64 time);
    QString experimentArtifactLocation(qint64 experimentId);

    // Returns the run id, empty on error.
    QString addRun(const RunSpec &spec);
    // MLflow's update_run_info: a run ends with a status and an end time.
    void updateRun(const QString &runId, const QString &status, qint64 endTime);
    void deleteRun(const QString &runId, qint64 time);
    QString runArtifactUri(const QString &runId); // <experiment artifact_location>/<run id>/artifacts
    // Params are write-once: the same value again is a no-op, another value an error.
    void logParam(const QString &runId, const QString &key, const QString &value);
    // Upsert; the tag mlflow.runName also renames the run.
    void setTag(const QString &runId, const QString &key, const QString &value);
    // One history row (exact duplicates dropped like MLflow); NaN and +/-inf are sanitised and
    // latest_metrics keeps the largest (step, timestamp, value).
    void logMetric(const QString &runId, const QString &key, double value, qint64 timestamp, qint64 step = 0);
    // A whole history at once, row for row what logMetric() would write for each point in turn,
    // with one latest_metrics update: for large synthetic stores. The spans have one size.
    void logMetricHistory(const QString &runId, const QString &key, std::span<const qint64> steps,
                          std::span<const qint64> timestamps, std::span<const double> values);

    // Datasets: one row per (experiment, name, digest); returns its dataset_uuid (empty on error).
    QString addDataset(const DatasetSpec &spec);
    // The run used the dataset; `context` (training, validation, eval ...) becomes the input tag
    // mlflow.data.context when not empty. Logging the same edge again is a no-op.
    void logInput(const QString &runId, const QString &datasetUuid, const QString &context,
                  const TagList &tags = {});

    // Model registry.
    void addRegisteredModel(const RegisteredModelSpec &spec);
    void setRegisteredModelTag(const QString &name, const QString &key, const QString &value);
    // Returns the new version number (max + 1 per model), -1 on error.
    int addModelVersion(const ModelVersionSpec &spec);
    void setModelVersionTag(const QString &name, int version, const QString &key, const QString &value);
    // MLflow's transition_model_version_stage, including archive_existing_versions.
    void transitionStage(const QString &name, int version, const QString &stage, qint64 time,
                         bool archiveExistingVersions = false);
    // Upsert: moves an existing alias. The version must exist.
    void setAlias(const QString &name, const QString &alias, int version);
    // Removes the alias if the model has it (MLflow: no error when it does not).
    void deleteAlias(const QString &name, const QString &alias);
    // MLflow's delete_model_version, a soft delete: stage Deleted_Internal, source, run_id and
    // run_link redacted, description, user_id and status_message NULL, the aliases pointing at it
    // deleted, its tags kept; the version's and the model's last_updated_time = `time`.
    void deleteModelVersion(const QString &name, int version, qint64 time);
    // MLflow's update_registered_model / update_model_version: the description (empty: NULL) and
    // that entity's last_updated_time (a version's description leaves the model's time alone).
    void setRegisteredModelDescription(const QString &name, const QString &description, qint64 time);
    void setModelVersionDescription(const QString &name, int version, const QString &description,
                                    qint64 time);

    // Logged models (MLflow 3). Returns the model id, "m-" + 32 hex digits from the builder's
    // seeded generator, empty on error. Its artifact_location is
    // <experiment artifact_location>/models/<model id>/artifacts.
    QString addLoggedModel(const LoggedModelSpec &spec);
    void setLoggedModelTag(const QString &modelId, const QString &key, const QString &value);
    // MLflow's log_outputs: the run produced the model (an inputs row RUN_OUTPUT -> MODEL_OUTPUT).
    void logModelOutput(const QString &runId, const QString &modelId, qint64 step = 0);
    QString loggedModelArtifactLocation(const QString &modelId); // empty if there is no such model

    // MLflow's spelling of a stage ("staging" -> "Staging"); empty if it is not a stage.
    static QString canonicalStage(const QString &stage);
    // What MLflow stores for a logged metric value: (value, is_nan).
    static std::pair<double, bool> sanitizeMetricValue(double value);

private:
    struct Statements;
    StoreBuilder();
    Error initialize(const Options &options);
    bool canWrite(); // false after an error or finish()
    bool fail(const QString &context);
    bool fail(Error error);
    bool run(SqliteStatement &statement, const QString &context);
    // For the hot paths: the message is only built on failure.
    template<typename Describe> bool run(SqliteStatement &statement, const Describe &describe);
    void insertTag(const QString &runId, const QString &key, const QString &value);
    qint64 timeOr(qint64 time) const { return time == NoTime ? m_now : time; }
    QString newUuidHex();
    // The storage_location and run_id MLflow's create_model_version derives from a `models:/`
    // source; false (after fail()) when it names nothing.
    bool resolveModelsUri(const QString &source, QString &storageLocation, QString &runId,
                          const QString &context);
    bool touchRegisteredModel(const QString &name, qint64 time, const QString &context);

    QString m_path;
    QString m_artifactRoot;
    qint64 m_now = 0;
    QRandomGenerator m_random;
    std::unique_ptr<SqliteConnection> m_db; // reset to close before removing a failed file
    std::unique_ptr<Statements> m_statements;
    QList<QByteArray> m_deferredIndexes; // CREATE INDEX statements run by finish()
    Error m_error;
    bool m_inTransaction = false;
    bool m_finished = false;
};

} // namespace Store
