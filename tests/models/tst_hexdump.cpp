#include "hexdump.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestHexDump : public QObject
{
    Q_OBJECT
private slots:
    void lineLayout();
    void partialLastLine();
    void wideOffsets();
    void pagesOfAFile();
    void missingFile();
};

void TestHexDump::lineLayout()
{
    const QString dump = hexDump(QByteArrayView("Hello, world!\n\x00\xff", 16), 0);
    QCOMPARE(
        dump,
        QStringLiteral("00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 ff  |Hello, world!...|\n"));
}

void TestHexDump::partialLastLine()
{
    const QStringList lines = hexDump(QByteArray(20, 'A'), 16).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[1].startsWith(QLatin1String("00000020  41 41 41 41  ")));
    QVERIFY(lines[1].endsWith(QLatin1String("|AAAA|")));
    QCOMPARE(lines[0].size(), lines[1].size() + 12); // the hex columns keep their place
}

void TestHexDump::wideOffsets()
{
    QVERIFY(hexDump(QByteArray(1, 'x'), 0x1'0000'0000LL).startsWith(QLatin1String("100000000  78")));
}

void TestHexDump::pagesOfAFile()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("weights.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes;
    for (int i = 0; i < 40000; ++i)
        bytes.append(char(i % 251));
    file.write(bytes);
    file.close();
    const HexPage first = readHexPage(file.fileName(), 0, 4096);
    QVERIFY(first.ok());
    QCOMPARE(first.fileSize, 40000);
    QCOMPARE(first.end, 4096);
    QVERIFY(first.isFirst());
    QVERIFY(!first.isLast());
    QCOMPARE(first.text.count(QLatin1Char('\n')), 256);
    const HexPage inside = readHexPage(file.fileName(), 5000, 4096);
    QCOMPARE(inside.offset, 4096); // pages start at multiples of the page size
    const HexPage last = readHexPage(file.fileName(), lastHexPageOffset(40000, 4096), 4096);
    QCOMPARE(last.offset, 36864);
    QCOMPARE(last.end, 40000);
    QVERIFY(last.isLast());
    QVERIFY(last.text.startsWith(QLatin1String("00009000  ")));
    QCOMPARE(readHexPage(file.fileName(), 1 << 30, 4096).offset, 36864); // past the end: the last page
}

void TestHexDump::missingFile()
{
    const HexPage page = readHexPage(QStringLiteral("/nonexistent/kaizen/file.bin"), 0);
    QVERIFY(!page.ok());
    QVERIFY(page.text.isEmpty());
}

QTEST_GUILESS_MAIN(TestHexDump)
#include "tst_hexdump.moc"
