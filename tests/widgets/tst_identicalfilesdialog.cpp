#include "identicalfilemodel.h"
#include "identicalfilesdialog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestIdenticalFilesDialog : public QObject
{
    Q_OBJECT
private slots:
    void showsMatchesAndActivatesRun();
    void noMatch();
    void unreadableFile();

private:
    static bool write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
};

void TestIdenticalFilesDialog::showsMatchesAndActivatesRun()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath("drop/m.pkl"), "weights"));
    QVERIFY(write(dir.filePath("a/model/m.pkl"), "weights"));
    QVERIFY(write(dir.filePath("b/m.pkl"), "weighty"));
    IdenticalFilesDialog dialog;
    dialog.show();
    QSignalSpy activated(&dialog, &IdenticalFilesDialog::runActivated);
    dialog.find(dir.filePath("drop/m.pkl"),
                {{"ra", "run-a", "1", dir.filePath("a")}, {"rb", "run-b", "1", dir.filePath("b")}});
    QTRY_COMPARE(dialog.model()->rowCount(), 1);
    QVERIFY(dialog.table()->isVisible());
    QVERIFY(dialog.status().contains("1 identical file"));
    const QModelIndex match = dialog.model()->index(0, IdenticalFileModel::PathColumn);
    QCOMPARE(match.data().toString(), QString("model/m.pkl"));
    emit dialog.table()->doubleClicked(match);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QString("1"));
    QCOMPARE(activated.at(0).at(1).toString(), QString("ra"));
}

void TestIdenticalFilesDialog::noMatch()
{
    QTemporaryDir dir;
    QVERIFY(write(dir.filePath("drop/m.pkl"), "weights"));
    QVERIFY(write(dir.filePath("b/m.pkl"), "weighty"));
    IdenticalFilesDialog dialog;
    dialog.show();
    dialog.find(dir.filePath("drop/m.pkl"),
                {{"rb", "run-b", "1", dir.filePath("b")}, {"rx", "run-x", "1", dir.filePath("gone")}});
    QTRY_VERIFY(dialog.status().startsWith("No run of this store holds an identical file."));
    QVERIFY(dialog.status().contains("1 run"));
    QVERIFY(!dialog.table()->isVisible());
}

void TestIdenticalFilesDialog::unreadableFile()
{
    QTemporaryDir dir;
    IdenticalFilesDialog dialog;
    dialog.show();
    dialog.find(dir.filePath("nothing.pkl"), {{"rb", "run-b", "1", dir.path()}});
    QTRY_VERIFY(dialog.status().contains("nothing.pkl"));
}

QTEST_MAIN(TestIdenticalFilesDialog)
#include "tst_identicalfilesdialog.moc"
