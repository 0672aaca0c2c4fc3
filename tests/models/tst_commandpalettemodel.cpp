#include "commandpalettemodel.h"
#include "runformat.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Entry = CommandPaletteModel::Entry;
using Kind = CommandPaletteModel::Kind;

QList<Entry> entriesTitled(const QStringList &titles, const QString &detail = {})
{
    QList<Entry> entries;
    for (const QString &title : titles)
        entries.append({Kind::Action, title, detail, {}, {}, title});
    return entries;
}

QStringList titlesIn(const CommandPaletteModel &model)
{
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles.append(model.index(row).data().toString());
    return titles;
}

QList<Kind> kindsIn(const CommandPaletteModel &model)
{
    QList<Kind> kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds.append(Kind(model.index(row).data(CommandPaletteModel::KindRole).toInt()));
    return kinds;
}

} // namespace

class TestCommandPaletteModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void emptyQueryListsByKindThenTitle();
    void queryFiltersAndOrders();
    void equalScoresByKindThenTitle();
    void roles();
    void typingOnNarrowsLikeAFreshQuery();
    void entriesReplacedUnderAQuery();
    void capsRows();
    void demoStoreRuns();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestCommandPaletteModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestCommandPaletteModel::emptyQueryListsByKindThenTitle()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    // The kind comes from the setter, whatever the entries say.
    model.setRuns(entriesTitled({"zeta", "Alpha", "beta"}));
    model.setModels(entriesTitled({"churn"}));
    model.setActions(entriesTitled({"Quit", "Open…"}));
    model.setExperiments(entriesTitled({"mnist-cnn"}));
    model.setMetrics(entriesTitled({"val_loss"}));
    QCOMPARE(titlesIn(model),
             QStringList({"Open…", "Quit", "mnist-cnn", "Alpha", "beta", "zeta", "val_loss", "churn"}));
    QCOMPARE(kindsIn(model),
             QList<Kind>({Kind::Action, Kind::Action, Kind::Experiment, Kind::Run, Kind::Run, Kind::Run,
                          Kind::Metric, Kind::RegisteredModel}));
    QCOMPARE(model.entryCount(), 8);
    QCOMPARE(model.matchCount(), 8);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row).data(CommandPaletteModel::ScoreRole).toInt(), 0);
        QVERIFY(model.index(row).data(CommandPaletteModel::MatchPositionsRole).value<QList<int>>().isEmpty());
    }
}

void TestCommandPaletteModel::queryFiltersAndOrders()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(entriesTitled({"mac", "zzz", "mnist-cnn", "cm", "Mnist-Conv"}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setQuery(QStringLiteral("mc"));
    QCOMPARE(reset.size(), 1);
    // Word starts first (the two "m…-c…", by title), then the plain subsequence; "cm" is out of order.
    QCOMPARE(titlesIn(model), QStringList({"mnist-cnn", "Mnist-Conv", "mac"}));
    QCOMPARE(model.matchCount(), 3);
    QCOMPARE(model.query(), QStringLiteral("mc"));
    model.setQuery(QStringLiteral("mc"));
    QCOMPARE(reset.size(), 1); // the same query: nothing to do
    model.setQuery(QStringLiteral("nothing like it"));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.matchCount(), 0);
    model.setQuery({});
    QCOMPARE(model.rowCount(), 5);
}

void TestCommandPaletteModel::equalScoresByKindThenTitle()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setModels(entriesTitled({"mnist"}));
    model.setRuns(entriesTitled({"mnist", "MNIST"}));
    model.setExperiments(entriesTitled({"mnist"}));
    model.setQuery(QStringLiteral("mnist"));
    QCOMPARE(kindsIn(model), QList<Kind>({Kind::Experiment, Kind::Run, Kind::Run, Kind::RegisteredModel}));
    // Equal titles but for case: upper case first (a stable order), then the entries' order.
    QCOMPARE(titlesIn(model), QStringList({"mnist", "MNIST", "mnist", "mnist"}));
    QCOMPARE(model.entry(1).title, QStringLiteral("MNIST"));
}

void TestCommandPaletteModel::roles()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Entry run {Kind::Run,
                     QStringLiteral("lora-r16"),
                     QStringLiteral("llm-finetune · mlflow.db"),
                     QStringLiteral("/tmp/mlflow.db"),
                     QStringLiteral("3"),
                     QStringLiteral("abc123")};
    model.setRuns({run});
    model.setQuery(QStringLiteral("lr16"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex index = model.index(0);
    QCOMPARE(index.data().toString(), QStringLiteral("lora-r16"));
    QCOMPARE(index.data(CommandPaletteModel::KindRole).toInt(), int(Kind::Run));
    QCOMPARE(index.data(CommandPaletteModel::KindNameRole).toString(), QStringLiteral("Run"));
    QCOMPARE(index.data(CommandPaletteModel::DetailRole).toString(), run.detail);
    QCOMPARE(index.data(CommandPaletteModel::MatchPositionsRole).value<QList<int>>(),
             QList<int>({0, 5, 6, 7}));
    QCOMPARE(index.data(CommandPaletteModel::ScoreRole).toInt(), *FuzzyMatcher(u"lr16").score(u"lora-r16"));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(run.detail));
    QCOMPARE(model.entryAt(index), run);
    QCOMPARE(model.entryAt({}), Entry());
    QCOMPARE(model.matchPositions(0), QList<int>({0, 5, 6, 7}));
    QVERIFY(model.roleNames().values().contains("matchPositions"));
}

void TestCommandPaletteModel::typingOnNarrowsLikeAFreshQuery()
{
    QStringList titles;
    for (int i = 0; i < 500; ++i)
        titles.append(
            QStringLiteral("%1-%2-%3").arg(i % 3 ? "mnist" : "tabular", i % 2 ? "cnn" : "gbm").arg(i));
    CommandPaletteModel typed;
    QAbstractItemModelTester tester(&typed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    typed.setRuns(entriesTitled(titles));
    CommandPaletteModel fresh;
    fresh.setRuns(entriesTitled(titles));
    // Typing on narrows the previous matches; a deleted character or a new start matches anew.
    for (const char *query :
         {"m", "mn", "mnc", "mnc1", "mnc12", "mnc1", "t", "tg", "tg4 ", "tg4 9", "", "cnn"}) {
        typed.setQuery(QString::fromLatin1(query));
        fresh.setQuery({});
        fresh.setQuery(QString::fromLatin1(query));
        QCOMPARE(titlesIn(typed), titlesIn(fresh));
        QCOMPARE(typed.matchCount(), fresh.matchCount());
    }
    QVERIFY(typed.rowCount() > 0);
}

void TestCommandPaletteModel::entriesReplacedUnderAQuery()
{
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(entriesTitled({"alpha", "beta"}));
    model.setQuery(QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 2);
    model.setQuery(QStringLiteral("al"));
    QCOMPARE(titlesIn(model), QStringList({"alpha"}));
    // New entries are matched against the query that stands, and typing on still finds them.
    model.setRuns(entriesTitled({"gamma", "algol", "alpine"}));
    QCOMPARE(titlesIn(model), QStringList({"algol", "alpine"}));
    model.setQuery(QStringLiteral("alp"));
    QCOMPARE(titlesIn(model), QStringList({"alpine"}));
}

void TestCommandPaletteModel::capsRows()
{
    QStringList titles;
    for (int i = 0; i < 1000; ++i)
        titles.append(QStringLiteral("run-%1").arg(i, 4, 10, QLatin1Char('0')));
    titles.append(QStringLiteral("x-run-0999")); // matches "run0999" less well: last
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(entriesTitled(titles));
    QCOMPARE(model.rowCount(), CommandPaletteModel::DefaultMaxRows);
    QCOMPARE(model.matchCount(), 1001);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("run-0000"));
    QCOMPARE(model.index(CommandPaletteModel::DefaultMaxRows - 1).data().toString(),
             QStringLiteral("run-0299"));
    model.setQuery(QStringLiteral("run0999"));
    QCOMPARE(titlesIn(model), QStringList({"run-0999", "x-run-0999"}));
    model.setQuery(QStringLiteral("run"));
    model.setMaxRows(10);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.matchCount(), 1001);
    QCOMPARE(model.index(9).data().toString(), QStringLiteral("run-0009"));
    model.setMaxRows(0);
    QCOMPARE(model.rowCount(), 0);
}

void TestCommandPaletteModel::demoStoreRuns()
{
    // The demo store's run names: "lora" finds the two LoRA runs, "sweep" the sweep's parent.
    auto store = Store::openStore(m_demo);
    QVERIFY(store);
    const auto runs = (*store)->runs({});
    QVERIFY(runs);
    QList<Entry> entries;
    for (int row = 0; row < runs->size(); ++row) {
        const Store::RunAttributes &run = runs->run(row);
        entries.append(
            {Kind::Run, RunFormat::runName(run.runName, run.runId), {}, m_demo, run.experimentId, run.runId});
    }
    CommandPaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(entries);
    QCOMPARE(model.rowCount(), runs->size());
    model.setQuery(QStringLiteral("lora"));
    QCOMPARE(titlesIn(model), QStringList({"lora-r16", "lora-r8"}));
    QCOMPARE(model.entry(0).experimentId, QStringLiteral("3"));
    model.setQuery(QStringLiteral("lr-batch"));
    QVERIFY(model.rowCount() >= 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("lr-batch-sweep"));
}

QTEST_GUILESS_MAIN(TestCommandPaletteModel)
#include "tst_commandpalettemodel.moc"
