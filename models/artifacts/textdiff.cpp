#include "textdiff.h"

#include "artifactentry.h"
#include "rundiff.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <dtl/dtl.hpp>
#include <vector>

namespace Artifacts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Artifacts", text);
}

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    static const QRegularExpression lineEnd(QStringLiteral("\r\n|\n|\r"));
    QStringList lines = text.split(lineEnd);
    if (lines.last().isEmpty()) // a final line end ends the last line, it does not start one
        lines.removeLast();
    return lines;
}

// Character ranges of `segments` of one kind, positioned in the text of that side.
void characterRanges(const QString &left, const QString &right, TextDiffRow &row, int maxLength)
{
    if (left.size() > maxLength || right.size() > maxLength) {
        row.leftRanges = {{0, int(left.size())}};
        row.rightRanges = {{0, int(right.size())}};
        return;
    }
    int leftAt = 0, rightAt = 0;
    for (const RunDiff::DiffSegment &s : RunDiff::characterDiff(left, right)) {
        const int length = int(s.text.size());
        switch (s.kind) {
        case RunDiff::DiffSegment::Same:
            leftAt += length;
            rightAt += length;
            break;
        case RunDiff::DiffSegment::Removed:
            row.leftRanges.append({leftAt, length});
            leftAt += length;
            break;
        case RunDiff::DiffSegment::Inserted:
            row.rightRanges.append({rightAt, length});
            rightAt += length;
            break;
        }
    }
}

// Pairs the removed and added lines of one run between equal lines.
void flushBlock(QList<TextDiffRow> &rows, const QStringList &leftLines, const QStringList &rightLines,
                QList<int> &removed, QList<int> &added, const TextDiffOptions &options)
{
    const qsizetype paired = std::min(removed.size(), added.size());
    for (qsizetype k = 0; k < std::max(removed.size(), added.size()); ++k) {
        TextDiffRow row;
        if (k < removed.size()) {
            row.leftLineNumber = removed[k] + 1;
            row.leftText = leftLines[removed[k]];
        }
        if (k < added.size()) {
            row.rightLineNumber = added[k] + 1;
            row.rightText = rightLines[added[k]];
        }
        if (k < paired) {
            row.kind = TextDiffRow::Changed;
            characterRanges(row.leftText, row.rightText, row, options.maxCharacterDiffLength);
        } else {
            row.kind = k < removed.size() ? TextDiffRow::Removed : TextDiffRow::Added;
        }
        rows.append(std::move(row));
    }
    removed.clear();
    added.clear();
}

// Reads at most `maxBytes` (+1 to tell that there was more) of a file.
Store::Result<QByteArray> readHead(const QString &path, qint64 maxBytes)
{
    if (path.isEmpty())
        return QByteArray();
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo::exists(path))
        return Store::Error::make(Store::Error::NotFound, tr("No file at %1.").arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return Store::Error::make(Store::Error::Io, tr("Cannot read %1: %2").arg(shown, file.errorString()));
    return file.read(maxBytes + 1);
}

} // namespace

int TextDiff::differingRowCount() const
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const TextDiffRow &row) { return row.kind != TextDiffRow::Equal; }));
}

TextDiff diffTexts(const QString &left, const QString &right, const TextDiffOptions &options)
{
    TextDiff diff;
    QStringList leftLines = splitLines(left);
    QStringList rightLines = splitLines(right);
    if (leftLines.size() > options.maxLines || rightLines.size() > options.maxLines) {
        diff.truncated = true;
        diff.notice = tr("Only the first %L1 lines of each side are compared.").arg(options.maxLines);
        leftLines.resize(std::min<qsizetype>(leftLines.size(), options.maxLines));
        rightLines.resize(std::min<qsizetype>(rightLines.size(), options.maxLines));
    }

    // dtl compares line ids: one int per distinct line.
    QHash<QString, int> ids;
    const auto idsOf = [&ids](const QStringList &lines) {
        std::vector<int> seq;
        seq.reserve(size_t(lines.size()));
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.cend())
                it = ids.insert(line, int(ids.size()));
            seq.push_back(it.value());
        }
        return seq;
    };
    const std::vector<int> a = idsOf(leftLines);
    const std::vector<int> b = idsOf(rightLines);
    dtl::Diff<int> lineDiff(a, b);
    lineDiff.onHuge();
    lineDiff.compose();

    QList<int> removed, added;
    for (const auto &[element, info] : lineDiff.getSes().getSequence()) {
        Q_UNUSED(element);
        if (info.type == dtl::SES_DELETE) {
            removed.append(int(info.beforeIdx - 1));
        } else if (info.type == dtl::SES_ADD) {
            added.append(int(info.afterIdx - 1));
        } else {
            flushBlock(diff.rows, leftLines, rightLines, removed, added, options);
            TextDiffRow row;
            row.leftLineNumber = int(info.beforeIdx);
            row.leftText = leftLines[row.leftLineNumber - 1];
            row.rightLineNumber = int(info.afterIdx);
            row.rightText = rightLines[row.rightLineNumber - 1];
            diff.rows.append(std::move(row));
        }
    }
    flushBlock(diff.rows, leftLines, rightLines, removed, added, options);
    return diff;
}

bool prettyPrintJson(QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return false;
    text = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    return true;
}

Store::Result<TextDiff> diffTextFiles(const QString &leftPath, const QString &rightPath,
                                      const TextDiffOptions &options)
{
    auto leftBytes = readHead(leftPath, options.maxBytes);
    if (!leftBytes)
        return leftBytes.error();
    auto rightBytes = readHead(rightPath, options.maxBytes);
    if (!rightBytes)
        return rightBytes.error();
    const bool cut = leftBytes->size() > options.maxBytes || rightBytes->size() > options.maxBytes;
    leftBytes->truncate(options.maxBytes);
    rightBytes->truncate(options.maxBytes);
    QString left = QString::fromUtf8(*leftBytes);
    QString right = QString::fromUtf8(*rightBytes);

    bool json = false;
    const auto isJson = [](const QString &path) {
        return path.isEmpty() || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    };
    if (!cut && isJson(leftPath) && isJson(rightPath) && !(leftPath.isEmpty() && rightPath.isEmpty())) {
        QString prettyLeft = left, prettyRight = right;
        if ((left.isEmpty() || prettyPrintJson(prettyLeft))
            && (right.isEmpty() || prettyPrintJson(prettyRight))) {
            left = prettyLeft;
            right = prettyRight;
            json = true;
        }
    }
    TextDiff diff = diffTexts(left, right, options);
    diff.prettyPrintedJson = json;
    if (cut) {
        diff.truncated = true;
        diff.notice
            = tr("Only the first %1 of each side are compared.").arg(Artifacts::formatSize(options.maxBytes));
    }
    return diff;
}

} // namespace Artifacts
