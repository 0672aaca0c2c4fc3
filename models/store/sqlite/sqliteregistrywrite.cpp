#include "registrychangecheck.h"
#include "registryrules.h"
#include "sqliteerrors.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <variant>
#ifdef Q_OS_UNIX
#include <cerrno>
#include <unistd.h>
#endif

// Writing the model registry of a SQLite store: one RegistryChange per transaction, checked
// against the rows as they are inside it, written the way MLflow's SQL store writes (format
// notes §3), with only the columns the store's revision has.

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::SqliteStore", text);
}

QString displayPath(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

// Why the OS would refuse SQLite's writes, empty if it would not. SQLite's own verdict comes
// later (opening read-write, writing); this one names the cause. As root, permission bits do
// not stop writes, and access() says so.
QString unwritableReason(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
#ifdef Q_OS_UNIX
    if (::access(QFile::encodeName(path).constData(), W_OK) != 0)
        return tr("%1 cannot be written (%2).").arg(displayPath(path), qt_error_string(errno));
    // SQLite creates its journal beside the file.
    if (::access(QFile::encodeName(folder).constData(), W_OK) != 0) {
        return tr("The folder of %1 cannot be written (%2), and SQLite keeps its journal there.")
            .arg(displayPath(path), qt_error_string(errno));
    }
#else
    if (!QFileInfo(path).isWritable())
        return tr("%1 cannot be written.").arg(displayPath(path));
    if (!QFileInfo(folder).isWritable())
        return tr("The folder of %1 cannot be written, and SQLite keeps its journal there.")
            .arg(displayPath(path));
#endif
    return {};
}

Error readOnly(const QString &why)
{
    return Error::make(Error::ReadOnly,
                       why + QLatin1Char(' ') + tr("The model registry is shown read-only."));
}

// One change inside its transaction: reads the model's rows, checks that the user's view of
// them still holds, then writes.
class RegistryTransaction
{
public:
    RegistryTransaction(SqliteConnection &db, const SchemaInfo &schema, const RegistryChange &change,
                        qint64 now)
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
    static std::optional<qint64> optionalTime(const SqliteStatement &s, int column)
    {
        return s.isNull(column) ? std::nullopt : std::optional<qint64>(s.int64(column));
    }

    // The model's row and live versions; aliases and tags are looked up as the check asks.
    Error load()
    {
        SqliteStatement model(
            m_db, "SELECT description FROM registered_models WHERE name = ?1" + ws("registered_models"));
        model.bind(1, m_change.model);
        if (!model.step()) {
            if (Error e = model.isValid() ? model.error() : m_db.lastError(); !e.ok())
                return e;
            return Error::make(Error::NoSuchModel,
                               tr("Registered Model with name=%1 not found.").arg(m_change.model));
        }
        m_stored.description = model.string(0);
        m_stored.hasAliases = m_schema.hasAliases;
        m_stored.hasRegisteredModelTags = m_schema.hasRegisteredModelTags;
        m_stored.hasModelVersionTags = m_schema.hasModelVersionTags;
        m_stored.aliasVersion = [this](const QString &alias) { return storedAlias(alias); };
        m_stored.tagValue = [this](int version, const QString &key) { return storedTag(version, key); };

        SqliteStatement versions(
            m_db,
            "SELECT version, coalesce(current_stage, 'None'), last_updated_time, description "
            "FROM model_versions WHERE name = ?1 "
            "AND coalesce(current_stage, 'None') <> 'Deleted_Internal'"
                + ws("model_versions"));
        versions.bind(1, m_change.model);
        while (versions.step()) {
            m_stored.liveVersions[int(versions.int64(0))]
                = {versions.string(1), optionalTime(versions, 2).value_or(NoTime), versions.string(3)};
        }
        return versions.isValid() ? versions.error() : m_db.lastError();
    }

    Result<int> storedAlias(const QString &alias) const
    {
        SqliteStatement row(m_db,
                            "SELECT version FROM registered_model_aliases WHERE name = ?1 AND alias = ?2"
                                + ws("registered_model_aliases"));
        row.bind(1, m_change.model);
        row.bind(2, alias);
        const int stored = row.step() ? int(row.int64(0)) : 0;
        if (Error e = row.isValid() ? row.error() : m_db.lastError(); !e.ok())
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
        SqliteStatement tag(m_db, sql);
        tag.bind(1, m_change.model);
        tag.bind(2, key);
        if (version != 0)
            tag.bind(3, qint64(version));
        const std::optional<QString> stored
            = tag.step() ? std::optional<QString>(tag.string(0)) : std::nullopt;
        if (Error e = tag.isValid() ? tag.error() : m_db.lastError(); !e.ok())
            return e;
        return stored;
    }

    Error execute(const QByteArray &sql, const QList<std::variant<QString, qint64>> &values)
    {
        SqliteStatement statement(m_db, sql);
        if (!statement.isValid())
            return statement.error();
        for (int i = 0; i < values.size(); ++i) {
            if (const auto *text = std::get_if<QString>(&values[i]))
                statement.bind(i + 1, *text);
            else
                statement.bind(i + 1, std::get<qint64>(values[i]));
        }
        return statement.execute();
    }
    // An UPDATE, else the INSERT of the row it did not find: an upsert whatever the table's keys
    // are at this revision.
    Error upsert(const QByteArray &update, const QByteArray &insert,
                 const QList<std::variant<QString, qint64>> &values)
    {
        if (Error e = execute(update, values); !e.ok() || m_db.changes() > 0)
            return e;
        return execute(insert, values);
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

    SqliteConnection &m_db;
    const SchemaInfo &m_schema;
    const RegistryChange &m_change;
    const qint64 m_now;
    RegistryRules::StoredModel m_stored;
};

// Errors a change's own checks return (they carry their message); the rest are SQLite's.
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

} // namespace

void SqliteStore::openWriter(bool writable)
{
    const QString shown = displayPath(m_path);
    if (!m_schema.hasRegistry) {
        m_writability = noRegistry();
        return;
    }
    if (!writable) {
        m_writability = readOnly(tr("%1 was opened read-only.").arg(shown));
        return;
    }
    if (!m_schema.isKnownRevision) {
        m_writability
            = readOnly(tr("%1 was written by a newer MLflow (schema revision %2) than Kaizen knows, so "
                          "Kaizen does not write to it.")
                           .arg(shown, m_schema.revision));
        return;
    }
    if (const QString why = unwritableReason(m_path); !why.isEmpty()) {
        m_writability = readOnly(why);
        return;
    }
    // Busy timeout 0: execWhileBusy() does the waiting, so that it can count the retries.
    auto writer = std::make_unique<SqliteConnection>();
    if (Error e = writer->open(m_path, SqliteConnection::Mode::ReadWrite, 0); !e.ok()) {
        m_writability = readOnly(tr("SQLite cannot open %1 for writing (%2).").arg(shown, e.message));
        return;
    }
    if (sqlite3_db_readonly(writer->handle(), "main") != 0) {
        m_writability = readOnly(tr("SQLite can open %1 only read-only.").arg(shown));
        return;
    }
    // As MLflow's sessions do; outside a transaction, where the pragma takes effect.
    if (Error e = writer->exec("PRAGMA foreign_keys = ON"); !e.ok()) {
        m_writability = readOnly(tr("SQLite cannot prepare %1 for writing (%2).").arg(shown, e.message));
        return;
    }
    m_writer = std::move(writer);
    m_writability = {};
}

Error SqliteStore::execWhileBusy(const char *sql, int *retries)
{
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + milliseconds(m_db.busyTimeoutMs());
    steady_clock::duration pause = milliseconds(2);
    for (;;) {
        Error e = m_writer->exec(sql);
        const auto now = steady_clock::now();
        if (e.code != Error::Locked || now >= deadline)
            return e;
        ++*retries;
        // The last try comes at the deadline, so a busy store is given the whole timeout.
        std::this_thread::sleep_for(std::min(pause, deadline - now));
        pause = std::min(pause * 2, steady_clock::duration(milliseconds(50)));
    }
}

Result<RegistryWrite> SqliteStore::applyRegistryChange(const RegistryChange &change)
{
    if (!m_writability.ok())
        return m_writability;
    if (Error e = RegistryRules::checkChange(change); !e.ok())
        return e;

    RegistryWrite written;
    const int timeout = m_db.busyTimeoutMs();
    if (Error e = execWhileBusy("BEGIN IMMEDIATE", &written.retries); !e.ok())
        return SqliteErrors::describeWrite(e, m_path, timeout);
    written.time = QDateTime::currentMSecsSinceEpoch(); // one `now` for every row the change writes
    Error error = RegistryTransaction(*m_writer, m_schema, change, written.time).run();
    if (error.ok())
        error = execWhileBusy("COMMIT", &written.retries);
    if (error.ok())
        return written;

    // SQLite found it cannot write after all (a read-only mount, a folder it cannot create its
    // journal in): say so from now on.
    const int code = m_writer->lastResultCode() & 0xff;
    if (!isVerdict(error.code) && (code == SQLITE_READONLY || code == SQLITE_CANTOPEN)) {
        error.code = Error::ReadOnly;
        m_writability
            = readOnly(tr("SQLite cannot write to %1 (%2).").arg(displayPath(m_path), error.message));
    }
    m_writer->exec("ROLLBACK");
    return isVerdict(error.code) ? error : SqliteErrors::describeWrite(error, m_path, timeout);
}

} // namespace Store
