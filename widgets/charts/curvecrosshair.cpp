#include "curvecrosshair.h"

#include "curvelayer.h"
#include "runformat.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

QString formatValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (!CurveData::isDrawable(v))
        return v > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 6);
}

} // namespace

void CurveCrosshair::draw(QPainter &painter, const CurveLayer &layer, qreal sceneX)
{
    const ChartFrame &frame = layer.frame();
    const std::vector<ChartCurve> &curves = layer.curves();
    const QRectF &area = frame.plotArea;
    if (sceneX < area.left() || sceneX > area.right())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DashLine));
    painter.drawLine(QPointF(sceneX, area.top()), QPointF(sceneX, area.bottom()));

    // For each visible curve, the point nearest the cursor's x.
    struct Row
    {
        QColor color;
        QString text;
    };
    std::vector<Row> rows;
    for (size_t i = 0; i < curves.size() && rows.size() < 20; ++i) {
        const ChartCurve &c = curves[i];
        if (!c.visible || !c.curve)
            continue;
        const CurveData &raw = c.curve->line(layer.lineOptions(false));
        const CurveXMapping map = layer.xMapping(c, 1);
        const qsizetype k = raw.nearest(map.unmap(sceneX));
        if (k < 0)
            continue;
        QString text
            = QStringLiteral("%1   step %2   %3")
                  .arg(c.runName, QString::number(raw.x()[size_t(k)]), formatValue(raw.y()[size_t(k)]));
        if (frame.xAxis != CurveMath::XAxis::Step)
            text = QStringLiteral("%1   %2   %3")
                       .arg(c.runName, formatValue(raw.y()[size_t(k)]),
                            QDateTime::fromMSecsSinceEpoch(raw.x()[size_t(k)]).toString(Qt::ISODate));
        if (layer.smoothing() > 0)
            text += QStringLiteral("   smoothed %1")
                        .arg(formatValue(c.curve->line(layer.lineOptions(true)).y()[size_t(k)]));
        if (frame.xAxis == CurveMath::XAxis::Step && !c.curve->series().timestamps.empty()) {
            // The time of that step, relative to the run's start.
            const qsizetype s = k; // the step line is in stored order
            const qint64 ms = c.curve->series().timestamps[size_t(s)] - c.curve->startTime();
            text += QStringLiteral("   %1").arg(RunFormat::duration(ms));
        }
        rows.push_back({c.color, text});
    }
    if (rows.empty()) {
        painter.restore();
        return;
    }
    const QFontMetricsF fm(painter.font());
    qreal width = 0;
    for (const Row &r : rows)
        width = std::max(width, fm.horizontalAdvance(r.text));
    const qreal lineHeight = fm.height() + 2;
    QRectF box(0, 0, width + 28, lineHeight * qreal(rows.size()) + 8);
    box.moveTopLeft(QPointF(sceneX + 12, area.top() + 8));
    if (box.right() > area.right())
        box.moveRight(sceneX - 12);
    painter.setPen(QColor(0, 0, 0, 60));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRect(box);
    qreal y = box.top() + 4;
    for (const Row &r : rows) {
        painter.fillRect(QRectF(box.left() + 6, y + lineHeight / 2 - 4, 12, 8), r.color);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(box.left() + 22, y, width + 4, lineHeight), Qt::AlignVCenter, r.text);
        y += lineHeight;
    }
    painter.restore();
}
