#include "storefactory.h"

#include "filestore.h"
#include "pgstore.h"
#include "sessioncredentials.h"
#include "sqlitestore.h"
#include "storelocation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace Store {

Result<std::unique_ptr<MlflowStore>> openStore(const QString &location, const OpenOptions &options)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Store::openStore", text); };
    const Location parsed = Location::parse(location);
    switch (parsed.kind()) {
    case Location::Kind::Local:
        if (QFileInfo(parsed.path()).isDir()) {
            // An mlruns/ folder (the file store); FileStore::open() says why another folder is not.
            if (auto store = FileStore::open(parsed.path(), options); store)
                return std::unique_ptr<MlflowStore>(std::move(store).value());
            else
                return store.error();
        }
        if (auto store = SqliteStore::open(parsed.path(), options.busyTimeoutMs, options.writable); store)
            return std::unique_ptr<MlflowStore>(std::move(store).value());
        else
            return store.error();
    case Location::Kind::Server:
        if (parsed.scheme().section(QLatin1Char('+'), 0, 0).startsWith(QLatin1String("postgres"))) {
            // libpq reads postgresql:// URIs; the driver part of SQLAlchemy's spelling is not its.
            QString uri = location;
            uri.replace(0, uri.indexOf(QLatin1String("://")), QStringLiteral("postgresql"));
            // A URI without a password (a remembered name, a pool's) takes the one given earlier in
            // this session; without one either, libpq looks in PGPASSWORD and ~/.pgpass.
            QString password;
            if (QUrl(location).password().isEmpty())
                password = SessionCredentials::password(parsed.normalized()).value_or(QString());
            if (auto store = PostgresStore::open(uri, parsed.normalized(), options.busyTimeoutMs,
                                                 options.writable, options.connectTimeoutSeconds, password);
                store)
                return std::unique_ptr<MlflowStore>(std::move(store).value());
            else
                return store.error();
        }
        return Error::make(Error::Unsupported,
                           tr("%1: only PostgreSQL among database servers is supported; open an MLflow "
                              "SQLite file, an mlruns folder or a postgresql:// database.")
                               .arg(parsed.displayLocation()));
    case Location::Kind::Invalid:
        break;
    }
    return Error::make(Error::Unsupported,
                       tr("%1 is not a store location Kaizen can open (expected an MLflow database file, "
                          "an mlruns folder, or a sqlite:/// or file:// URI).")
                           .arg(location));
}

bool looksLikeStoreFile(const QString &path)
{
    if (QFileInfo(path).isDir())
        return FileStore::looksLikeMlruns(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

} // namespace Store
