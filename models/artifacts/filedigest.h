#pragma once

#include "storeerror.h"
#include "storetypes.h"

#include <QByteArray>
#include <QString>

namespace Artifacts {

// The SHA-256 of a file's contents (32 raw bytes), read in chunks so that memory stays flat
// whatever the size. Fails with NotFound when there is no such file, Io when it cannot be read
// (a folder, no permission, a read error), Cancelled when `cancel` is set between chunks.
// Blocking and proportional to the file: call it on a worker thread. Only reads.
Store::Result<QByteArray> fileDigest(const QString &path, const Store::CancelFlag *cancel = nullptr);

// A digest as shown to people and on the command line: lower-case hex.
inline QString digestText(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex());
}

} // namespace Artifacts
