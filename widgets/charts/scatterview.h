#pragma once

#include "compareaxis.h"
#include "plotexport.h"
#include "rundiff.h"

#include <QChartView>
#include <QSet>

class QAbstractAxis;
class QScatterSeries;

// Compared runs as a scatter plot: any param or metric (x) against a metric (y), one point per
// run in its colour (a series per run, so that the legend names them), hover for the run's name
// and values. Categorical params stand at evenly spaced labelled positions, wide positive ranges
// on a log axis. Runs outside the parallel coordinates' brush fade.
class ScatterView : public QChartView, public ExportablePlot
{
    Q_OBJECT
public:
    static constexpr int MaxLegendRuns = 20;

    explicit ScatterView(QWidget *parent = nullptr);

    void setDiff(const RunDiff::Diff &diff);
    void setKeys(const QString &xKey, const QString &yKey); // CompareAxis keys
    QString xKey() const { return m_xKey; }
    QString yKey() const { return m_yKey; }
    // Runs whose point shows in full colour; an empty list with `all` true: every run.
    void setHighlightedRuns(const QStringList &runIds, bool all);

    int pointCount() const;
    QList<QScatterSeries *> series() const { return m_series; }
    QAbstractAxis *xAxisItem() const { return m_xAxis; }
    QAbstractAxis *yAxisItem() const { return m_yAxis; }
    // The text the tooltip shows for a run's point.
    QString toolTipOf(int run) const;

    QString plotTitle() const override;
    QSize plotSize() const override { return size(); }
    void renderPlot(QPainter &painter, const QSize &size) override;

private:
    void rebuild();
    void applyColors();
    QAbstractAxis *makeAxis(const CompareAxis &axis, Qt::Alignment alignment);

    QChart *m_chart;
    RunDiff::Diff m_diff;
    QString m_xKey;
    QString m_yKey;
    CompareAxis m_x;
    CompareAxis m_y;
    QList<QScatterSeries *> m_series;
    QList<int> m_seriesRun; // run index per series
    QSet<QString> m_highlighted;
    bool m_highlightAll = true;
    QAbstractAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
};
