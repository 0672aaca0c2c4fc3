#include "pgconnection.h"
#include "postgresimport.h"
#include "sqlitehandle.h"
#include "storelocation.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <cmath>

// Copying a SQLite store into PostgreSQL: COPY per table, parents before the tables whose
// foreign keys point at them, the columns both schemas have, in one transaction.

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::PostgresStore", text);
}

// A value in COPY's text format: \N for NULL, backslash escapes for the characters it reserves.
void appendValue(QByteArray &out, const SqliteStatement &row, int column)
{
    if (row.isNull(column)) {
        out += "\\N";
    } else if (row.isInteger(column)) {
        out += QByteArray::number(row.int64(column));
    } else if (row.isReal(column)) {
        const double value = row.real(column);
        if (std::isinf(value))
            out += value > 0 ? "Infinity" : "-Infinity";
        else
            out += QByteArray::number(value, 'g', 17);
    } else {
        for (const char c : row.text(column)) {
            switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
            }
        }
    }
}

class Importer
{
public:
    Importer(SqliteConnection &source, PgConnection &target) : m_source(source), m_target(target) { }

    Error run()
    {
        if (Error e = readCatalogues(); !e.ok())
            return e;
        if (Error e = clearFreshDatabase(); !e.ok())
            return e;
        for (const QString &table : tablesInOrder()) {
            if (Error e = copyTable(table); !e.ok())
                return e;
        }
        if (m_targetColumns.contains(QStringLiteral("latest_metrics"))
            && !m_sourceTables.contains(QStringLiteral("latest_metrics"))) {
            // MLflow's migration 89d4b8295536: the row with the largest (step, timestamp, value).
            if (Error e = m_target.command(
                    "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) "
                    "SELECT DISTINCT ON (run_uuid, key) key, value, timestamp, step, is_nan, "
                    "run_uuid FROM metrics ORDER BY run_uuid, key, step DESC, timestamp DESC, "
                    "value DESC");
                !e.ok())
                return e;
        }
        // Sequences continue after the ids copied (experiments_experiment_id_seq).
        const Result<PgResult> sequences
            = m_target.exec("SELECT table_name, column_name, pg_get_serial_sequence(table_name, column_name) "
                            "FROM information_schema.columns WHERE table_schema = current_schema() "
                            "AND column_default LIKE 'nextval(%'");
        if (!sequences)
            return sequences.error();
        for (int row = 0; row < sequences->rowCount(); ++row) {
            if (sequences->isNull(row, 2))
                continue;
            const QByteArray table = sequences->string(row, 0).toUtf8();
            const QByteArray column = sequences->string(row, 1).toUtf8();
            if (Error e = m_target.command("SELECT setval('" + sequences->string(row, 2).toUtf8()
                                           + "', coalesce(max(" + column + "), 0) + 1, false) FROM " + table);
                !e.ok())
                return e;
        }
        return {};
    }

private:
    Error readCatalogues()
    {
        SqliteStatement tables(
            m_source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (tables.step())
            m_sourceTables.insert(tables.string(0));
        if (Error e = tables.isValid() ? tables.error() : m_source.lastError(); !e.ok())
            return e;
        // Generated columns (spans.duration_ns) take no values.
        const Result<PgResult> columns = m_target.exec(
            "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 "
            "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY c.relname, a.attnum");
        if (!columns)
            return columns.error();
        for (int row = 0; row < columns->rowCount(); ++row)
            m_targetColumns[columns->string(row, 0)].append(columns->string(row, 1));
        if (!m_targetColumns.contains(QStringLiteral("experiments"))
            || !m_targetColumns.contains(QStringLiteral("runs"))) {
            return Error::make(
                Error::NotMlflow,
                tr("%1 holds no MLflow schema (no experiments and runs tables); create it first, "
                   "e.g. with mlflow db upgrade.")
                    .arg(m_target.shown()));
        }
        const Result<PgResult> keys
            = m_target.exec("SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint "
                            "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace");
        if (!keys)
            return keys.error();
        for (int row = 0; row < keys->rowCount(); ++row)
            m_parents[keys->string(row, 0)].append(keys->string(row, 1));
        return {};
    }

    // A database MLflow just created holds its Default experiment; one with runs is no target.
    Error clearFreshDatabase()
    {
        const Result<PgResult> held = m_target.exec("SELECT (SELECT count(*) FROM runs), (SELECT count(*) "
                                                    "FROM experiments WHERE experiment_id <> 0)");
        if (!held)
            return held.error();
        if (held->int64(0, 0) != 0 || held->int64(0, 1) != 0) {
            return Error::make(Error::InvalidArgument,
                               tr("%1 already holds experiments or runs; Kaizen loads a store only into an "
                                  "empty MLflow database.")
                                   .arg(m_target.shown()));
        }
        if (m_targetColumns.contains(QStringLiteral("experiment_tags"))) {
            if (Error e = m_target.command("DELETE FROM experiment_tags WHERE experiment_id = 0"); !e.ok())
                return e;
        }
        return m_target.command("DELETE FROM experiments WHERE experiment_id = 0");
    }

    // The tables both databases hold, each after the tables it refers to. The target keeps its
    // own alembic revision: it is its schema the rows now live in.
    QStringList tablesInOrder() const
    {
        QStringList order;
        QSet<QString> placed;
        std::function<void(const QString &, int)> place = [&](const QString &table, int depth) {
            if (placed.contains(table) || depth > 64)
                return;
            for (const QString &parent : m_parents.value(table)) {
                if (parent != table)
                    place(parent, depth + 1);
            }
            placed.insert(table);
            order.append(table);
        };
        QStringList tables = m_targetColumns.keys();
        tables.sort();
        for (const QString &table : tables)
            place(table, 0);
        QStringList copied;
        for (const QString &table : order) {
            if (m_sourceTables.contains(table) && table != QLatin1String("alembic_version"))
                copied.append(table);
        }
        return copied;
    }

    Error copyTable(const QString &table)
    {
        QSet<QString> sourceColumns;
        {
            SqliteStatement info(m_source, "PRAGMA table_info(\"" + table.toUtf8() + "\")");
            while (info.step())
                sourceColumns.insert(info.string(1));
        }
        QByteArray columns;
        for (const QString &column : m_targetColumns.value(table)) {
            if (sourceColumns.contains(column))
                columns += (columns.isEmpty() ? "\"" : ", \"") + column.toUtf8() + '"';
        }
        if (columns.isEmpty())
            return {};
        SqliteStatement rows(m_source, "SELECT " + columns + " FROM \"" + table.toUtf8() + '"');
        QByteArray data;
        while (rows.step()) {
            for (int column = 0; column < rows.columnCount(); ++column) {
                if (column)
                    data += '\t';
                appendValue(data, rows, column);
            }
            data += '\n';
        }
        if (Error e = rows.isValid() ? rows.error() : m_source.lastError(); !e.ok())
            return e;
        if (data.isEmpty())
            return {};
        return m_target.copyIn("COPY \"" + table.toUtf8() + "\" (" + columns + ") FROM STDIN", data);
    }

    SqliteConnection &m_source;
    PgConnection &m_target;
    QSet<QString> m_sourceTables;
    QHash<QString, QStringList> m_targetColumns; // table -> columns in order
    QHash<QString, QStringList> m_parents; // table -> tables its foreign keys refer to
};

} // namespace

Error importIntoPostgres(const QString &sqlitePath, const QString &uri)
{
    SqliteConnection source;
    if (Error e = source.open(sqlitePath, SqliteConnection::Mode::ReadOnly, 5000); !e.ok())
        return e;
    PgConnection target;
    const QString shown = Location::normalize(uri); // without the password
    if (Error e = target.open(uri, shown, 5); !e.ok())
        return e;
    if (Error e = target.command("BEGIN"); !e.ok())
        return e;
    SqliteReadTransaction snapshot(source);
    Error error = Importer(source, target).run();
    if (error.ok())
        error = target.command("COMMIT");
    else
        target.command("ROLLBACK");
    if (!error.ok())
        error.message = tr("Cannot load %1 into %2: %3").arg(sqlitePath, shown, error.message);
    return error;
}

} // namespace Store
