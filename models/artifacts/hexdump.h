#pragma once

#include <QByteArrayView>
#include <QString>

namespace Artifacts {

// One page of a file as a hex dump: offset, 16 bytes in hex, the same bytes as ASCII.
struct HexPage
{
    qint64 offset = 0;
    qint64 end = 0;
    qint64 fileSize = 0;
    QString text;
    QString error; // set when the file could not be read

    bool isFirst() const { return offset <= 0; }
    bool isLast() const { return end >= fileSize; }
    bool ok() const { return error.isEmpty(); }
};

inline constexpr int HexBytesPerLine = 16;
inline constexpr qint64 HexPageBytes = 16 * 1024; // 1024 lines

// `bytes` as lines "0000001a  48 65 6c 6c 6f 0a ...  |Hello.|", the first at `baseOffset`.
// Offsets have at least 8 hex digits (more for files past 4 GiB).
QString hexDump(QByteArrayView bytes, qint64 baseOffset = 0);
// The page of `path` that holds `offset` (pages start at multiples of `pageBytes`); reads only
// that page. Synchronous: call it on a worker.
HexPage readHexPage(const QString &path, qint64 offset, qint64 pageBytes = HexPageBytes);
// The offset of the last page of a file of `fileSize` bytes.
qint64 lastHexPageOffset(qint64 fileSize, qint64 pageBytes = HexPageBytes);

} // namespace Artifacts
