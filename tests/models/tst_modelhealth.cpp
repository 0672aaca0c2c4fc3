#include "modelhealth.h"
#include "modelhealthloader.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace ModelHealth;

class TestModelHealth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void linkedRuns();
    void metricKeys();
    void points_data();
    void points();
    void pointFields();
    void isPast_data();
    void isPast();
    void loader();
    void loaderSupersedesOlderLoad();
    void loaderFailure();

private:
    QTemporaryDir m_dir;
    QString m_path;
    Store::RunTable m_runs;
};

// A store with a model "fraud": versions 1 (run train1), 2 and 3 (both run train2), 4 (a run
// the store lacks), 5 (no run); evaluation runs tagged model_name=fraud (eval1, eval2 with a NaN
// auc, eval-deleted), one for another model, and an unrelated training run.
namespace {

constexpr qint64 T0 = 1700000000000;

QString runId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

enum Run { Train1 = 1, Train2, Eval1, Eval2, EvalOther, Unrelated, EvalDeleted };
const QString MissingRun = QStringLiteral("ffffffffffffffffffffffffffffffff");

Store::ModelVersionList fraudVersions()
{
    Store::ModelVersionList versions;
    const QString runs[] = {runId(Train1), runId(Train2), runId(Train2), MissingRun, QString()};
    for (int i = 0; i < 5; ++i) {
        Store::ModelVersion v;
        v.modelName = QStringLiteral("fraud");
        v.version = i + 1;
        v.stage = QStringLiteral("None");
        v.runId = runs[i];
        versions.append(v);
    }
    return versions;
}

QString build(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("health.db"));
    Store::StoreBuilder::Options options;
    options.now = T0;
    auto created = Store::StoreBuilder::create(path, options);
    if (!created)
        return {};
    Store::StoreBuilder &b = **created;
    const qint64 train = b.addExperiment({.name = QStringLiteral("train")});
    const qint64 eval = b.addExperiment({.name = QStringLiteral("eval")});
    const auto addRun = [&](Run run, qint64 experiment, const char *name, const char *model) {
        Store::RunSpec spec;
        spec.experimentId = experiment;
        spec.runId = runId(run);
        spec.name = QLatin1String(name);
        spec.startTime = T0 + run * 1000;
        if (model)
            spec.tags = {{QLatin1String(ModelNameTag), QLatin1String(model)}};
        b.addRun(spec);
    };
    const QString auc = QStringLiteral("auc");
    addRun(Train1, train, "train1", nullptr);
    b.logMetric(runId(Train1), auc, 0.91, T0 + 10000);
    b.logMetric(runId(Train1), QStringLiteral("loss"), 0.2, T0 + 10000);
    addRun(Train2, train, "train2", nullptr);
    b.logMetric(runId(Train2), auc, 0.88, T0 + 20000);
    addRun(Eval1, eval, "eval1", "fraud");
    b.logMetric(runId(Eval1), auc, 0.95, T0 + 25000, 0);
    b.logMetric(runId(Eval1), auc, 0.85, T0 + 30000, 1); // the latest value
    b.logMetric(runId(Eval1), QStringLiteral("latency"), 12, T0 + 30000);
    addRun(Eval2, eval, "eval2", "fraud");
    b.logMetric(runId(Eval2), auc, std::numeric_limits<double>::quiet_NaN(), T0 + 40000);
    addRun(EvalOther, eval, "eval-other", "churn");
    b.logMetric(runId(EvalOther), auc, 0.5, T0 + 40000);
    b.logMetric(runId(EvalOther), QStringLiteral("recall"), 0.5, T0 + 40000);
    addRun(Unrelated, train, "unrelated", nullptr);
    b.logMetric(runId(Unrelated), auc, 0.99, T0 + 50000);
    addRun(EvalDeleted, eval, "eval-deleted", "fraud");
    b.logMetric(runId(EvalDeleted), auc, 0.1, T0 + 60000);
    b.deleteRun(runId(EvalDeleted), T0 + 70000);
    if (!b.finish().ok())
        return {};
    return path;
}

QStringList runNames(const Store::RunTable &runs, const QList<LinkedRun> &linked)
{
    QStringList names;
    for (const LinkedRun &run : linked)
        names.append(runs.run(run.row).runName);
    names.sort();
    return names;
}

const LinkedRun *find(const Store::RunTable &runs, const QList<LinkedRun> &linked, Run run)
{
    for (const LinkedRun &l : linked) {
        if (runs.run(l.row).runId == runId(run))
            return &l;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(ModelHealth::Direction)

void TestModelHealth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = build(m_dir);
    QVERIFY(!m_path.isEmpty());
    auto store = Store::openStore(m_path);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    auto runs = (*store)->runs(Store::RunQuery());
    QVERIFY2(runs.ok(), runs.ok() ? "" : qPrintable(runs.error().message));
    m_runs = *runs;
    QCOMPARE(m_runs.size(), 6); // the deleted run is not listed
}

void TestModelHealth::linkedRuns()
{
    QStringList missing;
    const auto linked = ModelHealth::linkedRuns(m_runs, QStringLiteral("fraud"), fraudVersions(), &missing);
    QCOMPARE(runNames(m_runs, linked), (QStringList {"eval1", "eval2", "train1", "train2"}));
    QCOMPARE(missing, QStringList {MissingRun});

    const LinkedRun *train2 = find(m_runs, linked, Train2);
    QVERIFY(train2);
    QCOMPARE(train2->versions, (QList<int> {2, 3}));
    QVERIFY(!train2->isEvaluation);
    const LinkedRun *eval1 = find(m_runs, linked, Eval1);
    QVERIFY(eval1);
    QVERIFY(eval1->versions.isEmpty());
    QVERIFY(eval1->isEvaluation);

    // A version registered from a logged model may name only the logged model's run.
    Store::ModelVersionList fromLoggedModel = fraudVersions();
    fromLoggedModel[4].loggedModelRunId = runId(Unrelated);
    const auto withLogged = ModelHealth::linkedRuns(m_runs, QStringLiteral("fraud"), fromLoggedModel);
    QCOMPARE(runNames(m_runs, withLogged), (QStringList {"eval1", "eval2", "train1", "train2", "unrelated"}));
    QCOMPARE(find(m_runs, withLogged, Unrelated)->versions, QList<int> {5});

    // The tag's value is compared exactly; no versions: only evaluations.
    QCOMPARE(runNames(m_runs, ModelHealth::linkedRuns(m_runs, QStringLiteral("churn"), {})),
             QStringList {"eval-other"});
    QVERIFY(ModelHealth::linkedRuns(m_runs, QStringLiteral("Fraud"), {}).isEmpty());
    QVERIFY(ModelHealth::linkedRuns(Store::RunTable(), QStringLiteral("fraud"), fraudVersions()).isEmpty());
}

void TestModelHealth::metricKeys()
{
    const auto linked = ModelHealth::linkedRuns(m_runs, QStringLiteral("fraud"), fraudVersions());
    QCOMPARE(ModelHealth::metricKeys(m_runs, linked), (QStringList {"auc", "latency", "loss"}));
    QVERIFY(ModelHealth::metricKeys(m_runs, {}).isEmpty());
}

void TestModelHealth::points_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("hasThreshold");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QStringList>("runs"); // by timestamp
    QTest::addColumn<QList<bool>>("needsRetraining");
    const QStringList auc = {"train1", "train2", "eval1", "eval2"};
    QTest::addRow("no threshold") << QStringLiteral("auc") << false << 0.0 << Direction::HigherIsBetter << auc
                                  << QList<bool> {false, false, false, false};
    QTest::addRow("higher is better") << QStringLiteral("auc") << true << 0.87 << Direction::HigherIsBetter
                                      << auc << QList<bool> {false, false, true, false};
    QTest::addRow("the threshold itself is fine")
        << QStringLiteral("auc") << true << 0.88 << Direction::HigherIsBetter << auc
        << QList<bool> {false, false, true, false};
    QTest::addRow("lower is better") << QStringLiteral("auc") << true << 0.9 << Direction::LowerIsBetter
                                     << auc << QList<bool> {true, false, false, false};
    QTest::addRow("a key few runs have") << QStringLiteral("loss") << true << 0.1 << Direction::LowerIsBetter
                                         << QStringList {"train1"} << QList<bool> {true};
    QTest::addRow("a key only other runs have")
        << QStringLiteral("recall") << true << 0.9 << Direction::HigherIsBetter << QStringList()
        << QList<bool>();
    QTest::addRow("no such key") << QStringLiteral("nope") << true << 0.9 << Direction::HigherIsBetter
                                 << QStringList() << QList<bool>();
}

void TestModelHealth::points()
{
    QFETCH(QString, key);
    QFETCH(bool, hasThreshold);
    QFETCH(double, threshold);
    QFETCH(Direction, direction);
    QFETCH(QStringList, runs);
    QFETCH(QList<bool>, needsRetraining);
    const auto linked = ModelHealth::linkedRuns(m_runs, QStringLiteral("fraud"), fraudVersions());
    const auto points = ModelHealth::points(
        m_runs, linked, key, hasThreshold ? std::optional(Threshold {threshold, direction}) : std::nullopt);
    QStringList names;
    QList<bool> flags;
    for (const Point &point : points) {
        names.append(point.runName);
        flags.append(point.needsRetraining);
    }
    QCOMPARE(names, runs);
    QCOMPARE(flags, needsRetraining);
}

void TestModelHealth::pointFields()
{
    const auto linked = ModelHealth::linkedRuns(m_runs, QStringLiteral("fraud"), fraudVersions());
    const auto points = ModelHealth::points(m_runs, linked, QStringLiteral("auc"));
    QCOMPARE(points.size(), 4);
    const Point &train2 = points[1];
    QCOMPARE(train2.runId, runId(Train2));
    QCOMPARE(train2.versions, (QList<int> {2, 3}));
    QVERIFY(!train2.isEvaluation);
    QCOMPARE(train2.timestamp, T0 + 20000);
    QCOMPARE(train2.value, 0.88);
    const Point &eval1 = points[2];
    QVERIFY(eval1.isEvaluation);
    QVERIFY(eval1.versions.isEmpty());
    QCOMPARE(eval1.value, 0.85); // the latest value, at its own time and step
    QCOMPARE(eval1.timestamp, T0 + 30000);
    QCOMPARE(eval1.step, 1);
    const Point &eval2 = points[3];
    QVERIFY(eval2.isNan);
    QVERIFY(std::isnan(eval2.value));
}

void TestModelHealth::isPast_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<bool>("past");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::max(); // how MLflow stores +inf
    QTest::addRow("higher, below") << 0.5 << 0.8 << Direction::HigherIsBetter << true;
    QTest::addRow("higher, equal") << 0.8 << 0.8 << Direction::HigherIsBetter << false;
    QTest::addRow("higher, above") << 0.9 << 0.8 << Direction::HigherIsBetter << false;
    QTest::addRow("lower, above") << 0.9 << 0.8 << Direction::LowerIsBetter << true;
    QTest::addRow("lower, equal") << 0.8 << 0.8 << Direction::LowerIsBetter << false;
    QTest::addRow("lower, below") << 0.5 << 0.8 << Direction::LowerIsBetter << false;
    QTest::addRow("NaN, higher") << nan << 0.8 << Direction::HigherIsBetter << false;
    QTest::addRow("NaN, lower") << nan << 0.8 << Direction::LowerIsBetter << false;
    QTest::addRow("+inf loss") << inf << 0.8 << Direction::LowerIsBetter << true;
    QTest::addRow("-inf score") << -inf << 0.8 << Direction::HigherIsBetter << true;
}

void TestModelHealth::isPast()
{
    QFETCH(double, value);
    QFETCH(double, threshold);
    QFETCH(Direction, direction);
    QFETCH(bool, past);
    QCOMPARE(ModelHealth::isPast(value, Threshold {threshold, direction}), past);
}

void TestModelHealth::loader()
{
    ModelHealthLoader loader;
    loader.setLocation(m_path);
    QSignalSpy loaded(&loader, &ModelHealthLoader::loaded);
    QSignalSpy failed(&loader, &ModelHealthLoader::loadFailed);
    QSignalSpy loading(&loader, &ModelHealthLoader::loadingChanged);
    loader.load(QStringLiteral("fraud"), fraudVersions());
    QVERIFY(loader.isLoading());
    QVERIFY(loaded.wait());
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
    QCOMPARE(failed.count(), 0);
    const auto data = loaded.takeFirst().at(0).value<ModelHealthData>();
    QCOMPARE(data.model, QStringLiteral("fraud"));
    QCOMPARE(runNames(data.runs, data.linked), (QStringList {"eval1", "eval2", "train1", "train2"}));
    QCOMPARE(data.metricKeys, (QStringList {"auc", "latency", "loss"}));
    QCOMPARE(data.missingRunIds, QStringList {MissingRun});
    const auto points = data.points(QStringLiteral("auc"), Threshold {0.87, Direction::HigherIsBetter});
    QCOMPARE(points.size(), 4);
    QVERIFY(points[2].needsRetraining);
}

void TestModelHealth::loaderSupersedesOlderLoad()
{
    ModelHealthLoader loader;
    loader.setLocation(m_path);
    QSignalSpy loaded(&loader, &ModelHealthLoader::loaded);
    loader.load(QStringLiteral("fraud"), fraudVersions());
    loader.load(QStringLiteral("churn"), {});
    QVERIFY(loaded.wait());
    QTRY_VERIFY(!loader.isBusy());
    QCoreApplication::sendPostedEvents(&loader); // a stale delivery, if one was posted
    QCOMPARE(loaded.count(), 1);
    const auto data = loaded.takeFirst().at(0).value<ModelHealthData>();
    QCOMPARE(data.model, QStringLiteral("churn"));
    QCOMPARE(runNames(data.runs, data.linked), QStringList {"eval-other"});
    QCOMPARE(data.metricKeys, (QStringList {"auc", "recall"}));
}

void TestModelHealth::loaderFailure()
{
    ModelHealthLoader loader;
    loader.setLocation(m_dir.filePath(QStringLiteral("no-such.db")));
    QSignalSpy loaded(&loader, &ModelHealthLoader::loaded);
    QSignalSpy failed(&loader, &ModelHealthLoader::loadFailed);
    loader.load(QStringLiteral("fraud"), fraudVersions());
    QVERIFY(failed.wait());
    QCOMPARE(failed.takeFirst().at(0).value<Store::Error>().code, Store::Error::NotFound);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!loader.isLoading());
}

QTEST_GUILESS_MAIN(TestModelHealth)
#include "tst_modelhealth.moc"
