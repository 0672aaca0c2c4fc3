#include "structuredpreview.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

StructuredPreview::StructuredPreview(QWidget *parent)
    : QWidget(parent), m_error(new QLabel(this)), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("structuredPreview"));
    m_error->setObjectName(QStringLiteral("parseError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; padding: 4px; }"));
    m_error->hide();
    m_text->setObjectName(QStringLiteral("structuredText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(m_text, 1);
}

void StructuredPreview::setText(const QString &text, CodeHighlighter::Language language, const QString &error,
                                int errorLine)
{
    delete m_highlighter;
    m_highlighter = nullptr;
    m_text->setExtraSelections({});
    if (text.size() <= HighlightLimit)
        m_highlighter = new CodeHighlighter(language, m_text->document());
    m_text->setPlainText(text);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty() || errorLine <= 0)
        return;
    const QTextBlock block = m_text->document()->findBlockByNumber(errorLine - 1);
    if (!block.isValid())
        return;
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(block);
    mark.format.setBackground(QColor(0xfd, 0xec, 0xea));
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_text->setExtraSelections({mark});
    m_text->setTextCursor(QTextCursor(block));
    m_text->centerCursor();
}

void StructuredPreview::clear()
{
    setText({}, CodeHighlighter::Language::Json);
}

QString StructuredPreview::text() const
{
    return m_text->toPlainText();
}

QString StructuredPreview::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool StructuredPreview::isHighlighted() const
{
    return m_highlighter != nullptr;
}
