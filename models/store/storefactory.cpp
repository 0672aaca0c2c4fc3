#include "storefactory.h"

#include "sqlitestore.h"
#include "storelocation.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace Store {

Result<std::unique_ptr<MlflowStore>> openStore(const QString &location, const OpenOptions &options)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Store::openStore", text); };
    const Location parsed = Location::parse(location);
    switch (parsed.kind()) {
    case Location::Kind::Local:
        if (QFileInfo(parsed.path()).isDir()) {
            return Error::make(Error::IsDirectory,
                               tr("%1 is a folder, not an MLflow database file. (Folder stores (mlruns/) "
                                  "are not supported yet; open the .db file.)")
                                   .arg(parsed.displayLocation()));
        }
        if (auto store = SqliteStore::open(parsed.path(), options.busyTimeoutMs, options.writable); store)
            return std::unique_ptr<MlflowStore>(std::move(store).value());
        else
            return store.error();
    case Location::Kind::Server:
        return Error::make(Error::Unsupported,
                           tr("%1: database server stores are not supported yet; open an MLflow SQLite "
                              "file.")
                               .arg(parsed.displayLocation()));
    case Location::Kind::Invalid:
        break;
    }
    return Error::make(Error::Unsupported,
                       tr("%1 is not a store location Kaizen can open (expected an MLflow database file "
                          "or a sqlite:/// or file:// URI).")
                           .arg(location));
}

bool looksLikeStoreFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

} // namespace Store
