#include "pgsession.h"
#include "pgstore.h"
#include "registryrules.h"
#include "registrysql.h"

#include <QCoreApplication>
#include <QDateTime>

// The model registry of a PostgreSQL store: the SQL the SQL backends share (RegistrySql). Reads
// run in one REPEATABLE READ snapshot; a change runs in a READ COMMITTED, READ WRITE transaction
// that first locks the model's row, so that two writers of one model take turns and the second
// checks its change against the rows the first committed (a Conflict rather than a lost update).

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::PostgresStore", text);
}

Error readOnly(const QString &why)
{
    return Error::make(Error::ReadOnly,
                       why + QLatin1Char(' ') + tr("The model registry is shown read-only."));
}

} // namespace

Error PostgresStore::noRegistry() const
{
    return Error::make(Error::NoRegistry, tr("No model registry in this store."));
}

template<typename T> Result<T> PostgresStore::readRegistry(const std::function<Result<T>(SqlSession &)> &read)
{
    if (!m_schema.hasRegistry)
        return noRegistry();
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    PgSession session(m_db);
    return read(session);
}

Result<RegisteredModelList> PostgresStore::registeredModels()
{
    return readRegistry<RegisteredModelList>(
        [&](SqlSession &session) { return RegistrySql::registeredModels(session, m_schema); });
}

Result<ModelVersionList> PostgresStore::modelVersions(const QString &model, ViewType view)
{
    return readRegistry<ModelVersionList>([&](SqlSession &session) -> Result<ModelVersionList> {
        const Result<bool> exists = RegistrySql::hasModel(session, m_schema, model);
        if (!exists)
            return exists.error();
        if (!*exists)
            return Error::make(Error::NoSuchModel,
                               tr("Registered model %1 not found in %2.").arg(model, m_location));
        return RegistrySql::versionsOfModel(session, m_schema, model, view);
    });
}

Result<ModelVersionList> PostgresStore::modelVersionsOfRun(const QString &runId)
{
    return readRegistry<ModelVersionList>(
        [&](SqlSession &session) { return RegistrySql::versionsOfRun(session, m_schema, runId); });
}

void PostgresStore::checkWritable(bool writable)
{
    if (!m_schema.hasRegistry) {
        m_writability = noRegistry();
        return;
    }
    if (!writable) {
        m_writability = readOnly(tr("%1 was opened read-only.").arg(m_location));
        return;
    }
    if (!m_schema.isKnownRevision) {
        m_writability
            = readOnly(tr("%1 was written by a newer MLflow (schema revision %2) than Kaizen knows, "
                          "so Kaizen does not write to it.")
                           .arg(m_location, m_schema.revision));
        return;
    }
    // A standby takes no writes; a user may lack the privileges a registry change needs.
    // has_table_privilege() with several privileges asks for any of them: one call each.
    QByteArray privileges = "SELECT pg_is_in_recovery(), current_user";
    for (const char *table : {"registered_models", "model_versions", "registered_model_tags",
                              "model_version_tags", "registered_model_aliases"}) {
        if (!m_schema.tables.contains(QLatin1String(table)))
            continue;
        const bool rowsComeAndGo
            = QByteArrayView(table) != "registered_models" && QByteArrayView(table) != "model_versions";
        for (const char *privilege : {"SELECT", "UPDATE", "INSERT", "DELETE"}) {
            if (!rowsComeAndGo
                && (QByteArrayView(privilege) == "INSERT" || QByteArrayView(privilege) == "DELETE"))
                continue;
            privileges
                += QByteArray(", has_table_privilege(current_user, '") + table + "', '" + privilege + "')";
        }
    }
    const Result<PgResult> answer = m_db.exec(privileges);
    if (!answer) {
        m_writability = readOnly(answer.error().message);
        return;
    }
    if (answer->int64(0, 0)) {
        m_writability = readOnly(tr("%1 is a standby server, which takes no writes.").arg(m_location));
        return;
    }
    for (int column = 2; column < answer->columnCount(); ++column) {
        if (!answer->int64(0, column)) {
            m_writability = readOnly(tr("User %1 may not change the model registry's tables in %2.")
                                         .arg(answer->string(0, 1), m_location));
            return;
        }
    }
    m_writability = {};
}

Result<RegistryWrite> PostgresStore::applyRegistryChange(const RegistryChange &change)
{
    if (!m_writability.ok())
        return m_writability;
    if (Error e = RegistryRules::checkChange(change); !e.ok())
        return e;
    if (Error e = m_db.command("BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE"); !e.ok())
        return e;
    RegistryWrite written;
    written.time = QDateTime::currentMSecsSinceEpoch(); // one `now` for every row the change writes
    PgSession session(m_db);
    Error error = session.query("SELECT 1 FROM registered_models WHERE name = ?1"
                                    + m_schema.inDefaultWorkspace("registered_models", "registered_models")
                                    + " FOR UPDATE",
                                {change.model}, [](const SqlRow &) {});
    if (error.ok())
        error = RegistrySql::apply(session, m_schema, change, written.time);
    if (error.ok())
        error = m_db.command("COMMIT");
    if (error.ok())
        return written;
    m_db.command("ROLLBACK");
    if (RegistrySql::isVerdict(error.code))
        return error;
    if (error.code == Error::Locked) {
        return Error::make(Error::Locked,
                           tr("Another writer held registered model %1 in %2 for longer than %3 s. Nothing "
                              "was changed; try again.")
                               .arg(change.model, m_location)
                               .arg(m_busyTimeoutMs / 1000.0));
    }
    error.message = tr("Nothing was changed: %1").arg(error.message);
    return error;
}

} // namespace Store
