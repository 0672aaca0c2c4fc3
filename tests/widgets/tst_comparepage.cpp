#include "appsettings.h"
#include "compareaxis.h"
#include "comparepage.h"
#include "diffitemdelegate.h"
#include "experimentlistmodel.h"
#include "metricdiffmodel.h"
#include "noticebar.h"
#include "pagelinks.h"
#include "parallelcoordinatesview.h"
#include "paramdiffmodel.h"
#include "runcolors.h"
#include "rundiffloader.h"
#include "runheaderview.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "scatterview.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCategoryAxis>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLogValueAxis>
#include <QMenu>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>

class TestComparePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void emptyStateBelowTwoRuns();
    void oneColumnPerRunWithColouredHeaders();
    void runsOfSeveralExperiments();
    void onlyDifferencesHidesEqualRows();
    void systemTagsToggle();
    void baselineShowsDeltas();
    void bestRunAndDirection();
    void detailPaneShowsCharacterDiff();
    void copyMarkdownAndCsv();
    void selectionWhileHiddenAppliesWhenShown();
    void togglesAreRemembered();
    void parallelCoordinatesOneLinePerRun();
    void brushingFiltersTheRunTable();
    void scatterOnePointPerRun();
    void exportPlots_data();
    void exportPlots();
    void pinnedRunsStayAcrossStores();
    void unpinFromTheHeaderMenu();
    void unavailablePinnedRunsAreNamed();
    void equalMetricsStarNoRun();
    void supersededAndCancelledDiffsAreNotShown();
    void pinnedRunsAreRemembered();
    void screenshot();

private:
    bool openDemo(Browser &browser, const QString &experiment = QStringLiteral("mnist-cnn"));
    bool openStore(Browser &browser, const QString &path,
                   const QString &experiment = QStringLiteral("mnist-cnn"));
    // Shows the compare page and waits until it shows a diff of `runs` runs.
    bool waitForDiff(Browser &browser, int runs);
    // Selects runs (by name), shows the compare page and waits for their diff.
    bool compare(Browser &browser, const QStringList &names);

    QTemporaryDir m_dir;
    QString m_demo;
    QTemporaryDir m_otherDir;
    QString m_other; // a copy of the demo store: the same run ids in another store
    const QStringList m_five
        = {QStringLiteral("baseline-mlp"), QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment"),
           QStringLiteral("lr=0.01,bs=64"), QStringLiteral("lr=0.1,bs=32")};
};

bool TestComparePage::openDemo(Browser &browser, const QString &experiment)
{
    return openStore(browser, m_demo, experiment);
}

bool TestComparePage::openStore(Browser &browser, const QString &path, const QString &experiment)
{
    return browser.openStore(path, experiment);
}

bool TestComparePage::compare(Browser &browser, const QStringList &names)
{
    const QStringList ids = browser.idsOf(names);
    if (ids.size() != names.size())
        return false;
    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns(ids);
    QSignalSpy shown(browser.compare, &ComparePage::diffShown);
    browser.setCurrentWidget(browser.compare);
    if (shown.isEmpty() && !shown.wait(10000))
        return false;
    return browser.compare->diff().runs.size() == names.size();
}

bool TestComparePage::waitForDiff(Browser &browser, int runs)
{
    browser.setCurrentWidget(browser.compare);
    QSignalSpy shown(browser.compare, &ComparePage::diffShown);
    while (browser.compare->loader()->isLoading() || browser.compare->diff().runs.size() != runs) {
        if (!browser.compare->loader()->isLoading() || !shown.wait(10000))
            return false;
    }
    return browser.compare->emptyText().isEmpty();
}

void TestComparePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_comparepage"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_other = m_otherDir.filePath(QStringLiteral("mlflow.db"));
    QVERIFY(QFile::copy(m_demo, m_other));
}

void TestComparePage::init()
{
    QSettings().clear();
}

void TestComparePage::emptyStateBelowTwoRuns()
{
    Browser browser;
    browser.show();
    browser.setCurrentWidget(browser.compare);
    QVERIFY(browser.compare->emptyText().contains(QStringLiteral("Select two or more runs")));
    QVERIFY(!browser.compare->toolBar()->isVisible());

    QVERIFY(openDemo(browser));
    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-dropout")}));
    browser.setCurrentWidget(browser.compare);
    QVERIFY(browser.compare->emptyText().contains(QStringLiteral("One run selected")));
    QVERIFY(!browser.compare->loader()->isLoading());

    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    QVERIFY(browser.compare->emptyText().isEmpty());
    QVERIFY(browser.compare->toolBar()->isVisible());
    QVERIFY(browser.compare->paramView()->isVisible());
}

void TestComparePage::oneColumnPerRunWithColouredHeaders()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    const QStringList ids = browser.idsOf(m_five);
    QCOMPARE(page->runIds(), ids);

    for (QTreeView *view : {page->paramView(), page->metricView(), page->tagView()}) {
        QAbstractItemModel *model = view->model();
        const int first = view == page->metricView() ? int(MetricDiffModel::FirstRunColumn)
                                                     : int(ParamDiffModel::FirstRunColumn);
        QCOMPARE(model->columnCount() - first, m_five.size());
        auto *header = qobject_cast<RunHeaderView *>(view->header());
        QVERIFY(header);
        for (int run = 0; run < m_five.size(); ++run) {
            const int column = first + run;
            QCOMPARE(model->headerData(column, Qt::Horizontal).toString(), m_five[run]);
            QCOMPARE(header->stripColor(column), RunColors::color(ids[run]));
            const QString tip = model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("mnist-cnn")), qPrintable(tip));
            QVERIFY2(tip.contains(m_demo), qPrintable(tip));
            QVERIFY(!header->isSectionHidden(column));
            QVERIFY(header->sectionSize(column) > 40);
        }
        QVERIFY(!header->stripColor(0).isValid());
    }
    // Missing shows as missing: baseline-mlp has no conv layers? It has 0; the sweep child has
    // no test_accuracy.
    const int testAccuracy = page->metricModel()->rowOfKey(QStringLiteral("test_accuracy"));
    QVERIFY(testAccuracy >= 0);
    const QModelIndex missing = page->metricModel()->index(testAccuracy, MetricDiffModel::FirstRunColumn + 3);
    QVERIFY(missing.data(MetricDiffModel::IsMissingRole).toBool());
    QCOMPARE(missing.data().toString(), QString(RunDiff::MissingMark));
}

void TestComparePage::runsOfSeveralExperiments()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    // Ctrl+click style: tabular-gbm joins mnist-cnn in the run browser.
    QVERIFY(WidgetTestSupport::showRuns(browser.runs, [&] {
        browser.runs->experimentView()->selectionModel()->select(
            browser.runs->experimentModel()->indexOfExperiment(browser.runs->location(), QStringLiteral("2")),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QString gbmRun;
    const Store::RunTable &runs = browser.runs->runModel()->runs();
    for (int row = 0; row < runs.size() && gbmRun.isEmpty(); ++row) {
        if (runs.run(row).experimentId == QLatin1String("2"))
            gbmRun = runs.run(row).runName;
    }
    QVERIFY(!gbmRun.isEmpty());
    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), gbmRun}));

    // One column per run, each header naming its run's experiment.
    QAbstractItemModel *model = browser.compare->paramView()->model();
    QStringList tips;
    for (int column = ParamDiffModel::FirstRunColumn; column < model->columnCount(); ++column)
        tips.append(model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
    QCOMPARE(tips.size(), 2);
    const QString joined = tips.join(QLatin1Char('|'));
    QVERIFY2(joined.contains(QStringLiteral("mnist-cnn")) && joined.contains(QStringLiteral("tabular-gbm")),
             qPrintable(joined));
}

void TestComparePage::onlyDifferencesHidesEqualRows()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    ParamDiffModel *params = page->paramModel();
    QAbstractItemModelTester tester(params, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(page->onlyDifferencesAction()->isChecked());
    // epochs (10) and optimizer (adam) are the same in all five runs.
    QCOMPARE(params->rowOfKey(QStringLiteral("epochs")), -1);
    QCOMPARE(params->rowOfKey(QStringLiteral("optimizer")), -1);
    QVERIFY(params->rowOfKey(QStringLiteral("learning_rate")) >= 0);
    const int shown = params->rowCount();
    QCOMPARE(shown, params->differingKeyCount());
    for (int row = 0; row < shown; ++row)
        QVERIFY(params->index(row, 0).data(ParamDiffModel::DiffersRole).toBool());
    QVERIFY(page->tableTabs()
                ->tabText(ComparePage::ParamsTable)
                .contains(QStringLiteral("%1 of %2 differ").arg(shown).arg(params->totalKeyCount())));

    page->onlyDifferencesAction()->trigger();
    QVERIFY(!params->onlyDifferences());
    QCOMPARE(params->rowCount(), params->totalKeyCount());
    const int epochs = params->rowOfKey(QStringLiteral("epochs"));
    QVERIFY(epochs >= 0);
    QVERIFY(!params->index(epochs, 0).data(ParamDiffModel::DiffersRole).toBool());
    QCOMPARE(page->paramView()->model()->rowCount(), params->totalKeyCount());

    page->onlyDifferencesAction()->trigger();
    QCOMPARE(params->rowCount(), shown);
}

void TestComparePage::systemTagsToggle()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    ParamDiffModel *tags = page->tagModel();
    const auto hasSystemTag = [tags] {
        for (int row = 0; row < tags->rowCount(); ++row) {
            if (tags->index(row, 0).data().toString().startsWith(QLatin1String("mlflow.")))
                return true;
        }
        return false;
    };
    QVERIFY(!hasSystemTag());
    page->showSystemTagsAction()->trigger();
    QVERIFY(hasSystemTag()); // mlflow.runName differs between every run
    page->showSystemTagsAction()->trigger();
    QVERIFY(!hasSystemTag());
}

void TestComparePage::baselineShowsDeltas()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    QCOMPARE(page->baselineBox()->count(), 1 + m_five.size());
    QCOMPARE(page->baselineBox()->currentData().toInt(), -1);

    // Pinned through the combo box, as a user would.
    page->baselineBox()->setCurrentIndex(page->baselineBox()->findText(QStringLiteral("cnn-dropout")));
    emit page->baselineBox()->activated(page->baselineBox()->currentIndex());
    QCOMPARE(page->baselineRun(), 1);
    QCOMPARE(page->paramModel()->headerData(ParamDiffModel::FirstRunColumn + 1, Qt::Horizontal).toString(),
             QStringLiteral("cnn-dropout (baseline)"));
    // dropout: 0 (baseline-mlp) against 0.3 (cnn-dropout).
    const int dropout = page->paramModel()->rowOfKey(QStringLiteral("dropout"));
    QVERIFY(dropout >= 0);
    const QModelIndex mlp = page->paramModel()->index(dropout, ParamDiffModel::FirstRunColumn);
    QCOMPARE(mlp.data(ParamDiffModel::DeltaTextRole).toString(), RunDiff::deltaText(*RunDiff::delta(0, 0.3)));
    QVERIFY(mlp.data(ParamDiffModel::DeltaTextRole).toString().contains(QStringLiteral("%")));
    QVERIFY(!page->paramModel()
                 ->index(dropout, ParamDiffModel::FirstRunColumn + 1)
                 .data(ParamDiffModel::DeltaTextRole)
                 .isValid());
    // Metrics too, and the delegate makes room for the delta.
    const int accuracy = page->metricModel()->rowOfKey(QStringLiteral("val_accuracy"));
    const QModelIndex augment = page->metricModel()->index(accuracy, MetricDiffModel::FirstRunColumn + 2);
    QVERIFY(!augment.data(MetricDiffModel::DeltaTextRole).toString().isEmpty());
    QStyleOptionViewItem option;
    option.initFrom(page->metricView());
    const int needed = page->metricView()->itemDelegate()->sizeHint(option, augment).width();
    // The delta is a second line under the value: the cell is taller and as wide as the delta.
    const QSize hint = page->metricView()->itemDelegate()->sizeHint(option, augment);
    QVERIFY(hint.height() > QFontMetrics(option.font).height() * 1.6);
    QFont deltaFont = option.font;
    deltaFont.setPointSizeF(deltaFont.pointSizeF() * 0.85);
    QVERIFY(needed >= QFontMetrics(deltaFont).horizontalAdvance(
                augment.data(MetricDiffModel::DeltaTextRole).toString()));
    QVERIFY(page->metricView()->header()->sectionSize(augment.column()) >= std::min(needed, 260));

    page->setBaselineRun(-1);
    QVERIFY(!mlp.data(ParamDiffModel::DeltaTextRole).isValid());
    QCOMPARE(page->baselineBox()->currentData().toInt(), -1);
}

void TestComparePage::bestRunAndDirection()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    MetricDiffModel *metrics = browser.compare->metricModel();
    const int loss = metrics->rowOfKey(QStringLiteral("val_loss"));
    QVERIFY(loss >= 0);
    QCOMPARE(metrics->index(loss, MetricDiffModel::DirectionColumn).data().toString(), QStringLiteral("min"));
    const int best = metrics->bestRunOfRow(loss);
    QVERIFY(best >= 0);
    const QModelIndex bestCell = metrics->index(loss, MetricDiffModel::FirstRunColumn + best);
    QVERIFY(bestCell.data(MetricDiffModel::IsBestRole).toBool());
    // The delegate marks it.
    auto *delegate = qobject_cast<DiffItemDelegate *>(browser.compare->metricView()->itemDelegate());
    QVERIFY(delegate);

    // Changing the direction through the editor the table offers.
    QTreeView *view = browser.compare->metricView();
    const QModelIndex direction = metrics->index(loss, MetricDiffModel::DirectionColumn);
    view->setCurrentIndex(direction);
    view->edit(direction);
    auto *editor = view->findChild<QComboBox *>(QStringLiteral("directionEditor"));
    QVERIFY(editor);
    editor->setCurrentIndex(editor->findData(QStringLiteral("max")));
    emit editor->activated(editor->currentIndex());
    QCOMPARE(metrics->index(loss, MetricDiffModel::DirectionColumn).data().toString(), QStringLiteral("max"));
    QVERIFY(metrics->bestRunOfRow(loss) != best);
}

void TestComparePage::detailPaneShowsCharacterDiff()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    ParamDiffModel *params = page->paramModel();
    const int augment = params->rowOfKey(QStringLiteral("augment"));
    QVERIFY(augment >= 0);
    // cnn-augment has "true" where baseline-mlp has "false".
    page->paramView()->setCurrentIndex(params->index(augment, ParamDiffModel::FirstRunColumn + 2));
    QTRY_VERIFY(page->detailBrowser()->toPlainText().contains(QStringLiteral("Against")));
    const QString html = page->detailHtml();
    QVERIFY2(html.contains(QStringLiteral("line-through")), qPrintable(html));
    QVERIFY(page->detailBrowser()->toPlainText().contains(QStringLiteral("cnn-augment")));
}

void TestComparePage::copyMarkdownAndCsv()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    QVERIFY(page->copyMarkdownAction()->isEnabled());
    QGuiApplication::clipboard()->clear();
    page->copyMarkdownAction()->trigger();
    const QString markdown = QGuiApplication::clipboard()->text();
    QVERIFY(
        markdown.startsWith(QStringLiteral("## Parameters\n\n| Parameter | baseline-mlp | cnn-dropout |")));
    QVERIFY(markdown.contains(QStringLiteral("| --- |")));
    QVERIFY(markdown.contains(QStringLiteral("## Metrics")));
    QVERIFY(markdown.contains(QStringLiteral("| learning_rate |")));
    QVERIFY(!markdown.contains(QStringLiteral("| epochs |"))); // as shown: only differences

    page->tableTabs()->setCurrentIndex(ComparePage::MetricsTable);
    page->copyCsvAction()->trigger();
    const QString csv = QGuiApplication::clipboard()->text();
    QVERIFY(csv.startsWith(QStringLiteral("Metric,Direction,baseline-mlp,cnn-dropout,cnn-augment,")));
    QVERIFY(csv.contains(QStringLiteral("\r\nval_loss,min,")));
}

void TestComparePage::selectionWhileHiddenAppliesWhenShown()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    browser.runs->selectRuns(browser.idsOf(m_five));
    QVERIFY(!browser.compare->loader()->isLoading()); // nothing read while hidden
    QVERIFY(browser.compare->diff().isEmpty());
    QSignalSpy shown(browser.compare, &ComparePage::diffShown);
    browser.setCurrentWidget(browser.compare);
    QVERIFY(shown.wait(10000));
    QCOMPARE(browser.compare->diff().runs.size(), m_five.size());
}

void TestComparePage::togglesAreRemembered()
{
    {
        Browser browser;
        browser.compare->setOnlyDifferences(false);
        browser.compare->setShowSystemTags(true);
        AppSettings settings;
        browser.compare->saveSettings(settings);
    }
    Browser browser;
    QVERIFY(browser.compare->onlyDifferencesAction()->isChecked());
    browser.compare->restoreSettings(AppSettings());
    QVERIFY(!browser.compare->onlyDifferencesAction()->isChecked());
    QVERIFY(!browser.compare->paramModel()->onlyDifferences());
    QVERIFY(browser.compare->showSystemTagsAction()->isChecked());
    QVERIFY(browser.compare->tagModel()->showSystemTags());
}

void TestComparePage::parallelCoordinatesOneLinePerRun()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    ParallelCoordinatesView *view = page->parallelView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->lineCount(), m_five.size());
    // Default axes: the differing numeric params, then a few metrics.
    const QStringList keys = view->axisKeys();
    QCOMPARE(
        keys.mid(0, 4),
        QStringList({"params.batch_size", "params.conv_layers", "params.dropout", "params.learning_rate"}));
    QCOMPARE(keys.size(), 4 + 3);
    QCOMPARE(keys.mid(4), QStringList({"metrics.test_accuracy", "metrics.val_accuracy", "metrics.val_loss"}));
    QCOMPARE(view->axisCount(), keys.size());
    for (const QString &key : keys)
        QVERIFY(key.startsWith(QLatin1String("metrics.")) || !key.contains(QLatin1String("augment")));
    // learning_rate spans two decades: a log axis; batch_size is linear, scaled min..max.
    const CompareAxis lr = view->axis(3);
    QVERIFY(lr.logScale);
    QCOMPARE(lr.min, 0.001);
    QCOMPARE(lr.max, 0.1);
    QCOMPARE(lr.ticks().size(), 3); // the decades 0.001, 0.01, 0.1
    QCOMPARE(lr.ticks().at(1).second, QStringLiteral("0.01"));
    QVERIFY(qAbs(lr.ticks().at(1).first - 0.5) < 1e-9);
    QCOMPARE(view->axis(0).ticks().first().second, QStringLiteral("32"));
    QCOMPARE(view->axis(0).ticks().last().second, QStringLiteral("64"));

    // The checkable list: one axis more, categorical with its labels.
    QListWidget *list = page->axisList();
    QCOMPARE(list->count(), CompareAxis::availableKeys(page->diff()).size());
    const QList<QListWidgetItem *> augment
        = list->findItems(QStringLiteral("params.augment"), Qt::MatchExactly);
    QCOMPARE(augment.size(), 1);
    QCOMPARE(augment.first()->checkState(), Qt::Unchecked);
    augment.first()->setCheckState(Qt::Checked);
    QCOMPARE(view->axisCount(), keys.size() + 1);
    const int index = int(view->axisKeys().indexOf(QStringLiteral("params.augment")));
    QVERIFY(index >= 0);
    QVERIFY(view->axis(index).categorical);
    QCOMPARE(view->axis(index).ticks().size(), 2);
    QCOMPARE(view->axis(index).ticks().at(0).second, QStringLiteral("false"));
    QCOMPARE(view->axis(index).ticks().at(1).second, QStringLiteral("true"));
    QCOMPARE(view->lineCount(), m_five.size());
    augment.first()->setCheckState(Qt::Unchecked);
    QCOMPARE(view->axisCount(), keys.size());

    // Hover names the run.
    const int mlp = 0;
    const QPointF point(view->axisX(3), view->yOf(*lr.positionOfRun(4)));
    QCOMPARE(view->runAt(point), 4);
    QVERIFY(view->runAt(QPointF(view->axisX(3) + 1, view->yOf(*lr.positionOfRun(mlp)))) >= 0);
}

void TestComparePage::brushingFiltersTheRunTable()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    ParallelCoordinatesView *view = page->parallelView();
    RunSortFilterProxy *proxy = browser.runs->runProxy();
    QAbstractItemModelTester tester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int allMatches = proxy->matchCount();
    QVERIFY(allMatches > m_five.size());
    const int lr = int(view->axisKeys().indexOf(QStringLiteral("params.learning_rate")));
    QVERIFY(lr >= 0);

    // Drag along the learning-rate axis from its top to below its middle: lr 0.01 and 0.1.
    QSignalSpy filterChanged(page, &ComparePage::runFilterChanged);
    const int x = int(view->axisX(lr));
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(x, int(view->yOf(1.0)) - 2));
    QTest::mouseMove(view, QPoint(x, int(view->yOf(0.7))));
    QTest::mouseMove(view, QPoint(x, int(view->yOf(0.4))));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(x, int(view->yOf(0.4))));
    QCOMPARE(filterChanged.count(), 1);
    QVERIFY(page->hasRunFilter());
    const QStringList brushed
        = browser.idsOf({QStringLiteral("lr=0.01,bs=64"), QStringLiteral("lr=0.1,bs=32")});
    QCOMPARE(page->filteredRunIds(), brushed);
    QVERIFY(page->clearBrushingAction()->isEnabled());
    // The run table shows those two (under their sweep parent, greyed as context).
    QVERIFY(proxy->hasRunIdFilter());
    QCOMPARE(proxy->matchCount(), 2);
    QCOMPARE(proxy->rowCount(), 1);
    const QModelIndex sweep = proxy->index(0, 0);
    QCOMPARE(sweep.data().toString(), QStringLiteral("lr-batch-sweep"));
    QCOMPARE(sweep.data(RunSortFilterProxy::IsContextRole).toBool(), true);
    QCOMPARE(proxy->rowCount(sweep), 2);
    QVERIFY(browser.runs->statusText().contains(QStringLiteral("brush")));
    // The compare page keeps its five runs.
    QCOMPARE(page->diff().runs.size(), m_five.size());
    // The scatter plot fades the others.
    QCOMPARE(page->scatterView()->series().size(), m_five.size());
    int faded = 0;
    for (QScatterSeries *s : page->scatterView()->series())
        faded += s->color().alpha() < 255;
    QCOMPARE(faded, 3);

    // A second axis narrows it further (AND): batch size 64 drops lr=0.1,bs=32.
    const int bs = int(view->axisKeys().indexOf(QStringLiteral("params.batch_size")));
    view->setBrush(bs, 0.9, 1.0);
    QCOMPARE(page->filteredRunIds(), browser.idsOf({QStringLiteral("lr=0.01,bs=64")}));
    QCOMPARE(proxy->matchCount(), 1);

    // Clearing restores every run and the selection.
    page->clearBrushingAction()->trigger();
    QVERIFY(!page->hasRunFilter());
    QVERIFY(!proxy->hasRunIdFilter());
    QCOMPARE(proxy->matchCount(), allMatches);
    const QStringList selected = browser.runs->selectedRunIds();
    const QStringList compared = page->runIds();
    QCOMPARE(QSet<QString>(selected.cbegin(), selected.cend()),
             QSet<QString>(compared.cbegin(), compared.cend()));
    QVERIFY(!page->clearBrushingAction()->isEnabled());

    // A click on an axis clears its range.
    view->setBrush(lr, 0.4, 1.0);
    QCOMPARE(proxy->matchCount(), 2);
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(x, int(view->yOf(0.5))));
    QVERIFY(!view->hasBrush());
    QCOMPARE(proxy->matchCount(), allMatches);
}

void TestComparePage::scatterOnePointPerRun()
{
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    page->plotTabs()->setCurrentIndex(ComparePage::ScatterPlot);
    ScatterView *scatter = page->scatterView();
    QVERIFY(scatter->isVisible());
    page->setScatterKeys(QStringLiteral("params.learning_rate"), QStringLiteral("metrics.val_accuracy"));
    QCOMPARE(page->scatterXBox()->currentData().toString(), QStringLiteral("params.learning_rate"));
    QCOMPARE(scatter->pointCount(), m_five.size());
    const QStringList ids = browser.idsOf(m_five);
    for (int i = 0; i < scatter->series().size(); ++i) {
        QScatterSeries *series = scatter->series().at(i);
        QCOMPARE(series->count(), 1);
        QCOMPARE(series->name(), m_five[i]);
        QCOMPARE(series->color(), RunColors::color(ids[i]));
    }
    QVERIFY(qobject_cast<QLogValueAxis *>(scatter->xAxisItem()));
    QCOMPARE(scatter->xAxisItem()->titleText(), QStringLiteral("learning_rate (log)"));
    QCOMPARE(scatter->yAxisItem()->titleText(), QStringLiteral("val_accuracy"));
    QVERIFY(scatter->toolTipOf(1).contains(QStringLiteral("cnn-dropout")));
    QVERIFY(scatter->toolTipOf(1).contains(QStringLiteral("learning_rate: 0.001")));

    // A categorical x, through the combo box; the y choices are metrics only.
    for (int i = 0; i < page->scatterYBox()->count(); ++i)
        QVERIFY(page->scatterYBox()->itemData(i).toString().startsWith(QLatin1String("metrics.")));
    QComboBox *xBox = page->scatterXBox();
    xBox->setCurrentIndex(xBox->findData(QStringLiteral("params.augment")));
    emit xBox->activated(xBox->currentIndex());
    QCOMPARE(scatter->xKey(), QStringLiteral("params.augment"));
    auto *categories = qobject_cast<QCategoryAxis *>(scatter->xAxisItem());
    QVERIFY(categories);
    QCOMPARE(categories->categoriesLabels(), QStringList({"false", "true"}));
    QCOMPARE(scatter->pointCount(), m_five.size());
    // test_accuracy is not logged by the sweep child: four points.
    page->setScatterKeys(QStringLiteral("params.dropout"), QStringLiteral("metrics.test_accuracy"));
    QCOMPARE(scatter->pointCount(), m_five.size() - 2);
}

void TestComparePage::exportPlots_data()
{
    QTest::addColumn<int>("plot");
    QTest::addColumn<QString>("suffix");
    QTest::addRow("parallel png") << int(ComparePage::ParallelPlot) << "png";
    QTest::addRow("parallel svg") << int(ComparePage::ParallelPlot) << "svg";
    QTest::addRow("scatter png") << int(ComparePage::ScatterPlot) << "png";
    QTest::addRow("scatter svg") << int(ComparePage::ScatterPlot) << "svg";
}

void TestComparePage::exportPlots()
{
    QFETCH(int, plot);
    QFETCH(QString, suffix);
    Browser browser;
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    browser.compare->plotTabs()->setCurrentIndex(plot);
    const QString path = m_dir.filePath(QStringLiteral("plot-%1.%2").arg(plot).arg(suffix));
    QCOMPARE(browser.compare->exportPlot(path), QString());
    QVERIFY(QFileInfo(path).size() > 1000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    if (suffix == QLatin1String("svg"))
        QVERIFY(bytes.contains("<svg"));
    else
        QVERIFY(bytes.startsWith("\x89PNG"));
    QSignalSpy failed(browser.compare, &ComparePage::exportFailed);
    QVERIFY(!browser.compare->exportPlot(m_dir.filePath(QStringLiteral("plot.bmp"))).isEmpty());
    QCOMPARE(failed.count(), 1);
}

namespace {

QStringList headerTexts(const QAbstractItemModel *model, int firstRunColumn, int role = Qt::DisplayRole)
{
    QStringList texts;
    for (int column = firstRunColumn; column < model->columnCount(); ++column)
        texts.append(model->headerData(column, Qt::Horizontal, role).toString());
    return texts;
}

} // namespace

void TestComparePage::pinnedRunsStayAcrossStores()
{
    Browser browser;
    browser.show();
    ComparePage *page = browser.compare;
    QSignalSpy pinnedChanged(page, &ComparePage::pinnedRunsChanged);
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    const QStringList pinnedIds = page->runIds();
    QVERIFY(page->pinAction()->isEnabled());
    QVERIFY(!page->clearPinnedAction()->isEnabled());
    // The run table's context menu offers the same action.
    QVERIFY(browser.runs->runView()->actions().contains(page->pinAction()));
    QCOMPARE(browser.runs->runView()->contextMenuPolicy(), Qt::ActionsContextMenu);

    page->pinAction()->trigger();
    QCOMPARE(pinnedChanged.size(), 1);
    QCOMPARE(page->pinnedRuns().size(), 2);
    QVERIFY(!page->pinAction()->isEnabled()); // all selected runs are pinned
    QVERIFY(page->clearPinnedAction()->isEnabled());
    QVERIFY(!page->loader()->isLoading()); // the same runs: nothing to read again
    QCOMPARE(headerTexts(page->paramModel(), ParamDiffModel::FirstRunColumn),
             QStringList({"cnn-dropout\npinned", "cnn-augment\npinned"}));

    // Another store (a copy: the same run ids): the pinned runs stay, its selected runs join.
    QVERIFY(openStore(browser, m_other));
    QCOMPARE(page->pinnedRuns().size(), 2);
    browser.runs->selectRuns({});
    QVERIFY(waitForDiff(browser, 2)); // the pinned runs alone
    QCOMPARE(page->runIds(), pinnedIds);
    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp"), QStringLiteral("cnn-dropout")}));
    QVERIFY(page->pinAction()->isEnabled());
    QVERIFY(waitForDiff(browser, 4));
    const QStringList ids = page->runIds();
    QCOMPARE(ids.mid(0, 2), pinnedIds); // the pinned runs keep their place
    QCOMPARE(ids[3], pinnedIds[0]); // cnn-dropout of the other store is a run of its own
    const QString storeA = QFileInfo(m_dir.path()).fileName(); // both files are mlflow.db
    const QString storeB = QFileInfo(m_otherDir.path()).fileName();
    for (QTreeView *view : {page->paramView(), page->metricView(), page->tagView()}) {
        const int first = view == page->metricView() ? int(MetricDiffModel::FirstRunColumn)
                                                     : int(ParamDiffModel::FirstRunColumn);
        QAbstractItemModel *model = view->model();
        QCOMPARE(model->columnCount() - first, 4);
        const QStringList tips = headerTexts(model, first, Qt::ToolTipRole);
        for (int run = 0; run < 4; ++run) {
            const QString store = run < 2 ? m_demo : m_other;
            const QString notStore = run < 2 ? m_other : m_demo;
            QVERIFY2(tips[run].contains(QStringLiteral("Store: ") + store), qPrintable(tips[run]));
            QVERIFY2(!tips[run].contains(notStore), qPrintable(tips[run]));
            QCOMPARE(tips[run].contains(QStringLiteral("Pinned")), run < 2);
            QCOMPARE(model->headerData(first + run, Qt::Horizontal, RunDiffModel::IsPinnedRole).toBool(),
                     run < 2);
        }
        QCOMPARE(headerTexts(model, first),
                 QStringList({"cnn-dropout\npinned · " + storeA, "cnn-augment\npinned · " + storeA,
                              "baseline-mlp\n" + storeB, "cnn-dropout\n" + storeB}));
        // The header grew a line for the stores.
        QVERIFY(view->header()->height() >= 2 * view->fontMetrics().height());
    }
    QCOMPARE(page->diff().runs[0].location, m_demo);
    QCOMPARE(page->diff().runs[3].location, m_other);

    // A run both pinned and selected is one column, in its pinned place.
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp")}));
    QVERIFY(openStore(browser, m_demo));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-augment"), QStringLiteral("baseline-mlp")}));
    QVERIFY(waitForDiff(browser, 3));
    QCOMPARE(page->runIds(), pinnedIds + browser.idsOf({QStringLiteral("baseline-mlp")}));

    // A baseline stays with its run when the columns change.
    page->setBaselineRun(1); // cnn-augment
    page->unpin(m_demo, pinnedIds[0]);
    QVERIFY(waitForDiff(browser, 2)); // cnn-augment (pinned), baseline-mlp
    QCOMPARE(page->runIds(), QStringList({pinnedIds[1], browser.idsOf({QStringLiteral("baseline-mlp")})[0]}));
    QCOMPARE(page->baselineRun(), 0);

    page->clearPinnedAction()->trigger();
    QVERIFY(page->pinnedRuns().isEmpty());
    QVERIFY(waitForDiff(browser, 2)); // the selection: cnn-augment, baseline-mlp
    QCOMPARE(headerTexts(page->paramModel(), ParamDiffModel::FirstRunColumn),
             QStringList({"cnn-augment (baseline)", "baseline-mlp"}));
}

void TestComparePage::unpinFromTheHeaderMenu()
{
    Browser browser;
    browser.show();
    ComparePage *page = browser.compare;
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    page->pinAction()->trigger();
    QVERIFY(openStore(browser, m_other));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp")}));
    QVERIFY(waitForDiff(browser, 3));

    // The column's header menu: unpin a pinned run, pin a selected one.
    const auto triggerHeaderAction = [page](int run, const QString &name) {
        QHeaderView *header = page->paramView()->header();
        const int column = ParamDiffModel::FirstRunColumn + run;
        const QPoint pos(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                         header->height() / 2);
        emit header->customContextMenuRequested(pos);
        QAction *found = nullptr;
        for (QMenu *menu : page->findChildren<QMenu *>()) {
            if (menu->isVisible())
                found = menu->findChild<QAction *>(name);
        }
        if (!found) // created with the menu as parent
            for (QAction *action : page->findChildren<QAction *>(name))
                found = action;
        if (found)
            found->trigger();
        for (QMenu *menu : page->findChildren<QMenu *>())
            menu->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the closed menus
        return found != nullptr;
    };
    QVERIFY(triggerHeaderAction(2, QStringLiteral("pinRunAction"))); // baseline-mlp of the other store
    QCOMPARE(page->pinnedRuns().size(), 3);
    QVERIFY(page->isPinned(m_other, page->runIds()[2]));
    QVERIFY(triggerHeaderAction(0, QStringLiteral("unpinRunAction"))); // cnn-dropout of the demo store
    QCOMPARE(page->pinnedRuns().size(), 2);
    QVERIFY(waitForDiff(browser, 2)); // cnn-augment, then baseline-mlp (pinned, and selected)
    QCOMPARE(page->diff().runs[0].runName, QStringLiteral("cnn-augment"));
    QCOMPARE(page->diff().runs[0].location, m_demo);
    QCOMPARE(page->diff().runs[1].runName, QStringLiteral("baseline-mlp"));
    QCOMPARE(page->diff().runs[1].location, m_other);
}

void TestComparePage::unavailablePinnedRunsAreNamed()
{
    // Pinned runs of two stores that go: one is deleted, one replaced by an empty MLflow store.
    QTemporaryDir dir;
    const QString gone = dir.filePath(QStringLiteral("gone.db"));
    const QString replaced = dir.filePath(QStringLiteral("replaced.db"));
    QVERIFY(QFile::copy(m_demo, gone));
    QVERIFY(QFile::copy(m_demo, replaced));
    Browser browser;
    browser.show();
    ComparePage *page = browser.compare;
    QVERIFY(openStore(browser, gone));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-dropout")}));
    browser.setCurrentWidget(browser.compare);
    QVERIFY(page->emptyText().contains(QStringLiteral("pin it")));
    page->pinSelectedRuns();
    QVERIFY(page->emptyText().contains(QStringLiteral("One run pinned")));
    QVERIFY(page->emptyText().contains(QStringLiteral("cnn-dropout")));
    QVERIFY(openStore(browser, replaced));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-augment")}));
    page->pinSelectedRuns();
    QVERIFY(waitForDiff(browser, 2));
    QVERIFY(page->noticeText().isEmpty());

    QVERIFY(openDemo(browser));
    QVERIFY(QFile::remove(gone));
    QVERIFY(QFile::remove(replaced));
    QVERIFY(
        QFile::copy(TestSupport::fixturePath(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db")), replaced));
    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp"), QStringLiteral("lr=0.1,bs=32")}));
    QVERIFY(waitForDiff(browser, 2)); // the two runs of the demo store still compare
    QCOMPARE(page->diff().runs[0].runName, QStringLiteral("baseline-mlp"));
    QCOMPARE(page->unavailableRuns().size(), 2);
    const QString notice = page->noticeText();
    QVERIFY2(notice.contains(QStringLiteral("cnn-dropout"))
                 && notice.contains(QStringLiteral("not there any more")),
             qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("cnn-augment"))
                 && notice.contains(QStringLiteral("no longer holds")),
             qPrintable(notice));
    QVERIFY(notice.contains(QDir::toNativeSeparators(gone)));
    // KAIZEN_SCREENSHOT_COMPARE=/tmp/compare also saves /tmp/compare-unavailable*.png.
    const QString screenshots = qEnvironmentVariable("KAIZEN_SCREENSHOT_COMPARE");
    if (!screenshots.isEmpty())
        VERIFY_SCREENSHOT(&browser, screenshots + QStringLiteral("-unavailable.png"));

    // With one run left there is nothing to compare: the page says why.
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp")}));
    browser.setCurrentWidget(browser.compare);
    QTRY_VERIFY(!page->loader()->isLoading());
    QTRY_VERIFY(page->emptyText().contains(QStringLiteral("Only 1 of the 3 runs could be read")));
    QVERIFY(page->emptyText().contains(QStringLiteral("not there any more")));
    if (!screenshots.isEmpty())
        VERIFY_SCREENSHOT(&browser, screenshots + QStringLiteral("-unavailable-one-left.png"));

    // "Unpin them" drops the runs that could not be read.
    auto *notices = page->findChild<NoticeBar *>(QStringLiteral("compareNoticeBar"));
    QVERIFY(notices);
    emit notices->linkActivated(QStringLiteral("unpin-unavailable"));
    QVERIFY(page->pinnedRuns().isEmpty());
    QVERIFY(page->emptyText().contains(QStringLiteral("One run selected")));
}

void TestComparePage::equalMetricsStarNoRun()
{
    // A run and its copy in another store: every metric is equal, so no run is the best.
    Browser browser;
    browser.show();
    ComparePage *page = browser.compare;
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    MetricDiffModel *metrics = page->metricModel();
    const int loss = metrics->rowOfKey(QStringLiteral("val_loss"));
    QVERIFY(metrics->bestRunOfRow(loss) >= 0); // different runs: one is best

    browser.setCurrentWidget(browser.runs);
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-dropout")}));
    page->pinSelectedRuns();
    QVERIFY(openStore(browser, m_other));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("cnn-dropout")}));
    QVERIFY(waitForDiff(browser, 2));
    QCOMPARE(page->runIds()[0], page->runIds()[1]);
    QVERIFY(metrics->rowCount() > 3);
    for (int row = 0; row < metrics->rowCount(); ++row) {
        QCOMPARE(metrics->bestRunOfRow(row), -1);
        for (int run = 0; run < 2; ++run)
            QVERIFY(
                !metrics->index(row, metrics->columnOfRun(run)).data(MetricDiffModel::IsBestRole).toBool());
    }
    page->tableTabs()->setCurrentIndex(ComparePage::MetricsTable);
    page->metricView()->setCurrentIndex(metrics->index(loss, MetricDiffModel::FirstRunColumn));
    QTRY_VERIFY(page->detailBrowser()->toPlainText().contains(QStringLiteral("Latest")));
    QVERIFY(!page->detailBrowser()->toPlainText().contains(QStringLiteral("★")));
}

void TestComparePage::supersededAndCancelledDiffsAreNotShown()
{
    Browser browser;
    browser.show();
    ComparePage *page = browser.compare;
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    QVERIFY(page->paramModel()->rowCount() > 0);

    // The selection changes while the page is shown: the old diff goes at once.
    const QStringList next = browser.idsOf({QStringLiteral("baseline-mlp"), QStringLiteral("cnn-augment")});
    browser.runs->selectRuns(next);
    QVERIFY(page->loader()->isLoading());
    QVERIFY(page->diff().isEmpty());
    QCOMPARE(page->paramModel()->columnCount(), int(ParamDiffModel::FirstRunColumn));
    QCOMPARE(page->metricModel()->rowCount(), 0);
    QVERIFY2(page->emptyText().contains(QStringLiteral("Comparing 2 runs")), qPrintable(page->emptyText()));
    QVERIFY(!page->copyMarkdownAction()->isEnabled());

    // Cancelled: no diff, and the page says so and offers to compare again.
    page->cancelLoading();
    QVERIFY(!page->loader()->isLoading());
    QVERIFY(page->diff().isEmpty());
    QVERIFY2(page->emptyText().contains(QStringLiteral("Comparison cancelled")),
             qPrintable(page->emptyText()));
    QTRY_VERIFY(!page->loader()->isBusy());
    QCoreApplication::sendPostedEvents();
    QVERIFY(page->diff().isEmpty()); // what the cancelled worker posted was dropped
    auto *label = page->findChild<QLabel *>(QStringLiteral("compareEmptyLabel"));
    QVERIFY(label);
    QSignalSpy shown(page, &ComparePage::diffShown);
    emit label->linkActivated(QStringLiteral("compare"));
    QVERIFY(shown.wait(10000));
    QCOMPARE(page->runIds(), next);
    QCOMPARE(page->diff().runs.size(), 2);
    QCOMPARE(page->diff().runs[0].runName, QStringLiteral("baseline-mlp"));
    QVERIFY(page->emptyText().isEmpty());
}

void TestComparePage::pinnedRunsAreRemembered()
{
    QTemporaryDir dir;
    const QString gone = dir.filePath(QStringLiteral("gone.db"));
    QVERIFY(QFile::copy(m_demo, gone));
    QStringList pinnedIds;
    {
        Browser browser;
        browser.show();
        QVERIFY(openDemo(browser));
        QVERIFY(compare(browser, {QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
        browser.compare->pinSelectedRuns();
        QVERIFY(openStore(browser, gone));
        browser.runs->selectRuns(browser.idsOf({QStringLiteral("lr=0.1,bs=32")}));
        browser.compare->pinSelectedRuns();
        for (const RunDiff::RunSource &source : browser.compare->pinnedRuns())
            pinnedIds.append(source.runId);
        AppSettings settings;
        browser.compare->saveSettings(settings);
    }
    QCOMPARE(pinnedIds.size(), 3);
    QVERIFY(QFile::remove(gone)); // meanwhile

    Browser browser;
    ComparePage *page = browser.compare;
    QSignalSpy pinnedChanged(page, &ComparePage::pinnedRunsChanged);
    page->restoreSettings(AppSettings());
    QCOMPARE(pinnedChanged.size(), 1);
    QCOMPARE(page->pinnedRuns().size(), 3);
    QVERIFY(!page->loader()->isLoading()); // nothing read before the page shows
    QVERIFY(page->isPinned(m_demo, pinnedIds[0]));
    QVERIFY(page->isPinned(gone, pinnedIds[2]));
    QCOMPARE(page->pinnedRuns()[0].row, -1); // by store and id only

    browser.show();
    QVERIFY(openStore(browser, m_other));
    browser.runs->selectRuns(browser.idsOf({QStringLiteral("baseline-mlp")}));
    QVERIFY(waitForDiff(browser, 3)); // two pinned of the demo store and the selected run
    QCOMPARE(page->diff().runs[0].runName, QStringLiteral("cnn-dropout"));
    QCOMPARE(page->diff().runs[0].location, m_demo);
    QCOMPARE(page->diff().runs[1].runName, QStringLiteral("cnn-augment"));
    QCOMPARE(page->diff().runs[2].location, m_other);
    QVERIFY(page->paramModel()->isPinned(0) && page->paramModel()->isPinned(1));
    // The pinned run of the deleted store is named, by the name it had.
    const QString notice = page->noticeText();
    QVERIFY2(notice.contains(QStringLiteral("“lr=0.1,bs=32” (pinned)")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("not there any more")), qPrintable(notice));
    // The runs read from their store are kept with their rows: not read again.
    QVERIFY(page->pinnedRuns()[0].row >= 0);
    QVERIFY(page->pinnedRuns()[1].row >= 0);
    QCOMPARE(page->pinnedRuns()[0].table.size(), 1);
    QCOMPARE(page->pinnedRuns()[2].row, -1);
}

void TestComparePage::screenshot()
{
    // KAIZEN_SCREENSHOT_COMPARE=/tmp/compare keeps /tmp/compare-*.png of the page on the demo store.
    const QString target = WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_COMPARE",
                                                             m_dir.filePath(QStringLiteral("compare")));
    Browser browser;
    browser.resize(1600, 900);
    browser.show();
    QVERIFY(openDemo(browser));
    QVERIFY(compare(browser, m_five));
    ComparePage *page = browser.compare;
    page->paramView()->setCurrentIndex(page->paramModel()->index(
        page->paramModel()->rowOfKey(QStringLiteral("learning_rate")), ParamDiffModel::FirstRunColumn + 4));
    QTRY_VERIFY(!page->detailBrowser()->toPlainText().isEmpty());
    VERIFY_SCREENSHOT(&browser, target + QStringLiteral("-params-parallel.png"));

    page->setBaselineRun(1);
    page->tableTabs()->setCurrentIndex(ComparePage::MetricsTable);
    page->metricView()->setCurrentIndex(page->metricModel()->index(
        page->metricModel()->rowOfKey(QStringLiteral("val_accuracy")), MetricDiffModel::FirstRunColumn + 2));
    page->plotTabs()->setCurrentIndex(ComparePage::ScatterPlot);
    page->setScatterKeys(QStringLiteral("params.learning_rate"), QStringLiteral("metrics.val_accuracy"));
    QTRY_VERIFY(page->detailBrowser()->toPlainText().contains(QStringLiteral("Latest")));
    VERIFY_SCREENSHOT(&browser, target + QStringLiteral("-metrics-scatter.png"));

    page->setBaselineRun(-1);
    page->tableTabs()->setCurrentIndex(ComparePage::ParamsTable);
    page->plotTabs()->setCurrentIndex(ComparePage::ParallelPlot);
    ParallelCoordinatesView *view = page->parallelView();
    view->setBrush(int(view->axisKeys().indexOf(QStringLiteral("params.learning_rate"))), 0.4, 1.0);
    QTRY_VERIFY(page->detailBrowser()->toPlainText().startsWith(QStringLiteral("learning_rate")));
    VERIFY_SCREENSHOT(&browser, target + QStringLiteral("-brushed.png"));
    browser.setCurrentWidget(browser.runs);
    VERIFY_SCREENSHOT(&browser, target + QStringLiteral("-brushed-runs.png"));
}

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
