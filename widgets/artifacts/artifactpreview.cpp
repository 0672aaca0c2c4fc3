#include "artifactpreview.h"

#include "artifactentry.h"
#include "hexpreview.h"
#include "imagepreview.h"
#include "markdownpreview.h"
#include "mlmodelpreview.h"
#include "structuredpreview.h"
#include "tablepreview.h"
#include "textpagepreview.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

using Artifacts::PreviewContent;
using Artifacts::PreviewKind;

ArtifactPreview::ArtifactPreview(QWidget *parent)
    : QWidget(parent),
      m_loader(new Artifacts::PreviewLoader(this)),
      m_header(new QLabel(this)),
      m_notice(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_message(new QLabel(this)),
      m_image(new ImagePreview(this)),
      m_text(new TextPagePreview(this)),
      m_structured(new StructuredPreview(this)),
      m_table(new TablePreview(this)),
      m_markdown(new MarkdownPreview(this)),
      m_mlModel(new MlModelPreview(this)),
      m_hex(new HexPreview(this))
{
    setObjectName(QStringLiteral("artifactPreview"));
    m_header->setObjectName(QStringLiteral("previewHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setContentsMargins(4, 2, 4, 0);
    m_notice->setObjectName(QStringLiteral("previewNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #4a3b00; padding: 4px; }"));
    m_notice->hide();
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QWidget *viewer : {static_cast<QWidget *>(m_message), static_cast<QWidget *>(m_image),
                            static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_structured),
                            static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_markdown),
                            static_cast<QWidget *>(m_mlModel), static_cast<QWidget *>(m_hex)})
        m_stack->addWidget(viewer);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_notice);
    layout->addWidget(m_stack, 1);

    connect(m_loader, &Artifacts::PreviewLoader::loaded, this, &ArtifactPreview::onLoaded);
    connect(m_loader, &Artifacts::PreviewLoader::loadFailed, this,
            [this](const QString &path, const QString &message) {
                if (path != m_path)
                    return;
                showMessage(message);
                m_path = path; // still the file the pane asked for
            });
    connect(m_text, &TextPagePreview::pageRequested, this,
            [this](qint64 offset, Artifacts::PageAnchor anchor) {
                m_loader->loadTextPage(m_path, offset, anchor);
            });
    connect(m_loader, &Artifacts::PreviewLoader::textPageLoaded, this,
            [this](const QString &path, const Artifacts::TextPage &page) {
                if (path == m_path)
                    m_text->setPage(page);
            });
    connect(m_hex, &HexPreview::pageRequested, this,
            [this](qint64 offset) { m_loader->loadHexPage(m_path, offset); });
    connect(m_loader, &Artifacts::PreviewLoader::hexPageLoaded, this,
            [this](const QString &path, const Artifacts::HexPage &page) {
                if (path == m_path)
                    m_hex->setPage(page);
            });
    connect(m_table, &TablePreview::firstRowsShown, this,
            [this] { emit previewShown(m_path, Artifacts::previewKindKey(m_kind)); });
    clear();
}

void ArtifactPreview::showFile(const QString &absolutePath)
{
    m_table->clear();
    m_path = absolutePath;
    m_header->setText(QStringLiteral("<b>%1</b>").arg(QFileInfo(absolutePath).fileName().toHtmlEscaped()));
    setNotice({});
    m_message->setText(tr("Reading %1…").arg(QFileInfo(absolutePath).fileName()));
    m_stack->setCurrentWidget(m_message);
    m_loader->load(absolutePath);
}

void ArtifactPreview::showMessage(const QString &message)
{
    m_loader->cancel();
    m_table->clear();
    m_path.clear();
    setNotice({});
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    emit messageShown(message);
}

void ArtifactPreview::clear()
{
    m_loader->cancel();
    m_table->clear();
    m_path.clear();
    m_header->clear();
    setNotice({});
    m_message->clear();
    m_image->clear();
    m_text->clear();
    m_structured->clear();
    m_markdown->clear();
    m_mlModel->clear();
    m_hex->clear();
    m_stack->setCurrentWidget(m_message);
}

QWidget *ArtifactPreview::currentViewer() const
{
    return m_stack->currentWidget();
}

QString ArtifactPreview::headerText() const
{
    return m_header->text();
}

QString ArtifactPreview::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

QString ArtifactPreview::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void ArtifactPreview::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void ArtifactPreview::setHeader(const QString &path, qint64 size, PreviewKind kind)
{
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2 &nbsp;·&nbsp; %3")
                          .arg(QFileInfo(path).fileName().toHtmlEscaped(),
                               Artifacts::formatSize(size).toHtmlEscaped(),
                               Artifacts::previewKindName(kind).toHtmlEscaped()));
}

void ArtifactPreview::showViewer(QWidget *viewer, PreviewKind kind)
{
    m_kind = kind;
    m_stack->setCurrentWidget(viewer);
}

void ArtifactPreview::onLoaded(const PreviewContent &content)
{
    if (content.path != m_path)
        return;
    showContent(content);
    if (content.kind != PreviewKind::Csv && content.kind != PreviewKind::Tsv) // the table says when
        emit previewShown(m_path, Artifacts::previewKindKey(m_kind));
}

void ArtifactPreview::showContent(const PreviewContent &content)
{
    setHeader(content.path, content.size, content.kind);
    setNotice(content.notice);
    using Language = CodeHighlighter::Language;
    switch (content.kind) {
    case PreviewKind::Image:
        showViewer(m_image, content.kind); // first, so that fitting sees the room it has
        m_image->setImage(content.image);
        break;
    case PreviewKind::Svg:
        showViewer(m_image, content.kind);
        if (!m_image->setSvg(content.svg)) {
            setNotice(
                tr("The SVG cannot be drawn (it is not well-formed SVG); its source is shown instead."));
            m_structured->setText(QString::fromUtf8(content.svg), Language::Html);
            showViewer(m_structured, PreviewKind::Html);
        }
        break;
    case PreviewKind::Text:
        m_text->setPage(content.textPage);
        showViewer(m_text, content.kind);
        break;
    case PreviewKind::Json:
    case PreviewKind::Yaml: {
        const Language language = content.kind == PreviewKind::Json ? Language::Json : Language::Yaml;
        if (content.structured.ok())
            m_structured->setText(content.structured.text, language);
        else
            m_structured->setText(
                content.text, language,
                tr("Not valid %1 — %2")
                    .arg(Artifacts::previewKindName(content.kind), content.structured.errorText()),
                content.structured.errorLine);
        showViewer(m_structured, content.kind);
        break;
    }
    case PreviewKind::Html:
        m_structured->setText(content.text, Language::Html);
        showViewer(m_structured, content.kind);
        break;
    case PreviewKind::Csv:
    case PreviewKind::Tsv:
        m_table->load(content.path, content.kind == PreviewKind::Tsv ? '\t' : ',');
        showViewer(m_table, content.kind);
        break;
    case PreviewKind::Markdown:
        m_markdown->setMarkdown(content.text, content.path);
        showViewer(m_markdown, content.kind);
        break;
    case PreviewKind::MlModel:
        m_mlModel->setSummary(content.mlModel);
        showViewer(m_mlModel, content.kind);
        break;
    case PreviewKind::Binary:
        m_hex->setPage(content.hexPage);
        showViewer(m_hex, content.kind);
        break;
    }
}
