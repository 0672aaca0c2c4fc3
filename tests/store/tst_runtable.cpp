#include "runtable.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace Store;

class TestRunTable : public QObject
{
    Q_OBJECT

private slots:
    void latestMetricFollowsMlflowRule_data();
    void latestMetricFollowsMlflowRule();
    void keysAreSortedAndLookupsWork();
    void namesAndParentsComeFromTags();
    void runIdsOfAnyShapeAreFound();
    void rowOfFollowsAnyOrderOfRuns();
    void valuesComeInAnyOrder_data();
    void valuesComeInAnyOrder();
    void largeTableKeepsEveryValue();
    void emptyTable();
};

void TestRunTable::latestMetricFollowsMlflowRule_data()
{
    QTest::addColumn<QList<LatestMetric>>("candidates");
    QTest::addColumn<double>("expected");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addRow("larger step wins") << QList<LatestMetric> {{5, 2, 10, false}, {9, 1, 20, false}} << 5.0;
    QTest::addRow("same step, later time")
        << QList<LatestMetric> {{5, 2, 10, false}, {9, 2, 20, false}} << 9.0;
    QTest::addRow("all equal, larger value")
        << QList<LatestMetric> {{-50.67, 1, 100, false}, {4.7, 1, 100, false}, {3.0, 1, 100, false}} << 4.7;
    QTest::addRow("NaN later step wins")
        << QList<LatestMetric> {{5, 1, 10, false}, {nan, 2, 10, true}} << nan;
    QTest::addRow("NaN compares as 0") << QList<LatestMetric> {{nan, 1, 10, true}, {-1, 1, 10, false}} << nan;
    QTest::addRow("negative step") << QList<LatestMetric> {{1, -1, 10, false}, {2, 0, 5, false}} << 2.0;
}

void TestRunTable::latestMetricFollowsMlflowRule()
{
    QFETCH(QList<LatestMetric>, candidates);
    QFETCH(double, expected);
    RunTableBuilder builder;
    RunAttributes run;
    run.runId = QStringLiteral("0123456789abcdef0123456789abcdef");
    const int row = builder.addRun(run);
    for (const LatestMetric &m : candidates)
        builder.addMetric(row, "loss", m);
    const RunTable table = builder.build();
    const LatestMetric *latest = table.metric(0, QStringLiteral("loss"));
    QVERIFY(latest);
    if (std::isnan(expected))
        QVERIFY(latest->isNan && std::isnan(latest->value));
    else
        QCOMPARE(latest->value, expected);
    QCOMPARE(qsizetype(table.metrics(0).size()), 1);
}

void TestRunTable::keysAreSortedAndLookupsWork()
{
    RunTableBuilder builder;
    for (int i = 0; i < 3; ++i) {
        RunAttributes run;
        run.runId = QStringLiteral("%1").arg(i, 32, 10, QLatin1Char('0'));
        builder.addRun(run);
    }
    builder.addParam(2, "zeta", "1");
    builder.addParam(0, "alpha", "a0");
    builder.addParam(2, "alpha", "a2");
    builder.addParam(1, "mid", "m1");
    builder.addTag(1, "note", "line one\nline two");
    builder.addParam(0, "ünïcode key", "välue");
    const RunTable table = builder.build();
    QCOMPARE(table.paramKeys(), (QStringList {"alpha", "mid", "zeta", "ünïcode key"}));
    QCOMPARE(table.param(0, QStringLiteral("alpha")), std::optional<QString>(QStringLiteral("a0")));
    QCOMPARE(table.param(2, QStringLiteral("alpha")), std::optional<QString>(QStringLiteral("a2")));
    QCOMPARE(table.param(1, QStringLiteral("alpha")), std::nullopt);
    QCOMPARE(table.param(0, QStringLiteral("ünïcode key")), std::optional<QString>(QStringLiteral("välue")));
    QCOMPARE(table.param(0, QStringLiteral("missing")), std::nullopt);
    QCOMPARE(table.tag(1, QStringLiteral("note")),
             std::optional<QString>(QStringLiteral("line one\nline two")));
    QCOMPARE(qsizetype(table.params(2).size()), 2);
    QVERIFY(table.params(2)[0].key < table.params(2)[1].key);
    QCOMPARE(table.indexOfRun(table.run(1).runId), 1);
    QVERIFY(table.memoryFootprint() > 0);
}

void TestRunTable::namesAndParentsComeFromTags()
{
    RunTableBuilder builder;
    RunAttributes named;
    named.runId = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    named.runName = QStringLiteral("from-column");
    RunAttributes unnamed;
    unnamed.runId = QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    builder.addRun(named);
    builder.addRun(unnamed);
    builder.addTag(0, "mlflow.runName", "from-tag-ignored");
    builder.addTag(1, "mlflow.runName", "from-tag");
    builder.addTag(1, "mlflow.parentRunId", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    const RunTable table = builder.build();
    QCOMPARE(table.run(0).runName, QStringLiteral("from-column"));
    QCOMPARE(table.run(1).runName, QStringLiteral("from-tag"));
    QCOMPARE(table.run(1).parentRunId, table.run(0).runId);
    QVERIFY(table.run(0).parentRunId.isEmpty());
}

void TestRunTable::runIdsOfAnyShapeAreFound()
{
    // uuid4 hex ids take the fast path; others (upper case, short, dashes) stay exact.
    const QStringList ids = {"0123456789abcdef0123456789abcdef", "0123456789ABCDEF0123456789ABCDEF", "run-1",
                             "0123456789abcdef0123456789abcdeg", "fedcba9876543210fedcba9876543210"};
    RunTableBuilder builder;
    for (const QString &id : ids) {
        RunAttributes run;
        run.runId = id;
        builder.addRun(run);
    }
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(builder.rowOf(ids[i].toStdString()), i);
    QCOMPARE(builder.rowOf("ffffffffffffffffffffffffffffffff"), -1);
    QCOMPARE(builder.rowOf(""), -1);
    for (int i = 0; i < 5000; ++i) { // forces the index to grow
        RunAttributes run;
        run.runId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        builder.addRun(run);
    }
    QCOMPARE(builder.rowOf(QStringLiteral("%1").arg(4321, 32, 16, QLatin1Char('0')).toStdString()), 5 + 4321);
    QCOMPARE(builder.rowOf(ids[1].toStdString()), 1);
}

// The cursor guesses the neighbouring row first; any order of look-ups gives the right rows.
void TestRunTable::rowOfFollowsAnyOrderOfRuns()
{
    constexpr int Runs = 50;
    RunTableBuilder builder;
    std::vector<std::string> ids;
    for (int i = 0; i < Runs; ++i) {
        ids.push_back(i % 7 == 3
                          ? "run-" + std::to_string(i)
                          : QStringLiteral("%1").arg(i * 7919, 32, 16, QLatin1Char('0')).toStdString());
        RunAttributes run;
        run.runId = QString::fromStdString(ids.back());
        builder.addRun(run);
    }
    std::vector<int> order(Runs);
    for (int i = 0; i < Runs; ++i)
        order[size_t(i)] = i;
    const auto check = [&](const char *what) {
        RunTableBuilder::RowCursor cursor;
        for (int row : order) {
            QVERIFY2(builder.rowOf(cursor, ids[size_t(row)]) == row, what);
            QVERIFY2(builder.rowOf(cursor, ids[size_t(row)]) == row, what); // the same id again
        }
        QVERIFY2(builder.rowOf(cursor, "ffffffffffffffffffffffffffffffff") == -1, what);
        QVERIFY2(builder.rowOf(cursor, ids[size_t(order.back())]) == order.back(), what);
    };
    check("ascending");
    std::reverse(order.begin(), order.end());
    check("descending");
    for (int i = 0; i < Runs; ++i)
        order[size_t(i)] = (i * 17) % Runs;
    check("scattered");
}

// Stores hand values grouped by run in any order of runs, or interleaved; the table is the same.
void TestRunTable::valuesComeInAnyOrder_data()
{
    QTest::addColumn<QList<int>>("rowOrder"); // the row of each run's values, in arrival order
    QTest::addRow("grouped, ascending") << QList<int> {0, 0, 0, 1, 1, 1, 2, 2, 2};
    QTest::addRow("grouped, descending") << QList<int> {2, 2, 2, 1, 1, 1, 0, 0, 0};
    QTest::addRow("interleaved") << QList<int> {0, 1, 2, 0, 1, 2, 0, 1, 2};
    QTest::addRow("one run split") << QList<int> {1, 1, 0, 0, 0, 2, 2, 2, 1};
}

void TestRunTable::valuesComeInAnyOrder()
{
    QFETCH(QList<int>, rowOrder);
    RunTableBuilder builder;
    for (int i = 0; i < 3; ++i) {
        RunAttributes run;
        run.runId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        builder.addRun(run);
    }
    // Per run, in arrival order: key "b", key "a", then "b" again (the later value wins).
    const char *keys[] = {"b", "a", "b"};
    QList<int> seen(3, 0);
    for (int row : rowOrder) {
        const int n = seen[row]++;
        const std::string value = std::to_string(row) + "-" + std::to_string(n);
        builder.addParam(row, keys[n], value);
        builder.addTag(row, keys[n], "t" + value);
        builder.addMetric(row, keys[n], {double(row * 10 + n), n, 0, false});
    }
    const RunTable table = builder.build();
    QCOMPARE(table.paramKeys(), (QStringList {"a", "b"}));
    for (int row = 0; row < 3; ++row) {
        const QString r = QString::number(row);
        QCOMPARE(qsizetype(table.params(row).size()), 2);
        QCOMPARE(table.param(row, QStringLiteral("a")), std::optional<QString>(r + "-1"));
        QCOMPARE(table.param(row, QStringLiteral("b")), std::optional<QString>(r + "-2"));
        QCOMPARE(table.tag(row, QStringLiteral("a")), std::optional<QString>("t" + r + "-1"));
        QCOMPARE(table.tag(row, QStringLiteral("b")), std::optional<QString>("t" + r + "-2"));
        QCOMPARE(qsizetype(table.metrics(row).size()), 2);
        QCOMPARE(table.metric(row, QStringLiteral("b"))->value, double(row * 10 + 2)); // larger step
        QCOMPARE(table.metric(row, QStringLiteral("a"))->value, double(row * 10 + 1));
    }
}

// Enough values that the arrays leave malloc for mapped pages and grow there.
void TestRunTable::largeTableKeepsEveryValue()
{
    constexpr int Runs = 3000;
    constexpr int Keys = 40;
    RunTableBuilder builder;
    for (int i = 0; i < Runs; ++i) {
        RunAttributes run;
        run.runId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        builder.addRun(run);
    }
    for (int row = Runs - 1; row >= 0; --row) {
        for (int k = 0; k < Keys; ++k) {
            const std::string key = "key" + std::to_string(k);
            const std::string value = std::to_string(row) + "/" + std::to_string(k);
            builder.addParam(row, key, value);
            builder.addTag(row, key, value + "t");
            builder.addMetric(row, key, {double(row) + k / 100.0, 0, 0, false});
        }
    }
    const RunTable table = builder.build();
    QCOMPARE(table.size(), Runs);
    QCOMPARE(table.paramKeys().size(), Keys);
    for (int row = 0; row < Runs; ++row) {
        QCOMPARE(qsizetype(table.params(row).size()), Keys);
        QCOMPARE(qsizetype(table.tags(row).size()), Keys);
        QCOMPARE(qsizetype(table.metrics(row).size()), Keys);
        for (int k = 0; k < Keys; k += 7) {
            const QString key = QStringLiteral("key%1").arg(k);
            const QString value = QStringLiteral("%1/%2").arg(row).arg(k);
            QCOMPARE(table.param(row, key), std::optional<QString>(value));
            QCOMPARE(table.tag(row, key), std::optional<QString>(value + "t"));
            QCOMPARE(table.metric(row, key)->value, double(row) + k / 100.0);
        }
    }
    QVERIFY(table.memoryFootprint() > qint64(Runs) * Keys * (12 + 12 + 40));
}

void TestRunTable::emptyTable()
{
    const RunTable table;
    QCOMPARE(table.size(), 0);
    QVERIFY(table.isEmpty());
    QCOMPARE(table.indexOfRun(QStringLiteral("x")), -1);
    const RunTable built = RunTableBuilder().build();
    QCOMPARE(built.size(), 0);
    QVERIFY(built.paramKeys().isEmpty());
}

QTEST_GUILESS_MAIN(TestRunTable)
#include "tst_runtable.moc"
