#include "shortcutlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestShortcutListModel : public QObject
{
    Q_OBJECT
private slots:
    void listsActionsWithShortcutsInOrder();
};

void TestShortcutListModel::listsActionsWithShortcutsInOrder()
{
    ShortcutListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{QStringLiteral("Open…"), QStringLiteral("Ctrl+O"), QStringLiteral("File")},
                      {QStringLiteral("Open Recent"), {}, QStringLiteral("File")}, // no shortcut
                      {QStringLiteral("Charts"), QStringLiteral("Ctrl+2"), QStringLiteral("View")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ShortcutListModel::ColumnCount));
    QCOMPARE(model.index(0, ShortcutListModel::ActionColumn).data().toString(), QStringLiteral("Open…"));
    QCOMPARE(model.index(0, ShortcutListModel::ShortcutColumn).data().toString(), QStringLiteral("Ctrl+O"));
    QCOMPARE(model.index(1, ShortcutListModel::MenuColumn).data().toString(), QStringLiteral("View"));
    QCOMPARE(model.headerData(ShortcutListModel::ShortcutColumn, Qt::Horizontal).toString(),
             QStringLiteral("Shortcut"));
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestShortcutListModel)
#include "tst_shortcutlistmodel.moc"
