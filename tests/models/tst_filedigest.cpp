#include "artifacttestfiles.h"
#include "filedigest.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestFileDigest : public QObject
{
    Q_OBJECT
private slots:
    void sha256_data();
    void sha256();
    void missingFile();
    void folderIsAnError();
    void unreadableFile();
    void cancelled();
};

void TestFileDigest::sha256_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("small") << QByteArray("hello\n");
    // Several chunks, the last one partial.
    QByteArray large(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = char(i * 31 % 251);
    QTest::addRow("several chunks") << large;
}

void TestFileDigest::sha256()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "f.bin", bytes));
    const auto digest = fileDigest(dir.filePath("f.bin"));
    QVERIFY(digest);
    QCOMPARE(*digest, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    QCOMPARE(digestText(*digest).size(), 64);
}

void TestFileDigest::missingFile()
{
    QTemporaryDir dir;
    const auto digest = fileDigest(dir.filePath("nope"));
    QVERIFY(!digest);
    QCOMPARE(digest.error().code, Store::Error::NotFound);
    QVERIFY(digest.error().message.contains("nope"));
}

void TestFileDigest::folderIsAnError()
{
    QTemporaryDir dir;
    const auto digest = fileDigest(dir.path());
    QVERIFY(!digest);
    QCOMPARE(digest.error().code, Store::Error::Io);
}

void TestFileDigest::unreadableFile()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "secret", "x"));
    QFile file(dir.filePath("secret"));
    QVERIFY(file.setPermissions(QFileDevice::WriteOwner));
    if (QFile(dir.filePath("secret")).open(QIODevice::ReadOnly))
        QSKIP("running as a user who reads any file (root)");
    const auto digest = fileDigest(dir.filePath("secret"));
    QVERIFY(!digest);
    QCOMPARE(digest.error().code, Store::Error::Io);
}

void TestFileDigest::cancelled()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "f", "abc"));
    Store::CancelFlag cancel(true);
    const auto digest = fileDigest(dir.filePath("f"), &cancel);
    QVERIFY(!digest);
    QCOMPARE(digest.error().code, Store::Error::Cancelled);
}

QTEST_GUILESS_MAIN(TestFileDigest)
#include "tst_filedigest.moc"
