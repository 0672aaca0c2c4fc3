#pragma once

#include "compareaxis.h"
#include "plotexport.h"
#include "rundiff.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

// Compared runs as parallel coordinates: one vertical axis per chosen param or metric (numeric
// axes scaled min..max, categorical ones with evenly spaced categories), one polyline per run in
// its colour, a legend of the runs below. Brushing: drag along an axis to select a range; the
// ranges of several axes combine (AND), runs outside them fade. A click on an axis clears its
// range, a double-click anywhere else clears all. Hover names the run and its values.
// Keyboard: Left/Right choose the current axis; Up/Down slide a brush along it (the first press
// brushes its top or bottom fifth), Shift+Up/Down stretch the brush; Delete clears the current
// axis's brush, Escape all of them.
class ParallelCoordinatesView : public QWidget, public ExportablePlot
{
    Q_OBJECT
public:
    explicit ParallelCoordinatesView(QWidget *parent = nullptr);

    void setDiff(const RunDiff::Diff &diff);
    void setAxisKeys(const QStringList &keys); // CompareAxis keys, in order
    QStringList axisKeys() const;
    int axisCount() const { return int(m_axes.size()); }
    const CompareAxis &axis(int index) const { return m_axes[index]; }
    // Runs drawn as a line (those with a value on at least one axis).
    int lineCount() const;

    // A brushed range of an axis, in its positions (0 bottom .. 1 top).
    void setBrush(int axis, double from, double to);
    void clearBrush(int axis);
    void clearBrushes();
    bool hasBrush() const { return !m_brushes.isEmpty(); }
    std::optional<std::pair<double, double>> brush(int axis) const;
    // The axis the keys act on (drawn highlighted while the view has focus); -1 without axes.
    int currentAxis() const { return m_axes.isEmpty() ? -1 : std::min(m_keyAxis, int(m_axes.size()) - 1); }
    // The runs inside every brushed range (every run without a brush).
    QStringList brushedRunIds() const;
    bool isBrushed(int run) const;

    // Geometry, for the tests and the mouse: where an axis stands, where a position lies on it.
    QRectF plotRect() const { return plotRect(QSizeF(size())); }
    double axisX(int axis) const { return axisX(axis, plotRect()); }
    double yOf(double position) const { return yOf(position, plotRect()); }
    int runAt(const QPointF &point) const; // the run whose line passes nearest, -1: none

    QString plotTitle() const override;
    QSize plotSize() const override { return size(); }
    void renderPlot(QPainter &painter, const QSize &size) override;

    QSize sizeHint() const override { return {720, 420}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

signals:
    // The brushed ranges changed (at the end of a drag, or through setBrush/clearBrush).
    void brushChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void rebuildAxes();
    void paint(QPainter &painter, const QSizeF &size) const;
    QRectF plotRect(const QSizeF &size) const;
    double axisX(int axis, const QRectF &plot) const;
    static double yOf(double position, const QRectF &plot)
    {
        return plot.bottom() - position * plot.height();
    }
    int legendHeight(double width) const;
    QFont titleFont() const;
    QString titleOf(const CompareAxis &axis) const;
    bool staggersTitles(double spacing) const;
    int axisNear(const QPointF &point) const;
    QString toolTipOf(int run) const;

    RunDiff::Diff m_diff;
    QStringList m_keys;
    QList<CompareAxis> m_axes;
    QHash<int, std::pair<double, double>> m_brushes; // axis -> positions from..to
    int m_hoverRun = -1;
    int m_dragAxis = -1;
    double m_dragFrom = 0;
    QPointF m_pressPoint;
    int m_keyAxis = 0;
};
