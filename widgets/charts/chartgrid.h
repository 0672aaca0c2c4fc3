#pragma once

#include <QScrollArea>
#include <QStringList>

#include <vector>

class CurveChartView;
class QGridLayout;

// The charts page's charts in a scrolling grid: two abreast when the area is wide enough and
// their legends fit in half of it, else one to a row; all rows when they fit at a legible
// height, else two rows to a screen.
class ChartGrid : public QScrollArea
{
    Q_OBJECT
public:
    static constexpr int MinChartHeight = 300;
    // From this width of the chart area on, charts stand two abreast.
    static constexpr int TwoColumnWidth = 960;

    explicit ChartGrid(QWidget *parent = nullptr);

    // Lays out these charts (children of widget()) in this order; the charts it had that are not
    // among them are deleted. `legends` has the names in each chart's legend.
    void setCharts(const std::vector<CurveChartView *> &charts, const QList<QStringList> &legends);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();

    QGridLayout *m_layout;
    std::vector<CurveChartView *> m_charts;
    QList<QStringList> m_legends;
    int m_columns = 0;
};
