#pragma once

#include <QString>

namespace Artifacts {

// One page of a text file: the bytes [offset, end) decoded as UTF-8.
struct TextPage
{
    qint64 offset = 0;
    qint64 end = 0;
    qint64 fileSize = 0;
    QString text;
    bool hasInvalidUtf8 = false; // bad sequences became U+FFFD
    QString error; // set when the file could not be read; nothing else is then

    bool isFirst() const { return offset <= 0; }
    bool isLast() const { return end >= fileSize; }
    bool ok() const { return error.isEmpty(); }
};

// Pages of a text file by byte offset, cut after a line break where the page holds one (else at
// the page size, on a UTF-8 character boundary). Each call opens the file and reads at most one
// page: the first page never looks at the rest of the file, so a 2 GB log opens at once.
// Synchronous and thread-agnostic: call it on a worker.
class TextPager
{
public:
    static constexpr qint64 DefaultPageBytes = 256 * 1024;

    explicit TextPager(const QString &path, qint64 pageBytes = DefaultPageBytes);

    // The page that starts at `offset` (0: the first page).
    TextPage pageAt(qint64 offset) const;
    // The page that ends at `offset` (where the page shown now starts).
    TextPage pageBefore(qint64 offset) const;
    // The file's last page.
    TextPage lastPage() const;

    qint64 pageBytes() const { return m_pageBytes; }

private:
    TextPage read(qint64 offset, qint64 end, bool cutAtLine) const;

    QString m_path;
    qint64 m_pageBytes;
};

} // namespace Artifacts
