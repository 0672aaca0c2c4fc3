#include "demostore.h"
#include "openstores.h"
#include "refreshscheduler.h"
#include "runloader.h"
#include "shownruns.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The runs of experiments chosen in several stores, as one table: real stores (the demo store and
// MLflow 1.2's fixture, whose experiment 0 has 26 runs).
class TestShownRuns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runsOfTwoStoresInOneTable();
    void storeWhoseChoiceStayedIsNotReadAgain();
    void refreshIsQuietAndReadAgain();

private:
    // Opens both stores and waits for their experiments.
    bool openBoth(OpenStores &stores);
    // The runsReady signals until a complete one (false: none came in time).
    static bool waitComplete(QSignalSpy &ready);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_fixture;
};

void TestShownRuns::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_fixture = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!m_fixture.isEmpty());
}

bool TestShownRuns::openBoth(OpenStores &stores)
{
    QSignalSpy opened(&stores, &OpenStores::opened);
    stores.open(m_demo, Store::ViewType::ActiveOnly);
    stores.open(m_fixture, Store::ViewType::ActiveOnly);
    while (opened.count() < 2) {
        if (!opened.wait(10000))
            return false;
    }
    return true;
}

bool TestShownRuns::waitComplete(QSignalSpy &ready)
{
    while (ready.isEmpty() || !ready.last().at(1).toBool()) {
        if (!ready.wait(10000))
            return false;
    }
    return true;
}

void TestShownRuns::runsOfTwoStoresInOneTable()
{
    OpenStores stores;
    QVERIFY(openBoth(stores));
    ShownRuns shown(&stores);
    QSignalSpy ready(&shown, &ShownRuns::runsReady);
    QSignalSpy locations(&shown, &ShownRuns::locationsChanged);
    shown.show({{m_demo, {QStringLiteral("1")}}, {m_fixture, {QStringLiteral("0")}}},
               Store::ViewType::ActiveOnly);
    QCOMPARE(locations.count(), 1);
    QCOMPARE(locations.first().at(0).toStringList(), QStringList({m_demo, m_fixture}));
    QVERIFY(shown.isLoading());
    QVERIFY(waitComplete(ready));
    QVERIFY(!shown.isLoading());
    const auto merged = ready.last().at(0).value<MergedRuns>();
    QCOMPARE(merged.locations, QStringList({m_demo, m_fixture}));
    QCOMPARE(merged.runs.size(), Store::DemoStore::Counts::MnistRuns + 26);
    QCOMPARE(merged.location(0), m_demo);
    QCOMPARE(merged.location(merged.runs.size() - 1), m_fixture);
    // Every delivery has both stores, read or not yet: a run's key never changes.
    for (const QList<QVariant> &delivery : std::as_const(ready))
        QCOMPARE(delivery.at(0).value<MergedRuns>().locations, merged.locations);
    QVERIFY(!ready.last().at(2).toBool()); // not a refresh
}

void TestShownRuns::storeWhoseChoiceStayedIsNotReadAgain()
{
    OpenStores stores;
    QVERIFY(openBoth(stores));
    ShownRuns shown(&stores);
    QSignalSpy ready(&shown, &ShownRuns::runsReady);
    shown.show({{m_demo, {QStringLiteral("1")}}}, Store::ViewType::ActiveOnly);
    QVERIFY(waitComplete(ready));
    // The fixture's experiment joins: only the fixture is read.
    QSignalSpy demoLoads(stores.loader(m_demo), &RunLoader::loadingChanged);
    ready.clear();
    shown.show({{m_demo, {QStringLiteral("1")}}, {m_fixture, {QStringLiteral("0")}}},
               Store::ViewType::ActiveOnly);
    QVERIFY(waitComplete(ready));
    QCOMPARE(demoLoads.count(), 0);
    QCOMPARE(ready.last().at(0).value<MergedRuns>().runs.size(), Store::DemoStore::Counts::MnistRuns + 26);
    // The fixture goes again: the demo's runs show at once, from what was read.
    ready.clear();
    shown.show({{m_demo, {QStringLiteral("1")}}}, Store::ViewType::ActiveOnly);
    QCOMPARE(ready.count(), 1);
    QVERIFY(ready.last().at(1).toBool());
    QCOMPARE(ready.last().at(0).value<MergedRuns>().runs.size(), Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(demoLoads.count(), 0);
}

void TestShownRuns::refreshIsQuietAndReadAgain()
{
    OpenStores stores;
    QVERIFY(openBoth(stores));
    ShownRuns shown(&stores);
    // The experiments are read again as the run browser does, then the runs.
    connect(&shown, &ShownRuns::refreshDue, &stores,
            [&](const QString &location) { stores.reload(location, Store::ViewType::ActiveOnly); });
    connect(&stores, &OpenStores::experimentsLoaded, &shown,
            [&](const QString &location) { shown.readAgain(location, Store::ViewType::ActiveOnly); });
    QSignalSpy ready(&shown, &ShownRuns::runsReady);
    QSignalSpy loading(&shown, &ShownRuns::loadingChanged);
    shown.show({{m_demo, {QStringLiteral("1")}}, {m_fixture, {QStringLiteral("0")}}},
               Store::ViewType::ActiveOnly);
    QVERIFY(waitComplete(ready));
    ready.clear();
    loading.clear();
    shown.refresh(m_fixture);
    QVERIFY(shown.refreshScheduler()->isReading(m_fixture));
    QVERIFY(!shown.isLoading()); // a refresh is no load
    QVERIFY(waitComplete(ready));
    QVERIFY(ready.last().at(2).toBool()); // quiet
    QCOMPARE(ready.last().at(0).value<MergedRuns>().runs.size(), Store::DemoStore::Counts::MnistRuns + 26);
    QVERIFY(!shown.refreshScheduler()->isReading(m_fixture));
    for (const QList<QVariant> &change : std::as_const(loading))
        QVERIFY(!change.at(0).toBool());
    // A store whose runs do not show is not refreshed.
    QSignalSpy due(&shown, &ShownRuns::refreshDue);
    shown.show({{m_demo, {QStringLiteral("1")}}}, Store::ViewType::ActiveOnly);
    shown.refresh(m_fixture);
    QCOMPARE(due.count(), 0);
}

QTEST_GUILESS_MAIN(TestShownRuns)
#include "tst_shownruns.moc"
