#include "artifactlocation.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using Artifacts::Location;
using Artifacts::LocationInput;
using Status = Location::Status;

Q_DECLARE_METATYPE(Location::Status)

// resolveLocation() over every form of artifact URI MLflow writes (mlflow-format.md §2.10), on
// real folders: "@" in the table stands for the test's temporary folder, which holds
//   store/mlflow.db, store/mlruns/{1/aaa,0/rel}/artifacts, store/mlartifacts/3/ccc/artifacts,
//   with space/mlruns/2/bbb/artifacts, cwd/mlruns/0/cwdrun/artifacts,
//   userroot/4/ddd/artifacts, fs/mlruns/5/eee/artifacts (an mlruns/ folder store).
class TestArtifactLocation : public QObject
{
    Q_OBJECT

private:
    QString at(const QString &text) const { return QString(text).replace(QLatin1Char('@'), m_dir.path()); }
    QStringList at(const QStringList &texts) const
    {
        QStringList result;
        for (const QString &text : texts)
            result.append(at(text));
        return result;
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void resolve_data();
    void resolve();
    void messages();
};

void TestArtifactLocation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *folder :
         {"store/mlruns/1/aaa/artifacts", "store/mlruns/0/rel/artifacts", "store/mlartifacts/3/ccc/artifacts",
          "with space/mlruns/2/bbb/artifacts", "cwd/mlruns/0/cwdrun/artifacts", "userroot/4/ddd/artifacts",
          "fs/mlruns/5/eee/artifacts"})
        QVERIFY(QDir(m_dir.path()).mkpath(QLatin1String(folder)));
    QFile db(m_dir.filePath(QStringLiteral("store/mlflow.db")));
    QVERIFY(db.open(QIODevice::WriteOnly));
}

void TestArtifactLocation::resolve_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("artifactsRoot");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("tried");

    const QString db = QStringLiteral("@/store/mlflow.db");
    const QString found = QStringLiteral("@/store/mlruns/1/aaa/artifacts");
    QTest::addRow("absolute") << found << db << "" << Status::Local << "" << found << QStringList {found};
    QTest::addRow("absolute, unclean") << "@/store//mlruns/1/aaa/artifacts/" << db << "" << Status::Local
                                       << "" << found << QStringList {found};
    const QString spaced = QStringLiteral("@/with space/mlruns/2/bbb/artifacts");
    QTest::addRow("file:/// with %%20")
        << QString::fromLatin1(QUrl::fromLocalFile(at(spaced)).toEncoded()) << db << "" << Status::Local
        << "file" << spaced << QStringList {spaced};
    QTest::addRow("file://localhost/p") << "file://localhost@/store/mlruns/1/aaa/artifacts" << db << ""
                                        << Status::Local << "file" << found << QStringList {found};
    QTest::addRow("file:/p") << "file:@/store/mlruns/1/aaa/artifacts" << db << "" << Status::Local << "file"
                             << found << QStringList {found};
    QTest::addRow("relative, store folder")
        << "./mlruns/0/rel/artifacts" << db << "" << Status::Local << ""
        << "@/store/mlruns/0/rel/artifacts" << QStringList {"@/store/mlruns/0/rel/artifacts"};
    QTest::addRow("relative, working dir")
        << "./mlruns/0/cwdrun/artifacts" << db << "" << Status::Local << ""
        << "@/cwd/mlruns/0/cwdrun/artifacts"
        << QStringList {"@/store/mlruns/0/cwdrun/artifacts", "@/cwd/mlruns/0/cwdrun/artifacts"};
    QTest::addRow("relative, server store")
        << "mlruns/0/cwdrun/artifacts"
        << "postgresql://u@db.example/mlflow"
        << "" << Status::Local << ""
        << "@/cwd/mlruns/0/cwdrun/artifacts" << QStringList {"@/cwd/mlruns/0/cwdrun/artifacts"};
    const QString user = QStringLiteral("@/userroot/4/ddd/artifacts");
    QTest::addRow("mlflow-artifacts:/, user root")
        << "mlflow-artifacts:/4/ddd/artifacts" << db << "@/userroot" << Status::Local << "mlflow-artifacts"
        << user << QStringList {user};
    QTest::addRow("mlflow-artifacts://host, user root")
        << "mlflow-artifacts://tracking.example:5000/4/ddd/artifacts" << db << "@/userroot" << Status::Local
        << "mlflow-artifacts" << user << QStringList {user};
    const QString served = QStringLiteral("@/store/mlartifacts/3/ccc/artifacts");
    QTest::addRow("mlflow-artifacts:/, default root")
        << "mlflow-artifacts:/3/ccc/artifacts" << db << "" << Status::Local << "mlflow-artifacts" << served
        << QStringList {served};
    QTest::addRow("mlflow-artifacts://host, default root")
        << "mlflow-artifacts://localhost:5000/3/ccc/artifacts" << db << "" << Status::Local
        << "mlflow-artifacts" << served << QStringList {served};
    QTest::addRow("mlflow-artifacts:/, user root lacks it")
        << "mlflow-artifacts:/3/ccc/artifacts" << db << "@/userroot" << Status::Local << "mlflow-artifacts"
        << served << QStringList {"@/userroot/3/ccc/artifacts", served};
    QTest::addRow("mlflow-artifacts:/, in the store's mlruns")
        << "mlflow-artifacts:/1/aaa/artifacts" << db << "" << Status::Local << "mlflow-artifacts" << found
        << QStringList {"@/store/mlartifacts/1/aaa/artifacts", found};
    QTest::addRow("moved db store, absolute")
        << "/home/other/proj/mlruns/1/aaa/artifacts" << db << "" << Status::Local << "" << found
        << QStringList {"/home/other/proj/mlruns/1/aaa/artifacts", found};
    QTest::addRow("moved db store, file:///C:/")
        << "file:///C:/Users/Louis%20Owen/mlruns/1/aaa/artifacts" << db << "" << Status::Local << "file"
        << found << QStringList {"C:/Users/Louis Owen/mlruns/1/aaa/artifacts", found};
    QTest::addRow("moved db store, C:\\")
        << "C:\\proj\\mlruns\\1\\aaa\\artifacts" << db << "" << Status::Local << "" << found
        << QStringList {"C:/proj/mlruns/1/aaa/artifacts", found};
    QTest::addRow("moved mlruns folder store")
        << "file:///old/place/mlruns/5/eee/artifacts"
        << "@/fs/mlruns"
        << "" << Status::Local << "file"
        << "@/fs/mlruns/5/eee/artifacts"
        << QStringList {"/old/place/mlruns/5/eee/artifacts", "@/fs/mlruns/5/eee/artifacts"};
    QTest::addRow("missing") << "@/nowhere/9/zzz/artifacts" << db << "" << Status::Missing << ""
                             << "@/nowhere/9/zzz/artifacts"
                             << QStringList {"@/nowhere/9/zzz/artifacts", "@/store/mlruns/9/zzz/artifacts"};
    QTest::addRow("missing, two components") << "/zzz/artifacts" << db << "" << Status::Missing << ""
                                             << "/zzz/artifacts" << QStringList {"/zzz/artifacts"};
    QTest::addRow("missing mlflow-artifacts, server store") << "mlflow-artifacts:/1/aaa/artifacts"
                                                            << "postgresql://db.example/mlflow"
                                                            << "" << Status::Missing << "mlflow-artifacts"
                                                            << "" << QStringList {};
    for (const char *uri :
         {"s3://bucket/mlflow/1/aaa/artifacts", "gs://bucket/1/aaa/artifacts",
          "wasbs://container@account.blob.core.windows.net/1/aaa/artifacts",
          "abfss://container@account.dfs.core.windows.net/1/aaa/artifacts",
          "hdfs://namenode:8020/mlflow/1/aaa", "dbfs:/databricks/mlflow-tracking/1/aaa/artifacts",
          "http://files.example/1/aaa/artifacts", "https://files.example/1/aaa/artifacts",
          "sftp://user@host/srv/mlflow/1/aaa/artifacts", "ftp://host/mlflow/1/aaa/artifacts"}) {
        const QString text = QLatin1String(uri);
        QTest::addRow("remote %s", uri) << text << db << "" << Status::Remote
                                        << text.section(QLatin1Char(':'), 0, 0) << "" << QStringList {};
    }
    QTest::addRow("empty") << "" << db << "" << Status::Invalid << ""
                           << "" << QStringList {};
    QTest::addRow("blank") << "  " << db << "" << Status::Invalid << ""
                           << "" << QStringList {};
}

void TestArtifactLocation::resolve()
{
    QFETCH(QString, uri);
    QFETCH(QString, store);
    QFETCH(QString, artifactsRoot);
    QFETCH(Status, status);
    QFETCH(QString, scheme);
    QFETCH(QString, path);
    QFETCH(QStringList, tried);

    const LocationInput input {.artifactUri = at(uri),
                               .storeLocation = at(store),
                               .artifactsRoot = at(artifactsRoot),
                               .workingDirectory = m_dir.filePath(QStringLiteral("cwd"))};
    const Location location = Artifacts::resolveLocation(input);
    QCOMPARE(location.tried, at(tried));
    QCOMPARE(location.status, status);
    QCOMPARE(location.path, at(path));
    QCOMPARE(location.scheme, scheme);
    QCOMPARE(location.isLocal(), status == Status::Local);
    QVERIFY(!location.message().isEmpty());
}

void TestArtifactLocation::messages()
{
    const QString db = m_dir.filePath(QStringLiteral("store/mlflow.db"));
    const Location remote = Artifacts::resolveLocation(
        {.artifactUri = QStringLiteral("s3://b/p/1/r/artifacts"), .storeLocation = db});
    QCOMPARE(remote.message(),
             QStringLiteral("s3://b/p/1/r/artifacts is in a remote artifact store, not available offline."));

    const Location missing = Artifacts::resolveLocation(
        {.artifactUri = QStringLiteral("/gone/1/r/artifacts"), .storeLocation = db});
    QCOMPARE(missing.message(),
             QStringLiteral("No artifact folder at /gone/1/r/artifacts (also looked in %1).")
                 .arg(m_dir.filePath(QStringLiteral("store/mlruns/1/r/artifacts"))));

    const Location served = Artifacts::resolveLocation(
        {.artifactUri = QStringLiteral("mlflow-artifacts:/1/r/artifacts"), .storeLocation = db});
    QVERIFY2(served.message().contains(QLatin1String("--artifacts-destination")),
             qPrintable(served.message()));

    QCOMPARE(Artifacts::resolveLocation({.storeLocation = db}).message(),
             QStringLiteral("The run has no artifact location."));
    const Location local = Artifacts::resolveLocation(
        {.artifactUri = m_dir.filePath(QStringLiteral("store/mlruns/1/aaa/artifacts")), .storeLocation = db});
    QVERIFY(local.message().contains(local.path));
}

QTEST_GUILESS_MAIN(TestArtifactLocation)
#include "tst_artifactlocation.moc"
