#include "registryformat.h"

#include <QCoreApplication>

namespace RegistryFormat {

namespace {

constexpr qsizetype MaxTagValueLength = 40;

QString tr(const char *text)
{
    return QCoreApplication::translate("RegistryFormat", text);
}

} // namespace

QString firstLine(const QString &text)
{
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (trimmed.startsWith(QLatin1Char('#'))) {
            while (trimmed.startsWith(QLatin1Char('#')))
                trimmed = trimmed.mid(1);
            trimmed = trimmed.trimmed();
            if (trimmed.isEmpty())
                continue;
        }
        return trimmed.toString();
    }
    return {};
}

QString versionText(int version)
{
    return tr("v%1").arg(version);
}

QString aliasesText(const QMap<QString, int> &aliases)
{
    QStringList parts;
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
        parts.append(tr("%1: %2").arg(it.key(), versionText(it.value())));
    return parts.join(QLatin1String(", "));
}

QString aliasesText(const QStringList &aliases)
{
    return aliases.join(QLatin1String(", "));
}

QString tagsText(const Store::KeyValueList &tags)
{
    QStringList parts;
    for (const auto &[key, value] : tags) {
        QString shown = value.simplified();
        if (shown.size() > MaxTagValueLength)
            shown = shown.left(MaxTagValueLength - 1) + QChar(0x2026); // ...
        parts.append(key + QLatin1Char('=') + shown);
    }
    return parts.join(QLatin1String(", "));
}

QString tagsTooltip(const Store::KeyValueList &tags)
{
    QStringList lines;
    for (const auto &[key, value] : tags)
        lines.append(key + QLatin1String(" = ") + value);
    return lines.join(QLatin1Char('\n'));
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("READY"))
        return tr("Ready");
    if (status == QLatin1String("PENDING_REGISTRATION"))
        return tr("Pending registration");
    if (status == QLatin1String("FAILED_REGISTRATION"))
        return tr("Failed registration");
    return status;
}

} // namespace RegistryFormat
