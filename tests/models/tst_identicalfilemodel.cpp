#include "identicalfilemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestIdenticalFileModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndRoles();
    void clear();
};

void TestIdenticalFileModel::rowsAndRoles()
{
    IdenticalFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMatches(
        {{"0123456789abcdef", "run-a", "1", "model/model.pkl"}, {"fedcba9876543210", "", "2", "final.bin"}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(IdenticalFileModel::RunColumn, Qt::Horizontal).toString(), QString("Run"));
    QCOMPARE(model.headerData(IdenticalFileModel::ExperimentColumn, Qt::Horizontal).toString(),
             QString("Experiment"));
    QCOMPARE(model.headerData(IdenticalFileModel::PathColumn, Qt::Horizontal).toString(), QString("Path"));
    QCOMPARE(model.index(0, IdenticalFileModel::RunColumn).data().toString(), QString("run-a"));
    QVERIFY(model.index(1, IdenticalFileModel::RunColumn).data().toString().startsWith("fedcba"));
    QCOMPARE(model.index(1, IdenticalFileModel::ExperimentColumn).data().toString(), QString("2"));
    QCOMPARE(model.index(0, IdenticalFileModel::PathColumn).data().toString(), QString("model/model.pkl"));
    QCOMPARE(model.index(1, IdenticalFileModel::PathColumn).data(IdenticalFileModel::RunIdRole).toString(),
             QString("fedcba9876543210"));
    QCOMPARE(model.matchAt(model.index(1, 0)).relativePath, QString("final.bin"));
}

void TestIdenticalFileModel::clear()
{
    IdenticalFileModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMatches({{"r", "n", "1", "p"}});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestIdenticalFileModel)
#include "tst_identicalfilemodel.moc"
