#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

// Writes real files for the artifact tests (in a QTemporaryDir).
namespace ArtifactTestFiles {

// Writes `bytes` to `root`/`relativePath`, creating the folders on the way. False on failure.
inline bool write(const QString &root, const QString &relativePath, const QByteArray &bytes)
{
    const QString path = root + QLatin1Char('/') + relativePath;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace ArtifactTestFiles
