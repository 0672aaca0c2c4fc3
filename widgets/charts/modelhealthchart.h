#pragma once

#include "modelhealth.h"

#include <QChartView>

#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// A registered model's health over time: one metric of its runs against wall time. Evaluation
// runs (tagged model_name) as a line with points, the runs its versions came from as labelled
// points ("v3"), the threshold as a dashed line, and the values past it marked in red
// ("needs retraining"). Hover a point for its run.
class ModelHealthChart : public QChartView
{
    Q_OBJECT
public:
    explicit ModelHealthChart(QWidget *parent = nullptr);

    void setPoints(const QString &metricKey, const QList<ModelHealth::Point> &points,
                   const std::optional<ModelHealth::Threshold> &threshold);
    int pointCount() const { return int(m_points.size()); }
    int retrainingCount() const;
    // The text the tooltip shows for a point.
    QString toolTipOf(const ModelHealth::Point &point) const;

signals:
    void runActivated(const QString &runId);

private:
    void onHovered(const QPointF &point, bool state);
    const ModelHealth::Point *nearest(const QPointF &value) const;

    QChart *m_chart;
    QString m_metricKey;
    QList<ModelHealth::Point> m_points;
    QLineSeries *m_evaluations;
    QScatterSeries *m_evaluationPoints;
    QScatterSeries *m_versionPoints;
    QScatterSeries *m_retraining;
    QList<QScatterSeries *> m_labelledVersions;
    QLineSeries *m_threshold;
    QDateTimeAxis *m_xAxis;
    QValueAxis *m_yAxis;
};
