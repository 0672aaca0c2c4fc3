#include "clirunner.h"
#include "demostore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <cmath>

// The command line is a public interface: field names and exit codes are checked here by
// running the real kaizen binary, as scripts do.
class TestCli : public QObject
{
    Q_OBJECT

private:
    using Outcome = CliRunner::Outcome;
    static Outcome kaizen(const QStringList &arguments) { return CliRunner::kaizen(arguments); }
    static QJsonArray jsonArray(const QByteArray &bytes) { return CliRunner::jsonArray(bytes); }
    static QJsonObject jsonObject(const QByteArray &bytes) { return CliRunner::jsonObject(bytes); }
    // Two finished top-level runs of the demo store's mnist-cnn experiment.
    QJsonArray twoDemoRuns()
    {
        QJsonArray runs;
        const Outcome o = kaizen({"runs", m_demoStore, "--format", "json", "--experiment", "mnist-cnn"});
        for (const QJsonValue &value : jsonArray(o.out)) {
            if (value.toObject().value("parent_run_id").isNull() && runs.size() < 2)
                runs.append(value);
        }
        return runs;
    }
    // Cases that do not read a store's content, or that need a local file, run with the sqlite
    // backend only.
    static bool isSqliteBackend() { return TestSupport::storeBackend() == QLatin1String("sqlite"); }
    QString m_fixture12;
    QTemporaryDir m_dir;
    QString m_demo;
    // The same two stores in the backend under test (TestSupport::storeUnderTest()).
    QString m_store12;
    QString m_demoStore;

private slots:
    void initTestCase();
    void experimentsJson();
    void runsJsonOnMlflow12();
    void runsFilterAndOrder();
    void runsOnDemoStore();
    void runsTsvHasOneLinePerRun();
    void runsGroupedBySweepParams();
    void historyJson();
    void diffJsonOnDemoStore();
    void diffAcrossTwoStores();
    void diffMarkdownCsvAndTable();
    void badArguments_data();
    void badArguments();
    void unreadableStores_data();
    void unreadableStores();
    void storeLocations();
    void helpAndVersion();
    void mistakesPrintTheUsage();
    void unknownCommand();
    void demoIntoPostgres();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(TestSupport::kaizenBinary()), "set KAIZEN_BIN to the kaizen executable");
    m_fixture12 = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_store12 = TestSupport::storeUnderTest(m_fixture12, m_dir);
    m_demoStore = TestSupport::storeUnderTest(m_demo, m_dir);
    QVERIFY(!m_store12.isEmpty() && !m_demoStore.isEmpty());
}

void TestCli::experimentsJson()
{
    const Outcome o = kaizen({"experiments", m_store12, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray experiments = jsonArray(o.out);
    QCOMPARE(experiments.size(), 1);
    const QJsonObject e = experiments.first().toObject();
    QCOMPARE(e.value("experiment_id").toString(), QStringLiteral("0"));
    QCOMPARE(e.value("name").toString(), QStringLiteral("Default"));
    QCOMPARE(e.value("lifecycle_stage").toString(), QStringLiteral("active"));
    QCOMPARE(e.value("artifact_location").toString(), QStringLiteral("./mlruns/0"));
    QCOMPARE(e.value("run_count").toInt(), 26);

    const Outcome table = kaizen({"experiments", m_store12});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("Default"));
}

void TestCli::runsJsonOnMlflow12()
{
    const Outcome o = kaizen({"runs", m_store12, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray runs = jsonArray(o.out);
    QCOMPARE(runs.size(), 26);
    qint64 previousStart = std::numeric_limits<qint64>::max();
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        for (const char *field : {"run_id", "run_name", "experiment_id", "status", "lifecycle_stage",
                                  "start_time", "end_time", "parent_run_id", "params", "metrics", "tags"})
            QVERIFY2(run.contains(QLatin1String(field)), field);
        QCOMPARE(run.value("experiment_id").toString(), QStringLiteral("0"));
        QVERIFY(run.value("parent_run_id").isNull());
        const qint64 start = qint64(run.value("start_time").toDouble());
        QVERIFY(start <= previousStart); // MLflow's default order: newest first
        previousStart = start;
        if (run.value("run_id").toString() == QLatin1String("f662d9fdd072422899f1a91dca132e45"))
            QCOMPARE(run.value("metrics").toObject().value("metric_eq_ts_step").toDouble(), 4.7);
        if (run.value("run_id").toString() == QLatin1String("bd263e2b04b04460a40c1acae72a18ae")) {
            QCOMPARE(run.value("metrics").toObject().value("metric_1").toDouble(), -2.5797830282214);
            QCOMPARE(run.value("tags").toObject().value("mlflow.user").toString(), QStringLiteral("czumar"));
        }
    }
}

void TestCli::runsFilterAndOrder()
{
    const Outcome o = kaizen({"runs", m_store12, "--format", "json", "--filter", "metrics.metric_0 > 3",
                              "--order-by", "metrics.metric_0 DESC"});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray runs = jsonArray(o.out);
    QCOMPARE(runs.size(), 4); // 3.779, 3.417, 3.306, 3.099 in the oracle
    double previous = 1e9;
    for (const QJsonValue &value : runs) {
        const double v = value.toObject().value("metrics").toObject().value("metric_0").toDouble();
        QVERIFY(v > 3 && v <= previous);
        previous = v;
    }
}

void TestCli::runsOnDemoStore()
{
    const Outcome all = kaizen({"runs", m_demoStore, "--format", "json", "--all"});
    QCOMPARE(all.exitCode, 0);
    const Outcome active = kaizen({"runs", m_demoStore, "--format", "json"});
    QCOMPARE(active.exitCode, 0);
    const QJsonArray allRuns = jsonArray(all.out);
    const QJsonArray activeRuns = jsonArray(active.out);
    QVERIFY(activeRuns.size() > 5);
    QVERIFY(allRuns.size() > activeRuns.size()); // the demo store has deleted runs

    int nested = 0;
    for (const QJsonValue &value : activeRuns) {
        const QJsonObject run = value.toObject();
        QCOMPARE(run.value("lifecycle_stage").toString(), QStringLiteral("active"));
        QVERIFY(!run.value("run_name").toString().isEmpty());
        if (!run.value("parent_run_id").isNull())
            ++nested;
    }
    QVERIFY(nested > 0);

    const Outcome one = kaizen({"runs", m_demoStore, "--format", "json", "--experiment", "mnist-cnn"});
    QCOMPARE(one.exitCode, 0);
    const QJsonArray mnist = jsonArray(one.out);
    QVERIFY(!mnist.isEmpty() && mnist.size() < activeRuns.size());
    const QString mnistId = mnist.first().toObject().value("experiment_id").toString();
    for (const QJsonValue &value : mnist)
        QCOMPARE(value.toObject().value("experiment_id").toString(), mnistId);
    const Outcome byId = kaizen({"runs", m_demoStore, "--format", "json", "--experiment", mnistId});
    QCOMPARE(jsonArray(byId.out).size(), mnist.size());
}

// --group-by: one entry per batch size (and one for the runs without it), checked against the
// ungrouped runs: the same run ids, and each metric's mean, extremes and population standard
// deviation computed here from their latest values.
void TestCli::runsGroupedBySweepParams()
{
    const QJsonArray runs
        = jsonArray(kaizen({"runs", m_demo, "--experiment", "mnist-cnn", "--format", "json"}).out);
    const Outcome grouped = kaizen(
        {"runs", m_demo, "--experiment", "mnist-cnn", "--group-by", "params.batch_size", "--format", "json"});
    QCOMPARE(grouped.exitCode, 0);
    const QJsonArray groups = jsonArray(grouped.out);
    QVERIFY(groups.size() >= 3);
    int runCount = 0;
    for (const QJsonValue &value : groups) {
        const QJsonObject group = value.toObject();
        const QJsonValue size = group.value("group").toObject().value("params.batch_size");
        QList<QJsonObject> members;
        for (const QJsonValue &run : runs) {
            if (run.toObject().value("params").toObject().value("batch_size") == size
                || (size.isNull() && !run.toObject().value("params").toObject().contains("batch_size")))
                members.append(run.toObject());
        }
        const QJsonArray ids = group.value("run_ids").toArray();
        QCOMPARE(ids.size(), members.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i].toString(), members[i].value("run_id").toString()); // in the runs' order
        runCount += int(ids.size());
        const QJsonObject loss = group.value("metrics").toObject().value("val_loss").toObject();
        QList<double> values;
        for (const QJsonObject &run : members) {
            const QJsonValue v = run.value("metrics").toObject().value("val_loss");
            if (v.isDouble())
                values.append(v.toDouble());
        }
        if (values.isEmpty()) {
            QVERIFY(loss.isEmpty());
            continue;
        }
        double mean = 0, squares = 0;
        for (double v : values)
            mean += v / double(values.size());
        for (double v : values)
            squares += (v - mean) * (v - mean);
        QCOMPARE(loss.value("count").toInt(), values.size());
        QVERIFY(qAbs(loss.value("mean").toDouble() - mean) < 1e-12);
        QCOMPARE(loss.value("min").toDouble(), *std::min_element(values.cbegin(), values.cend()));
        QCOMPARE(loss.value("max").toDouble(), *std::max_element(values.cbegin(), values.cend()));
        QVERIFY(qAbs(loss.value("std").toDouble() - std::sqrt(squares / double(values.size()))) < 1e-12);
    }
    QCOMPARE(runCount, runs.size());
    // The runs without a batch size form the last group, with a null value.
    QVERIFY(groups.last().toObject().value("group").toObject().value("params.batch_size").isNull());

    // The table names that group; a metric is no key to group by (exit 2, nothing on stdout).
    const Outcome table
        = kaizen({"runs", m_demo, "--experiment", "mnist-cnn", "--group-by", "params.batch_size"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("(no value)"));
    const Outcome metric = kaizen({"runs", m_demo, "--group-by", "metrics.val_loss"});
    QCOMPARE(metric.exitCode, 2);
    QVERIFY(metric.out.isEmpty());
    QVERIFY(metric.err.contains("--group-by"));
}

void TestCli::runsTsvHasOneLinePerRun()
{
    const Outcome o = kaizen({"runs", m_demoStore, "--format", "tsv", "--all"});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.endsWith('\n'));
    // Not trimmed(): empty trailing fields end a line with tabs.
    const QList<QByteArray> lines = o.out.chopped(1).split('\n');
    const Outcome json = kaizen({"runs", m_demoStore, "--format", "json", "--all"});
    QCOMPARE(lines.size(), jsonArray(json.out).size() + 1);
    const QList<QByteArray> header = lines.first().split('\t');
    QCOMPARE(header.first(), QByteArray("run_id"));
    for (const QByteArray &line : lines)
        QCOMPARE(line.count('\t'), header.size() - 1);
}

void TestCli::historyJson()
{
    const Outcome o = kaizen({"history", m_store12, "f662d9fdd072422899f1a91dca132e45", "metric_eq_ts_step",
                              "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray points = jsonArray(o.out);
    QCOMPARE(points.size(), 4);
    QList<double> values;
    for (const QJsonValue &p : points) {
        QCOMPARE(p.toObject().value("step").toInt(), 1);
        QCOMPARE(p.toObject().value("timestamp").toInt(), 100);
        values.append(p.toObject().value("value").toDouble());
    }
    QCOMPARE(values, (QList<double> {-50.67, -1.2, 3.0, 4.7}));
}

void TestCli::diffJsonOnDemoStore()
{
    const QJsonArray runs = twoDemoRuns();
    QCOMPARE(runs.size(), 2);
    const QString a = runs[0].toObject().value("run_id").toString();
    const QString b = runs[1].toObject().value("run_id").toString();
    const Outcome o = kaizen({"diff", m_demoStore, a, b, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    const QJsonObject diff = jsonObject(o.out);
    QCOMPARE(diff.keys(), (QStringList {"metrics", "params", "runs", "tags"}));
    QCOMPARE(diff.value("runs").toArray(), (QJsonArray {a, b}));

    // Without --all: only differing params and tags, and no mlflow.* tags.
    const QJsonArray params = diff.value("params").toArray();
    QVERIFY(!params.isEmpty());
    for (const QJsonValue &p : params) {
        const QJsonObject param = p.toObject();
        QVERIFY(param.value("differs").toBool());
        const QJsonArray values = param.value("values").toArray();
        QCOMPARE(values.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonValue expected
                = runs[i].toObject().value("params").toObject().value(param.value("key").toString());
            QCOMPARE(values[i].isNull(), expected.isUndefined()); // missing is null, never ""
            if (!values[i].isNull())
                QCOMPARE(values[i].toString(), expected.toString());
        }
    }
    for (const QJsonValue &t : diff.value("tags").toArray()) {
        QVERIFY(t.toObject().value("differs").toBool());
        QVERIFY(!t.toObject().value("key").toString().startsWith(QLatin1String("mlflow.")));
    }
    const Outcome all = kaizen({"diff", m_demoStore, a, b, "--format", "json", "--all"});
    QCOMPARE(all.exitCode, 0);
    const QJsonObject allDiff = jsonObject(all.out);
    QVERIFY(allDiff.value("params").toArray().size() > params.size()); // the demo runs share some params
    bool hasSystemTag = false;
    for (const QJsonValue &t : allDiff.value("tags").toArray())
        hasSystemTag |= t.toObject().value("key").toString() == QLatin1String("mlflow.runName");
    QVERIFY(hasSystemTag);

    // Metrics: always every key; latest as in `runs`, min/max as in `history`, best by direction.
    const QJsonArray metrics = diff.value("metrics").toArray();
    QCOMPARE(metrics, allDiff.value("metrics").toArray());
    QStringList keys;
    for (const QJsonValue &m : metrics) {
        const QJsonObject metric = m.toObject();
        const QString key = metric.value("key").toString();
        keys.append(key);
        const QJsonArray values = metric.value("values").toArray();
        const QJsonArray mins = metric.value("min").toArray();
        const QJsonArray maxs = metric.value("max").toArray();
        QCOMPARE(values.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonValue latest = runs[i].toObject().value("metrics").toObject().value(key);
            QCOMPARE(values[i].toDouble(), latest.toDouble());
            QVERIFY(mins[i].toDouble() <= values[i].toDouble() && values[i].toDouble() <= maxs[i].toDouble());
        }
        if (key == QLatin1String("val_loss") || key == QLatin1String("val_accuracy")) {
            const bool lowerIsBetter = key == QLatin1String("val_loss");
            const int best = (values[0].toDouble() < values[1].toDouble()) == lowerIsBetter ? 0 : 1;
            QCOMPARE(metric.value("best_run").toString(), best == 0 ? a : b);
            const Outcome history = kaizen({"history", m_demoStore, a, key, "--format", "json"});
            double min = 1e300, max = -1e300;
            for (const QJsonValue &p : jsonArray(history.out)) {
                min = std::min(min, p.toObject().value("value").toDouble());
                max = std::max(max, p.toObject().value("value").toDouble());
            }
            QCOMPARE(mins[0].toDouble(), min);
            QCOMPARE(maxs[0].toDouble(), max);
        }
    }
    QVERIFY(keys.contains("val_loss"));
    QVERIFY(keys.contains("val_accuracy"));
}

void TestCli::diffAcrossTwoStores()
{
    QTemporaryDir other;
    const QString copy = other.filePath(QStringLiteral("copy.db"));
    QVERIFY(QFile::copy(m_demo, copy));
    const QString a = twoDemoRuns().first().toObject().value("run_id").toString();
    const Outcome o = kaizen(
        {"diff", "--run", m_demoStore + ":" + a, "--run", "sqlite:///" + copy + ":" + a, "--format", "json"});
    QCOMPARE(o.exitCode, 0);
    const QJsonObject diff = jsonObject(o.out);
    QCOMPARE(diff.value("runs").toArray(), (QJsonArray {a, a}));
    QVERIFY(diff.value("params").toArray().isEmpty()); // the same run twice
    QVERIFY(diff.value("tags").toArray().isEmpty());
    const QJsonArray metrics = diff.value("metrics").toArray();
    QVERIFY(!metrics.isEmpty());
    for (const QJsonValue &m : metrics) {
        const QJsonArray values = m.toObject().value("values").toArray();
        QCOMPARE(values[0], values[1]);
        QCOMPARE(m.toObject().value("best_run").toString(), a); // a tie goes to the first
    }
    const Outcome all
        = kaizen({"diff", "--run", m_demoStore + ":" + a, "--run", copy + ":" + a, "--format", "json", "--all"});
    for (const QJsonValue &p : jsonObject(all.out).value("params").toArray())
        QVERIFY(!p.toObject().value("differs").toBool());

    const Outcome missing
        = kaizen({"diff", "--run", m_demo + ":" + a, "--run", other.filePath("nope.db") + ":" + a});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(missing.out.isEmpty());
    QCOMPARE(missing.err.count('\n'), 1);
}

void TestCli::diffMarkdownCsvAndTable()
{
    const QJsonArray runs = twoDemoRuns();
    const QString a = runs[0].toObject().value("run_id").toString();
    const QString b = runs[1].toObject().value("run_id").toString();
    const Outcome md = kaizen({"diff", m_demoStore, a, b, "--format", "markdown"});
    QCOMPARE(md.exitCode, 0);
    QVERIFY(md.out.startsWith("## Parameters\n\n| Parameter | "));
    QVERIFY(md.out.contains("## Metrics"));
    QVERIFY(md.out.contains("| val_loss | min |"));
    QVERIFY(md.out.contains("## Tags"));
    const Outcome csv = kaizen({"diff", m_demoStore, a, b, "--format", "csv"});
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith(("kind,key,statistic," + a + "," + b + "\r\n").toUtf8()));
    QVERIFY(csv.out.contains("\r\nmetric,val_loss,best_step,"));
    const Outcome table = kaizen({"diff", m_demoStore, a, b});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("KIND"));
    QVERIFY(table.out.contains("val_accuracy"));
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("unknown option") << QStringList {"runs", "STORE", "--colour"};
    QTest::addRow("bad format") << QStringList {"runs", "STORE", "--format", "xml"};
    QTest::addRow("missing store") << QStringList {"experiments"};
    QTest::addRow("history needs three") << QStringList {"history", "STORE", "abc"};
    QTest::addRow("malformed filter") << QStringList {"runs", "STORE", "--filter", "metrics.acc >"};
    QTest::addRow("bad order-by") << QStringList {"runs", "STORE", "--order-by", "metrics.a SIDEWAYS"};
    QTest::addRow("unknown experiment") << QStringList {"runs", "STORE", "--experiment", "nope"};
    QTest::addRow("unknown run") << QStringList {"history", "STORE", "0123456789abcdef0123456789abcdef", "m"};
    QTest::addRow("diff one run") << QStringList {"diff", "STORE", "f662d9fdd072422899f1a91dca132e45"};
    QTest::addRow("diff tsv") << QStringList {"diff", "STORE", "a", "b", "--format", "tsv"};
    QTest::addRow("diff --run without id") << QStringList {"diff", "--run", "STORE", "--run", "STORE:"};
    QTest::addRow("diff both forms") << QStringList {"diff", "STORE", "a", "--run", "STORE:b"};
    QTest::addRow("diff unknown run") << QStringList {"diff", "STORE", "f662d9fdd072422899f1a91dca132e45",
                                                      "0123456789abcdef0123456789abcdef"};
    QTest::addRow("markdown for runs") << QStringList {"runs", "STORE", "--format", "markdown"};
}

void TestCli::badArguments()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    QFETCH(QStringList, arguments);
    arguments.replaceInStrings(QStringLiteral("STORE"), m_fixture12);
    const Outcome o = kaizen(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY(o.err.startsWith("kaizen: "));
    QVERIFY(o.out.isEmpty());
}

void TestCli::unreadableStores_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QByteArray>("wording");
    QTest::addRow("missing") << QString() << QByteArray("does not exist");
    QTest::addRow("empty") << QStringLiteral("") << QByteArray("empty file");
    QTest::addRow("not sqlite") << QStringLiteral("hello") << QByteArray("not a SQLite database");
}

void TestCli::unreadableStores()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    QFETCH(QString, content);
    QFETCH(QByteArray, wording);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.db"));
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content.toUtf8());
    }
    for (const char *command : {"experiments", "runs", "diff"}) {
        QStringList arguments = {QLatin1String(command), path, "--format", "json"};
        if (QLatin1String(command) == QLatin1String("diff"))
            arguments += {"0123456789abcdef0123456789abcdef", "f662d9fdd072422899f1a91dca132e45"};
        const Outcome o = kaizen(arguments);
        QCOMPARE(o.exitCode, 3);
        QVERIFY(o.out.isEmpty());
        QCOMPARE(o.err.count('\n'), 1); // one line on stderr
        QVERIFY2(o.err.contains(wording), o.err.constData());
    }
}

// A store is found however its location is written; a location no backend reads says so.
void TestCli::storeLocations()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("my runs/mlflow.db"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QVERIFY(QFile::copy(m_fixture12, path));
    const Outcome plain = kaizen({"experiments", path, "--format", "json"});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(jsonArray(plain.out).first().toObject().value("run_count").toInt(), 26);
    const QString fileUrl = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
    QVERIFY(fileUrl.contains(QLatin1String("my%20runs")));
    for (const QString &location : {QStringLiteral("sqlite:///") + path, fileUrl}) {
        const Outcome o = kaizen({"experiments", location, "--format", "json"});
        QCOMPARE(o.exitCode, 0);
        QCOMPARE(o.out, plain.out);
    }

    const Outcome remote = kaizen({"experiments", "s3://bucket/mlruns"});
    QCOMPARE(remote.exitCode, 3);
    QVERIFY2(remote.err.contains("not a store location"), remote.err.constData());
    const Outcome folder = kaizen({"runs", dir.path()});
    QCOMPARE(folder.exitCode, 3);
    QVERIFY2(folder.err.contains("is a folder"), folder.err.constData());
}

// Help is asked for: stdout, exit 0. The whole usage, or a sub-command's lines and options.
void TestCli::helpAndVersion()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    for (const QStringList &arguments : {QStringList {"--help"}, QStringList {"-h"}, QStringList {"help"}}) {
        const Outcome o = kaizen(arguments);
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.startsWith("Usage:\n  kaizen [STORE...]"), o.out.constData());
        QVERIFY(o.out.contains("\n  kaizen describe STORE MODEL [VERSION] TEXT\n"));
        QVERIFY(o.out.contains("Exit status: 0 success"));
        QVERIFY(o.err.isEmpty());
    }
    for (const QStringList &arguments : {QStringList {"runs", "--help"}, QStringList {"help", "runs"},
                                         QStringList {"runs", "STORE", "-h"}}) {
        const Outcome o
            = kaizen(QStringList(arguments).replaceInStrings(QStringLiteral("STORE"), m_fixture12));
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.startsWith("Usage:\n  kaizen runs STORE "), o.out.constData());
        QVERIFY(o.out.contains("\nOptions:\n  --experiment NAME_OR_ID "));
        QVERIFY(o.out.contains("\n  --filter EXPR "));
        QVERIFY(!o.out.contains("kaizen history"));
        QVERIFY(o.err.isEmpty());
    }
    const Outcome version = kaizen({"--version"});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QByteArray("kaizen " KAIZEN_VERSION "\n"));
    QVERIFY(
        QRegularExpression("^kaizen \\d+\\.\\d+\\.\\d+\n$").match(QString::fromUtf8(version.out)).hasMatch());
    QVERIFY(version.err.isEmpty());
}

// A mistake: the error, then the usage of the command it was made in, on stderr; exit 2.
void TestCli::mistakesPrintTheUsage()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    const Outcome option = kaizen({"runs", m_fixture12, "--colour"});
    QCOMPARE(option.exitCode, 2);
    QVERIFY(option.out.isEmpty());
    QVERIFY2(option.err.startsWith("kaizen: unknown option --colour\n\nUsage:\n  kaizen runs STORE "),
             option.err.constData());
    QVERIFY(option.err.contains("\nOptions:\n"));
    QVERIFY(!option.err.contains("kaizen history"));

    const Outcome missing = kaizen({"plot", m_fixture12, "--metric", "m", "-o", "x.png"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.out.isEmpty());
    QVERIFY2(missing.err.startsWith("kaizen: give at least one --run RUN_ID\n\nUsage:\n  kaizen plot "),
             missing.err.constData());
    QVERIFY(missing.err.contains("  -o, --output FILE "));

    const Outcome window = kaizen({m_fixture12, "--filter", "x"});
    QCOMPARE(window.exitCode, 2);
    QVERIFY2(window.err.contains("\nUsage:\n  kaizen [STORE...]"), window.err.constData());
}

// A mistyped command says so at once, and which command was meant (the usage, which would push
// that out of sight, is one `kaizen --help` away). Before, it opened a window on a store of that
// name, and without a display never returned.
void TestCli::unknownCommand()
{
    if (!isSqliteBackend())
        QSKIP("Not about a store's content: run with the sqlite backend");
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    const Outcome o = CliRunner::kaizen({"hsitory", m_fixture12, "abc", "loss"}, env);
    QCOMPARE(o.exitCode, 2);
    QVERIFY(o.out.isEmpty());
    QCOMPARE(o.err,
             QByteArray("kaizen: unknown command 'hsitory' (did you mean 'history'?)\n"
                        "Run 'kaizen --help' for the commands.\n"));
    const Outcome far = CliRunner::kaizen({"xyzzy"}, env);
    QCOMPARE(far.exitCode, 2);
    QVERIFY2(far.err.startsWith("kaizen: unknown command 'xyzzy' (no such file or folder either)\n"),
             far.err.constData());
    const Outcome help = CliRunner::kaizen({"help", "dif"}, env);
    QCOMPARE(help.exitCode, 2);
    QVERIFY2(help.err.startsWith("kaizen: unknown command 'dif' (did you mean 'diff'?)\n"),
             help.err.constData());
    QVERIFY(help.out.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("config")))); // no window, no settings
}

// `kaizen demo postgresql://...` loads the demo store into an empty MLflow database: the same runs,
// experiments and registry as the SQLite demo.
void TestCli::demoIntoPostgres()
{
    if (TestSupport::storeBackend() != QLatin1String("postgresql"))
        QSKIP("Needs the PostgreSQL test server: the postgresql backend's run");
    const QString database = TestSupport::newPostgresDatabase();
    QVERIFY(!database.isEmpty());
    const Outcome demo = kaizen({"demo", database});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());
    QCOMPARE(demo.out.trimmed(), database.toUtf8());
    for (const char *command : {"experiments", "models"}) {
        const Outcome sqlite = kaizen({command, m_demo, "--format", "json"});
        const Outcome server = kaizen({command, database, "--format", "json"});
        QCOMPARE(server.exitCode, 0);
        QCOMPARE(jsonArray(server.out).size(), jsonArray(sqlite.out).size());
    }
    const Outcome runs = kaizen({"runs", database, "--format", "json", "--all"});
    QCOMPARE(runs.exitCode, 0);
    QCOMPARE(jsonArray(runs.out).size(), Store::DemoStore::Counts::Runs);
    // Only into an empty database.
    const Outcome again = kaizen({"demo", database});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already holds"), again.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
