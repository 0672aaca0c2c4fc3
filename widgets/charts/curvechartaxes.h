#pragma once

#include "chartframe.h"

#include <QCoreApplication>

class QAbstractAxis;
class QChart;
class QSize;

// The axes of a chart of metric curves: at the bottom steps, the time of day (wall time) or the
// time since each run's start in a unit that suits the range; at the left a linear or log y
// axis. Ranges are labelled at round ticks, as many as the chart's size has room for. The
// chart owns the axes.
class CurveChartAxes
{
    Q_DECLARE_TR_FUNCTIONS(CurveChartAxes)
public:
    // Replaces the chart's axes with new ones for the frame's x axis and y scale (ranges unset).
    void rebuild(QChart *chart, const ChartFrame &frame);
    // Shows the frame's ranges on a chart of `size`.
    void applyRanges(const ChartFrame &frame, const QSize &size);

    QAbstractAxis *x() const { return m_x; }
    QAbstractAxis *y() const { return m_y; }

private:
    QAbstractAxis *m_x = nullptr;
    QAbstractAxis *m_y = nullptr;
};
