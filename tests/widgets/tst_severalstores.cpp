#include "chartspage.h"
#include "comparepage.h"
#include "demostore.h"
#include "experimentlistmodel.h"
#include "experimentpane.h"
#include "mergedruns.h"
#include "metriccurveloader.h"
#include "runcolors.h"
#include "runloader.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using WidgetTestSupport::showRuns;

// Several stores open side by side in the run browser: grouped in the experiment tree, the runs
// of the experiments chosen there shown together (of any stores), closed one by one. Real stores: the demo
// store and MLflow's own fixture (both have an experiment 0, "Default").
class TestSeveralStores : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void storesAreGroupedAndChosenByExperiment();
    void experimentsOfSeveralStoresTogether();
    void runsOfTwoStoresChartedAndComparedTogether();
    void closingStores();
    void failingStoreLeavesTheOthers();
    void pinnedRunsCompareAcrossStores();
    void chartsPlotRunsOfTwoStores();

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_fixture; // mlflow-1.2: experiment 0 with 26 runs
};

void TestSeveralStores::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_severalstores"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_fixture = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!m_fixture.isEmpty());
}

void TestSeveralStores::init()
{
    QSettings().clear();
}

void TestSeveralStores::storesAreGroupedAndChosenByExperiment()
{
    RunsPage page;
    QTreeView *view = page.experimentView();
    ExperimentListModel *model = page.experimentModel();
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    // One store: its experiments as a plain list, as before there were several.
    QCOMPARE(view->rootIndex(), model->indexOfStore(m_demo));
    QVERIFY(!view->rootIsDecorated());

    QSignalSpy current(&page, &RunsPage::currentStoreChanged);
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QCOMPARE(page.location(), m_fixture);
    QCOMPARE(current.count(), 1);
    QCOMPARE(page.openStores(), QStringList({m_demo, m_fixture}));
    QCOMPARE(page.runModel()->runs().size(), 26);
    // Two stores: grouped under a row each, both expanded.
    QVERIFY(!view->rootIndex().isValid());
    QVERIFY(view->rootIsDecorated());
    QCOMPARE(model->rowCount(), 2);
    QVERIFY(view->isExpanded(model->indexOfStore(m_demo)));
    QVERIFY(view->isExpanded(model->indexOfStore(m_fixture)));
    QCOMPARE(view->selectionModel()->selectedRows(),
             QModelIndexList({model->findExperiment(m_fixture, "0")}));

    // A click on an experiment of the other store shows its runs: that store is current.
    const QModelIndex gbm = model->findExperiment(m_demo, QStringLiteral("tabular-gbm"));
    QVERIFY(showRuns(&page, [&] {
        view->selectionModel()->setCurrentIndex(
            gbm, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(current.count(), 2);
    QCOMPARE(current.last().at(0).toString(), m_demo);
    QCOMPARE(page.currentExperimentIds(), QStringList({model->experimentId(gbm)}));
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmActiveRuns);
    QCOMPARE(page.loader()->location(), m_demo);

    // Opening a store that is open goes back to it, with the experiment it showed.
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QCOMPARE(page.location(), m_fixture);
    QCOMPARE(page.openStores().size(), 2);
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo); }));
    QCOMPARE(page.currentExperimentIds(), QStringList({model->experimentId(gbm)}));
    // A store row itself cannot be chosen.
    QVERIFY(!(model->flags(model->indexOfStore(m_demo)) & Qt::ItemIsSelectable));
}

void TestSeveralStores::experimentsOfSeveralStoresTogether()
{
    RunsPage page;
    ExperimentListModel *model = page.experimentModel();
    QItemSelectionModel *selection = page.experimentView()->selectionModel();
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    const QString storeColumn = page.runModel()->columnKey(RunTreeModel::StoreColumn);
    QVERIFY(!page.isColumnVisible(storeColumn));
    QCOMPARE(page.statusText(), QStringLiteral("%1 runs.").arg(Store::DemoStore::Counts::MnistRuns));

    // Ctrl+click on an experiment of the other store: the runs of both show, in one tree, and
    // the store clicked last is the current one.
    QSignalSpy current(&page, &RunsPage::currentStoreChanged);
    QSignalSpy shownStores(&page, &RunsPage::shownStoresChanged);
    const QModelIndex other = model->findExperiment(m_fixture, QStringLiteral("0"));
    const QModelIndex mnist = model->findExperiment(m_demo, QStringLiteral("mnist-cnn"));
    QVERIFY(showRuns(&page, [&] {
        selection->setCurrentIndex(other, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_fixture);
    QCOMPARE(current.count(), 1);
    QCOMPARE(shownStores.count(), 1);
    QCOMPARE(page.shownStores(), QStringList({m_fixture, m_demo})); // in the order they were opened
    QCOMPARE(shownStores.last().at(0).toStringList(), page.shownStores());
    QCOMPARE(selection->selectedRows().size(), 2);
    QCOMPARE(page.currentExperimentIds(), QStringList({QStringLiteral("0")}));
    const RunTreeModel *runs = page.runModel();
    QCOMPARE(runs->runs().size(), 26 + Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(runs->locations(), page.shownStores());
    int ofDemo = 0;
    for (int row = 0; row < runs->runs().size(); ++row)
        ofDemo += runs->location(row) == m_demo;
    QCOMPARE(ofDemo, Store::DemoStore::Counts::MnistRuns);
    // Every run says where it comes from.
    QVERIFY(page.isColumnVisible(storeColumn));
    QCOMPARE(
        page.statusText(),
        QStringLiteral("2 stores · 2 experiments · %1 runs.").arg(26 + Store::DemoStore::Counts::MnistRuns));
    QVERIFY(!page.isLoading());

    // The details, datasets and artifacts of a run come from its own store.
    QSignalSpy currentRun(&page, &RunsPage::currentRunChanged);
    int row = 0;
    while (runs->location(row) != m_demo)
        ++row;
    page.runView()->setCurrentIndex(page.runProxy()->mapFromSource(runs->indexOfRow(row)));
    QTRY_VERIFY(!currentRun.isEmpty()
                && !currentRun.last().at(1).value<Store::RunAttributes>().runId.isEmpty());
    QCOMPARE(currentRun.last().at(0).toString(), m_demo);
    QCOMPARE(currentRun.last().at(1).value<Store::RunAttributes>().runId, runs->runs().run(row).runId);

    // Ctrl+click takes the demo's experiment away again: the fixture's runs alone.
    QVERIFY(showRuns(
        &page, [&] { selection->select(mnist, QItemSelectionModel::Deselect | QItemSelectionModel::Rows); }));
    QCOMPARE(page.location(), m_fixture);
    QCOMPARE(page.shownStores(), QStringList({m_fixture}));
    QCOMPARE(runs->runs().size(), 26);
    QVERIFY(!page.isColumnVisible(storeColumn));
    // A plain click shows one experiment alone, in whichever store.
    QVERIFY(showRuns(&page, [&] {
        selection->setCurrentIndex(mnist, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.shownStores(), QStringList({m_demo}));
    QCOMPARE(runs->runs().size(), Store::DemoStore::Counts::MnistRuns);
    // Ctrl+click within one store still adds experiments.
    QVERIFY(showRuns(&page, [&] {
        selection->setCurrentIndex(model->findExperiment(m_demo, QStringLiteral("tabular-gbm")),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.currentExperimentIds().size(), 2);
    QCOMPARE(runs->runs().size(),
             Store::DemoStore::Counts::MnistRuns + Store::DemoStore::Counts::GbmActiveRuns);
}

// Runs of two stores selected together in the run table are plotted and compared together, each
// read from its own store, with colours of their own.
void TestSeveralStores::runsOfTwoStoresChartedAndComparedTogether()
{
    Browser browser;
    browser.show();
    QVERIFY(browser.openStore(m_demo, QStringLiteral("mnist-cnn")));
    const QString demoRun = browser.idsOf({QStringLiteral("cnn-augment")}).value(0);
    browser.runs->addStore(m_fixture);
    QTRY_COMPARE(browser.runs->openStores().size(), 2);
    ExperimentListModel *model = browser.runs->experimentModel();
    QTRY_VERIFY(model->findExperiment(m_fixture, QStringLiteral("0")).isValid());
    QVERIFY(showRuns(browser.runs, [&] {
        browser.runs->experimentView()->selectionModel()->setCurrentIndex(
            model->findExperiment(m_fixture, QStringLiteral("0")),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    const RunTreeModel *runs = browser.runs->runModel();
    const int fixtureRow = runs->rowOfRun(m_fixture, [&] {
        for (int row = 0; row < runs->runs().size(); ++row) {
            if (runs->location(row) == m_fixture)
                return runs->runs().run(row).runId;
        }
        return QString();
    }());
    QVERIFY(fixtureRow >= 0);
    const QString fixtureRun = runs->runs().run(fixtureRow).runId;
    browser.runs->selectRuns({demoRun, fixtureRun});
    QCOMPARE(browser.runs->selectedRunRows().size(), 2);
    browser.resize(1400, 800);
    VERIFY_SCREENSHOT(&browser,
                      WidgetTestSupport::screenshotPath("KAIZEN_STORES_RUNS_PNG",
                                                        m_dir.filePath(QStringLiteral("runs.png"))));

    browser.setCurrentWidget(browser.compare);
    QTRY_COMPARE(browser.compare->runSources().size(), 2);
    QSet<QString> compared;
    for (const RunDiff::RunSource &source : browser.compare->runSources())
        compared.insert(source.location + QLatin1Char('/') + source.runId);
    QCOMPARE(compared,
             QSet<QString>({m_demo + QLatin1Char('/') + demoRun, m_fixture + QLatin1Char('/') + fixtureRun}));

    // Each run has the colour it has in the run table and the charts.
    QTRY_COMPARE(browser.compare->diff().runs.size(), 2);
    for (const RunDiff::RunInfo &info : browser.compare->diff().runs)
        QCOMPARE(info.colorKey(), runs->runKey(runs->rowOfRun(info.location, info.runId)));

    browser.setCurrentWidget(browser.charts);
    QTRY_COMPARE(browser.charts->runIds().size(), 2);
    const QStringList keys = browser.charts->runIds();
    QVERIFY(keys.contains(runs->runKey(fixtureRow)));
    QVERIFY(keys.contains(runs->runKey(runs->rowOfRun(m_demo, demoRun))));
    QVERIFY(RunColors::color(keys[0]) != RunColors::color(keys[1]));
    MetricCurveLoader *curves = browser.charts->curveLoader();
    QTRY_VERIFY(curves->curve(runs->runKey(runs->rowOfRun(m_demo, demoRun)), QStringLiteral("val_loss")));
    QTest::qWait(500);
    VERIFY_SCREENSHOT(&browser,
                      WidgetTestSupport::screenshotPath("KAIZEN_STORES_CHARTS_PNG",
                                                        m_dir.filePath(QStringLiteral("charts.png"))));
}

void TestSeveralStores::closingStores()
{
    RunsPage page;
    ChartsPage charts;
    QObject::connect(&page, &RunsPage::currentStoreChanged, &charts, &ChartsPage::setLocation);
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    QCOMPARE(charts.location(), m_demo);
    // Closing a store that does not show leaves the runs alone.
    QSignalSpy current(&page, &RunsPage::currentStoreChanged);
    page.closeStore(m_fixture);
    QCOMPARE(page.openStores(), QStringList({m_demo}));
    QCOMPARE(current.count(), 0);
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(page.experimentView()->rootIndex(), page.experimentModel()->indexOfStore(m_demo));

    // Closing the current store shows the first one left.
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QVERIFY(showRuns(&page, [&] { page.closeStore(m_fixture); }));
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(charts.location(), m_demo);
    QCOMPARE(page.currentExperimentIds(), QStringList({QStringLiteral("1")})); // mnist-cnn, as left
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);

    // Closing the last: nothing shows, nothing loads.
    current.clear();
    page.closeStore(m_demo);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.first().at(0).toString(), QString());
    QVERIFY(page.location().isEmpty());
    QVERIFY(charts.location().isEmpty());
    QVERIFY(page.openStores().isEmpty());
    QCOMPARE(page.runModel()->runs().size(), 0);
    QCOMPARE(page.experimentModel()->rowCount(), 0);
    QVERIFY(!page.isLoading());
    QVERIFY(!page.reloadAction()->isEnabled());
    // And a store opens again as the first did.
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("tabular-gbm")); }));
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmActiveRuns);
}

void TestSeveralStores::failingStoreLeavesTheOthers()
{
    RunsPage page;
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    QSignalSpy failed(&page, &RunsPage::openFailed);
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    page.addStore(missing);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).toString(), missing);
    QCOMPARE(page.openStores(), QStringList({m_demo}));
    QCOMPARE(page.experimentModel()->rowCount(), 1);
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);
    QVERIFY(!page.isLoading());
}

void TestSeveralStores::pinnedRunsCompareAcrossStores()
{
    Browser browser;
    browser.show();
    browser.setCurrentWidget(browser.compare);
    QVERIFY(browser.openStore(m_demo, QStringLiteral("mnist-cnn")));
    const QStringList demoRuns
        = browser.idsOf({QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")});
    browser.runs->selectRuns(demoRuns);
    QTRY_VERIFY(browser.compare->pinAction()->isEnabled());
    browser.compare->pinAction()->trigger();
    QCOMPARE(browser.compare->pinnedRuns().size(), 2);
    // The other store, chosen in the same tree: its selected run joins the pinned ones.
    QVERIFY(showRuns(browser.runs, [&] { browser.runs->openStore(m_fixture); }));
    QCOMPARE(browser.runs->openStores().size(), 2);
    const QString fixtureRun = browser.runs->runModel()->runs().run(0).runId;
    browser.runs->selectRuns({fixtureRun});
    QTRY_COMPARE(browser.compare->runSources().size(), 3);
    const QList<RunDiff::RunSource> compared = browser.compare->runSources();
    QCOMPARE(compared[0].location, m_demo);
    QCOMPARE(compared[2].location, m_fixture);
    QCOMPARE(compared[2].runId, fixtureRun);
}

// The charts given runs of two stores with the same ids (the demo store and its copy, where the
// copy's cnn-augment has lost its val_loss history): each curve is read from its own store, and
// the two runs of one id get colours of their own.
void TestSeveralStores::chartsPlotRunsOfTwoStores()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy.db"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_demo, copy));
    const auto read = [](const QString &path) {
        auto store = Store::openStore(path);
        return store ? *(*store)->runs({{QStringLiteral("1")}}) : Store::RunTable();
    };
    const Store::RunTable demoRuns = read(m_demo);
    int augment = -1;
    for (int row = 0; row < demoRuns.size(); ++row) {
        if (demoRuns.run(row).runName == QLatin1String("cnn-augment"))
            augment = row;
    }
    QVERIFY(augment >= 0);
    const QString id = demoRuns.run(augment).runId;
    Store::SqliteConnection db;
    QCOMPARE(db.open(copy, Store::SqliteConnection::Mode::ReadWrite, 1000).code, Store::Error::None);
    QCOMPARE(
        db.exec("DELETE FROM metrics WHERE key = 'val_loss' AND run_uuid = '" + id.toLatin1() + "';").code,
        Store::Error::None);

    ChartsPage charts;
    charts.resize(1200, 800);
    charts.show();
    charts.setLocation(m_demo);
    const MergedRuns shown = mergeRuns({{m_demo, demoRuns}, {copy, read(copy)}});
    const int copied = demoRuns.size() + augment; // the same run in the copy
    QSignalSpy loaded(&charts, &ChartsPage::curvesLoaded);
    charts.setRuns(shown, {augment, copied});
    QCOMPARE(charts.runIds(), QStringList({id, copy + QLatin1Char('\n') + id}));
    QTRY_VERIFY(!loaded.isEmpty());
    MetricCurveLoader *curves = charts.curveLoader();
    QTRY_VERIFY(curves->curve(id, QStringLiteral("val_loss"))
                && curves->curve(charts.runIds()[1], QStringLiteral("train_loss")));
    QVERIFY(!curves->curve(charts.runIds()[1], QStringLiteral("val_loss"))); // read from the copy
    QVERIFY(RunColors::color(charts.runIds()[0]) != RunColors::color(charts.runIds()[1]));
}

QTEST_MAIN(TestSeveralStores)
#include "tst_severalstores.moc"
