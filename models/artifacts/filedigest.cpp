#include "filedigest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Artifacts {

namespace {

constexpr qint64 ChunkSize = 1 << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts", text);
}

} // namespace

Store::Result<QByteArray> fileDigest(const QString &path, const Store::CancelFlag *cancel)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Store::Error::make(Store::Error::NotFound, tr("No file at %1.").arg(shown));
    if (info.isDir())
        return Store::Error::make(Store::Error::Io, tr("%1 is a folder, not a file.").arg(shown));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Store::Error::make(Store::Error::Io, tr("Cannot read %1: %2").arg(shown, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Store::Error::make(Store::Error::Cancelled, tr("Reading %1 was cancelled.").arg(shown));
        const qint64 read = file.read(chunk.data(), chunk.size());
        if (read < 0)
            return Store::Error::make(Store::Error::Io,
                                      tr("Cannot read %1: %2").arg(shown, file.errorString()));
        if (read == 0)
            break;
        hash.addData(QByteArrayView(chunk.constData(), read));
    }
    return hash.result();
}

} // namespace Artifacts
