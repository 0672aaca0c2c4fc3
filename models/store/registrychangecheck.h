#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QString>

#include <functional>
#include <map>
#include <optional>

// How every backend checks a RegistryChange against its store (format notes §3), so that SQLite
// and the file store refuse the same changes with the same messages: after MLflow's rules
// (RegistryRules::checkChange()), inside the backend's transaction, the user's view against what
// is stored.
namespace Store::RegistryRules {

// What a backend found stored for the change's model, read inside its transaction.
struct StoredModel
{
    struct Version
    {
        QString stage;
        qint64 lastUpdatedTime = NoTime;
        QString description;
    };
    QString description; // the model's
    std::map<int, Version> liveVersions; // never Deleted_Internal
    // What the store's MLflow holds (an old SQLite schema lacks them).
    bool hasAliases = true;
    bool hasRegisteredModelTags = true;
    bool hasModelVersionTags = true;
    // The version an alias points to (0: none) and a tag's value (nullopt: none; version 0: a
    // tag of the model), asked only for the parts that need them.
    std::function<Result<int>(const QString &alias)> aliasVersion;
    std::function<Result<std::optional<QString>>(int version, const QString &key)> tagValue;
};

// The seen versions, then every part's `from`, and the versions the parts need: ok, or why
// nothing may be written (Conflict, NoSuchVersion, Refused, or an error reading the store).
Error checkStored(const RegistryChange &change, const StoredModel &stored);

} // namespace Store::RegistryRules
