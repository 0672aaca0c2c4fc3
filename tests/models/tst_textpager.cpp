#include "textpager.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestTextPager : public QObject
{
    Q_OBJECT
private slots:
    void smallFileIsOnePage();
    void pagesCutAtLineBreaks();
    void walkForwardAndBackCoversTheFile();
    void lastPage();
    void longLineCutOnCharacterBoundary();
    void invalidUtf8();
    void missingFile();
    void sparseTwoGigabyteLog();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QTemporaryDir m_dir;
};

QString TestTextPager::write(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

static QByteArray numberedLines(int count)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i)
        bytes += "line " + QByteArray::number(i) + " of the training log\n";
    return bytes;
}

void TestTextPager::smallFileIsOnePage()
{
    const TextPage page = TextPager(write(QStringLiteral("small.log"), "a\nb\n")).pageAt(0);
    QVERIFY(page.ok());
    QCOMPARE(page.text, QStringLiteral("a\nb\n"));
    QVERIFY(page.isFirst());
    QVERIFY(page.isLast());
    QVERIFY(!page.hasInvalidUtf8);
}

void TestTextPager::pagesCutAtLineBreaks()
{
    const QByteArray bytes = numberedLines(1000);
    const TextPager pager(write(QStringLiteral("lines.log"), bytes), 1000);
    const TextPage first = pager.pageAt(0);
    QVERIFY(first.end <= 1000);
    QVERIFY(first.end > 900);
    QVERIFY(first.text.endsWith(QLatin1Char('\n')));
    QCOMPARE(bytes.at(first.end - 1), '\n');
    const TextPage second = pager.pageAt(first.end);
    QCOMPARE(second.offset, first.end);
    QVERIFY(second.text.startsWith(QLatin1String("line ")));
}

void TestTextPager::walkForwardAndBackCoversTheFile()
{
    const QByteArray bytes = numberedLines(3000);
    const TextPager pager(write(QStringLiteral("walk.log"), bytes), 4096);
    QString forward;
    QList<qint64> starts;
    TextPage page = pager.pageAt(0);
    while (true) {
        starts.append(page.offset);
        forward += page.text;
        if (page.isLast())
            break;
        page = pager.pageAt(page.end);
    }
    QCOMPARE(forward, QString::fromUtf8(bytes));
    QVERIFY(starts.size() > 10);
    // Back from the end: each previous page ends where the one after it starts, on a line start.
    QString backward;
    page = pager.lastPage();
    QCOMPARE(page.end, bytes.size());
    while (true) {
        backward.prepend(page.text);
        QVERIFY(page.offset == 0 || bytes.at(page.offset - 1) == '\n');
        if (page.isFirst())
            break;
        const TextPage before = pager.pageBefore(page.offset);
        QCOMPARE(before.end, page.offset);
        page = before;
    }
    QCOMPARE(backward, QString::fromUtf8(bytes));
}

void TestTextPager::lastPage()
{
    const QByteArray bytes = numberedLines(500);
    const TextPage last = TextPager(write(QStringLiteral("last.log"), bytes), 2000).lastPage();
    QVERIFY(last.isLast());
    QVERIFY(last.text.endsWith(QLatin1String("line 499 of the training log\n")));
    QVERIFY(last.text.startsWith(QLatin1String("line ")));
}

void TestTextPager::longLineCutOnCharacterBoundary()
{
    QByteArray bytes;
    for (int i = 0; i < 400; ++i)
        bytes += "é€"; // 2 + 3 bytes, no line break
    const TextPager pager(write(QStringLiteral("long.txt"), bytes), 64);
    TextPage page = pager.pageAt(0);
    QString all;
    int pages = 0;
    while (true) {
        QVERIFY(!page.hasInvalidUtf8);
        QVERIFY(page.end - page.offset <= 64);
        all += page.text;
        if (page.isLast() || ++pages > 1000)
            break;
        page = pager.pageAt(page.end);
    }
    QCOMPARE(all, QString::fromUtf8(bytes));
}

void TestTextPager::invalidUtf8()
{
    const TextPage page = TextPager(write(QStringLiteral("latin1.txt"), "caf\xe9 ok\n")).pageAt(0);
    QVERIFY(page.hasInvalidUtf8);
    QVERIFY(page.text.contains(QChar(0xfffd)));
    QVERIFY(page.text.endsWith(QLatin1String(" ok\n")));
}

void TestTextPager::missingFile()
{
    const TextPage page = TextPager(m_dir.filePath(QStringLiteral("missing.log"))).pageAt(0);
    QVERIFY(!page.ok());
    QVERIFY(page.error.contains(QLatin1String("missing.log")));
}

// A 2 GB log (sparse: lines at both ends, a hole of NULs between): the first and the last page
// come back at once, reading a page each, never the file.
void TestTextPager::sparseTwoGigabyteLog()
{
    const qint64 size = 2LL * 1024 * 1024 * 1024;
    QFile file(m_dir.filePath(QStringLiteral("huge.log")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray head = numberedLines(20000); // ~600 KB, more than a page
    QVERIFY(file.write(head) == head.size());
    QVERIFY(file.resize(size));
    const QByteArray tail = "\nthe last line\n";
    QVERIFY(file.seek(size - tail.size()));
    QVERIFY(file.write(tail) == tail.size());
    file.close();
    QCOMPARE(QFileInfo(file.fileName()).size(), size);

    const TextPager pager(file.fileName());
    QElapsedTimer timer;
    timer.start();
    const TextPage first = pager.pageAt(0);
    const qint64 firstMs = timer.elapsed();
    QVERIFY(first.ok());
    QCOMPARE(first.fileSize, size);
    QVERIFY(first.end <= TextPager::DefaultPageBytes);
    QVERIFY(first.text.startsWith(QLatin1String("line 0 of")));
    QVERIFY(first.text.endsWith(QLatin1Char('\n')));
    QVERIFY2(firstMs < 1000, qPrintable(QString::number(firstMs)));
    timer.restart();
    const TextPage last = pager.lastPage();
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(last.end, size);
    QVERIFY(last.text.endsWith(QLatin1String("the last line\n")));
}

QTEST_GUILESS_MAIN(TestTextPager)
#include "tst_textpager.moc"
