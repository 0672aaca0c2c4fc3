#pragma once

#include "hexdump.h"
#include "mlmodelsummary.h"
#include "previewkind.h"
#include "structuredtext.h"
#include "textpager.h"

#include <QByteArray>
#include <QFuture>
#include <QImage>
#include <QList>
#include <QObject>
#include <QThreadPool>

namespace Artifacts {

// What the preview of one file shows, read on a worker. Which members are set depends on kind.
struct PreviewContent
{
    QString path;
    QString error; // the file cannot be read: nothing else is set
    PreviewKind kind = PreviewKind::Binary;
    qint64 size = 0;
    QString notice; // why the file is shown another way than its name says, or what is missing
    TextPage textPage; // Text, and a JSON/YAML/Markdown/HTML file too large to show whole
    HexPage hexPage; // Binary
    QImage image; // Image
    QByteArray svg; // Svg: the source, rendered by the view
    QString text; // Markdown, Html: the whole text; Json, Yaml: the raw text when it fails to parse
    StructuredText structured; // Json, Yaml
    MlModelSummary mlModel; // MlModel
};

// Where a text page request starts.
enum class PageAnchor {
    At, // the page that starts at the offset
    Before, // the page that ends at the offset
    Last, // the last page (offset ignored)
};

// Reads what the preview of an artifact file needs on a worker and hands it to the GUI thread.
// A newer load() supersedes the one in flight (its result is dropped); page requests likewise
// supersede each other and die with a new load(). Never writes to the file.
class PreviewLoader : public QObject
{
    Q_OBJECT
public:
    // JSON, YAML, Markdown and HTML larger than this are shown as paged plain text.
    static constexpr qint64 DefaultStructuredLimit = 8 * 1024 * 1024;
    // An image file larger than this is not decoded (shown as bytes).
    static constexpr qint64 MaxImageBytes = 256 * 1024 * 1024;

    explicit PreviewLoader(QObject *parent = nullptr);
    // Drops what is in flight and waits for the workers to stop.
    ~PreviewLoader() override;

    void load(const QString &path);
    void loadTextPage(const QString &path, qint64 offset, PageAnchor anchor);
    void loadHexPage(const QString &path, qint64 offset);
    // Drops every result in flight.
    void cancel();

    void setPageBytes(qint64 bytes) { m_pageBytes = bytes; }
    qint64 pageBytes() const { return m_pageBytes; }
    void setStructuredLimit(qint64 bytes) { m_structuredLimit = bytes; }
    bool isLoading() const { return m_isLoading; }

    // The synchronous read behind load(), for tests and the command line.
    static PreviewContent read(const QString &path, qint64 pageBytes = TextPager::DefaultPageBytes,
                               qint64 structuredLimit = DefaultStructuredLimit);

signals:
    void loaded(const Artifacts::PreviewContent &content);
    // The file is missing, a folder, a broken link or unreadable: `message` says which.
    void loadFailed(const QString &path, const QString &message);
    void textPageLoaded(const QString &path, const Artifacts::TextPage &page);
    void hexPageLoaded(const QString &path, const Artifacts::HexPage &page);

private:
    template<typename Work, typename Deliver>
    void runTask(int generation, const int *counter, Work work, Deliver deliver);

    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
    int m_loadGeneration = 0;
    int m_pageGeneration = 0;
    qint64 m_pageBytes = TextPager::DefaultPageBytes;
    qint64 m_structuredLimit = DefaultStructuredLimit;
    bool m_isLoading = false;
};

} // namespace Artifacts
