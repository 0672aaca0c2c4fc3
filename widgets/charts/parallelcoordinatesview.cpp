#include "parallelcoordinatesview.h"

#include "runcolors.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace RunDiff;

namespace {

constexpr double SideMargin = 70; // room for the first axis's tick labels and the last title
constexpr double TitleGap = 10; // between the titles and the axes' tops
constexpr double BottomGap = 16;
constexpr double AxisGrip = 10; // pixels either side of an axis that start a brush
constexpr double HoverDistance = 6;
constexpr int FadedAlpha = 60;
constexpr double KeyBrushSpan = 0.2; // a brush made with the keys covers a fifth of the axis
constexpr double KeyBrushStep = 0.05; // one key press slides or stretches it by a twentieth

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

ParallelCoordinatesView::ParallelCoordinatesView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAutoFillBackground(false);
    setFocusPolicy(Qt::StrongFocus);
}

void ParallelCoordinatesView::setDiff(const Diff &diff)
{
    m_diff = diff;
    m_brushes.clear();
    m_hoverRun = -1;
    rebuildAxes();
}

void ParallelCoordinatesView::setAxisKeys(const QStringList &keys)
{
    if (keys == m_keys)
        return;
    m_keys = keys;
    const bool hadBrush = hasBrush();
    m_brushes.clear();
    rebuildAxes();
    if (hadBrush)
        emit brushChanged();
}

QStringList ParallelCoordinatesView::axisKeys() const
{
    return m_keys;
}

void ParallelCoordinatesView::rebuildAxes()
{
    m_axes.clear();
    for (const QString &key : std::as_const(m_keys))
        m_axes.append(CompareAxis::make(m_diff, key));
    update();
}

int ParallelCoordinatesView::lineCount() const
{
    if (m_axes.isEmpty())
        return 0;
    int count = 0;
    for (int run = 0; run < m_diff.runs.size(); ++run) {
        count += std::any_of(m_axes.cbegin(), m_axes.cend(),
                             [run](const CompareAxis &a) { return a.positionOfRun(run).has_value(); });
    }
    return count;
}

void ParallelCoordinatesView::setBrush(int axis, double from, double to)
{
    if (axis < 0 || axis >= m_axes.size())
        return;
    m_brushes.insert(axis,
                     {std::clamp(std::min(from, to), 0.0, 1.0), std::clamp(std::max(from, to), 0.0, 1.0)});
    update();
    emit brushChanged();
}

std::optional<std::pair<double, double>> ParallelCoordinatesView::brush(int axis) const
{
    const auto it = m_brushes.constFind(axis);
    return it == m_brushes.cend() ? std::nullopt : std::optional(*it);
}

void ParallelCoordinatesView::clearBrush(int axis)
{
    if (m_brushes.remove(axis) > 0) {
        update();
        emit brushChanged();
    }
}

void ParallelCoordinatesView::clearBrushes()
{
    if (m_brushes.isEmpty())
        return;
    m_brushes.clear();
    update();
    emit brushChanged();
}

bool ParallelCoordinatesView::isBrushed(int run) const
{
    for (auto it = m_brushes.cbegin(); it != m_brushes.cend(); ++it) {
        const auto position = m_axes[it.key()].positionOfRun(run);
        // A little slack, so that a range drawn to an axis's end holds the run at the end.
        if (!position || *position < it->first - 1e-9 || *position > it->second + 1e-9)
            return false;
    }
    return true;
}

QStringList ParallelCoordinatesView::brushedRunIds() const
{
    QStringList ids;
    for (int run = 0; run < m_diff.runs.size(); ++run) {
        if (isBrushed(run))
            ids.append(m_diff.runs[run].runId);
    }
    return ids;
}

int ParallelCoordinatesView::legendHeight(double width) const
{
    const QFontMetricsF metrics(font());
    double x = 0;
    int lines = m_diff.runs.isEmpty() ? 0 : 1;
    for (const RunInfo &run : m_diff.runs) {
        const double item = 22 + metrics.horizontalAdvance(run.displayName()) + 16;
        if (x > 0 && x + item > width) {
            ++lines;
            x = 0;
        }
        x += item;
    }
    return int(std::ceil(lines * (metrics.height() + 4)));
}

QFont ParallelCoordinatesView::titleFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

bool ParallelCoordinatesView::staggersTitles(double spacing) const
{
    if (m_axes.size() <= 1)
        return false;
    const QFontMetricsF metrics(titleFont());
    return std::any_of(m_axes.cbegin(), m_axes.cend(), [&](const CompareAxis &axis) {
        return metrics.horizontalAdvance(titleOf(axis)) > spacing - 8;
    });
}

QString ParallelCoordinatesView::titleOf(const CompareAxis &axis) const
{
    return axis.logScale ? tr("%1 (log)").arg(axis.title) : axis.title;
}

QRectF ParallelCoordinatesView::plotRect(const QSizeF &size) const
{
    const double legend = legendHeight(size.width() - 2 * SideMargin);
    const double width = std::max(10.0, size.width() - 2 * SideMargin);
    const double spacing = m_axes.size() > 1 ? width / double(m_axes.size() - 1) : width;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const double block = QFontMetricsF(titleFont()).height() + QFontMetricsF(small).height();
    const double top = 8 + block * (staggersTitles(spacing) ? 2 : 1) + TitleGap;
    return QRectF(SideMargin, top, width, std::max(10.0, size.height() - top - BottomGap - legend - 18));
}

double ParallelCoordinatesView::axisX(int axis, const QRectF &plot) const
{
    if (m_axes.size() <= 1)
        return plot.center().x();
    return plot.left() + axis * plot.width() / double(m_axes.size() - 1);
}

QString ParallelCoordinatesView::plotTitle() const
{
    return tr("Parallel coordinates");
}

void ParallelCoordinatesView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter, QSizeF(size()));
    if (hasFocus() && currentAxis() >= 0) { // where the keys act; never in an export
        const QRectF plot = plotRect();
        const double x = axisX(currentAxis(), plot);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom() + 4));
    }
}

void ParallelCoordinatesView::renderPlot(QPainter &painter, const QSize &size)
{
    const QSizeF own(this->size());
    painter.save();
    painter.scale(size.width() / own.width(), size.height() / own.height());
    paint(painter, own);
    painter.restore();
}

void ParallelCoordinatesView::paint(QPainter &painter, const QSizeF &size) const
{
    const QPalette &pal = palette();
    painter.fillRect(QRectF(QPointF(0, 0), size), pal.color(QPalette::Base));
    painter.setFont(font());
    const QFontMetricsF metrics(font());
    if (m_axes.isEmpty() || m_diff.runs.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(QPointF(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Check params and metrics in the list to draw them as axes."));
        return;
    }
    const QRectF plot = plotRect(size);
    const int axes = int(m_axes.size());
    const double spacing = axes > 1 ? plot.width() / (axes - 1) : plot.width();

    // Brushed ranges under everything.
    const QColor highlight = pal.color(QPalette::Highlight);
    for (auto it = m_brushes.cbegin(); it != m_brushes.cend(); ++it) {
        const double x = axisX(it.key(), plot);
        const QRectF band(x - 9, yOf(it->second, plot), 18, yOf(it->first, plot) - yOf(it->second, plot));
        QColor fill = highlight;
        fill.setAlpha(60);
        painter.setPen(QPen(highlight, 1));
        painter.setBrush(fill);
        painter.drawRect(band.adjusted(0, -2, 0, 2));
    }

    // Lines: faded runs first, then the brushed ones, the hovered one last and thickest.
    QList<int> order;
    for (int run = 0; run < m_diff.runs.size(); ++run)
        order.append(run);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const auto rank = [this](int run) { return run == m_hoverRun ? 2 : isBrushed(run) ? 1 : 0; };
        return rank(a) < rank(b);
    });
    for (int run : std::as_const(order)) {
        QColor color = RunColors::color(m_diff.runs[run].colorKey());
        const bool brushed = isBrushed(run);
        if (!brushed)
            color.setAlpha(FadedAlpha);
        const double width = run == m_hoverRun ? 3.5 : 2.0;
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        QPainterPath path;
        bool open = false;
        for (int a = 0; a < axes; ++a) {
            const auto position = m_axes[a].positionOfRun(run);
            if (!position) {
                open = false; // a missing value breaks the line
                continue;
            }
            const QPointF point(axisX(a, plot), yOf(*position, plot));
            if (open)
                path.lineTo(point);
            else
                path.moveTo(point);
            open = true;
        }
        painter.drawPath(path);
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        for (int a = 0; a < axes; ++a) {
            if (const auto position = m_axes[a].positionOfRun(run))
                painter.drawEllipse(QPointF(axisX(a, plot), yOf(*position, plot)), width + 0.5, width + 0.5);
        }
    }

    // Axes, ticks and titles on top, labels on a halo so that lines do not hide them.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetricsF smallMetrics(small);
    QColor halo = pal.color(QPalette::Base);
    halo.setAlpha(200);
    for (int a = 0; a < axes; ++a) {
        const CompareAxis &axis = m_axes[a];
        const double x = axisX(a, plot);
        painter.setPen(QPen(pal.color(QPalette::Text), 1.2));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setFont(small);
        const double labelWidth = a == 0 ? SideMargin - 10 : spacing - 14;
        for (const auto &[position, label] : axis.ticks()) {
            const double y = yOf(position, plot);
            painter.setPen(QPen(pal.color(QPalette::Text), 1));
            painter.drawLine(QPointF(x - 4, y), QPointF(x, y));
            const QString text = smallMetrics.elidedText(label, Qt::ElideMiddle, std::max(20.0, labelWidth));
            const double w = smallMetrics.horizontalAdvance(text);
            const QRectF box(x - 7 - w, y - smallMetrics.height() / 2, w, smallMetrics.height());
            painter.fillRect(box.adjusted(-2, 0, 2, 0), halo);
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, text);
        }
        painter.setFont(font());
    }
    // Titles above the axes; when they do not fit side by side, every other one a row higher,
    // so each may take twice the spacing.
    const QFont bold = titleFont();
    const QFontMetricsF boldMetrics(bold);
    const bool stagger = staggersTitles(spacing);
    const double block = boldMetrics.height() + smallMetrics.height();
    for (int a = 0; a < axes; ++a) {
        const CompareAxis &axis = m_axes[a];
        const double x = axisX(a, plot);
        const double titleWidth = axes == 1 ? plot.width() : (stagger ? 2 * spacing - 12 : spacing - 8);
        const bool upper = stagger && a % 2 == 0;
        const double top = plot.top() - TitleGap - block * (upper ? 2 : 1);
        painter.setFont(bold);
        painter.setPen(pal.color(QPalette::Text));
        const QString shown
            = boldMetrics.elidedText(titleOf(axis), Qt::ElideMiddle, std::max(30.0, titleWidth));
        painter.drawText(QRectF(x - titleWidth / 2, top, titleWidth, boldMetrics.height()),
                         Qt::AlignHCenter | Qt::AlignVCenter, shown);
        painter.setFont(small);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString kind = axis.key.startsWith(QLatin1String("metrics.")) ? tr("metric") : tr("param");
        painter.drawText(
            QRectF(x - titleWidth / 2, top + boldMetrics.height(), titleWidth, smallMetrics.height()),
            Qt::AlignHCenter | Qt::AlignTop, kind);
        if (upper) {
            // A thin leader down to the axis, past the lower row's titles.
            QColor leader = pal.color(QPalette::PlaceholderText);
            leader.setAlpha(90);
            painter.setPen(QPen(leader, 1, Qt::DotLine));
            painter.drawLine(QPointF(x, top + block), QPointF(x, plot.top() - 3));
        }
    }
    painter.setFont(font());

    // Legend.
    double lx = plot.left();
    double ly = plot.bottom() + BottomGap + 8;
    for (int run = 0; run < m_diff.runs.size(); ++run) {
        const QString name = m_diff.runs[run].displayName();
        const double item = 22 + metrics.horizontalAdvance(name) + 16;
        if (lx > plot.left() && lx + item > plot.right()) {
            lx = plot.left();
            ly += metrics.height() + 4;
        }
        QColor color = RunColors::color(m_diff.runs[run].colorKey());
        if (!isBrushed(run))
            color.setAlpha(FadedAlpha + 40);
        painter.setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(lx, ly + metrics.height() / 2), QPointF(lx + 16, ly + metrics.height() / 2));
        QColor text = pal.color(QPalette::Text);
        if (!isBrushed(run))
            text = pal.color(QPalette::PlaceholderText);
        painter.setPen(text);
        painter.drawText(QRectF(lx + 22, ly, item, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        lx += item;
    }
}

int ParallelCoordinatesView::runAt(const QPointF &point) const
{
    const QRectF plot = plotRect();
    int best = -1;
    double bestDistance = HoverDistance;
    for (int run = 0; run < m_diff.runs.size(); ++run) {
        QPointF previous;
        bool hasPrevious = false;
        for (int a = 0; a < m_axes.size(); ++a) {
            const auto position = m_axes[a].positionOfRun(run);
            if (!position) {
                hasPrevious = false;
                continue;
            }
            const QPointF p(axisX(a, plot), yOf(*position, plot));
            const double d = hasPrevious ? distanceToSegment(point, previous, p)
                                         : std::hypot(point.x() - p.x(), point.y() - p.y());
            // Brushed runs win over faded ones at the same distance.
            const double weighted = isBrushed(run) ? d : d + 1;
            if (weighted < bestDistance) {
                bestDistance = weighted;
                best = run;
            }
            previous = p;
            hasPrevious = true;
        }
    }
    return best;
}

QString ParallelCoordinatesView::toolTipOf(int run) const
{
    QString text = QStringLiteral("<b>%1</b>").arg(m_diff.runs[run].displayName().toHtmlEscaped());
    for (const CompareAxis &axis : m_axes)
        text += QStringLiteral("<br>%1: %2").arg(axis.title.toHtmlEscaped(), axis.texts[run].toHtmlEscaped());
    return text;
}

bool ParallelCoordinatesView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int run = runAt(help->pos());
        if (run >= 0)
            QToolTip::showText(help->globalPos(), toolTipOf(run), this);
        else if (axisNear(help->pos()) >= 0)
            QToolTip::showText(help->globalPos(),
                               tr("Drag along the axis to select a range; click it to clear.\n"
                                  "Keys: Left/Right choose an axis, Up/Down slide a range, "
                                  "Shift+Up/Down stretch it, Delete clears it."),
                               this);
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut)
        update(); // the current axis shows only with focus
    return QWidget::event(event);
}

int ParallelCoordinatesView::axisNear(const QPointF &point) const
{
    const QRectF plot = plotRect();
    if (point.y() < plot.top() - AxisGrip || point.y() > plot.bottom() + AxisGrip)
        return -1;
    for (int a = 0; a < m_axes.size(); ++a) {
        if (std::abs(point.x() - axisX(a, plot)) <= AxisGrip)
            return a;
    }
    return -1;
}

void ParallelCoordinatesView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragAxis = axisNear(event->position());
    m_pressPoint = event->position();
    if (m_dragAxis >= 0) {
        const QRectF plot = plotRect();
        m_dragFrom = std::clamp((plot.bottom() - event->position().y()) / plot.height(), 0.0, 1.0);
    }
}

void ParallelCoordinatesView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragAxis >= 0 && event->buttons().testFlag(Qt::LeftButton)) {
        const QRectF plot = plotRect();
        const double to = std::clamp((plot.bottom() - event->position().y()) / plot.height(), 0.0, 1.0);
        if (std::abs(event->position().y() - m_pressPoint.y()) >= 3) {
            m_brushes.insert(m_dragAxis, {std::min(m_dragFrom, to), std::max(m_dragFrom, to)});
            update();
        }
        return;
    }
    setCursor(axisNear(event->position()) >= 0 ? Qt::SizeVerCursor : Qt::ArrowCursor);
    const int run = runAt(event->position());
    if (run != m_hoverRun) {
        m_hoverRun = run;
        update();
    }
}

void ParallelCoordinatesView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_dragAxis < 0)
        return QWidget::mouseReleaseEvent(event);
    const int axis = m_dragAxis;
    m_dragAxis = -1;
    if (std::abs(event->position().y() - m_pressPoint.y()) < 3) {
        clearBrush(axis); // a click on an axis
        return;
    }
    const QRectF plot = plotRect();
    const double to = std::clamp((plot.bottom() - event->position().y()) / plot.height(), 0.0, 1.0);
    setBrush(axis, m_dragFrom, to);
}

void ParallelCoordinatesView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (axisNear(event->position()) < 0)
        clearBrushes();
}

void ParallelCoordinatesView::keyPressEvent(QKeyEvent *event)
{
    const int axis = currentAxis();
    const int key = event->key();
    if (axis < 0 || (key == Qt::Key_Escape && !hasBrush()))
        return QWidget::keyPressEvent(event); // Escape goes on to the window when there is nothing to clear
    const bool stretch = event->modifiers().testFlag(Qt::ShiftModifier);
    const auto current = brush(axis);
    switch (key) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_keyAxis = std::clamp(axis + (key == Qt::Key_Left ? -1 : 1), 0, int(m_axes.size()) - 1);
        update();
        break;
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const double step = key == Qt::Key_Up ? KeyBrushStep : -KeyBrushStep;
        double from = 0, to = 0;
        if (!current) { // the top or bottom fifth, where the key points
            from = key == Qt::Key_Up ? 1 - KeyBrushSpan : 0;
            to = from + KeyBrushSpan;
        } else if (stretch) { // the end the key points to moves out
            from = key == Qt::Key_Up ? current->first : std::max(0.0, current->first + step);
            to = key == Qt::Key_Up ? std::min(1.0, current->second + step) : current->second;
        } else { // slide, keeping the span, within the axis
            const double span = current->second - current->first;
            from = std::clamp(current->first + step, 0.0, 1 - span);
            to = from + span;
        }
        setBrush(axis, from, to);
        break;
    }
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        clearBrush(axis);
        break;
    case Qt::Key_Escape:
        clearBrushes();
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void ParallelCoordinatesView::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hoverRun >= 0) {
        m_hoverRun = -1;
        update();
    }
}
