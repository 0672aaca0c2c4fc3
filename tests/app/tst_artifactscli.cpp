#include "artifactroots.h"
#include "clirunner.h"
#include "demostore.h"
#include "storebuilder.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

// `kaizen artifacts STORE RUN_ID` on the demo store (artifacts beside the database), a copy of
// it moved elsewhere, runs whose artifacts are missing or remote, and `mlflow-artifacts:` URIs
// under the folder the user set for the store.
class TestArtifactsCli : public QObject
{
    Q_OBJECT

private:
    CliRunner::Outcome kaizen(const QStringList &arguments) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        return CliRunner::kaizen(arguments, env);
    }
    // Every file and folder under `root`, '/'-separated relative paths -> size (-1: folder).
    static QMap<QString, qint64> onDisk(const QString &root)
    {
        QMap<QString, qint64> result;
        QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QFileInfo info = it.fileInfo();
            result.insert(QDir(root).relativeFilePath(info.filePath()), info.isDir() ? -1 : info.size());
        }
        return result;
    }
    static QMap<QString, qint64> listed(const QJsonArray &entries)
    {
        QMap<QString, qint64> result;
        for (const QJsonValue &value : entries) {
            const QJsonObject e = value.toObject();
            result.insert(e.value("path").toString(),
                          e.value("is_dir").toBool() ? -1 : e.value("size").toInteger());
        }
        return result;
    }
    static bool copyTree(const QString &from, const QString &to)
    {
        QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(it.filePath());
            if (it.fileInfo().isDir() ? !QDir().mkpath(target) : !QFile::copy(it.filePath(), target))
                return false;
        }
        return true;
    }
    // (run id, artifact_uri) of the demo store's runs.
    static QList<QStringList> runs(const QString &db)
    {
        return TestSupport::queryRows(db, "SELECT run_uuid, artifact_uri FROM runs ORDER BY run_uuid");
    }

    QTemporaryDir m_dir;
    QString m_config;
    QString m_demo; // the demo store's database
    QString m_modelRun; // a demo run that logged a model
    QString m_modelRunArtifacts;

private slots:
    void initTestCase();
    void listsDemoRun();
    void formats();
    void missingArtifacts();
    void unknownRun();
    void remoteArtifacts();
    void servedArtifacts();
    void movedStore();
    void badArguments();
};

void TestArtifactsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Kaizen's settings (the artifacts roots) in the test's folder, here and in the child.
    m_config = m_dir.filePath(QStringLiteral("config"));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config));
    QCoreApplication::setOrganizationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationName(QStringLiteral("Kaizen"));

    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("demo")));
    m_demo = m_dir.filePath(QStringLiteral("demo/mlflow.db"));
    const Store::Error error = Store::DemoStore::generate(m_demo);
    QVERIFY2(error.ok(), qPrintable(error.message));
    const QList<QStringList> rows = TestSupport::queryRows(
        m_demo,
        "SELECT r.run_uuid, r.artifact_uri FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid "
        "WHERE t.key = 'mlflow.log-model.history' ORDER BY r.run_uuid LIMIT 1");
    QCOMPARE(rows.size(), 1);
    m_modelRun = rows.at(0).at(0);
    m_modelRunArtifacts = rows.at(0).at(1);
    QVERIFY2(QFileInfo(m_modelRunArtifacts).isDir(), qPrintable(m_modelRunArtifacts));
}

void TestArtifactsCli::listsDemoRun()
{
    const CliRunner::Outcome o = kaizen({"artifacts", m_demo, m_modelRun, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.err.isEmpty(), o.err.constData());
    const QJsonArray entries = CliRunner::jsonArray(o.out);
    QVERIFY(entries.size() >= 5);
    QCOMPARE(listed(entries), onDisk(m_modelRunArtifacts));
    QStringList paths;
    for (const QJsonValue &value : entries) {
        const QJsonObject e = value.toObject();
        for (const char *field : {"path", "size", "is_dir"})
            QVERIFY2(e.contains(QLatin1String(field)), field);
        QVERIFY(e.value("path").isString() && e.value("size").isDouble() && e.value("is_dir").isBool());
        paths.append(e.value("path").toString());
    }
    // listArtifacts' order: a folder right before its contents, names in byte order.
    QCOMPARE(paths.indexOf(QStringLiteral("model")) + 1, paths.indexOf(QStringLiteral("model/MLmodel")));
    QVERIFY(paths.contains(QStringLiteral("model/model.pkl")));
}

void TestArtifactsCli::formats()
{
    const CliRunner::Outcome table = kaizen({"artifacts", m_demo, m_modelRun});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith("PATH"));
    QVERIFY(table.out.contains("model/MLmodel"));

    const CliRunner::Outcome tsv = kaizen({"artifacts", m_demo, m_modelRun, "--format", "tsv"});
    QCOMPARE(tsv.exitCode, 0);
    const QList<QByteArray> lines = tsv.out.trimmed().split('\n');
    QCOMPARE(lines.first(), QByteArray("path\tsize\tis_dir\tmodified\tis_symlink\tbroken"));
    QCOMPARE(lines.size(), onDisk(m_modelRunArtifacts).size() + 1);
    const qint64 size = QFileInfo(m_modelRunArtifacts + QStringLiteral("/model/MLmodel")).size();
    bool found = false;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.first() == "model/MLmodel") {
            found = true;
            QCOMPARE(fields.at(1).toLongLong(), size);
            QCOMPARE(fields.at(2), QByteArray("false"));
        }
    }
    QVERIFY(found);
}

void TestArtifactsCli::missingArtifacts()
{
    QString run, uri;
    for (const QStringList &row : runs(m_demo)) {
        if (!QFileInfo(row.at(1)).exists()) {
            run = row.at(0);
            uri = row.at(1);
            break;
        }
    }
    QVERIFY2(!run.isEmpty(), "the demo store has runs without artifacts");
    const CliRunner::Outcome o = kaizen({"artifacts", m_demo, run, "--format", "json"});
    QCOMPARE(o.exitCode, 3);
    QVERIFY(o.out.isEmpty());
    QVERIFY2(o.err.contains(("No artifact folder at " + uri).toUtf8()), o.err.constData());
}

void TestArtifactsCli::unknownRun()
{
    const CliRunner::Outcome o = kaizen({"artifacts", m_demo, "0123456789abcdef0123456789abcdef"});
    QCOMPARE(o.exitCode, 2);
    QVERIFY(!o.err.isEmpty());
}

void TestArtifactsCli::remoteArtifacts()
{
    const QString db = m_dir.filePath(QStringLiteral("remote.db"));
    auto builder = Store::StoreBuilder::create(db);
    QVERIFY(builder.ok());
    const qint64 experiment = (*builder)->addExperiment(
        {.name = QStringLiteral("on-s3"), .artifactLocation = QStringLiteral("s3://bucket/mlflow/1")});
    const QString run = (*builder)->addRun({.experimentId = experiment, .name = QStringLiteral("r")});
    QVERIFY((*builder)->finish().ok());
    const CliRunner::Outcome o = kaizen({"artifacts", db, run});
    QCOMPARE(o.exitCode, 3);
    QVERIFY(o.out.isEmpty());
    QCOMPARE(o.err.trimmed(),
             QStringLiteral("kaizen: s3://bucket/mlflow/1/%1/artifacts is in a remote artifact "
                            "store, not available offline.")
                 .arg(run)
                 .toUtf8());
}

// mlflow-artifacts: URIs resolve under the folder set for the store (ArtifactRoots).
void TestArtifactsCli::servedArtifacts()
{
    const QString db = m_dir.filePath(QStringLiteral("served/mlflow.db"));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("served")));
    auto builder = Store::StoreBuilder::create(db);
    QVERIFY(builder.ok());
    const qint64 experiment = (*builder)->addExperiment(
        {.name = QStringLiteral("served"), .artifactLocation = QStringLiteral("mlflow-artifacts:/7")});
    const QString run = (*builder)->addRun({.experimentId = experiment, .name = QStringLiteral("r")});
    QVERIFY((*builder)->finish().ok());
    const QString destination = m_dir.filePath(QStringLiteral("destination"));
    QVERIFY(QDir(destination).mkpath(QStringLiteral("7/%1/artifacts/plots").arg(run)));
    QFile file(destination + QStringLiteral("/7/%1/artifacts/plots/loss.png").arg(run));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("png") == 3);
    file.close();

    const CliRunner::Outcome unset = kaizen({"artifacts", db, run});
    QCOMPARE(unset.exitCode, 3);
    QVERIFY2(unset.err.contains("--artifacts-destination"), unset.err.constData());

    ArtifactRoots::setRoot(db, destination);
    const CliRunner::Outcome o = kaizen({"artifacts", db, run, "--format", "json"});
    ArtifactRoots::setRoot(db, QString());
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(listed(CliRunner::jsonArray(o.out)),
             (QMap<QString, qint64> {{QStringLiteral("plots"), -1}, {QStringLiteral("plots/loss.png"), 3}}));
}

// A store copied to another folder (another machine) keeps absolute artifact paths that no
// longer exist; its own mlruns/ beside the database holds them.
void TestArtifactsCli::movedStore()
{
    QTemporaryDir origin;
    const QString db = origin.filePath(QStringLiteral("mlflow.db"));
    QVERIFY(Store::DemoStore::generate(db).ok());
    QString run, uri;
    for (const QStringList &row : runs(db)) {
        if (QFileInfo(row.at(1) + QStringLiteral("/model")).isDir()) {
            run = row.at(0);
            uri = row.at(1);
            break;
        }
    }
    QVERIFY(!run.isEmpty());
    const QMap<QString, qint64> expected = onDisk(uri);
    const QString moved = m_dir.filePath(QStringLiteral("moved"));
    QVERIFY(QDir().mkpath(moved));
    QVERIFY(QFile::copy(db, moved + QStringLiteral("/mlflow.db")));
    QVERIFY(copyTree(origin.filePath(QStringLiteral("mlruns")), moved + QStringLiteral("/mlruns")));
    QVERIFY(origin.remove());
    QVERIFY(!QFileInfo::exists(uri));

    const CliRunner::Outcome o
        = kaizen({"artifacts", moved + QStringLiteral("/mlflow.db"), run, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(listed(CliRunner::jsonArray(o.out)), expected);
}

void TestArtifactsCli::badArguments()
{
    const CliRunner::Outcome o = kaizen({"artifacts", m_demo});
    QCOMPARE(o.exitCode, 2);
    QVERIFY(o.err.contains("expected STORE RUN_ID"));
    QCOMPARE(kaizen({"artifacts", m_demo, m_modelRun, "--format", "csv"}).exitCode, 2);
    QVERIFY(kaizen({"help"}).out.contains("kaizen artifacts STORE RUN_ID"));
}

QTEST_GUILESS_MAIN(TestArtifactsCli)
#include "tst_artifactscli.moc"
