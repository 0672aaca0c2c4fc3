#include "pythonformat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Store;

// Text as MLflow's Python code writes it into an mlruns/ folder: floats as str() prints them,
// paths as pathlib's as_uri() writes them, and artifact locations back to local paths.
class TestPythonFormat : public QObject
{
    Q_OBJECT

private slots:
    void pythonFloat_data();
    void pythonFloat();
    void fileUris();
};

void TestPythonFormat::pythonFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    // What Python's str(float) prints (checked against CPython 3.11).
    QTest::addRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::addRow("1e-05") << 1e-05 << QByteArray("1e-05");
    QTest::addRow("0.0001") << 0.0001 << QByteArray("0.0001");
    QTest::addRow("5.0") << 5.0 << QByteArray("5.0");
    QTest::addRow("-2.5") << -2.5 << QByteArray("-2.5");
    QTest::addRow("0.0") << 0.0 << QByteArray("0.0");
    QTest::addRow("-0.0") << -0.0 << QByteArray("-0.0");
    QTest::addRow("16 digits") << 1234567890123456.0 << QByteArray("1234567890123456.0");
    QTest::addRow("1e16") << 1e16 << QByteArray("1e+16");
    QTest::addRow("large integer") << 12345678901234567890.0 << QByteArray("1.2345678901234567e+19");
    QTest::addRow("DBL_MAX") << std::numeric_limits<double>::max() << QByteArray("1.7976931348623157e+308");
    QTest::addRow("0.1 + 0.2") << 0.1 + 0.2 << QByteArray("0.30000000000000004");
    QTest::addRow("denormal") << 5e-324 << QByteArray("5e-324");
    QTest::addRow("1e22") << 1e22 << QByteArray("1e+22");
    QTest::addRow("nan") << std::nan("") << QByteArray("nan");
    QTest::addRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("inf");
    QTest::addRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-inf");
}
void TestPythonFormat::pythonFloat()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(Store::pythonFloat(value), text);
}
void TestPythonFormat::fileUris()
{
    QCOMPARE(pathToFileUri(QStringLiteral("/home/u/my runs/0")),
             QStringLiteral("file:///home/u/my%20runs/0"));
    QCOMPARE(pathToFileUri(QString::fromUtf8("/a:b+c@d/\xc3\xa9_.-~")),
             QStringLiteral("file:///a%3Ab%2Bc%40d/%C3%A9_.-~"));
    QCOMPARE(localPathOfLocation(QStringLiteral("file:///home/u/my%20runs/0")),
             QStringLiteral("/home/u/my runs/0"));
    QCOMPARE(localPathOfLocation(QStringLiteral("file://localhost/x/")), QStringLiteral("/x"));
    QCOMPARE(localPathOfLocation(QStringLiteral("file:/x/y")), QStringLiteral("/x/y"));
    QCOMPARE(localPathOfLocation(QStringLiteral("/x/./y")), QStringLiteral("/x/y"));
    QVERIFY(localPathOfLocation(QStringLiteral("file://host/x")).isEmpty());
    QVERIFY(localPathOfLocation(QStringLiteral("s3://bucket/x")).isEmpty());
    QVERIFY(localPathOfLocation(QStringLiteral("./mlruns/0")).isEmpty());
}

QTEST_GUILESS_MAIN(TestPythonFormat)
#include "tst_pythonformat.moc"
