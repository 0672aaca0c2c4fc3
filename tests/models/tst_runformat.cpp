#include "runformat.h"

#include <QTest>

class TestRunFormat : public QObject
{
    Q_OBJECT
private slots:
    void runName_data();
    void runName();
};

void TestRunFormat::runName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("runId");
    QTest::addColumn<QString>("shown");
    const QString id = QStringLiteral("0123456789abcdef0123456789abcdef");
    QTest::addRow("named") << QStringLiteral("cnn-dropout") << id << QStringLiteral("cnn-dropout");
    QTest::addRow("unnamed: the id's start") << QString() << id << QStringLiteral("01234567");
    QTest::addRow("unnamed, short id") << QString() << QStringLiteral("r1") << QStringLiteral("r1");
    QTest::addRow("named like an id")
        << QStringLiteral("0123456789abcdef") << id << QStringLiteral("0123456789abcdef");
}

void TestRunFormat::runName()
{
    QFETCH(QString, name);
    QFETCH(QString, runId);
    QFETCH(QString, shown);
    QCOMPARE(RunFormat::runName(name, runId), shown);
}

QTEST_GUILESS_MAIN(TestRunFormat)
#include "tst_runformat.moc"
