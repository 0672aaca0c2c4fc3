#include "previewkind.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QSet>

namespace Artifacts {

namespace {

bool isTextKind(PreviewKind kind)
{
    return kind != PreviewKind::Image && kind != PreviewKind::Svg && kind != PreviewKind::Binary;
}

const QSet<QString> &textSuffixes()
{
    static const QSet<QString> suffixes {
        QStringLiteral("txt"),   QStringLiteral("log"),    QStringLiteral("out"),
        QStringLiteral("err"),   QStringLiteral("py"),     QStringLiteral("cfg"),
        QStringLiteral("ini"),   QStringLiteral("toml"),   QStringLiteral("sh"),
        QStringLiteral("jsonl"), QStringLiteral("ndjson"), QStringLiteral("xml"),
        QStringLiteral("js"),    QStringLiteral("css"),    QStringLiteral("c"),
        QStringLiteral("cpp"),   QStringLiteral("h"),      QStringLiteral("java"),
        QStringLiteral("r"),     QStringLiteral("sql"),    QStringLiteral("rst"),
        QStringLiteral("tex"),   QStringLiteral("conf"),   QStringLiteral("properties"),
        QStringLiteral("diff"),  QStringLiteral("patch")};
    return suffixes;
}

} // namespace

bool isReadableImageSuffix(const QString &suffix)
{
    static const QSet<QString> formats = [] {
        QSet<QString> set;
        for (const QByteArray &format : QImageReader::supportedImageFormats())
            set.insert(QString::fromLatin1(format).toLower());
        return set;
    }();
    return formats.contains(suffix);
}

bool looksBinary(QByteArrayView head)
{
    if (head.contains('\0'))
        return true;
    qsizetype control = 0;
    for (const char c : head) {
        const auto byte = quint8(c);
        if (byte < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\x1b')
            ++control;
    }
    return head.size() > 0 && control * 10 > head.size(); // more than 10 % control characters
}

PreviewKind previewKindForName(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    if (name == QLatin1String("MLmodel"))
        return PreviewKind::MlModel;
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == QLatin1String("svg") || suffix == QLatin1String("svgz"))
        return PreviewKind::Svg;
    if (suffix == QLatin1String("json") || suffix == QLatin1String("ipynb")
        || suffix == QLatin1String("geojson"))
        return PreviewKind::Json;
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return PreviewKind::Yaml;
    if (suffix == QLatin1String("csv"))
        return PreviewKind::Csv;
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab"))
        return PreviewKind::Tsv;
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return PreviewKind::Markdown;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return PreviewKind::Html;
    if (textSuffixes().contains(suffix))
        return PreviewKind::Text;
    if (!suffix.isEmpty() && isReadableImageSuffix(suffix))
        return PreviewKind::Image;
    return PreviewKind::Binary;
}

PreviewKind previewKindFor(const QString &fileName, QByteArrayView head)
{
    const PreviewKind byName = previewKindForName(fileName);
    const bool binary = looksBinary(head.first(std::min<qsizetype>(head.size(), PreviewHeadBytes)));
    if (isTextKind(byName))
        return binary ? PreviewKind::Binary : byName;
    if (byName == PreviewKind::Binary && !binary && !head.isEmpty())
        return PreviewKind::Text; // no known suffix, but the bytes read as text (README, LICENSE)
    return byName;
}

QString previewKindName(PreviewKind kind)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Artifacts", text); };
    switch (kind) {
    case PreviewKind::Image:
        return tr("Image");
    case PreviewKind::Svg:
        return tr("SVG image");
    case PreviewKind::Text:
        return tr("Text");
    case PreviewKind::Json:
        return tr("JSON");
    case PreviewKind::Yaml:
        return tr("YAML");
    case PreviewKind::Csv:
        return tr("CSV");
    case PreviewKind::Tsv:
        return tr("TSV");
    case PreviewKind::Markdown:
        return tr("Markdown");
    case PreviewKind::MlModel:
        return tr("MLmodel");
    case PreviewKind::Html:
        return tr("HTML source");
    case PreviewKind::Binary:
        return tr("Binary");
    }
    return {};
}

QString previewKindKey(PreviewKind kind)
{
    switch (kind) {
    case PreviewKind::Image:
        return QStringLiteral("image");
    case PreviewKind::Svg:
        return QStringLiteral("svg");
    case PreviewKind::Text:
        return QStringLiteral("text");
    case PreviewKind::Json:
        return QStringLiteral("json");
    case PreviewKind::Yaml:
        return QStringLiteral("yaml");
    case PreviewKind::Csv:
        return QStringLiteral("csv");
    case PreviewKind::Tsv:
        return QStringLiteral("tsv");
    case PreviewKind::Markdown:
        return QStringLiteral("markdown");
    case PreviewKind::MlModel:
        return QStringLiteral("mlmodel");
    case PreviewKind::Html:
        return QStringLiteral("html");
    case PreviewKind::Binary:
        return QStringLiteral("binary");
    }
    return {};
}

} // namespace Artifacts
