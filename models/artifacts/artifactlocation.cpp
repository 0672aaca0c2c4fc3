#include "artifactlocation.h"

#include "storelocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace Artifacts {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts", text);
}

// Schemes of artifact stores that live on another machine (MLflow's own and its plugins').
bool isRemoteScheme(const QString &scheme)
{
    static const QStringList remote = {
        QStringLiteral("s3"),    QStringLiteral("s3a"),   QStringLiteral("s3n"),   QStringLiteral("gs"),
        QStringLiteral("gcs"),   QStringLiteral("wasb"),  QStringLiteral("wasbs"), QStringLiteral("abfs"),
        QStringLiteral("abfss"), QStringLiteral("adl"),   QStringLiteral("hdfs"),  QStringLiteral("viewfs"),
        QStringLiteral("dbfs"),  QStringLiteral("http"),  QStringLiteral("https"), QStringLiteral("sftp"),
        QStringLiteral("ftp"),   QStringLiteral("oss"),   QStringLiteral("cos"),   QStringLiteral("uc"),
        QStringLiteral("runs"),  QStringLiteral("models")};
    return remote.contains(scheme);
}

// "s3" of "s3://b/p"; empty for a path, and for a Windows drive ("C:\x", "C:/x").
QString schemeOf(const QString &uri)
{
    static const QRegularExpression pattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const QRegularExpressionMatch match = pattern.match(uri);
    if (!match.hasMatch() || match.capturedLength(1) == 1)
        return {};
    return match.captured(1).toLower();
}

// A Windows path ("C:\x", "C:/x", "/C:/x" from file:///C:/x): absolute where it was written,
// never on this machine.
bool isWindowsDrivePath(const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral("^/?[A-Za-z]:[/\\\\]"));
    return pattern.match(path).hasMatch();
}

// The last three components of a path (<exp>/<run>/artifacts), '/' or '\' separated; empty if
// there are fewer.
QString lastThreeComponents(const QString &path)
{
    static const QRegularExpression separators(QStringLiteral("[/\\\\]+"));
    const QStringList parts = path.split(separators, Qt::SkipEmptyParts);
    if (parts.size() < 3)
        return {};
    return parts.mid(parts.size() - 3).join(QLatin1Char('/'));
}

QString joined(const QString &folder, const QString &relative)
{
    return QDir::cleanPath(folder + QLatin1Char('/') + relative);
}

// Where the store is: the folder its relative paths and mlartifacts/ are in, and the folder an
// mlruns/ tree moved with it would be.
struct StoreFolders
{
    QString folder; // empty for a server store
    QString mlrunsRoot;
};

StoreFolders storeFolders(const QString &storeLocation)
{
    const Store::Location location = Store::Location::parse(storeLocation);
    if (!location.isLocal() || location.path().isEmpty())
        return {};
    const QFileInfo info(location.path());
    if (info.isDir())
        return {info.absoluteFilePath(), info.absoluteFilePath()};
    const QString folder = info.absolutePath();
    return {folder, joined(folder, QStringLiteral("mlruns"))};
}

} // namespace

QString Location::message() const
{
    switch (status) {
    case Status::Local:
        return tr("The artifacts are in %1.").arg(QDir::toNativeSeparators(path));
    case Status::Remote:
        return tr("%1 is in a remote artifact store, not available offline.").arg(uri);
    case Status::Missing: {
        QString text;
        if (path.isEmpty()) {
            text = tr("No artifact folder for %1.").arg(uri);
        } else {
            QStringList others;
            for (const QString &candidate : tried) {
                if (candidate != path)
                    others.append(QDir::toNativeSeparators(candidate));
            }
            text = others.isEmpty() ? tr("No artifact folder at %1.").arg(QDir::toNativeSeparators(path))
                                    : tr("No artifact folder at %1 (also looked in %2).")
                                          .arg(QDir::toNativeSeparators(path), others.join(tr(", ")));
        }
        if (scheme == QLatin1String("mlflow-artifacts"))
            text += QLatin1Char(' ')
                + tr("Choose the folder where the tracking server keeps this store's artifacts (its "
                     "--artifacts-destination).");
        return text;
    }
    case Status::Invalid:
        if (uri.isEmpty())
            return tr("The run has no artifact location.");
        return tr("Kaizen cannot read the artifact location %1.").arg(uri);
    }
    return {};
}

Location resolveLocation(const LocationInput &input)
{
    Location location;
    const QString uri = input.artifactUri.trimmed();
    location.uri = uri;
    if (uri.isEmpty())
        return location; // Invalid
    location.scheme = schemeOf(uri);
    const StoreFolders store = storeFolders(input.storeLocation);

    // The path the URI names, as written (on this machine or another).
    QString uriPath;
    QStringList candidates;
    if (location.scheme.isEmpty()) {
        uriPath = uri;
        if (isWindowsDrivePath(uri)) {
            candidates.append(QString(uri).replace(QLatin1Char('\\'), QLatin1Char('/'))); // not here
        } else if (QDir::isAbsolutePath(uri)) {
            candidates.append(QDir::cleanPath(uri));
        } else {
            if (!store.folder.isEmpty())
                candidates.append(joined(store.folder, uri));
            const QString cwd
                = input.workingDirectory.isEmpty() ? QDir::currentPath() : input.workingDirectory;
            candidates.append(joined(QFileInfo(cwd).absoluteFilePath(), uri));
        }
    } else if (location.scheme == QLatin1String("file")) {
        const QUrl url(uri);
        if (!url.isValid())
            return location; // Invalid
        uriPath = url.path(QUrl::FullyDecoded);
        const QString host = url.host();
        if (!host.isEmpty() && host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0)
            candidates.append(url.toLocalFile()); // //server/share: not a folder of this machine
        else if (isWindowsDrivePath(uriPath))
            candidates.append(uriPath.mid(1));
        else
            candidates.append(QDir::cleanPath(uriPath));
    } else if (location.scheme == QLatin1String("mlflow-artifacts")) {
        const QUrl url(uri);
        if (!url.isValid())
            return location; // Invalid
        uriPath = url.path(QUrl::FullyDecoded);
        if (!input.artifactsRoot.isEmpty())
            candidates.append(joined(input.artifactsRoot, uriPath));
        if (!store.folder.isEmpty())
            candidates.append(joined(store.folder + QStringLiteral("/mlartifacts"), uriPath));
    } else if (isRemoteScheme(location.scheme) || uri.contains(QLatin1String("://"))) {
        location.status = Location::Status::Remote;
        return location;
    } else {
        return location; // Invalid: a scheme no artifact store uses
    }

    // A store moved from another machine: the run's folder under the store's own mlruns/.
    if (!store.mlrunsRoot.isEmpty()) {
        const QString tail = lastThreeComponents(uriPath);
        if (!tail.isEmpty())
            candidates.append(joined(store.mlrunsRoot, tail));
    }

    for (const QString &candidate : std::as_const(candidates)) {
        if (candidate.isEmpty() || location.tried.contains(candidate))
            continue;
        location.tried.append(candidate);
        if (QFileInfo(candidate).isDir()) {
            location.status = Location::Status::Local;
            location.path = candidate;
            return location;
        }
    }
    location.status = Location::Status::Missing;
    location.path = location.tried.value(0);
    return location;
}

} // namespace Artifacts
