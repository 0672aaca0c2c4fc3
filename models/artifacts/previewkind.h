#pragma once

#include <QByteArrayView>
#include <QString>

namespace Artifacts {

// How an artifact file is previewed. Decided from its name and its first block of bytes.
enum class PreviewKind { Image, Svg, Text, Json, Yaml, Csv, Tsv, Markdown, MlModel, Html, Binary };

// How many bytes of a file's head previewKindFor() wants to see.
inline constexpr qint64 PreviewHeadBytes = 8192;

// The kind a file named `fileName` (no folder needed) with the first bytes `head` is shown as.
// A text kind (anything but Image and Svg) whose head holds a NUL byte is Binary; so is a file
// of unknown type whose head is not text.
PreviewKind previewKindFor(const QString &fileName, QByteArrayView head);
// The kind from the name alone (what the file claims to be).
PreviewKind previewKindForName(const QString &fileName);
// NUL bytes, or mostly control characters: not text.
bool looksBinary(QByteArrayView head);
// "Image", "JSON", ... for the preview's header line (translated).
QString previewKindName(PreviewKind kind);
// "image", "json", ... : a stable, untranslated name (signals, tests, the command line).
QString previewKindKey(PreviewKind kind);
// Whether Qt's image plugins here read files with this suffix (lower case, no dot).
bool isReadableImageSuffix(const QString &suffix);

} // namespace Artifacts
