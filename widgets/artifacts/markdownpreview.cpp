#include "markdownpreview.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

MarkdownPreview::MarkdownPreview(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("markdownPreview"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

void MarkdownPreview::setMarkdown(const QString &markdown, const QString &path)
{
    m_folder = QFileInfo(path).absolutePath();
    document()->setBaseUrl(QUrl::fromLocalFile(m_folder + QLatin1Char('/')));
    QTextBrowser::setMarkdown(markdown);
}

QVariant MarkdownPreview::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource || m_folder.isEmpty())
        return {};
    const QUrl url = document()->baseUrl().resolved(name);
    if (!url.isLocalFile())
        return {}; // http:, https:, data: ... are not fetched
    const QString file = QFileInfo(url.toLocalFile()).canonicalFilePath();
    const QString folder = QFileInfo(m_folder).canonicalFilePath();
    if (file.isEmpty() || !file.startsWith(folder + QLatin1Char('/'))
        || QFileInfo(file).size() > 32 * 1024 * 1024)
        return {};
    return QTextBrowser::loadResource(type, QUrl::fromLocalFile(file));
}
