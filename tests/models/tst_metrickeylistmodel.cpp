#include "metrickeylistmodel.h"
#include "runtable.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Key = MetricKeyListModel::Key;

class TestMetricKeyListModel : public QObject
{
    Q_OBJECT
private slots:
    void keysOfRuns();
    void sortedWithRunCounts();
    void defaultChecksCurvesFirst_data();
    void defaultChecksCurvesFirst();
    void choicesWinAndAreRemembered();
    void keptKeysKeepTheirState();
    void checkingThroughSetData();

private:
    static Store::RunTable table();
    static QStringList column(const QAbstractItemModel &model, int role);
};

// Three runs: a logs loss and acc as curves, b logs loss (curve) and rmse (one value), c logs
// nothing.
Store::RunTable TestMetricKeyListModel::table()
{
    Store::RunTableBuilder builder;
    const auto addRun = [&](const char *id) {
        Store::RunAttributes run;
        run.runId = QString::fromLatin1(id);
        run.runName = run.runId;
        return builder.addRun(run);
    };
    const int a = addRun("a"), b = addRun("b");
    addRun("c");
    builder.addMetric(a, "loss", {0.5, 9, 1000, false});
    builder.addMetric(a, "acc", {0.9, 9, 1000, false});
    builder.addMetric(b, "loss", {0.4, 9, 1000, false});
    builder.addMetric(b, "rmse", {0.1, 0, 1000, false});
    return builder.build();
}

QStringList TestMetricKeyListModel::column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, 0).data(role).toString());
    return values;
}

void TestMetricKeyListModel::keysOfRuns()
{
    const Store::RunTable runs = table();
    QList<Key> keys = MetricKeyListModel::keysOfRuns(runs, {"a", "b", "c", "missing"});
    std::sort(keys.begin(), keys.end(), [](const Key &x, const Key &y) { return x.name < y.name; });
    QCOMPARE(keys.size(), 3);
    QCOMPARE(keys[0], (Key {"acc", 1, true}));
    QCOMPARE(keys[1], (Key {"loss", 2, true}));
    QCOMPARE(keys[2], (Key {"rmse", 1, false}));
    QVERIFY(MetricKeyListModel::keysOfRuns(runs, {"c"}).isEmpty());
    QVERIFY(MetricKeyListModel::keysOfRuns(runs, {}).isEmpty());
}

void TestMetricKeyListModel::sortedWithRunCounts()
{
    MetricKeyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(table(), {"a", "b", "c"});
    QCOMPARE(column(model, Qt::DisplayRole), QStringList({"acc", "loss", "rmse"}));
    QCOMPARE(model.runCount(), 3);
    QCOMPARE(model.index(1, 0).data(MetricKeyListModel::RunCountRole).toInt(), 2);
    QCOMPARE(model.index(2, 0).data(MetricKeyListModel::HasHistoryRole).toBool(), false);
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Logged by 2 of 3 selected runs"));

    model.setKeys({{"b", 1, true}, {"B", 1, true}, {"a", 1, true}, {"C", 1, true}}, 1);
    QCOMPARE(column(model, Qt::DisplayRole), QStringList({"a", "B", "b", "C"}));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Logged by the selected run"));
    model.setKeys({}, 0);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.checkedKeys().isEmpty());
}

void TestMetricKeyListModel::defaultChecksCurvesFirst_data()
{
    QTest::addColumn<int>("curves");
    QTest::addColumn<int>("singles");
    QTest::addColumn<int>("checkedCurves");
    QTest::addColumn<int>("checkedSingles");
    QTest::addRow("few") << 2 << 1 << 2 << 0;
    QTest::addRow("exactly enough curves") << 6 << 3 << 6 << 0;
    QTest::addRow("many curves") << 10 << 3 << 6 << 0;
    QTest::addRow("single values wait for a choice") << 4 << 5 << 4 << 0;
    QTest::addRow("only singles") << 0 << 8 << 0 << 6;
}

void TestMetricKeyListModel::defaultChecksCurvesFirst()
{
    QFETCH(int, curves);
    QFETCH(int, singles);
    QFETCH(int, checkedCurves);
    QFETCH(int, checkedSingles);
    QList<Key> keys;
    for (int i = 0; i < curves; ++i)
        keys.append({QStringLiteral("curve_%1").arg(i, 2, 10, QLatin1Char('0')), 1, true});
    for (int i = 0; i < singles; ++i) // sort before the curves
        keys.append({QStringLiteral("a_single_%1").arg(i), 1, false});
    MetricKeyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &MetricKeyListModel::checkedKeysChanged);
    model.setKeys(keys, 1);
    const QStringList checked = model.checkedKeys();
    QCOMPARE(checked.size(), checkedCurves + checkedSingles);
    QCOMPARE(checked.filter(QStringLiteral("curve_")).size(), checkedCurves);
    QCOMPARE(checked.filter(QStringLiteral("a_single_")).size(), checkedSingles);
    for (int i = 0; i < checkedCurves; ++i) // the first ones, in list order
        QVERIFY(checked.contains(QStringLiteral("curve_%1").arg(i, 2, 10, QLatin1Char('0'))));
    QCOMPARE(changed.size(), checked.isEmpty() ? 0 : 1);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked,
                 checked.contains(index.data().toString()));
    }
}

void TestMetricKeyListModel::choicesWinAndAreRemembered()
{
    MetricKeyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setChoices({{"loss", false}, {"rmse", true}, {"elsewhere", true}});
    model.setRuns(table(), {"a", "b"});
    QCOMPARE(model.checkedKeys(), QStringList({"acc", "rmse"}));
    model.setChoices({});
    model.setKeys({}, 0);
    model.setRuns(table(), {"a", "b"});
    QCOMPARE(model.checkedKeys(), QStringList({"acc", "loss"})); // not rmse, a single value
    model.setChoices({{"loss", false}, {"rmse", true}, {"elsewhere", true}});
    QCOMPARE(model.checkedKeys(), QStringList({"acc", "rmse"}));

    QSignalSpy changed(&model, &MetricKeyListModel::checkedKeysChanged);
    model.setChecked(QStringLiteral("acc"), false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().at(0).toStringList(), QStringList({"rmse"}));
    model.setChecked(QStringLiteral("acc"), false); // no change, no signal
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.choices().value(QStringLiteral("acc"), true), false);
    QCOMPARE(model.choices().value(QStringLiteral("elsewhere")), true); // not listed, still kept

    // A new model with the remembered choices checks the same keys.
    MetricKeyListModel again;
    again.setChoices(model.choices());
    again.setRuns(table(), {"a", "b"});
    QCOMPARE(again.checkedKeys(), model.checkedKeys());
}

void TestMetricKeyListModel::keptKeysKeepTheirState()
{
    MetricKeyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<Key> keys;
    for (int i = 0; i < 8; ++i)
        keys.append({QStringLiteral("k%1").arg(i), 1, true});
    model.setKeys(keys, 1);
    QCOMPARE(model.checkedKeys(), QStringList({"k0", "k1", "k2", "k3", "k4", "k5"}));
    // A key that sorts first arrives: the checked ones stay; there is no room for it.
    keys.prepend({QStringLiteral("a_new"), 1, true});
    QSignalSpy changed(&model, &MetricKeyListModel::checkedKeysChanged);
    model.setKeys(keys, 2);
    QCOMPARE(model.checkedKeys(), QStringList({"k0", "k1", "k2", "k3", "k4", "k5"}));
    QCOMPARE(changed.size(), 0);
    // Same names, new counts: rows stay, data changes.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    keys[1].runCount = 2;
    model.setKeys(keys, 2);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(1, 0).data(MetricKeyListModel::RunCountRole).toInt(), 2);
    // Keys leave: a free slot goes to the first undecided newcomer.
    model.setKeys({{"k0", 1, true}, {"z", 1, true}}, 1);
    QCOMPARE(model.checkedKeys(), QStringList({"k0", "z"}));
}

void TestMetricKeyListModel::checkingThroughSetData()
{
    MetricKeyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(table(), {"a", "b"});
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(model.checkedKeys(), QStringList({"loss"}));
    QVERIFY(!model.setData(model.index(0, 0), Qt::Checked, Qt::DisplayRole));
    QCOMPARE(model.keyAt(model.index(2, 0)), QStringLiteral("rmse"));
    QCOMPARE(model.rowOfKey(QStringLiteral("loss")), 1);
    QCOMPARE(model.rowOfKey(QStringLiteral("nope")), -1);
}

QTEST_GUILESS_MAIN(TestMetricKeyListModel)
#include "tst_metrickeylistmodel.moc"
