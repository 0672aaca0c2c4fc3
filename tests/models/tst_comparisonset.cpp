#include "comparisonset.h"
#include "runtable.h"
#include "storelocation.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace RunDiff;

namespace {

// A store's runs, r1, r2 ... named "run 1", "run 2" ...
Store::RunTable runTable(int count)
{
    Store::RunTableBuilder builder;
    for (int n = 1; n <= count; ++n) {
        Store::RunAttributes run;
        run.runId = QStringLiteral("r%1").arg(n);
        run.runName = QStringLiteral("run %1").arg(n);
        run.experimentId = QStringLiteral("0");
        builder.addRun(run);
    }
    return builder.build();
}

QStringList locationsOf(const QList<RunSource> &sources)
{
    QStringList locations;
    for (const RunSource &source : sources)
        locations.append(Store::Location::normalize(source.location));
    return locations;
}

} // namespace

// Selects runs of one store by id, as the run browser selects rows.
static void select(ComparisonSet &set, const QString &location, const Store::RunTable &table,
                   const QStringList &runIds)
{
    QList<int> rows;
    for (const QString &id : runIds) {
        if (const int row = table.indexOfRun(id); row >= 0)
            rows.append(row);
    }
    set.setSelection(mergeRuns({{location, table}}), rows);
}

class TestComparisonSet : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void pinnedRunsComeFirst();
    void pinnedAndSelectedRunKeepsItsPinnedPlace();
    void sameRunIdInTwoStoresIsTwoRuns();
    void selectedRunsOfSeveralStores();
    void baselineFollowsItsRun();
    void columnsPinAndUnpinTheirRuns();
    void unpinUnavailableUnpinsOnlyThoseLeftOut();
    void pinnedRunsSurviveSettings();

private:
    QTemporaryDir m_dir;
    QString m_storeA;
    QString m_storeB;
    Store::RunTable m_table = runTable(4);
};

// The run browser shows the runs of two stores (the same ids in both): the selection names each
// run's own store, and a pinned run of either store comes with the newest values shown.
void TestComparisonSet::selectedRunsOfSeveralStores()
{
    ComparisonSet set;
    const MergedRuns shown = mergeRuns({{m_storeA, m_table}, {m_storeB, m_table}});
    const int bRow = m_table.size() + 1; // r2 of store B
    set.setSelection(shown, {0, bRow});
    QVERIFY(set.hasRunsToPin());
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r1", "r2"}));
    QCOMPARE(locationsOf(set.runs()), QStringList({m_storeA, m_storeB}));
    QCOMPARE(set.runs()[1].row, bRow);
    set.pinSelectedRuns();
    QCOMPARE(set.pinnedRuns().size(), 2);
    QVERIFY(!set.hasRunsToPin());
    // Other runs selected: the pinned ones stay, each read from the rows shown.
    set.setSelection(shown, {m_table.size()}); // r1 of store B
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r1", "r2", "r1"}));
    QCOMPARE(locationsOf(set.runs()), QStringList({m_storeA, m_storeB, m_storeB}));
    QCOMPARE(set.runs()[1].row, bRow);
    QCOMPARE(set.runs()[0].row, 0);
}

void TestComparisonSet::init()
{
    QVERIFY(m_dir.isValid());
    m_storeA = m_dir.filePath(QStringLiteral("a.db"));
    m_storeB = m_dir.filePath(QStringLiteral("b.db"));
}

void TestComparisonSet::pinnedRunsComeFirst()
{
    ComparisonSet set;
    QSignalSpy pinnedChanged(&set, &ComparisonSet::pinnedRunsChanged);
    QSignalSpy selectionChanged(&set, &ComparisonSet::selectionChanged);
    select(set, m_storeA, m_table, {QStringLiteral("r3"), QStringLiteral("r1")});
    QCOMPARE(selectionChanged.size(), 1);
    QVERIFY(set.hasRunsToPin());
    set.pinSelectedRuns();
    QCOMPARE(pinnedChanged.size(), 1);
    QVERIFY(!set.hasRunsToPin());
    set.pinSelectedRuns(); // nothing new to pin
    QCOMPARE(pinnedChanged.size(), 1);

    select(set, m_storeA, m_table, {QStringLiteral("r4"), QStringLiteral("r2")});
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r3", "r1", "r4", "r2"}));
    // Pinned runs keep a table of their own run only.
    QCOMPARE(set.pinnedRuns().first().table.size(), 1);
    QCOMPARE(set.nameOf(set.pinnedRuns().first()), QStringLiteral("run 3"));

    set.clearPinned();
    QCOMPARE(pinnedChanged.size(), 2);
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r4", "r2"}));
}

void TestComparisonSet::pinnedAndSelectedRunKeepsItsPinnedPlace()
{
    ComparisonSet set;
    select(set, m_storeA, m_table, {QStringLiteral("r3")});
    set.pinSelectedRuns();
    select(set, m_storeA, m_table, {QStringLiteral("r1"), QStringLiteral("r3"), QStringLiteral("r2")});
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r3", "r1", "r2"}));
    // The pinned run is read from the open store's table, which is the newest.
    QCOMPARE(set.runs().first().table.size(), m_table.size());
}

void TestComparisonSet::sameRunIdInTwoStoresIsTwoRuns()
{
    ComparisonSet set;
    select(set, m_storeA, m_table, {QStringLiteral("r1")});
    set.pinSelectedRuns();
    select(set, m_storeB, m_table, {QStringLiteral("r1")});
    QVERIFY(set.hasRunsToPin());
    QVERIFY(!set.isPinned(m_storeB, QStringLiteral("r1")));
    // One store however it is spelt.
    QVERIFY(set.isPinned(QStringLiteral("sqlite:///") + m_storeA, QStringLiteral("r1")));
    set.updateRuns();
    QCOMPARE(set.runIds(), QStringList({"r1", "r1"}));
    QCOMPARE(locationsOf(set.runs()), QStringList({m_storeA, m_storeB}));

    set.pinSelectedRuns();
    QCOMPARE(locationsOf(set.pinnedRuns()), QStringList({m_storeA, m_storeB}));
    set.unpin(m_storeA, QStringLiteral("r1"));
    QCOMPARE(locationsOf(set.pinnedRuns()), QStringList({m_storeB}));
}

void TestComparisonSet::baselineFollowsItsRun()
{
    ComparisonSet set;
    const auto compare = [&set, this](const QStringList &ids, const QList<UnavailableRun> &unavailable = {}) {
        select(set, m_storeA, m_table, ids);
        set.updateRuns();
        set.startComparing();
        set.setColumns(unavailable, {});
    };
    compare({QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3")});
    QCOMPARE(set.columnCount(), 3);
    QCOMPARE(set.baselineRun(), -1);
    set.setBaselineRun(1);
    QCOMPARE(set.baselineRun(), 1);

    compare({QStringLiteral("r2"), QStringLiteral("r3")});
    QCOMPARE(set.baselineRun(), 0);

    // r1 could not be read: it is no column, r2 is the second.
    compare({QStringLiteral("r1"), QStringLiteral("r3"), QStringLiteral("r2")},
            {{0, Store::Error::make(Store::Error::NoSuchRun, QStringLiteral("gone"))}});
    QCOMPARE(set.columnCount(), 2);
    QCOMPARE(set.baselineRun(), 1);

    compare({QStringLiteral("r1"), QStringLiteral("r3")}); // no longer compared
    QCOMPARE(set.baselineRun(), -1);
}

void TestComparisonSet::columnsPinAndUnpinTheirRuns()
{
    ComparisonSet set;
    select(set, m_storeA, m_table, {QStringLiteral("r1"), QStringLiteral("r2")});
    set.updateRuns();
    QVERIFY(set.startComparing());
    QVERIFY(!set.startComparing()); // the same runs are compared already
    set.setColumns({}, {});
    set.pinRun(1);
    QCOMPARE(set.pinnedRuns().size(), 1);
    QCOMPARE(set.pinnedRuns().first().runId, QStringLiteral("r2"));
    QCOMPARE(set.pinnedColumns(), QList<int>({1}));
    set.unpinRun(1);
    QVERIFY(set.pinnedRuns().isEmpty());
    QVERIFY(set.pinnedColumns().isEmpty());
    set.pinRun(2); // no such column
    QVERIFY(set.pinnedRuns().isEmpty());
}

void TestComparisonSet::unpinUnavailableUnpinsOnlyThoseLeftOut()
{
    ComparisonSet set;
    select(set, m_storeA, m_table, {QStringLiteral("r1"), QStringLiteral("r2")});
    set.pinSelectedRuns();
    set.updateRuns();
    set.startComparing();
    set.setColumns({{1, Store::Error::make(Store::Error::NotFound, QStringLiteral("gone"))}}, {});
    QCOMPARE(set.unavailableRuns().size(), 1);
    set.unpinUnavailable();
    QCOMPARE(set.pinnedRuns().size(), 1);
    QCOMPARE(set.pinnedRuns().first().runId, QStringLiteral("r1"));
}

void TestComparisonSet::pinnedRunsSurviveSettings()
{
    const QString key = QStringLiteral("ComparePage/pinned");
    const QString ini = m_dir.filePath(QStringLiteral("settings.ini"));
    {
        ComparisonSet set;
        select(set, m_storeA, m_table, {QStringLiteral("r2")});
        set.pinSelectedRuns();
        select(set, QStringLiteral("sqlite:///") + m_storeB, m_table, {QStringLiteral("r2")});
        set.pinSelectedRuns();
        QSettings settings(ini, QSettings::IniFormat);
        set.saveSettings(settings, key);
    }
    const QSettings settings(ini, QSettings::IniFormat);
    ComparisonSet restored;
    QSignalSpy pinnedChanged(&restored, &ComparisonSet::pinnedRunsChanged);
    restored.restoreSettings(settings, key);
    QCOMPARE(pinnedChanged.size(), 1);
    const QList<RunSource> pinned = restored.pinnedRuns();
    QCOMPARE(locationsOf(pinned), QStringList({m_storeA, m_storeB}));
    QCOMPARE(pinned[0].runId, QStringLiteral("r2"));
    QVERIFY(restored.isPinned(m_storeB, QStringLiteral("r2")));
    // Without their tables yet, they keep the names they had.
    QCOMPARE(pinned[0].row, -1);
    QCOMPARE(restored.nameOf(pinned[0]), QStringLiteral("run 2"));

    // Once read, a restored run keeps the table read with it.
    restored.updateRuns();
    QVERIFY(restored.startComparing());
    const RunSource read {m_storeA, QStringLiteral("r2"), m_table, m_table.indexOfRun(QStringLiteral("r2"))};
    restored.setColumns({}, {read});
    QCOMPARE(restored.pinnedRuns()[0].row, read.row);
    QCOMPARE(restored.pinnedRuns()[1].row, -1);
}

QTEST_GUILESS_MAIN(TestComparisonSet)
#include "tst_comparisonset.moc"
