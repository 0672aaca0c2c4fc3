#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// Turns a user's registry request into the Store::RegistryChange a store applies, following
// MLflow's SQL store (../shared/docs/mlflow-format.md §3), or into the error MLflow would give,
// with MLflow's message where it has one:
// - Refused: an unknown stage, archiving into a stage that is not Staging or Production, a
//   name or value the rules refuse (RegistryRules: reserved aliases, over-long tags ...);
// - NoSuchVersion: the version is not one of the model's live versions;
// - InvalidArgument: no model, or an alias or tag to delete that does not exist (MLflow would
//   do nothing; Kaizen says so rather than record an empty change).
// The planner works on the versions the user saw; `seen` records them, so that the store refuses
// the change (Conflict) if another process changed them meanwhile.
class RegistryPlanner
{
    Q_DECLARE_TR_FUNCTIONS(RegistryPlanner)
public:
    // `versions`: the model's live versions, as modelVersions() listed them.
    RegistryPlanner(Store::RegisteredModel model, Store::ModelVersionList versions);

    // MLflow's transition_model_version_stage: `stage` in any case; with archiveExistingVersions
    // (Staging and Production only) every other version in that stage goes to Archived. Moving a
    // version to the stage it is in is allowed (MLflow then only updates times).
    Store::Result<Store::RegistryChange> transition(int version, const QString &stage,
                                                    bool archiveExistingVersions = false) const;
    // Points `alias` at `version`, moving it if another version has it.
    Store::Result<Store::RegistryChange> setAlias(const QString &alias, int version) const;
    Store::Result<Store::RegistryChange> deleteAlias(const QString &alias) const;
    // Tags and descriptions of a version, or of the registered model when `version` is 0.
    Store::Result<Store::RegistryChange> setTag(int version, const QString &key, const QString &value) const;
    Store::Result<Store::RegistryChange> deleteTag(int version, const QString &key) const;
    Store::Result<Store::RegistryChange> setDescription(int version, const QString &description) const;

    // What a confirmation dialog shows: one line per part of `change`, e.g.
    // "Version 3: None → Production", "Versions 1 and 2: Production → Archived",
    // "Alias champion: version 2 → version 3", "Tag team on the model: risk → fraud",
    // "Description of version 3: changed".
    static QStringList describeChange(const Store::RegistryChange &change);

private:
    const Store::ModelVersion *findVersion(int version) const;
    enum class Target { Version, VersionOrModel }; // VersionOrModel: 0 is the model itself
    // Ok, or NoSuchVersion (InvalidArgument without a model).
    Store::Error checkVersion(int version, Target target) const;
    Store::RegistryChange newChange(const QString &summary) const;
    int aliasVersion(const QString &alias) const; // 0: no such alias
    std::optional<QString> tagValue(int version, const QString &key) const;

    Store::RegisteredModel m_model;
    Store::ModelVersionList m_versions;
};
