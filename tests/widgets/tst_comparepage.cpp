#include "comparepage.h"
#include "diffitemdelegate.h"
#include "metricdiffmodel.h"
#include "pagelinks.h"
#include "paramdiffmodel.h"
#include "runcolors.h"
#include "rundiffloader.h"
#include "runheaderview.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>

// The run browser and the compare page in tabs, linked as the main window links them.
class Browser : public QTabWidget
{
public:
    Browser()
    {
        addTab(runs, QStringLiteral("Runs"));
        addTab(compare, QStringLiteral("Compare"));
        PageLinks::linkCompare(runs, compare);
        resize(1500, 900);
    }
    RunsPage *runs = new RunsPage;
    ComparePage *compare = new ComparePage;
};

class TestComparePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void emptyStateBelowTwoRuns();
    void oneColumnPerRunWithColouredHeaders();
    void onlyDifferencesHidesEqualRows();
    void systemTagsToggle();
    void baselineShowsDeltas();
    void bestRunAndDirection();
    void detailPaneShowsCharacterDiff();
    void copyMarkdownAndCsv();
    void selectionWhileHiddenAppliesWhenShown();
    void togglesAreRemembered();

private:
    bool openDemo(Browser &browser, const QString &experiment = QStringLiteral("mnist-cnn"));
    // Selects runs (by name), shows the compare page and waits for their diff.
    bool compare(Browser &browser, const QStringList &names);
    QStringList idsOf(const Browser &browser, const QStringList &names) const;

    QTemporaryDir m_dir;
    QString m_demo;
    const QStringList m_five
        = {QStringLiteral("baseline-mlp"), QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment"),
           QStringLiteral("lr=0.01,bs=64"), QStringLiteral("lr=0.1,bs=32")};
};

bool TestComparePage::openDemo(Browser &browser, const QString &experiment)
{
    QSignalSpy shown(browser.runs, &RunsPage::runsShown);
    browser.runs->openStore(m_demo, experiment);
    while (shown.isEmpty() || !shown.last().at(0).toBool()) {
        if (!shown.wait(10000))
            return false;
    }
    return true;
}

QStringList TestComparePage::idsOf(const Browser &browser, const QStringList &names) const
{
    QStringList ids;
    const Store::RunTable &runs = browser.runs->runModel()->runs();
    for (const QString &name : names) {
        for (int row = 0; row < runs.size(); ++row) {
            if (runs.run(row).runName == name)
                ids.append(runs.run(row).runId);
        }
    }
    return ids;
}

bool TestComparePage::compare(Browser &browser, const QStringList &names)
{
    const QStringList ids = idsOf(browser, names);
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

void TestComparePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_comparepage"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
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
    browser.runs->selectRuns(idsOf(browser, {QStringLiteral("cnn-dropout")}));
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
    const QStringList ids = idsOf(browser, m_five);
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
    QVERIFY(needed > QFontMetrics(option.font)
                         .horizontalAdvance(augment.data().toString()
                                            + augment.data(MetricDiffModel::DeltaTextRole).toString())
                * 0.9);
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
    browser.runs->selectRuns(idsOf(browser, m_five));
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
        QSettings settings;
        browser.compare->saveSettings(settings);
    }
    Browser browser;
    QVERIFY(browser.compare->onlyDifferencesAction()->isChecked());
    browser.compare->restoreSettings(QSettings());
    QVERIFY(!browser.compare->onlyDifferencesAction()->isChecked());
    QVERIFY(!browser.compare->paramModel()->onlyDifferences());
    QVERIFY(browser.compare->showSystemTagsAction()->isChecked());
    QVERIFY(browser.compare->tagModel()->showSystemTags());
}

QTEST_MAIN(TestComparePage)
#include "tst_comparepage.moc"
