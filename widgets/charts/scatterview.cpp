#include "scatterview.h"

#include "runcolors.h"

#include <QCategoryAxis>
#include <QCursor>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QPainter>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

using namespace RunDiff;

// The chart is handed to the base: QChartView(parent) would make one of its own, which a later
// setChart() releases without deleting.
ScatterView::ScatterView(QWidget *parent) : QChartView(new QChart, parent), m_chart(chart())
{
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(6, 6, 6, 6));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // The chart is drawn on white paper in any palette: its legend in the theme's ink, not in the
    // palette's text colour (light in a dark palette, and then unreadable on white).
    m_chart->legend()->setLabelColor(m_chart->titleBrush().color());
    m_chart->legend()->setShowToolTips(true);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 200);
}

void ScatterView::setDiff(const Diff &diff)
{
    m_diff = diff;
    m_highlightAll = true;
    m_highlighted.clear();
    rebuild();
}

void ScatterView::setKeys(const QString &xKey, const QString &yKey)
{
    if (xKey == m_xKey && yKey == m_yKey)
        return;
    m_xKey = xKey;
    m_yKey = yKey;
    rebuild();
}

void ScatterView::setHighlightedRuns(const QStringList &runIds, bool all)
{
    m_highlightAll = all;
    m_highlighted = QSet<QString>(runIds.cbegin(), runIds.cend());
    applyColors();
}

int ScatterView::pointCount() const
{
    int count = 0;
    for (const QScatterSeries *s : m_series)
        count += int(s->count());
    return count;
}

QString ScatterView::plotTitle() const
{
    return tr("%1 against %2").arg(m_y.title, m_x.title);
}

QAbstractAxis *ScatterView::makeAxis(const CompareAxis &axis, Qt::Alignment alignment)
{
    QAbstractAxis *result = nullptr;
    if (axis.categorical) {
        auto *categories = new QCategoryAxis;
        for (int i = 0; i < axis.categories.size(); ++i)
            categories->append(axis.categories[i], i + 0.5);
        categories->setStartValue(-0.5);
        categories->setRange(-0.5, std::max<double>(0.5, axis.categories.size() - 0.5));
        categories->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
        result = categories;
    } else if (axis.logScale) {
        auto *log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setRange(axis.min / 1.5, axis.max * 1.5);
        result = log;
    } else {
        auto *value = new QValueAxis;
        const double span = axis.max > axis.min ? axis.max - axis.min : std::max(std::abs(axis.min), 1.0);
        value->setRange(axis.min - span * 0.08, axis.max + span * 0.08);
        value->setTickCount(6);
        value->setLabelFormat(QStringLiteral("%.4g"));
        result = value;
    }
    result->setTitleText(axis.logScale ? tr("%1 (log)").arg(axis.title) : axis.title);
    QFont title = result->titleFont();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF());
    result->setTitleFont(title);
    m_chart->addAxis(result, alignment);
    return result;
}

void ScatterView::rebuild()
{
    m_chart->removeAllSeries();
    m_series.clear();
    m_seriesRun.clear();
    const QList<QAbstractAxis *> axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_xAxis = m_yAxis = nullptr;
    m_x = CompareAxis::make(m_diff, m_xKey);
    m_y = CompareAxis::make(m_diff, m_yKey);
    if (m_diff.isEmpty() || m_xKey.isEmpty() || m_yKey.isEmpty()) {
        m_chart->setTitle(QString());
        return;
    }
    m_xAxis = makeAxis(m_x, Qt::AlignBottom);
    m_yAxis = makeAxis(m_y, Qt::AlignLeft);
    for (int run = 0; run < m_diff.runs.size(); ++run) {
        const auto x = m_x.values.value(run);
        const auto y = m_y.values.value(run);
        if (!x || !y)
            continue;
        auto *series = new QScatterSeries;
        series->setName(m_diff.runs[run].displayName());
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(12);
        // Categories stand mid-way between their axis ticks.
        series->append(m_x.categorical ? *x + 0.5 : *x, *y);
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        connect(series, &QXYSeries::hovered, this, [this, run](const QPointF &, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), toolTipOf(run), this);
            else
                QToolTip::hideText();
        });
        m_series.append(series);
        m_seriesRun.append(run);
    }
    m_chart->legend()->setVisible(m_series.size() <= MaxLegendRuns);
    applyColors();
}

void ScatterView::applyColors()
{
    for (int i = 0; i < m_series.size(); ++i) {
        const RunInfo &run = m_diff.runs[m_seriesRun[i]];
        QColor color = RunColors::color(run.colorKey());
        const bool faded = !m_highlightAll && !m_highlighted.contains(run.runId);
        if (faded)
            color.setAlpha(50);
        m_series[i]->setColor(color);
        m_series[i]->setBorderColor(faded ? QColor(255, 255, 255, 60) : QColor(Qt::white));
    }
}

QString ScatterView::toolTipOf(int run) const
{
    if (run < 0 || run >= m_diff.runs.size())
        return {};
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
        .arg(m_diff.runs[run].displayName().toHtmlEscaped(), m_x.title.toHtmlEscaped(),
             m_x.texts.value(run).toHtmlEscaped(), m_y.title.toHtmlEscaped(),
             m_y.texts.value(run).toHtmlEscaped());
}

void ScatterView::renderPlot(QPainter &painter, const QSize &size)
{
    scene()->render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), this->size()));
}
