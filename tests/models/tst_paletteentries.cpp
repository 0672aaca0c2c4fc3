#include "demostore.h"
#include "experimentlistmodel.h"
#include "paletteentries.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Entry = CommandPaletteModel::Entry;
using Kind = CommandPaletteModel::Kind;

class TestPaletteEntries : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void experiments();
    void runs();
    void runsOfTwoStores();
    void metrics();
    void models();

private:
    static const Entry *find(const QList<Entry> &entries, const QString &title);
    QTemporaryDir m_dir;
    QString m_demo;
    Store::ExperimentList m_experiments; // active, as the run browser reads them
    Store::ExperimentList m_allExperiments; // active and deleted (View › Show Deleted)
    Store::RunTable m_runs; // active
    Store::RegisteredModelList m_models;
};

const Entry *TestPaletteEntries::find(const QList<Entry> &entries, const QString &title)
{
    for (const Entry &entry : entries) {
        if (entry.title == title)
            return &entry;
    }
    return nullptr;
}

void TestPaletteEntries::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    auto store = Store::openStore(m_demo);
    QVERIFY(store);
    auto experiments = (*store)->experiments();
    auto allExperiments = (*store)->experiments(Store::ViewType::All);
    auto runs = (*store)->runs({});
    auto models = (*store)->registeredModels();
    QVERIFY(experiments && allExperiments && runs && models);
    m_experiments = *experiments;
    m_allExperiments = *allExperiments;
    m_runs = *runs;
    m_models = *models;
}

void TestPaletteEntries::experiments()
{
    ExperimentListModel list;
    list.setExperiments(m_demo, m_experiments);
    QList<Entry> entries = PaletteEntries::experiments(list);
    QCOMPARE(entries.size(), Store::DemoStore::Counts::ActiveExperiments);
    const Entry *gbm = find(entries, QStringLiteral("tabular-gbm"));
    QVERIFY(gbm);
    QCOMPARE(gbm->kind, Kind::Experiment);
    QCOMPARE(gbm->location, m_demo);
    QCOMPARE(gbm->experimentId, QStringLiteral("2"));
    QCOMPARE(gbm->detail, QStringLiteral("mlflow.db · %1 runs").arg(Store::DemoStore::Counts::GbmActiveRuns));
    QVERIFY(!find(entries, QStringLiteral("old-baseline")));

    list.setShowDeleted(true); // what the list shows, deleted experiments too
    list.setExperiments(m_demo, m_allExperiments);
    entries = PaletteEntries::experiments(list);
    QCOMPARE(entries.size(), Store::DemoStore::Counts::Experiments);
    const Entry *old = find(entries, QStringLiteral("old-baseline"));
    QVERIFY(old);
    QVERIFY(old->detail.endsWith(QStringLiteral(" · deleted")));
}

void TestPaletteEntries::runs()
{
    ExperimentListModel list;
    list.setExperiments(m_demo, m_experiments);
    const MergedRuns shown {m_runs, {m_demo}, {}};
    const QList<Entry> entries = PaletteEntries::runs(shown, list);
    QCOMPARE(entries.size(), Store::DemoStore::Counts::ActiveRuns);
    const Entry *lora = find(entries, QStringLiteral("lora-r16"));
    QVERIFY(lora);
    QCOMPARE(lora->kind, Kind::Run);
    QCOMPARE(lora->detail, QStringLiteral("llm-finetune · mlflow.db"));
    QCOMPARE(lora->location, m_demo);
    QCOMPARE(lora->experimentId, QStringLiteral("3"));
    QCOMPARE(lora->key, m_runs.run(m_runs.indexOfRun(lora->key)).runId);
    QCOMPARE(m_runs.run(m_runs.indexOfRun(lora->key)).runName, QStringLiteral("lora-r16"));

    // Only the rows the filter lets through (the run table's search filter).
    const QList<Entry> even = PaletteEntries::runs(shown, list, [](int row) { return row % 2 == 0; });
    QCOMPARE(even.size(), (Store::DemoStore::Counts::ActiveRuns + 1) / 2);
    QCOMPARE(even.at(1).key, m_runs.run(2).runId);
}

void TestPaletteEntries::runsOfTwoStores()
{
    // A copy of the demo store in another folder: the same file name, told apart by its folder.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("copy")));
    const QString copy = m_dir.filePath(QStringLiteral("copy/mlflow.db"));
    QVERIFY(QFile::exists(copy) || QFile::copy(m_demo, copy));
    ExperimentListModel list;
    list.setExperiments(m_demo, m_experiments);
    list.setExperiments(copy, m_experiments);
    QVERIFY(PaletteEntries::storeName(list, m_demo) != PaletteEntries::storeName(list, copy));
    const MergedRuns shown = mergeRuns({{m_demo, m_runs}, {copy, m_runs}});
    const QList<Entry> entries = PaletteEntries::runs(shown, list);
    QCOMPARE(entries.size(), 2 * Store::DemoStore::Counts::ActiveRuns);
    QStringList loras;
    for (const Entry &entry : entries) {
        if (entry.title == QLatin1String("lora-r8")) {
            QCOMPARE(entry.detail,
                     QStringLiteral("llm-finetune · ") + PaletteEntries::storeName(list, entry.location));
            loras.append(entry.location);
        }
    }
    QCOMPARE(loras, QStringList({m_demo, copy}));
}

void TestPaletteEntries::metrics()
{
    const QList<Entry> entries = PaletteEntries::metrics(m_runs);
    QCOMPARE(entries.size(), m_runs.metricKeys().size()); // every key is logged by an active run
    const Entry *validAuc = find(entries, QStringLiteral("valid_auc"));
    QVERIFY(validAuc);
    QCOMPARE(validAuc->kind, Kind::Metric);
    QCOMPARE(validAuc->key, QStringLiteral("valid_auc"));
    QCOMPARE(validAuc->detail,
             QStringLiteral("logged by %1 runs").arg(Store::DemoStore::Counts::ChurnTrainingRuns));
    const Entry *scored = find(entries, QStringLiteral("n_scored"));
    QVERIFY(scored);
    QCOMPARE(scored->detail,
             QStringLiteral("logged by %1 runs").arg(Store::DemoStore::Counts::EvaluationRuns));

    // Keys no included run logged are left out.
    const int lora = m_runs.indexOfRun(m_runs.run(0).runId);
    const QList<Entry> one = PaletteEntries::metrics(m_runs, [lora](int row) { return row == lora; });
    QCOMPARE(one.size(), m_runs.metrics(lora).size());
    for (const Entry &entry : one)
        QCOMPARE(entry.detail, QStringLiteral("logged by 1 run"));
}

void TestPaletteEntries::models()
{
    const QList<Entry> entries = PaletteEntries::models(m_demo, QStringLiteral("mlflow.db"), m_models);
    QCOMPARE(entries.size(), Store::DemoStore::Counts::RegisteredModels);
    const Entry *mnist = find(entries, QStringLiteral("mnist-classifier"));
    QVERIFY(mnist);
    QCOMPARE(mnist->kind, Kind::RegisteredModel);
    QCOMPARE(mnist->key, QStringLiteral("mnist-classifier"));
    QCOMPARE(mnist->location, m_demo);
    QCOMPARE(mnist->detail, QStringLiteral("Production v2 · Staging v3 · mlflow.db"));
    const Entry *demand = find(entries, QStringLiteral("demand-forecaster"));
    QVERIFY(demand);
    QCOMPARE(demand->detail, QStringLiteral("mlflow.db")); // no versions
}

QTEST_GUILESS_MAIN(TestPaletteEntries)
#include "tst_paletteentries.moc"
