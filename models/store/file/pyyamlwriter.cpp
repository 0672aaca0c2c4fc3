#include "pyyamlwriter.h"

#include "storetypes.h"

#include <QRegularExpression>

#include <algorithm>
#include <string>

// The scalar analysis and the scalar writers follow libyaml's emitter.c, which MLflow's
// yaml.dump(Dumper=CSafeDumper) runs (PyYAML's wheels bundle it): analyze_scalar,
// select_scalar_style, write_plain, write_single_quoted, write_double_quoted, write_indent.
// PyYAML's pure-Python emitter agrees except for double-quoted folding and for NEL and
// characters beyond the BMP, which libyaml escapes.

namespace Store {

namespace {

constexpr int BestWidth = 80; // PyYAML's default line width
constexpr int BestIndent = 2;

// libyaml's IS_BREAK.
bool isBreak(char32_t c)
{
    return c == U'\r' || c == U'\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// libyaml's IS_PRINTABLE (narrower than PyYAML's own emitter: no NEL, nothing beyond the BMP).
bool isPrintable(char32_t c)
{
    return c == U'\n' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

// libyaml's IS_BLANKZ (PyYAML's '\0 \t\r\n\x85\u2028\u2029').
bool isWhitespaceOrBreak(char32_t c)
{
    return c == 0 || c == U' ' || c == U'\t' || c == U'\r' || isBreak(c);
}

// Whether a plain scalar `text` would read back as something else than a string (YAML 1.1's
// implicit types as PyYAML's resolver knows them): then PyYAML quotes it.
bool resolvesToNonString(const QString &text)
{
    static const QRegularExpression patterns[] = {
        // bool
        QRegularExpression(QStringLiteral(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")),
        // float
        QRegularExpression(QStringLiteral("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                                          "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                                          "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                                          "|[-+]?\\.(?:inf|Inf|INF)"
                                          "|\\.(?:nan|NaN|NAN))$")),
        // int
        QRegularExpression(QStringLiteral("^(?:[-+]?0b[0-1_]+"
                                          "|[-+]?0[0-7_]+"
                                          "|[-+]?(?:0|[1-9][0-9_]*)"
                                          "|[-+]?0x[0-9a-fA-F_]+"
                                          "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$")),
        // merge, null, value
        QRegularExpression(QStringLiteral("^(?:<<|~|null|Null|NULL|=|)$")),
        // timestamp
        QRegularExpression(QStringLiteral("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                                          "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                                          "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                                          ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                                          "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$")),
    };
    for (const QRegularExpression &pattern : patterns) {
        if (pattern.match(text).hasMatch())
            return true;
    }
    return false;
}

struct Analysis
{
    bool empty = false;
    bool multiline = false;
    bool allowBlockPlain = true;
    bool allowSingleQuoted = true;
};

// PyYAML's analyze_scalar, reduced to what block context needs (no flow collections here).
Analysis analyze(const std::u32string &s)
{
    Analysis a;
    if (s.empty()) {
        a.empty = true;
        return a;
    }
    bool blockIndicators = false;
    bool lineBreaks = false;
    bool specialCharacters = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    bool breakSpace = false, spaceBreak = false;
    if (s.starts_with(U"---") || s.starts_with(U"..."))
        blockIndicators = true;
    bool precededByWhitespace = true;
    bool followedByWhitespace = s.size() == 1 || isWhitespaceOrBreak(s[1]);
    bool previousSpace = false, previousBreak = false;
    for (size_t index = 0; index < s.size(); ++index) {
        const char32_t ch = s[index];
        if (index == 0) {
            if (std::u32string_view(U"#,[]{}&*!|>'\"%@`").find(ch) != std::u32string_view::npos)
                blockIndicators = true;
            if ((ch == U'?' || ch == U':') && followedByWhitespace)
                blockIndicators = true;
            if (ch == U'-' && followedByWhitespace)
                blockIndicators = true;
        } else {
            if (ch == U':' && followedByWhitespace)
                blockIndicators = true;
            if (ch == U'#' && precededByWhitespace)
                blockIndicators = true;
        }
        if (isBreak(ch))
            lineBreaks = true;
        if (!isPrintable(ch))
            specialCharacters = true; // allow_unicode: other characters are written as they are
        if (ch == U' ') {
            if (index == 0)
                leadingSpace = true;
            if (index == s.size() - 1)
                trailingSpace = true;
            if (previousBreak)
                breakSpace = true;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(ch)) {
            if (index == 0)
                leadingBreak = true;
            if (index == s.size() - 1)
                trailingBreak = true;
            if (previousSpace)
                spaceBreak = true;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = false;
            previousBreak = false;
        }
        precededByWhitespace = isWhitespaceOrBreak(ch);
        followedByWhitespace = index + 2 >= s.size() || isWhitespaceOrBreak(s[index + 2]);
    }
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
        a.allowBlockPlain = false;
    if (breakSpace)
        a.allowBlockPlain = a.allowSingleQuoted = false;
    if (spaceBreak || specialCharacters)
        a.allowBlockPlain = a.allowSingleQuoted = false;
    if (lineBreaks)
        a.allowBlockPlain = false;
    if (blockIndicators)
        a.allowBlockPlain = false;
    a.multiline = lineBreaks;
    return a;
}

} // namespace

// The state of PyYAML's Emitter while it writes a block mapping of scalars.
class PyYamlMapping::Emitter
{
public:
    QString out;
    int indent = 0;

    void writeIndicator(const char *indicator, bool needWhitespace, bool whitespace = false)
    {
        if (!m_whitespace && needWhitespace)
            write(U" ");
        write(std::u32string(indicator, indicator + std::char_traits<char>::length(indicator)));
        m_whitespace = whitespace;
        m_indention = false;
    }

    void writeIndent()
    {
        if (!m_indention || m_column > indent || (m_column == indent && !m_whitespace))
            writeLineBreak();
        if (m_column < indent) {
            m_whitespace = true;
            write(std::u32string(size_t(indent - m_column), U' '));
        }
    }

    // A scalar; `implicitPlain`: it reads back as what it is when written plain.
    void writeScalar(const QString &value, bool simpleKey, bool implicitPlain)
    {
        const std::u32string text = value.toStdU32String();
        const Analysis a = analyze(text);
        const bool split = !simpleKey;
        if (implicitPlain && !(simpleKey && (a.empty || a.multiline)) && a.allowBlockPlain)
            writePlain(text, split);
        else if (a.allowSingleQuoted && !(simpleKey && a.multiline))
            writeSingleQuoted(text, split);
        else
            writeDoubleQuoted(text, split);
    }

private:
    int m_column = 0;
    bool m_whitespace = true;
    bool m_indention = true;

    void write(const std::u32string &data)
    {
        out += QString::fromStdU32String(data);
        m_column += int(data.size());
    }
    void writeRange(const std::u32string &text, size_t start, size_t end)
    {
        write(text.substr(start, end - start));
    }

    void writeLineBreak(char32_t lineBreak = U'\n')
    {
        m_whitespace = true;
        m_indention = true;
        out += QString::fromStdU32String(std::u32string(1, lineBreak));
        m_column = 0;
    }

    // The line breaks of text[start, end): the first doubled when it is '\n' (folding rule).
    void writeBreaks(const std::u32string &text, size_t start, size_t end)
    {
        if (text[start] == U'\n')
            writeLineBreak();
        for (size_t i = start; i < end; ++i)
            writeLineBreak(text[i]);
        writeIndent();
    }

    void writePlain(const std::u32string &text, bool split)
    {
        if (text.empty())
            return;
        if (!m_whitespace)
            write(U" ");
        m_whitespace = false;
        m_indention = false;
        bool spaces = false, breaks = false;
        size_t start = 0;
        for (size_t end = 0; end <= text.size(); ++end) {
            const bool atEnd = end == text.size();
            const char32_t ch = atEnd ? 0 : text[end];
            if (spaces) {
                if (atEnd || ch != U' ') {
                    if (start + 1 == end && m_column > BestWidth && split) {
                        writeIndent();
                        m_whitespace = false;
                        m_indention = false;
                    } else {
                        writeRange(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (atEnd || !isBreak(ch)) {
                    writeBreaks(text, start, end);
                    m_whitespace = false;
                    m_indention = false;
                    start = end;
                }
            } else if (atEnd || ch == U' ' || isBreak(ch)) {
                writeRange(text, start, end);
                start = end;
            }
            if (!atEnd) {
                spaces = ch == U' ';
                breaks = isBreak(ch);
            }
        }
    }

    void writeSingleQuoted(const std::u32string &text, bool split)
    {
        writeIndicator("'", true);
        bool spaces = false, breaks = false;
        size_t start = 0;
        for (size_t end = 0; end <= text.size(); ++end) {
            const bool atEnd = end == text.size();
            const char32_t ch = atEnd ? 0 : text[end];
            if (spaces) {
                if (atEnd || ch != U' ') {
                    if (start + 1 == end && m_column > BestWidth && split && start != 0 && !atEnd)
                        writeIndent();
                    else
                        writeRange(text, start, end);
                    start = end;
                }
            } else if (breaks) {
                if (atEnd || !isBreak(ch)) {
                    writeBreaks(text, start, end);
                    start = end;
                }
            } else if (atEnd || ch == U' ' || isBreak(ch) || ch == U'\'') {
                if (start < end) {
                    writeRange(text, start, end);
                    start = end;
                }
            }
            if (ch == U'\'' && !atEnd) {
                write(U"''");
                start = end + 1;
            }
            if (!atEnd) {
                spaces = ch == U' ';
                breaks = isBreak(ch);
            }
        }
        writeIndicator("'", false);
    }

    static std::u32string escape(char32_t ch)
    {
        switch (ch) {
        case 0:
            return U"\\0";
        case 0x07:
            return U"\\a";
        case 0x08:
            return U"\\b";
        case 0x09:
            return U"\\t";
        case 0x0A:
            return U"\\n";
        case 0x0B:
            return U"\\v";
        case 0x0C:
            return U"\\f";
        case 0x0D:
            return U"\\r";
        case 0x1B:
            return U"\\e";
        case U'"':
            return U"\\\"";
        case U'\\':
            return U"\\\\";
        case 0x85:
            return U"\\N";
        case 0xA0:
            return U"\\_";
        case 0x2028:
            return U"\\L";
        case 0x2029:
            return U"\\P";
        default:
            break;
        }
        const char *prefix = ch <= 0xFF ? "\\x" : ch <= 0xFFFF ? "\\u" : "\\U";
        const int width = ch <= 0xFF ? 2 : ch <= 0xFFFF ? 4 : 8;
        return (QLatin1String(prefix)
                + QString::number(uint(ch), 16).toUpper().rightJustified(width, QLatin1Char('0')))
            .toStdU32String();
    }

    // libyaml's yaml_emitter_write_double_quoted (PyYAML's own emitter folds differently).
    void writeDoubleQuoted(const std::u32string &text, bool split)
    {
        writeIndicator("\"", true);
        bool spaces = false;
        for (size_t i = 0; i < text.size(); ++i) {
            const char32_t ch = text[i];
            if (!isPrintable(ch) || isBreak(ch) || ch == U'"' || ch == U'\\') {
                write(escape(ch));
                spaces = false;
            } else if (ch == U' ') {
                if (split && !spaces && m_column > BestWidth && i != 0 && i != text.size() - 1) {
                    writeIndent();
                    if (text[i + 1] == U' ')
                        write(U"\\");
                } else {
                    write(U" ");
                }
                spaces = true;
            } else {
                write(std::u32string(1, ch));
                spaces = false;
            }
        }
        writeIndicator("\"", false);
    }
};

PyYamlMapping &PyYamlMapping::add(Entry entry)
{
    m_entries.append(std::move(entry));
    return *this;
}

PyYamlMapping &PyYamlMapping::null(const QString &key)
{
    return add({key, Kind::Null, 0, {}, {}});
}

PyYamlMapping &PyYamlMapping::integer(const QString &key, qint64 value)
{
    return add({key, Kind::Integer, value, {}, {}});
}

PyYamlMapping &PyYamlMapping::string(const QString &key, const QString &value)
{
    return add({key, Kind::String, 0, value, {}});
}

PyYamlMapping &PyYamlMapping::stringOrNull(const QString &key, const QString &value)
{
    return value.isEmpty() ? null(key) : string(key, value);
}

PyYamlMapping &PyYamlMapping::timeOrNull(const QString &key, qint64 time)
{
    return time == NoTime ? null(key) : integer(key, time);
}

PyYamlMapping &PyYamlMapping::emptyList(const QString &key)
{
    return add({key, Kind::EmptyList, 0, {}, {}});
}

PyYamlMapping &PyYamlMapping::mapping(const QString &key, const PyYamlMapping &value)
{
    return add({key, Kind::Mapping, 0, {}, std::make_shared<const PyYamlMapping>(value)});
}

void PyYamlMapping::write(Emitter &e) const
{
    // sort_keys=True: Python compares code points, which UTF-8 bytes order alike.
    QList<const Entry *> entries;
    for (const Entry &entry : m_entries)
        entries.append(&entry);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry *a, const Entry *b) { return a->key.toUtf8() < b->key.toUtf8(); });
    const int indent = e.indent;
    for (const Entry *entry : entries) {
        e.writeIndent();
        e.indent = indent + BestIndent; // a scalar is written one indent deeper
        e.writeScalar(entry->key, true, !resolvesToNonString(entry->key));
        e.writeIndicator(":", false);
        switch (entry->kind) {
        case Kind::Null:
            e.writeScalar(QStringLiteral("null"), false, true);
            break;
        case Kind::Integer:
            e.writeScalar(QString::number(entry->integer), false, true);
            break;
        case Kind::String:
            e.writeScalar(entry->text, false, !resolvesToNonString(entry->text));
            break;
        case Kind::EmptyList:
            e.writeIndicator("[", true, true);
            e.writeIndicator("]", false);
            break;
        case Kind::Mapping:
            if (entry->nested->isEmpty()) {
                e.writeIndicator("{", true, true);
                e.writeIndicator("}", false);
            } else {
                entry->nested->write(e); // its keys one indent deeper, as set above
            }
            break;
        }
        e.indent = indent;
    }
}

QByteArray PyYamlMapping::toYaml() const
{
    Emitter e;
    if (m_entries.isEmpty()) {
        e.writeIndicator("{", true, true);
        e.writeIndicator("}", false);
    } else {
        write(e);
    }
    e.indent = 0;
    e.writeIndent(); // the document ends with a line break
    return e.out.toUtf8();
}

QString PyYamlMapping::scalarAsValue(const QString &key, const QString &value)
{
    QString yaml = QString::fromUtf8(PyYamlMapping().string(key, value).toYaml());
    yaml.remove(0, key.size() + 2); // "key: "
    yaml.chop(1);
    return yaml;
}

} // namespace Store
