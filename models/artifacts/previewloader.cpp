#include "previewloader.h"

#include "artifactentry.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

namespace Artifacts {

namespace {

struct Outcome
{
    PreviewContent content;
    QString error;
};

QString utf8Notice()
{
    return PreviewLoader::tr("The file is not valid UTF-8: bytes that are not are shown as \uFFFD.");
}

QString joinNotices(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    return second.isEmpty() ? first : first + QLatin1Char(' ') + second;
}

// The file as paged plain text (the first page), with `why` as notice.
void asTextPages(PreviewContent &content, qint64 pageBytes, const QString &why)
{
    content.kind = PreviewKind::Text;
    content.textPage = TextPager(content.path, pageBytes).pageAt(0);
    content.notice = joinNotices(why, content.textPage.hasInvalidUtf8 ? utf8Notice() : QString());
}

void asHex(PreviewContent &content, const QString &why)
{
    content.kind = PreviewKind::Binary;
    content.hexPage = readHexPage(content.path, 0);
    content.notice = why;
}

QString decode(const QByteArray &bytes, bool &invalid)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    invalid = decoder.hasError();
    return text;
}

// What a file whose name says `claimed` but whose bytes are not text is shown as.
QString binaryNotice(PreviewKind claimed)
{
    return PreviewLoader::tr("The file is named like %1 but holds binary data (NUL bytes or control "
                             "characters); its bytes are shown instead.")
        .arg(previewKindName(claimed));
}

} // namespace

PreviewContent PreviewLoader::read(const QString &path, qint64 pageBytes, qint64 structuredLimit)
{
    PreviewContent content;
    content.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        content.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return content;
    }
    content.size = file.size();
    const QByteArray head = file.read(PreviewHeadBytes);
    const PreviewKind claimed = previewKindForName(path);
    content.kind = previewKindFor(path, head);
    const bool tooLarge = content.size > structuredLimit;
    const QString tooLargeNotice
        = tr("The file is %1, larger than %2 that are shown formatted: it is shown as plain text, page by "
             "page.")
              .arg(Artifacts::formatSize(content.size), Artifacts::formatSize(structuredLimit));

    switch (content.kind) {
    case PreviewKind::Binary:
        asHex(content, claimed != PreviewKind::Binary ? binaryNotice(claimed) : QString());
        break;
    case PreviewKind::Text:
        asTextPages(content, pageBytes, {});
        break;
    case PreviewKind::Image: {
        if (content.size > MaxImageBytes) {
            asHex(content,
                  tr("The image is too large to decode (%1).").arg(Artifacts::formatSize(content.size)));
            break;
        }
        file.close();
        QImageReader reader(path);
        reader.setAutoTransform(true);
        content.image = reader.read();
        if (content.image.isNull())
            asHex(content,
                  tr("The image cannot be decoded (%1); its bytes are shown instead.")
                      .arg(reader.errorString()));
        break;
    }
    case PreviewKind::Svg:
        if (content.size > structuredLimit)
            asTextPages(content, pageBytes, tooLargeNotice);
        else
            content.svg = head + file.readAll();
        break;
    case PreviewKind::Json:
    case PreviewKind::Yaml:
    case PreviewKind::Markdown:
    case PreviewKind::Html: {
        if (tooLarge) {
            asTextPages(content, pageBytes, tooLargeNotice);
            break;
        }
        const QByteArray bytes = head + file.readAll();
        bool invalidUtf8 = false;
        if (content.kind == PreviewKind::Json)
            content.structured = prettyJson(bytes);
        else if (content.kind == PreviewKind::Yaml)
            content.structured = prettyYaml(bytes);
        if (content.kind == PreviewKind::Markdown || content.kind == PreviewKind::Html
            || !content.structured.ok())
            content.text = decode(bytes, invalidUtf8);
        if (invalidUtf8)
            content.notice = utf8Notice();
        break;
    }
    case PreviewKind::MlModel:
        if (tooLarge) {
            asTextPages(content, pageBytes, tooLargeNotice);
            break;
        }
        content.mlModel = readMlModel(path);
        if (!content.mlModel.ok()) { // show it as the YAML it fails to be, with the parser's error
            content.kind = PreviewKind::Yaml;
            content.structured.error = content.mlModel.error;
            content.structured.errorLine = content.mlModel.errorLine;
            content.structured.errorColumn = content.mlModel.errorColumn;
            bool invalidUtf8 = false;
            content.text = decode(head + file.readAll(), invalidUtf8);
        }
        break;
    case PreviewKind::Csv:
    case PreviewKind::Tsv:
        break; // streamed by CsvLoader
    }
    return content;
}

PreviewLoader::PreviewLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // the request in flight and a superseded one winding down
}

PreviewLoader::~PreviewLoader()
{
    cancel();
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

void PreviewLoader::cancel()
{
    ++m_loadGeneration;
    ++m_pageGeneration;
    m_isLoading = false;
}

// Runs `work` on the pool and hands its result to `deliver` on this object's thread through the
// event loop, unless *counter moved past `generation` meanwhile.
template<typename Work, typename Deliver>
void PreviewLoader::runTask(int generation, const int *counter, Work work, Deliver deliver)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, generation, counter, work, deliver] {
        auto result = work();
        QMetaObject::invokeMethod(
            this,
            [this, generation, counter, deliver, result = std::move(result)] {
                if (generation == *counter)
                    deliver(result);
            },
            Qt::QueuedConnection);
    }));
}

void PreviewLoader::load(const QString &path)
{
    const int generation = ++m_loadGeneration;
    ++m_pageGeneration;
    m_isLoading = true;
    const qint64 pageBytes = m_pageBytes;
    const qint64 structuredLimit = m_structuredLimit;
    runTask(
        generation, &m_loadGeneration,
        [path, pageBytes, structuredLimit] {
            Outcome outcome;
            const QFileInfo info(path);
            if (info.isSymLink() && !info.exists())
                outcome.error = tr("%1 is a symbolic link to %2, which does not exist.")
                                    .arg(info.fileName(), info.symLinkTarget());
            else if (!info.exists())
                outcome.error = tr("%1 does not exist (any more).").arg(path);
            else if (info.isDir())
                outcome.error = tr("%1 is a folder: choose a file in it to preview.").arg(info.fileName());
            else if (!info.isFile())
                outcome.error
                    = tr("%1 is not a regular file (a device, socket or pipe).").arg(info.fileName());
            else if (!info.isReadable())
                outcome.error = tr("%1 cannot be read: permission denied.").arg(path);
            if (!outcome.error.isEmpty())
                return outcome;
            outcome.content = read(path, pageBytes, structuredLimit);
            outcome.error = outcome.content.error;
            return outcome;
        },
        [this, path](const Outcome &outcome) {
            m_isLoading = false;
            if (outcome.error.isEmpty())
                emit loaded(outcome.content);
            else
                emit loadFailed(path, outcome.error);
        });
}

void PreviewLoader::loadTextPage(const QString &path, qint64 offset, PageAnchor anchor)
{
    const int generation = ++m_pageGeneration;
    const qint64 pageBytes = m_pageBytes;
    runTask(
        generation, &m_pageGeneration,
        [path, offset, anchor, pageBytes] {
            const TextPager pager(path, pageBytes);
            switch (anchor) {
            case PageAnchor::Before:
                return pager.pageBefore(offset);
            case PageAnchor::Last:
                return pager.lastPage();
            case PageAnchor::At:
                break;
            }
            return pager.pageAt(offset);
        },
        [this, path](const TextPage &page) { emit textPageLoaded(path, page); });
}

void PreviewLoader::loadHexPage(const QString &path, qint64 offset)
{
    const int generation = ++m_pageGeneration;
    runTask(
        generation, &m_pageGeneration, [path, offset] { return readHexPage(path, offset); },
        [this, path](const HexPage &page) { emit hexPageLoaded(path, page); });
}

} // namespace Artifacts
