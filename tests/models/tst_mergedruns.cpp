#include "demostore.h"
#include "mergedruns.h"
#include "runtreemodel.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The runs of several stores in one table and one run tree: the demo store and a copy of it
// (the same run ids, as when a store and its backup are open), and MLflow's own fixture.
class TestMergedRuns : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void oneStoreIsTakenAsItIs();
    void storesMergeInOrder();
    void treeTellsRunsByStore();
    void updateKeepsStoresApart();

private:
    static Store::RunTable read(const QString &path, const QString &experimentId);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_copy;
    QString m_fixture;
};

Store::RunTable TestMergedRuns::read(const QString &path, const QString &experimentId)
{
    auto store = Store::openStore(path);
    if (!store)
        return {};
    auto runs = (*store)->runs({{experimentId}});
    return runs ? *runs : Store::RunTable();
}

void TestMergedRuns::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_copy = m_dir.filePath(QStringLiteral("copy.db"));
    QVERIFY(QFile::copy(m_demo, m_copy));
    m_fixture = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!m_fixture.isEmpty());
}

void TestMergedRuns::oneStoreIsTakenAsItIs()
{
    const Store::RunTable mnist = read(m_demo, QStringLiteral("1"));
    const MergedRuns merged = mergeRuns({{m_demo, mnist}});
    QCOMPARE(merged.runs.size(), mnist.size());
    QCOMPARE(&merged.runs.run(0), &mnist.run(0)); // shared, not copied
    QCOMPARE(merged.locations, QStringList({m_demo}));
    QCOMPARE(merged.location(3), m_demo);
}

void TestMergedRuns::storesMergeInOrder()
{
    const Store::RunTable mnist = read(m_demo, QStringLiteral("1"));
    const Store::RunTable fixture = read(m_fixture, QStringLiteral("0"));
    const MergedRuns merged = mergeRuns({{m_demo, mnist}, {m_fixture, fixture}});
    QCOMPARE(merged.runs.size(), mnist.size() + fixture.size());
    QCOMPARE(merged.locations, QStringList({m_demo, m_fixture}));
    // Each store's rows in their order, with every value under its key.
    for (int row = 0; row < merged.runs.size(); ++row) {
        const bool first = row < mnist.size();
        const Store::RunTable &from = first ? mnist : fixture;
        const int fromRow = first ? row : row - mnist.size();
        QCOMPARE(merged.location(row), first ? m_demo : m_fixture);
        QCOMPARE(merged.runs.run(row).runId, from.run(fromRow).runId);
        QCOMPARE(merged.runs.run(row).runName, from.run(fromRow).runName);
        QCOMPARE(merged.runs.run(row).parentRunId, from.run(fromRow).parentRunId);
        QCOMPARE(merged.runs.params(row).size(), from.params(fromRow).size());
        QCOMPARE(merged.runs.tags(row).size(), from.tags(fromRow).size());
        for (const auto &entry : from.params(fromRow)) {
            const QString &key = from.paramKeys().at(entry.key);
            QCOMPARE(merged.runs.param(row, key), std::optional<QString>(from.textString(entry)));
        }
        for (const auto &entry : from.metrics(fromRow)) {
            const Store::LatestMetric *metric = merged.runs.metric(row, from.metricKeys().at(entry.key));
            QVERIFY(metric);
            QCOMPARE(metric->storedValue(), entry.metric.storedValue());
            QCOMPARE(metric->step, entry.metric.step);
        }
    }
}

void TestMergedRuns::treeTellsRunsByStore()
{
    const Store::RunTable mnist = read(m_demo, QStringLiteral("1"));
    const Store::RunTable copy = read(m_copy, QStringLiteral("1"));
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(mergeRuns({{m_demo, mnist}, {m_copy, copy}}));
    model.setExperimentNames(m_demo, {{QStringLiteral("1"), QStringLiteral("mnist-cnn")}});
    model.setExperimentNames(m_copy, {{QStringLiteral("1"), QStringLiteral("mnist-copy")}});
    QCOMPARE(model.runs().size(), 2 * Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(model.locations(), QStringList({m_demo, m_copy}));

    // The same run id in both stores: two runs, told apart by their keys.
    const QString id = mnist.run(0).runId;
    const int inDemo = model.rowOfRun(m_demo, id);
    const int inCopy = model.rowOfRun(m_copy, id);
    QVERIFY(inDemo >= 0 && inCopy >= 0 && inDemo != inCopy);
    QCOMPARE(model.runKey(inDemo), id); // the first store's runs keep their ids as keys
    QCOMPARE(model.runKey(inCopy), m_copy + QLatin1Char('\n') + id);
    QCOMPARE(model.rowOfKey(model.runKey(inCopy)), inCopy);
    QCOMPARE(model.rowOfRun(id), inDemo);
    QCOMPARE(model.indexOfRow(inCopy).data(RunTreeModel::RunKeyRole).toString(), model.runKey(inCopy));
    QCOMPARE(model.indexOfRow(inCopy).data(RunTreeModel::RunIdRole).toString(), id);

    // Which store and experiment each run is of.
    QCOMPARE(model.indexOfRow(inDemo, RunTreeModel::StoreColumn).data().toString(),
             QStringLiteral("mlflow.db"));
    QCOMPARE(model.indexOfRow(inCopy, RunTreeModel::StoreColumn).data().toString(),
             QStringLiteral("copy.db"));
    QCOMPARE(model.indexOfRow(inCopy, RunTreeModel::ExperimentColumn).data().toString(),
             QStringLiteral("mnist-copy"));
    QVERIFY(model.indexOfRow(inCopy).data(Qt::ToolTipRole).toString().contains(QStringLiteral("copy.db")));

    // Nested runs stay under their parent of their own store.
    int nested = 0;
    for (int row = 0; row < model.runs().size(); ++row) {
        const int parent = model.parentRow(row);
        if (parent < 0)
            continue;
        ++nested;
        QCOMPARE(model.location(parent), model.location(row));
        QCOMPARE(model.runs().run(parent).runId, model.runs().run(row).parentRunId);
    }
    QVERIFY(nested >= 2);
    RunTreeModel single;
    single.setRuns(mnist);
    QCOMPARE(model.rowCount(), 2 * single.rowCount()); // each store's top-level runs
}

void TestMergedRuns::updateKeepsStoresApart()
{
    const Store::RunTable mnist = read(m_demo, QStringLiteral("1"));
    const Store::RunTable copy = read(m_copy, QStringLiteral("1"));
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(mergeRuns({{m_demo, mnist}, {m_copy, copy}}));
    const QPersistentModelIndex copied = model.indexOfRow(model.rowOfRun(m_copy, mnist.run(0).runId));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    // The same stores read again: values change in place, each run keeps its index.
    QVERIFY(model.updateRuns(mergeRuns({{m_demo, mnist}, {m_copy, copy}})));
    QCOMPARE(resets.count(), 0);
    QVERIFY(copied.isValid());
    QCOMPARE(model.location(model.runRow(copied)), m_copy);
    // Other stores: laid out again.
    QVERIFY(!model.updateRuns(mergeRuns({{m_copy, copy}, {m_demo, mnist}})));
    QCOMPARE(resets.count(), 1);
}

QTEST_MAIN(TestMergedRuns)
#include "tst_mergedruns.moc"
