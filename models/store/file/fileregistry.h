#pragma once

#include "registrytypes.h"

#include <QList>

#include <optional>
#include <string>
#include <string_view>

// The file model registry as FileStore reads it (fileregistry.cpp) and writes it
// (fileregistrywrite.cpp).
namespace Store::FileRegistry {

// One model folder as read: its meta, aliases and tags, and its versions (live and soft-deleted).
struct ModelFolder
{
    RegisteredModel model;
    QList<ModelVersion> versions; // version ascending, stage Deleted_Internal included
};

// The folder `name` under the registry folder open as `registry`; nullopt when it has no
// readable meta.yaml.
std::optional<ModelFolder> readModelFolder(int registry, const std::string &name);
// A version number as an alias file or a version-<N> folder holds it; nullopt if it is none.
std::optional<int> versionNumber(std::string_view text);
// Not soft-deleted (Deleted_Internal).
bool isLive(const ModelVersion &version);
// Whether a registered model's or an alias's name can be its folder's or file's name (MLflow
// refuses '/' and '%' in model names).
bool isFolderName(const QString &name);

inline constexpr char DefaultWorkspace[] = "default"; // what MLflow >= 3.10 records outside a workspace

} // namespace Store::FileRegistry
