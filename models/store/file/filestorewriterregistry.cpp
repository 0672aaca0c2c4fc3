#include "fileregistry.h"
#include "filestorewriter.h"

namespace Store {

using FileRegistry::isFolderName;

Error FileStoreWriter::writeRegistry()
{
    Result<RegisteredModelList> models = m_source.registeredModels();
    if (!models)
        return models.error().code == Error::NoRegistry ? Error() : models.error();
    for (const RegisteredModel &model : *models) {
        if (isCancelled())
            return cancelled();
        if (Error e = writeRegisteredModel(model); !e.ok())
            return e;
    }
    return {};
}

Error FileStoreWriter::writeRegisteredModel(const RegisteredModel &model)
{
    if (!isFolderName(model.name))
        return Error::make(
            Error::Unsupported,
            tr("The registered model '%1' cannot be a folder of an MLflow file store.").arg(model.name));
    const QString folder = QStringLiteral("models/") + model.name;
    const QString owner = tr("registered model %1").arg(model.name);
    // _save_registered_model_as_meta_file: the entity without tags and latest_versions. Every
    // alias change saves it again, so its aliases are the aliases/ folder's, versions as text.
    PyYamlMapping aliases;
    for (auto it = model.aliases.cbegin(); it != model.aliases.cend(); ++it)
        aliases.string(it.key(), QString::number(it.value()));
    PyYamlMapping meta;
    meta.mapping(QStringLiteral("aliases"), aliases)
        .timeOrNull(QStringLiteral("creation_timestamp"), model.creationTime)
        .null(QStringLiteral("deployment_job_id"))
        .null(QStringLiteral("deployment_job_state"))
        .stringOrNull(QStringLiteral("description"), model.description)
        .timeOrNull(QStringLiteral("last_updated_timestamp"), model.lastUpdatedTime)
        .string(QStringLiteral("name"), model.name)
        .string(QStringLiteral("workspace"), QLatin1String(FileRegistry::DefaultWorkspace));
    if (Error e = writeYaml(folder + QStringLiteral("/meta.yaml"), meta); !e.ok())
        return e;
    for (const auto &[key, value] : model.tags) {
        if (Error e = writeKeyFile(folder + QStringLiteral("/tags"), key, value, owner); !e.ok())
            return e;
    }
    for (auto it = model.aliases.cbegin(); it != model.aliases.cend(); ++it) {
        if (!isFolderName(it.key()))
            return Error::make(Error::Unsupported,
                               tr("The alias '%1' of %2 cannot be a file name in an MLflow file store.")
                                   .arg(it.key(), owner));
        if (Error e
            = writeFile(folder + QStringLiteral("/aliases/") + it.key(), QByteArray::number(it.value()));
            !e.ok())
            return e;
    }
    // Soft-deleted versions too: MLflow's next version number counts them. The file store's
    // delete_model_version keeps a version's data; what a SQL source redacted is written redacted.
    Result<ModelVersionList> versions = m_source.modelVersions(model.name, ViewType::All);
    if (!versions)
        return versions.error();
    for (const ModelVersion &version : *versions) {
        if (Error e = writeModelVersion(folder, version); !e.ok())
            return e;
    }
    return {};
}

Error FileStoreWriter::writeModelVersion(const QString &modelFolder, const ModelVersion &version)
{
    const QString folder = modelFolder + QStringLiteral("/version-") + QString::number(version.version);
    // _save_model_version_as_meta_file: FileModelVersion without tags, metrics, params, aliases.
    PyYamlMapping meta;
    meta.timeOrNull(QStringLiteral("creation_timestamp"), version.creationTime)
        .string(QStringLiteral("current_stage"), version.stage)
        .null(QStringLiteral("deployment_job_state"))
        .stringOrNull(QStringLiteral("description"), version.description)
        .timeOrNull(QStringLiteral("last_updated_timestamp"), version.lastUpdatedTime)
        .stringOrNull(QStringLiteral("model_id"), version.loggedModelId)
        .string(QStringLiteral("name"), version.modelName)
        .stringOrNull(QStringLiteral("run_id"), version.runId)
        .stringOrNull(QStringLiteral("run_link"), version.runLink)
        .stringOrNull(QStringLiteral("source"), locationInStore(version.source))
        .string(QStringLiteral("status"), version.status)
        .stringOrNull(QStringLiteral("status_message"), version.statusMessage)
        .stringOrNull(QStringLiteral("storage_location"), locationInStore(version.storageLocation))
        .stringOrNull(QStringLiteral("user_id"), version.userId)
        .integer(QStringLiteral("version"), version.version)
        .string(QStringLiteral("workspace"), QLatin1String(FileRegistry::DefaultWorkspace));
    if (Error e = writeYaml(folder + QStringLiteral("/meta.yaml"), meta); !e.ok())
        return e;
    const QString owner = tr("version %1 of registered model %2").arg(version.version).arg(version.modelName);
    for (const auto &[key, value] : version.tags) {
        if (Error e = writeKeyFile(folder + QStringLiteral("/tags"), key, value, owner); !e.ok())
            return e;
    }
    return {};
}

} // namespace Store
