#include "curvechartview.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QRubberBand>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr double WheelZoomStep = 0.8; // range factor per notch
constexpr double KeyPanStep = 0.1; // fraction of the range per arrow key

} // namespace

CurveChartView::CurveChartView(QWidget *parent)
    : QChartView(new QChart, parent), m_chart(chart()), m_layer(new CurveLayer(chart()))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // The chart is drawn on white paper in any palette: its legend in the theme's ink, not in the
    // palette's text colour (light in a dark palette, and then unreadable on white).
    m_chart->legend()->setLabelColor(m_chart->titleBrush().color());
    m_chart->legend()->setShowToolTips(true);
    m_chart->setMargins(QMargins(4, 4, 8, 4));
    m_chart->setBackgroundRoundness(0);
    m_layer->setZValue(5); // over the grid, under the legend
    // A frame repaints the whole chart; these keep its fixed part cheap. The theme's background
    // is a white-to-white gradient, fetched pixel by pixel (a third of a frame), and
    // antialiased grid lines are a slow path that also blurs them over two pixel rows: solid
    // and aliased instead. The curves set their own antialiasing.
    m_chart->setBackgroundBrush(Qt::white);
    setRenderHint(QPainter::Antialiasing, false);
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex); // items move every frame
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setDragMode(QGraphicsView::NoDrag);
    setRubberBand(QChartView::NoRubberBand); // ours: Shift+drag, right-drag
    setMinimumSize(320, 220);
    setToolTip(tr("Wheel: zoom x (Ctrl: y) · Drag: pan · Shift+drag: zoom to a box · "
                  "Double-click or Home: reset"));
    connect(m_chart, &QChart::plotAreaChanged, this, [this] { updateFrame(); });
    rebuildAxes();
}

CurveChartView::~CurveChartView() = default;

void CurveChartView::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

QString CurveChartView::title() const
{
    return m_chart->title();
}

void CurveChartView::setCurves(std::vector<ChartCurve> curves)
{
    m_layer->setCurves(std::move(curves));
    rebuildSeries();
    resetZoom();
    updateNotice();
}

void CurveChartView::addCurve(ChartCurve curve)
{
    std::vector<ChartCurve> curves = m_layer->curves();
    curves.push_back(std::move(curve));
    showKeepingZoom(std::move(curves));
}

void CurveChartView::showKeepingZoom(std::vector<ChartCurve> curves)
{
    m_layer->setCurves(std::move(curves));
    rebuildSeries();
    if (!m_xZoomed) {
        const auto [lo, hi] = fullXRange();
        m_frame.xMin = lo;
        m_frame.xMax = hi;
    }
    if (m_yAuto)
        fitY();
    applyAxisRanges();
    updateFrame();
    updateNotice();
}

void CurveChartView::updateCurves(std::vector<ChartCurve> wanted)
{
    const std::vector<ChartCurve> &shown = curves();
    const auto same = [](const ChartCurve &a, const ChartCurve &b) {
        return a.curve == b.curve && a.runName == b.runName && a.penStyle == b.penStyle;
    };
    if (std::equal(wanted.cbegin(), wanted.cend(), shown.cbegin(), shown.cend(), same))
        return;
    // A curve is its run's key: a live update replaces it with a grown copy, which is still it.
    const auto sameLine = [](const ChartCurve &a, const ChartCurve &b) {
        return a.curve->runId() == b.curve->runId() && a.curve->key() == b.curve->key()
            && a.runName == b.runName && a.penStyle == b.penStyle;
    };
    // Legend toggles stay with their curve.
    for (ChartCurve &c : wanted) {
        const auto old
            = std::find_if(shown.cbegin(), shown.cend(), [&](const ChartCurve &s) { return sameLine(s, c); });
        if (old != shown.cend())
            c.visible = old->visible;
    }
    // A zoomed chart that keeps its curves (grown, or with others added) keeps its zoom.
    const bool keepsShown = shown.size() <= wanted.size()
        && std::all_of(shown.cbegin(), shown.cend(), [&](const ChartCurve &s) {
                                return std::any_of(wanted.cbegin(), wanted.cend(),
                                                   [&](const ChartCurve &w) { return sameLine(s, w); });
                            });
    if (isZoomed() && keepsShown) {
        showKeepingZoom(std::move(wanted));
        return;
    }
    setCurves(std::move(wanted));
}

void CurveChartView::setCurveVisible(int index, bool visible)
{
    std::vector<ChartCurve> &curves = m_layer->curves();
    if (index < 0 || index >= int(curves.size()))
        return;
    curves[size_t(index)].visible = visible;
    if (m_yAuto)
        fitY();
    applyAxisRanges();
    updateFrame();
    updateLegendMarkers();
}

void CurveChartView::setXAxis(CurveMath::XAxis axis)
{
    if (axis == m_frame.xAxis)
        return;
    m_frame.xAxis = axis;
    rebuildAxes();
    resetZoom();
}

void CurveChartView::setLogY(bool on)
{
    if (on == m_frame.logY)
        return;
    m_frame.logY = on;
    rebuildAxes();
    m_yAuto = true;
    fitY();
    applyAxisRanges();
    updateFrame();
    updateNotice();
}

void CurveChartView::setIgnoreOutliers(bool on)
{
    m_ignoreOutliers = on;
    m_yAuto = true;
    fitY();
    applyAxisRanges();
    updateFrame();
}

void CurveChartView::setSmoothing(double weight)
{
    m_layer->setSmoothing(weight);
}

void CurveChartView::setAntialiasing(bool on)
{
    m_layer->setAntialiasing(on);
}

void CurveChartView::rebuildAxes()
{
    m_axes.rebuild(m_chart, m_frame);
    applyAxisRanges();
}

void CurveChartView::rebuildSeries()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
    m_series.clear();
    const std::vector<ChartCurve> &curves = m_layer->curves();
    // Keys told apart by dashes (Combine Keys): the legend draws each series' line, dashes and
    // all, instead of a colour square the keys of one run share.
    const bool dashed = std::any_of(curves.cbegin(), curves.cend(),
                                    [](const ChartCurve &c) { return c.penStyle != Qt::SolidLine; });
    m_chart->legend()->setMarkerShape(dashed ? QLegend::MarkerShapeFromSeries
                                             : QLegend::MarkerShapeRectangle);
    for (size_t i = 0; i < curves.size(); ++i) {
        auto *series = new QLineSeries(this);
        series->setName(curves[i].runName);
        series->setPen(QPen(curves[i].color, 2, curves[i].penStyle));
        m_chart->addSeries(series);
        m_series.append(series);
    }
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    for (int i = 0; i < markers.size(); ++i) {
        connect(markers[i], &QLegendMarker::clicked, this,
                [this, i] { setCurveVisible(i, !m_layer->curves()[size_t(i)].visible); });
        connect(markers[i], &QLegendMarker::hovered, this,
                [this, i](bool on) { m_layer->setHighlighted(on ? i : -1); });
    }
    m_chart->legend()->setVisible(!curves.empty());
    updateLegendMarkers();
}

void CurveChartView::updateLegendMarkers()
{
    const QList<QLegendMarker *> markers = m_chart->legend()->markers();
    const std::vector<ChartCurve> &curves = m_layer->curves();
    for (int i = 0; i < markers.size() && i < int(curves.size()); ++i) {
        const bool visible = curves[size_t(i)].visible;
        QColor color = curves[size_t(i)].color;
        color.setAlphaF(visible ? 1.0 : 0.2);
        markers[i]->setBrush(color);
        markers[i]->setPen(QPen(color));
        markers[i]->setLabelBrush(visible ? QBrush(m_chart->legend()->labelColor()) : QBrush(Qt::gray));
    }
}

void CurveChartView::applyAxisRanges()
{
    m_axes.applyRanges(m_frame, size());
}

void CurveChartView::updateFrame()
{
    m_frame.plotArea = m_chart->plotArea();
    m_layer->setDevicePixelRatio(devicePixelRatioF());
    m_layer->setFrame(m_frame);
    emit frameChanged();
}

void CurveChartView::updateNotice()
{
    QString notice;
    if (m_frame.logY) {
        int count = 0;
        for (const ChartCurve &c : m_layer->curves())
            count += c.curve && c.curve->hasNonPositiveValues();
        if (count)
            notice = tr("%n curve(s) have values ≤ 0, which the log scale cannot show; they are skipped.",
                        nullptr, count);
    }
    if (notice != m_notice) {
        m_notice = notice;
        emit noticeChanged(notice);
    }
}

void CurveChartView::setXRange(double min, double max)
{
    if (!(max > min))
        return;
    m_frame.xMin = min;
    m_frame.xMax = max;
    const auto [lo, hi] = fullXRange();
    m_xZoomed = min > lo || max < hi;
    if (m_yAuto)
        fitY();
    applyAxisRanges();
    updateFrame();
}

void CurveChartView::userChangedX()
{
    m_xZoomed = true;
    if (m_yAuto)
        fitY();
    applyAxisRanges();
    updateFrame();
    emit xRangeChanged(m_frame.xMin, m_frame.xMax);
}

void CurveChartView::zoomX(double factor, double anchorFraction)
{
    m_frame.zoomX(factor, anchorFraction);
    userChangedX();
}

void CurveChartView::panX(double fraction)
{
    m_frame.panX(fraction);
    userChangedX();
}

void CurveChartView::resetZoom()
{
    const auto [lo, hi] = fullXRange();
    m_frame.xMin = lo;
    m_frame.xMax = hi;
    m_xZoomed = false;
    m_yAuto = true;
    fitY();
    applyAxisRanges();
    updateFrame();
    emit xRangeChanged(lo, hi);
}

void CurveChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    applyAxisRanges(); // tick counts follow the size
    updateFrame();
}

void CurveChartView::wheelEvent(QWheelEvent *event)
{
    const QRectF area = m_chart->plotArea();
    const QPointF pos = mapToScene(event->position().toPoint());
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0 || area.isEmpty()) {
        event->ignore();
        return;
    }
    const double factor = std::pow(WheelZoomStep, notches);
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom y around the cursor.
        m_frame.zoomY(factor, std::clamp((area.bottom() - pos.y()) / area.height(), 0.0, 1.0));
        m_yAuto = false;
        applyAxisRanges();
        updateFrame();
    } else {
        zoomX(factor, std::clamp((pos.x() - area.left()) / area.width(), 0.0, 1.0));
    }
    event->accept();
}

void CurveChartView::mousePressEvent(QMouseEvent *event)
{
    const bool rubber = event->button() == Qt::RightButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (rubber || event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_drag = rubber ? Drag::RubberBand : Drag::Pan;
        m_dragStart = event->pos();
        m_dragStartFrame = m_frame;
        if (rubber) {
            if (!m_rubberBand)
                m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
            m_rubberBand->setGeometry(QRect(m_dragStart, QSize()));
            m_rubberBand->show();
        } else {
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        m_layer->setCrosshair(std::numeric_limits<qreal>::quiet_NaN());
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void CurveChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QRectF area = m_chart->plotArea();
    if (m_drag == Drag::Pan && !area.isEmpty()) {
        const QPoint delta = event->pos() - m_dragStart;
        m_frame.dragFrom(m_dragStartFrame, -delta.x() / area.width(), delta.y() / area.height(),
                         !m_yAuto && !m_frame.logY);
        userChangedX();
        return;
    }
    if (m_drag == Drag::RubberBand) {
        m_rubberBand->setGeometry(QRect(m_dragStart, event->pos()).normalized());
        return;
    }
    const QPointF pos = mapToScene(event->pos());
    if (area.contains(pos)) {
        m_layer->setCrosshair(pos.x());
        m_layer->setHighlighted(m_layer->curveAt(pos, 6));
    } else {
        m_layer->setCrosshair(std::numeric_limits<qreal>::quiet_NaN());
        m_layer->setHighlighted(-1);
    }
    QChartView::mouseMoveEvent(event);
}

void CurveChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::RubberBand) {
        m_rubberBand->hide();
        const QRectF area = m_chart->plotArea();
        const QRectF box = QRectF(mapToScene(m_rubberBand->geometry().topLeft()),
                                  mapToScene(m_rubberBand->geometry().bottomRight()))
                               .intersected(area);
        if (box.width() > 3 && !area.isEmpty()) {
            if (box.height() > 3) {
                m_frame.showY((area.bottom() - box.bottom()) / area.height(),
                              (area.bottom() - box.top()) / area.height());
                m_yAuto = false;
            }
            m_frame.showX((box.left() - area.left()) / area.width(),
                          (box.right() - area.left()) / area.width());
            userChangedX();
        }
    }
    if (m_drag != Drag::None) {
        m_drag = Drag::None;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void CurveChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void CurveChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomX(WheelZoomStep);
        break;
    case Qt::Key_Minus:
        zoomX(1 / WheelZoomStep);
        break;
    case Qt::Key_Left:
        panX(-KeyPanStep);
        break;
    case Qt::Key_Right:
        panX(KeyPanStep);
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void CurveChartView::leaveEvent(QEvent *event)
{
    m_layer->setCrosshair(std::numeric_limits<qreal>::quiet_NaN());
    m_layer->setHighlighted(-1);
    QChartView::leaveEvent(event);
}

void CurveChartView::prepareRender(const QSize &size)
{
    if (size.isValid() && size != this->size())
        resize(size);
    applyAxisRanges();
    // A hidden view gets no resize event and a chart lays itself out later: do both now.
    m_chart->resize(this->size());
    scene()->setSceneRect(QRectF(QPointF(0, 0), this->size()));
    if (QGraphicsLayout *layout = m_chart->layout())
        layout->activate();
    updateFrame();
}

QImage CurveChartView::renderImage(const QSize &size)
{
    prepareRender(size);
    QImage image(this->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, renderHints().testFlag(QPainter::Antialiasing));
    scene()->render(&painter, QRectF(QPointF(0, 0), this->size()), QRectF(QPointF(0, 0), this->size()));
    return image;
}

bool CurveChartView::saveSvg(const QString &path, const QSize &size)
{
    prepareRender(size);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(this->size());
    svg.setViewBox(QRect(QPoint(0, 0), this->size()));
    svg.setTitle(title());
    svg.setDescription(tr("Metric curves exported by Kaizen"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.setRenderHint(QPainter::Antialiasing, renderHints().testFlag(QPainter::Antialiasing));
    scene()->render(&painter, QRectF(QPointF(0, 0), this->size()), QRectF(QPointF(0, 0), this->size()));
    return painter.end();
}
