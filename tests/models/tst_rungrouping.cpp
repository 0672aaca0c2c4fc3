// Grouping runs by keys and summarising their latest metric values: the rules the run table's
// group rows and `kaizen runs --group-by` share.
#include "rungrouping.h"

#include <QTest>

#include <cfloat>
#include <cmath>
#include <limits>

using namespace RunGrouping;

class TestRunGrouping : public QObject
{
    Q_OBJECT
private slots:
    void summaryLeavesOutNanAndInfinity();
    void groupsAreOrderedByTheirValues();
    void severalKeysAndTheirSummaries();
    void keysAsTheFilterWritesThem_data();
    void keysAsTheFilterWritesThem();

private:
    // Runs r0..r5 with params lr (as given; empty: none) and seed, and metric loss.
    static Store::RunTable sweep(const QList<const char *> &lrs, const QList<double> &losses);
};

Store::RunTable TestRunGrouping::sweep(const QList<const char *> &lrs, const QList<double> &losses)
{
    Store::RunTableBuilder builder;
    for (qsizetype i = 0; i < lrs.size(); ++i) {
        Store::RunAttributes run;
        run.runId = QStringLiteral("r%1").arg(i);
        run.experimentId = QStringLiteral("1");
        run.status = QStringLiteral("FINISHED");
        const int row = builder.addRun(run);
        if (*lrs[i])
            builder.addParam(row, "lr", lrs[i]);
        builder.addParam(row, "seed", i % 2 ? "1" : "2");
        Store::LatestMetric loss;
        loss.value = losses[i];
        loss.isNan = std::isnan(losses[i]);
        builder.addMetric(row, "loss", loss);
    }
    return builder.build();
}

void TestRunGrouping::summaryLeavesOutNanAndInfinity()
{
    const double inf = std::numeric_limits<double>::infinity();
    const Summary s = summarize({1, std::nan(""), 2, inf, -DBL_MAX, 3, DBL_MAX});
    QCOMPARE(s.count, 3);
    QCOMPARE(s.mean, 2.0);
    QCOMPARE(s.min, 1.0);
    QCOMPARE(s.max, 3.0);
    QCOMPARE(s.std, std::sqrt(2.0 / 3.0)); // population, not sample
    QCOMPARE(summarize({std::nan(""), inf}).count, 0);
    // Far from zero: two passes keep the deviation exact where a sum of squares would not.
    const Summary far = summarize({1e9 + 1, 1e9 + 2, 1e9 + 3});
    QCOMPARE(far.std, std::sqrt(2.0 / 3.0));
}

void TestRunGrouping::groupsAreOrderedByTheirValues()
{
    // Numbers by value (9 before 10), then text, then the runs without a value.
    const Store::RunTable table = sweep({"10", "adam", "", "9", "10", "1e-3"}, {1, 2, 3, 4, 5, 6});
    const auto key = parseKey(QStringLiteral("params.lr"), nullptr);
    QVERIFY(key);
    const QList<Group> groups = group(table, {0, 1, 2, 3, 4, 5}, {*key});
    QCOMPARE(groups.size(), 5);
    QCOMPARE(groups[0].values.first(), std::optional<QString>(QStringLiteral("1e-3")));
    QCOMPARE(groups[1].values.first(), std::optional<QString>(QStringLiteral("9")));
    QCOMPARE(groups[2].values.first(), std::optional<QString>(QStringLiteral("10")));
    QCOMPARE(groups[2].rows, (QList<int> {0, 4}));
    QCOMPARE(groups[3].values.first(), std::optional<QString>(QStringLiteral("adam")));
    QVERIFY(!groups[4].values.first().has_value());
    QCOMPARE(groups[4].rows, QList<int> {2});
    QCOMPARE(groups[2].metrics.value(QStringLiteral("loss")).mean, 3.0);
    QCOMPARE(groups[2].metrics.value(QStringLiteral("loss")).count, 2);
    // Only the rows given take part, in their order.
    QCOMPARE(group(table, {4, 0}, {*key}).first().rows, (QList<int> {4, 0}));
}

void TestRunGrouping::severalKeysAndTheirSummaries()
{
    const double nan = std::nan("");
    const Store::RunTable table = sweep({"0.1", "0.1", "0.1", "0.01", "0.01", "0.01"}, {1, 3, nan, 2, 4, 6});
    QString error;
    const auto lr = parseKey(QStringLiteral("params.lr"), &error);
    const auto seed = parseKey(QStringLiteral("param.`seed`"), &error);
    QVERIFY(lr && seed);
    QCOMPARE(seed->text, QStringLiteral("params.seed"));
    const QList<Group> groups = group(table, {0, 1, 2, 3, 4, 5}, {*lr, *seed});
    QCOMPARE(groups.size(), 4); // (0.01, 1), (0.01, 2), (0.1, 1), (0.1, 2)
    QCOMPARE(groups[0].values, (QList<std::optional<QString>> {QStringLiteral("0.01"), QStringLiteral("1")}));
    QCOMPARE(groups[0].rows, (QList<int> {3, 5}));
    QCOMPARE(groups[0].metrics.value(QStringLiteral("loss")).mean, 4.0);
    QCOMPARE(groups[0].metrics.value(QStringLiteral("loss")).std, 2.0);
    // (0.1, 2) holds r0 and r2, whose loss is NaN: it counts one value.
    QCOMPARE(groups[3].rows, (QList<int> {0, 2}));
    QCOMPARE(groups[3].metrics.value(QStringLiteral("loss")).count, 1);
    QCOMPARE(groups[3].metrics.value(QStringLiteral("loss")).std, 0.0);
}

void TestRunGrouping::keysAsTheFilterWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: refused
    QTest::newRow("param") << "params.optimizer"
                           << "params.optimizer";
    QTest::newRow("alias") << "parameter.optimizer"
                           << "params.optimizer";
    QTest::newRow("tag") << "tags.team"
                         << "tags.team";
    QTest::newRow("quoted tag") << "tags.`model type`"
                                << "tags.`model type`";
    QTest::newRow("status") << "attributes.status"
                            << "attributes.status";
    QTest::newRow("experiment") << "experiment"
                                << "experiment";
    QTest::newRow("experiment id") << "attributes.experiment_id"
                                   << "experiment";
    QTest::newRow("parent") << "parent"
                            << "parent";
    QTest::newRow("metric") << "metrics.loss"
                            << "";
    QTest::newRow("start time") << "attributes.start_time"
                                << "";
    QTest::newRow("trailing") << "params.lr desc"
                              << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestRunGrouping::keysAsTheFilterWritesThem()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    QString error;
    const auto key = parseKey(text, &error);
    QCOMPARE(key.has_value(), !normalised.isEmpty());
    if (key)
        QCOMPARE(key->text, normalised);
    else
        QVERIFY(!error.isEmpty());
}

QTEST_MAIN(TestRunGrouping)
#include "tst_rungrouping.moc"
