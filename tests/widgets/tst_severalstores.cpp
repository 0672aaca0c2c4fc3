#include "chartspage.h"
#include "comparepage.h"
#include "demostore.h"
#include "experimentlistmodel.h"
#include "experimentpane.h"
#include "mergedruns.h"
#include "metriccurveloader.h"
#include "runcolors.h"
#include "runloader.h"
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
// of the store chosen there shown, closed one by one. Real stores: the demo store and MLflow's
// own fixture (both have an experiment 0, "Default").
class TestSeveralStores : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void storesAreGroupedAndChosenByExperiment();
    void experimentsOfOneStoreAtATime();
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

void TestSeveralStores::experimentsOfOneStoreAtATime()
{
    RunsPage page;
    ExperimentListModel *model = page.experimentModel();
    QItemSelectionModel *selection = page.experimentView()->selectionModel();
    QVERIFY(showRuns(&page, [&] { page.openStore(m_fixture); }));
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    // Ctrl+click on an experiment of the other store: that store's experiment alone is shown,
    // the first store's selection goes (runs of one store at a time).
    const QModelIndex other = model->findExperiment(m_fixture, QStringLiteral("0"));
    QVERIFY(showRuns(&page, [&] {
        selection->setCurrentIndex(other, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_fixture);
    QCOMPARE(selection->selectedRows(), QModelIndexList({other}));
    QCOMPARE(page.runModel()->runs().size(), 26);
    // Ctrl+click within one store still adds experiments.
    QVERIFY(showRuns(&page, [&] { page.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    QVERIFY(showRuns(&page, [&] {
        selection->setCurrentIndex(model->findExperiment(m_demo, QStringLiteral("tabular-gbm")),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.currentExperimentIds().size(), 2);
    QCOMPARE(page.runModel()->runs().size(),
             Store::DemoStore::Counts::MnistRuns + Store::DemoStore::Counts::GbmActiveRuns);
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
