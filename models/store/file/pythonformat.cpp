#include "pythonformat.h"

#include <QDir>
#include <QUrl>

#include <charconv>
#include <cmath>
#include <string>

namespace Store {

QByteArray pythonFloat(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("inf") : QByteArrayLiteral("-inf");
    // The shortest round-trip digits, as d.ddde[+-]x; Python lays them out by its own rule.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string scientific(buffer, result.ptr);
    const size_t e = scientific.find('e');
    const bool negative = scientific.front() == '-';
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < e; ++i) {
        if (scientific[i] != '.')
            digits += scientific[i];
    }
    const int exponent = std::stoi(scientific.substr(e + 1)); // value = d.ddd * 10^exponent
    std::string text = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) { // float_repr_style 'short': repr's switch to exponents
        text += digits.substr(0, 1);
        if (digits.size() > 1)
            text += '.' + digits.substr(1);
        const int magnitude = std::abs(exponent);
        text += exponent < 0 ? "e-" : "e+";
        if (magnitude < 10)
            text += '0';
        text += std::to_string(magnitude);
    } else if (exponent < 0) {
        text += "0." + std::string(size_t(-exponent - 1), '0') + digits;
    } else {
        const size_t point = size_t(exponent) + 1;
        if (digits.size() <= point)
            text += digits + std::string(point - digits.size(), '0') + ".0";
        else
            text += digits.substr(0, point) + '.' + digits.substr(point);
    }
    return QByteArray::fromStdString(text);
}

QString pathToFileUri(const QString &absolutePath)
{
    return QStringLiteral("file://")
        + QString::fromLatin1(absolutePath.toUtf8().toPercentEncoding(QByteArrayLiteral("/"), {}));
}

QString localPathOfLocation(const QString &location)
{
    if (location.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(location);
    if (!location.startsWith(QLatin1String("file:"), Qt::CaseInsensitive))
        return {};
    QString rest = location.mid(5);
    if (rest.startsWith(QLatin1String("//"))) {
        rest.remove(0, 2);
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        const QString host = rest.left(slash < 0 ? rest.size() : slash);
        if (!host.isEmpty() && host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0)
            return {};
        rest = slash < 0 ? QString() : rest.mid(slash);
    }
    if (!rest.startsWith(QLatin1Char('/')))
        return {};
    return QDir::cleanPath(QUrl::fromPercentEncoding(rest.toUtf8()));
}

} // namespace Store
