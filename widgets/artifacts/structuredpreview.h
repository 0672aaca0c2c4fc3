#pragma once

#include "codehighlighter.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

// Highlighted source: pretty JSON or YAML, or HTML as text (never rendered). When the input
// did not parse, the parser's message (line and column) sits above the raw text, the cursor on
// the line it names.
class StructuredPreview : public QWidget
{
    Q_OBJECT
public:
    // Texts longer than this are shown without colours (highlighting is on the GUI thread).
    static constexpr qsizetype HighlightLimit = 2 * 1024 * 1024;

    explicit StructuredPreview(QWidget *parent = nullptr);

    void setText(const QString &text, CodeHighlighter::Language language, const QString &error = {},
                 int errorLine = 0);
    void clear();

    QString text() const;
    QString errorText() const;
    bool isHighlighted() const;

private:
    QLabel *m_error;
    QPlainTextEdit *m_text;
    CodeHighlighter *m_highlighter = nullptr;
};
