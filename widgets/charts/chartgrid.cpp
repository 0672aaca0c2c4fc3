#include "chartgrid.h"

#include "curvechartview.h"

#include <QEvent>
#include <QGridLayout>

#include <algorithm>

ChartGrid::ChartGrid(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("chartScrollArea"));
    auto *grid = new QWidget;
    grid->setObjectName(QStringLiteral("chartGrid"));
    m_layout = new QGridLayout(grid);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setWidget(grid);
    viewport()->installEventFilter(this);
}

void ChartGrid::setCharts(const std::vector<CurveChartView *> &charts, const QList<QStringList> &legends)
{
    for (CurveChartView *view : m_charts) {
        if (std::find(charts.cbegin(), charts.cend(), view) == charts.cend())
            delete view;
    }
    m_charts = charts;
    m_legends = legends;
    m_columns = 0; // lay out again
    relayout();
}

void ChartGrid::resizeEvent(QResizeEvent *event)
{
    relayout();
    QScrollArea::resizeEvent(event);
}

bool ChartGrid::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == viewport() && event->type() == QEvent::Resize)
        relayout();
    return QScrollArea::eventFilter(watched, event);
}

void ChartGrid::relayout()
{
    const int count = int(m_charts.size());
    const int spacing = m_layout->spacing();
    // Two abreast when wide enough and the legends fit in half the width (they elide otherwise).
    int legendWidth = 0;
    const QFontMetrics metrics(font());
    for (const QStringList &legend : std::as_const(m_legends)) {
        int needed = 40; // the legend's margins
        for (const QString &name : legend)
            needed += metrics.horizontalAdvance(name) + 2 * metrics.height() + 8; // marker, spacing
        legendWidth = std::max(legendWidth, needed);
    }
    const int columns
        = count > 1 && width() >= TwoColumnWidth && legendWidth <= (width() - spacing) / 2 ? 2 : 1;
    const int rows = (count + columns - 1) / columns;
    const int available = viewport()->height();
    // All rows when they fit at a legible size, otherwise two rows to a screen.
    int height = rows > 0 ? (available - spacing * (rows - 1)) / rows : available;
    if (height < MinChartHeight)
        height = std::max(MinChartHeight, (available - spacing) / 2);

    if (columns != m_columns) {
        m_columns = columns;
        for (CurveChartView *view : m_charts)
            m_layout->removeWidget(view);
        for (int i = 0; i < count; ++i)
            m_layout->addWidget(m_charts[size_t(i)], i / columns, i % columns);
        for (int c = 0; c < 2; ++c)
            m_layout->setColumnStretch(c, c < columns ? 1 : 0);
    }
    for (CurveChartView *view : m_charts) {
        if (view->height() != height || view->minimumHeight() != height)
            view->setFixedHeight(height);
        view->show();
    }
}
