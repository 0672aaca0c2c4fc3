#pragma once

#include "storeerror.h"
#include "storetypes.h"
#include "textdiff.h"

#include <QByteArray>
#include <QImage>
#include <QMetaType>
#include <QString>

namespace Artifacts {

// How a file is compared: as text lines, as pictures, or as bytes.
enum class FileKind { Text, Image, Binary };

// From the name (images Qt reads; .json, .yaml, .txt, MLmodel ...), else from the first 8 KiB:
// text when they hold no NUL byte and decode as UTF-8. Reads at most those 8 KiB.
FileKind fileKindOf(const QString &path);

// What the diff view shows of one file pair. A side's path is empty when it is absent.
struct FilePairContents
{
    FileKind kind = FileKind::Binary;
    qint64 leftSize = -1; // -1: absent
    qint64 rightSize = -1;
    TextDiff text; // kind Text
    QImage leftImage; // kind Image; null when absent
    QImage rightImage;
    QByteArray leftDigest; // kind Binary; empty when absent
    QByteArray rightDigest;
};

// Reads a file pair for the diff view: the kind of the present side(s) (Text only when every
// present side is text; an image Qt cannot decode is compared as bytes), then its text diff,
// images or digests. Blocking: call it on a worker thread. Only reads.
Store::Result<FilePairContents> readFilePair(const QString &leftPath, const QString &rightPath,
                                             const TextDiffOptions &options = {},
                                             const Store::CancelFlag *cancel = nullptr);

} // namespace Artifacts

Q_DECLARE_METATYPE(Artifacts::FilePairContents)
