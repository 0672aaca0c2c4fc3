#include "artifactroots.h"

#include "storelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace {

// Locations hold '/' and '\', which QSettings reads as group separators: percent-encode them.
QString settingsKey(const QString &storeLocation)
{
    return QStringLiteral("artifactRoots/")
        + QString::fromLatin1(QUrl::toPercentEncoding(Store::Location::normalize(storeLocation)));
}

} // namespace

QString ArtifactRoots::root(const QString &storeLocation)
{
    if (storeLocation.isEmpty())
        return {};
    return QSettings().value(settingsKey(storeLocation)).toString();
}

void ArtifactRoots::setRoot(const QString &storeLocation, const QString &folder)
{
    if (storeLocation.isEmpty())
        return;
    QSettings settings;
    if (folder.isEmpty())
        settings.remove(settingsKey(storeLocation));
    else
        settings.setValue(settingsKey(storeLocation), QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
}
