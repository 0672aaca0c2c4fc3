#include "sqlitehandle.h"
#include "storefactory.h"
#include "storelocation.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Store;

// What only the SQLite backend does: schema introspection of the real MLflow databases in
// ../shared/fixtures/mlflow, read-only opening, sqlite:/// URIs.
class TestSqliteStore : public QObject
{
    Q_OBJECT

private slots:
    void fixturesOpen_data();
    void fixturesOpen();
    void readingLeavesTheFileUntouched();
    void unknownNewerSchemaOpensWithNotice();
    void sqliteUriIsAccepted();
};

void TestSqliteStore::fixturesOpen_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<int>("runs");
    QTest::addColumn<bool>("hasLatestMetrics");
    QTest::addColumn<bool>("hasRegistry");
    QTest::addColumn<QString>("artifactLocation");
    QTest::addRow("1.2") << "mlflow-1.2-7ac759974ad8-metrics.db"
                         << "7ac759974ad8" << 26 << false << false << "./mlruns/0";
    QTest::addRow("2.8") << "mlflow-2.8-2d6e25af4d3e-empty.db"
                         << "2d6e25af4d3e" << 0 << true << true << "";
    QTest::addRow("3.0") << "mlflow-3.0-6953534de441-empty.db"
                         << "6953534de441" << 0 << true << true << "";
    QTest::addRow("3.9") << "mlflow-3.9-c9d4e5f6a7b8-empty.db"
                         << "c9d4e5f6a7b8" << 0 << true << true << "mlflow-artifacts:/0";
}

void TestSqliteStore::fixturesOpen()
{
    QFETCH(QString, file);
    QFETCH(QString, revision);
    QFETCH(int, runs);
    QFETCH(bool, hasLatestMetrics);
    QFETCH(bool, hasRegistry);
    QFETCH(QString, artifactLocation);

    auto reader = openStore(TestSupport::fixturePath(file));
    QVERIFY2(reader.ok(), qPrintable(reader ? QString() : reader.error().message));
    const SchemaInfo &schema = TestSupport::sqliteSchema(**reader);
    QCOMPARE(schema.revision, revision);
    QVERIFY(schema.isKnownRevision);
    QVERIFY((*reader)->notice().isEmpty());
    QCOMPARE(schema.hasLatestMetrics, hasLatestMetrics);
    QCOMPARE(schema.hasRegistry, hasRegistry);
    QVERIFY(schema.hasMetricStep);
    QVERIFY(schema.hasMetricIsNan);

    const auto experiments = (*reader)->experiments();
    QVERIFY(experiments.ok());
    QCOMPARE(experiments->size(), 1);
    QCOMPARE(experiments->first().id, QStringLiteral("0"));
    QCOMPARE(experiments->first().name, QStringLiteral("Default"));
    QCOMPARE(experiments->first().runCount, runs);
    if (!artifactLocation.isEmpty())
        QCOMPARE(experiments->first().artifactLocation, artifactLocation);

    const auto table = (*reader)->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->size(), runs);
}

void TestSqliteStore::readingLeavesTheFileUntouched()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    const QByteArray before = TestSupport::fileHash(path);
    {
        auto reader = openStore(path);
        QVERIFY(reader.ok());
        QVERIFY((*reader)->experiments(ViewType::All).ok());
        QVERIFY((*reader)->runs({}).ok());
        QVERIFY((*reader)
                    ->metricHistory(QStringLiteral("bd263e2b04b04460a40c1acae72a18ae"),
                                    QStringLiteral("metric_1"))
                    .ok());
        // No journal, WAL or shared-memory file appears while the store is open.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});
    }
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteStore::unknownNewerSchemaOpensWithNotice()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db"), dir);
    {
        SqliteConnection db;
        QCOMPARE(db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code, Error::None);
        QCOMPARE(db.exec("UPDATE alembic_version SET version_num = 'f00dfeedbeef';"
                         "CREATE TABLE future_things (id INTEGER PRIMARY KEY);")
                     .code,
                 Error::None);
    }
    const QByteArray before = TestSupport::fileHash(path);
    auto reader = openStore(path);
    QVERIFY(reader.ok());
    QVERIFY(!TestSupport::sqliteSchema(**reader).isKnownRevision);
    QVERIFY((*reader)->notice().contains(QLatin1String("f00dfeedbeef")));
    QVERIFY((*reader)->notice().contains(QLatin1String("read-only")));
    QCOMPARE((*reader)->experiments()->size(), 1);
    QVERIFY((*reader)->runs({}).ok());
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestSqliteStore::sqliteUriIsAccepted()
{
    const QString path = TestSupport::fixturePath(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db"));
    QCOMPARE(Location::parse(QStringLiteral("sqlite:///") + path).path(), path);
    QCOMPARE(Location::parse(QStringLiteral("sqlite:///mlflow.db")).path(),
             QDir::current().absoluteFilePath("mlflow.db"));
    QVERIFY(openStore(QStringLiteral("sqlite:///") + path).ok());
    // PostgreSQL is the one database server Kaizen reads (tst_pgbadinput).
    QCOMPARE(openStore(QStringLiteral("mysql://host/db")).error().code, Error::Unsupported);
}

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
