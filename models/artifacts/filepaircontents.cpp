#include "filepaircontents.h"

#include "filedigest.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QStringDecoder>

namespace Artifacts {

namespace {

constexpr qint64 SniffBytes = 8192;

bool hasTextName(const QFileInfo &info)
{
    static const QStringList suffixes = {
        "txt",   "json",  "yaml",       "yml",  "md",   "csv", "tsv", "log", "py",
        "cfg",   "ini",   "toml",       "xml",  "html", "htm", "sh",  "r",   "sql",
        "ipynb", "jsonl", "properties", "conf", "js",   "ts",  "rst",
    };
    static const QStringList names = {"MLmodel", "MLproject", "requirements.txt", "conda.yaml", "LICENSE"};
    return suffixes.contains(info.suffix().toLower()) || names.contains(info.fileName());
}

bool hasImageName(const QFileInfo &info)
{
    static const QStringList suffixes = {"png", "jpg", "jpeg", "gif", "bmp", "webp", "svg"};
    return suffixes.contains(info.suffix().toLower());
}

bool decodesAsUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

bool looksLikeText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(SniffBytes);
    if (head.contains('\0'))
        return false;
    if (decodesAsUtf8(head))
        return true;
    // A multi-byte character cut at the end of the head is no sign of binary data.
    for (int cut = 1; head.size() == SniffBytes && cut <= 3; ++cut) {
        if (decodesAsUtf8(QByteArrayView(head).chopped(cut)))
            return true;
    }
    return false;
}

QImage readImage(const QString &path)
{
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

} // namespace

FileKind fileKindOf(const QString &path)
{
    const QFileInfo info(path);
    if (hasImageName(info))
        return FileKind::Image;
    if (hasTextName(info))
        return FileKind::Text;
    return looksLikeText(path) ? FileKind::Text : FileKind::Binary;
}

Store::Result<FilePairContents> readFilePair(const QString &leftPath, const QString &rightPath,
                                             const TextDiffOptions &options, const Store::CancelFlag *cancel)
{
    FilePairContents contents;
    if (!leftPath.isEmpty())
        contents.leftSize = QFileInfo(leftPath).size();
    if (!rightPath.isEmpty())
        contents.rightSize = QFileInfo(rightPath).size();
    const FileKind leftKind = leftPath.isEmpty() ? FileKind::Text : fileKindOf(leftPath);
    const FileKind rightKind = rightPath.isEmpty() ? FileKind::Text : fileKindOf(rightPath);
    const bool anyImage = leftKind == FileKind::Image || rightKind == FileKind::Image;
    contents.kind = anyImage                                        ? FileKind::Image
        : leftKind == FileKind::Text && rightKind == FileKind::Text ? FileKind::Text
                                                                    : FileKind::Binary;
    if (contents.kind == FileKind::Image) {
        contents.leftImage = readImage(leftPath);
        contents.rightImage = readImage(rightPath);
        if ((!leftPath.isEmpty() && contents.leftImage.isNull())
            || (!rightPath.isEmpty() && contents.rightImage.isNull()))
            contents.kind = FileKind::Binary; // not an image Qt decodes: compare the bytes
    }
    if (contents.kind == FileKind::Text) {
        auto text = diffTextFiles(leftPath, rightPath, options);
        if (!text)
            return text.error();
        contents.text = std::move(*text);
    }
    if (contents.kind == FileKind::Binary) {
        contents.leftImage = contents.rightImage = QImage();
        for (const auto &[path, digest] :
             {std::pair {&leftPath, &contents.leftDigest}, {&rightPath, &contents.rightDigest}}) {
            if (path->isEmpty())
                continue;
            auto result = fileDigest(*path, cancel);
            if (!result)
                return result.error();
            *digest = *result;
        }
    }
    return contents;
}

} // namespace Artifacts
