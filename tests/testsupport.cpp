#include "testsupport.h"

#include "demostore.h"
#include "filestoreexport.h"
#include "postgresimport.h"
#include "sqlitehandle.h"
#include "sqlitestore.h"
#include "store/filestorefixture.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <cstdio>
#include <cstdlib>

namespace TestSupport {

QString storeBackend()
{
    const QString backend = qEnvironmentVariable("KAIZEN_STORE_BACKEND");
    return backend.isEmpty() ? QStringLiteral("sqlite") : backend;
}

QString storeUnderTest(const QString &sqlitePath, const QTemporaryDir &dir)
{
    if (storeBackend() == QLatin1String("sqlite"))
        return sqlitePath;
    if (storeBackend() == QLatin1String("file")) {
        // A folder per source store, written once (a test may open the same store twice).
        const QString root
            = dir.filePath(QStringLiteral("mlruns-") + QFileInfo(sqlitePath).completeBaseName());
        if (!QFileInfo::exists(root) && !FileStoreFixture::mlrunsFromSqlite(sqlitePath, root))
            return {};
        return root;
    }
    if (storeBackend() == QLatin1String("postgresql"))
        return postgresFromSqlite(sqlitePath);
    qWarning("Unknown store backend %s", qPrintable(storeBackend()));
    return {};
}

QString postgresServer()
{
    return qEnvironmentVariable("KAIZEN_TEST_PG_URL");
}

namespace {

// The databases this process created, dropped when it exits so that a suite's hundreds of
// stores do not pile up on the server's disk.
QStringList createdDatabases;

void dropCreatedDatabases()
{
    QUrl admin(postgresServer());
    admin.setPath(QStringLiteral("/postgres"));
    QByteArray command = "psql -X -q -d '" + admin.toString().toUtf8() + "'";
    for (const QString &name : createdDatabases)
        command += " -c 'DROP DATABASE IF EXISTS " + name.toUtf8() + " WITH (FORCE)'";
    if (std::system((command + " >/dev/null 2>&1").constData()) != 0)
        std::fprintf(stderr, "Cannot drop the test databases of this process\n");
}

} // namespace

QString newPostgresDatabase()
{
    QUrl server(postgresServer());
    if (!server.isValid() || server.host().isEmpty()) {
        qWarning("KAIZEN_TEST_PG_URL names no PostgreSQL server (ctest runs the PostgreSQL tests "
                 "through tests/pg/pg-test-env, which sets it)");
        return {};
    }
    const QString schema = server.path().mid(1);
    const QString name = QStringLiteral("kt_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    QUrl admin = server;
    admin.setPath(QStringLiteral("/postgres"));
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), admin.toString(),
                QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, schema)});
    if (!psql.waitForFinished(60000) || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        qWarning("Cannot create database %s: %s %s", qPrintable(name), qPrintable(psql.errorString()),
                 psql.readAllStandardError().constData());
        return {};
    }
    if (createdDatabases.isEmpty())
        std::atexit(dropCreatedDatabases);
    createdDatabases.append(name);
    server.setPath(QLatin1Char('/') + name);
    return server.toString();
}

QString postgresFromSqlite(const QString &sqlitePath)
{
    // A database per state of the source store: a test may open the same store twice.
    static QHash<QByteArray, QString> loaded;
    const QByteArray key = sqlitePath.toUtf8() + ':' + fileHash(sqlitePath);
    if (const auto found = loaded.constFind(key); found != loaded.cend())
        return *found;
    const QString url = newPostgresDatabase();
    if (url.isEmpty())
        return {};
    if (const Store::Error error = Store::importIntoPostgres(sqlitePath, url); !error.ok()) {
        qWarning("%s", qPrintable(error.message));
        return {};
    }
    loaded.insert(key, url);
    return url;
}

const Store::SchemaInfo &sqliteSchema(const Store::MlflowStore &store)
{
    return dynamic_cast<const Store::SqliteStore &>(store).schema();
}

QString fixturePath(const QString &name)
{
    return QDir::cleanPath(QStringLiteral(KAIZEN_FIXTURES_DIR) + QLatin1Char('/') + name);
}

QString copyFixture(const QString &name, const QTemporaryDir &dir)
{
    const QString target = dir.filePath(name);
    QFile::remove(target);
    if (!QFile::copy(fixturePath(name), target))
        return {};
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return target;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QString buildDemoStore(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mlflow.db"));
    const Store::Error error = Store::DemoStore::generate(path);
    return error.ok() ? path : QString();
}

QString buildDemoFileStore(const QTemporaryDir &dir)
{
    const QString mlruns = dir.filePath(QStringLiteral("mlruns"));
    QTemporaryDir database;
    Store::DemoStoreOptions options;
    options.artifactRoot = mlruns;
    const QString path = database.filePath(QStringLiteral("mlflow.db"));
    if (const Store::Error error = Store::DemoStore::generate(path, options); !error.ok()) {
        qWarning("Cannot build the demo store: %s", qPrintable(error.message));
        return {};
    }
    return exportToFileStore(path, mlruns);
}

QString exportToFileStore(const QString &sqlitePath, const QString &folder)
{
    auto store = Store::openStore(sqlitePath);
    if (!store) {
        qWarning("Cannot open %s: %s", qPrintable(sqlitePath), qPrintable(store.error().message));
        return {};
    }
    if (const Store::Error error = Store::exportToFileStore(**store, folder); !error.ok()) {
        qWarning("Cannot export %s: %s", qPrintable(sqlitePath), qPrintable(error.message));
        return {};
    }
    return folder;
}

QString buildRegistryStore(const QTemporaryDir &dir, const QString &fileName, qint64 t0)
{
    const QString path = dir.filePath(fileName);
    Store::StoreBuilder::Options options;
    options.now = t0;
    auto builder = Store::StoreBuilder::create(path, options);
    if (!builder)
        return {};
    Store::StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("churn")});
    QStringList runs;
    for (int i = 0; i < 5; ++i)
        runs << b.addRun(
            {.experimentId = experiment, .name = QStringLiteral("train-%1").arg(i), .startTime = t0 + i});
    const QString churn = QStringLiteral("churn-classifier");
    b.addRegisteredModel({.name = churn,
                          .creationTime = t0,
                          .description = QStringLiteral("Predicts churn.\n\nRetrained monthly."),
                          .tags = {{QStringLiteral("team"), QStringLiteral("risk")}}});
    for (int i = 0; i < 5; ++i)
        b.addModelVersion({.modelName = churn,
                           .source = b.runArtifactUri(runs.at(i)) + QStringLiteral("/model"),
                           .runId = runs.at(i),
                           .creationTime = t0 + (i + 1) * 1000});
    b.transitionStage(churn, 1, QStringLiteral("Production"), t0 + 10000);
    b.transitionStage(churn, 2, QStringLiteral("Production"), t0 + 11000, true);
    b.transitionStage(churn, 3, QStringLiteral("Staging"), t0 + 12000);
    b.setAlias(churn, QStringLiteral("champion"), 2);
    b.setAlias(churn, QStringLiteral("challenger"), 3);
    b.setModelVersionTag(churn, 3, QStringLiteral("validation"), QStringLiteral("pending"));
    b.deleteModelVersion(churn, 5, t0 + 13000);
    const QString fraud = QStringLiteral("fraud-detector");
    b.addRegisteredModel(
        {.name = fraud, .creationTime = t0, .tags = {{QStringLiteral("team"), QStringLiteral("fraud")}}});
    b.addModelVersion(
        {.modelName = fraud, .source = QStringLiteral("s3://models/fraud"), .creationTime = t0 + 500});
    return b.finish().ok() ? path : QString();
}

QList<QStringList> queryRows(const QString &dbPath, const QByteArray &sql)
{
    Store::SqliteConnection db;
    if (const Store::Error e = db.open(dbPath, Store::SqliteConnection::Mode::ReadOnly, 1000); !e.ok())
        return {{QStringLiteral("<cannot open %1: %2>").arg(dbPath, e.message)}};
    Store::SqliteStatement query(db, sql);
    if (!query.isValid())
        return {{QStringLiteral("<bad SQL %1: %2>").arg(QString::fromUtf8(sql), query.error().message)}};
    QList<QStringList> rows;
    while (query.step()) {
        QStringList row;
        for (int c = 0; c < query.columnCount(); ++c)
            row.append(query.isNull(c) ? QStringLiteral("<NULL>") : query.string(c));
        rows.append(row);
    }
    if (!query.error().ok())
        rows.append({QStringLiteral("<error: %1>").arg(query.error().message)});
    return rows;
}

QString queryText(const QString &dbPath, const QByteArray &sql)
{
    QStringList rows;
    for (const QStringList &row : queryRows(dbPath, sql))
        rows.append(row.join(QLatin1Char('|')));
    return rows.join(QLatin1Char(';'));
}

QString kaizenBinary()
{
    return qEnvironmentVariable("KAIZEN_BIN");
}

QString registryText(Store::MlflowStore &store, const QList<qint64> &times)
{
    const auto models = store.registeredModels();
    if (!models)
        return QStringLiteral("error: ") + models.error().message;
    QString out;
    const auto tags = [](const Store::KeyValueList &list) {
        QStringList text;
        for (const auto &[key, value] : list)
            text.append(key + QLatin1Char('=') + value);
        return text.join(QLatin1Char(','));
    };
    for (const Store::RegisteredModel &m : *models) {
        out += QStringLiteral("%1 [%2] %3 %4 tags:%5\n")
                   .arg(m.name, m.description)
                   .arg(m.creationTime)
                   .arg(m.lastUpdatedTime)
                   .arg(tags(m.tags));
        for (auto it = m.latestVersions.begin(); it != m.latestVersions.end(); ++it)
            out += QStringLiteral("  latest %1=%2\n").arg(it.key()).arg(it.value());
        for (auto it = m.aliases.begin(); it != m.aliases.end(); ++it)
            out += QStringLiteral("  alias %1=%2\n").arg(it.key()).arg(it.value());
        const auto versions = store.modelVersions(m.name);
        if (!versions)
            return QStringLiteral("error: ") + versions.error().message;
        for (const Store::ModelVersion &v : *versions) {
            out += QStringLiteral("  v%1 %2 %3 [%4] %5 %6 aliases:%7 tags:%8\n")
                       .arg(v.version)
                       .arg(v.stage, v.status, v.description)
                       .arg(v.creationTime)
                       .arg(v.lastUpdatedTime)
                       .arg(v.aliases.join(QLatin1Char(',')), tags(v.tags));
        }
    }
    for (qsizetype i = 0; i < times.size(); ++i)
        out.replace(QString::number(times.at(i)), QStringLiteral("T%1").arg(i));
    return out;
}

} // namespace TestSupport
