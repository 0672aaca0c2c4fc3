#include "chartspage.h"

#include "appsettings.h"
#include "chartexport.h"
#include "chartgrid.h"
#include "curvechartview.h"
#include "metriccurveloader.h"
#include "metrickeylistmodel.h"
#include "metricseriesloader.h"
#include "noticebar.h"
#include "pageframe.h"
#include "runcolors.h"
#include "runformat.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

const Qt::PenStyle KeyPenStyles[]
    = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};

// A curve's name in a legend; in a chart of several keys, with its key.
QString curveName(const QString &runName, const QString &key, bool withKey)
{
    return withKey ? QStringLiteral("%1 · %2").arg(runName, key) : runName;
}

} // namespace

ChartsPage::ChartsPage(QWidget *parent)
    : QWidget(parent), m_curves(new MetricCurveLoader(this)), m_keyModel(new MetricKeyListModel(this))
{
    createLayout();
    connectToolBar();

    connect(m_curves, &MetricCurveLoader::curvesLoaded, this, &ChartsPage::onCurvesLoaded);
    connect(m_curves, &MetricCurveLoader::loadFailed, this, &ChartsPage::loadFailed);
    connect(m_curves, &MetricCurveLoader::linesReady, this, &ChartsPage::applyLineOptions);
    connect(loader(), &MetricSeriesLoader::progressChanged, this, &ChartsPage::progressChanged);
    connect(loader(), &MetricSeriesLoader::loadingChanged, this, &ChartsPage::loadingChanged);
    connect(m_keyModel, &MetricKeyListModel::checkedKeysChanged, this, [this] {
        if (m_applyingRuns)
            return;
        rebuildCharts();
        loadMissing();
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (CurveChartView *view : m_charts) {
            if (view == now)
                m_focusedChart = view;
        }
    });

    // Curves arrive one signal per (run, key); the charts take them in one go per event loop turn.
    m_updateTimer = new QTimer(this);
    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(0);
    connect(m_updateTimer, &QTimer::timeout, this, &ChartsPage::updateCharts);
    connect(m_curves, &MetricCurveLoader::curveAdded, m_updateTimer, qOverload<>(&QTimer::start));
    m_refineTimer = new QTimer(this);
    m_refineTimer->setSingleShot(true);
    m_refineTimer->setInterval(100); // while a drag or the wheel moves the range, wait for a rest
    connect(m_refineTimer, &QTimer::timeout, this, &ChartsPage::refineCharts);
    // A live refresh brings a server's curves back as overviews.
    connect(m_curves, &MetricCurveLoader::refreshed, m_refineTimer, qOverload<>(&QTimer::start));

    updateEmptyState();
}

ChartsPage::~ChartsPage()
{
    // A top-level page hides in ~QWidget, after its members are gone: focus must not reach them.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

MetricSeriesLoader *ChartsPage::loader() const
{
    return m_curves->seriesLoader();
}

void ChartsPage::connectToolBar()
{
    connect(m_toolBar, &ChartsToolBar::xAxisChosen, this, &ChartsPage::setXAxis);
    connect(m_toolBar, &ChartsToolBar::smoothingChosen, this, &ChartsPage::setSmoothing);
    connect(logYAction(), &QAction::toggled, this, &ChartsPage::updateLines);
    connect(ignoreOutliersAction(), &QAction::toggled, this,
            [this](bool on) { forEachChart([on](CurveChartView *view) { view->setIgnoreOutliers(on); }); });
    connect(combineKeysAction(), &QAction::toggled, this, &ChartsPage::rebuildCharts);
    connect(syncZoomAction(), &QAction::toggled, this, [this](bool on) {
        CurveChartView *source = exportTarget();
        if (on && source && source->isZoomed())
            onXRangeChanged(source, source->xMin(), source->xMax());
    });
    connect(resetZoomAction(), &QAction::triggered, this, [this] {
        m_syncingZoom = true;
        forEachChart([](CurveChartView *view) { view->resetZoom(); });
        m_syncingZoom = false;
    });
    connect(exportAction(), &QAction::triggered, this, &ChartsPage::chooseExportFile);
}

void ChartsPage::createLayout()
{
    m_frame = new PageFrame(QStringLiteral("charts"), this);
    m_toolBar = new ChartsToolBar(this);
    m_frame->addBar(m_toolBar);
    m_noticeBar = new NoticeBar(this);
    m_noticeBar->setObjectName(QStringLiteral("chartsNoticeBar"));
    m_frame->addBar(m_noticeBar);

    // Keys.
    auto *keyPane = new QWidget(this);
    m_keyFilter = new QLineEdit(keyPane);
    m_keyFilter->setObjectName(QStringLiteral("keyFilter"));
    m_keyFilter->setPlaceholderText(tr("Filter keys"));
    m_keyFilter->setClearButtonEnabled(true);
    m_keyFilter->setToolTip(tr("Show only the metric keys that contain this text"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_keyModel);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_keyFilter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_keyView = new QListView(keyPane);
    m_keyView->setObjectName(QStringLiteral("keyView"));
    m_keyView->setModel(proxy);
    m_keyView->setUniformItemSizes(true);
    m_keyView->setToolTip(tr("Check the metrics to plot"));
    auto *keyTitle = new QLabel(tr("Metrics"), keyPane);
    keyTitle->setBuddy(m_keyView);
    auto *keyLayout = new QVBoxLayout(keyPane);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(keyTitle);
    keyLayout->addWidget(m_keyFilter);
    keyLayout->addWidget(m_keyView, 1);

    // Charts.
    m_chartGrid = new ChartGrid(this);
    m_chartGrid->addAction(resetZoomAction()); // Home in a chart resets them all
    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("chartsHint"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setWordWrap(true);
    m_chartStack = new QStackedWidget(this);
    m_chartStack->addWidget(m_hintLabel);
    m_chartStack->addWidget(m_chartGrid);

    m_frame->addPane(keyPane, 0, 200);
    m_frame->addPane(m_chartStack, 1, 1080);
}

void ChartsPage::setLocation(const QString &location)
{
    m_location = location;
    m_curves->setLocation(location);
    m_shown = {};
    m_pendingRows.clear();
    m_runsPending = false;
    applyRuns();
}

void ChartsPage::setRuns(const MergedRuns &shown, const QList<int> &selectedRows)
{
    m_shown = shown;
    m_pendingRows = selectedRows;
    m_runsPending = true;
    if (isVisible())
        applyRuns();
}

void ChartsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_runsPending)
        applyRuns();
    else if (!m_curves->isLoading())
        loadMissing(); // what a cancelled load left out
}

void ChartsPage::applyRuns()
{
    m_runsPending = false;
    m_runIds.clear();
    m_chartedRuns.clear();
    QList<int> rows;
    const Store::RunTable &table = m_shown.runs;
    for (const int row : std::as_const(m_pendingRows)) {
        if (row < 0 || row >= table.size())
            continue;
        const QString key = m_shown.runKey(row);
        if (m_chartedRuns.contains(key))
            continue;
        const Store::RunAttributes &run = table.run(row);
        const QString location = m_shown.location(row).isEmpty() ? m_location : m_shown.location(row);
        ChartedRun info {RunFormat::runName(run.runName, run.runId), location, run.runId, run.startTime, {}};
        for (const Store::RunTable::MetricEntry &entry : table.metrics(row))
            info.keys.insert(table.metricKeys().at(entry.key));
        m_chartedRuns.insert(key, info);
        m_runIds.append(key);
        rows.append(row);
    }
    QHash<QString, MetricCurveLoader::CurveRun> curveRuns;
    for (auto it = m_chartedRuns.cbegin(); it != m_chartedRuns.cend(); ++it)
        curveRuns.insert(it.key(), {it->location, it->runId, it->startTime});
    m_curves->setRuns(curveRuns);

    m_applyingRuns = true; // one rebuild below, not one per signal
    m_keyModel->setRunRows(table, rows);
    m_applyingRuns = false;
    rebuildCharts();
    loadMissing();
}

void ChartsPage::showMetric(const QString &key)
{
    m_keyFilter->setText(key);
    m_keyModel->setChecked(key, true); // rebuilds the charts
    if (const qsizetype chart = m_chartKeys.indexOf(key); chart >= 0) {
        m_chartGrid->ensureWidgetVisible(m_charts[size_t(chart)]);
        m_charts[size_t(chart)]->setFocus();
    }
}

void ChartsPage::loadMissing()
{
    const QStringList keys = m_keyModel->checkedKeys();
    QList<MetricCurveLoader::CurveKey> wanted;
    for (const QString &runId : std::as_const(m_runIds)) {
        const ChartedRun &info = m_chartedRuns[runId];
        for (const QString &key : keys) {
            if (info.keys.contains(key))
                wanted.append({runId, key});
        }
    }
    if (m_curves->load(wanted) && !m_runIds.isEmpty())
        emit curvesLoaded();
}

void ChartsPage::cancelLoading()
{
    m_curves->cancel();
}

void ChartsPage::refreshCurves(const QString &location)
{
    m_curves->refresh(location);
}

bool ChartsPage::isLoading() const
{
    return m_curves->isLoading();
}

void ChartsPage::onCurvesLoaded()
{
    updateCharts();
    emit curvesLoaded();
}

void ChartsPage::rebuildCharts()
{
    QStringList wanted = m_keyModel->checkedKeys();
    if (m_runIds.isEmpty())
        wanted.clear();
    else if (combineKeysAction()->isChecked() && !wanted.isEmpty())
        wanted = {QString()};

    // Keep the charts of keys still wanted, with their zoom.
    std::vector<CurveChartView *> charts;
    for (const QString &key : std::as_const(wanted)) {
        const qsizetype old = m_chartKeys.indexOf(key);
        CurveChartView *view = nullptr;
        if (old >= 0) {
            view = m_charts[size_t(old)];
        } else {
            view = new CurveChartView(m_chartGrid->widget());
            view->setObjectName(key.isEmpty() ? QStringLiteral("combinedChart")
                                              : QStringLiteral("chart:") + key);
            configure(view);
            connect(view, &CurveChartView::xRangeChanged, this,
                    [this, view](double min, double max) { onXRangeChanged(view, min, max); });
            connect(view, &CurveChartView::noticeChanged, this, &ChartsPage::updateNotices);
            connect(view, &CurveChartView::frameChanged, m_refineTimer, qOverload<>(&QTimer::start));
        }
        charts.push_back(view);
    }
    m_charts = std::move(charts);
    m_chartKeys = wanted;
    updateCharts();
    m_chartGrid->setCharts(m_charts, legends()); // deletes the charts no longer wanted
    updateEmptyState();
}

void ChartsPage::configure(CurveChartView *view) const
{
    view->setXAxis(m_xAxis);
    view->setLogY(logYAction()->isChecked());
    view->setIgnoreOutliers(ignoreOutliersAction()->isChecked());
    view->setSmoothing(m_smoothing);
}

void ChartsPage::updateCharts()
{
    m_updateTimer->stop();
    const QStringList checked = m_keyModel->checkedKeys();
    for (size_t i = 0; i < m_charts.size(); ++i) {
        const QString &key = m_chartKeys.at(qsizetype(i));
        updateChart(m_charts[i], key.isEmpty() ? checked : QStringList {key});
    }
    updateNotices();
}

void ChartsPage::updateChart(CurveChartView *view, const QStringList &keys)
{
    const bool combined = keys.size() > 1;
    view->setTitle(keys.join(QStringLiteral(", ")));
    std::vector<ChartCurve> wanted;
    for (qsizetype k = 0; k < keys.size(); ++k) {
        for (const QString &runId : std::as_const(m_runIds)) {
            std::shared_ptr<MetricCurve> curve = m_curves->curve(runId, keys.at(k));
            if (!curve)
                continue;
            ChartCurve c;
            c.curve = std::move(curve);
            c.runName = curveName(m_chartedRuns[runId].name, keys.at(k), combined);
            c.color = RunColors::color(runId); // by run key: a run and its copy in another store differ
            c.penStyle = combined ? KeyPenStyles[k % std::size(KeyPenStyles)] : Qt::SolidLine;
            wanted.push_back(std::move(c));
        }
    }

    view->updateCurves(std::move(wanted));
}

QList<QStringList> ChartsPage::legends() const
{
    // Of the runs that have the keys, so that the layout does not change as curves arrive.
    QList<QStringList> legends;
    const QStringList checked = m_keyModel->checkedKeys();
    for (const QString &chartKey : std::as_const(m_chartKeys)) {
        const QStringList keys = chartKey.isEmpty() ? checked : QStringList {chartKey};
        QStringList names;
        for (const QString &key : keys) {
            for (const QString &runId : std::as_const(m_runIds)) {
                const ChartedRun &run = m_chartedRuns[runId];
                if (run.keys.contains(key))
                    names.append(curveName(run.name, key, keys.size() > 1));
            }
        }
        legends.append(names);
    }
    return legends;
}

void ChartsPage::updateEmptyState()
{
    if (m_runIds.isEmpty()) {
        m_frame->showMessage(tr("<p style=\"font-size:large\">No runs selected</p>"
                                "<p>Select runs in the Runs tab to plot their metrics.</p>"));
        return;
    }
    m_frame->showMessage({});
    if (m_keyModel->rowCount() == 0)
        m_hintLabel->setText(m_runIds.size() == 1 ? tr("The selected run has no metrics.")
                                                  : tr("The selected runs have no metrics."));
    else if (m_charts.empty())
        m_hintLabel->setText(tr("Check metrics in the list on the left to plot them."));
    m_chartStack->setCurrentWidget(m_charts.empty() ? static_cast<QWidget *>(m_hintLabel) : m_chartGrid);
}

QString ChartsPage::emptyText() const
{
    if (const QString message = m_frame->message(); !message.isEmpty())
        return message;
    if (m_chartStack->currentWidget() == m_hintLabel)
        return m_hintLabel->text();
    return {};
}

void ChartsPage::updateNotices()
{
    QStringList notices;
    for (size_t i = 0; i < m_charts.size(); ++i) {
        const QString notice = m_charts[i]->notice();
        if (!notice.isEmpty())
            notices.append(QStringLiteral("%1: %2").arg(m_charts[i]->title(), notice));
    }
    const QString text = notices.join(QLatin1Char('\n'));
    if (text != m_noticeBar->text())
        m_noticeBar->setText(text);
}

void ChartsPage::forEachChart(const std::function<void(CurveChartView *)> &apply) const
{
    for (CurveChartView *view : m_charts)
        apply(view);
}

void ChartsPage::onXRangeChanged(CurveChartView *source, double min, double max)
{
    if (!syncZoomAction()->isChecked() || m_syncingZoom)
        return;
    m_syncingZoom = true;
    // A chart reset to its whole curves resets the others to theirs.
    const bool reset = !source->isZoomed();
    for (CurveChartView *view : m_charts) {
        if (view == source)
            continue;
        if (reset)
            view->resetZoom();
        else
            view->setXRange(min, max);
    }
    m_syncingZoom = false;
}

void ChartsPage::setXAxis(CurveMath::XAxis axis)
{
    m_xAxis = axis;
    m_toolBar->showXAxis(axis);
    updateLines();
}

QList<MetricCurve::LineOptions> ChartsPage::wantedLines() const
{
    MetricCurve::LineOptions raw;
    raw.xAxis = m_xAxis;
    raw.logY = logYAction()->isChecked();
    QList<MetricCurve::LineOptions> lines {raw};
    if (m_smoothing > 0) {
        MetricCurve::LineOptions smoothed = raw;
        smoothed.smoothing = m_smoothing;
        lines.append(smoothed);
    }
    return lines;
}

void ChartsPage::updateLines()
{
    if (m_curves->setLines(wantedLines()))
        loadMissing(); // a server's reductions cannot draw these lines: read every row
}

void ChartsPage::refineCharts()
{
    const QStringList checked = m_keyModel->checkedKeys();
    for (size_t i = 0; i < m_charts.size(); ++i) {
        CurveChartView *view = m_charts[i];
        const Store::PixelColumns columns = view->layer()->pixelColumns();
        if (!view->isVisible() || !columns.isValid())
            continue;
        const QString &chartKey = m_chartKeys.at(qsizetype(i));
        QList<MetricCurveLoader::CurveKey> curves;
        for (const QString &key : chartKey.isEmpty() ? checked : QStringList {chartKey}) {
            for (const QString &runKey : std::as_const(m_runIds))
                curves.append({runKey, key});
        }
        m_curves->refine(curves, columns);
    }
}

void ChartsPage::setInlineLineLimit(qsizetype points)
{
    m_curves->setInlineLineLimit(points);
}

bool ChartsPage::isPreparingLines() const
{
    return m_curves->isPreparingLines();
}

void ChartsPage::applyLineOptions()
{
    const bool logY = logYAction()->isChecked();
    forEachChart([this, logY](CurveChartView *view) {
        view->setXAxis(m_xAxis);
        view->setLogY(logY);
        view->setSmoothing(m_smoothing);
    });
    emit linesReady();
}

void ChartsPage::setSmoothing(double weight)
{
    m_smoothing = std::clamp(std::round(weight * 100) / 100, 0.0, 0.99);
    m_toolBar->showSmoothing(m_smoothing);
    updateLines();
}

QList<CurveChartView *> ChartsPage::charts() const
{
    return QList<CurveChartView *>(m_charts.cbegin(), m_charts.cend());
}

CurveChartView *ChartsPage::exportTarget() const
{
    if (m_charts.empty())
        return nullptr;
    if (m_focusedChart
        && std::find(m_charts.cbegin(), m_charts.cend(), m_focusedChart.data()) != m_charts.cend())
        return m_focusedChart;
    return m_charts.front();
}

QString ChartsPage::exportTo(const QString &path)
{
    QString failure;
    if (m_charts.empty())
        failure = tr("There is no chart to export.");
    else if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        failure = ChartExport::saveCsv(charts(), path);
    else
        failure = ChartExport::save(*exportTarget(), path);
    if (!failure.isEmpty())
        emit exportFailed(failure);
    return failure;
}

void ChartsPage::chooseExportFile()
{
    CurveChartView *target = exportTarget();
    if (!target)
        return;
    m_focusedChart = target; // the dialog takes the focus
    QFileDialog *dialog = ChartExport::createDialog(this, target->title());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { exportTo(path); });
    dialog->open();
}

void ChartsPage::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::ChartsXAxis, CurveMath::xAxisName(m_xAxis));
    settings.setValue(Settings::ChartsLogY, logYAction()->isChecked());
    settings.setValue(Settings::ChartsIgnoreOutliers, ignoreOutliersAction()->isChecked());
    settings.setValue(Settings::ChartsSmoothing, m_smoothing);
    settings.setValue(Settings::ChartsCombineKeys, combineKeysAction()->isChecked());
    settings.setValue(Settings::ChartsSyncZoom, syncZoomAction()->isChecked());
    settings.setValue(Settings::ChartsSplitter, m_frame->saveState());
    QVariantMap choices;
    const QHash<QString, bool> chosen = m_keyModel->choices();
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it)
        choices.insert(it.key(), it.value());
    settings.setValue(Settings::ChartsKeyChoices, choices);
}

// An empty `settings` (a reset) puts back the defaults.
void ChartsPage::restoreSettings(const AppSettings &settings)
{
    bool ok = false;
    const CurveMath::XAxis axis = CurveMath::xAxisFromName(settings.value(Settings::ChartsXAxis), &ok);
    setXAxis(ok ? axis : CurveMath::XAxis::Step);
    logYAction()->setChecked(settings.value(Settings::ChartsLogY));
    ignoreOutliersAction()->setChecked(settings.value(Settings::ChartsIgnoreOutliers));
    setSmoothing(settings.value(Settings::ChartsSmoothing));
    combineKeysAction()->setChecked(settings.value(Settings::ChartsCombineKeys));
    syncZoomAction()->setChecked(settings.value(Settings::ChartsSyncZoom));
    m_frame->restoreState(settings.value(Settings::ChartsSplitter));
    QHash<QString, bool> choices;
    const QVariantMap stored = settings.value(Settings::ChartsKeyChoices);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        choices.insert(it.key(), it.value().toBool());
    m_keyModel->setChoices(choices);
}
