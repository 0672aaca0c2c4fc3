#include "curvechartaxes.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

QString dateFormatFor(double spanMs)
{
    if (spanMs < 120'000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs < 2 * 86'400'000.0)
        return QStringLiteral("HH:mm");
    return QStringLiteral("MM-dd HH:mm");
}

// A round tick interval (1, 2 or 5 times a power of ten) giving about `ticks` intervals.
double niceInterval(double span, int ticks, bool integral)
{
    const double raw = span / std::max(ticks, 1);
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
    return integral ? std::max(step, 1.0) : step;
}

// Sets the range with round ticks, labels with as many decimals as the interval needs. The
// order matters: a dynamic-tick axis lays out every tick of the moment, so a wide range with
// the old small interval (or the other way round) would make thousands of labels.
void setRangeWithNiceTicks(QValueAxis *axis, double min, double max, int ticks, bool integral)
{
    const double interval = niceInterval(max - min, ticks, integral);
    const double magnitude = std::max(std::fabs(min), std::fabs(max));
    axis->setLabelFormat(magnitude >= 1e7 || interval < 1e-4 ? QStringLiteral("%.4g")
                                                             : QStringLiteral("%.")
                                 + QString::number(std::max(0, int(-std::floor(std::log10(interval)))))
                                 + QStringLiteral("f"));
    const bool widening = axis->tickType() != QValueAxis::TicksDynamic || interval >= axis->tickInterval();
    if (!widening)
        axis->setRange(min, max);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(std::ceil(min / interval) * interval);
    axis->setTickInterval(interval);
    if (widening)
        axis->setRange(min, max);
}

} // namespace

void CurveChartAxes::rebuild(QChart *chart, const ChartFrame &frame)
{
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    delete m_x;
    delete m_y;
    switch (frame.xAxis) {
    case CurveMath::XAxis::Step: {
        auto *axis = new QValueAxis;
        axis->setTitleText(tr("Step"));
        m_x = axis;
        break;
    }
    case CurveMath::XAxis::WallTime: {
        auto *axis = new QDateTimeAxis;
        axis->setTitleText(tr("Wall time"));
        m_x = axis;
        break;
    }
    case CurveMath::XAxis::RelativeTime: {
        auto *axis = new QValueAxis;
        m_x = axis;
        break;
    }
    }
    if (frame.logY) {
        auto *axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(8);
        m_y = axis;
    } else {
        m_y = new QValueAxis;
    }
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
}

void CurveChartAxes::applyRanges(const ChartFrame &frame, const QSize &size)
{
    if (!m_x || !m_y)
        return;
    const double xMin = frame.xMin, xMax = frame.xMax;
    if (auto *dates = qobject_cast<QDateTimeAxis *>(m_x)) {
        dates->setFormat(dateFormatFor(xMax - xMin));
        dates->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin)),
                        QDateTime::fromMSecsSinceEpoch(qint64(std::ceil(xMax))));
    } else if (auto *values = qobject_cast<QValueAxis *>(m_x)) {
        const int ticks = std::max(2, int(size.width() / 140)); // each label is laid out anew per frame
        if (frame.xAxis == CurveMath::XAxis::RelativeTime) {
            const CurveMath::TimeUnit unit = CurveMath::relativeTimeUnit(xMax - xMin);
            values->setTitleText(tr("Relative time (%1)").arg(unit.suffix));
            setRangeWithNiceTicks(values, xMin / unit.milliseconds, xMax / unit.milliseconds, ticks, false);
        } else {
            setRangeWithNiceTicks(values, xMin, xMax, ticks, true);
        }
    }
    if (auto *log = qobject_cast<QLogValueAxis *>(m_y))
        log->setRange(frame.yMin, frame.yMax);
    else if (auto *values = qobject_cast<QValueAxis *>(m_y)) {
        setRangeWithNiceTicks(values, frame.yMin, frame.yMax, std::max(2, int(size.height() / 90)), false);
    }
}
