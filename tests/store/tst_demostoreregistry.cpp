#include "demostore.h"
#include "sqlitehandle.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Store;
using Counts = DemoStore::Counts;

// The demo store's model registry: every state a user can try in the Models tab, as MLflow's
// tables hold it and as Kaizen's store interface reads it back.

namespace {

constexpr qint64 Day = 24 * 3600 * 1000;
constexpr qint64 Today = 1768176000000; // 2026-01-12 00:00 UTC: the day the tests' demo stores lead up to

// Every row of a query as "a|b|c", rows joined by ";" (NULL shown as <NULL>).
QString query(const QString &dbPath, const QByteArray &sql)
{
    return TestSupport::queryText(dbPath, sql);
}

} // namespace

class TestDemoStoreRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void registryReadsBackThroughTheStoreInterface();
    void registryStates_data();
    void registryStates();
    void softDeletedVersionIsMlflows();
    void staleAndFreshStages();
    void scheduledEvaluationsDriftPastTheThreshold();
    void recentEventsLeadUpToToday();

private:
    QString generate(const QString &name, const DemoStoreOptions &options);

    QTemporaryDir m_dir;
    QString m_demo; // leading up to Today, without artifacts
};

QString TestDemoStoreRegistry::generate(const QString &name, const DemoStoreOptions &options)
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

void TestDemoStoreRegistry::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = generate(QStringLiteral("demo"), {.today = Today, .withArtifacts = false});
    QVERIFY(!m_demo.isEmpty());
}

void TestDemoStoreRegistry::registryReadsBackThroughTheStoreInterface()
{
    auto reader = openStore(m_demo);
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message));
    const auto models = (*reader)->registeredModels();
    QVERIFY2(models, qPrintable(models ? QString() : models.error().message));
    QStringList names;
    for (const RegisteredModel &m : *models)
        names.append(m.name);
    QCOMPARE(names,
             (QStringList {"churn-predictor", "demand-forecaster", "fraud-detector", "housing-regressor",
                           "mnist-classifier"}));
    const RegisteredModel &churn = models->at(0);
    QCOMPARE(churn.latestVersions, (QMap<QString, int> {{"Archived", 2}, {"Production", 3}, {"Staging", 4}}));
    QCOMPARE(churn.aliases, (QMap<QString, int> {{"champion", 3}, {"challenger", 4}}));
    QVERIFY(churn.description.count(QStringLiteral("\n\n")) >= 2);
    QVERIFY(models->at(1).latestVersions.isEmpty()); // demand-forecaster: no versions
    // The soft-deleted version never shows, nor does its alias.
    const RegisteredModel &mnist = models->at(4);
    QCOMPARE(mnist.latestVersions,
             (QMap<QString, int> {{"Archived", 1}, {"None", 4}, {"Production", 2}, {"Staging", 3}}));
    QCOMPARE(mnist.aliases, (QMap<QString, int> {{"champion", 2}, {"challenger", 3}}));
    const auto mnistVersions = (*reader)->modelVersions(QStringLiteral("mnist-classifier"));
    QVERIFY(mnistVersions);
    QCOMPARE(mnistVersions->size(), Counts::MnistClassifierVersions);

    // MLflow 3 versions name their logged model and its run.
    const auto churnVersions = (*reader)->modelVersions(QStringLiteral("churn-predictor"));
    QVERIFY2(churnVersions, qPrintable(churnVersions ? QString() : churnVersions.error().message));
    QCOMPARE(churnVersions->size(), 4);
    for (const ModelVersion &v : *churnVersions) {
        QVERIFY2(v.loggedModelId.startsWith(QLatin1String("m-")), qPrintable(v.source));
        QCOMPARE(v.source, QStringLiteral("models:/") + v.loggedModelId);
        QCOMPARE(v.loggedModelName, QStringLiteral("model"));
        QCOMPARE(v.loggedModelRunId, v.runId);
        QVERIFY(v.storageLocation.endsWith(v.loggedModelId + QStringLiteral("/artifacts")));
    }
    QCOMPARE(churnVersions->at(3).aliases, QStringList {QStringLiteral("challenger")});

    const auto fraud = (*reader)->modelVersions(QStringLiteral("fraud-detector"));
    QVERIFY(fraud);
    QStringList statuses;
    for (const ModelVersion &v : *fraud)
        statuses.append(v.stage + QLatin1Char(' ') + v.status
                        + (v.statusMessage.isEmpty() ? "" : " (message)"));
    QCOMPARE(statuses,
             (QStringList {"Production READY", "None FAILED_REGISTRATION (message)",
                           "None PENDING_REGISTRATION"}));

    // The versions of a run: the training run of churn-predictor's version 3.
    const auto ofRun = (*reader)->modelVersionsOfRun(churnVersions->at(2).runId);
    QVERIFY(ofRun);
    QCOMPARE(ofRun->size(), 1);
    QCOMPARE(ofRun->first().version, 3);
}

void TestDemoStoreRegistry::registryStates_data()
{
    // What a user can try in the Models tab; each row one state, as MLflow's tables hold it.
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("expected");
    QTest::addRow("every stage has live versions")
        << QByteArray("SELECT current_stage, count(*) FROM model_versions GROUP BY 1 ORDER BY 1")
        << QStringLiteral("Archived|4;Deleted_Internal|1;None|3;Production|4;Staging|2");
    QTest::addRow("churn-predictor lanes")
        << QByteArray("SELECT version, current_stage FROM model_versions WHERE name = 'churn-predictor' "
                      "ORDER BY version")
        << QStringLiteral("1|Archived;2|Archived;3|Production;4|Staging");
    // archive_existing_versions gives the archived version the promotion's time.
    QTest::addRow("archived by the promotion of 3")
        << QByteArray("SELECT a.version FROM model_versions a JOIN model_versions p ON p.name = a.name "
                      "AND p.current_stage = 'Production' WHERE a.name = 'churn-predictor' "
                      "AND a.current_stage = 'Archived' AND a.last_updated_time = p.last_updated_time")
        << QStringLiteral("2");
    QTest::addRow("tags.team = 'risk'")
        << QByteArray("SELECT name FROM registered_model_tags WHERE \"key\" = 'team' AND value = 'risk'")
        << QStringLiteral("fraud-detector");
    QTest::addRow("name LIKE 'churn%%'")
        << QByteArray("SELECT name FROM registered_models WHERE name LIKE 'churn%'")
        << QStringLiteral("churn-predictor");
    QTest::addRow("a model without versions")
        << QByteArray("SELECT name FROM registered_models m WHERE NOT EXISTS (SELECT 1 FROM model_versions v "
                      "WHERE v.name = m.name)")
        << QStringLiteral("demand-forecaster");
    QTest::addRow("registration statuses")
        << QByteArray(
               "SELECT name, version, current_stage, status, status_message IS NOT NULL FROM model_versions "
               "WHERE status != 'READY' ORDER BY 1, 2")
        << QStringLiteral(
               "fraud-detector|2|None|FAILED_REGISTRATION|1;fraud-detector|3|None|PENDING_REGISTRATION|0");
    QTest::addRow("multi-paragraph Markdown descriptions")
        << QByteArray(
               "SELECT name FROM registered_models WHERE description LIKE '%' || char(10, 10) || '%' || "
               "char(10, 10) || '%' AND (description LIKE '%**%' OR description LIKE '%# %') ORDER BY 1")
        << QStringLiteral("churn-predictor;fraud-detector");
    QTest::addRow("model and version tags")
        << QByteArray("SELECT (SELECT count(*) FROM registered_model_tags), (SELECT count(*) FROM "
                      "model_version_tags)")
        << QStringLiteral("9|8");
    QTest::addRow("champion moved: set on each promotion, now on 3") << QByteArray(
        "SELECT version FROM registered_model_aliases WHERE name = 'churn-predictor' AND alias = "
        "'champion'") << QStringLiteral("3");
    QTest::addRow("MLflow 3 versions name their logged model")
        << QByteArray("SELECT count(*) FROM model_versions WHERE source GLOB 'models:/m-*'")
        << QStringLiteral("4");
}

void TestDemoStoreRegistry::registryStates()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, expected);
    QCOMPARE(query(m_demo, sql), expected);
}

void TestDemoStoreRegistry::softDeletedVersionIsMlflows()
{
    QCOMPARE(query(m_demo,
                   "SELECT version, current_stage, description, user_id, source, run_id, run_link, "
                   "status_message FROM model_versions WHERE current_stage = 'Deleted_Internal'"),
             QStringLiteral("5|Deleted_Internal|<NULL>|<NULL>|REDACTED-SOURCE-PATH|REDACTED-RUN-ID|"
                            "REDACTED-RUN-LINK|<NULL>"));
    // Its alias went with it, its tag stayed; the model's time is the deletion's.
    QCOMPARE(query(m_demo, "SELECT count(*) FROM registered_model_aliases WHERE alias = 'candidate'"),
             QStringLiteral("0"));
    QCOMPARE(
        query(m_demo, "SELECT value FROM model_version_tags WHERE name = 'mnist-classifier' AND version = 5"),
        QStringLiteral("duplicate"));
    QCOMPARE(query(m_demo,
                   "SELECT m.last_updated_time = v.last_updated_time FROM registered_models m JOIN "
                   "model_versions v ON v.name = m.name AND v.version = 5 WHERE m.name = 'mnist-classifier'"),
             QStringLiteral("1"));
}

void TestDemoStoreRegistry::staleAndFreshStages()
{
    // Days each active-stage version has sat in its stage on `today`.
    const QByteArray sql = "SELECT name, version, current_stage, (" + QByteArray::number(Today)
        + " - last_updated_time) / " + QByteArray::number(Day)
        + " FROM model_versions WHERE current_stage IN ('Staging', 'Production') AND name IN "
          "('churn-predictor', 'fraud-detector') ORDER BY 1, 2";
    QCOMPARE(query(m_demo, sql),
             QStringLiteral("churn-predictor|3|Production|149;churn-predictor|4|Staging|1;"
                            "fraud-detector|1|Production|57"));
    // Nothing happens after `today`.
    const QByteArray future = "SELECT count(*) FROM model_versions WHERE last_updated_time > "
        + QByteArray::number(Today) + " OR creation_time > " + QByteArray::number(Today);
    QCOMPARE(query(m_demo, future), QStringLiteral("0"));
    QCOMPARE(query(m_demo, "SELECT count(*) FROM runs WHERE start_time > " + QByteArray::number(Today)),
             QStringLiteral("0"));
}

void TestDemoStoreRegistry::scheduledEvaluationsDriftPastTheThreshold()
{
    // The runs tagged with the model's name: weekly, the last yesterday, auc from above 0.85 to
    // below the 0.80 of the model's monitoring.threshold tag in the last weeks.
    const QStringList rows
        = query(m_demo,
                "SELECT r.start_time, m.value FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid "
                "AND t.\"key\" = 'model_name' AND t.value = 'churn-predictor' JOIN latest_metrics m "
                "ON m.run_uuid = r.run_uuid AND m.\"key\" = 'auc' ORDER BY r.start_time")
              .split(QLatin1Char(';'));
    QCOMPARE(rows.size(), Counts::EvaluationRuns);
    QCOMPARE(query(m_demo,
                   "SELECT value FROM registered_model_tags WHERE name = 'churn-predictor' AND \"key\" = "
                   "'monitoring.threshold'"),
             QStringLiteral("0.80"));
    QList<double> auc;
    for (int i = 0; i < rows.size(); ++i) {
        const qint64 start = rows[i].section(QLatin1Char('|'), 0, 0).toLongLong();
        auc.append(rows[i].section(QLatin1Char('|'), 1).toDouble());
        if (i > 0)
            QCOMPARE(start - rows[i - 1].section(QLatin1Char('|'), 0, 0).toLongLong(), 7 * Day);
        else
            QVERIFY(Today - start > 120 * Day); // a few months
    }
    QVERIFY(Today - rows.last().section(QLatin1Char('|'), 0, 0).toLongLong() < Day);
    QVERIFY2(auc.first() > 0.85, qPrintable(QString::number(auc.first())));
    for (int i = 0; i < 10; ++i)
        QVERIFY2(auc[i] > 0.8, qPrintable(QString::number(auc[i])));
    for (int i = rows.size() - 3; i < rows.size(); ++i)
        QVERIFY2(auc[i] < 0.8, qPrintable(QString::number(auc[i])));
    // The versions' own runs log the same metric, so they plot beside the evaluations.
    QCOMPARE(query(m_demo,
                   "SELECT count(*) FROM model_versions v JOIN latest_metrics m ON m.run_uuid = v.run_id AND "
                   "m.\"key\" = 'auc' WHERE v.name = 'churn-predictor'"),
             QStringLiteral("4"));
}

void TestDemoStoreRegistry::recentEventsLeadUpToToday()
{
    // Another day moves the churn experiments and the recent registry events with it; the rest
    // of the store stays where it was.
    const QString later
        = generate(QStringLiteral("later"), {.today = Today + 10 * Day, .withArtifacts = false});
    QVERIFY(!later.isEmpty());
    const QByteArray times
        = "SELECT name, version, creation_time, last_updated_time FROM model_versions ORDER BY 1, 2";
    const QStringList before = query(m_demo, times).split(QLatin1Char(';'));
    const QStringList after = query(later, times).split(QLatin1Char(';'));
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        const QStringList a = before[i].split(QLatin1Char('|')), b = after[i].split(QLatin1Char('|'));
        const qint64 shift
            = a[0].startsWith(QLatin1String("churn")) || a[0].startsWith(QLatin1String("fraud")) ? 10 * Day
                                                                                                 : 0;
        QCOMPARE(b[2].toLongLong() - a[2].toLongLong(), shift);
        QCOMPARE(b[3].toLongLong() - a[3].toLongLong(), shift);
    }
    const QByteArray runs = "SELECT run_uuid, start_time FROM runs WHERE experiment_id < 5 ORDER BY 1";
    QCOMPARE(query(later, runs), query(m_demo, runs));

    // Without a day, today: the Staging version is fresh now, whenever the test runs.
    const QString now = generate(QStringLiteral("now"), {.withArtifacts = false});
    QVERIFY(!now.isEmpty());
    const qint64 staged
        = query(now,
                "SELECT last_updated_time FROM model_versions WHERE name = 'churn-predictor' AND version = 4")
              .toLongLong();
    const qint64 age = QDateTime::currentMSecsSinceEpoch() - staged;
    QVERIFY2(age > Day && age < 3 * Day, qPrintable(QString::number(age)));
}

QTEST_GUILESS_MAIN(TestDemoStoreRegistry)
#include "tst_demostoreregistry.moc"
