#include "sqlitestore.h"

#include <QCoreApplication>

// The model registry of a SQLite store. Not written yet: every call says so.

namespace Store {

namespace {
Error notYet()
{
    return Error::make(Error::Unsupported,
                       QCoreApplication::translate("Store::SqliteStore", "The model registry is not supported yet."));
}
} // namespace

Result<RegisteredModelList> SqliteStore::registeredModels()
{
    return notYet();
}

Result<ModelVersionList> SqliteStore::modelVersions(const QString &)
{
    return notYet();
}

Result<ModelVersionList> SqliteStore::modelVersionsOfRun(const QString &)
{
    return notYet();
}

Error SqliteStore::registryWritability()
{
    return notYet();
}

Result<RegistryWrite> SqliteStore::applyRegistryChange(const RegistryChange &)
{
    return notYet();
}

} // namespace Store
