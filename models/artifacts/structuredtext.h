#pragma once

#include <QByteArrayView>
#include <QString>

namespace Artifacts {

// A JSON or YAML document pretty-printed, or where it fails to parse.
struct StructuredText
{
    QString text; // the pretty text; empty when the input does not parse
    QString error; // the parser's message, empty when it parsed
    int errorLine = 0; // 1-based; 0 when unknown
    int errorColumn = 0; // 1-based; 0 when unknown

    bool ok() const { return error.isEmpty(); }
    // "Line 3, column 7: missing comma" (translated), empty when it parsed.
    QString errorText() const;
};

// JSON indented by four spaces, checked by QJsonDocument and re-indented token by token so that
// keys keep their order and numbers their spelling.
StructuredText prettyJson(QByteArrayView json);
// YAML re-emitted with yaml-cpp (block style, two-space indent); several documents stay
// separated by "---". Comments are not kept.
StructuredText prettyYaml(QByteArrayView yaml);

} // namespace Artifacts
