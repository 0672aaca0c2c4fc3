#include "filestorefixture.h"
#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
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
    void foldersThatAreNoStore_data();
    void foldersThatAreNoStore();
    void damagedMlrunsFolderStillReads();
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

void TestBadInput::foldersThatAreNoStore_data()
{
    QTest::addColumn<QString>("file"); // written below the folder, empty: none
    QTest::addColumn<bool>("asUri");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("wording");
    QTest::addRow("empty folder") << QString() << false << int(Error::IsDirectory) << "not an MLflow store";
    QTest::addRow("empty folder as file://")
        << QString() << true << int(Error::IsDirectory) << "not an MLflow store";
    QTest::addRow("a folder of documents")
        << "docs/report.txt" << false << int(Error::IsDirectory) << "no experiment folder";
    QTest::addRow("meta.yaml two levels down")
        << "a/b/meta.yaml" << false << int(Error::IsDirectory) << "not an MLflow store";
    QTest::addRow("a missing folder as file://") << "-" << true << int(Error::NotFound) << "does not exist";
}

void TestBadInput::foldersThatAreNoStore()
{
    QFETCH(QString, file);
    QFETCH(bool, asUri);
    QFETCH(int, code);
    QFETCH(QString, wording);
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("folder"));
    QVERIFY(QDir().mkpath(path));
    if (file == QLatin1String("-"))
        path = dir.filePath(QStringLiteral("missing"));
    else if (!file.isEmpty())
        FileStoreFixture::MlrunsWriter(path).writeFile(file, "name: x\n");
    const auto reader = openStore(asUri ? QStringLiteral("file://") + path : path);
    QVERIFY(!reader.ok());
    QCOMPARE(int(reader.error().code), code);
    QVERIFY2(reader.error().message.contains(wording), qPrintable(reader.error().message));
    QVERIFY2(reader.error().message.contains(QLatin1String("missing"))
                 || reader.error().message.contains(path),
             qPrintable(reader.error().message));
}

// Every kind of damage inside an mlruns folder: the store opens, reads what it can, says what
// it skipped, and changes nothing.
void TestBadInput::damagedMlrunsFolderStillReads()
{
    QTemporaryDir dir;
    FileStoreFixture::MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("0")});
    out.metricText(QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("loss"),
                   QByteArray("\x00\xff\xfe garbage\n1 2 3\n", 18));
    out.writeFile(QStringLiteral("1/meta.yaml"), QByteArray("\x89PNG\r\n\x1a\n\x00\x00", 10)); // binary
    out.writeFile(QStringLiteral("0/aaaa/meta.yaml"), "run_id: aaaa\nstart_time: [1, 2\n"); // truncated
    out.writeFile(QStringLiteral("0/bbbb/meta.yaml"), ""); // empty
    out.writeFile(QStringLiteral("0/cccc/meta.yaml"), "run_id: cccc\nstart_time: yesterday\nstatus: 99\n");
    out.writeFile(QStringLiteral("0/dddd/metrics/m/.keep"), ""); // a folder where a metric file would be
    out.writeFile(QStringLiteral("0/dddd/meta.yaml"), "run_id: dddd\nexperiment_id: '0'\n");
    out.writeFile(QStringLiteral("models/broken/meta.yaml"), "name: [\n");
    out.writeFile(QStringLiteral("models/ok/meta.yaml"), "name: ok\n");
    out.writeFile(QStringLiteral("models/ok/version-x/meta.yaml"), "::\n");
    QVERIFY(out.ok());
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), dir.filePath(QStringLiteral("0/eeee"))));
    const auto snapshot = [&] {
        QStringList files;
        QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            files.append(path + QLatin1Char(' ') + TestSupport::fileHash(path));
        }
        files.sort();
        return files;
    };
    const QStringList before = snapshot();

    auto reader = openStore(dir.path());
    QVERIFY2(reader.ok(), reader.ok() ? "" : qPrintable(reader.error().message));
    const auto experiments = (*reader)->experiments(ViewType::All);
    QVERIFY(experiments.ok());
    QCOMPARE(experiments->size(), 1); // experiment 1 is skipped
    const auto runs = (*reader)->runs({});
    QVERIFY(runs.ok());
    QStringList ids;
    for (int row = 0; row < runs->size(); ++row)
        ids.append(runs->run(row).runId);
    ids.sort();
    // cccc: an unreadable time and status read as none and RUNNING; dddd has no metrics.
    QCOMPARE(ids, (QStringList {"0123456789abcdef0123456789abcdef", "cccc", "dddd"}));
    const int cccc = runs->indexOfRun(QStringLiteral("cccc"));
    QCOMPARE(runs->run(cccc).startTime, NoTime);
    QCOMPARE(runs->metric(runs->indexOfRun(QStringLiteral("0123456789abcdef0123456789abcdef")),
                          QStringLiteral("loss"))
                 ->value,
             2.0);
    const QString warnings = (*reader)->warnings().join(QLatin1Char('\n'));
    for (const char *name : {"aaaa", "bbbb", "eeee", "line 1 of metric loss"})
        QVERIFY2(warnings.contains(QLatin1String(name)), qPrintable(warnings));
    const auto models = (*reader)->registeredModels();
    QVERIFY(models.ok());
    QCOMPARE(models->size(), 1);
    QVERIFY((*reader)->modelVersions(QStringLiteral("ok"))->isEmpty());
    QCOMPARE(snapshot(), before);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
