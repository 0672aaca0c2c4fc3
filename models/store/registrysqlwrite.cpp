#include "registrychangecheck.h"
#include "registryrules.h"
#include "registrysql.h"

#include <QCoreApplication>

#include <optional>

// Writing the registry: one RegistryChange per transaction, checked against the rows as they are
// inside it, written the way MLflow's SQL store writes (format notes §3), with only the columns
// the store's revision has.

namespace Store::RegistrySql {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

// One change inside its transaction: reads the model's rows, checks that the user's view of
// them still holds, then writes.
class RegistryTransaction
{
public:
    RegistryTransaction(SqlSession &db, const SchemaInfo &schema, const RegistryChange &change, qint64 now)
        : m_db(db), m_schema(schema), m_change(change), m_now(now)
    {
    }

    Error run()
    {
        if (Error e = load(); !e.ok())
            return e;
        if (Error e = RegistryRules::checkStored(m_change, m_stored); !e.ok())
            return e;
        return write();
    }

private:
    QByteArray ws(const char *table) const { return m_schema.inDefaultWorkspace(table, table); }

    // The model's row and live versions; aliases and tags are looked up as the check asks.
    Error load()
    {
        bool found = false;
        Error e = m_db.query("SELECT description FROM registered_models WHERE name = ?1"
                                 + ws("registered_models"),
                             {m_change.model}, [&](const SqlRow &model) {
                                 found = true;
                                 m_stored.description = model.string(0);
                             });
        if (!e.ok())
            return e;
        if (!found) {
            return Error::make(Error::NoSuchModel,
                               tr("Registered Model with name=%1 not found.").arg(m_change.model));
        }
        m_stored.hasAliases = m_schema.hasAliases;
        m_stored.hasRegisteredModelTags = m_schema.hasRegisteredModelTags;
        m_stored.hasModelVersionTags = m_schema.hasModelVersionTags;
        m_stored.aliasVersion = [this](const QString &alias) { return storedAlias(alias); };
        m_stored.tagValue = [this](int version, const QString &key) { return storedTag(version, key); };
        return m_db.query("SELECT version, coalesce(current_stage, 'None'), last_updated_time, description "
                          "FROM model_versions WHERE name = ?1 "
                          "AND coalesce(current_stage, 'None') <> 'Deleted_Internal'"
                              + ws("model_versions"),
                          {m_change.model}, [&](const SqlRow &version) {
                              m_stored.liveVersions[int(version.int64(0))]
                                  = {version.string(1), version.isNull(2) ? NoTime : version.int64(2),
                                     version.string(3)};
                          });
    }

    Result<int> storedAlias(const QString &alias) const
    {
        int stored = 0;
        const Error e
            = m_db.query("SELECT version FROM registered_model_aliases WHERE name = ?1 AND alias = ?2"
                             + ws("registered_model_aliases"),
                         {m_change.model, alias}, [&](const SqlRow &row) { stored = int(row.int64(0)); });
        if (!e.ok())
            return e;
        return stored;
    }

    Result<std::optional<QString>> storedTag(int version, const QString &key) const
    {
        const QByteArray sql = version != 0
            ? "SELECT value FROM model_version_tags WHERE name = ?1 AND \"key\" = ?2 AND version = ?3"
                + ws("model_version_tags")
            : "SELECT value FROM registered_model_tags WHERE name = ?1 AND \"key\" = ?2"
                + ws("registered_model_tags");
        SqlValues values {m_change.model, key};
        if (version != 0)
            values.append(qint64(version));
        std::optional<QString> stored;
        const Error e = m_db.query(sql, values, [&](const SqlRow &row) { stored = row.string(0); });
        if (!e.ok())
            return e;
        return stored;
    }

    Error execute(const QByteArray &sql, const SqlValues &values)
    {
        const Result<qint64> changed = m_db.execute(sql, values);
        return changed ? Error() : changed.error();
    }
    // An UPDATE, else the INSERT of the row it did not find: an upsert whatever the table's keys
    // are at this revision.
    Error upsert(const QByteArray &update, const QByteArray &insert, const SqlValues &values)
    {
        const Result<qint64> changed = m_db.execute(update, values);
        if (!changed)
            return changed.error();
        return *changed > 0 ? Error() : execute(insert, values);
    }
    // The INSERT's columns and values, with workspace 'default' where the table has one.
    QByteArray insertInto(const char *table, const QByteArray &columns, const QByteArray &values) const
    {
        const bool workspace = m_schema.workspaceTables.contains(QLatin1String(table));
        return QByteArray("INSERT INTO ") + table + " (" + columns + (workspace ? ", workspace" : "")
            + ") VALUES (" + values + (workspace ? ", 'default'" : "") + ")";
    }

    Error write()
    {
        const QString &model = m_change.model;
        // A stage change touches the model too; its description's UPDATE below does that itself.
        const bool touchModel = !m_change.stages.isEmpty();
        for (const RegistryChange::StageChange &c : m_change.stages) {
            if (Error e = execute("UPDATE model_versions SET current_stage = ?1, last_updated_time = ?2 "
                                  "WHERE name = ?3 AND version = ?4"
                                      + ws("model_versions"),
                                  {RegistryRules::canonicalStage(c.to), m_now, model, qint64(c.version)});
                !e.ok())
                return e;
        }
        for (const RegistryChange::DescriptionChange &c : m_change.descriptions) {
            Error e = c.version != 0
                ? execute("UPDATE model_versions SET description = ?1, last_updated_time = ?2 "
                          "WHERE name = ?3 AND version = ?4"
                              + ws("model_versions"),
                          {c.to, m_now, model, qint64(c.version)})
                : execute("UPDATE registered_models SET description = ?1, "
                          "last_updated_time = ?2 WHERE name = ?3"
                              + ws("registered_models"),
                          {c.to, m_now, model});
            if (!e.ok())
                return e;
        }
        if (touchModel) {
            if (Error e = execute("UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2"
                                      + ws("registered_models"),
                                  {m_now, model});
                !e.ok())
                return e;
        }
        // Aliases and tags change no time, as in MLflow's SQL store.
        for (const RegistryChange::AliasChange &c : m_change.aliases) {
            const auto aliases = "registered_model_aliases";
            Error e = c.to == 0
                ? execute("DELETE FROM registered_model_aliases WHERE name = ?1 AND alias = ?2" + ws(aliases),
                          {model, c.alias})
                : upsert("UPDATE registered_model_aliases SET version = ?3 WHERE name = ?1 AND alias = ?2"
                             + ws(aliases),
                         insertInto(aliases, "name, alias, version", "?1, ?2, ?3"),
                         {model, c.alias, qint64(c.to)});
            if (!e.ok())
                return e;
        }
        for (const RegistryChange::TagChange &c : m_change.tags) {
            Error e;
            if (c.version != 0) {
                const auto tags = "model_version_tags";
                const QByteArray where = " WHERE name = ?1 AND version = ?2 AND \"key\" = ?3" + ws(tags);
                e = c.to
                    ? upsert("UPDATE model_version_tags SET value = ?4" + where,
                             insertInto(tags, "name, version, \"key\", value", "?1, ?2, ?3, ?4"),
                             {model, qint64(c.version), c.key, *c.to})
                    : execute("DELETE FROM model_version_tags" + where, {model, qint64(c.version), c.key});
            } else {
                const auto tags = "registered_model_tags";
                const QByteArray where = " WHERE name = ?1 AND \"key\" = ?2" + ws(tags);
                e = c.to
                    ? upsert("UPDATE registered_model_tags SET value = ?3" + where,
                             insertInto(tags, "name, \"key\", value", "?1, ?2, ?3"), {model, c.key, *c.to})
                    : execute("DELETE FROM registered_model_tags" + where, {model, c.key});
            }
            if (!e.ok())
                return e;
        }
        return {};
    }

    SqlSession &m_db;
    const SchemaInfo &m_schema;
    const RegistryChange &m_change;
    const qint64 m_now;
    RegistryRules::StoredModel m_stored;
};

} // namespace

Error apply(SqlSession &db, const SchemaInfo &schema, const RegistryChange &change, qint64 now)
{
    return RegistryTransaction(db, schema, change, now).run();
}

bool isVerdict(Error::Code code)
{
    switch (code) {
    case Error::NoSuchModel:
    case Error::NoSuchVersion:
    case Error::Conflict:
    case Error::Refused:
    case Error::InvalidArgument:
        return true;
    default:
        return false;
    }
}

} // namespace Store::RegistrySql
