#include "nestedrunsstore.h"
#include "runsortfilterproxy.h"
#include "runtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace NestedRunsStore;

// The run-id filter of RunSortFilterProxy (the runs brushed in the compare plots), alone and
// together with the search filter. Sorting and the search filter alone are in tst_runtreemodel.
class TestRunSortFilterProxy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void runIdFilterShowsOnlyThoseRuns();
    void runIdFilterKeepsParentsAsContext();
    void runIdFilterCombinesWithSearchFilter();
    void emptyRunIdFilterMatchesNothing();
    void runIdFilterSurvivesNewRuns();

private:
    // Names of the children of `parent` in `model`'s order.
    static QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {});

    QTemporaryDir m_dir;
    Store::RunTable m_runs;
};

QStringList TestRunSortFilterProxy::names(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result.append(model.index(row, RunTreeModel::NameColumn, parent).data().toString());
    return result;
}

void TestRunSortFilterProxy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = build(m_dir);
    QVERIFY(!path.isEmpty());
    m_runs = read(path);
    QCOMPARE(m_runs.size(), NestedRunCount);
}

void TestRunSortFilterProxy::runIdFilterShowsOnlyThoseRuns()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.sort(RunTreeModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(names(proxy), QStringList({"nan-run", "orphan", "solo", "sweep"}));
    QVERIFY(!proxy.hasRunIdFilter());
    QVERIFY(!proxy.isFiltered());

    proxy.setRunIdFilter({runId(Solo), runId(Orphan)});
    QVERIFY(proxy.hasRunIdFilter());
    QVERIFY(proxy.isFiltered());
    QCOMPARE(names(proxy), QStringList({"orphan", "solo"}));
    QCOMPARE(proxy.matchCount(), 2);
    QVERIFY(proxy.isMatch(model.rowOfRun(runId(Solo))));
    QVERIFY(!proxy.isMatch(model.rowOfRun(runId(NanRun))));
    QCOMPARE(proxy.index(0, 0).data(RunSortFilterProxy::IsContextRole).toBool(), false);

    proxy.clearRunIdFilter();
    QVERIFY(!proxy.hasRunIdFilter());
    QCOMPARE(names(proxy), QStringList({"nan-run", "orphan", "solo", "sweep"}));
    QCOMPARE(proxy.matchCount(), NestedRunCount);
}

void TestRunSortFilterProxy::runIdFilterKeepsParentsAsContext()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.sort(RunTreeModel::NameColumn, Qt::AscendingOrder);

    // grand is nested two deep: sweep and child-a stay, greyed, so that it keeps its place.
    proxy.setRunIdFilter({runId(Grand)});
    QCOMPARE(names(proxy), QStringList({"sweep"}));
    const QModelIndex sweep = proxy.index(0, 0);
    QCOMPARE(names(proxy, sweep), QStringList({"child-a"}));
    const QModelIndex childA = proxy.index(0, 0, sweep);
    QCOMPARE(names(proxy, childA), QStringList({"grand"}));
    QCOMPARE(sweep.data(RunSortFilterProxy::IsContextRole).toBool(), true);
    QCOMPARE(childA.data(RunSortFilterProxy::IsContextRole).toBool(), true);
    QCOMPARE(proxy.index(0, 0, childA).data(RunSortFilterProxy::IsContextRole).toBool(), false);
    QCOMPARE(proxy.matchCount(), 1);
}

void TestRunSortFilterProxy::runIdFilterCombinesWithSearchFilter()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.sort(RunTreeModel::NameColumn, Qt::AscendingOrder);

    // lr = 0.1: grand and child-b; brushed: child-b and solo. Both filters: child-b alone.
    proxy.setFilter(SearchFilter::parse(QStringLiteral("params.lr = '0.1'")));
    proxy.setRunIdFilter({runId(ChildB), runId(Solo)});
    QCOMPARE(proxy.matchCount(), 1);
    QCOMPARE(names(proxy), QStringList({"sweep"}));
    QCOMPARE(names(proxy, proxy.index(0, 0)), QStringList({"child-b"}));

    // Clearing the brush leaves the search filter applied.
    proxy.clearRunIdFilter();
    QVERIFY(proxy.isFiltered());
    QCOMPARE(proxy.matchCount(), 2);
    // Clearing the search filter leaves the brush applied.
    proxy.setRunIdFilter({runId(ChildB), runId(Solo)});
    proxy.setFilter(SearchFilter::parse(QString()));
    QCOMPARE(proxy.matchCount(), 2);
    QCOMPARE(names(proxy), QStringList({"solo", "sweep"}));
}

void TestRunSortFilterProxy::emptyRunIdFilterMatchesNothing()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.setRunIdFilter({});
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(proxy.matchCount(), 0);
    proxy.clearRunIdFilter();
    QCOMPARE(proxy.rowCount(), 4);
}

void TestRunSortFilterProxy::runIdFilterSurvivesNewRuns()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    proxy.setRunIdFilter({runId(Solo), runId(NanRun)});
    QCOMPARE(proxy.rowCount(), 0);
    model.setRuns(m_runs); // the runs arrive after the filter: it applies to them
    proxy.sort(RunTreeModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(names(proxy), QStringList({"nan-run", "solo"}));
    QCOMPARE(proxy.matchCount(), 2);
}

QTEST_MAIN(TestRunSortFilterProxy)
#include "tst_runsortfilterproxy.moc"
