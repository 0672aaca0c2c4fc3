#pragma once

#include "previewloader.h"

#include <QWidget>

class HexPreview;
class ImagePreview;
class MarkdownPreview;
class MlModelPreview;
class QLabel;
class QStackedWidget;
class StructuredPreview;
class TablePreview;
class TextPagePreview;

// The preview of one artifact file: a header line (name, size, kind), a notice when the file is
// shown another way than its name says, and one viewer per kind in a stack. Files are read on a
// worker (PreviewLoader); a newer showFile() drops what an older one was reading. Never writes.
class ArtifactPreview : public QWidget
{
    Q_OBJECT
public:
    explicit ArtifactPreview(QWidget *parent = nullptr);

    // Previews the file; previewShown() when it is on screen, messageShown() if it cannot be.
    void showFile(const QString &absolutePath);
    // A message instead of a preview ("Select a file", "Remote artifacts are not supported").
    void showMessage(const QString &message);
    void clear();
    // The file shown or being read; empty while a message shows.
    QString currentPath() const { return m_path; }

    // What the preview shows, for the pane and the tests.
    QWidget *currentViewer() const;
    Artifacts::PreviewKind currentKind() const { return m_kind; }
    QString headerText() const;
    QString noticeText() const;
    QString messageText() const;
    // The loader, to tune page sizes and limits (tests).
    Artifacts::PreviewLoader *loader() const { return m_loader; }

signals:
    // The preview of the file is on screen (after its worker load). `kindName` is the stable key
    // of Artifacts::previewKindKey() of the viewer that shows it ("json", "binary", ...).
    void previewShown(const QString &absolutePath, const QString &kindName);
    // A message took the preview's place (showMessage, or a file that cannot be previewed).
    void messageShown(const QString &message);

private:
    void onLoaded(const Artifacts::PreviewContent &content);
    void showContent(const Artifacts::PreviewContent &content);
    void setNotice(const QString &notice);
    void setHeader(const QString &path, qint64 size, Artifacts::PreviewKind kind);
    void showViewer(QWidget *viewer, Artifacts::PreviewKind kind);

    Artifacts::PreviewLoader *m_loader;
    QLabel *m_header;
    QLabel *m_notice;
    QStackedWidget *m_stack;
    QLabel *m_message;
    ImagePreview *m_image;
    TextPagePreview *m_text;
    StructuredPreview *m_structured;
    TablePreview *m_table;
    MarkdownPreview *m_markdown;
    MlModelPreview *m_mlModel;
    HexPreview *m_hex;
    QString m_path;
    Artifacts::PreviewKind m_kind = Artifacts::PreviewKind::Binary;
};
