#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Store;

// Every kind of bad input gets its own clear message, never a crash, and leaves the file as it was.
class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void rejected_data();
    void rejected();
    void lockedByAWriter();
    void corruptPagesFailWhileReading();
};

namespace {
enum class Kind { Missing, Directory, Empty, Text, TruncatedHeader, TruncatedDatabase, Garbage, NotMlflow };
}
Q_DECLARE_METATYPE(Kind)

void TestBadInput::rejected_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("wording");
    QTest::addRow("missing file") << Kind::Missing << int(Error::NotFound) << "does not exist";
    QTest::addRow("directory") << Kind::Directory << int(Error::IsDirectory) << "is a folder";
    QTest::addRow("empty file") << Kind::Empty << int(Error::EmptyFile) << "empty file";
    QTest::addRow("text file") << Kind::Text << int(Error::NotSqlite) << "not a SQLite database";
    QTest::addRow("truncated header") << Kind::TruncatedHeader << int(Error::Corrupt) << "truncated";
    QTest::addRow("truncated database") << Kind::TruncatedDatabase << int(Error::Corrupt) << "truncated";
    QTest::addRow("garbage after header") << Kind::Garbage << int(Error::Corrupt) << "damaged";
    QTest::addRow("other sqlite database") << Kind::NotMlflow << int(Error::NotMlflow) << "not an MLflow";
}

void TestBadInput::rejected()
{
    QFETCH(Kind, kind);
    QFETCH(int, code);
    QFETCH(QString, wording);

    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("store.db"));
    const auto writeFile = [&](const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    const auto fixtureBytes = [] {
        QFile file(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    switch (kind) {
    case Kind::Missing:
        break;
    case Kind::Directory:
        path = dir.path();
        break;
    case Kind::Empty:
        writeFile({});
        break;
    case Kind::Text:
        writeFile("experiment,run\n0,abc\n");
        break;
    case Kind::TruncatedHeader:
        writeFile(fixtureBytes().left(60));
        break;
    case Kind::TruncatedDatabase: {
        const QByteArray bytes = fixtureBytes();
        QVERIFY(bytes.size() > 8192);
        writeFile(bytes.left(bytes.size() / 2)); // a copy cut off half-way
        break;
    }
    case Kind::Garbage: {
        // A valid header followed by noise where the schema should be.
        QByteArray bytes = fixtureBytes();
        for (qsizetype i = 100; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919) & 0xff);
        writeFile(bytes);
        break;
    }
    case Kind::NotMlflow: {
        SqliteConnection db;
        QCOMPARE(db.open(path, SqliteConnection::Mode::Create, 1000).code, Error::None);
        QCOMPARE(db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES "
                         "(1, 'x');")
                     .code,
                 Error::None);
        break;
    }
    }

    const QByteArray before = TestSupport::fileHash(path);
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    const auto reader = openStore(path);
    QVERIFY(!reader.ok());
    QCOMPARE(int(reader.error().code), code);
    QVERIFY2(reader.error().message.contains(wording), qPrintable(reader.error().message));
    if (kind != Kind::Directory)
        QVERIFY2(reader.error().message.contains(QFileInfo(path).fileName()),
                 qPrintable(reader.error().message));
    QCOMPARE(TestSupport::fileHash(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);
}

void TestBadInput::lockedByAWriter()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    // A writer that holds an exclusive lock, as MLflow does while committing a batch.
    SqliteConnection writer;
    QCOMPARE(writer.open(path, SqliteConnection::Mode::ReadWrite, 1000).code, Error::None);
    QCOMPARE(writer.exec("BEGIN EXCLUSIVE; UPDATE runs SET status = status;").code, Error::None);

    const auto reader = openStore(path, {200});
    QVERIFY(!reader.ok());
    QCOMPARE(reader.error().code, Error::Locked);
    QVERIFY2(reader.error().message.contains(QLatin1String("locked by another program")),
             qPrintable(reader.error().message));

    // Once the writer is done, the same store reads fine.
    QCOMPARE(writer.exec("COMMIT;").code, Error::None);
    const auto again = openStore(path, {200});
    QVERIFY(again.ok());
    QCOMPARE((*again)->runs({})->size(), 26);
}

void TestBadInput::corruptPagesFailWhileReading()
{
    // The schema page is intact but the data pages are not: the failure comes from a later read.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.db"));
    QFile source(TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();
    const int pageSize = (uchar(bytes[16]) << 8) | uchar(bytes[17]);
    for (qsizetype i = pageSize * 3; i < bytes.size(); ++i)
        bytes[i] = char(0xA5);
    QFile target(path);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(bytes);
    target.close();

    auto reader = openStore(path);
    if (!reader.ok()) {
        QCOMPARE(reader.error().code, Error::Corrupt);
        return;
    }
    const auto runs = (*reader)->runs({});
    const auto history = (*reader)->metricHistory(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae"),
                                                  QStringLiteral("metric_0"));
    QVERIFY(!runs.ok() || !history.ok());
    const Error error = !runs.ok() ? runs.error() : history.error();
    QCOMPARE(error.code, Error::Corrupt);
    QVERIFY2(error.message.contains(QLatin1String("damaged")), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
