#include "fileregistry.h"

#include "filestore.h"
#include "mlrunsfiles.h"
#include "registryrules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <charconv>
#include <yaml-cpp/yaml.h>

// The file model registry under mlruns/models (format notes §3, §4): a folder per registered model
// with meta.yaml, tags/, aliases/ and version-<N>/ folders. Soft-deleted versions
// (Deleted_Internal) are read only when asked for.

namespace Store {

using namespace Mlruns;
using namespace FileRegistry;

namespace {

KeyValueList sortedTags(int dir, const char *sub)
{
    KeyValues files;
    readKeyFiles(dir, sub, files);
    std::sort(files.begin(), files.end());
    KeyValueList tags;
    for (const auto &[key, value] : files)
        tags.append({QString::fromStdString(key), QString::fromStdString(value)});
    return tags;
}

} // namespace

std::optional<int> FileRegistry::versionNumber(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.remove_suffix(1);
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::optional<ModelFolder> FileRegistry::readModelFolder(int registry, const std::string &name)
{
    const DirFd dir = DirFd::open(registry, name.c_str());
    const auto text = dir.isValid() ? readFile(dir.fd(), "meta.yaml") : std::nullopt;
    QString error;
    const auto meta = text ? parseYaml(*text, &error) : std::nullopt;
    if (!meta)
        return std::nullopt;
    ModelFolder folder;
    RegisteredModel &m = folder.model;
    m.name = yamlQString(*meta, "name");
    if (m.name.isEmpty())
        m.name = QString::fromStdString(name);
    m.description = yamlQString(*meta, "description");
    m.creationTime = yamlTime(*meta, "creation_timestamp");
    m.lastUpdatedTime = yamlTime(*meta, "last_updated_timestamp");
    m.tags = sortedTags(dir.fd(), "tags");
    KeyValues aliases;
    readKeyFiles(dir.fd(), "aliases", aliases);
    for (const auto &[alias, version] : aliases) {
        if (const auto number = versionNumber(version))
            m.aliases.insert(QString::fromStdString(alias), *number);
    }
    for (const DirEntry &e : listDir(dir.fd())) {
        if (!e.isDir || !e.name.starts_with("version-"))
            continue;
        const auto versionText = readFile(dir.fd(), (e.name + "/meta.yaml").c_str());
        const auto versionMeta = versionText ? parseYaml(*versionText, &error) : std::nullopt;
        if (!versionMeta)
            continue;
        const auto number = versionNumber(e.name.substr(8)); // the folder names the version
        if (!number || *number <= 0)
            continue;
        ModelVersion v;
        v.modelName = m.name;
        v.version = *number;
        v.stage = yamlQString(*versionMeta, "current_stage");
        if (v.stage.isEmpty())
            v.stage = QLatin1String(Stages::None);
        v.status = yamlQString(*versionMeta, "status");
        v.statusMessage = yamlQString(*versionMeta, "status_message");
        v.runId = yamlQString(*versionMeta, "run_id");
        v.source = yamlQString(*versionMeta, "source");
        v.runLink = yamlQString(*versionMeta, "run_link");
        v.storageLocation = yamlQString(*versionMeta, "storage_location");
        v.userId = yamlQString(*versionMeta, "user_id");
        v.description = yamlQString(*versionMeta, "description");
        v.creationTime = yamlTime(*versionMeta, "creation_timestamp");
        v.lastUpdatedTime = yamlTime(*versionMeta, "last_updated_timestamp");
        v.tags = sortedTags(dir.fd(), (e.name + "/tags").c_str());
        for (auto it = m.aliases.cbegin(); it != m.aliases.cend(); ++it) {
            if (it.value() == v.version)
                v.aliases.append(it.key()); // QMap: already sorted
        }
        v.loggedModelId = RegistryRules::loggedModelIdOf(v.source);
        folder.versions.append(v);
    }
    std::sort(folder.versions.begin(), folder.versions.end(),
              [](const ModelVersion &a, const ModelVersion &b) { return a.version < b.version; });
    for (const ModelVersion &v : std::as_const(folder.versions)) {
        if (v.stage == QLatin1String(Stages::DeletedInternal))
            continue;
        int &latest = m.latestVersions[v.stage];
        latest = std::max(latest, v.version);
    }
    return folder;
}

bool FileRegistry::isLive(const ModelVersion &v)
{
    return v.stage != QLatin1String(Stages::DeletedInternal);
}

Result<RegisteredModelList> FileStore::registeredModels()
{
    RegisteredModelList models;
    const DirFd registry = DirFd::open(-1, QFile::encodeName(m_path + QStringLiteral("/models")).constData());
    if (!registry.isValid())
        return models; // MLflow creates the folder with the first registered model
    for (const DirEntry &e : listDir(registry.fd())) {
        if (!e.isDir)
            continue;
        if (auto folder = readModelFolder(registry.fd(), e.name))
            models.append(std::move(folder->model));
        else
            warn(tr("Registered model folder %1 has no readable meta.yaml: skipped.")
                     .arg(QDir::toNativeSeparators(m_path + QStringLiteral("/models/"))
                          + QString::fromStdString(e.name)));
    }
    std::sort(models.begin(), models.end(),
              [](const RegisteredModel &a, const RegisteredModel &b) { return a.name < b.name; });
    return models;
}

Result<ModelVersionList> FileStore::modelVersions(const QString &model, ViewType view)
{
    return readVersions(model, {}, view);
}

Result<ModelVersionList> FileStore::modelVersionsOfRun(const QString &runId)
{
    return readVersions({}, runId);
}

Result<ModelVersionList> FileStore::readVersions(const QString &model, const QString &runId,
                                                 ViewType view) const
{
    const auto noSuchModel = [&] {
        return Error::make(
            Error::NoSuchModel,
            tr("Registered model %1 not found in %2.").arg(model, QDir::toNativeSeparators(m_path)));
    };
    ModelVersionList versions;
    const DirFd registry = DirFd::open(-1, QFile::encodeName(m_path + QStringLiteral("/models")).constData());
    if (!model.isEmpty()) {
        if (model.contains(QLatin1Char('/')) || model == QLatin1String(".") || model == QLatin1String(".."))
            return noSuchModel();
        const auto folder
            = registry.isValid() ? readModelFolder(registry.fd(), model.toStdString()) : std::nullopt;
        if (!folder)
            return noSuchModel();
        for (const ModelVersion &v : folder->versions) {
            if (view == ViewType::All || isLive(v) == (view == ViewType::ActiveOnly))
                versions.append(v);
        }
    } else if (registry.isValid()) {
        for (const DirEntry &e : listDir(registry.fd())) {
            const auto folder = e.isDir ? readModelFolder(registry.fd(), e.name) : std::nullopt;
            if (!folder)
                continue;
            for (const ModelVersion &v : folder->versions) {
                if (isLive(v) && v.runId == runId)
                    versions.append(v);
            }
        }
        std::sort(versions.begin(), versions.end(), [](const ModelVersion &a, const ModelVersion &b) {
            return a.modelName != b.modelName ? a.modelName < b.modelName : a.version < b.version;
        });
    }
    // The experiment of each version's run, so that a link to the run can show it.
    QHash<QString, QString> experimentOf;
    for (ModelVersion &v : versions) {
        if (v.runId.isEmpty())
            continue;
        if (!experimentOf.contains(v.runId)) {
            const auto run = findRun(v.runId);
            experimentOf.insert(v.runId, run ? run->second.attributes.experimentId : QString());
        }
        v.runExperimentId = experimentOf.value(v.runId);
    }
    return versions;
}

bool FileRegistry::isFolderName(const QString &name)
{
    return !name.isEmpty() && name != QLatin1String(".") && name != QLatin1String("..")
        && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('%'));
}

} // namespace Store
