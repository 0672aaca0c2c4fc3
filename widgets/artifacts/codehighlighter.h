#pragma once

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Colours JSON, YAML or HTML source: keys, strings, numbers, literals, comments, tags.
class CodeHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Json, Yaml, Html };

    CodeHighlighter(Language language, QTextDocument *document);
    Language language() const { return m_language; }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    void addRule(const QString &pattern, const QTextCharFormat &format);
    void highlightHtmlComments(const QString &text);

    Language m_language;
    QList<Rule> m_rules; // later rules win where they overlap
    QTextCharFormat m_comment;
};
