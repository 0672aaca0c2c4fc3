#include "modelhealthchart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

ModelHealthChart::ModelHealthChart(QWidget *parent)
    : QChartView(new QChart, parent),
      m_chart(chart()),
      m_evaluations(new QLineSeries),
      m_evaluationPoints(new QScatterSeries),
      m_versionPoints(new QScatterSeries),
      m_retraining(new QScatterSeries),
      m_threshold(new QLineSeries),
      m_xAxis(new QDateTimeAxis),
      m_yAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("modelHealthChart"));
    setRenderHint(QPainter::Antialiasing);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // The chart is drawn on white paper in any palette: its legend in the theme's ink, not in the
    // palette's text colour (light in a dark palette, and then unreadable on white).
    m_chart->legend()->setLabelColor(m_chart->titleBrush().color());

    m_evaluations->setName(tr("Evaluations"));
    m_evaluations->setPen(QPen(QColor(0x2563eb), 1.5));
    m_evaluationPoints->setColor(QColor(0x2563eb));
    m_evaluationPoints->setBorderColor(QColor(0x2563eb));
    m_evaluationPoints->setMarkerSize(7);
    m_versionPoints->setName(tr("Registered versions' runs"));
    m_versionPoints->setColor(QColor(0x16a34a));
    m_versionPoints->setBorderColor(QColor(0x166534));
    m_versionPoints->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_versionPoints->setMarkerSize(11);
    m_retraining->setName(tr("Needs retraining"));
    m_retraining->setColor(QColor(0xdc2626));
    m_retraining->setBorderColor(QColor(0x991b1b));
    m_retraining->setMarkerSize(12);
    QPen dashed(QColor(0xdc2626), 1.5, Qt::DashLine);
    m_threshold->setPen(dashed);
    m_threshold->setName(tr("Threshold"));

    m_xAxis->setFormat(QStringLiteral("yyyy-MM-dd"));
    m_xAxis->setTitleText(tr("Wall time"));
    for (QAbstractSeries *series :
         {static_cast<QAbstractSeries *>(m_evaluations), static_cast<QAbstractSeries *>(m_threshold),
          static_cast<QAbstractSeries *>(m_evaluationPoints), static_cast<QAbstractSeries *>(m_versionPoints),
          static_cast<QAbstractSeries *>(m_retraining)})
        m_chart->addSeries(series);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    // The points of the line are the evaluation points' series: one legend entry for both.
    m_chart->legend()->markers(m_evaluationPoints).value(0)->setVisible(false);
    for (QScatterSeries *series : {m_evaluationPoints, m_versionPoints, m_retraining}) {
        connect(series, &QScatterSeries::hovered, this, &ModelHealthChart::onHovered);
        connect(series, &QScatterSeries::doubleClicked, this, [this](const QPointF &p) {
            if (const ModelHealth::Point *point = nearest(p))
                emit runActivated(point->runId);
        });
    }
}

void ModelHealthChart::setPoints(const QString &metricKey, const QList<ModelHealth::Point> &points,
                                 const std::optional<ModelHealth::Threshold> &threshold)
{
    m_metricKey = metricKey;
    m_points = points;
    QList<QPointF> evaluations, versions, retraining;
    double low = std::numeric_limits<double>::infinity(), high = -low;
    qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
    for (const ModelHealth::Point &p : points) {
        if (p.isNan || !std::isfinite(p.value))
            continue;
        const QPointF xy(double(p.timestamp), p.value);
        (p.isEvaluation ? evaluations : versions) << xy;
        if (p.needsRetraining)
            retraining << xy;
        low = std::min(low, p.value);
        high = std::max(high, p.value);
        first = std::min(first, p.timestamp);
        last = std::max(last, p.timestamp);
    }
    m_evaluations->replace(evaluations);
    m_evaluationPoints->replace(evaluations);
    m_versionPoints->replace(versions);
    m_retraining->replace(retraining);
    // A series of its own per version point: its label is the fixed text "v3" (Qt 6.4 has no
    // per-point label). The first series' legend entry stands for all of them.
    for (QScatterSeries *series : std::as_const(m_labelledVersions)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_labelledVersions.clear();
    for (const ModelHealth::Point &p : points) {
        if (p.isEvaluation || p.isNan || !std::isfinite(p.value))
            continue;
        QStringList names;
        for (int v : p.versions)
            names << QStringLiteral("v%1").arg(v);
        auto *series = new QScatterSeries;
        series->setMarkerSize(0.1);
        series->setPointLabelsFormat(names.join(QLatin1Char(',')));
        series->setPointLabelsVisible(true);
        series->setPointLabelsClipping(false);
        series->setPointLabelsColor(QColor(0x166534));
        series->append(double(p.timestamp), p.value);
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        m_chart->legend()->markers(series).value(0)->setVisible(false);
        m_labelledVersions << series;
    }

    if (evaluations.isEmpty() && versions.isEmpty()) {
        m_threshold->clear();
        m_chart->setTitle(tr("No run of this model has %1").arg(metricKey));
        return;
    }
    if (threshold) {
        low = std::min(low, threshold->value);
        high = std::max(high, threshold->value);
    }
    const double pad = high > low ? (high - low) * 0.08 : std::max(std::abs(high) * 0.05, 0.01);
    m_yAxis->setRange(low - pad, high + pad);
    m_yAxis->setTitleText(metricKey);
    const qint64 span = std::max<qint64>(last - first, 3600 * 1000);
    const qint64 left = first - span / 20, right = last + span / 20;
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(left), QDateTime::fromMSecsSinceEpoch(right));
    if (threshold)
        m_threshold->replace(
            {QPointF(double(left), threshold->value), QPointF(double(right), threshold->value)});
    else
        m_threshold->clear();
    m_chart->legend()->markers(m_threshold).value(0)->setVisible(bool(threshold));
    m_chart->legend()->markers(m_retraining).value(0)->setVisible(bool(threshold));
    const int past = retrainingCount();
    if (past == 0)
        m_chart->setTitle(tr("%1 over time").arg(metricKey));
    else if (past == 1)
        m_chart->setTitle(tr("%1 over time: 1 run past the threshold, needs retraining").arg(metricKey));
    else
        m_chart->setTitle(
            tr("%1 over time: %2 runs past the threshold, needs retraining").arg(metricKey).arg(past));
}

int ModelHealthChart::retrainingCount() const
{
    return int(std::count_if(m_points.begin(), m_points.end(),
                             [](const ModelHealth::Point &p) { return p.needsRetraining; }));
}

QString ModelHealthChart::toolTipOf(const ModelHealth::Point &p) const
{
    QString text = p.runName.isEmpty() ? p.runId.left(8) : p.runName;
    if (!p.versions.isEmpty()) {
        QStringList names;
        for (int v : p.versions)
            names << QStringLiteral("v%1").arg(v);
        text += tr(" (registered as %1)").arg(names.join(QStringLiteral(", ")));
    } else if (p.isEvaluation) {
        text += tr(" (evaluation)");
    }
    text += QLatin1Char('\n') + QStringLiteral("%1 = %2").arg(m_metricKey).arg(p.value, 0, 'g', 6);
    text += QLatin1Char('\n')
        + QDateTime::fromMSecsSinceEpoch(p.timestamp).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (p.needsRetraining)
        text += QLatin1Char('\n') + tr("Past the threshold: needs retraining");
    return text;
}

const ModelHealth::Point *ModelHealthChart::nearest(const QPointF &value) const
{
    const ModelHealth::Point *best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    const QPointF at = m_chart->mapToPosition(value);
    for (const ModelHealth::Point &p : m_points) {
        if (p.isNan || !std::isfinite(p.value))
            continue;
        const QPointF pos = m_chart->mapToPosition(QPointF(double(p.timestamp), p.value));
        const double d = std::hypot(pos.x() - at.x(), pos.y() - at.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
        }
    }
    return best;
}

void ModelHealthChart::onHovered(const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    if (const ModelHealth::Point *p = nearest(point))
        QToolTip::showText(QCursor::pos(), toolTipOf(*p), this);
}
