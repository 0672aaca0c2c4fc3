#pragma once

#include "schemainfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace Store {
class MlflowStore;
} // namespace Store

// Helpers shared by the tests: the real MLflow fixtures and stores built in temporary folders.
namespace TestSupport {

// Absolute path of a file in ../shared/fixtures/mlflow/.
QString fixturePath(const QString &name);
// Copies a fixture into `dir` (tests that might write never touch the original).
QString copyFixture(const QString &name, const QTemporaryDir &dir);
// SHA-256 of a file's bytes, to prove a read left it untouched.
QByteArray fileHash(const QString &path);
// Builds the project's demo store in `dir`, returns the database path (empty on failure).
QString buildDemoStore(const QTemporaryDir &dir);
// The demo store as an MLflow file store: the SQLite demo built with its artifact root at
// <dir>/mlruns and exported there (as `kaizen demo PATH --file-store` does), the database
// removed. Returns the mlruns/ folder, empty on failure.
QString buildDemoFileStore(const QTemporaryDir &dir);
// Exports the store at `sqlitePath` as an MLflow file store into `folder` (which must not exist
// or be empty). Returns `folder`, empty on failure (with a warning saying why).
QString exportToFileStore(const QString &sqlitePath, const QString &folder);
// A store whose registry shows every stage, written into `dir` as `fileName` (empty path on
// failure), its history before `before` (ms): churn-classifier (tag team=risk, a two-paragraph
// description) with v1 Archived (archived when v2 went to Production), v2 Production @champion,
// v3 Staging @challenger (tag validation=pending), v4 None, v5 soft-deleted, each from a run of
// experiment "churn"; fraud-detector (tag team=fraud) with v1 None and no run.
QString buildRegistryStore(const QTemporaryDir &dir, const QString &fileName, qint64 before);
// The store backend the backend-neutral store tests run on: KAIZEN_STORE_BACKEND, else "sqlite".
QString storeBackend();
// The location of the store at `sqlitePath` (a SQLite store: a fixture, or one a test built) in
// the form of the backend under test, written into `dir` when it needs converting. Empty for a
// backend the tests do not know, so that opening it fails.
QString storeUnderTest(const QString &sqlitePath, const QTemporaryDir &dir);
// The PostgreSQL server of the tests (KAIZEN_TEST_PG_URL: its database of MLflow's empty schema,
// see tests/pg/pg-server); empty when there is none.
QString postgresServer();
// A new database on that server with MLflow's schema and no rows: its URL, empty on failure.
QString newPostgresDatabase();
// The store at `sqlitePath` loaded into a new database of that server (once per content of the
// file): its URL, empty on failure.
QString postgresFromSqlite(const QString &sqlitePath);
// The schema a SQLite store found by introspection (the store must be a SQLite one).
const Store::SchemaInfo &sqliteSchema(const Store::MlflowStore &store);
// Every row of `sql` on the SQLite file `dbPath`, each column as text (NULL as "<NULL>"), so that
// tables compare as lists; a failure is one row saying what went wrong.
QList<QStringList> queryRows(const QString &dbPath, const QByteArray &sql);
// The same as one string: columns joined by '|', rows by ';'.
QString queryText(const QString &dbPath, const QByteArray &sql);
// Every registry value `store` returns (models, latest versions, aliases, versions with stage,
// status, description, times, aliases and tags) as text, so that two reads compare as strings;
// each time in `times` is written as T<index>, so that stores written at different moments
// compare too. An error reading is the text "error: <message>".
QString registryText(Store::MlflowStore &store, const QList<qint64> &times = {});
// Path of the kaizen executable under test (from the KAIZEN_BIN environment variable).
QString kaizenBinary();

} // namespace TestSupport
