#include "demostore.h"
#include "experimentlistmodel.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    void severalStores();

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
    model.setExperiments(m_demo, read(m_demo, Store::ViewType::ActiveOnly));
    QCOMPARE(model.rowCount(model.indexOfStore(m_demo)), Store::DemoStore::Counts::ActiveExperiments);
    QCOMPARE(model.columnCount(), int(ExperimentListModel::ColumnCount));
    QCOMPARE(model.headerData(ExperimentListModel::NameColumn, Qt::Horizontal).toString(),
             QStringLiteral("Experiment"));
    QCOMPARE(model.headerData(ExperimentListModel::RunCountColumn, Qt::Horizontal).toString(),
             QStringLiteral("Runs"));

    QStringList names;
    for (int row = 0; row < model.rowCount(model.indexOfStore(m_demo)); ++row)
        names.append(
            model.index(row, ExperimentListModel::NameColumn, model.indexOfStore(m_demo)).data().toString());
    QCOMPARE(names,
             QStringList({"Default", "mnist-cnn", "tabular-gbm", "llm-finetune", "churn-training",
                          "churn-evaluation"}));

    const QModelIndex gbm = model.findExperiment(m_demo, QStringLiteral("tabular-gbm"));
    QCOMPARE(gbm.siblingAtColumn(ExperimentListModel::RunCountColumn).data().toInt(),
             Store::DemoStore::Counts::GbmActiveRuns);
    QCOMPARE(model.experimentAt(gbm).name, QStringLiteral("tabular-gbm"));
    QCOMPARE(gbm.data(ExperimentListModel::ExperimentIdRole).toString(), model.experimentId(gbm));
    QVERIFY(!gbm.data(ExperimentListModel::IsDeletedRole).toBool());
    // The description shows in the tooltip.
    const Store::Experiment mnist
        = model.experimentAt(model.findExperiment(m_demo, QStringLiteral("mnist-cnn")));
    QVERIFY(!mnist.description.isEmpty());
    QVERIFY(model.findExperiment(m_demo, QStringLiteral("mnist-cnn"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(mnist.description));
}

void TestExperimentListModel::showDeleted()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiments(m_demo, read(m_demo, Store::ViewType::All));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.experiments(m_demo).size(), Store::DemoStore::Counts::Experiments);
    QCOMPARE(model.rowCount(model.indexOfStore(m_demo)), Store::DemoStore::Counts::ActiveExperiments);
    QVERIFY(!model.findExperiment(m_demo, QStringLiteral("old-baseline")).isValid());

    model.setShowDeleted(true);
    QCOMPARE(model.rowCount(model.indexOfStore(m_demo)), Store::DemoStore::Counts::Experiments);
    const QModelIndex old = model.findExperiment(m_demo, QStringLiteral("old-baseline"));
    QVERIFY(old.isValid());
    QVERIFY(old.data(ExperimentListModel::IsDeletedRole).toBool());
    QCOMPARE(old.data().toString(), QStringLiteral("old-baseline (deleted)"));
    QCOMPARE(old.siblingAtColumn(ExperimentListModel::RunCountColumn).data().toInt(), 1);
    // With every run counted, the deleted gbm run is in.
    QCOMPARE(model.findExperiment(m_demo, QStringLiteral("tabular-gbm"))
                 .siblingAtColumn(ExperimentListModel::RunCountColumn)
                 .data()
                 .toInt(),
             Store::DemoStore::Counts::GbmRuns);

    QCOMPARE(inserted.count(), 1);
    model.setShowDeleted(true); // no change, no rows move
    QCOMPARE(inserted.count(), 1);
    model.setShowDeleted(false);
    QCOMPARE(model.rowCount(model.indexOfStore(m_demo)), Store::DemoStore::Counts::ActiveExperiments);
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
    model.setExperiments(m_demo, read(m_demo, Store::ViewType::All));
    const QModelIndex found = model.findExperiment(m_demo, key);
    QCOMPARE(found.isValid(), !name.isEmpty());
    QCOMPARE(model.experimentAt(found).name, name);
}

void TestExperimentListModel::fixture()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString path = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
    model.setExperiments(path, read(path, Store::ViewType::ActiveOnly));
    const QModelIndex store = model.indexOfStore(path);
    QCOMPARE(model.rowCount(store), 1);
    QCOMPARE(model.index(0, ExperimentListModel::NameColumn, store).data().toString(),
             QStringLiteral("Default"));
    QCOMPARE(model.index(0, ExperimentListModel::RunCountColumn, store).data().toInt(), 26);
    model.setExperiments(path, {});
    QCOMPARE(model.rowCount(store), 0);
    QVERIFY(model.experimentAt(model.index(0, 0, store)).id.isEmpty());
}

// Several stores side by side: a row per store, its experiments under it.
void TestExperimentListModel::severalStores()
{
    ExperimentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString fixture = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
    model.addStore(fixture);
    model.setExperiments(m_demo, read(m_demo, Store::ViewType::ActiveOnly));
    model.setExperiments(fixture, read(fixture, Store::ViewType::ActiveOnly));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.locations(), QStringList({fixture, m_demo})); // in the order they were added
    const QModelIndex demo = model.indexOfStore(m_demo);
    QVERIFY(model.isStore(demo));
    QCOMPARE(demo.data().toString(), QFileInfo(m_demo).fileName());
    QVERIFY(demo.data(Qt::ToolTipRole).toString().contains(QDir::toNativeSeparators(m_demo)));
    QCOMPARE(model.rowCount(demo), Store::DemoStore::Counts::ActiveExperiments);
    // A store row groups; it is not an experiment one can show the runs of.
    QVERIFY(!(model.flags(demo) & Qt::ItemIsSelectable));
    QVERIFY(model.experimentId(demo).isEmpty());
    // Its run count is its experiments'.
    int runs = 0;
    for (const Store::Experiment &experiment : model.experiments(m_demo))
        runs += experiment.isDeleted() ? 0 : experiment.runCount;
    QCOMPARE(demo.siblingAtColumn(ExperimentListModel::RunCountColumn).data().toInt(), runs);

    // The same id in both stores: each store finds its own.
    const QModelIndex demoDefault = model.findExperiment(m_demo, QStringLiteral("0"));
    const QModelIndex fixtureDefault = model.findExperiment(fixture, QStringLiteral("0"));
    QVERIFY(demoDefault.isValid() && fixtureDefault.isValid() && demoDefault != fixtureDefault);
    QCOMPARE(model.location(demoDefault), m_demo);
    QCOMPARE(demoDefault.data(ExperimentListModel::LocationRole).toString(), m_demo);
    QCOMPARE(model.location(fixtureDefault), fixture);
    QCOMPARE(fixtureDefault.siblingAtColumn(ExperimentListModel::RunCountColumn).data().toInt(), 26);

    // Read again with the same experiments (live updates): values change in place.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex mnist = model.findExperiment(m_demo, QStringLiteral("mnist-cnn"));
    Store::ExperimentList again = read(m_demo, Store::ViewType::ActiveOnly);
    again[1].runCount += 1;
    model.setExperiments(m_demo, again);
    QCOMPARE(removed.count(), 0);
    QVERIFY(changed.count() >= 1);
    QVERIFY(mnist.isValid());
    QCOMPARE(QModelIndex(mnist).siblingAtColumn(ExperimentListModel::RunCountColumn).data().toInt(),
             again[1].runCount);

    // Closing the first store leaves the other's rows as they were.
    model.removeStore(fixture);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(mnist.isValid());
    QCOMPARE(mnist.data().toString(), QStringLiteral("mnist-cnn"));
    QCOMPARE(model.location(mnist), m_demo);
    QVERIFY(!model.findExperiment(fixture, QStringLiteral("0")).isValid());

    // Two stores of one name say which folder each is in; alone again, the name is enough.
    QTemporaryDir project;
    const QString copy = project.filePath(QStringLiteral("mlflow.db"));
    QVERIFY(QFile::copy(m_demo, copy));
    model.setExperiments(copy, read(copy, Store::ViewType::ActiveOnly));
    QCOMPARE(model.indexOfStore(copy).data().toString(),
             QStringLiteral("mlflow.db (%1)").arg(QFileInfo(project.path()).fileName()));
    QCOMPARE(model.indexOfStore(m_demo).data().toString(),
             QStringLiteral("mlflow.db (%1)").arg(QFileInfo(m_dir.path()).fileName()));
    model.removeStore(copy);
    QCOMPARE(model.indexOfStore(m_demo).data().toString(), QStringLiteral("mlflow.db"));
}

QTEST_MAIN(TestExperimentListModel)
#include "tst_experimentlistmodel.moc"
