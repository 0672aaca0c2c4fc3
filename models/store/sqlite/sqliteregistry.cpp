#include "registrysql.h"
#include "sqliteerrors.h"
#include "sqlitesession.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QFileInfo>

// Reading the model registry of a SQLite store: the SQL the SQL backends share (RegistrySql), in
// one read transaction, its failures worded for this file.

namespace Store {

using SqliteErrors::describe;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

} // namespace

Error SqliteStore::noRegistry() const
{
    return Error::make(Error::NoRegistry, tr("No model registry in this store."));
}

Error SqliteStore::noSuchModel(const QString &model) const
{
    return Error::make(
        Error::NoSuchModel,
        tr("Registered model %1 not found in %2.").arg(model, QFileInfo(m_path).absoluteFilePath()));
}

template<typename T> Result<T> SqliteStore::described(Result<T> result) const
{
    if (!result)
        return describe(result.error(), m_path, m_db.busyTimeoutMs());
    return result;
}

Result<RegisteredModelList> SqliteStore::registeredModels()
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    SqliteReadTransaction snapshot(m_db);
    SqliteSession session(m_db);
    return described(RegistrySql::registeredModels(session, m_schema));
}

Result<ModelVersionList> SqliteStore::modelVersions(const QString &model, ViewType view)
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    SqliteReadTransaction snapshot(m_db);
    SqliteSession session(m_db);
    const Result<bool> exists = described(RegistrySql::hasModel(session, m_schema, model));
    if (!exists)
        return exists.error();
    if (!*exists)
        return noSuchModel(model);
    return described(RegistrySql::versionsOfModel(session, m_schema, model, view));
}

Result<ModelVersionList> SqliteStore::modelVersionsOfRun(const QString &runId)
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    SqliteReadTransaction snapshot(m_db);
    SqliteSession session(m_db);
    return described(RegistrySql::versionsOfRun(session, m_schema, runId));
}

} // namespace Store
