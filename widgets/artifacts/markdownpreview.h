#pragma once

#include <QTextBrowser>

// Markdown rendered by QTextDocument::setMarkdown. Links are not followed (a click does
// nothing); images load only from files under the Markdown file's own folder, never from the
// network.
class MarkdownPreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MarkdownPreview(QWidget *parent = nullptr);

    // `markdown` read from the file at `path` (relative images resolve against its folder).
    void setMarkdown(const QString &markdown, const QString &path);

    QVariant loadResource(int type, const QUrl &name) override;

private:
    QString m_folder;
};
