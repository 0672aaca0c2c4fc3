#pragma once

#include "curvechartaxes.h"
#include "curvelayer.h"

#include <QChartView>
#include <QPointer>

class QAbstractAxis;
class QLineSeries;
class QRubberBand;

// One chart of metric curves: Qt Charts draws the axes, the legend and the frame; CurveLayer
// draws the lines at full resolution. Zoom with the wheel (Ctrl: the y axis), a rubber band
// (Shift+drag or right-drag) or the keyboard (+, -, arrows); pan by dragging; double-click or
// Home resets. The x range is reported (xRangeChanged) so that charts can zoom together.
class CurveChartView : public QChartView
{
    Q_OBJECT
public:
    explicit CurveChartView(QWidget *parent = nullptr);
    ~CurveChartView() override;

    void setTitle(const QString &title);
    QString title() const;
    void setCurves(std::vector<ChartCurve> curves);
    void addCurve(ChartCurve curve);
    // Shows `wanted` unless it is what the chart shows: legend toggles stay with their curve,
    // and a zoomed chart that only gains curves keeps its zoom.
    void updateCurves(std::vector<ChartCurve> wanted);
    const std::vector<ChartCurve> &curves() const { return m_layer->curves(); }
    void setCurveVisible(int index, bool visible);

    void setXAxis(CurveMath::XAxis axis);
    CurveMath::XAxis xAxis() const { return m_frame.xAxis; }
    void setLogY(bool on);
    bool isLogY() const { return m_frame.logY; }
    void setIgnoreOutliers(bool on);
    bool ignoresOutliers() const { return m_ignoreOutliers; }
    void setSmoothing(double weight);
    double smoothing() const { return m_layer->smoothing(); }
    void setDecimation(Decimation decimation) { m_layer->setDecimation(decimation); }
    void setAntialiasing(bool on);

    // The x range in data units (steps; ms since the epoch; ms since each run's start).
    double xMin() const { return m_frame.xMin; }
    double xMax() const { return m_frame.xMax; }
    double yMin() const { return m_frame.yMin; }
    double yMax() const { return m_frame.yMax; }
    void setXRange(double min, double max); // does not emit xRangeChanged
    void zoomX(double factor, double anchorFraction = 0.5);
    void panX(double fraction);
    void resetZoom();
    bool isZoomed() const { return m_xZoomed || !m_yAuto; }

    // A remark on what the chart cannot show (values <= 0 on a log scale), empty if none.
    QString notice() const { return m_notice; }
    QAbstractAxis *xAxisItem() const { return m_axes.x(); }
    QAbstractAxis *yAxisItem() const { return m_axes.y(); }
    CurveLayer *layer() const { return m_layer; }

    // The chart as a picture of `size` (the view's size when empty), drawn as on screen.
    QImage renderImage(const QSize &size = {});
    bool saveSvg(const QString &path, const QSize &size = {});

signals:
    void xRangeChanged(double min, double max);
    void noticeChanged(const QString &notice);
    // The plot's range, size or scale changed: what the curves are drawn to (layer()->pixelColumns()).
    void frameChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // Shows `curves` keeping the x range when zoomed (else the whole range), y fitted when automatic.
    void showKeepingZoom(std::vector<ChartCurve> curves);
    void prepareRender(const QSize &size);
    void rebuildAxes();
    void rebuildSeries();
    void updateFrame();
    // On this view's frame: the layer's may not have caught up yet.
    void fitY() { m_frame.fitY(m_layer->curves(), m_ignoreOutliers); }
    std::pair<double, double> fullXRange() const { return m_frame.fullXRange(m_layer->curves()); }
    void applyAxisRanges();
    void updateNotice();
    void updateLegendMarkers();
    void userChangedX();

    QChart *m_chart;
    CurveLayer *m_layer;
    CurveChartAxes m_axes;
    QList<QLineSeries *> m_series; // empty; they give the legend its entries
    ChartFrame m_frame;
    bool m_ignoreOutliers = false;
    bool m_xZoomed = false;
    bool m_yAuto = true;
    QString m_notice;

    enum class Drag { None, Pan, RubberBand };
    Drag m_drag = Drag::None;
    QPoint m_dragStart;
    ChartFrame m_dragStartFrame;
    QRubberBand *m_rubberBand = nullptr;
};
