#include "cli/commands.h"
#include "clirunner.h"
#include "demostore.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using CliRunner::kaizen;
using CliRunner::Outcome;

namespace {

// Run folders (<experiment>/<run>/meta.yaml, deleted experiments under .trash/) of an mlruns/ folder.
int runFolders(const QString &mlruns)
{
    int runs = 0;
    QDirIterator it(mlruns, {QStringLiteral("meta.yaml")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QStringList parts = QDir(mlruns).relativeFilePath(it.next()).split(QLatin1Char('/'));
        if (parts.first() == QLatin1String(".trash"))
            parts.removeFirst();
        runs += parts.size() == 3 && parts.first() != QLatin1String("models");
    }
    return runs;
}

} // namespace

class TestDemoCli : public QObject
{
    Q_OBJECT

private slots:
    void writesFileStore();
    void refusesExistingWithoutForce();
    void forceKeepsForeignFolders();
    void demoStoreOfTheWindow();
};

void TestDemoCli::writesFileStore()
{
    QTemporaryDir dir;
    const QString mlruns = dir.filePath(QStringLiteral("demo/mlruns"));
    const Outcome o = kaizen({"demo", mlruns, "--file-store"});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(o.out.trimmed(), mlruns.toUtf8());
    QVERIFY(QFileInfo::exists(mlruns + QStringLiteral("/0/meta.yaml")));
    QCOMPARE(runFolders(mlruns), Store::DemoStore::Counts::Runs);
    // Artifacts where MLflow's file store keeps them, and the run's meta.yaml pointing there.
    QString mlmodel; // of a run's logged model, not of an MLflow 3 logged model (<exp>/models/<id>)
    QDirIterator models(mlruns, {QStringLiteral("MLmodel")}, QDir::Files, QDirIterator::Subdirectories);
    while (mlmodel.isEmpty() && models.hasNext()) {
        const QString path = models.next();
        if (!path.contains(QLatin1String("/models/m-")))
            mlmodel = path;
    }
    QVERIFY(!mlmodel.isEmpty());
    const QString runFolder = QFileInfo(mlmodel).absolutePath().section(QLatin1Char('/'), 0, -3);
    QFile meta(runFolder + QStringLiteral("/meta.yaml"));
    QVERIFY2(meta.open(QIODevice::ReadOnly), qPrintable(runFolder));
    QVERIFY(meta.readAll().startsWith("artifact_uri: file://" + runFolder.toUtf8() + "/artifacts\n"));
    // No temporary database or staging folder is left beside it.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("demo")))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {QStringLiteral("mlruns")});
}

void TestDemoCli::refusesExistingWithoutForce()
{
    QTemporaryDir dir;
    const QString mlruns = dir.filePath(QStringLiteral("mlruns"));
    QCOMPARE(kaizen({"demo", mlruns, "--file-store"}).exitCode, 0);
    const Outcome again = kaizen({"demo", mlruns, "--file-store"});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("--force"), again.err.constData());
    const Outcome forced = kaizen({"demo", mlruns, "--file-store", "--force"});
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QCOMPARE(runFolders(mlruns), Store::DemoStore::Counts::Runs);
}

void TestDemoCli::forceKeepsForeignFolders()
{
    QTemporaryDir dir;
    QFile mine(dir.filePath(QStringLiteral("thesis.tex")));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("keep me");
    mine.close();
    const Outcome o = kaizen({"demo", dir.path(), "--file-store", "--force"});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("no MLflow file store"), o.err.constData());
    QVERIFY(QFileInfo::exists(mine.fileName()));
}

// `kaizen --demo`'s store: ~/.local/share/Kaizen/demo, not .../Kaizen/Kaizen/demo (organisation
// and application are both Kaizen); the one earlier builds wrote there is removed.
void TestDemoCli::demoStoreOfTheWindow()
{
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.path().toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationName(QStringLiteral("Kaizen"));
    const QString former = home.filePath(QStringLiteral("Kaizen/Kaizen/demo"));
    QVERIFY(QDir().mkpath(former));
    QFile revision(former + QStringLiteral("/revision"));
    QVERIFY(revision.open(QIODevice::WriteOnly));
    revision.write("2\n");
    revision.close();

    const QString path = Cli::demoStorePath();
    QCOMPARE(path, home.filePath(QStringLiteral("Kaizen/demo/mlflow.db")));
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(former));
    const QDateTime written = QFileInfo(path).lastModified();
    QCOMPARE(Cli::demoStorePath(), path); // not written again
    QCOMPARE(QFileInfo(path).lastModified(), written);
    qunsetenv("XDG_DATA_HOME");
}

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
