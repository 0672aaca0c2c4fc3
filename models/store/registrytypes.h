#pragma once

#include "storetypes.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Store {

// The model registry as MLflow keeps it (../shared/docs/mlflow-format.md §1.4 and §3). Times are
// ms since the epoch like everywhere in Store; versions are MLflow's integers (1, 2, 3 ... per
// model, never reused).

namespace Stages {
inline constexpr char None[] = "None";
inline constexpr char Staging[] = "Staging";
inline constexpr char Production[] = "Production";
inline constexpr char Archived[] = "Archived";
inline constexpr char DeletedInternal[] = "Deleted_Internal"; // soft-deleted: never shown
} // namespace Stages

// The four stages a user sees, in lane order.
inline QStringList registryStages()
{
    return {QLatin1String(Stages::None), QLatin1String(Stages::Staging), QLatin1String(Stages::Production),
            QLatin1String(Stages::Archived)};
}

struct RegisteredModel
{
    QString name;
    QString description; // Markdown; empty when NULL
    qint64 creationTime = NoTime;
    qint64 lastUpdatedTime = NoTime;
    QMap<QString, int> latestVersions; // stage -> the highest version in it (live versions only)
    QMap<QString, int> aliases; // alias -> version
    KeyValueList tags;
};
using RegisteredModelList = QList<RegisteredModel>; // by name

struct ModelVersion
{
    QString modelName;
    int version = 0;
    QString stage; // None, Staging, Production, Archived; Deleted_Internal when soft-deleted
    QString status; // READY, PENDING_REGISTRATION, FAILED_REGISTRATION
    QString statusMessage;
    QString runId; // empty when NULL
    QString runExperimentId; // the experiment of runId, empty when the store does not hold the run
    QString source; // runs:/<run>/model, models:/m-<id>, an artifact URI
    QString runLink;
    QString storageLocation;
    QString userId;
    QString description;
    qint64 creationTime = NoTime;
    qint64 lastUpdatedTime = NoTime;
    QStringList aliases; // sorted
    KeyValueList tags;
    // MLflow 3: the logged model a `models:/m-...` source points at, and its source run.
    QString loggedModelId;
    QString loggedModelName;
    QString loggedModelRunId;
};
using ModelVersionList = QList<ModelVersion>; // version ascending

// One registry change the user asked for, as the rows it touches: every part carries the value
// the user saw (`from`) and the value to write (`to`). A store applies a change in one
// transaction after checking that each `from` still holds, and that the model's versions are
// still in the stages and at the times of `seen` (when given); otherwise nothing is written
// (Error::Conflict). Undo is the same change with `from` and `to` swapped (inverted(), which
// leaves `seen` empty: the `from` checks guard the rows an undo touches).
//
// Times follow MLflow's SQL store: a version whose stage or description changes, and the model
// when a stage or its description changes, get last_updated_time = now (one timestamp for the
// whole change); aliases and tags change no time.
struct RegistryChange
{
    struct StageChange
    {
        int version = 0;
        QString from, to;
    };
    struct AliasChange
    {
        QString alias;
        int from = 0, to = 0; // 0: no such alias (to 0 deletes it)
    };
    struct TagChange
    {
        int version = 0; // 0: a tag of the registered model
        QString key;
        std::optional<QString> from, to; // nullopt: no such tag (to nullopt deletes it)
    };
    struct DescriptionChange
    {
        int version = 0; // 0: the registered model's description
        QString from, to;
    };
    struct SeenVersion
    {
        int version = 0;
        QString stage;
        qint64 lastUpdatedTime = NoTime;
    };

    QString model;
    QString summary; // one line for the undo stack and the activity log, e.g. "Version 3 to Production"
    QList<SeenVersion> seen; // the model's live versions as the user saw them; empty: no check
    QList<StageChange> stages;
    QList<AliasChange> aliases;
    QList<TagChange> tags;
    QList<DescriptionChange> descriptions;

    bool isEmpty() const
    {
        return stages.isEmpty() && aliases.isEmpty() && tags.isEmpty() && descriptions.isEmpty();
    }
    RegistryChange inverted() const;
};

// What a store wrote for a change.
struct RegistryWrite
{
    qint64 time = NoTime; // the one `now` written as last_updated_time
    int retries = 0; // how often a busy store made the write start again
};

} // namespace Store
