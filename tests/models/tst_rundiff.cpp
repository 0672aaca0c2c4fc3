#include "rundiff.h"
#include "rundiffloader.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace RunDiff;

Q_DECLARE_METATYPE(RunDiff::Direction)

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

std::optional<MetricStats> latest(double value)
{
    MetricStats s;
    s.latest = s.min = s.max = value;
    return s;
}

} // namespace

class TestRunDiff : public QObject
{
    Q_OBJECT
private slots:
    void compareValues_data();
    void compareValues();
    void parseNumbers_data();
    void parseNumbers();
    void textRowsMissingVsEmpty();
    void unicodeKeys();
    void manyParams();
    void directions_data();
    void directions();
    void bestRunNeverNanOrMissing();
    void bestRunTies();
    void distinctBestRunNotWhenAllEqual_data();
    void distinctBestRunNotWhenAllEqual();
    void storeLabelsTellStoresApart_data();
    void storeLabelsTellStoresApart();
    void summarizeHistory();
    void deltas();
    void characterDiffOfLongValue();
    void characterDiffOfUnicode();
    void markdownAndCsv();
    void buildDiffAlignsRuns();
};

void TestRunDiff::compareValues_data()
{
    QTest::addColumn<QList<Value>>("values");
    QTest::addColumn<bool>("differs");
    QTest::addColumn<bool>("numeric");
    const Value missing;
    const auto v = [](const char *text) { return Value(QString::fromUtf8(text)); };
    QTest::addRow("equal strings") << QList<Value> {v("adam"), v("adam")} << false << false;
    QTest::addRow("different strings") << QList<Value> {v("adam"), v("sgd")} << true << false;
    QTest::addRow("case matters") << QList<Value> {v("Adam"), v("adam")} << true << false;
    QTest::addRow("numeric equal") << QList<Value> {v("0.0010"), v("1e-3"), v(".001")} << false << true;
    QTest::addRow("numeric differ") << QList<Value> {v("0.001"), v("0.002")} << true << true;
    QTest::addRow("ints equal") << QList<Value> {v("10"), v("10.0"), v("1e1")} << false << true;
    QTest::addRow("mixed: strings") << QList<Value> {v("1"), v("1.0"), v("one")} << true << false;
    QTest::addRow("missing vs present") << QList<Value> {v("1"), missing} << true << true;
    QTest::addRow("missing vs empty") << QList<Value> {v(""), missing} << true << false;
    QTest::addRow("empty vs empty") << QList<Value> {v(""), v("")} << false << false;
    QTest::addRow("all missing") << QList<Value> {missing, missing} << false << false;
    QTest::addRow("one run") << QList<Value> {v("x")} << false << false;
    QTest::addRow("blank is not a number") << QList<Value> {v("1"), v(" 1")} << true << false;
    QTest::addRow("true/True") << QList<Value> {v("True"), v("true")} << true << false;
}

void TestRunDiff::compareValues()
{
    QFETCH(QList<Value>, values);
    QFETCH(bool, differs);
    QFETCH(bool, numeric);
    const Comparison c = compare(values);
    QCOMPARE(c.differs, differs);
    QCOMPARE(c.numeric, numeric);
}

void TestRunDiff::parseNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isNumber");
    QTest::addColumn<double>("value");
    QTest::addRow("decimal") << "0.0010" << true << 0.001;
    QTest::addRow("exponent") << "1e-3" << true << 0.001;
    QTest::addRow("negative") << "-2.5" << true << -2.5;
    QTest::addRow("plus") << "+3" << true << 3.0;
    QTest::addRow("empty") << "" << false << 0.0;
    QTest::addRow("nan") << "nan" << false << 0.0;
    QTest::addRow("inf") << "inf" << false << 0.0;
    QTest::addRow("comma") << "1,5" << false << 0.0;
    QTest::addRow("trailing blank") << "1 " << false << 0.0;
    QTest::addRow("word") << "relu" << false << 0.0;
    QTest::addRow("list") << "[1, 2]" << false << 0.0;
}

void TestRunDiff::parseNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, isNumber);
    QFETCH(double, value);
    const auto parsed = parseNumber(text);
    QCOMPARE(parsed.has_value(), isNumber);
    if (isNumber)
        QCOMPARE(*parsed, value);
}

void TestRunDiff::textRowsMissingVsEmpty()
{
    const QList<QList<std::pair<QString, QString>>> perRun = {
        {{"note", ""}, {"lr", "0.1"}},
        {{"lr", "1e-1"}},
    };
    const QList<TextRow> rows = textRows(perRun);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].key, QStringLiteral("lr")); // sorted
    QVERIFY(!rows[0].differs);
    QVERIFY(rows[0].numeric);
    QCOMPARE(rows[1].key, QStringLiteral("note"));
    QVERIFY(rows[1].differs);
    QCOMPARE(rows[1].values[0], Value(QString()));
    QVERIFY(rows[1].values[0]->isEmpty());
    QVERIFY(!rows[1].values[1].has_value());
    QCOMPARE(displayText(rows[1].values[1]), QString(MissingMark));
    QCOMPARE(displayText(rows[1].values[0]), QString());
}

void TestRunDiff::unicodeKeys()
{
    const QString key = QStringLiteral("学习率_λ_🚀");
    const QList<QList<std::pair<QString, QString>>> perRun = {
        {{key, QStringLiteral("ü")}, {QStringLiteral("ascii"), QStringLiteral("1")}},
        {{key, QStringLiteral("u\u0308")}, {QStringLiteral("ascii"), QStringLiteral("1")}},
    };
    const QList<TextRow> rows = textRows(perRun);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1].key, key);
    QVERIFY(rows[1].differs); // exact comparison: no normalisation
    QVERIFY(!rows[0].differs);
    QCOMPARE(directionForKey(QStringLiteral("验证_loss")), Direction::Minimize);
    QCOMPARE(directionForKey(QStringLiteral("точность/accuracy")), Direction::Maximize);
}

void TestRunDiff::manyParams()
{
    QList<QList<std::pair<QString, QString>>> perRun(3);
    for (int i = 0; i < 150; ++i) {
        const QString key = QStringLiteral("p%1").arg(i, 3, 10, QLatin1Char('0'));
        perRun[0].append({key, QString::number(i)});
        perRun[1].append({key, QString::number(i % 10 == 0 ? i + 1 : i)});
        if (i % 25 != 0)
            perRun[2].append({key, QString::number(double(i), 'e', 3)});
    }
    const QList<TextRow> rows = textRows(perRun);
    QCOMPARE(rows.size(), 150);
    int differing = 0;
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].key, QStringLiteral("p%1").arg(i, 3, 10, QLatin1Char('0')));
        QVERIFY(rows[i].numeric);
        const bool expected = i % 10 == 0 || i % 25 == 0;
        QCOMPARE(rows[i].differs, expected);
        differing += rows[i].differs;
    }
    QCOMPARE(differing, 15 + 6 - 3);
}

void TestRunDiff::directions_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Direction>("direction");
    const Direction min = Direction::Minimize, max = Direction::Maximize;
    QTest::addRow("loss") << "loss" << min;
    QTest::addRow("val_loss") << "val_loss" << min;
    QTest::addRow("train/error") << "train/error" << min;
    QTest::addRow("rmse") << "rmse" << min;
    QTest::addRow("mae") << "test.mae" << min;
    QTest::addRow("mse") << "mse" << min;
    QTest::addRow("perplexity") << "eval_perplexity" << min;
    QTest::addRow("acc") << "acc" << max;
    QTest::addRow("accuracy") << "val_accuracy" << max;
    QTest::addRow("f1") << "f1" << max;
    QTest::addRow("auc") << "roc_auc" << max;
    QTest::addRow("precision") << "precision" << max;
    QTest::addRow("recall") << "recall@10" << max;
    QTest::addRow("r2") << "r2" << max;
    QTest::addRow("map") << "mAP" << max;
    QTest::addRow("bleu") << "BLEU" << max;
    QTest::addRow("last word wins") << "top1_acc_error" << min;
    QTest::addRow("camel loss") << "valLoss" << min;
    QTest::addRow("camel accuracy") << "trainAccuracy" << max;
    QTest::addRow("unknown: default") << "lr" << DefaultDirection;
    QTest::addRow("epoch: default") << "epoch_time_s" << DefaultDirection;
    QTest::addRow("empty") << "" << DefaultDirection;
}

void TestRunDiff::directions()
{
    QFETCH(QString, key);
    QFETCH(Direction, direction);
    QCOMPARE(directionForKey(key), direction);
}

void TestRunDiff::bestRunNeverNanOrMissing()
{
    const QList<std::optional<MetricStats>> values = {latest(NaN), std::nullopt, latest(0.5), latest(0.2)};
    QCOMPARE(bestRun(values, Direction::Minimize), 3);
    QCOMPARE(bestRun(values, Direction::Maximize), 2);
    QCOMPARE(bestRun({latest(NaN), std::nullopt}, Direction::Minimize), -1);
    QCOMPARE(bestRun({}, Direction::Maximize), -1);
    // A NaN latest is never best even though its history had a great min.
    std::optional<MetricStats> nanLatest = latest(NaN);
    nanLatest->min = -100;
    QCOMPARE(bestRun({nanLatest, latest(1)}, Direction::Minimize), 1);
}

void TestRunDiff::bestRunTies()
{
    QCOMPARE(bestRun({latest(1), latest(0.5), latest(0.5)}, Direction::Minimize), 1);
    QCOMPARE(bestRun({latest(3), latest(3)}, Direction::Maximize), 0);
}

void TestRunDiff::distinctBestRunNotWhenAllEqual_data()
{
    QTest::addColumn<QList<std::optional<MetricStats>>>("values");
    QTest::addColumn<int>("best"); // minimizing
    QTest::addColumn<int>("distinct");
    QTest::addRow("all equal") << QList<std::optional<MetricStats>> {latest(0.3), latest(0.3), latest(0.3)}
                               << 0 << -1;
    QTest::addRow("equal apart from missing and NaN")
        << QList<std::optional<MetricStats>> {std::nullopt, latest(2), latest(NaN), latest(2)} << 1 << -1;
    QTest::addRow("one differs") << QList<std::optional<MetricStats>> {latest(0.3), latest(0.3), latest(0.4)}
                                 << 0 << 0;
    QTest::addRow("worse one first") << QList<std::optional<MetricStats>> {latest(0.4), latest(0.3),
                                                                           latest(0.3)}
                                     << 1 << 1;
    QTest::addRow("the only number") << QList<std::optional<MetricStats>> {latest(NaN), latest(5),
                                                                           std::nullopt}
                                     << 1 << 1;
    QTest::addRow("no number") << QList<std::optional<MetricStats>> {latest(NaN), std::nullopt} << -1 << -1;
}

void TestRunDiff::distinctBestRunNotWhenAllEqual()
{
    QFETCH(QList<std::optional<MetricStats>>, values);
    QFETCH(int, best);
    QFETCH(int, distinct);
    QCOMPARE(bestRun(values, Direction::Minimize), best); // kaizen diff's best_run: unchanged
    QCOMPARE(distinctBestRun(values, Direction::Minimize), distinct);
}

void TestRunDiff::storeLabelsTellStoresApart_data()
{
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QStringList>("labels");
    QTest::addRow("one store") << QStringList {"/data/a/mlflow.db", "/data/a/mlflow.db"}
                               << QStringList {"", ""};
    QTest::addRow("file names differ") << QStringList {"/data/a/one.db", "/data/b/two.db", "/data/a/one.db"}
                                       << QStringList {"one.db", "two.db", "one.db"};
    QTest::addRow("same file name") << QStringList {"/data/proj-a/mlflow.db", "/data/proj-b/mlflow.db"}
                                    << QStringList {"proj-a", "proj-b"};
    QTest::addRow("same parent name") << QStringList {"/x/exp/mlflow.db", "/y/exp/mlflow.db", "/y/other.db"}
                                      << QStringList {"x/exp/mlflow.db", "y/exp/mlflow.db", "y/other.db"};
    QTest::addRow("same parent and file name")
        << QStringList {"/x/exp/mlflow.db", "/y/exp/mlflow.db"} << QStringList {"x/exp", "y/exp"};
    QTest::addRow("unclean paths") << QStringList {"/data/a/../a/mlflow.db", "/data/a/mlflow.db"}
                                   << QStringList {"", ""};
}

void TestRunDiff::storeLabelsTellStoresApart()
{
    QFETCH(QStringList, locations);
    QFETCH(QStringList, labels);
    QList<RunInfo> runs;
    for (const QString &location : locations)
        runs.append({"id", "name", "1", "exp", location});
    QCOMPARE(storeLabels(runs), labels);
}

void TestRunDiff::summarizeHistory()
{
    Store::MetricSeries series;
    series.steps = {0, 1, 2, 3, 4, 5};
    series.timestamps = {0, 0, 0, 0, 0, 0};
    series.values = {0.9, NaN, 0.3, 0.3, 1.2, 0.4};
    const MetricStats s = summarize(series, 0.4, 5);
    QCOMPARE(s.min, 0.3);
    QCOMPARE(s.minStep, 2); // the first point with the min
    QCOMPARE(s.max, 1.2);
    QCOMPARE(s.maxStep, 4);
    QCOMPARE(s.latest, 0.4);
    QCOMPARE(s.pointCount, 6);
    QCOMPARE(s.bestStep(Direction::Minimize), 2);
    QCOMPARE(s.bestStep(Direction::Maximize), 4);

    Store::MetricSeries allNan;
    allNan.steps = {0, 1};
    allNan.timestamps = {0, 0};
    allNan.values = {NaN, NaN};
    const MetricStats n = summarize(allNan, NaN, 1);
    QVERIFY(std::isnan(n.min));
    QVERIFY(std::isnan(n.max));
}

void TestRunDiff::deltas()
{
    const auto d = delta(0.12, 0.1);
    QVERIFY(d);
    QVERIFY(std::abs(d->absolute - 0.02) < 1e-12);
    QVERIFY(d->percent && std::abs(*d->percent - 20.0) < 1e-9);
    QCOMPARE(deltaText(*d), QStringLiteral("+0.02 (+20.0 %)"));
    const auto down = delta(-1, 2);
    QCOMPARE(deltaText(*down),
             QString(QChar(0x2212)) + QStringLiteral("3 (") + QChar(0x2212) + QStringLiteral("150.0 %)"));
    const auto zeroBase = delta(1, 0);
    QVERIFY(zeroBase && !zeroBase->percent);
    QCOMPARE(deltaText(*zeroBase), QStringLiteral("+1"));
    QVERIFY(!delta(NaN, 1));
    QVERIFY(!delta(1, NaN));
    QCOMPARE(deltaText(*delta(2, 2)), QStringLiteral("0 (0 %)"));
}

void TestRunDiff::characterDiffOfLongValue()
{
    QString from, to;
    for (int i = 0; i < 600; ++i)
        from += QStringLiteral("layer%1,").arg(i);
    to = from;
    to.replace(QStringLiteral("layer300,"), QStringLiteral("layerX300,"));
    to.remove(QStringLiteral("layer5,"));
    QVERIFY(from.size() > 5000);
    const QList<DiffSegment> segments = characterDiff(from, to);
    QString rebuiltFrom, rebuiltTo;
    int inserted = 0, removed = 0;
    for (const DiffSegment &s : segments) {
        if (s.kind != DiffSegment::Inserted)
            rebuiltFrom += s.text;
        if (s.kind != DiffSegment::Removed)
            rebuiltTo += s.text;
        if (s.kind == DiffSegment::Inserted)
            inserted += int(s.text.size());
        if (s.kind == DiffSegment::Removed)
            removed += int(s.text.size());
    }
    QCOMPARE(rebuiltFrom, from);
    QCOMPARE(rebuiltTo, to);
    QCOMPARE(inserted, 1); // "X"
    QCOMPARE(removed, 7); // "layer5,"
    const QString html = characterDiffHtml(segments);
    QVERIFY(html.contains(QStringLiteral("line-through")));
    QVERIFY(html.contains(QStringLiteral(">X</span>")));

    const QList<DiffSegment> same = characterDiff(QStringLiteral("abc"), QStringLiteral("abc"));
    QCOMPARE(same.size(), 1);
    QCOMPARE(same.first().kind, DiffSegment::Same);
    QVERIFY(characterDiff(QString(), QString()).isEmpty());
}

void TestRunDiff::characterDiffOfUnicode()
{
    // Code points, not UTF-16 units: an emoji is one inserted element, never half a pair.
    const QList<DiffSegment> segments = characterDiff(QStringLiteral("a😀b"), QStringLiteral("a😀🚀b"));
    QCOMPARE(segments.size(), 3);
    QCOMPARE(segments[1].kind, DiffSegment::Inserted);
    QCOMPARE(segments[1].text, QStringLiteral("🚀"));
}

void TestRunDiff::markdownAndCsv()
{
    TextTable table;
    table.header = {"key", "run a", "run b"};
    table.rows = {{"lr", "0.1", QString(MissingMark)}, {"a|b", "x,y", "say \"hi\"\nbye"}};
    const QString md = toMarkdown(table);
    QCOMPARE(md.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 4);
    QVERIFY(md.startsWith(QStringLiteral("| key | run a | run b |\n| --- | --- | --- |\n")));
    QVERIFY(md.contains(QStringLiteral("a\\|b")));
    QVERIFY(md.contains(QStringLiteral("say \"hi\"<br>bye")));
    const QString csv = toCsv(table);
    QCOMPARE(csv,
             QStringLiteral("key,run a,run b\r\nlr,0.1,\u2014\r\na|b,\"x,y\",\"say \"\"hi\"\"\nbye\"\r\n"));
}

void TestRunDiff::buildDiffAlignsRuns()
{
    RunSnapshot a, b;
    a.info.runId = QStringLiteral("a");
    b.info.runId = QStringLiteral("b");
    a.params = {{"lr", "0.1"}, {"opt", "adam"}};
    b.params = {{"lr", "0.10"}};
    a.tags = {{"mlflow.runName", "a"}, {"team", "x"}};
    b.tags = {{"mlflow.runName", "b"}, {"team", "x"}};
    a.metrics = {{"loss", *latest(0.3)}};
    b.metrics = {{"acc", *latest(0.9)}, {"loss", *latest(0.2)}};
    const Diff diff = buildDiff({a, b});
    QCOMPARE(diff.runs.size(), 2);
    QCOMPARE(diff.params.size(), 2);
    QVERIFY(!diff.params[0].differs); // lr numerically equal
    QVERIFY(diff.params[1].differs); // opt missing in b
    QCOMPARE(diff.metrics.size(), 2);
    QCOMPARE(diff.metrics[0].key, QStringLiteral("acc"));
    QVERIFY(!diff.metrics[0].values[0]);
    QCOMPARE(diff.metrics[0].values[1]->latest, 0.9);
    QCOMPARE(bestRun(diff.metrics[1].values, directionForKey(QStringLiteral("loss"))), 1);
    QCOMPARE(diff.tags.size(), 2);
    QVERIFY(isSystemTag(diff.tags[0].key));
    QVERIFY(diff.tags[0].differs);
    QVERIFY(!diff.tags[1].differs);
}

QTEST_GUILESS_MAIN(TestRunDiff)
#include "tst_rundiff.moc"
