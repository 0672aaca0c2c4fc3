#include "demostore.h"
#include "sqlitehandle.h"
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

using namespace Store;
using Counts = DemoStore::Counts;

namespace {

constexpr qint64 Today = 1768176000000; // 2026-01-12 00:00 UTC: the day the tests' demo stores lead up to

// Every row of a query as "a|b|c", rows joined by ";" (NULL shown as <NULL>).
QString query(const QString &dbPath, const QByteArray &sql)
{
    return TestSupport::queryText(dbPath, sql);
}

// Every table's rows, with the store's own folder replaced, so stores in two folders compare.
QString dumpWithoutFolder(const QString &dbPath)
{
    const QString folder = QFileInfo(dbPath).absolutePath();
    QString dump;
    const QStringList tables
        = query(dbPath, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
              .split(QLatin1Char(';'));
    for (const QString &table : tables) {
        dump += table + QLatin1Char('\n');
        dump += query(dbPath, "SELECT * FROM \"" + table.toUtf8() + "\" ORDER BY rowid") + QLatin1Char('\n');
    }
    return dump.replace(folder, QStringLiteral("<DIR>"));
}

// Relative path -> SHA-256 of every file under `root`.
QMap<QString, QByteArray> fileHashes(const QString &root)
{
    QMap<QString, QByteArray> hashes;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        hashes.insert(QDir(root).relativeFilePath(path), TestSupport::fileHash(path));
    }
    return hashes;
}

} // namespace

class TestDemoStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void documentedCounts_data();
    void documentedCounts();
    void schemaAndIntegrity();
    void deterministicForASeed();
    void otherSeedOtherIds();
    void artifactsOnDisk();
    void withoutArtifacts();
    void curveStepsOption();
    void refusesExistingFile();
    void readsBackThroughTheStoreInterface();

    void syntheticStore();
    void syntheticIsDeterministic();
    void syntheticRejectsBadOptions();

private:
    QString generate(const QString &name, const DemoStoreOptions &options = {.today = Today});

    QTemporaryDir m_dir;
    QString m_demo; // default options but `today`
    QString m_same; // same seed, another folder
};

QString TestDemoStore::generate(const QString &name, const DemoStoreOptions &options)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    const QString path = folder + QStringLiteral("/mlflow.db");
    const Error error = DemoStore::generate(path, options);
    if (!error.ok()) {
        qWarning() << error.message;
        return {};
    }
    return path;
}

void TestDemoStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = generate(QStringLiteral("a"));
    QVERIFY(!m_demo.isEmpty());
    m_same = generate(QStringLiteral("b"));
    QVERIFY(!m_same.isEmpty());
}

void TestDemoStore::documentedCounts_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("expected");
    const auto n = [](int value) { return QString::number(value); };
    const QByteArray runsOf
        = "SELECT count(*) FROM runs r JOIN experiments e USING (experiment_id) WHERE e.name = ";

    QTest::addRow("experiments") << QByteArray("SELECT count(*) FROM experiments") << n(Counts::Experiments);
    QTest::addRow("active experiments")
        << QByteArray("SELECT count(*) FROM experiments WHERE lifecycle_stage = 'active'")
        << n(Counts::ActiveExperiments);
    QTest::addRow("experiment names")
        << QByteArray("SELECT experiment_id, name, lifecycle_stage FROM experiments ORDER BY experiment_id")
        << QStringLiteral("0|Default|active;1|mnist-cnn|active;2|tabular-gbm|active;3|llm-finetune|active;"
                          "4|old-baseline|deleted;5|churn-training|active;6|churn-evaluation|active");
    QTest::addRow("descriptions") << QByteArray(
        "SELECT experiment_id FROM experiment_tags WHERE \"key\" = 'mlflow.note.content' ORDER BY 1")
                                  << QStringLiteral("1;2;3;5;6");
    QTest::addRow("runs") << QByteArray("SELECT count(*) FROM runs") << n(Counts::Runs);
    QTest::addRow("active runs") << QByteArray("SELECT count(*) FROM runs WHERE lifecycle_stage = 'active'")
                                 << n(Counts::ActiveRuns);
    QTest::addRow("deleted runs have deleted_time")
        << QByteArray("SELECT count(*), count(deleted_time) FROM runs WHERE lifecycle_stage = 'deleted'")
        << QStringLiteral("%1|%1").arg(Counts::Runs - Counts::ActiveRuns);
    QTest::addRow("active runs have no deleted_time")
        << QByteArray("SELECT count(deleted_time) FROM runs WHERE lifecycle_stage = 'active'") << n(0);
    QTest::addRow("mnist-cnn runs") << runsOf + "'mnist-cnn' AND r.lifecycle_stage = 'active'"
                                    << n(Counts::MnistRuns);
    QTest::addRow("nested children") << QByteArray(
        "SELECT count(*) FROM tags t JOIN runs p ON p.run_uuid = t.value "
        "WHERE t.\"key\" = 'mlflow.parentRunId' AND p.name = 'lr-batch-sweep'")
                                     << n(Counts::NestedChildren);
    QTest::addRow("only sweep children are nested")
        << QByteArray("SELECT count(*) FROM tags WHERE \"key\" = 'mlflow.parentRunId'")
        << n(Counts::NestedChildren);
    QTest::addRow("tabular-gbm statuses")
        << QByteArray(runsOf).replace("count(*)", "r.lifecycle_stage, r.status, count(*)")
            + "'tabular-gbm' GROUP BY 1, 2 ORDER BY 1, 2"
        << QStringLiteral("active|FAILED|1;active|FINISHED|5;active|KILLED|1;deleted|FINISHED|1");
    QTest::addRow("tabular-gbm runs") << runsOf + "'tabular-gbm'" << n(Counts::GbmRuns);
    QTest::addRow("churn-training runs")
        << runsOf + "'churn-training' AND r.status = 'FINISHED'" << n(Counts::ChurnTrainingRuns);
    QTest::addRow("churn-evaluation runs")
        << runsOf + "'churn-evaluation' AND r.status = 'FINISHED'" << n(Counts::EvaluationRuns);
    QTest::addRow("llm-finetune runs")
        << QByteArray("SELECT name, status, end_time IS NULL FROM runs WHERE experiment_id = 3 ORDER BY name")
        << QStringLiteral("full-ft|RUNNING|1;lora-r16|FINISHED|0;lora-r8|FINISHED|0");
    QTest::addRow("old-baseline run deleted with its experiment")
        << QByteArray(runsOf).replace("count(*)", "r.lifecycle_stage") + "'old-baseline'"
        << QStringLiteral("deleted");
    QTest::addRow("every run has name = mlflow.runName")
        << QByteArray("SELECT count(*) FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid "
                      "AND t.\"key\" = 'mlflow.runName' AND t.value = r.name AND r.name != ''")
        << n(Counts::Runs);
    QTest::addRow("every run has a user and source tags") << QByteArray(
        "SELECT count(*) FROM runs r WHERE r.user_id IS NOT NULL AND (SELECT count(*) FROM tags t "
        "WHERE t.run_uuid = r.run_uuid AND t.\"key\" IN ('mlflow.user', 'mlflow.source.name', "
        "'mlflow.source.type', 'mlflow.source.git.commit')) = 4")
                                                          << n(Counts::Runs);
    QTest::addRow("run notes") << QByteArray(
        "SELECT count(*) FROM tags WHERE \"key\" = 'mlflow.note.content'")
                               << n(Counts::RunsWithNotes);
    QTest::addRow("runs as MLflow's SQL store writes them") << QByteArray(
        "SELECT count(*) FROM runs r JOIN experiments e USING (experiment_id) "
        "WHERE r.source_type = 'UNKNOWN' AND r.source_name = '' AND r.entry_point_name = '' "
        "AND r.source_version = '' AND r.artifact_uri = e.artifact_location || '/' || r.run_uuid "
        "|| '/artifacts'") << n(Counts::Runs);
    QTest::addRow("one NaN, in lora-r16 train/loss")
        << QByteArray("SELECT r.name, m.\"key\", m.value FROM metrics m JOIN runs r USING (run_uuid) "
                      "WHERE m.is_nan = 1")
        << QStringLiteral("lora-r16|train/loss|0.0");
    QTest::addRow("one +inf, in full-ft train/grad_norm")
        << QByteArray("SELECT r.name, m.\"key\", m.value FROM metrics m JOIN runs r USING (run_uuid) "
                      "WHERE abs(m.value) >= 1.7976931348623157e308")
        << QStringLiteral("full-ft|train/grad_norm|1.79769313486232e+308");
    QTest::addRow("llm curves have curveSteps points")
        << QByteArray("SELECT count(*), min(step), max(step) FROM metrics WHERE \"key\" = 'train/loss' "
                      "GROUP BY run_uuid")
        << QStringLiteral("3000|0|2999;3000|0|2999;3000|0|2999");
    QTest::addRow("latest_metrics matches the history")
        << QByteArray("SELECT count(*) FROM latest_metrics l WHERE NOT EXISTS (SELECT 1 FROM metrics m "
                      "WHERE m.run_uuid = l.run_uuid AND m.\"key\" = l.\"key\" AND m.step = l.step "
                      "AND m.timestamp = l.timestamp AND m.value = l.value AND m.is_nan = l.is_nan) "
                      "OR EXISTS (SELECT 1 FROM metrics m WHERE m.run_uuid = l.run_uuid AND m.\"key\" = "
                      "l.\"key\" AND (m.step, m.timestamp, m.value) > (l.step, l.timestamp, l.value))")
        << n(0);
    QTest::addRow("one latest row per run and key")
        << QByteArray("SELECT (SELECT count(*) FROM latest_metrics) = "
                      "(SELECT count(*) FROM (SELECT DISTINCT run_uuid, \"key\" FROM metrics))")
        << n(1);
    QTest::addRow("datasets") << QByteArray("SELECT count(*) FROM datasets") << n(Counts::Datasets);
    QTest::addRow("dataset contexts")
        << QByteArray("SELECT t.value, count(*) FROM inputs i JOIN input_tags t USING (input_uuid) "
                      "WHERE t.name = 'mlflow.data.context' GROUP BY 1 ORDER BY 1")
        << QStringLiteral("training|%1;validation|%1").arg(Counts::RunsWithDatasets);
    QTest::addRow("registered models")
        << QByteArray("SELECT name FROM registered_models ORDER BY name")
        << QStringLiteral(
               "churn-predictor;demand-forecaster;fraud-detector;housing-regressor;mnist-classifier");
    QTest::addRow("registered model count")
        << QByteArray("SELECT count(*) FROM registered_models") << n(Counts::RegisteredModels);
    QTest::addRow("model versions") << QByteArray("SELECT count(*) FROM model_versions")
                                    << n(Counts::ModelVersions);
    QTest::addRow("live model versions")
        << QByteArray("SELECT count(*) FROM model_versions WHERE current_stage != 'Deleted_Internal'")
        << n(Counts::LiveModelVersions);
    QTest::addRow("live mnist-classifier versions")
        << QByteArray("SELECT count(*) FROM model_versions WHERE name = 'mnist-classifier' "
                      "AND current_stage != 'Deleted_Internal'")
        << n(Counts::MnistClassifierVersions);
    QTest::addRow("mnist-classifier stages")
        << QByteArray(
               "SELECT version, current_stage, status FROM model_versions WHERE name = 'mnist-classifier' "
               "ORDER BY version")
        << QStringLiteral("1|Archived|READY;2|Production|READY;3|Staging|READY;4|None|READY;"
                          "5|Deleted_Internal|READY");
    QTest::addRow("housing-regressor stages")
        << QByteArray("SELECT version, current_stage FROM model_versions WHERE name = 'housing-regressor' "
                      "ORDER BY version")
        << QStringLiteral("1|Archived;2|Production");
    QTest::addRow("aliases")
        << QByteArray("SELECT a.name, a.alias, a.version, v.current_stage FROM registered_model_aliases a "
                      "JOIN model_versions v ON v.name = a.name AND v.version = a.version ORDER BY 1, 2")
        << QStringLiteral("churn-predictor|challenger|4|Staging;churn-predictor|champion|3|Production;"
                          "fraud-detector|champion|1|Production;housing-regressor|champion|2|Production;"
                          "mnist-classifier|challenger|3|Staging;mnist-classifier|champion|2|Production");
    QTest::addRow("no alias without its version")
        << QByteArray("SELECT count(*) FROM registered_model_aliases a WHERE NOT EXISTS (SELECT 1 FROM "
                      "model_versions v WHERE v.name = a.name AND v.version = a.version "
                      "AND v.current_stage != 'Deleted_Internal')")
        << n(0);
    QTest::addRow("mnist and housing versions come from runs with models")
        << QByteArray("SELECT count(*) FROM model_versions v JOIN runs r ON r.run_uuid = v.run_id "
                      "WHERE v.source = r.artifact_uri || '/model' AND v.storage_location = v.source")
        << n(6);
    QTest::addRow("churn versions come from logged models")
        << QByteArray("SELECT count(*) FROM model_versions v JOIN logged_models l "
                      "ON v.source = 'models:/' || l.model_id WHERE v.name = 'churn-predictor' "
                      "AND v.storage_location = l.artifact_location AND v.run_id = l.source_run_id")
        << n(4);
    QTest::addRow("logged models") << QByteArray(
        "SELECT count(*), count(DISTINCT source_run_id), min(status), max(status) FROM logged_models "
        "WHERE model_id GLOB 'm-[0-9a-f]*' AND length(model_id) = 34 AND lifecycle_stage = 'active'")
                                   << QStringLiteral("%1|%1|2|2").arg(Counts::LoggedModels);
    QTest::addRow("logged models are their runs' outputs")
        << QByteArray("SELECT count(*) FROM inputs i JOIN logged_models l ON l.model_id = i.destination_id "
                      "AND l.source_run_id = i.source_id WHERE i.source_type = 'RUN_OUTPUT' "
                      "AND i.destination_type = 'MODEL_OUTPUT'")
        << n(Counts::LoggedModels);
    QTest::addRow("logged models name their versions") << QByteArray(
        "SELECT count(*) FROM logged_model_tags t JOIN model_versions v "
        "ON v.source = 'models:/' || t.model_id WHERE t.tag_key = 'mlflow.modelVersions' "
        "AND t.tag_value = '[{\"name\": \"' || v.name || '\", \"version\": ' || v.version || '}]'")
                                                       << n(Counts::LoggedModels);
    QTest::addRow("runs with logged models")
        << QByteArray("SELECT count(*) FROM tags WHERE \"key\" = 'mlflow.log-model.history'")
        << n(Counts::RunsWithModels);
}

void TestDemoStore::documentedCounts()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, expected);
    QCOMPARE(query(m_demo, sql), expected);
}

void TestDemoStore::schemaAndIntegrity()
{
    QCOMPARE(query(m_demo, "PRAGMA integrity_check"), QStringLiteral("ok"));
    QCOMPARE(query(m_demo, "PRAGMA foreign_key_check"), QString());
    QCOMPARE(query(m_demo, "SELECT version_num FROM alembic_version"), QStringLiteral("c9d4e5f6a7b8"));
    const QByteArray schema = "SELECT type, name, sql FROM sqlite_master ORDER BY rowid";
    QCOMPARE(query(m_demo, schema),
             query(TestSupport::fixturePath(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db")), schema));
    // MLflow >= 3.7 with a local root: absolute paths, no scheme.
    const QString root = QFileInfo(m_demo).absolutePath() + QStringLiteral("/mlruns/");
    QCOMPARE(query(m_demo,
                   "SELECT count(*) FROM experiments WHERE artifact_location = '" + root.toUtf8()
                       + "' || experiment_id"),
             QString::number(Counts::Experiments));
}

void TestDemoStore::deterministicForASeed()
{
    const QString a = dumpWithoutFolder(m_demo);
    QVERIFY(a.size() > 100000);
    QCOMPARE(dumpWithoutFolder(m_same), a);
    const auto filesA = fileHashes(QFileInfo(m_demo).absolutePath() + QStringLiteral("/mlruns"));
    QVERIFY(filesA.size() > 40);
    QCOMPARE(fileHashes(QFileInfo(m_same).absolutePath() + QStringLiteral("/mlruns")), filesA);
}

void TestDemoStore::otherSeedOtherIds()
{
    const QString other = generate(QStringLiteral("seed7"), {.seed = 7, .today = Today});
    QVERIFY(!other.isEmpty());
    const QByteArray ids = "SELECT run_uuid FROM runs ORDER BY start_time";
    QVERIFY(query(other, ids) != query(m_demo, ids));
    // The shape does not depend on the seed.
    const QByteArray shape
        = "SELECT experiment_id, name, status, lifecycle_stage FROM runs ORDER BY start_time";
    QCOMPARE(query(other, shape), query(m_demo, shape));
}

void TestDemoStore::artifactsOnDisk()
{
    const QStringList withModels = query(m_demo,
                                         "SELECT artifact_uri FROM runs r JOIN tags t USING (run_uuid) "
                                         "WHERE t.\"key\" = 'mlflow.log-model.history'")
                                       .split(QLatin1Char(';'));
    QCOMPARE(withModels.size(), Counts::RunsWithModels);
    for (const QString &uri : withModels) {
        QVERIFY2(QFileInfo(uri).isAbsolute(), qPrintable(uri));
        for (const char *file : {"model/MLmodel", "model/model.pkl", "model/requirements.txt"})
            QVERIFY2(QFileInfo::exists(uri + QLatin1Char('/') + QLatin1String(file)), qPrintable(uri + file));
        QFile mlmodel(uri + QStringLiteral("/model/MLmodel"));
        QVERIFY(mlmodel.open(QIODevice::ReadOnly));
        const QByteArray yaml = mlmodel.readAll();
        QVERIFY(yaml.contains("run_id: " + uri.section(QLatin1Char('/'), -2, -2).toUtf8()));
        QVERIFY(yaml.contains("flavors:"));
    }
    const QStringList pngs = query(m_demo,
                                   "SELECT artifact_uri || '/confusion_matrix.png' FROM runs r JOIN tags t "
                                   "USING (run_uuid) WHERE t.\"key\" = 'mlflow.log-model.history' "
                                   "AND r.experiment_id = 1")
                                 .split(QLatin1Char(';'));
    QCOMPARE(pngs.size(), 4);
    for (const QString &png : pngs) {
        QFile file(png);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(png));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QVERIFY(bytes.endsWith(QByteArray("IEND\xae\x42\x60\x82", 8)));
    }
    // Every previewer has a file to show: SVG, log, TSV, HTML, YAML, a binary array, nested folders.
    const QStringList modelRuns
        = query(m_demo,
                "SELECT r.experiment_id || '|' || artifact_uri FROM runs r JOIN tags t "
                "USING (run_uuid) WHERE t.\"key\" = 'mlflow.log-model.history'")
              .split(QLatin1Char(';'));
    for (const QString &row : modelRuns) {
        const QString uri = row.section(QLatin1Char('|'), 1);
        const bool mnist = row.startsWith(QLatin1String("1|"));
        const QStringList files = mnist
            ? QStringList {QStringLiteral("plots/loss_curve.svg"), QStringLiteral("logs/training.log")}
            : QStringList {QStringLiteral("eval/predictions.tsv"), QStringLiteral("report.html")};
        for (const QString &file : files)
            QVERIFY2(QFileInfo(uri + QLatin1Char('/') + file).size() > 1000, qPrintable(uri + file));
        QFile mlmodel(uri + QStringLiteral("/model/MLmodel"));
        QVERIFY(mlmodel.open(QIODevice::ReadOnly));
        QVERIFY(mlmodel.readAll().contains("signature:\n  inputs: '["));
    }
    const QStringList llmRuns
        = query(m_demo, "SELECT artifact_uri FROM runs WHERE experiment_id = 3 AND status = 'FINISHED'")
              .split(QLatin1Char(';'));
    QCOMPARE(llmRuns.size(), 2);
    for (const QString &uri : llmRuns) {
        QVERIFY(QFileInfo(uri + QStringLiteral("/config.yaml")).isFile());
        QFile npy(uri + QStringLiteral("/checkpoints/final/adapter_weights.npy"));
        QVERIFY(npy.open(QIODevice::ReadOnly));
        const QByteArray bytes = npy.readAll();
        QVERIFY(bytes.startsWith("\x93NUMPY\x01\x00"));
        QCOMPARE(bytes.size(), 128 + 16 * 8 * 4); // a 64-byte aligned header, then the floats
    }
    // Live versions with a local storage_location point at folders that exist.
    const QStringList locations = query(m_demo,
                                        "SELECT storage_location FROM model_versions WHERE current_stage "
                                        "!= 'Deleted_Internal' AND storage_location NOT LIKE '%://%'")
                                      .split(QLatin1Char(';'));
    QCOMPARE(locations.size(), Counts::LiveModelVersions - 3); // fraud-detector's are on s3://
    for (const QString &location : locations)
        QVERIFY2(QFileInfo(location + QStringLiteral("/MLmodel")).isFile(), qPrintable(location));
    // MLflow 3's logged models: their files, an MLmodel that names them.
    const QStringList logged
        = query(m_demo, "SELECT model_id, artifact_location FROM logged_models").split(QLatin1Char(';'));
    QCOMPARE(logged.size(), Counts::LoggedModels);
    for (const QString &row : logged) {
        const QString location = row.section(QLatin1Char('|'), 1);
        QVERIFY2(location.endsWith(QStringLiteral("/mlruns/5/models/") + row.section(QLatin1Char('|'), 0, 0)
                                   + QStringLiteral("/artifacts")),
                 qPrintable(location));
        for (const char *file : {"MLmodel", "model.pkl", "requirements.txt", "python_env.yaml"})
            QVERIFY2(QFileInfo::exists(location + QLatin1Char('/') + QLatin1String(file)),
                     qPrintable(location));
        QFile mlmodel(location + QStringLiteral("/MLmodel"));
        QVERIFY(mlmodel.open(QIODevice::ReadOnly));
        QVERIFY(
            mlmodel.readAll().contains("model_id: " + row.section(QLatin1Char('|'), 0, 0).toUtf8() + '\n'));
    }
}

void TestDemoStore::withoutArtifacts()
{
    const QString path = generate(QStringLiteral("bare"), {.today = Today, .withArtifacts = false});
    QVERIFY(!path.isEmpty());
    QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath() + QStringLiteral("/mlruns")));
    QCOMPARE(query(path, "SELECT count(*) FROM runs"), QString::number(Counts::Runs));
}

void TestDemoStore::curveStepsOption()
{
    const QString path
        = generate(QStringLiteral("short"), {.today = Today, .curveSteps = 120, .withArtifacts = false});
    QVERIFY(!path.isEmpty());
    QCOMPARE(
        query(path, "SELECT DISTINCT count(*) FROM metrics WHERE \"key\" = 'train/loss' GROUP BY run_uuid"),
        QStringLiteral("120"));
    QCOMPARE(query(path, "SELECT count(*) FROM metrics WHERE is_nan = 1"), QStringLiteral("1"));
    QCOMPARE(query(path, "SELECT count(*) FROM metrics WHERE value >= 1.7976931348623157e308"),
             QStringLiteral("1"));
}

void TestDemoStore::refusesExistingFile()
{
    const QString before = TestSupport::fileHash(m_demo);
    const Error error = DemoStore::generate(m_demo);
    QCOMPARE(error.code, Error::InvalidArgument);
    QCOMPARE(TestSupport::fileHash(m_demo), before);
}

void TestDemoStore::readsBackThroughTheStoreInterface()
{
    auto reader = openStore(m_demo);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message));
    const auto experiments = (*reader)->experiments();
    QVERIFY(experiments);
    QCOMPARE(experiments->size(), Counts::ActiveExperiments);
    const auto all = (*reader)->experiments(ViewType::All);
    QVERIFY(all);
    QCOMPARE(all->size(), Counts::Experiments);
    for (const Experiment &e : *experiments) {
        if (e.name == QLatin1String("mnist-cnn")) {
            QCOMPARE(e.runCount, Counts::MnistRuns);
            QVERIFY(e.description.startsWith(QLatin1String("# MNIST CNN")));
        }
    }

    const auto runs = (*reader)->runs(RunQuery {});
    QVERIFY(runs);
    QCOMPARE(runs->size(), Counts::ActiveRuns);
    int nested = 0;
    for (int row = 0; row < runs->size(); ++row) {
        QVERIFY(!runs->run(row).runName.isEmpty());
        nested += runs->run(row).parentRunId.isEmpty() ? 0 : 1;
    }
    QCOMPARE(nested, Counts::NestedChildren);
    RunQuery everything;
    everything.view = ViewType::All;
    const auto allRuns = (*reader)->runs(everything);
    QVERIFY(allRuns);
    QCOMPARE(allRuns->size(), Counts::Runs);

    // The NaN is in the history, and the latest value is a real number at the last step.
    const QString loraR16 = query(m_demo, "SELECT run_uuid FROM runs WHERE name = 'lora-r16'");
    const auto history = (*reader)->metricHistory(loraR16, QStringLiteral("train/loss"));
    QVERIFY(history);
    QCOMPARE(history->points.size(), 3000);
    QCOMPARE(std::count_if(history->points.cbegin(), history->points.cend(),
                           [](const MetricPoint &p) { return std::isnan(p.value); }),
             1);
    const int row = runs->indexOfRun(loraR16);
    QVERIFY(row >= 0);
    const LatestMetric *latest = runs->metric(row, QStringLiteral("train/loss"));
    QVERIFY(latest);
    QCOMPARE(latest->step, qint64(2999));
    QVERIFY(!latest->isNan);

    const auto datasets = (*reader)->datasets(loraR16);
    QVERIFY(datasets);
    QStringList contexts;
    for (const DatasetInput &d : *datasets)
        contexts.append(d.context);
    contexts.sort();
    QCOMPARE(contexts, (QStringList {QStringLiteral("training"), QStringLiteral("validation")}));
}

void TestDemoStore::syntheticStore()
{
    const QString path = m_dir.filePath(QStringLiteral("synthetic.db"));
    const SyntheticStoreOptions options {
        .experiments = 2, .runs = 50, .params = 3, .metrics = 2, .tags = 2, .historyPoints = 5, .seed = 3};
    QCOMPARE(DemoStore::generateSynthetic(path, options).code, Error::None);
    QCOMPARE(query(path,
                   "SELECT name, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.experiment_id) "
                   "FROM experiments e ORDER BY experiment_id"),
             QStringLiteral("Default|0;synthetic-00|25;synthetic-01|25"));
    QCOMPARE(query(path, "SELECT \"key\", count(*) FROM params GROUP BY 1 ORDER BY 1"),
             QStringLiteral("param_00|50;param_01|50;param_02|50"));
    QCOMPARE(query(path, "SELECT \"key\", count(*), min(step), max(step) FROM metrics GROUP BY 1 ORDER BY 1"),
             QStringLiteral("metric_00|250|0|4;metric_01|250|0|4"));
    QCOMPARE(query(path, "SELECT count(*), min(step), max(step) FROM latest_metrics"),
             QStringLiteral("100|4|4"));
    QCOMPARE(query(path, "SELECT \"key\", count(*) FROM tags GROUP BY 1 ORDER BY 1"),
             QStringLiteral("mlflow.runName|50;mlflow.user|50;tag_00|50;tag_01|50"));
    QCOMPARE(query(path, "SELECT max(length(value)) <= 10 FROM params"), QStringLiteral("1"));
    QCOMPARE(query(path, "PRAGMA integrity_check"), QStringLiteral("ok"));
    QCOMPARE(query(path, "PRAGMA foreign_key_check"), QString());
    const QByteArray indexes
        = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name";
    QCOMPARE(query(path, indexes),
             query(TestSupport::fixturePath(QStringLiteral("mlflow-3.9-c9d4e5f6a7b8-empty.db")), indexes));
}

void TestDemoStore::syntheticIsDeterministic()
{
    const SyntheticStoreOptions options {.runs = 30, .params = 4, .metrics = 3, .tags = 2, .seed = 11};
    const QString a = m_dir.filePath(QStringLiteral("det-a/s.db"));
    const QString b = m_dir.filePath(QStringLiteral("det-b/s.db"));
    QDir().mkpath(QFileInfo(a).absolutePath());
    QDir().mkpath(QFileInfo(b).absolutePath());
    QCOMPARE(DemoStore::generateSynthetic(a, options).code, Error::None);
    QCOMPARE(DemoStore::generateSynthetic(b, options).code, Error::None);
    QCOMPARE(dumpWithoutFolder(b), dumpWithoutFolder(a));
}

void TestDemoStore::syntheticRejectsBadOptions()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.db"));
    QCOMPARE(DemoStore::generateSynthetic(path, {.experiments = 0}).code, Error::InvalidArgument);
    QCOMPARE(DemoStore::generateSynthetic(path, {.historyPoints = 0}).code, Error::InvalidArgument);
    QVERIFY(!QFileInfo::exists(path));
}

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demostore.moc"
