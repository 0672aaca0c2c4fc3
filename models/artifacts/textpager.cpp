#include "textpager.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>

#include <algorithm>

namespace Artifacts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts::TextPager", text);
}

bool openFile(QFile &file, TextPage &page)
{
    if (file.open(QIODevice::ReadOnly)) {
        page.fileSize = file.size();
        return true;
    }
    page.error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

// Bytes to keep of `chunk` so that a cut does not split a UTF-8 sequence.
qsizetype utf8Boundary(const QByteArray &chunk)
{
    const qsizetype size = chunk.size();
    for (qsizetype i = size - 1; i >= 0 && i >= size - 4; --i) {
        const auto byte = quint8(chunk.at(i));
        if ((byte & 0xc0) == 0x80)
            continue; // a continuation byte
        const int length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return size - i < length && i > 0 ? i : size;
    }
    return size;
}

// Continuation bytes at the start of `window` (a window that starts inside a character).
qsizetype leadingContinuationBytes(const QByteArray &window)
{
    qsizetype skip = 0;
    while (skip < 3 && skip < window.size() && (quint8(window.at(skip)) & 0xc0) == 0x80)
        ++skip;
    return skip;
}

} // namespace

TextPager::TextPager(const QString &path, qint64 pageBytes)
    : m_path(path), m_pageBytes(std::max<qint64>(pageBytes, 16))
{
}

TextPage TextPager::read(qint64 offset, qint64 end, bool cutAtLine) const
{
    TextPage page;
    QFile file(m_path);
    if (!openFile(file, page))
        return page;
    offset = std::clamp<qint64>(offset, 0, page.fileSize);
    end = std::clamp<qint64>(end, offset, page.fileSize);
    if (!file.seek(offset)) {
        page.error = tr("Cannot read %1: %2").arg(m_path, file.errorString());
        return page;
    }
    QByteArray chunk = file.read(end - offset);
    if (chunk.size() < end - offset && file.error() != QFile::NoError) {
        page.error = tr("Cannot read %1: %2").arg(m_path, file.errorString());
        return page;
    }
    if (cutAtLine && offset + chunk.size() < page.fileSize) {
        const qsizetype lineEnd = chunk.lastIndexOf('\n');
        chunk.truncate(lineEnd >= 0 ? lineEnd + 1 : utf8Boundary(chunk));
    }
    page.offset = offset;
    page.end = offset + chunk.size();
    QStringDecoder decoder(QStringDecoder::Utf8);
    page.text = decoder.decode(chunk);
    page.hasInvalidUtf8 = decoder.hasError();
    return page;
}

TextPage TextPager::pageAt(qint64 offset) const
{
    return read(offset, offset + m_pageBytes, true);
}

TextPage TextPager::pageBefore(qint64 offset) const
{
    if (offset <= 0)
        return pageAt(0);
    qint64 start = std::max<qint64>(0, offset - m_pageBytes);
    if (start > 0) {
        // Start after the first line break of the window, unless that is the window's end.
        QFile file(m_path);
        TextPage failed;
        if (!openFile(file, failed))
            return failed;
        if (file.seek(start)) {
            const QByteArray window = file.read(offset - start);
            const qsizetype lineEnd = window.indexOf('\n');
            if (lineEnd >= 0 && start + lineEnd + 1 < offset)
                start += lineEnd + 1;
            else
                start += leadingContinuationBytes(window);
        }
    }
    return read(start, offset, false);
}

TextPage TextPager::lastPage() const
{
    QFile file(m_path);
    TextPage failed;
    if (!openFile(file, failed))
        return failed;
    return pageBefore(failed.fileSize);
}

} // namespace Artifacts
