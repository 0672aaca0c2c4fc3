#include "testsupport.h"

#include "demostore.h"
#include "sqlitestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace TestSupport {

QString storeBackend()
{
    const QString backend = qEnvironmentVariable("KAIZEN_STORE_BACKEND");
    return backend.isEmpty() ? QStringLiteral("sqlite") : backend;
}

QString storeUnderTest(const QString &sqlitePath, const QTemporaryDir &dir)
{
    Q_UNUSED(dir); // the other backends write their copy of the store here
    if (storeBackend() == QLatin1String("sqlite"))
        return sqlitePath;
    qWarning("Unknown store backend %s", qPrintable(storeBackend()));
    return {};
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

QString kaizenBinary()
{
    return qEnvironmentVariable("KAIZEN_BIN");
}

} // namespace TestSupport
