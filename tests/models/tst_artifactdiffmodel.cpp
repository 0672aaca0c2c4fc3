#include "artifactdiffmodel.h"
#include "artifactlisting.h"
#include "artifacttestfiles.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestArtifactDiffModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void treeShape();
    void columnsAndRoles();
    void onlyDifferences();
    void clear();

private:
    TreeDiff m_diff;
    QTemporaryDir m_left;
    QTemporaryDir m_right;
};

void TestArtifactDiffModel::init()
{
    QVERIFY(ArtifactTestFiles::write(m_left.path(), "model/MLmodel", "flavors"));
    QVERIFY(ArtifactTestFiles::write(m_left.path(), "model/data/w.bin", "1234"));
    QVERIFY(ArtifactTestFiles::write(m_left.path(), "old.txt", "x"));
    QVERIFY(ArtifactTestFiles::write(m_left.path(), "same.txt", "s"));
    QVERIFY(ArtifactTestFiles::write(m_right.path(), "model/MLmodel", "flavors"));
    QVERIFY(ArtifactTestFiles::write(m_right.path(), "model/data/w.bin", "12345"));
    QVERIFY(ArtifactTestFiles::write(m_right.path(), "new.txt", "y"));
    QVERIFY(ArtifactTestFiles::write(m_right.path(), "same.txt", "s"));
    auto diff = diffTrees(m_left.path(), *listArtifacts(m_left.path()), m_right.path(),
                          *listArtifacts(m_right.path()));
    QVERIFY(diff);
    m_diff = *diff;
}

void TestArtifactDiffModel::treeShape()
{
    ArtifactDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(m_diff);
    QCOMPARE(model.rowCount(), 4); // model, new.txt, old.txt, same.txt
    QCOMPARE(model.index(0, 0).data().toString(), QString("model"));
    const QModelIndex modelFolder = model.indexOfPath("model");
    QCOMPARE(model.rowCount(modelFolder), 2); // MLmodel, data
    const QModelIndex weights = model.indexOfPath("model/data/w.bin");
    QVERIFY(weights.isValid());
    QCOMPARE(weights.data().toString(), QString("w.bin"));
    QCOMPARE(weights.parent(), model.indexOfPath("model/data"));
    QCOMPARE(weights.parent().parent(), modelFolder);
    QCOMPARE(model.entryAt(weights).mark, DiffMark::Changed);
}

void TestArtifactDiffModel::columnsAndRoles()
{
    ArtifactDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(m_diff);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(ArtifactDiffModel::ChangeColumn, Qt::Horizontal).toString(), QString("Change"));

    const QModelIndex added = model.indexOfPath("new.txt");
    QCOMPARE(added.data(ArtifactDiffModel::MarkRole).toInt(), int(DiffMark::Added));
    QCOMPARE(added.siblingAtColumn(ArtifactDiffModel::ChangeColumn).data().toString(), QString("Added"));
    QVERIFY(added.data(ArtifactDiffModel::LeftPathRole).toString().isEmpty());
    QCOMPARE(added.data(ArtifactDiffModel::RightPathRole).toString(), m_right.filePath("new.txt"));
    QCOMPARE(added.siblingAtColumn(ArtifactDiffModel::LeftSizeColumn).data().toString(), QString("—"));
    QCOMPARE(added.siblingAtColumn(ArtifactDiffModel::RightSizeColumn)
                 .data(ArtifactDiffModel::SortRole)
                 .toLongLong(),
             1);
    QCOMPARE(added.data(Qt::ForegroundRole).value<QBrush>().color(),
             ArtifactDiffModel::markColor(DiffMark::Added));
    QCOMPARE(added.siblingAtColumn(ArtifactDiffModel::ChangeColumn).data(Qt::DecorationRole).value<QColor>(),
             ArtifactDiffModel::markColor(DiffMark::Added));

    const QModelIndex removed = model.indexOfPath("old.txt");
    QCOMPARE(removed.data(ArtifactDiffModel::MarkRole).toInt(), int(DiffMark::Removed));
    QCOMPARE(removed.data(ArtifactDiffModel::LeftPathRole).toString(), m_left.filePath("old.txt"));
    QVERIFY(removed.data(ArtifactDiffModel::RightPathRole).toString().isEmpty());
    QVERIFY(ArtifactDiffModel::markColor(DiffMark::Added) != ArtifactDiffModel::markColor(DiffMark::Removed));

    const QModelIndex same = model.indexOfPath("same.txt");
    QCOMPARE(same.data(ArtifactDiffModel::MarkRole).toInt(), int(DiffMark::Same));
    QVERIFY(!same.data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.indexOfPath("model").data(ArtifactDiffModel::IsDirRole).toBool(), true);
    QCOMPARE(model.indexOfPath("model").data(ArtifactDiffModel::MarkRole).toInt(), int(DiffMark::Changed));
}

void TestArtifactDiffModel::onlyDifferences()
{
    ArtifactDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(m_diff);
    model.setOnlyDifferences(true);
    QCOMPARE(model.rowCount(), 3); // model, new.txt, old.txt
    QVERIFY(!model.indexOfPath("same.txt").isValid());
    QVERIFY(!model.indexOfPath("model/MLmodel").isValid());
    QCOMPARE(model.rowCount(model.indexOfPath("model")), 1);
    QVERIFY(model.indexOfPath("model/data/w.bin").isValid());
    model.setOnlyDifferences(false);
    QCOMPARE(model.rowCount(), 4);
}

void TestArtifactDiffModel::clear()
{
    ArtifactDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(m_diff);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.indexOfPath("new.txt").isValid());
}

QTEST_GUILESS_MAIN(TestArtifactDiffModel)
#include "tst_artifactdiffmodel.moc"
