#include "demostore.h"
#include "experimentlistmodel.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestExperimentListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void activeExperiments();
    void showDeleted();
    void findByIdOrName_data();
    void findByIdOrName();
    void fixture();

private:
    static Store::ExperimentList read(const QString &path, Store::ViewType view);
    QTemporaryDir m_dir;
    QString m_demo;
};

Store::ExperimentList TestExperimentListModel::read(const QString &path, Store::ViewType view)
{
    auto reader = Store::openStore(path);
    if (!reader)
        return {};
    auto experiments = (*reader)->experiments(view);
    return experiments ? *experiments : Store::ExperimentList();
}

void TestExperimentListModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestExperimentListModel::activeExperiments()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(read(m_demo, Store::ViewType::ActiveOnly));
    QCOMPARE(model.rowCount(), Store::DemoStore::Counts::ActiveExperiments);
    QCOMPARE(model.columnCount(), int(ExperimentListModel::ColumnCount));
    QCOMPARE(model.headerData(ExperimentListModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Experiment"));
    QCOMPARE(model.headerData(ExperimentListModel::RunCountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Runs"));

    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, ExperimentListModel::NameColumn).data().toString());
    QCOMPARE(names,
             QStringList({"Default", "mnist-cnn", "tabular-gbm", "llm-finetune", "churn-training",
                          "churn-evaluation"}));

    const QModelIndex gbm = model.findExperiment(QStringLiteral("tabular-gbm"));
    QCOMPARE(model.index(gbm.row(), ExperimentListModel::RunCountColumn).data().toInt(),
             Store::DemoStore::Counts::GbmActiveRuns);
    QCOMPARE(model.experimentAt(gbm).name, QStringLiteral("tabular-gbm"));
    QCOMPARE(gbm.data(ExperimentListModel::ExperimentIdRole).toString(), model.experimentId(gbm));
    QVERIFY(!gbm.data(ExperimentListModel::IsDeletedRole).toBool());
    // The description shows in the tooltip.
    const Store::Experiment mnist = model.experimentAt(model.findExperiment(QStringLiteral("mnist-cnn")));
    QVERIFY(!mnist.description.isEmpty());
    QVERIFY(model.findExperiment(QStringLiteral("mnist-cnn"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(mnist.description));
}

void TestExperimentListModel::showDeleted()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setExperiments(read(m_demo, Store::ViewType::All));
    QCOMPARE(model.experiments().size(), Store::DemoStore::Counts::Experiments);
    QCOMPARE(model.rowCount(), Store::DemoStore::Counts::ActiveExperiments);
    QVERIFY(!model.findExperiment(QStringLiteral("old-baseline")).isValid());

    model.setShowDeleted(true);
    QCOMPARE(model.rowCount(), Store::DemoStore::Counts::Experiments);
    const QModelIndex old = model.findExperiment(QStringLiteral("old-baseline"));
    QVERIFY(old.isValid());
    QVERIFY(old.data(ExperimentListModel::IsDeletedRole).toBool());
    QCOMPARE(old.data().toString(), QStringLiteral("old-baseline (deleted)"));
    QCOMPARE(model.index(old.row(), ExperimentListModel::RunCountColumn).data().toInt(), 1);
    // With every run counted, the deleted gbm run is in.
    QCOMPARE(model
                 .index(model.findExperiment(QStringLiteral("tabular-gbm")).row(),
                        ExperimentListModel::RunCountColumn)
                 .data()
                 .toInt(),
             Store::DemoStore::Counts::GbmRuns);

    model.setShowDeleted(true); // no change, no reset
    QCOMPARE(resets.count(), 2);
    model.setShowDeleted(false);
    QCOMPARE(model.rowCount(), Store::DemoStore::Counts::ActiveExperiments);
}

void TestExperimentListModel::findByIdOrName_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::addRow("by name") << "llm-finetune"
                             << "llm-finetune";
    QTest::addRow("by id") << "1"
                           << "mnist-cnn";
    QTest::addRow("default by id") << "0"
                                   << "Default";
    QTest::addRow("unknown") << "no-such-experiment"
                             << "";
    QTest::addRow("deleted is hidden") << "old-baseline"
                                       << "";
}

void TestExperimentListModel::findByIdOrName()
{
    QFETCH(QString, key);
    QFETCH(QString, name);
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(read(m_demo, Store::ViewType::All));
    const QModelIndex found = model.findExperiment(key);
    QCOMPARE(found.isValid(), !name.isEmpty());
    QCOMPARE(model.experimentAt(found).name, name);
}

void TestExperimentListModel::fixture()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(read(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")),
                              Store::ViewType::ActiveOnly));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, ExperimentListModel::NameColumn).data().toString(), QStringLiteral("Default"));
    QCOMPARE(model.index(0, ExperimentListModel::RunCountColumn).data().toInt(), 26);
    model.setExperiments({});
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.experimentAt(model.index(0, 0)).id.size());
}

QTEST_MAIN(TestExperimentListModel)
#include "tst_experimentlistmodel.moc"
