#include "storelocation.h"

#include <QDir>
#include <QTest>

using namespace Store;

// One store, one name: every way of writing a location that MLflow users write.
class TestStoreLocation : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void serverPasswordIsNeverKept();
    void invalidTextNormalizesToItself();
};

void TestStoreLocation::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("displayName");
    const QString cwd = QDir::currentPath();
    const auto local = int(Location::Kind::Local);
    QTest::addRow("absolute path") << "/data/mlflow.db" << local << "/data/mlflow.db"
                                   << "mlflow.db";
    QTest::addRow("relative path") << "runs/mlflow.db" << local << cwd + "/runs/mlflow.db"
                                   << "mlflow.db";
    QTest::addRow("unclean path") << "/data/./x/../mlflow.db" << local << "/data/mlflow.db"
                                  << "mlflow.db";
    QTest::addRow("sqlite relative") << "sqlite:///mlflow.db" << local << cwd + "/mlflow.db"
                                     << "mlflow.db";
    QTest::addRow("sqlite absolute") << "sqlite:////data/mlflow.db" << local << "/data/mlflow.db"
                                     << "mlflow.db";
    QTest::addRow("file uri") << "file:///data/my%20runs/mlruns" << local << "/data/my runs/mlruns"
                              << "mlruns";
    QTest::addRow("folder") << "/data/mlruns/" << local << "/data/mlruns"
                            << "mlruns";
    QTest::addRow("postgresql") << "postgresql://ana@db.example:5432/mlflow" << int(Location::Kind::Server)
                                << "postgresql://ana@db.example:5432/mlflow"
                                << "db.example/mlflow";
    QTest::addRow("psycopg2") << "postgresql+psycopg2://ana@db/mlflow" << int(Location::Kind::Server)
                              << "postgresql://ana@db/mlflow"
                              << "db/mlflow";
    QTest::addRow("postgres, password")
        << "postgres://ana:secret@db/mlflow" << int(Location::Kind::Server) << "postgresql://ana@db/mlflow"
        << "db/mlflow";
    QTest::addRow("remote artifact scheme") << "s3://bucket/mlruns" << int(Location::Kind::Invalid) << ""
                                            << "";
    QTest::addRow("sqlite without path") << "sqlite://" << int(Location::Kind::Invalid) << ""
                                         << "";
    QTest::addRow("empty") << "" << int(Location::Kind::Invalid) << ""
                           << "";
}

void TestStoreLocation::parse()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, normalized);
    QFETCH(QString, displayName);
    const Location location = Location::parse(text);
    QCOMPARE(int(location.kind()), kind);
    QCOMPARE(location.normalized(), normalized);
    QCOMPARE(location.displayName(), displayName);
    QCOMPARE(location.isLocal(), !location.path().isEmpty());
}

void TestStoreLocation::serverPasswordIsNeverKept()
{
    const Location location = Location::parse(QStringLiteral("postgresql://ana:s3cret@db:5432/mlflow"));
    QCOMPARE(location.kind(), Location::Kind::Server);
    QVERIFY(!location.normalized().contains(QLatin1String("s3cret")));
    QVERIFY(!location.displayLocation().contains(QLatin1String("s3cret")));
    QCOMPARE(location.normalized(), QStringLiteral("postgresql://ana@db:5432/mlflow"));
}

void TestStoreLocation::invalidTextNormalizesToItself()
{
    // A location no backend reads keeps its text, so that the error message names it as typed.
    QCOMPARE(Location::normalize(QStringLiteral("s3://bucket/x")), QStringLiteral("s3://bucket/x"));
    QCOMPARE(Location::normalize(QStringLiteral("sqlite:///a/../b.db")),
             QDir::cleanPath(QDir::current().absoluteFilePath(QStringLiteral("b.db"))));
}

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "tst_storelocation.moc"
