#include "codehighlighter.h"

namespace {

QTextCharFormat textFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

CodeHighlighter::CodeHighlighter(Language language, QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_language(language),
      m_comment(textFormat(QColor(0x6a, 0x73, 0x7d), false, true))
{
    const QTextCharFormat key = textFormat(QColor(0x00, 0x5c, 0xc5), true);
    const QTextCharFormat stringValue = textFormat(QColor(0x22, 0x86, 0x3a));
    const QTextCharFormat number = textFormat(QColor(0xb3, 0x1d, 0x28));
    const QTextCharFormat literal = textFormat(QColor(0x6f, 0x42, 0xc1), true);
    const QString quoted = QStringLiteral(R"("(?:[^"\\]|\\.)*")");
    const QString numberPattern = QStringLiteral(R"((?<![\w.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.]))");
    switch (language) {
    case Language::Json:
        addRule(numberPattern, number);
        addRule(QStringLiteral(R"(\b(?:true|false|null)\b)"), literal);
        addRule(quoted, stringValue);
        addRule(quoted + QStringLiteral(R"((?=\s*:))"), key);
        break;
    case Language::Yaml:
        addRule(numberPattern, number);
        addRule(QStringLiteral(R"(\b(?:true|false|null|yes|no|True|False|Null|~)\b)"), literal);
        addRule(QStringLiteral(R"([&*][\w-]+)"), literal);
        addRule(QStringLiteral(R"(^\s*-?\s*[^\s#'"\-][^:#]*?(?=:(?:\s|$)))"), key);
        addRule(quoted + QStringLiteral(R"(|'(?:[^']|'')*')"), stringValue);
        addRule(QStringLiteral(R"(^(?:---|\.\.\.)\s*$)"), literal);
        addRule(QStringLiteral(R"((?:^|\s)#.*$)"), m_comment);
        break;
    case Language::Html:
        addRule(QStringLiteral(R"(</?[A-Za-z][\w:-]*|/?>)"), key);
        addRule(QStringLiteral(R"(\s[\w:-]+(?==))"), literal);
        addRule(quoted + QStringLiteral(R"(|'[^']*')"), stringValue);
        addRule(QStringLiteral(R"(&#?\w+;)"), number);
        addRule(QStringLiteral(R"(<!DOCTYPE[^>]*>)"), m_comment);
        break;
    }
}

void CodeHighlighter::addRule(const QString &pattern, const QTextCharFormat &format)
{
    m_rules.append({QRegularExpression(pattern), format});
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    if (m_language == Language::Html)
        highlightHtmlComments(text);
}

// <!-- ... --> may span lines: block state 1 means "inside a comment".
void CodeHighlighter::highlightHtmlComments(const QString &text)
{
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(QLatin1String("<!--"));
    while (start >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("-->"), start);
        if (end < 0) {
            setCurrentBlockState(1);
            setFormat(int(start), int(text.size() - start), m_comment);
            return;
        }
        setFormat(int(start), int(end + 3 - start), m_comment);
        start = text.indexOf(QLatin1String("<!--"), end + 3);
    }
}
