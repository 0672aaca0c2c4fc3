#include "runformat.h"

#include "storetypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QFont>

#include <cmath>

namespace RunFormat {

QVariant deletedItemStyle(int role)
{
    if (role == Qt::ForegroundRole)
        return QColor(Qt::gray);
    if (role == Qt::FontRole) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    return {};
}

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RunFormat", text);
}

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString dateTime(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch == Store::NoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString duration(qint64 msecs)
{
    if (msecs < 0)
        return {};
    if (msecs < 1000)
        return tr("%1 ms").arg(msecs);
    if (msecs < 60 * 1000)
        return tr("%1 s").arg(QString::number(double(msecs) / 1000.0, 'f', 1));
    const qint64 seconds = msecs / 1000;
    if (seconds < 3600)
        return tr("%1m %2s").arg(seconds / 60).arg(twoDigits(seconds % 60));
    if (seconds < 24 * 3600)
        return tr("%1h %2m").arg(seconds / 3600).arg(twoDigits(seconds / 60 % 60));
    return tr("%1d %2h").arg(seconds / (24 * 3600)).arg(twoDigits(seconds / 3600 % 24));
}

QString shortDateTime(qint64 msecsSinceEpoch)
{
    if (msecsSinceEpoch == Store::NoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString runName(const QString &name, const QString &runId)
{
    return name.isEmpty() ? runId.left(8) : name;
}

QString metricValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (Store::isInfinitySentinel(value) || std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', 6);
}

} // namespace RunFormat
