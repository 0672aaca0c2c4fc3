#pragma once

#include "storeerror.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Artifacts {

// A range of characters (UTF-16 code units) inside one line.
struct TextRange
{
    int start = 0;
    int length = 0;

    bool operator==(const TextRange &) const = default;
};

// One row of a side-by-side diff: a line of each side, or of one side only.
struct TextDiffRow
{
    enum Kind {
        Equal, // the same line on both sides
        Changed, // a removed line paired with an added one; the ranges say which characters differ
        Added, // only on the right (leftLineNumber -1)
        Removed, // only on the left (rightLineNumber -1)
    };
    int leftLineNumber = -1; // 1-based; -1 when the row has no left line
    QString leftText;
    int rightLineNumber = -1;
    QString rightText;
    Kind kind = Equal;
    QList<TextRange> leftRanges; // Changed rows: characters of the left line not in the right one
    QList<TextRange> rightRanges; // Changed rows: characters of the right line not in the left one
};

struct TextDiffOptions
{
    int maxLines = 20000; // per side; the rest is left out, with a notice
    qint64 maxBytes = 4 * 1024 * 1024; // per side, read from a file
    int maxCharacterDiffLength = 4000; // longer changed lines are marked whole
};

struct TextDiff
{
    QList<TextDiffRow> rows;
    bool truncated = false; // a side was longer than the limits; only its start was compared
    bool prettyPrintedJson = false; // both sides were JSON and are compared as pretty-printed
    QString notice; // a sentence for the view when truncated, else empty

    int differingRowCount() const;
};

// A side-by-side line diff (dtl on lines): runs of removed and added lines between equal ones are
// paired in order into Changed rows (with character-level ranges, as RunDiff::characterDiff
// computes them), the rest are Removed or Added rows. Texts longer than the options' limits are
// cut, with a notice. Line ends: "\n", "\r\n" and "\r".
TextDiff diffTexts(const QString &left, const QString &right, const TextDiffOptions &options = {});

// Pretty-prints JSON (QJsonDocument, indented; object keys sorted, so that key order alone
// differs nowhere). False, leaving `text` alone, when it is not a JSON document.
bool prettyPrintJson(QString &text);

// Reads two files (an empty path: that side is absent, an empty text) as UTF-8 and diffs them;
// JSON (by the name's extension) is pretty-printed when both sides parse. Fails with the first
// file's error when a given path cannot be read. Blocking: call it on a worker thread.
Store::Result<TextDiff> diffTextFiles(const QString &leftPath, const QString &rightPath,
                                      const TextDiffOptions &options = {});

} // namespace Artifacts

Q_DECLARE_METATYPE(Artifacts::TextDiff)
