#include "appsettings.h"
#include "chartspage.h"
#include "curvechartview.h"
#include "metrickeylistmodel.h"
#include "metricseriesloader.h"
#include "noticebar.h"
#include "runcolors.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QValueAxis>

class TestChartsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void emptyStateWithoutRuns();
    void oneChartPerCheckedKey();
    void selectionWhileHiddenAppliesWhenShown();
    void growingSelectionKeepsCurves();
    void uncheckingAKeyRemovesItsChartAndIsRemembered();
    void keyFilter();
    void combineKeys();
    void xAxisModes();
    void largeOptionChangesBuildLinesOnAWorker();
    void syncZoom();
    void exportWritesFiles_data();
    void exportWritesFiles();
    void exportCsvHeader();
    void toolbarStateIsRemembered();
    void logScaleNotice();
    void cancelStopsLoading();
    void screenshot();

private:
    // Selects runs (by name), shows the charts and waits for their curves.
    bool showCharts(Browser &browser, const QStringList &names);
    // Selected runs that logged `key`.
    static int runsWithKey(const Browser &browser, const QString &key);

    QTemporaryDir m_dir;
    QString m_demo;
};

int TestChartsPage::runsWithKey(const Browser &browser, const QString &key)
{
    const Store::RunTable &runs = browser.runs->runModel()->runs();
    int count = 0;
    for (const QString &id : browser.runs->selectedRunIds())
        count += runs.metric(runs.indexOfRun(id), key) ? 1 : 0;
    return count;
}

bool TestChartsPage::showCharts(Browser &browser, const QStringList &names)
{
    const QStringList ids = browser.idsOf(names);
    if (ids.size() != names.size())
        return false;
    browser.runs->selectRuns(ids);
    QSignalSpy loaded(browser.charts, &ChartsPage::curvesLoaded);
    browser.setCurrentWidget(browser.charts);
    return !loaded.isEmpty() || loaded.wait(10000);
}

void TestChartsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chartspage"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestChartsPage::init()
{
    QSettings().clear();
}

void TestChartsPage::emptyStateWithoutRuns()
{
    Browser browser;
    browser.show();
    browser.setCurrentWidget(browser.charts);
    QVERIFY(browser.charts->emptyText().contains(
        QStringLiteral("Select runs in the Runs tab to plot their metrics")));
    QVERIFY(browser.charts->charts().isEmpty());
    QVERIFY(!browser.charts->toolBar()->isVisible());

    QVERIFY(browser.openStore(m_demo, QStringLiteral("mnist-cnn")));
    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns({});
    browser.setCurrentWidget(browser.charts);
    QVERIFY(browser.charts->runIds().isEmpty());
    QVERIFY(browser.charts->emptyText().contains(QStringLiteral("Select runs")));
}

void TestChartsPage::oneChartPerCheckedKey()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("mnist-cnn")));
    const QStringList names
        = {QStringLiteral("lr-batch-sweep"), QStringLiteral("cnn-dropout"), QStringLiteral("lr=0.01,bs=64")};
    QVERIFY(showCharts(browser, names));
    ChartsPage *page = browser.charts;
    QCOMPARE(page->runIds().size(), 3);
    QVERIFY(page->emptyText().isEmpty());
    QVERIFY(page->toolBar()->isVisible());

    // The curves are checked, not the single values (best_val_accuracy, test_accuracy).
    const QStringList checked = page->keyModel()->checkedKeys();
    QCOMPARE(checked, QStringList({"learning_rate", "train_loss", "val_accuracy", "val_loss"}));
    QCOMPARE(page->keyModel()->rowCount(), 6);
    const QList<CurveChartView *> charts = page->charts();
    QCOMPARE(charts.size(), checked.size());
    const QStringList ids = browser.idsOf(names);
    for (int i = 0; i < charts.size(); ++i) {
        CurveChartView *chart = charts.at(i);
        QCOMPARE(chart->title(), checked.at(i));
        QVERIFY(chart->isVisible());
        QVERIFY(chart->height() >= ChartsPage::MinChartHeight);
        QCOMPARE(int(chart->curves().size()), runsWithKey(browser, checked.at(i)));
        for (const ChartCurve &curve : chart->curves()) {
            QCOMPARE(curve.color, RunColors::color(curve.curve->runId()));
            QCOMPARE(curve.curve->key(), checked.at(i));
            QVERIFY(names.contains(curve.runName));
            QVERIFY(ids.contains(curve.curve->runId()));
            QVERIFY(!curve.curve->series().isEmpty());
        }
    }
    // Curves of the same run in two charts share the colour.
    const CurveChartView *loss = page->findChild<CurveChartView *>(QStringLiteral("chart:train_loss"));
    QVERIFY(loss);
    QCOMPARE(int(loss->curves().size()), 2); // the sweep parent has no train_loss
    // Wide enough: two charts abreast.
    QCOMPARE(charts.at(0)->y(), charts.at(1)->y());
    QVERIFY(charts.at(0)->x() < charts.at(1)->x());

    // Every run: the legends would not fit in half the width, so one chart to a row.
    browser.setCurrentWidget(browser.runs);
    QStringList all;
    for (int row = 0; row < browser.runs->runModel()->runs().size(); ++row)
        all.append(browser.runs->runModel()->runs().run(row).runName);
    QVERIFY(showCharts(browser, all));
    QCOMPARE(page->runIds().size(), 13);
    QCOMPARE(int(loss->curves().size()), 12);
    const auto oneColumn = [&] {
        return std::all_of(charts.cbegin(), charts.cend(), [&](const CurveChartView *chart) {
            return chart->x() == charts.at(0)->x() && chart->width() > browser.width() / 2
                && chart->height() >= ChartsPage::MinChartHeight;
        });
    };
    QTRY_VERIFY(oneColumn());
}

void TestChartsPage::selectionWhileHiddenAppliesWhenShown()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QSignalSpy loading(browser.charts->loader(), &MetricSeriesLoader::loadingChanged);
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("lora-r8"), QStringLiteral("lora-r16")}));
    QVERIFY(browser.charts->runIds().isEmpty()); // not read for a hidden page
    QVERIFY(browser.charts->charts().isEmpty());
    QCOMPARE(loading.count(), 0);

    QSignalSpy loaded(browser.charts, &ChartsPage::curvesLoaded);
    browser.setCurrentWidget(browser.charts);
    QCOMPARE(browser.charts->runIds().size(), 2);
    QVERIFY(loaded.wait(10000));
    const QList<CurveChartView *> charts = browser.charts->charts();
    QCOMPARE(charts.size(), 5); // train/loss, train/learning_rate, train/grad_norm, val/loss, val/accuracy
    for (CurveChartView *chart : charts)
        QCOMPARE(int(chart->curves().size()), 2);
}

void TestChartsPage::growingSelectionKeepsCurves()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8")}));
    CurveChartView *chart = browser.charts->charts().value(0);
    QVERIFY(chart);
    const std::shared_ptr<MetricCurve> first = chart->curves().at(0).curve;

    browser.setCurrentWidget(browser.runs);
    QSignalSpy progress(browser.charts->loader(), &MetricSeriesLoader::progressChanged);
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    // Only the new run was asked for; the first run's curve object is the same.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), 1);
    QCOMPARE(browser.charts->charts().value(0), chart); // the chart itself stays
    QCOMPARE(int(chart->curves().size()), 2);
    const bool kept = std::any_of(chart->curves().cbegin(), chart->curves().cend(),
                                  [&](const ChartCurve &c) { return c.curve == first; });
    QVERIFY(kept);

    // Shrinking: the other run's curve goes.
    browser.setCurrentWidget(browser.runs);
    QVERIFY(showCharts(browser, {QStringLiteral("full-ft")}));
    QCOMPARE(int(chart->curves().size()), 1);
    QCOMPARE(chart->curves().at(0).runName, QStringLiteral("full-ft"));
}

void TestChartsPage::uncheckingAKeyRemovesItsChartAndIsRemembered()
{
    {
        Browser browser;
        browser.show();
        QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
        QVERIFY(showCharts(browser, {QStringLiteral("lora-r8")}));
        MetricKeyListModel *keys = browser.charts->keyModel();
        QCOMPARE(browser.charts->charts().size(), 5);
        QVERIFY(keys->setData(keys->index(keys->rowOfKey(QStringLiteral("train/grad_norm"))), Qt::Unchecked,
                              Qt::CheckStateRole));
        QCOMPARE(browser.charts->charts().size(), 4);
        QVERIFY(!browser.charts->findChild<CurveChartView *>(QStringLiteral("chart:train/grad_norm")));
        AppSettings settings;
        browser.charts->saveSettings(settings);
    }
    Browser browser;
    browser.charts->restoreSettings(AppSettings());
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r16")}));
    QCOMPARE(browser.charts->charts().size(), 4);
    QVERIFY(!browser.charts->keyModel()->isChecked(QStringLiteral("train/grad_norm")));
}

void TestChartsPage::keyFilter()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8")}));
    QListView *view = browser.charts->keyView();
    QCOMPARE(view->model()->rowCount(), 5);
    QTest::keyClicks(browser.charts->keyFilterEdit(), QStringLiteral("VAL/"));
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("val/accuracy"));
    QCOMPARE(browser.charts->charts().size(), 5); // filtering hides keys, it does not uncheck them
    // Checking through the filtered view.
    QVERIFY(view->model()->setData(view->model()->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!browser.charts->keyModel()->isChecked(QStringLiteral("val/loss")));
    QCOMPARE(browser.charts->charts().size(), 4);
}

void TestChartsPage::combineKeys()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    ChartsPage *page = browser.charts;
    const QStringList keys = {QStringLiteral("train/loss"), QStringLiteral("val/loss")};
    for (const QString &key : page->keyModel()->checkedKeys()) {
        if (!keys.contains(key))
            page->keyModel()->setChecked(key, false);
    }
    QCOMPARE(page->charts().size(), 2);
    page->combineKeysAction()->trigger();
    QCOMPARE(page->charts().size(), 1);
    CurveChartView *chart = page->charts().at(0);
    QCOMPARE(chart->title(), QStringLiteral("train/loss, val/loss"));
    QCOMPARE(int(chart->curves().size()), 4);
    QSet<Qt::PenStyle> styles;
    for (const ChartCurve &curve : chart->curves()) {
        QCOMPARE(curve.color, RunColors::color(curve.curve->runId()));
        QVERIFY2(curve.runName.endsWith(QStringLiteral(" · ") + curve.curve->key()),
                 qPrintable(curve.runName));
        styles.insert(curve.penStyle);
    }
    QCOMPARE(styles.size(), 2); // a line style per key
    QVERIFY(chart->height() >= 500); // the one chart fills the area

    page->combineKeysAction()->trigger();
    QCOMPARE(page->charts().size(), 2);
    QCOMPARE(page->charts().at(0)->curves().at(0).penStyle, Qt::SolidLine);
}

void TestChartsPage::xAxisModes()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    ChartsPage *page = browser.charts;
    QVERIFY(qobject_cast<QValueAxis *>(page->charts().at(0)->xAxisItem()));
    QComboBox *box = page->xAxisBox();
    box->setCurrentIndex(box->findData(int(CurveMath::XAxis::WallTime)));
    emit box->activated(box->currentIndex());
    QCOMPARE(page->xAxis(), CurveMath::XAxis::WallTime);
    for (CurveChartView *chart : page->charts()) {
        QCOMPARE(chart->xAxis(), CurveMath::XAxis::WallTime);
        QVERIFY(qobject_cast<QDateTimeAxis *>(chart->xAxisItem()));
    }
    page->setXAxis(CurveMath::XAxis::RelativeTime);
    QCOMPARE(box->currentData().toInt(), int(CurveMath::XAxis::RelativeTime));
    for (CurveChartView *chart : page->charts()) {
        QCOMPARE(chart->xAxis(), CurveMath::XAxis::RelativeTime);
        QVERIFY(chart->xMin() >= 0); // since each run's start
    }
    // Options reach charts made later too.
    page->logYAction()->setChecked(true);
    page->setSmoothing(0.6);
    page->keyModel()->setChecked(QStringLiteral("val/loss"), false);
    page->keyModel()->setChecked(QStringLiteral("val/loss"), true);
    CurveChartView *again = page->findChild<CurveChartView *>(QStringLiteral("chart:val/loss"));
    QVERIFY(again);
    QCOMPARE(again->xAxis(), CurveMath::XAxis::RelativeTime);
    QVERIFY(again->isLogY());
    QCOMPARE(again->smoothing(), 0.6);
}

void TestChartsPage::largeOptionChangesBuildLinesOnAWorker()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    ChartsPage *page = browser.charts;
    page->setXAxis(CurveMath::XAxis::Step); // small: at once
    page->setSmoothing(0);
    QVERIFY(!page->isPreparingLines());
    page->setInlineLineLimit(0); // every change counts as large from here
    CurveChartView *chart = page->charts().at(0);
    QCOMPARE(chart->xAxis(), CurveMath::XAxis::Step);
    QSignalSpy ready(page, &ChartsPage::linesReady);

    page->setXAxis(CurveMath::XAxis::WallTime);
    // The new lines are being built: the charts still show the step axis, and draw from it.
    QVERIFY(page->isPreparingLines());
    QCOMPARE(chart->xAxis(), CurveMath::XAxis::Step);
    QVERIFY(!chart->renderImage(QSize(600, 300)).isNull());
    QVERIFY(ready.wait(10000));
    QVERIFY(!page->isPreparingLines());
    QCOMPARE(chart->xAxis(), CurveMath::XAxis::WallTime);
    MetricCurve::LineOptions wall;
    wall.xAxis = CurveMath::XAxis::WallTime;
    for (const ChartCurve &c : chart->curves())
        QVERIFY(c.curve->hasLine(wall));

    // Relative time draws the wall-time lines: nothing to build, applied at once.
    ready.clear();
    page->setXAxis(CurveMath::XAxis::RelativeTime);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(chart->xAxis(), CurveMath::XAxis::RelativeTime);

    // Changes in quick succession: only the last one's lines are adopted and shown.
    ready.clear();
    page->setSmoothing(0.5);
    page->setSmoothing(0.7);
    QVERIFY(ready.wait(10000));
    QTest::qWait(50);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(chart->xAxis(), CurveMath::XAxis::RelativeTime);
    QCOMPARE(chart->smoothing(), 0.7);
    MetricCurve::LineOptions smoothed = wall;
    smoothed.smoothing = 0.7;
    for (const ChartCurve &c : chart->curves())
        QVERIFY(c.curve->hasLine(smoothed));
}

void TestChartsPage::syncZoom()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("lora-r16")}));
    ChartsPage *page = browser.charts;
    const QList<CurveChartView *> charts = page->charts();
    QVERIFY(charts.size() >= 3);

    // Off: a zoom stays in its chart.
    const double fullMax = charts.at(1)->xMax();
    charts.at(0)->zoomX(0.5);
    QVERIFY(charts.at(0)->xMax() < fullMax);
    QCOMPARE(charts.at(1)->xMax(), fullMax);

    page->syncZoomAction()->setChecked(true); // takes over the zoomed chart's range
    for (CurveChartView *chart : charts) {
        QCOMPARE(chart->xMin(), charts.at(0)->xMin());
        QCOMPARE(chart->xMax(), charts.at(0)->xMax());
    }
    charts.at(2)->zoomX(0.5, 0.25);
    charts.at(2)->panX(0.1);
    for (CurveChartView *chart : charts) {
        QCOMPARE(chart->xMin(), charts.at(2)->xMin());
        QCOMPARE(chart->xMax(), charts.at(2)->xMax());
    }
    // Home resets every chart.
    page->resetZoomAction()->trigger();
    for (CurveChartView *chart : charts)
        QVERIFY(!chart->isZoomed());
    QCOMPARE(charts.at(1)->xMax(), fullMax);
}

void TestChartsPage::exportWritesFiles_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::addRow("png") << QStringLiteral("png") << QByteArray("\x89PNG");
    QTest::addRow("svg") << QStringLiteral("svg") << QByteArray("<?xml");
    QTest::addRow("csv") << QStringLiteral("csv") << QByteArray("run_id,");
}

void TestChartsPage::exportWritesFiles()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    const QString path = m_dir.filePath(QStringLiteral("export.") + suffix);
    QSignalSpy failed(browser.charts, &ChartsPage::exportFailed);
    QCOMPARE(browser.charts->exportTo(path), QString());
    QCOMPARE(failed.count(), 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 100);
    QVERIFY(file.read(magic.size()) == magic);

    // A bad name says so.
    QVERIFY(!browser.charts->exportTo(m_dir.filePath(QStringLiteral("export.txt"))).isEmpty());
    QCOMPARE(failed.count(), 1);
}

void TestChartsPage::exportCsvHeader()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("full-ft")}));
    ChartsPage *page = browser.charts;
    // The focused chart is the one a picture shows.
    CurveChartView *second = page->charts().at(1);
    second->setFocus();
    QTRY_COMPARE(page->exportTarget(), second);

    const QString path = m_dir.filePath(QStringLiteral("all.csv"));
    QCOMPARE(page->exportTo(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine().trimmed(), QByteArray("run_id,run_name,key,step,timestamp,value"));
    // Every point of every curve of every chart.
    qsizetype points = 0;
    QSet<QByteArray> keys;
    for (CurveChartView *chart : page->charts()) {
        for (const ChartCurve &curve : chart->curves())
            points += curve.curve->series().size();
    }
    qsizetype lines = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        keys.insert(line.split(',').value(2));
        ++lines;
    }
    QCOMPARE(lines, points);
    QCOMPARE(keys.size(), page->charts().size());
}

void TestChartsPage::toolbarStateIsRemembered()
{
    {
        ChartsPage page;
        page.setXAxis(CurveMath::XAxis::RelativeTime);
        page.logYAction()->setChecked(true);
        page.ignoreOutliersAction()->setChecked(true);
        page.smoothingSlider()->setValue(60);
        QCOMPARE(page.smoothingLabel()->text(), QStringLiteral("0.60"));
        QTRY_COMPARE(page.smoothing(), 0.6);
        page.combineKeysAction()->setChecked(true);
        page.syncZoomAction()->setChecked(true);
        AppSettings settings;
        page.saveSettings(settings);
    }
    ChartsPage page;
    QCOMPARE(page.xAxis(), CurveMath::XAxis::Step);
    page.restoreSettings(AppSettings());
    QCOMPARE(page.xAxis(), CurveMath::XAxis::RelativeTime);
    QCOMPARE(page.xAxisBox()->currentData().toInt(), int(CurveMath::XAxis::RelativeTime));
    QVERIFY(page.logYAction()->isChecked());
    QVERIFY(page.ignoreOutliersAction()->isChecked());
    QCOMPARE(page.smoothing(), 0.6);
    QCOMPARE(page.smoothingSlider()->value(), 60);
    QCOMPARE(page.smoothingLabel()->text(), QStringLiteral("0.60"));
    QVERIFY(page.combineKeysAction()->isChecked());
    QVERIFY(page.syncZoomAction()->isChecked());
    for (QAction *action : {page.logYAction(), page.ignoreOutliersAction(), page.combineKeysAction(),
                            page.syncZoomAction(), page.resetZoomAction(), page.exportAction()})
        QVERIFY2(!action->toolTip().isEmpty() && action->toolTip() != action->text(),
                 qPrintable(action->text()));
}

void TestChartsPage::logScaleNotice()
{
    // A run whose metric crosses zero.
    const QString path = m_dir.filePath(QStringLiteral("signed.db"));
    {
        auto builder = Store::StoreBuilder::create(path);
        QVERIFY(builder);
        const qint64 experiment = (*builder)->addExperiment({QStringLiteral("signed")});
        const QString run = (*builder)->addRun(
            {experiment, QStringLiteral("crossing"), {}, QStringLiteral("FINISHED"), 1000, 9000});
        for (int step = 0; step < 20; ++step)
            (*builder)->logMetric(run, QStringLiteral("delta"), step - 5.0, 1000 + step * 100, step);
        QCOMPARE((*builder)->finish().code, Store::Error::None);
    }
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(path, QStringLiteral("signed")));
    QVERIFY(showCharts(browser, {QStringLiteral("crossing")}));
    ChartsPage *page = browser.charts;
    QVERIFY(page->noticeBar()->isHidden());
    page->logYAction()->trigger();
    QVERIFY(page->noticeBar()->isVisible());
    QVERIFY2(page->noticeBar()->text().startsWith(QStringLiteral("delta: ")),
             qPrintable(page->noticeBar()->text()));
    QVERIFY(page->noticeBar()->text().contains(QStringLiteral("≤ 0")));
    page->logYAction()->trigger();
    QVERIFY(page->noticeBar()->isHidden());
}

void TestChartsPage::cancelStopsLoading()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("llm-finetune")));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("lora-r8"), QStringLiteral("lora-r16")}));
    QSignalSpy loaded(browser.charts, &ChartsPage::curvesLoaded);
    QSignalSpy loading(browser.charts, &ChartsPage::loadingChanged);
    browser.setCurrentWidget(browser.charts);
    QVERIFY(browser.charts->isLoading());
    QCOMPARE(loading.count(), 1);
    browser.charts->cancelLoading();
    QVERIFY(!browser.charts->isLoading());
    QCOMPARE(loading.count(), 2);
    QTRY_VERIFY(!browser.charts->loader()->isBusy());
    QCOMPARE(loaded.count(), 0);
    for (CurveChartView *chart : browser.charts->charts())
        QVERIFY(chart->curves().empty());

    // Asking again reads what is missing.
    browser.setCurrentWidget(browser.runs);
    QVERIFY(showCharts(browser, {QStringLiteral("lora-r8"), QStringLiteral("lora-r16")}));
    for (CurveChartView *chart : browser.charts->charts())
        QCOMPARE(int(chart->curves().size()), 2);
}

void TestChartsPage::screenshot()
{
    // KAIZEN_SCREENSHOT_CHARTS=/tmp/charts-page.png keeps how the page looks on the demo store.
    const QString target = WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_CHARTS",
                                                             m_dir.filePath(QStringLiteral("charts.png")));
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("mnist-cnn")));
    QVERIFY(showCharts(browser,
                       {QStringLiteral("baseline-mlp"), QStringLiteral("cnn-dropout"),
                        QStringLiteral("cnn-augment"), QStringLiteral("lr=0.01,bs=64"),
                        QStringLiteral("lr=0.1,bs=32")}));
    VERIFY_SCREENSHOT(&browser, target);
}

QTEST_MAIN(TestChartsPage)
#include "tst_chartspage.moc"
