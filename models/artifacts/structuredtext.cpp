#include "structuredtext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <string>
#include <yaml-cpp/yaml.h>

namespace Artifacts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts::StructuredText", text);
}

// Line and column (1-based, the column in characters) of byte `offset` of `text`.
std::pair<int, int> lineAndColumn(QByteArrayView text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const QByteArrayView before = text.first(offset);
    const int line = int(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = int(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return {line, column};
}

// Re-indents valid JSON: whitespace outside strings dropped, a line break after '{', '[' and
// ',', a space after ':'; empty objects and arrays stay "{}" and "[]".
QString reindentJson(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size() * 3 / 2);
    int depth = 0;
    const auto newline = [&out, &depth] {
        out += '\n';
        out.append(QByteArray(depth * 4, ' '));
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
        case '"': {
            const qsizetype start = i++;
            while (i < json.size() && json[i] != '"')
                i += json[i] == '\\' ? 2 : 1;
            out.append(json.sliced(start, std::min(i, json.size() - 1) - start + 1));
            break;
        }
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < json.size() && QChar::isSpace(uchar(json[next])))
                ++next;
            if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
                out += c;
                out += json[next];
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += '\n';
    return QString::fromUtf8(out);
}

// Block style all the way down: a node keeps the flow style it was read in otherwise.
void setBlockStyle(YAML::Node node)
{
    if (!node.IsMap() && !node.IsSequence())
        return;
    node.SetStyle(YAML::EmitterStyle::Block);
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (node.IsMap())
            setBlockStyle(it->second);
        else
            setBlockStyle(*it);
    }
}

} // namespace

QString StructuredText::errorText() const
{
    if (ok())
        return {};
    if (errorLine <= 0)
        return error;
    return tr("Line %1, column %2: %3").arg(errorLine).arg(errorColumn).arg(error);
}

StructuredText prettyJson(QByteArrayView json)
{
    StructuredText result;
    QJsonParseError parseError;
    const QByteArray bytes = json.toByteArray();
    QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = parseError.errorString();
        std::tie(result.errorLine, result.errorColumn) = lineAndColumn(json, parseError.offset);
        return result;
    }
    result.text = reindentJson(json);
    return result;
}

StructuredText prettyYaml(QByteArrayView yaml)
{
    StructuredText result;
    try {
        const std::vector<YAML::Node> documents
            = YAML::LoadAll(std::string(yaml.data(), size_t(yaml.size())));
        YAML::Emitter emitter;
        emitter.SetIndent(2);
        for (const YAML::Node &document : documents) {
            if (documents.size() > 1)
                emitter << YAML::BeginDoc;
            setBlockStyle(document);
            emitter << document;
        }
        if (!emitter.good()) {
            result.error = QString::fromStdString(emitter.GetLastError());
            return result;
        }
        result.text = QString::fromUtf8(emitter.c_str(), qsizetype(emitter.size()));
        if (!result.text.endsWith(QLatin1Char('\n')))
            result.text += QLatin1Char('\n');
    } catch (const YAML::Exception &e) {
        result.error = QString::fromStdString(e.msg);
        if (!e.mark.is_null()) {
            result.errorLine = e.mark.line + 1;
            result.errorColumn = e.mark.column + 1;
        }
    }
    return result;
}

} // namespace Artifacts
