#include "nestedrunsstore.h"
#include "runcolors.h"
#include "runformat.h"
#include "runsortfilterproxy.h"
#include "runtreemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <tuple>

using namespace NestedRunsStore;

class TestRunTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void treeStructure();
    void orphansAndCyclesAreTopLevel();
    void columnsAndHeaders();
    void displayAndSortValues();
    void experimentColumn();
    void experimentNamesEmitDataChanged();
    void sortByExperimentFollowsNames();
    void runColorsAreStable();
    void formatting_data();
    void formatting();
    void fixtureWithoutParams();
    void replacingRunsKeepsIndexesValid();
    void updateInsertsNewRunsInPlace();
    void updateWithNewColumnsResets();
    void sortOrder_data();
    void sortOrder();
    void sortParamsNumerically();
    void filterKeepsParentsOfMatches();
    void invalidFilterKeepsPreviousResult();
    void filterSurvivesNewRuns();

private:
    // Names of the children of `parent` in `model`'s order.
    static QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {});
    // The experiment column of the top-level rows of `model`, in its order.
    static QStringList experiments(const QAbstractItemModel &model);
    // The runs of both experiments ("nested" and "cycle") in one table, as the runs page reads them.
    Store::RunTable readBoth() const;

    QTemporaryDir m_dir;
    QString m_path;
    Store::RunTable m_runs;
};

QStringList TestRunTreeModel::names(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result.append(model.index(row, RunTreeModel::NameColumn, parent).data().toString());
    return result;
}

QStringList TestRunTreeModel::experiments(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, RunTreeModel::ExperimentColumn).data().toString());
    return result;
}

Store::RunTable TestRunTreeModel::readBoth() const
{
    auto reader = Store::openStore(m_path);
    if (!reader)
        return {};
    Store::RunQuery query;
    query.experimentIds = {QStringLiteral("1"), QStringLiteral("2")};
    auto runs = (*reader)->runs(query);
    return runs ? *runs : Store::RunTable();
}

void TestRunTreeModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = build(m_dir);
    QVERIFY(!m_path.isEmpty());
    m_runs = read(m_path);
    QCOMPARE(m_runs.size(), NestedRunCount);
}

void TestRunTreeModel::treeStructure()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(m_runs);

    // Top level in MLflow's order (newest first); children under their parents.
    QCOMPARE(names(model), QStringList({"solo", "nan-run", "orphan", "sweep"}));
    const QModelIndex sweep = model.indexOfRun(runId(Sweep));
    QVERIFY(sweep.isValid());
    QVERIFY(!sweep.parent().isValid());
    QCOMPARE(names(model, sweep), QStringList({"child-b", "child-a"}));
    const QModelIndex childA = model.indexOfRun(runId(ChildA));
    QCOMPARE(childA.parent(), sweep);
    QCOMPARE(names(model, childA), QStringList({"grand"}));
    QCOMPARE(model.rowCount(model.indexOfRun(runId(Grand))), 0);
    QCOMPARE(model.indexOfRun(runId(Grand)).parent(), childA);
    QCOMPARE(model.runId(model.index(0, 0, childA)), runId(Grand));
    QCOMPARE(model.parentRow(model.rowOfRun(runId(Grand))), model.rowOfRun(runId(ChildA)));
    // Cells of other columns share the row's parent.
    QCOMPARE(model.index(1, RunTreeModel::StatusColumn, sweep).parent(), sweep);
    QCOMPARE(model.runRow(model.index(1, RunTreeModel::StatusColumn, sweep)), model.rowOfRun(runId(ChildA)));
    QCOMPARE(model.rowCount(model.index(0, RunTreeModel::StatusColumn, sweep.parent())), 0);
    QVERIFY(!model.indexOfRun(QStringLiteral("no-such-run")).isValid());
}

void TestRunTreeModel::orphansAndCyclesAreTopLevel()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(m_runs);
    const QModelIndex orphan = model.indexOfRun(runId(Orphan));
    QVERIFY(orphan.isValid());
    QVERIFY(!orphan.parent().isValid());

    // c1 -> c2 -> c1: one of them must become a root so that both stay reachable.
    const Store::RunTable cycle = read(m_path, QStringLiteral("2"));
    QCOMPARE(cycle.size(), 2);
    model.setRuns(cycle);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(model.rowCount(root), 1);
    QCOMPARE(model.rowCount(model.index(0, 0, root)), 0);
}

void TestRunTreeModel::columnsAndHeaders()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(RunTreeModel::FixedColumnCount));
    model.setRuns(m_runs);
    QCOMPARE(model.columnCount(), RunTreeModel::FixedColumnCount + 3);
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(headers,
             QStringList({"Name", "Experiment", "Store", "Status", "Start time", "Duration", "User", "Source",
                          "metrics.acc", "metrics.loss", "params.lr"}));
    // Metrics first: they are what runs are compared by.
    QCOMPARE(model.columnKind(RunTreeModel::FixedColumnCount), RunTreeModel::ColumnKind::Metric);
    QCOMPARE(model.columnKind(RunTreeModel::FixedColumnCount + 2), RunTreeModel::ColumnKind::Param);
    QCOMPARE(model.columnKey(RunTreeModel::StatusColumn), QStringLiteral("attributes.status"));
    QCOMPARE(model.columnKey(RunTreeModel::ExperimentColumn), QStringLiteral("attributes.experiment_name"));
    QCOMPARE(model.columnOfKey(QStringLiteral("attributes.experiment_name")),
             int(RunTreeModel::ExperimentColumn));
    QCOMPARE(model.columnKind(RunTreeModel::ExperimentColumn), RunTreeModel::ColumnKind::Attribute);
    QCOMPARE(model.columnOfKey(QStringLiteral("metrics.loss")), RunTreeModel::FixedColumnCount + 1);
    QCOMPARE(model.columnOfKey(QStringLiteral("metrics.nope")), -1);
    QCOMPARE(model.headerData(RunTreeModel::FixedColumnCount + 2, Qt::Horizontal, RunTreeModel::ColumnKeyRole)
                 .toString(),
             QStringLiteral("params.lr"));
}

void TestRunTreeModel::displayAndSortValues()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(m_runs);
    const int lr = model.columnOfKey(QStringLiteral("params.lr"));
    const int acc = model.columnOfKey(QStringLiteral("metrics.acc"));
    const QModelIndex childB = model.indexOfRun(runId(ChildB));
    const auto cell = [&](const QString &id, int column, int role = Qt::DisplayRole) {
        return model.indexOfRun(id, column).data(role);
    };
    QCOMPARE(childB.data().toString(), QStringLiteral("child-b"));
    QCOMPARE(childB.data(RunTreeModel::RunIdRole).toString(), runId(ChildB));
    QCOMPARE(cell(runId(ChildB), RunTreeModel::StatusColumn).toString(), QStringLiteral("FINISHED"));
    QCOMPARE(cell(runId(ChildB), RunTreeModel::DurationColumn).toString(), QStringLiteral("1m 30s"));
    QCOMPARE(cell(runId(ChildB), RunTreeModel::DurationColumn, RunTreeModel::SortRole).toLongLong(), 90000);
    QCOMPARE(cell(runId(ChildB), RunTreeModel::StartTimeColumn, RunTreeModel::SortRole).toLongLong(),
             1700000000000 + ChildB * 60000);
    QCOMPARE(cell(runId(ChildB), RunTreeModel::UserColumn).toString(), QStringLiteral("ada"));
    QCOMPARE(cell(runId(ChildB), RunTreeModel::SourceColumn).toString(), QStringLiteral("train.py"));
    QCOMPARE(cell(runId(ChildB), RunTreeModel::SourceColumn, Qt::ToolTipRole).toString(),
             QStringLiteral("/home/ada/train.py"));
    QCOMPARE(cell(runId(ChildB), lr).toString(), QStringLiteral("0.1"));
    QCOMPARE(cell(runId(ChildB), acc).toString(), QStringLiteral("0.9"));
    QCOMPARE(cell(runId(ChildB), acc, RunTreeModel::SortRole).toDouble(), 0.9);
    // NaN is a value; a missing metric or param has none.
    QCOMPARE(cell(runId(ChildA), acc).toString(), QStringLiteral("NaN"));
    QVERIFY(std::isnan(cell(runId(ChildA), acc, RunTreeModel::SortRole).toDouble()));
    QCOMPARE(cell(runId(Orphan), acc).toString(), QString());
    QVERIFY(!cell(runId(Orphan), acc, RunTreeModel::SortRole).isValid());
    QVERIFY(!cell(runId(Orphan), lr, RunTreeModel::SortRole).isValid());
    QCOMPARE(cell(runId(Solo), acc, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestRunTreeModel::experimentColumn()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(readBoth());
    QCOMPARE(model.runs().size(), NestedRunCount + 2);
    const auto cell = [&](Run run, int role) {
        return model.indexOfRun(runId(run), RunTreeModel::ExperimentColumn).data(role);
    };
    // Without names: the experiment's id.
    QCOMPARE(cell(ChildB, Qt::DisplayRole).toString(), QStringLiteral("1"));
    QCOMPARE(cell(ChildB, RunTreeModel::SortRole).toString(), QStringLiteral("1"));
    QCOMPARE(cell(Cycle1, Qt::ToolTipRole).toString(), QStringLiteral("Experiment ID: 2"));

    model.setExperimentNames(
        {{QStringLiteral("1"), QStringLiteral("nested")}, {QStringLiteral("2"), QStringLiteral("cycle")}});
    QCOMPARE(cell(ChildB, Qt::DisplayRole).toString(), QStringLiteral("nested"));
    QCOMPARE(cell(Grand, RunTreeModel::SortRole).toString(), QStringLiteral("nested"));
    QCOMPARE(cell(Cycle1, Qt::DisplayRole).toString(), QStringLiteral("cycle"));
    QCOMPARE(cell(Cycle1, Qt::ToolTipRole).toString(), QStringLiteral("Experiment: cycle\nID: 2"));
    QCOMPARE(model.indexOfRun(runId(Cycle1)).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Run %1\nExperiment: cycle").arg(runId(Cycle1)));
    QCOMPARE(model.headerData(RunTreeModel::ExperimentColumn, Qt::Horizontal).toString(),
             QStringLiteral("Experiment"));
    QCOMPARE(model.headerData(RunTreeModel::ExperimentColumn, Qt::Horizontal, RunTreeModel::ColumnKeyRole)
                 .toString(),
             QStringLiteral("attributes.experiment_name"));
}

void TestRunTreeModel::experimentNamesEmitDataChanged()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QHash<QString, QString> names {{QStringLiteral("1"), QStringLiteral("nested")},
                                         {QStringLiteral("2"), QStringLiteral("cycle")}};
    model.setExperimentNames(names); // no rows yet: nothing to announce
    QCOMPARE(changed.count(), 0);
    model.setRuns(readBoth());
    model.setExperimentNames({});
    // Every run's experiment cell is announced, nested ones under their parent.
    QSet<QString> announced;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        QVERIFY(topLeft.column() <= RunTreeModel::ExperimentColumn);
        QVERIFY(bottomRight.column() >= RunTreeModel::ExperimentColumn);
        QVERIFY(signal.at(2).value<QList<int>>().contains(Qt::DisplayRole));
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            announced.insert(model.runId(topLeft.siblingAtRow(row)));
    }
    QCOMPARE(announced.size(), NestedRunCount + 2);
    QCOMPARE(model.indexOfRun(runId(Grand), RunTreeModel::ExperimentColumn).data().toString(),
             QStringLiteral("1"));
    changed.clear();
    model.setExperimentNames(names);
    QVERIFY(!changed.isEmpty());
    changed.clear();
    model.setExperimentNames(names);
    QCOMPARE(changed.count(), 0);
}

void TestRunTreeModel::sortByExperimentFollowsNames()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(readBoth());
    // Before the names arrive, by id (as numbers).
    proxy.sort(RunTreeModel::ExperimentColumn, Qt::AscendingOrder);
    QCOMPARE(experiments(proxy), QStringList({"1", "1", "1", "1", "2"}));
    // Names re-sort the rows (the proxy's cached sort keys must not keep the old ones).
    model.setExperimentNames(
        {{QStringLiteral("1"), QStringLiteral("nested")}, {QStringLiteral("2"), QStringLiteral("cycle")}});
    QCOMPARE(experiments(proxy), QStringList({"cycle", "nested", "nested", "nested", "nested"}));
    model.setExperimentNames({{QStringLiteral("1"), QStringLiteral("a-nested")},
                              {QStringLiteral("2"), QStringLiteral("z-cycle")}});
    QCOMPARE(experiments(proxy), QStringList({"a-nested", "a-nested", "a-nested", "a-nested", "z-cycle"}));
    proxy.sort(RunTreeModel::ExperimentColumn, Qt::DescendingOrder);
    QCOMPARE(experiments(proxy), QStringList({"z-cycle", "a-nested", "a-nested", "a-nested", "a-nested"}));
}

void TestRunTreeModel::runColorsAreStable()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(m_runs);
    const QVariant decoration = model.indexOfRun(runId(Solo)).data(Qt::DecorationRole);
    QCOMPARE(decoration.value<QColor>(), RunColors::color(runId(Solo)));
    QVERIFY(!model.indexOfRun(runId(Solo), RunTreeModel::StatusColumn).data(Qt::DecorationRole).isValid());
    // Fixed across sessions and Qt versions (FNV-1a), and spread over the palette.
    QCOMPARE(RunColors::paletteIndex(QStringLiteral("f662d9fdd072422899f1a91dca132e45")),
             RunColors::paletteIndex(QStringLiteral("f662d9fdd072422899f1a91dca132e45")));
    QCOMPARE(RunColors::paletteIndex(QString()), int(2166136261u % 20));
    QSet<int> used;
    for (int n = 0; n < 200; ++n)
        used.insert(RunColors::paletteIndex(runId(n)));
    QCOMPARE(used.size(), RunColors::palette().size());
    // Twenty runs first asked for one after another all differ, and keep their colours.
    QSet<QRgb> first;
    for (int n = 1000; n < 1020; ++n)
        first.insert(RunColors::color(runId(n)).rgb());
    QCOMPARE(first.size(), 20);
    QCOMPARE(RunColors::color(runId(1000)), RunColors::color(runId(1000)));
}

void TestRunTreeModel::formatting_data()
{
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("expected");
    QTest::addRow("ms") << RunFormat::duration(850) << "850 ms";
    QTest::addRow("seconds") << RunFormat::duration(12440) << "12.4 s";
    QTest::addRow("minutes") << RunFormat::duration(4 * 60000 + 5000) << "4m 05s";
    QTest::addRow("hours") << RunFormat::duration(2 * 3600000 + 3 * 60000 + 59000) << "2h 03m";
    QTest::addRow("days") << RunFormat::duration(3 * 86400000LL + 4 * 3600000) << "3d 04h";
    QTest::addRow("negative") << RunFormat::duration(-1) << "";
    QTest::addRow("no time") << RunFormat::dateTime(Store::NoTime) << "";
    QTest::addRow("nan") << RunFormat::metricValue(std::nan("")) << "NaN";
    QTest::addRow("+inf sentinel") << RunFormat::metricValue(std::numeric_limits<double>::max()) << "inf";
    QTest::addRow("-inf") << RunFormat::metricValue(-std::numeric_limits<double>::infinity()) << "-inf";
    QTest::addRow("six digits") << RunFormat::metricValue(0.123456789) << "0.123457";
    QTest::addRow("large") << RunFormat::metricValue(12345678.0) << "1.23457e+07";
}

void TestRunTreeModel::formatting()
{
    QFETCH(QString, shown);
    QFETCH(QString, expected);
    QCOMPARE(shown, expected);
}

void TestRunTreeModel::fixtureWithoutParams()
{
    // MLflow 1.2's own database: no params, no run names, four metrics and metric_eq_ts_step.
    auto reader
        = Store::openStore(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")));
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message));
    auto runs = (*reader)->runs({});
    QVERIFY(runs);
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(*runs);
    QCOMPARE(model.rowCount(), 26);
    QCOMPARE(model.columnKeys().mid(RunTreeModel::FixedColumnCount),
             QStringList({"metrics.metric_0", "metrics.metric_1", "metrics.metric_2", "metrics.metric_3",
                          "metrics.metric_eq_ts_step"}));
    // Without a name the run id is shown.
    const QModelIndex first = model.index(0, RunTreeModel::NameColumn);
    QCOMPARE(first.data().toString(), model.runId(first));
    // The latest of four values logged at the same step and time is the largest (MLflow's rule).
    const QModelIndex eq = model.indexOfRun(QStringLiteral("f662d9fdd072422899f1a91dca132e45"),
                                            model.columnOfKey(QStringLiteral("metrics.metric_eq_ts_step")));
    QCOMPARE(eq.data().toString(), QStringLiteral("4.7"));
    QCOMPARE(model.index(0, RunTreeModel::SourceColumn).data(Qt::ToolTipRole).toString().isEmpty(), false);
}

void TestRunTreeModel::replacingRunsKeepsIndexesValid()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(m_runs);
    model.setRuns(Store::RunTable());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RunTreeModel::FixedColumnCount));
    model.setRuns(m_runs);
    QCOMPARE(model.rowCount(), 4);
}

namespace {

// A store of experiment 1 holding `runs` (name, parent name or empty, status, acc or -1), each run
// id derived from its name, so that two such stores hold the "same" runs: the store before and
// after a training script wrote to it.
Store::RunTable liveStore(const QTemporaryDir &dir, const QString &file,
                          const QList<std::tuple<QString, QString, QString, double>> &runs)
{
    const QString path = dir.filePath(file);
    auto created = Store::StoreBuilder::create(path);
    if (!created)
        return {};
    Store::StoreBuilder &b = **created;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("live")});
    const auto idOf = [](const QString &name) {
        return QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex());
    };
    qint64 start = 1700000000000;
    for (const auto &[name, parent, status, acc] : runs) {
        Store::RunSpec spec;
        spec.experimentId = experiment;
        spec.runId = idOf(name);
        spec.name = name;
        spec.status = status;
        spec.startTime = start -= 60000; // the table's order: newest first, as listed
        spec.parentRunId = parent.isEmpty() ? QString() : idOf(parent);
        b.addRun(spec);
        if (acc >= 0)
            b.logMetric(spec.runId, QStringLiteral("acc"), acc, start, 1);
        b.logParam(spec.runId, QStringLiteral("lr"), QStringLiteral("0.1"));
    }
    if (!b.finish().ok())
        return {};
    return NestedRunsStore::read(path);
}

} // namespace

void TestRunTreeModel::updateInsertsNewRunsInPlace()
{
    const QString running = QStringLiteral("RUNNING");
    const QString finished = QStringLiteral("FINISHED");
    const QString none;
    const Store::RunTable before = liveStore(m_dir, QStringLiteral("before.db"),
                                             {{"sweep", none, running, 0.5},
                                              {"trial-1", "sweep", finished, 0.6},
                                              {"baseline", none, finished, 0.4}});
    // The sweep's next trial and a new top-level run start (newest first in the table, so their
    // table rows come before the old ones); trial-1's parent finishes with a new value.
    const Store::RunTable after = liveStore(m_dir, QStringLiteral("after.db"),
                                            {{"solo", none, running, 0.1},
                                             {"trial-2", "sweep", running, 0.2},
                                             {"sweep", none, finished, 0.9},
                                             {"trial-1", "sweep", finished, 0.6},
                                             {"baseline", none, finished, 0.4}});
    QCOMPARE(before.size(), 3);
    QCOMPARE(after.size(), 5);

    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(before);
    const QPersistentModelIndex trial1 = model.indexOfRun(before.run(1).runId);
    QCOMPARE(trial1.data().toString(), QStringLiteral("trial-1"));
    const int accColumn = model.columnOfKey(QStringLiteral("metrics.acc"));
    const QPersistentModelIndex sweepAcc = model.indexOfRun(before.run(0).runId, accColumn);
    QCOMPARE(sweepAcc.data(RunTreeModel::SortRole).toDouble(), 0.5);

    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.updateRuns(after));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    // One insertion at the top level (solo) and one under the sweep (trial-2), each after the rows
    // there before.
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex());
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(1).at(0).value<QModelIndex>().data().toString(), QStringLiteral("sweep"));
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QVERIFY(changed.count() > 0);
    QCOMPARE(names(model), QStringList({"sweep", "baseline", "solo"}));
    QCOMPARE(names(model, model.indexOfRun(after.run(2).runId)), QStringList({"trial-1", "trial-2"}));
    // Indexes the views hold still name their runs, with the new values.
    QVERIFY(trial1.isValid());
    QCOMPARE(trial1.data().toString(), QStringLiteral("trial-1"));
    QCOMPARE(model.runId(trial1), after.run(3).runId);
    QCOMPARE(sweepAcc.data(RunTreeModel::SortRole).toDouble(), 0.9);
    QCOMPARE(model.indexOfRun(after.run(2).runId, RunTreeModel::StatusColumn).data().toString(), finished);
    QCOMPARE(model.parentRow(model.rowOfRun(after.run(1).runId)), model.rowOfRun(after.run(2).runId));

    // Read again unchanged: nothing inserted, nothing reset.
    inserted.clear();
    QVERIFY(model.updateRuns(after));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestRunTreeModel::updateWithNewColumnsResets()
{
    RunTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Store::RunTable noMetrics = liveStore(m_dir, QStringLiteral("nometrics.db"),
                                                {{"fresh", QString(), QStringLiteral("RUNNING"), -1}});
    model.setRuns(noMetrics);
    QCOMPARE(model.columnOfKey(QStringLiteral("metrics.acc")), -1);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    // The run logged its first metric: a new column, which moves the params' columns.
    QVERIFY(!model.updateRuns(liveStore(m_dir, QStringLiteral("firstmetric.db"),
                                        {{"fresh", QString(), QStringLiteral("RUNNING"), 0.3}})));
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.columnOfKey(QStringLiteral("metrics.acc")) >= 0);
    // A run that went away (deleted by another process) cannot be kept in place either.
    QVERIFY(!model.updateRuns(liveStore(m_dir, QStringLiteral("other.db"),
                                        {{"other", QString(), QStringLiteral("RUNNING"), 0.3}})));
    QCOMPARE(names(model), QStringList({"other"}));
}

void TestRunTreeModel::sortOrder_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("topLevel");
    QTest::addColumn<QStringList>("sweepChildren");

    // NaN, then missing values, come last whatever the direction.
    QTest::addRow("acc ascending") << "metrics.acc" << Qt::AscendingOrder
                                   << QStringList {"solo", "sweep", "nan-run", "orphan"}
                                   << QStringList {"child-b", "child-a"};
    QTest::addRow("acc descending") << "metrics.acc" << Qt::DescendingOrder
                                    << QStringList {"sweep", "solo", "nan-run", "orphan"}
                                    << QStringList {"child-b", "child-a"};
    QTest::addRow("loss ascending") << "metrics.loss" << Qt::AscendingOrder
                                    << QStringList {"orphan", "sweep", "solo", "nan-run"}
                                    << QStringList {"child-b", "child-a"};
    QTest::addRow("loss descending") << "metrics.loss" << Qt::DescendingOrder
                                     << QStringList {"solo", "sweep", "orphan", "nan-run"}
                                     << QStringList {"child-a", "child-b"};
    QTest::addRow("start ascending") << "attributes.start_time" << Qt::AscendingOrder
                                     << QStringList {"sweep", "orphan", "nan-run", "solo"}
                                     << QStringList {"child-a", "child-b"};
    QTest::addRow("name descending") << "attributes.run_name" << Qt::DescendingOrder
                                     << QStringList {"sweep", "solo", "orphan", "nan-run"}
                                     << QStringList {"child-b", "child-a"};
}

void TestRunTreeModel::sortOrder()
{
    QFETCH(QString, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, topLevel);
    QFETCH(QStringList, sweepChildren);

    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.sort(model.columnOfKey(column), order);
    QCOMPARE(names(proxy), topLevel);
    const QModelIndex sweep = proxy.mapFromSource(model.indexOfRun(runId(Sweep)));
    QCOMPARE(names(proxy, sweep), sweepChildren);
}

void TestRunTreeModel::sortParamsNumerically()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    // "1e-4" < "0.01" < "0.05" as numbers, the orphan without lr last; as text "0.05" < "1e-4".
    proxy.sort(model.columnOfKey(QStringLiteral("params.lr")), Qt::AscendingOrder);
    QCOMPARE(names(proxy), QStringList({"nan-run", "sweep", "solo", "orphan"}));
    proxy.sort(model.columnOfKey(QStringLiteral("params.lr")), Qt::DescendingOrder);
    QCOMPARE(names(proxy), QStringList({"solo", "sweep", "nan-run", "orphan"}));
}

void TestRunTreeModel::filterKeepsParentsOfMatches()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    QCOMPARE(proxy.matchCount(), NestedRunCount);

    // grand matches: its parent and grandparent stay as context, greyed.
    proxy.setFilter(SearchFilter::parse(QStringLiteral("metrics.acc > 0.6 AND params.lr = '0.1'")));
    QCOMPARE(proxy.matchCount(), 2); // grand and child-b
    QCOMPARE(names(proxy), QStringList({"sweep"}));
    const QModelIndex sweep = proxy.index(0, 0);
    QCOMPARE(names(proxy, sweep), QStringList({"child-b", "child-a"}));
    const QModelIndex childA = proxy.mapFromSource(model.indexOfRun(runId(ChildA)));
    QCOMPARE(names(proxy, childA), QStringList({"grand"}));
    QCOMPARE(sweep.data(RunSortFilterProxy::IsContextRole).toBool(), true);
    QCOMPARE(childA.data(RunSortFilterProxy::IsContextRole).toBool(), true);
    QCOMPARE(proxy.index(0, 0, sweep).data(RunSortFilterProxy::IsContextRole).toBool(), false);
    QVERIFY(proxy.isMatch(model.rowOfRun(runId(Grand))));
    QVERIFY(!proxy.isMatch(model.rowOfRun(runId(Sweep))));

    // A matching parent does not bring its non-matching children.
    proxy.setFilter(SearchFilter::parse(QStringLiteral("attributes.run_name = 'sweep'")));
    QCOMPARE(names(proxy), QStringList({"sweep"}));
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 0);

    proxy.setFilter(SearchFilter::parse(QString()));
    QCOMPARE(names(proxy), QStringList({"solo", "nan-run", "orphan", "sweep"}));
    QCOMPARE(proxy.matchCount(), NestedRunCount);
}

void TestRunTreeModel::invalidFilterKeepsPreviousResult()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    model.setRuns(m_runs);
    proxy.setFilter(SearchFilter::parse(QStringLiteral("metrics.loss < 0.35")));
    QCOMPARE(names(proxy), QStringList({"orphan", "sweep"}));
    const SearchFilter invalid = SearchFilter::parse(QStringLiteral("metrics.loss <"));
    QVERIFY(!invalid.isValid());
    proxy.setFilter(invalid);
    QCOMPARE(names(proxy), QStringList({"orphan", "sweep"}));
    QVERIFY(proxy.filter().isValid());
}

void TestRunTreeModel::filterSurvivesNewRuns()
{
    RunTreeModel model;
    RunSortFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setRunModel(&model);
    proxy.setFilter(SearchFilter::parse(QStringLiteral("params.lr = '0.05'")));
    model.setRuns(m_runs);
    QCOMPARE(names(proxy), QStringList({"solo"}));
    model.setRuns(read(m_path, QStringLiteral("2")));
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(proxy.matchCount(), 0);
    model.setRuns(m_runs);
    QCOMPARE(names(proxy), QStringList({"solo"}));
}

QTEST_MAIN(TestRunTreeModel)
#include "tst_runtreemodel.moc"
