#include "metricdiffmodel.h"
#include "rundiffloader.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace RunDiff;

class TestMetricDiffModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndBest();
    void directionFromKeyAndOverride();
    void directionByEditing();
    void missingAndNan();
    void baselineDeltas();
    void copyAsText();
    void noBestWhenAllEqual();

private:
    static Diff sampleDiff();
};

namespace {

MetricStats stats(double latest, double min, qint64 minStep, double max, qint64 maxStep)
{
    MetricStats s;
    s.latest = latest;
    s.latestStep = 9;
    s.min = min;
    s.minStep = minStep;
    s.max = max;
    s.maxStep = maxStep;
    s.pointCount = 10;
    return s;
}

} // namespace

Diff TestMetricDiffModel::sampleDiff()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    RunSnapshot a, b, c;
    a.info = {"aaaa", "run-a", "1", "exp", "/tmp/a.db"};
    b.info = {"bbbb", "run-b", "1", "exp", "/tmp/a.db"};
    c.info = {"cccc", "run-c", "1", "exp", "/tmp/a.db"};
    a.metrics = {{"val_loss", stats(0.4, 0.3, 5, 2.0, 0)},
                 {"accuracy", stats(0.8, 0.1, 0, 0.85, 7)},
                 {"lr", stats(0.1, 0.1, 0, 0.1, 0)}};
    b.metrics = {{"val_loss", stats(0.2, 0.2, 9, 1.5, 0)},
                 {"accuracy", stats(nan, 0.1, 0, 0.99, 4)},
                 {"lr", stats(0.05, 0.01, 3, 0.1, 0)}};
    c.metrics = {{"val_loss", stats(0.0, -1, 2, 1.0, 0)}};
    return buildDiff({a, b, c});
}

void TestMetricDiffModel::rowsAndBest()
{
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    QCOMPARE(model.rowCount(), 3); // every metric, equal or not
    QCOMPARE(model.columnCount(), 2 + 3);
    const int loss = model.rowOfKey("val_loss");
    QCOMPARE(model.bestRunOfRow(loss), 2);
    const QModelIndex best = model.index(loss, model.columnOfRun(2));
    QVERIFY(best.data(MetricDiffModel::IsBestRole).toBool());
    QVERIFY(best.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(loss, model.columnOfRun(0)).data(MetricDiffModel::IsBestRole).toBool());
    QCOMPARE(best.data(MetricDiffModel::LatestRole).toDouble(), 0.0);
    QCOMPARE(best.data(MetricDiffModel::MinRole).toDouble(), -1.0);
    QCOMPARE(best.data(MetricDiffModel::MaxRole).toDouble(), 1.0);
    QCOMPARE(best.data(MetricDiffModel::BestStepRole).toLongLong(), 2);
    QCOMPARE(best.data(MetricDiffModel::BestValueRole).toDouble(), -1.0);
    QCOMPARE(best.data(MetricDiffModel::BestRunRole).toInt(), 2);
    QVERIFY(best.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Best run")));
    QVERIFY(best.data(MetricDiffModel::SummaryTextRole).toString().contains(QStringLiteral("min -1 @ 2")));
    QCOMPARE(model.index(loss, MetricDiffModel::DirectionColumn).data().toString(), QStringLiteral("min"));
    QCOMPARE(model.headerData(model.columnOfRun(1), Qt::Horizontal).toString(), QStringLiteral("run-b"));
}

void TestMetricDiffModel::directionFromKeyAndOverride()
{
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const int acc = model.rowOfKey("accuracy");
    QCOMPARE(model.index(acc, 0).data(MetricDiffModel::DirectionRole).toInt(), int(Direction::Maximize));
    QCOMPARE(model.bestRunOfRow(acc), 0); // b's latest is NaN, though its max is higher
    const QModelIndex aCell = model.index(acc, model.columnOfRun(0));
    QCOMPARE(aCell.data(MetricDiffModel::BestStepRole).toLongLong(), 7);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDirection("accuracy", Direction::Minimize);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(aCell.data(MetricDiffModel::BestStepRole).toLongLong(), 0);
    QCOMPARE(aCell.data(MetricDiffModel::BestValueRole).toDouble(), 0.1);
    QVERIFY(!model.index(acc, 0).data(MetricDiffModel::IsDefaultDirectionRole).toBool());
    QCOMPARE(model.bestRunOfRow(acc), 0); // the only run with a number

    const int lr = model.rowOfKey("lr");
    QCOMPARE(model.bestRunOfRow(lr), 1); // no word in the key: minimize
    model.setDirection("lr", Direction::Maximize);
    QCOMPARE(model.bestRunOfRow(lr), 0);

    // Overrides survive a new diff of the same keys.
    model.setDiff(sampleDiff());
    QCOMPARE(model.bestRunOfRow(model.rowOfKey("lr")), 0);
    model.resetDirection("lr");
    QCOMPARE(model.bestRunOfRow(model.rowOfKey("lr")), 1);
    QCOMPARE(model.direction("lr"), Direction::Minimize);
}

void TestMetricDiffModel::directionByEditing()
{
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const int loss = model.rowOfKey("val_loss");
    const QModelIndex cell = model.index(loss, MetricDiffModel::DirectionColumn);
    QVERIFY(model.flags(cell) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(loss, 0)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(cell, QStringLiteral("max")));
    QCOMPARE(model.bestRunOfRow(loss), 0);
    QVERIFY(!model.setData(cell, QStringLiteral("sideways")));
    QVERIFY(model.setData(cell, int(Direction::Minimize), MetricDiffModel::DirectionRole));
    QCOMPARE(model.bestRunOfRow(loss), 2);
}

void TestMetricDiffModel::missingAndNan()
{
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const int acc = model.rowOfKey("accuracy");
    const QModelIndex missing = model.index(acc, model.columnOfRun(2));
    QVERIFY(missing.data(MetricDiffModel::IsMissingRole).toBool());
    QCOMPARE(missing.data().toString(), QString(QChar(0x2014)));
    QVERIFY(!missing.data(MetricDiffModel::LatestRole).isValid());
    QVERIFY(!model.statsAt(missing));
    const QModelIndex nan = model.index(acc, model.columnOfRun(1));
    QCOMPARE(nan.data().toString(), QStringLiteral("NaN"));
    QVERIFY(!nan.data(MetricDiffModel::IsMissingRole).toBool());
    QVERIFY(!nan.data(MetricDiffModel::IsBestRole).toBool());
}

void TestMetricDiffModel::baselineDeltas()
{
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    model.setBaselineRun(1);
    const int loss = model.rowOfKey("val_loss");
    const QModelIndex a = model.index(loss, model.columnOfRun(0));
    QVERIFY(std::abs(a.data(MetricDiffModel::DeltaRole).toDouble() - 0.2) < 1e-12);
    QVERIFY(std::abs(a.data(MetricDiffModel::DeltaPercentRole).toDouble() - 100.0) < 1e-9);
    QCOMPARE(a.data(MetricDiffModel::DeltaTextRole).toString(), QStringLiteral("+0.2 (+100.0 %)"));
    QVERIFY(!model.index(loss, model.columnOfRun(1)).data(MetricDiffModel::DeltaRole).isValid());
    // Against a NaN baseline there is no delta.
    QVERIFY(!model.index(model.rowOfKey("accuracy"), model.columnOfRun(0))
                 .data(MetricDiffModel::DeltaRole)
                 .isValid());
    QVERIFY(model.headerData(model.columnOfRun(1), Qt::Horizontal, MetricDiffModel::IsBaselineRole).toBool());
}

void TestMetricDiffModel::copyAsText()
{
    MetricDiffModel model;
    model.setDiff(sampleDiff());
    const QString md = model.toMarkdown();
    const QStringList lines = md.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + 3);
    QCOMPARE(lines[0], QStringLiteral("| Metric | Direction | run-a | run-b | run-c |"));
    QVERIFY(md.contains(QStringLiteral("| val_loss | min |")));
    QVERIFY(model.toCsv().startsWith(QStringLiteral("Metric,Direction,run-a,run-b,run-c\r\n")));
}

void TestMetricDiffModel::noBestWhenAllEqual()
{
    // Every run logged epochs = 10; a and b the same accuracy (c a NaN one); val_loss ties a and
    // b for best with c worse.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    RunSnapshot a, b, c;
    a.info = {"aaaa", "run-a", "1", "exp", "/tmp/a.db"};
    b.info = {"bbbb", "run-b", "1", "exp", "/tmp/b.db"};
    c.info = {"cccc", "run-c", "1", "exp", "/tmp/a.db"};
    a.metrics = {{"epochs", stats(10, 10, 0, 10, 0)},
                 {"val_loss", stats(0.25, 0.2, 3, 0.9, 0)},
                 {"accuracy", stats(0.9, 0.1, 0, 0.9, 4)}};
    b.metrics = {{"epochs", stats(10, 10, 0, 10, 0)},
                 {"val_loss", stats(0.25, 0.1, 5, 0.8, 0)},
                 {"accuracy", stats(0.9, 0.2, 0, 0.9, 4)}};
    c.metrics = {{"epochs", stats(10, 10, 0, 10, 0)},
                 {"val_loss", stats(0.5, 0.5, 0, 0.5, 0)},
                 {"accuracy", stats(nan, 0.3, 0, 0.95, 2)}};
    MetricDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(buildDiff({a, b, c}));

    // The runs marked best in any way a user would see it.
    const auto starred = [&model](const QString &key) {
        QList<int> runs;
        const int row = model.rowOfKey(key);
        for (int run = 0; run < model.runCount(); ++run) {
            const QModelIndex cell = model.index(row, model.columnOfRun(run));
            if (cell.data(MetricDiffModel::IsBestRole).toBool()
                || cell.data(Qt::FontRole).value<QFont>().bold()
                || cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Best run")))
                runs.append(run);
        }
        return runs;
    };
    const int epochs = model.rowOfKey("epochs");
    QCOMPARE(model.bestRunOfRow(epochs), -1);
    QCOMPARE(model.index(epochs, 0).data(MetricDiffModel::BestRunRole).toInt(), -1);
    QCOMPARE(starred("epochs"), QList<int>());
    QCOMPARE(starred("accuracy"), QList<int>()); // NaN is left out, the numbers are equal
    QCOMPARE(starred("val_loss"), QList<int>({0, 1})); // a tie for best with a worse run: both
    QCOMPARE(model.bestRunOfRow(model.rowOfKey("val_loss")), 0); // the first of them
    QVERIFY(model.toMarkdown().contains(QStringLiteral("0.25 ★")));
    // Equal is never better, whichever the direction.
    model.setDirection("epochs", Direction::Maximize);
    QCOMPARE(starred("epochs"), QList<int>());
    model.setDirection("val_loss", Direction::Maximize);
    QCOMPARE(starred("val_loss"), QList<int>({2}));
}

QTEST_GUILESS_MAIN(TestMetricDiffModel)
#include "tst_metricdiffmodel.moc"
