#include "demostore.h"
#include "filestoreexport.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Store;

namespace {

constexpr qint64 T0 = 1700000000000;
const QString RunA = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString RunDeleted = QStringLiteral("11111111111111111111111111111111");
const QString RunRunning = QStringLiteral("22222222222222222222222222222222");
const QString RunOld = QStringLiteral("33333333333333333333333333333333");
// Long enough that PyYAML folds it.
constexpr char CustomersSchema[]
    = R"({"mlflow_colspec": [{"type": "long", "name": "tenure", "required": true}, {"type": "double", )"
      R"("name": "monthly_charges", "required": true}, {"type": "boolean", "name": "churned", )"
      R"("required": true}]})";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "<cannot read " + path.toUtf8() + ">";
    return file.readAll();
}

// Every file under `root`, as paths relative to it.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class TestFileStoreWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void experimentMeta();
    void runMeta();
    void metricLines();
    void paramsAndTags();
    void deletedExperimentInTrash();
    void datasetInputs();
    void registeredModelAndVersion();
    void softDeletedVersion();
    void artifactLocationOutsideKept();

    void refusesNonEmptyTarget();
    void cancelledWritesNothing();
    void demoStore();

private:
    // Builds the fixture store and exports it into m_mlruns.
    QString buildStore(const QString &dbPath, const QString &artifactRoot);

    QTemporaryDir m_dir {QDir::tempPath() + QStringLiteral("/kaizen fs XXXXXX")}; // a space to encode
    QString m_mlruns;
    QString m_mlrunsUri; // file:// URI of m_mlruns as MLflow writes it
    QString m_otherRoot; // an artifact root outside the store
};

QString TestFileStoreWriter::buildStore(const QString &dbPath, const QString &artifactRoot)
{
    StoreBuilder::Options options;
    options.now = T0;
    options.artifactRoot = artifactRoot;
    auto created = StoreBuilder::create(dbPath, options);
    if (!created)
        return {};
    StoreBuilder &b = **created;
    const qint64 churn = b.addExperiment({.name = QStringLiteral("churn"),
                                          .creationTime = T0 + 10,
                                          .artifactLocation = m_mlruns + QStringLiteral("/1"),
                                          .description = QStringLiteral("Predicts churn."),
                                          .tags = {{QStringLiteral("project"), QStringLiteral("retention")},
                                                   {QStringLiteral("data/owner"), QStringLiteral("ada")}}});
    b.addRun({.experimentId = churn,
              .name = QStringLiteral("train-1"),
              .userId = QStringLiteral("ada"),
              .startTime = T0 + 1000,
              .endTime = T0 + 2000,
              .note = QStringLiteral("First try.\nSecond line."),
              .tags = {{QStringLiteral("team"), QStringLiteral("growth")}},
              .runId = RunA});
    b.logParam(RunA, QStringLiteral("lr"), QStringLiteral("0.1"));
    b.logParam(RunA, QStringLiteral("model/depth"), QStringLiteral("3"));
    b.logParam(RunA, QStringLiteral("empty"), QString());
    const double values[] = {0.1,
                             1e-05,
                             std::nan(""),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(),
                             12345678901234567890.0,
                             5.0,
                             1234567890123456.0};
    for (int step = 0; step < 8; ++step)
        b.logMetric(RunA, QStringLiteral("loss"), values[step], T0 + 100 + step, step);
    b.logMetric(RunA, QStringLiteral("train/acc"), 0.5, T0 + 200, 0);
    const QString dataset
        = b.addDataset({.experimentId = churn,
                        .name = QStringLiteral("customers"),
                        .digest = QStringLiteral("abc123"),
                        .sourceType = QStringLiteral("local"),
                        .source = QStringLiteral("{\"uri\": \"/data/customers.parquet\"}"),
                        .schema = QLatin1String(CustomersSchema),
                        .profile = QStringLiteral("{\"num_rows\": 7043, \"num_elements\": 21129}")});
    b.logInput(RunA, dataset, QStringLiteral("training"));
    b.addRun({.experimentId = churn,
              .name = QStringLiteral("gone"),
              .userId = QStringLiteral("bob"),
              .startTime = T0 + 3000,
              .endTime = T0 + 4000,
              .runId = RunDeleted});
    b.deleteRun(RunDeleted, T0 + 5000);
    b.addRun({.experimentId = churn,
              .name = QStringLiteral("0"), // a name YAML would read as a number
              .userId = QStringLiteral("cy"),
              .status = QStringLiteral("RUNNING"),
              .startTime = T0 + 6000,
              .runId = RunRunning});
    const qint64 old = b.addExperiment({.name = QStringLiteral("old"),
                                        .creationTime = T0 + 20,
                                        .tags = {{QStringLiteral("project"), QStringLiteral("legacy")}}});
    b.addRun({.experimentId = old,
              .name = QStringLiteral("old-run"),
              .userId = QStringLiteral("dee"),
              .startTime = T0 + 7000,
              .endTime = T0 + 8000,
              .runId = RunOld});
    b.deleteExperiment(old, T0 + 9000);

    const QString model = QStringLiteral("churn-classifier");
    b.addRegisteredModel({.name = model,
                          .creationTime = T0 + 10000,
                          .description = QStringLiteral("Predicts churn.\n\nRetrained monthly."),
                          .tags = {{QStringLiteral("team"), QStringLiteral("risk")}}});
    b.addModelVersion({.modelName = model,
                       .source = b.runArtifactUri(RunA) + QStringLiteral("/model"),
                       .runId = RunA,
                       .creationTime = T0 + 11000,
                       .userId = QStringLiteral("ada")});
    b.setModelVersionTag(model, 1, QStringLiteral("validation"), QStringLiteral("passed"));
    b.setAlias(model, QStringLiteral("champion"), 1);
    b.transitionStage(model, 1, QStringLiteral("Production"), T0 + 12000);
    // Version 2, soft-deleted: the SQL store redacts it and keeps its tags.
    b.addModelVersion({.modelName = model,
                       .source = b.runArtifactUri(RunA) + QStringLiteral("/model"),
                       .runId = RunA,
                       .creationTime = T0 + 11500,
                       .userId = QStringLiteral("bob"),
                       .description = QStringLiteral("Second try."),
                       .tags = {{QStringLiteral("validation"), QStringLiteral("failed")}}});
    b.deleteModelVersion(model, 2, T0 + 13000);
    if (!b.finish().ok())
        return {};
    return dbPath;
}

void TestFileStoreWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mlruns = m_dir.filePath(QStringLiteral("mlruns"));
    m_mlrunsUri = QStringLiteral("file://") + QString::fromUtf8(m_mlruns.toUtf8().toPercentEncoding("/"));
    QVERIFY(m_mlrunsUri.contains(QLatin1String("%20")));
    m_otherRoot = m_dir.filePath(QStringLiteral("elsewhere"));
    const QString db = buildStore(m_dir.filePath(QStringLiteral("mlflow.db")), m_otherRoot);
    QVERIFY(!db.isEmpty());
    QCOMPARE(TestSupport::exportToFileStore(db, m_mlruns), m_mlruns);
}

void TestFileStoreWriter::experimentMeta()
{
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/meta.yaml")),
             QByteArray("artifact_location: " + m_mlrunsUri.toUtf8()
                        + "/1\n"
                          "creation_time: 1700000000010\n"
                          "experiment_id: '1'\n"
                          "last_update_time: 1700000000010\n"
                          "lifecycle_stage: active\n"
                          "name: churn\n"
                          "trace_location: null\n"
                          "workspace: default\n"));
    // Every experiment tag is a file (set_experiment_tag), a key with '/' in a sub-folder.
    QCOMPARE(filesUnder(m_mlruns + QStringLiteral("/1/tags")),
             (QStringList {"data/owner", "mlflow.note.content", "project"}));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/tags/mlflow.note.content")),
             QByteArray("Predicts churn."));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/tags/project")), QByteArray("retention"));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/tags/data/owner")), QByteArray("ada"));
    // Default, created with the store, its artifacts outside the mlruns folder.
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/0/meta.yaml")),
             QByteArray("artifact_location: " + m_otherRoot.toUtf8()
                        + "/0\n"
                          "creation_time: 1700000000000\n"
                          "experiment_id: '0'\n"
                          "last_update_time: 1700000000000\n"
                          "lifecycle_stage: active\n"
                          "name: Default\n"
                          "trace_location: null\n"
                          "workspace: default\n"));
    QVERIFY(QFileInfo(m_mlruns + QStringLiteral("/.trash")).isDir());
}

void TestFileStoreWriter::runMeta()
{
    const QString run = m_mlruns + QStringLiteral("/1/") + RunA;
    QCOMPARE(readFile(run + QStringLiteral("/meta.yaml")),
             QByteArray("artifact_uri: " + m_mlrunsUri.toUtf8() + "/1/" + RunA.toUtf8()
                        + "/artifacts\n"
                          "end_time: 1700000002000\n"
                          "entry_point_name: ''\n"
                          "experiment_id: '1'\n"
                          "lifecycle_stage: active\n"
                          "run_id: 0123456789abcdef0123456789abcdef\n"
                          "run_name: train-1\n"
                          "source_name: ''\n"
                          "source_type: 4\n"
                          "source_version: ''\n"
                          "start_time: 1700000001000\n"
                          "status: 3\n"
                          "tags: []\n"
                          "user_id: ada\n"));
    for (const char *sub : {"metrics", "params", "artifacts", "tags"})
        QVERIFY2(QFileInfo(run + QLatin1Char('/') + QLatin1String(sub)).isDir(), sub);

    // A run that never ended keeps create_run's deleted_time: null; a run id of digits and a
    // name YAML would read as numbers are quoted.
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/") + RunRunning + QStringLiteral("/meta.yaml")),
             QByteArray("artifact_uri: " + m_mlrunsUri.toUtf8() + "/1/" + RunRunning.toUtf8()
                        + "/artifacts\n"
                          "deleted_time: null\n"
                          "end_time: null\n"
                          "entry_point_name: ''\n"
                          "experiment_id: '1'\n"
                          "lifecycle_stage: active\n"
                          "run_id: '22222222222222222222222222222222'\n"
                          "run_name: '0'\n"
                          "source_name: ''\n"
                          "source_type: 4\n"
                          "source_version: ''\n"
                          "start_time: 1700000006000\n"
                          "status: 1\n"
                          "tags: []\n"
                          "user_id: cy\n"));
    // A deleted run stays in its experiment's folder; delete_run wrote when.
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/") + RunDeleted + QStringLiteral("/meta.yaml")),
             QByteArray("artifact_uri: " + m_mlrunsUri.toUtf8() + "/1/" + RunDeleted.toUtf8()
                        + "/artifacts\n"
                          "deleted_time: 1700000005000\n"
                          "end_time: 1700000004000\n"
                          "entry_point_name: ''\n"
                          "experiment_id: '1'\n"
                          "lifecycle_stage: deleted\n"
                          "run_id: '11111111111111111111111111111111'\n"
                          "run_name: gone\n"
                          "source_name: ''\n"
                          "source_type: 4\n"
                          "source_version: ''\n"
                          "start_time: 1700000003000\n"
                          "status: 3\n"
                          "tags: []\n"
                          "user_id: bob\n"));
}

void TestFileStoreWriter::metricLines()
{
    const QString metrics = m_mlruns + QStringLiteral("/1/") + RunA + QStringLiteral("/metrics/");
    QCOMPARE(readFile(metrics + QStringLiteral("loss")),
             QByteArray("1700000000100 0.1 0\n"
                        "1700000000101 1e-05 1\n"
                        "1700000000102 nan 2\n"
                        "1700000000103 inf 3\n"
                        "1700000000104 -inf 4\n"
                        "1700000000105 1.2345678901234567e+19 5\n"
                        "1700000000106 5.0 6\n"
                        "1700000000107 1234567890123456.0 7\n"));
    QCOMPARE(readFile(metrics + QStringLiteral("train/acc")), QByteArray("1700000000200 0.5 0\n"));
}

void TestFileStoreWriter::paramsAndTags()
{
    const QString run = m_mlruns + QStringLiteral("/1/") + RunA;
    QCOMPARE(readFile(run + QStringLiteral("/params/lr")), QByteArray("0.1"));
    QCOMPARE(readFile(run + QStringLiteral("/params/model/depth")), QByteArray("3"));
    QCOMPARE(readFile(run + QStringLiteral("/params/empty")), QByteArray());
    QCOMPARE(readFile(run + QStringLiteral("/tags/team")), QByteArray("growth"));
    QCOMPARE(readFile(run + QStringLiteral("/tags/mlflow.runName")), QByteArray("train-1"));
    QCOMPARE(readFile(run + QStringLiteral("/tags/mlflow.user")), QByteArray("ada"));
    QCOMPARE(readFile(run + QStringLiteral("/tags/mlflow.note.content")),
             QByteArray("First try.\nSecond line."));
}

void TestFileStoreWriter::deletedExperimentInTrash()
{
    QVERIFY(!QFileInfo::exists(m_mlruns + QStringLiteral("/2")));
    // delete_experiment rewrites meta.yaml from the whole entity: its tags come along.
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/.trash/2/meta.yaml")),
             QByteArray("artifact_location: " + m_otherRoot.toUtf8()
                        + "/2\n"
                          "creation_time: 1700000000020\n"
                          "experiment_id: '2'\n"
                          "last_update_time: 1700000009000\n"
                          "lifecycle_stage: deleted\n"
                          "name: old\n"
                          "tags:\n"
                          "  project: legacy\n"
                          "trace_location: null\n"
                          "workspace: default\n"));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/.trash/2/tags/project")), QByteArray("legacy"));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/.trash/2/") + RunOld + QStringLiteral("/meta.yaml")),
             QByteArray("artifact_uri: " + m_otherRoot.toUtf8() + "/2/" + RunOld.toUtf8()
                        + "/artifacts\n"
                          "deleted_time: 1700000009000\n"
                          "end_time: 1700000008000\n"
                          "entry_point_name: ''\n"
                          "experiment_id: '2'\n"
                          "lifecycle_stage: deleted\n"
                          "run_id: '33333333333333333333333333333333'\n"
                          "run_name: old-run\n"
                          "source_name: ''\n"
                          "source_type: 4\n"
                          "source_version: ''\n"
                          "start_time: 1700000007000\n"
                          "status: 3\n"
                          "tags: []\n"
                          "user_id: dee\n"));
}

void TestFileStoreWriter::datasetInputs()
{
    // dataset id = md5(name + digest), input id = md5(dataset id + run id), as MLflow derives them.
    const QString datasetId
        = QString::fromLatin1(QCryptographicHash::hash("customersabc123", QCryptographicHash::Md5).toHex());
    const QString inputId = QString::fromLatin1(
        QCryptographicHash::hash((datasetId + RunA).toUtf8(), QCryptographicHash::Md5).toHex());
    QCOMPARE(
        readFile(m_mlruns + QStringLiteral("/1/datasets/") + datasetId + QStringLiteral("/meta.yaml")),
        QByteArray(
            "digest: abc123\n"
            "name: customers\n"
            "profile: '{\"num_rows\": 7043, \"num_elements\": 21129}'\n"
            "schema: '{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"tenure\", \"required\": true},\n"
            "  {\"type\": \"double\", \"name\": \"monthly_charges\", \"required\": true}, {\"type\": "
            "\"boolean\",\n"
            "  \"name\": \"churned\", \"required\": true}]}'\n"
            "source: '{\"uri\": \"/data/customers.parquet\"}'\n"
            "source_type: local\n"));
    QCOMPARE(readFile(m_mlruns + QStringLiteral("/1/") + RunA + QStringLiteral("/inputs/") + inputId
                      + QStringLiteral("/meta.yaml")),
             QByteArray("destination_id: " + datasetId.toUtf8()
                        + "\n"
                          "destination_type: RUN\n"
                          "source_id: "
                        + datasetId.toUtf8()
                        + "\n"
                          "source_type: DATASET\n"
                          "tags:\n"
                          "  mlflow.data.context: training\n"));
}

void TestFileStoreWriter::registeredModelAndVersion()
{
    const QString model = m_mlruns + QStringLiteral("/models/churn-classifier");
    QCOMPARE(readFile(model + QStringLiteral("/meta.yaml")),
             QByteArray("aliases:\n"
                        "  champion: '1'\n"
                        "creation_timestamp: 1700000010000\n"
                        "deployment_job_id: null\n"
                        "deployment_job_state: null\n"
                        "description: 'Predicts churn.\n"
                        "\n"
                        "\n"
                        "  Retrained monthly.'\n"
                        "last_updated_timestamp: 1700000013000\n"
                        "name: churn-classifier\n"
                        "workspace: default\n"));
    QCOMPARE(readFile(model + QStringLiteral("/tags/team")), QByteArray("risk"));
    QCOMPARE(readFile(model + QStringLiteral("/aliases/champion")), QByteArray("1"));
    const QByteArray source = m_mlrunsUri.toUtf8() + "/1/" + RunA.toUtf8() + "/artifacts/model";
    QCOMPARE(readFile(model + QStringLiteral("/version-1/meta.yaml")),
             QByteArray("creation_timestamp: 1700000011000\n"
                        "current_stage: Production\n"
                        "deployment_job_state: null\n"
                        "description: null\n"
                        "last_updated_timestamp: 1700000012000\n"
                        "model_id: null\n"
                        "name: churn-classifier\n"
                        "run_id: 0123456789abcdef0123456789abcdef\n"
                        "run_link: null\n"
                        "source: "
                        + source
                        + "\n"
                          "status: READY\n"
                          "status_message: null\n"
                          "storage_location: "
                        + source
                        + "\n"
                          "user_id: ada\n"
                          "version: 1\n"
                          "workspace: default\n"));
    QCOMPARE(readFile(model + QStringLiteral("/version-1/tags/validation")), QByteArray("passed"));
}

void TestFileStoreWriter::softDeletedVersion()
{
    // Written as delete_model_version leaves it (stage Deleted_Internal, its tags kept), with what
    // the SQL store left of it: source, run and link redacted, description and user gone.
    const QString version = m_mlruns + QStringLiteral("/models/churn-classifier/version-2");
    QCOMPARE(readFile(version + QStringLiteral("/meta.yaml")),
             QByteArray("creation_timestamp: 1700000011500\n"
                        "current_stage: Deleted_Internal\n"
                        "deployment_job_state: null\n"
                        "description: null\n"
                        "last_updated_timestamp: 1700000013000\n"
                        "model_id: null\n"
                        "name: churn-classifier\n"
                        "run_id: REDACTED-RUN-ID\n"
                        "run_link: REDACTED-RUN-LINK\n"
                        "source: REDACTED-SOURCE-PATH\n"
                        "status: READY\n"
                        "status_message: null\n"
                        "storage_location: "
                        + m_mlrunsUri.toUtf8() + "/1/" + RunA.toUtf8()
                        + "/artifacts/model\n"
                          "user_id: null\n"
                          "version: 2\n"
                          "workspace: default\n"));
    QCOMPARE(readFile(version + QStringLiteral("/tags/validation")), QByteArray("failed"));
}

void TestFileStoreWriter::artifactLocationOutsideKept()
{
    // Experiment 0's artifacts live outside the mlruns folder: its runs would keep that URI, and
    // nothing is created there.
    QVERIFY(!QFileInfo::exists(m_otherRoot));
    QVERIFY(readFile(m_mlruns + QStringLiteral("/0/meta.yaml")).contains(m_otherRoot.toUtf8() + "/0\n"));
}

void TestFileStoreWriter::refusesNonEmptyTarget()
{
    QTemporaryDir dir;
    const QString source = m_dir.filePath(QStringLiteral("mlflow.db"));
    const QString target = dir.filePath(QStringLiteral("mlruns"));
    QVERIFY(QDir().mkpath(target));
    QFile stray(target + QStringLiteral("/notes.txt"));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write("mine");
    stray.close();
    const QStringList before
        = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    auto store = openStore(source);
    QVERIFY(store);
    const Error error = exportToFileStore(**store, target);
    QCOMPARE(error.code, Error::InvalidArgument);
    QVERIFY2(error.message.contains(QLatin1String("notes.txt")), qPrintable(error.message));
    QCOMPARE(filesUnder(target), QStringList {QStringLiteral("notes.txt")});
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);

    // A file is no folder either.
    QCOMPARE(exportToFileStore(**store, stray.fileName()).code, Error::InvalidArgument);
}

void TestFileStoreWriter::cancelledWritesNothing()
{
    QTemporaryDir dir;
    auto store = openStore(m_dir.filePath(QStringLiteral("mlflow.db")));
    QVERIFY(store);
    CancelFlag cancel {true};
    const QString target = dir.filePath(QStringLiteral("mlruns"));
    QCOMPARE(exportToFileStore(**store, target, &cancel).code, Error::Cancelled);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(
        QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)); // no staging left
}

void TestFileStoreWriter::demoStore()
{
    QTemporaryDir dir;
    const QString mlruns = TestSupport::buildDemoFileStore(dir);
    QVERIFY(!mlruns.isEmpty());
    using Counts = DemoStore::Counts;
    int experiments = 0, runs = 0, metricFiles = 0, versions = 0, artifactRuns = 0;
    for (const QString &file : filesUnder(mlruns)) {
        const QStringList parts = file.split(QLatin1Char('/'));
        const qsizetype base = parts.first() == QLatin1String(".trash") ? 1 : 0; // experiment folder
        const qsizetype depth = parts.size() - base;
        const QString first = parts.at(base);
        if (first == QLatin1String("models")) {
            versions += parts.size() == 4 && parts.at(3) == QLatin1String("meta.yaml")
                && parts.at(2).startsWith(QLatin1String("version-"));
        } else if (depth == 2 && parts.last() == QLatin1String("meta.yaml")) {
            ++experiments;
        } else if (depth == 3 && parts.last() == QLatin1String("meta.yaml")) {
            ++runs;
        } else if (depth > 3 && parts.at(base + 2) == QLatin1String("metrics")) {
            ++metricFiles;
        } else if (file.endsWith(QLatin1String("/artifacts/model/MLmodel"))
                   && !file.contains(QLatin1String("/models/"))) {
            ++artifactRuns;
        }
    }
    QCOMPARE(experiments, Counts::Experiments);
    QCOMPARE(runs, Counts::Runs);
    QCOMPARE(versions, Counts::ModelVersions); // the soft-deleted one too
    QCOMPARE(artifactRuns, Counts::RunsWithModels);
    QVERIFY(QFileInfo::exists(mlruns + QStringLiteral("/.trash/4/meta.yaml")));
    QCOMPARE(QDir(mlruns + QStringLiteral("/models")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
             Counts::RegisteredModels);

    // One metric file per (run, key) the SQLite demo holds.
    QTemporaryDir sqliteDir;
    const QString sqlite = TestSupport::buildDemoStore(sqliteDir);
    QVERIFY(!sqlite.isEmpty());
    QCOMPARE(
        QString::number(metricFiles),
        TestSupport::queryText(sqlite, "SELECT COUNT(*) FROM (SELECT DISTINCT run_uuid, key FROM metrics)"));
    // Artifacts stay where the demo wrote them, the store's URIs point at them.
    const QByteArray meta = readFile(mlruns + QStringLiteral("/0/meta.yaml"));
    QVERIFY2(meta.startsWith("artifact_location: file://" + mlruns.toUtf8() + "/0\n"), meta.constData());
}

QTEST_GUILESS_MAIN(TestFileStoreWriter)
#include "tst_filestorewriter.moc"
