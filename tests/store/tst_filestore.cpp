#include "filestorefixture.h"
#include "storefactory.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <cmath>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <time.h>

using namespace Store;
using namespace FileStoreFixture;

Q_DECLARE_METATYPE(FileStoreFixture::Era)

// What only the file store (mlruns/, format notes §4) has: meta.yaml eras, metric line formats,
// nested keys, .trash, experiment tags, dataset schemas, malformed runs, folders that are no
// store. The file model registry: tst_fileregistry.
class TestFileStore : public QObject
{
    Q_OBJECT
private slots:
    void metaYamlEras_data();
    void metaYamlEras();
    void metricLineFormats();
    void metricsIgnoreTheLocale();
    void nestedKeys();
    void trashedExperiments();
    void datasetsOfARun();
    void malformedRunsAreSkippedWithWarnings();
    void manyWarningsAreCounted();
    void notAnMlrunsFolder_data();
    void notAnMlrunsFolder();
    void fileUriAndSymlinks();
    void manyRunsAndTheFirstPage();
    void metricSeriesOfRuns();
    void staleWhenReplaced();
    void changedRunsAreReadAgain();
};

void TestFileStore::metaYamlEras_data()
{
    QTest::addColumn<Era>("era");
    QTest::addRow("MLflow 1.2 (name in tags, run_uuid)") << Era::Mlflow1_2;
    QTest::addRow("MLflow 1.30 (run_name, run_id, run_uuid)") << Era::Mlflow1_30;
    QTest::addRow("MLflow 3 (run_id only)") << Era::Mlflow3;
    QTest::addRow("status as a name") << Era::StatusName;
}

void TestFileStore::metaYamlEras()
{
    QFETCH(Era, era);
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    Run run;
    run.id = runId(1);
    run.experimentId = QStringLiteral("0");
    run.name = QStringLiteral("brave-owl-42");
    run.status = QStringLiteral("KILLED");
    run.startTime = 1700000001000;
    run.endTime = 1700000002000;
    run.user = QStringLiteral("ann");
    run.era = era;
    out.run(run);
    Run running = run;
    running.id = runId(2);
    running.name.clear();
    running.status = QStringLiteral("RUNNING");
    running.endTime = Null;
    running.startTime = Null;
    out.run(running);
    QVERIFY(out.ok());

    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto table = store->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->size(), 2);
    const RunAttributes &a = table->run(0); // a start time before none
    QCOMPARE(a.runId, runId(1));
    QCOMPARE(a.runName, QStringLiteral("brave-owl-42"));
    QCOMPARE(a.status, QStringLiteral("KILLED"));
    QCOMPARE(a.experimentId, QStringLiteral("0"));
    QCOMPARE(a.lifecycleStage, QStringLiteral("active"));
    QCOMPARE(a.userId, QStringLiteral("ann"));
    QCOMPARE(a.startTime, 1700000001000);
    QCOMPARE(a.endTime, 1700000002000);
    QCOMPARE(a.artifactUri, QStringLiteral("file://%1/0/%2/artifacts").arg(dir.path(), runId(1)));
    const RunAttributes &b = table->run(1);
    QCOMPARE(b.runName, QString());
    QCOMPARE(b.status, QStringLiteral("RUNNING"));
    QCOMPARE(b.startTime, NoTime);
    QCOMPARE(b.endTime, NoTime);
    QCOMPARE(b.deletedTime, NoTime); // deleted_time: null, or no key before MLflow 1.28
    QCOMPARE(*store->artifactUri(runId(1)), a.artifactUri);
    QVERIFY(store->warnings().isEmpty());
}

void TestFileStore::metricLineFormats()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    // Pre-1.0 lines without a step, current lines, MLflow 3's dataset fields, Windows line ends.
    out.metricText(runId(1), QStringLiteral("old"), "100 0.5\n200 1e-05\n");
    out.metricText(runId(1), QStringLiteral("loss"),
                   "100 0.5 0\n300 nan 2\n200 inf 1\n200 -inf 1\n400 5 2 mnist abc123\r\n"
                   "400 1.7976931348623157e+308 2\n");
    out.metricText(runId(1), QStringLiteral("tie"), "100 -50.67 1\n100 4.7 1\n100 3.0 1\n100 -1.2 1\n");
    out.metricText(runId(1), QStringLiteral("nan_last"), "100 1.5 0\n100 nan 1\n");
    QVERIFY(out.ok());
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto table = store->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->metric(0, QStringLiteral("old"))->value, 1e-05);
    QCOMPARE(table->metric(0, QStringLiteral("old"))->step, 0);
    // Latest = max (step, timestamp, value): step 2, timestamp 400, the larger value.
    const LatestMetric *loss = table->metric(0, QStringLiteral("loss"));
    QCOMPARE(loss->step, 2);
    QCOMPARE(loss->timestamp, 400);
    QCOMPARE(loss->value, std::numeric_limits<double>::max());
    QCOMPARE(table->metric(0, QStringLiteral("tie"))->value, 4.7); // MLflow's oracle
    QVERIFY(table->metric(0, QStringLiteral("nan_last"))->isNan);
    QVERIFY(std::isnan(table->metric(0, QStringLiteral("nan_last"))->value));

    const auto history = store->metricHistory(runId(1), QStringLiteral("loss"));
    QVERIFY(history.ok());
    QCOMPARE(history->points.size(), 6);
    QCOMPARE(history->points[0].value, 0.5);
    QCOMPARE(history->points[1].value, -std::numeric_limits<double>::infinity()); // step 1, ts 200
    QCOMPARE(history->points[2].value, std::numeric_limits<double>::infinity());
    QVERIFY(std::isnan(history->points[3].value)); // step 2, ts 300
    QCOMPARE(history->points[4].value, 5.0); // ts 400, ordered by value
    QCOMPARE(history->points[5].value, std::numeric_limits<double>::max());
    const auto tie = store->metricHistory(runId(1), QStringLiteral("tie"));
    QList<double> values;
    for (const MetricPoint &p : tie->points)
        values.append(p.value);
    QCOMPARE(values, (QList<double> {-50.67, -1.2, 3.0, 4.7}));
    QVERIFY(store->warnings().isEmpty());
}

void TestFileStore::metricsIgnoreTheLocale()
{
    // A locale that writes "0,5": the reader must not depend on it (no strtod, no QLocale).
    const char *german = nullptr;
    for (const char *name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8"}) {
        if (std::setlocale(LC_NUMERIC, name)) {
            german = name;
            break;
        }
    }
    if (!german)
        qInfo("No comma-decimal C locale installed here; QLocale alone is set to German.");
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.metricText(runId(1), QStringLiteral("acc"), "100 0.5 0\n200 0.75 1\n");
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto table = store->runs({});
    const double latest = table->metric(0, QStringLiteral("acc"))->value;
    const auto history = store->metricHistory(runId(1), QStringLiteral("acc"));
    std::setlocale(LC_NUMERIC, "C");
    QLocale::setDefault(QLocale::c());
    QCOMPARE(latest, 0.75);
    QCOMPARE(history->points.first().value, 0.5);
}

void TestFileStore::nestedKeys()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.param(runId(1), QStringLiteral("model/layers"), QStringLiteral("12"));
    out.param(runId(1), QStringLiteral("text"), QStringLiteral("two\nlines\n"));
    out.tag(runId(1), QStringLiteral("a/b/c"), QStringLiteral("deep"));
    out.metric(runId(1), QStringLiteral("train/loss"), 100, 0.25, 3);
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto table = store->runs({});
    QCOMPARE(table->param(0, QStringLiteral("model/layers")), std::optional<QString>(QStringLiteral("12")));
    QCOMPARE(table->param(0, QStringLiteral("text")), std::optional<QString>(QStringLiteral("two\nlines\n")));
    QCOMPARE(table->tag(0, QStringLiteral("a/b/c")), std::optional<QString>(QStringLiteral("deep")));
    QCOMPARE(table->metric(0, QStringLiteral("train/loss"))->value, 0.25);
    QCOMPARE(store->metricHistory(runId(1), QStringLiteral("train/loss"))->points.size(), 1);
    // A key that would leave the run's folder reads as no metric.
    QVERIFY(store->metricHistory(runId(1), QStringLiteral("../meta.yaml"))->points.isEmpty());
}

void TestFileStore::trashedExperiments()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.experiment(QStringLiteral("606783375233873416"), QStringLiteral("sweep"));
    out.experimentTag(QStringLiteral("606783375233873416"), QStringLiteral("mlflow.note.content"),
                      QStringLiteral("# About"));
    out.experimentTag(QStringLiteral("606783375233873416"), QStringLiteral("team/lead"),
                      QStringLiteral("ann"));
    out.experimentTag(QStringLiteral("606783375233873416"), QStringLiteral("gpu"), QStringLiteral("2"));
    out.experiment(QStringLiteral("17"), QStringLiteral("gone"), QStringLiteral("deleted"), 1700000000000,
                   true);
    out.experimentTag(QStringLiteral("17"), QStringLiteral("reason"), QStringLiteral("superseded\n"));
    out.run({runId(1), QStringLiteral("606783375233873416")});
    Run deletedRun {runId(2), QStringLiteral("606783375233873416")};
    deletedRun.lifecycleStage = QStringLiteral("deleted");
    deletedRun.deletedTime = 1700000009000;
    out.run(deletedRun);
    Run trashed {runId(3), QStringLiteral("17")};
    trashed.lifecycleStage = QStringLiteral("deleted");
    out.run(trashed);
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto names = [&](ViewType view) {
        QStringList list;
        const auto experiments = store->experiments(view);
        for (const Experiment &e : *experiments)
            list.append(e.id + QLatin1Char(':') + e.name + QLatin1Char(':') + QString::number(e.runCount));
        return list;
    };
    QCOMPARE(names(ViewType::ActiveOnly), (QStringList {"0:Default:0", "606783375233873416:sweep:1"}));
    QCOMPARE(names(ViewType::DeletedOnly), (QStringList {"17:gone:1"}));
    QCOMPARE(names(ViewType::All), (QStringList {"0:Default:0", "17:gone:1", "606783375233873416:sweep:2"}));
    const auto active = store->experiments(ViewType::ActiveOnly);
    QCOMPARE(active->at(1).description, QStringLiteral("# About"));
    // Every tag file, a key with '/' from a sub-folder, in key order.
    QCOMPARE(active->at(1).tags,
             (KeyValueList {{"gpu", "2"}, {"mlflow.note.content", "# About"}, {"team/lead", "ann"}}));
    QCOMPARE(store->experiments(ViewType::DeletedOnly)->first().tags,
             (KeyValueList {{"reason", "superseded\n"}})); // the file's whole content
    QCOMPARE(store->runs({})->size(), 1);
    RunQuery deleted;
    deleted.view = ViewType::DeletedOnly;
    const auto deletedRuns = store->runs(deleted);
    QCOMPARE(deletedRuns->size(), 2);
    QCOMPARE(deletedRuns->run(deletedRuns->indexOfRun(runId(2))).deletedTime, 1700000009000);
    QCOMPARE(deletedRuns->run(deletedRuns->indexOfRun(runId(3))).deletedTime, NoTime); // deleted_time: null
    deleted.experimentIds = {QStringLiteral("17")};
    QCOMPARE(store->runs(deleted)->size(), 1);
    QVERIFY(store->artifactUri(runId(3)).ok());
}

void TestFileStore::datasetsOfARun()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    // As MLflow writes it (PyYAML 6.0.3): the long schema folded over three lines.
    out.writeFile(
        QStringLiteral("0/datasets/d1/meta.yaml"),
        "digest: ab12\n"
        "name: wine\n"
        "profile: '{\"num_rows\": 1599, \"num_elements\": 4797}'\n"
        "schema: '{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"fixed acidity\", \"required\":\n"
        "  true}, {\"type\": \"double\", \"name\": \"residual sugar\", \"required\": true}, {\"type\":\n"
        "  \"long\", \"name\": \"quality\", \"required\": true}]}'\n"
        "source: '{\"uri\": \"/data/wine.csv\"}'\n"
        "source_type: local\n");
    out.dataset(QStringLiteral("0"), QStringLiteral("d2"), QStringLiteral("eval-set"), QStringLiteral("cd34"),
                QStringLiteral("http"), QStringLiteral("{\"url\": \"https://x/y\"}"));
    out.input(runId(1), QStringLiteral("i1"), QStringLiteral("d1"), QStringLiteral("training"));
    out.input(runId(1), QStringLiteral("i2"), QStringLiteral("d2"), QStringLiteral("eval"));
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto datasets = store->datasets(runId(1));
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 2);
    QCOMPARE(datasets->at(0).name, QStringLiteral("eval-set"));
    QCOMPARE(datasets->at(0).context, QStringLiteral("eval"));
    QCOMPARE(datasets->at(1).source, QStringLiteral("{\"uri\": \"/data/wine.csv\"}"));
    QCOMPARE(datasets->at(1).digest, QStringLiteral("ab12"));
    QCOMPARE(datasets->at(1).sourceType, QStringLiteral("local"));
    QCOMPARE(datasets->at(1).schema,
             QStringLiteral(R"({"mlflow_colspec": [{"type": "double", "name": "fixed acidity", "required": )"
                            R"(true}, {"type": "double", "name": "residual sugar", "required": true}, )"
                            R"({"type": "long", "name": "quality", "required": true}]})"));
    QCOMPARE(datasets->at(1).profile, QStringLiteral(R"({"num_rows": 1599, "num_elements": 4797})"));
    QVERIFY(datasets->at(0).schema.isEmpty()); // schema: null
    QVERIFY(datasets->at(0).profile.isEmpty());
}

void TestFileStore::malformedRunsAreSkippedWithWarnings()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.metricText(runId(1), QStringLiteral("loss"), "100 0.5 0\nnot a line\n200 0,7 1\n300 0.25 2\n");
    out.writeFile(QStringLiteral("0/%1/params/x").arg(runId(2)), "1"); // no meta.yaml
    out.writeFile(QStringLiteral("0/%1/meta.yaml").arg(runId(3)), "run_id: [unclosed\n");
    out.writeFile(QStringLiteral("0/%1/meta.yaml").arg(runId(4)), "artifact_uri: ''\nstatus: 3\n"); // no id
    out.writeFile(QStringLiteral("0/%1/meta.yaml").arg(runId(5)),
                  "run_id: " + runId(6).toUtf8() + "\nexperiment_id: '0'\n"); // another run's id
    out.writeFile(QStringLiteral("0/%1/meta.yaml").arg(runId(7)),
                  "run_id: " + runId(7).toUtf8() + "\nexperiment_id: '5'\n"); // another experiment's
    out.writeFile(QStringLiteral("0/%1/meta.yaml").arg(runId(8)), "- a list\n- not a mapping\n");
    out.writeFile(QStringLiteral("notes/readme.txt"), "not an experiment"); // no meta.yaml
    QVERIFY(out.ok());

    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    const auto table = store->runs({});
    QVERIFY(table.ok());
    QCOMPARE(table->size(), 1);
    QCOMPARE(table->metric(0, QStringLiteral("loss"))->value, 0.25);
    const QStringList warnings = store->warnings();
    QCOMPARE(warnings.size(), 8);
    const QString all = warnings.join(QLatin1Char('\n'));
    for (int i : {2, 3, 4, 5, 7, 8})
        QVERIFY2(all.contains(runId(i)), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("line 2 of metric loss")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("notes")), qPrintable(all));
    const auto history = store->metricHistory(runId(1), QStringLiteral("loss"));
    QCOMPARE(history->points.size(), 2);
}

void TestFileStore::manyWarningsAreCounted()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    for (int i = 0; i < 300; ++i)
        out.writeFile(QStringLiteral("0/%1/params/p").arg(runId(i)), "1"); // no meta.yaml
    QVERIFY(out.ok());
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    QVERIFY(store->runs({})->isEmpty());
    const QStringList warnings = store->warnings();
    QCOMPARE(warnings.size(), 201);
    QVERIFY2(warnings.last().contains(QLatin1String("100 more")), qPrintable(warnings.last()));
    QVERIFY(store->runs({}).ok());
    QCOMPARE(store->warnings().size(), 201); // each read starts afresh
}

void TestFileStore::notAnMlrunsFolder_data()
{
    QTest::addColumn<QByteArray>("file"); // one file to write, empty: an empty folder
    QTest::addRow("empty folder") << QByteArray();
    QTest::addRow("unrelated folder") << QByteArray("photos/cat.jpg");
    QTest::addRow("a folder with a yaml at the top") << QByteArray("meta.yaml");
}

void TestFileStore::notAnMlrunsFolder()
{
    QFETCH(QByteArray, file);
    QTemporaryDir dir;
    if (!file.isEmpty())
        MlrunsWriter(dir.path()).writeFile(QString::fromUtf8(file), "x: 1\n");
    const auto store = openStore(dir.path());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::IsDirectory);
    QVERIFY2(store.error().message.contains(QLatin1String("is a folder but not an MLflow store")),
             qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(QDir::toNativeSeparators(dir.path())),
             qPrintable(store.error().message));
}

void TestFileStore::fileUriAndSymlinks()
{
    QTemporaryDir dir;
    const QString real = dir.filePath(QStringLiteral("real"));
    MlrunsWriter out(real);
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    out.run({runId(1), QStringLiteral("0")});
    out.param(runId(1), QStringLiteral("lr"), QStringLiteral("0.1"));
    // An experiment folder elsewhere, linked in; a run folder elsewhere, linked in; the root
    // opened through a link.
    MlrunsWriter elsewhere(dir.filePath(QStringLiteral("elsewhere")));
    elsewhere.experiment(QStringLiteral("5"), QStringLiteral("linked"));
    elsewhere.run({runId(2), QStringLiteral("5")});
    MlrunsWriter stash(dir.filePath(QStringLiteral("stash")));
    stash.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    stash.run({runId(3), QStringLiteral("0")});
    stash.param(runId(3), QStringLiteral("lr"), QStringLiteral("0.3"));
    QVERIFY(out.ok() && elsewhere.ok() && stash.ok());
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("elsewhere/5")), real + QStringLiteral("/5")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("stash/0/") + runId(3)),
                        real + QStringLiteral("/0/") + runId(3)));
    QVERIFY(QFile::link(real, dir.filePath(QStringLiteral("mlruns"))));

    auto store = openOrWarn(QStringLiteral("file://") + dir.filePath(QStringLiteral("mlruns")));
    QVERIFY(store);
    QCOMPARE(store->location(), dir.filePath(QStringLiteral("mlruns")));
    const auto table = store->runs({});
    QVERIFY(table.ok());
    QStringList ids;
    for (int row = 0; row < table->size(); ++row)
        ids.append(table->run(row).runId);
    ids.sort();
    QCOMPARE(ids, (QStringList {runId(1), runId(2), runId(3)}));
    QVERIFY(store->warnings().isEmpty());
    QCOMPARE(table->param(table->indexOfRun(runId(3)), QStringLiteral("lr")),
             std::optional<QString>(QStringLiteral("0.3")));
    QCOMPARE(store->metricHistory(runId(2), QStringLiteral("none")).ok(), true);
    QCOMPARE(table->param(table->indexOfRun(runId(1)), QStringLiteral("lr")),
             std::optional<QString>(QStringLiteral("0.1")));
}

void TestFileStore::manyRunsAndTheFirstPage()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    constexpr int Runs = 2000;
    for (int i = 0; i < Runs; ++i) {
        Run run {runId(i), QStringLiteral("0")};
        run.startTime = i % 17 == 0 ? Null : 1700000000000 + (i * 7919) % 500; // ties and none
        run.era = Era(i % 4);
        out.run(run);
        out.param(runId(i), QStringLiteral("i"), QString::number(i));
        out.metric(runId(i), QStringLiteral("m"), 100, i * 0.5, 0);
    }
    QVERIFY(out.ok());
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    qint64 lastDone = -1, lastTotal = 0;
    bool monotonic = true;
    const auto all = store->runs({}, nullptr, [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= lastDone && done <= total;
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY(all.ok());
    QCOMPARE(all->size(), Runs);
    QVERIFY(monotonic);
    QCOMPARE(lastDone, lastTotal);
    for (int row = 1; row < all->size(); ++row) {
        const RunAttributes &a = all->run(row - 1), &b = all->run(row);
        if (b.startTime != NoTime)
            QVERIFY(a.startTime != NoTime
                    && (a.startTime > b.startTime || (a.startTime == b.startTime && a.runId < b.runId)));
        else if (a.startTime == NoTime)
            QVERIFY(a.runId < b.runId);
    }
    RunQuery first;
    first.limit = 50;
    const auto page = store->runs(first);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 50);
    for (int row = 0; row < page->size(); ++row) {
        QCOMPARE(page->run(row).runId, all->run(row).runId);
        QCOMPARE(page->param(row, QStringLiteral("i")), all->param(row, QStringLiteral("i")));
        QCOMPARE(page->metric(row, QStringLiteral("m"))->value, all->metric(row, QStringLiteral("m"))->value);
    }
    CancelFlag cancel {true};
    QCOMPARE(store->runs({}, &cancel).error().code, Error::Cancelled);
}

void TestFileStore::metricSeriesOfRuns()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    for (int i = 1; i <= 2; ++i) {
        out.run({runId(i), QStringLiteral("0")});
        out.metricText(runId(i), QStringLiteral("val/acc"), "300 0.9 2\n100 0.5 0\n200 0.7 1\n");
        out.metric(runId(i), QStringLiteral("loss"), 100, 1.0, 0);
    }
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    QStringList seen;
    QList<MetricSeries> series;
    const Error error = store->readMetricSeries({runId(2), runId(1)}, {}, [&](MetricSeries &&s) {
        seen.append(s.runId.left(0) + s.runId.right(1) + QLatin1Char(':') + s.key);
        series.append(std::move(s));
    });
    QVERIFY(error.ok());
    QCOMPARE(seen, (QStringList {"2:loss", "2:val/acc", "1:loss", "1:val/acc"}));
    QCOMPARE(series[1].steps, (std::vector<qint64> {0, 1, 2}));
    QCOMPARE(series[1].values, (std::vector<double> {0.5, 0.7, 0.9}));
    seen.clear();
    QVERIFY(store
                ->readMetricSeries({runId(1)}, {QStringLiteral("missing"), QStringLiteral("loss")},
                                   [&](MetricSeries &&s) { seen.append(s.key + QString::number(s.size())); })
                .ok());
    QCOMPARE(seen, (QStringList {"missing0", "loss1"}));
    seen.clear();
    const Error unknown
        = store->readMetricSeries({runId(1), runId(9)}, {}, [&](MetricSeries &&s) { seen.append(s.key); });
    QCOMPARE(unknown.code, Error::NoSuchRun);
    QVERIFY(seen.isEmpty());
}

void TestFileStore::staleWhenReplaced()
{
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("mlruns"));
    MlrunsWriter(root).experiment(QStringLiteral("0"), QStringLiteral("Default"));
    auto store = openOrWarn(root);
    QVERIFY(store);
    QVERIFY(!store->isStale());
    QVERIFY(QDir().rename(root, dir.filePath(QStringLiteral("old"))));
    QVERIFY(store->isStale());
    MlrunsWriter(root).experiment(QStringLiteral("0"), QStringLiteral("Default"));
    QVERIFY(store->isStale()); // another folder by the same name
}

// A store instance keeps the run meta.yaml files it parsed; a file MLflow rewrote since (a run
// that ended, one deleted) is read again.
void TestFileStore::changedRunsAreReadAgain()
{
    QTemporaryDir dir;
    MlrunsWriter out(dir.path());
    out.experiment(QStringLiteral("0"), QStringLiteral("Default"));
    Run run {runId(1), QStringLiteral("0")};
    run.status = QStringLiteral("RUNNING");
    out.run(run);
    out.run({runId(2), QStringLiteral("0")});
    // Written an hour ago: files changed in the last seconds are never kept.
    for (int i : {1, 2}) {
        const QByteArray meta
            = QFile::encodeName(dir.filePath(QStringLiteral("0/%1/meta.yaml").arg(runId(i))));
        timespec times[2];
        ::clock_gettime(CLOCK_REALTIME, &times[0]);
        times[0].tv_sec -= 3600;
        times[1] = times[0];
        QCOMPARE(::utimensat(AT_FDCWD, meta.constData(), times, 0), 0);
    }
    auto store = openOrWarn(dir.path());
    QVERIFY(store);
    QCOMPARE(store->runs({})->run(0).status, QStringLiteral("RUNNING"));
    QCOMPARE(*store->artifactUri(runId(1)), store->runs({})->run(0).artifactUri);

    run.status = QStringLiteral("FAILED"); // 1 -> 4: a meta.yaml of the same size
    out.run(run);
    RunQuery all;
    const auto table = store->runs(all);
    QCOMPARE(table->run(table->indexOfRun(runId(1))).status, QStringLiteral("FAILED"));
    Run deleted {runId(2), QStringLiteral("0")};
    deleted.lifecycleStage = QStringLiteral("deleted");
    deleted.artifactUri = QStringLiteral("/elsewhere");
    out.run(deleted);
    QCOMPARE(store->runs({})->size(), 1);
    QCOMPARE(*store->artifactUri(runId(2)), QStringLiteral("/elsewhere"));
    QCOMPARE(store->experiments(ViewType::ActiveOnly)->first().runCount, 1);
}

QTEST_GUILESS_MAIN(TestFileStore)
#include "tst_filestore.moc"
