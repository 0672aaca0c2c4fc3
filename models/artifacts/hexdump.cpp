#include "hexdump.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace Artifacts {

QString hexDump(QByteArrayView bytes, qint64 baseOffset)
{
    static constexpr char Digits[] = "0123456789abcdef";
    const qint64 last = baseOffset + std::max<qsizetype>(bytes.size(), 1) - 1;
    int offsetDigits = 8;
    while (offsetDigits < 16 && (last >> (4 * offsetDigits)) != 0)
        ++offsetDigits;
    QString out;
    out.reserve((bytes.size() / HexBytesPerLine + 1)
                * (offsetDigits + 2 + 3 * HexBytesPerLine + 4 + HexBytesPerLine));
    for (qsizetype line = 0; line < bytes.size(); line += HexBytesPerLine) {
        const qint64 offset = baseOffset + line;
        for (int digit = offsetDigits - 1; digit >= 0; --digit)
            out += QLatin1Char(Digits[(offset >> (4 * digit)) & 0xf]);
        out += QLatin1String("  ");
        const qsizetype count = std::min<qsizetype>(HexBytesPerLine, bytes.size() - line);
        for (qsizetype i = 0; i < HexBytesPerLine; ++i) {
            if (i == HexBytesPerLine / 2)
                out += QLatin1Char(' ');
            if (i < count) {
                const auto byte = quint8(bytes[line + i]);
                out += QLatin1Char(Digits[byte >> 4]);
                out += QLatin1Char(Digits[byte & 0xf]);
                out += QLatin1Char(' ');
            } else {
                out += QLatin1String("   ");
            }
        }
        out += QLatin1String(" |");
        for (qsizetype i = 0; i < count; ++i) {
            const auto byte = quint8(bytes[line + i]);
            out += QLatin1Char(byte >= 0x20 && byte < 0x7f ? char(byte) : '.');
        }
        out += QLatin1String("|\n");
    }
    return out;
}

qint64 lastHexPageOffset(qint64 fileSize, qint64 pageBytes)
{
    if (fileSize <= 0)
        return 0;
    return (fileSize - 1) / pageBytes * pageBytes;
}

HexPage readHexPage(const QString &path, qint64 offset, qint64 pageBytes)
{
    HexPage page;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        page.error
            = QCoreApplication::translate("Artifacts", "Cannot read %1: %2").arg(path, file.errorString());
        return page;
    }
    page.fileSize = file.size();
    page.offset
        = std::clamp<qint64>(offset, 0, lastHexPageOffset(page.fileSize, pageBytes)) / pageBytes * pageBytes;
    if (!file.seek(page.offset)) {
        page.error
            = QCoreApplication::translate("Artifacts", "Cannot read %1: %2").arg(path, file.errorString());
        return page;
    }
    const QByteArray bytes = file.read(pageBytes);
    page.end = page.offset + bytes.size();
    page.text = hexDump(bytes, page.offset);
    return page;
}

} // namespace Artifacts
