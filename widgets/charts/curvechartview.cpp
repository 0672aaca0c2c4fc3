#include "curvechartview.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QRubberBand>
#include <QSvgGenerator>
#include <QValueAxis>
#include <QWheelEvent>

#include <cmath>

namespace {

constexpr double WheelZoomStep = 0.8; // range factor per notch
constexpr double KeyPanStep = 0.1; // fraction of the range per arrow key

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

CurveChartView::CurveChartView(QWidget *parent)
    : QChartView(new QChart, parent), m_chart(chart()), m_layer(new CurveLayer(chart()))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
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
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    delete m_xAxisItem;
    delete m_yAxisItem;
    switch (m_frame.xAxis) {
    case CurveMath::XAxis::Step: {
        auto *axis = new QValueAxis;
        axis->setTitleText(tr("Step"));
        m_xAxisItem = axis;
        break;
    }
    case CurveMath::XAxis::WallTime: {
        auto *axis = new QDateTimeAxis;
        axis->setTitleText(tr("Wall time"));
        m_xAxisItem = axis;
        break;
    }
    case CurveMath::XAxis::RelativeTime: {
        auto *axis = new QValueAxis;
        m_xAxisItem = axis;
        break;
    }
    }
    if (m_frame.logY) {
        auto *axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(8);
        m_yAxisItem = axis;
    } else {
        m_yAxisItem = new QValueAxis;
    }
    m_chart->addAxis(m_xAxisItem, Qt::AlignBottom);
    m_chart->addAxis(m_yAxisItem, Qt::AlignLeft);
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
        markers[i]->setLabelBrush(visible ? palette().text() : QBrush(Qt::gray));
    }
}

MetricCurve::LineOptions CurveChartView::rawLineOptions() const
{
    // From this view's frame: the layer's may not have caught up yet.
    MetricCurve::LineOptions options;
    options.xAxis = m_frame.xAxis;
    options.logY = m_frame.logY;
    return options;
}

std::pair<double, double> CurveChartView::fullXRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const ChartCurve &c : m_layer->curves()) {
        if (!c.curve || c.curve->series().isEmpty())
            continue;
        const CurveData &line = c.curve->line(rawLineOptions());
        const double shift
            = m_frame.xAxis == CurveMath::XAxis::RelativeTime ? double(c.curve->startTime()) : 0;
        lo = std::min(lo, double(line.x().front()) - shift);
        hi = std::max(hi, double(line.x().back()) - shift);
    }
    if (!(lo <= hi))
        return {0, 1};
    if (lo == hi)
        return {lo - 1, hi + 1};
    return {lo, hi};
}

void CurveChartView::fitY()
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::vector<std::span<const double>> visible;
    for (const ChartCurve &c : m_layer->curves()) {
        if (!c.visible || !c.curve)
            continue;
        const CurveData &line = c.curve->line(rawLineOptions());
        const double shift
            = m_frame.xAxis == CurveMath::XAxis::RelativeTime ? double(c.curve->startTime()) : 0;
        const qsizetype first = line.lowerBound(m_frame.xMin + shift);
        const qsizetype last = line.upperBound(m_frame.xMax + shift);
        if (first >= last)
            continue;
        const MinMaxPyramid::Extremes e = line.extremes(first, last);
        if (e.isEmpty())
            continue;
        lo = std::min(lo, line.y()[e.minIndex]);
        hi = std::max(hi, line.y()[e.maxIndex]);
        visible.push_back(line.y().subspan(size_t(first), size_t(last - first)));
    }
    if (m_ignoreOutliers && !visible.empty()) {
        const auto [qlo, qhi] = CurveMath::quantileRange(visible, 0.05, 0.95);
        if (qlo <= qhi) {
            lo = qlo;
            hi = qhi;
        }
    }
    if (!(lo <= hi)) {
        lo = m_frame.logY ? 1 : 0;
        hi = m_frame.logY ? 10 : 1;
    }
    if (m_frame.logY) {
        double l = std::log10(lo), h = std::log10(hi);
        if (h - l < 1) {
            // A log axis labels powers of ten only: show whole decades so that two have labels.
            l = std::floor(l);
            h = std::max(std::ceil(h), l + 1);
        } else {
            const double pad = (h - l) * 0.05;
            l -= pad;
            h += pad;
        }
        m_frame.yMin = std::pow(10, l);
        m_frame.yMax = std::pow(10, h);
    } else {
        const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(std::fabs(lo) * 0.05, 1e-9);
        m_frame.yMin = lo - pad;
        m_frame.yMax = hi + pad;
    }
}

void CurveChartView::applyAxisRanges()
{
    if (!m_xAxisItem || !m_yAxisItem)
        return;
    const double xMin = m_frame.xMin, xMax = m_frame.xMax;
    if (auto *dates = qobject_cast<QDateTimeAxis *>(m_xAxisItem)) {
        dates->setFormat(dateFormatFor(xMax - xMin));
        dates->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin)),
                        QDateTime::fromMSecsSinceEpoch(qint64(std::ceil(xMax))));
    } else if (auto *values = qobject_cast<QValueAxis *>(m_xAxisItem)) {
        const int ticks = std::max(2, int(width() / 140)); // each label is laid out anew per frame
        if (m_frame.xAxis == CurveMath::XAxis::RelativeTime) {
            const CurveMath::TimeUnit unit = CurveMath::relativeTimeUnit(xMax - xMin);
            values->setTitleText(tr("Relative time (%1)").arg(unit.suffix));
            setRangeWithNiceTicks(values, xMin / unit.milliseconds, xMax / unit.milliseconds, ticks, false);
        } else {
            setRangeWithNiceTicks(values, xMin, xMax, ticks, true);
        }
    }
    if (auto *log = qobject_cast<QLogValueAxis *>(m_yAxisItem))
        log->setRange(m_frame.yMin, m_frame.yMax);
    else if (auto *values = qobject_cast<QValueAxis *>(m_yAxisItem)) {
        setRangeWithNiceTicks(values, m_frame.yMin, m_frame.yMax, std::max(2, int(height() / 90)), false);
    }
}

void CurveChartView::updateFrame()
{
    m_frame.plotArea = m_chart->plotArea();
    m_layer->setDevicePixelRatio(devicePixelRatioF());
    m_layer->setFrame(m_frame);
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
    const double span = m_frame.xMax - m_frame.xMin;
    const double anchor = m_frame.xMin + span * anchorFraction;
    const double newSpan = std::max(span * factor, 1e-9);
    m_frame.xMin = anchor - newSpan * anchorFraction;
    m_frame.xMax = m_frame.xMin + newSpan;
    userChangedX();
}

void CurveChartView::panX(double fraction)
{
    const double shift = (m_frame.xMax - m_frame.xMin) * fraction;
    m_frame.xMin += shift;
    m_frame.xMax += shift;
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
        const double fraction = std::clamp((area.bottom() - pos.y()) / area.height(), 0.0, 1.0);
        if (m_frame.logY) {
            const double l = std::log10(m_frame.yMin), h = std::log10(m_frame.yMax);
            const double anchor = l + (h - l) * fraction, span = (h - l) * factor;
            m_frame.yMin = std::pow(10, anchor - span * fraction);
            m_frame.yMax = std::pow(10, anchor - span * fraction + span);
        } else {
            const double anchor = m_frame.yMin + (m_frame.yMax - m_frame.yMin) * fraction;
            const double span = (m_frame.yMax - m_frame.yMin) * factor;
            m_frame.yMin = anchor - span * fraction;
            m_frame.yMax = m_frame.yMin + span;
        }
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
        const double dx = -delta.x() / area.width() * (m_dragStartFrame.xMax - m_dragStartFrame.xMin);
        m_frame.xMin = m_dragStartFrame.xMin + dx;
        m_frame.xMax = m_dragStartFrame.xMax + dx;
        if (!m_yAuto && !m_frame.logY) {
            const double dy = delta.y() / area.height() * (m_dragStartFrame.yMax - m_dragStartFrame.yMin);
            m_frame.yMin = m_dragStartFrame.yMin + dy;
            m_frame.yMax = m_dragStartFrame.yMax + dy;
        }
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
            const double span = m_frame.xMax - m_frame.xMin;
            const double x0 = m_frame.xMin + (box.left() - area.left()) / area.width() * span;
            const double x1 = m_frame.xMin + (box.right() - area.left()) / area.width() * span;
            if (box.height() > 3) {
                const double t0 = (area.bottom() - box.bottom()) / area.height();
                const double t1 = (area.bottom() - box.top()) / area.height();
                if (m_frame.logY) {
                    const double l = std::log10(m_frame.yMin), h = std::log10(m_frame.yMax);
                    m_frame.yMin = std::pow(10, l + (h - l) * t0);
                    m_frame.yMax = std::pow(10, l + (h - l) * t1);
                } else {
                    const double ySpan = m_frame.yMax - m_frame.yMin, y0 = m_frame.yMin;
                    m_frame.yMin = y0 + ySpan * t0;
                    m_frame.yMax = y0 + ySpan * t1;
                }
                m_yAuto = false;
            }
            m_frame.xMin = x0;
            m_frame.xMax = x1;
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
