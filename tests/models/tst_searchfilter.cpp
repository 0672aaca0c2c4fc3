#include "searchfilter.h"

#include <QElapsedTimer>
#include <QTest>

#include <cfloat>
#include <limits>

using namespace Store;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

QString idOf(char letter)
{
    return QString(QLatin1Char(letter)) + QString(31, QLatin1Char('0'));
}

LatestMetric metric(double value)
{
    LatestMetric m;
    m.value = value;
    m.isNan = std::isnan(value);
    return m;
}

// Four runs, r0..r3, covering every kind of value a filter meets:
//        r0 alpha            r1 beta               r2 gamma             r3 (no name)
// status FINISHED            FAILED                RUNNING              KILLED
// user   ada                 bob                   Ada                  (empty)
// start  1000                2000                  (none)               3000
// end    2000                (none)                (none)               (none)
// acc    0.9                 NaN                   0.5                  -
// loss   0.2                 +inf (DBL_MAX)        -inf (-DBL_MAX)      -
// lr     '0.1'               '0.01'                '1e-4'               -
// opt    'adam'              'Adam'                'sgd'                'ADAM_W'
// r1's tag mlflow.runName differs from runs.name; r2 has only runs.name (file-store style).
RunTable fixture()
{
    RunTableBuilder b;
    const auto run
        = [&](char id, const char *name, const char *status, const char *user, qint64 start, qint64 end) {
              RunAttributes a;
              a.runId = idOf(id);
              a.runName = QString::fromUtf8(name);
              a.experimentId = QStringLiteral("1");
              a.status = QString::fromLatin1(status);
              a.lifecycleStage = QStringLiteral("active");
              a.userId = QString::fromUtf8(user);
              a.artifactUri = QStringLiteral("file:///mlruns/1/%1/artifacts").arg(a.runId);
              a.startTime = start;
              a.endTime = end;
              return b.addRun(a);
          };
    const int r0 = run('a', "alpha", "FINISHED", "ada", 1000, 2000);
    const int r1 = run('b', "beta", "FAILED", "bob", 2000, NoTime);
    const int r2 = run('c', "gamma", "RUNNING", "Ada", NoTime, NoTime);
    const int r3 = run('d', "", "KILLED", "", 3000, NoTime);
    b.addMetric(r0, "acc", metric(0.9));
    b.addMetric(r0, "loss", metric(0.2));
    b.addMetric(r0, "f1 score", metric(0.5));
    b.addMetric(r0, "train/loss", metric(0.3));
    b.addMetric(r1, "acc", metric(NaN));
    b.addMetric(r1, "loss", metric(DBL_MAX));
    b.addMetric(r2, "acc", metric(0.5));
    b.addMetric(r2, "loss", metric(-DBL_MAX));
    b.addParam(r0, "lr", "0.1");
    b.addParam(r1, "lr", "0.01");
    b.addParam(r2, "lr", "1e-4");
    b.addParam(r0, "optimizer", "adam");
    b.addParam(r1, "optimizer", "Adam");
    b.addParam(r2, "optimizer", "sgd");
    b.addParam(r3, "optimizer", "ADAM_W");
    b.addParam(r0, "model type", "rf");
    b.addParam(r0, "ключ", "значение");
    b.addTag(r0, "mlflow.runName", "alpha");
    b.addTag(r1, "mlflow.runName", "beta-tag");
    b.addTag(r0, "mlflow.user", "ada");
    b.addTag(r0, "team.name", "Vision");
    b.addTag(r1, "note", "Héllo Wörld");
    b.addTag(r3, "note", "héllo wörld");
    b.addTag(r2, "emoji", "😀 ok");
    return b.build();
}

QStringList labels(const RunTable &table, const QList<int> &rows)
{
    QStringList out;
    for (const int row : rows)
        out.append(QStringLiteral("r%1").arg(table.run(row).runId.at(0).unicode() - 'a'));
    return out;
}

} // namespace

class TestSearchFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyFilterMatchesEverything();
    void filter_data();
    void filter();
    void invalid_data();
    void invalid();
    void datasetFiltersAreReportedNotEvaluated();
    void filterRowsKeepsGivenRowsAndOrder();
    void invalidFilterMatchesNothing();
    void keysAbsentFromTheTable();
    void hundredThousandRunsFilterFast();

private:
    RunTable m_table;
};

void TestSearchFilter::initTestCase()
{
    m_table = fixture();
    QCOMPARE(m_table.size(), 4);
}

void TestSearchFilter::emptyFilterMatchesEverything()
{
    for (const QString &text : {QString(), QStringLiteral("   "), QStringLiteral("\t\n")}) {
        const SearchFilter filter = SearchFilter::parse(text);
        QVERIFY(filter.isValid());
        QVERIFY(filter.isEmpty());
        QCOMPARE(filter.errorPosition(), -1);
        QCOMPARE(labels(m_table, filter.filterRows(m_table)), QStringList({"r0", "r1", "r2", "r3"}));
    }
    const SearchFilter defaulted;
    QVERIFY(defaulted.isValid() && defaulted.isEmpty());
    QCOMPARE(defaulted.filterRows(m_table).size(), 4);
}

void TestSearchFilter::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const QString &text, const QStringList &expected) {
        QTest::addRow("%s", name) << text << expected;
    };
    const QStringList none;

    // metrics: numeric comparators on the stored latest value
    row("metric >", "metrics.acc > 0.6", {"r0"});
    row("metric >=", "metrics.acc >= 0.5", {"r0", "r2"});
    row("metric <: NaN compares as 0", "metrics.acc < 0.6", {"r1", "r2"});
    row("metric <=", "metrics.acc <= 0.5", {"r1", "r2"});
    row("metric = 0 finds NaN", "metrics.acc = 0", {"r1"});
    row("metric != skips missing", "metrics.acc != 0.9", {"r1", "r2"});
    row("metric singular prefix", "metric.acc > 0.6", {"r0"});
    row("metric no spaces", "metrics.acc>0.6", {"r0"});
    row("metric leading dot number", "metrics.acc > .6", {"r0"});
    row("metric negative number", "metrics.acc > -1", {"r0", "r1", "r2"});
    row("metric exponent", "metrics.acc > 6E-1", {"r0"});
    row("metric +inf is DBL_MAX", "metrics.loss > 1e308", {"r1"});
    row("metric +inf equals DBL_MAX", "metrics.loss = 1.7976931348623157e308", {"r1"});
    row("metric -inf is -DBL_MAX", "metrics.loss < -1e308", {"r2"});
    row("metric absent key", "metrics.nothing > 0", none);
    row("metric backticked key with space", "metrics.`f1 score` = 0.5", {"r0"});
    row("metric double-quoted key", "metrics.\"f1 score\" = 0.5", {"r0"});
    row("metric key with slash, quoted", "metrics.`train/loss` < 1", {"r0"});
    row("metric key with slash, bare", "metrics.train/loss < 1", {"r0"});
    row("backticked entity", "`metrics`.acc > 0.6", {"r0"});

    // params
    row("param =", "params.lr = '0.1'", {"r0"});
    row("param = double quotes", "params.lr = \"0.1\"", {"r0"});
    row("param = is case-sensitive", "params.optimizer = 'adam'", {"r0"});
    row("param != skips missing", "params.lr != '0.1'", {"r1", "r2"});
    row("param compares text, not numbers", "params.lr = '0.10'", none);
    row("param aliases", "param.lr = '0.1' AND parameter.lr = '0.1' AND parameters.lr = '0.1'", {"r0"});
    row("LIKE prefix, case-sensitive", "params.optimizer LIKE 'a%'", {"r0"});
    row("LIKE upper prefix", "params.optimizer LIKE 'A%'", {"r1", "r3"});
    row("LIKE _ one character", "params.optimizer LIKE '_dam'", {"r0", "r1"});
    row("LIKE _ matches underscore", "params.optimizer LIKE 'ADAM_W'", {"r3"});
    row("LIKE % inside", "params.optimizer LIKE 'ADAM%W'", {"r3"});
    row("LIKE % alone", "params.optimizer LIKE '%'", {"r0", "r1", "r2", "r3"});
    row("LIKE several %", "params.optimizer LIKE '%d%m%'", {"r0", "r1"});
    row("LIKE no wildcard is equality", "params.optimizer LIKE 'adam'", {"r0"});
    row("LIKE backtracking", "params.lr LIKE '%0%1'", {"r0", "r1"});
    row("like keyword lower case", "params.optimizer like 'a%'", {"r0"});
    row("ILIKE", "params.optimizer ILIKE 'adam'", {"r0", "r1"});
    row("ILIKE with %", "params.optimizer ILIKE 'ADAM%'", {"r0", "r1", "r3"});
    row("IS NULL", "params.lr IS NULL", {"r3"});
    row("IS NOT NULL", "params.lr IS NOT NULL", {"r0", "r1", "r2"});
    row("is null lower case", "params.lr is null", {"r3"});
    row("IS NULL of an unknown key", "params.nothing IS NULL", {"r0", "r1", "r2", "r3"});
    row("IS NOT NULL of an unknown key", "params.nothing IS NOT NULL", none);
    row("param key with space", "params.`model type` = 'rf'", {"r0"});
    row("unicode key and value", "params.ключ = 'значение'", {"r0"});
    row("unicode LIKE", "params.ключ LIKE 'знач%'", {"r0"});
    row("unicode _ is one character", "params.ключ LIKE '________'", {"r0"});
    row("unicode _ is not one byte", "params.ключ LIKE '_________'", none);

    // tags
    row("tag dotted key quoted", "tags.`mlflow.user` = 'ada'", {"r0"});
    row("tag dotted key bare", "tags.mlflow.user = 'ada'", {"r0"});
    row("tag dotted key double-quoted", "tag.\"team.name\" = 'Vision'", {"r0"});
    row("tag backticked entity and key", "`tags`.`team.name` = 'Vision'", {"r0"});
    row("tag ILIKE unicode case", "tags.note ILIKE 'HÉLLO%'", {"r1", "r3"});
    row("tag ILIKE unicode both sides", "tags.note ILIKE '%WÖRLD'", {"r1", "r3"});
    row("tag LIKE unicode is case-sensitive", "tags.note LIKE 'h%'", {"r3"});
    row("tag LIKE _ over é", "tags.note LIKE 'H_llo%'", {"r1"});
    row("tag LIKE two _ over é", "tags.note LIKE 'H__llo%'", none);
    row("tag emoji _", "tags.emoji LIKE '_ ok'", {"r2"});
    row("tag emoji ILIKE _", "tags.emoji ILIKE '_ OK'", {"r2"});
    row("tag IS NULL", "tags.note IS NULL", {"r0", "r2"});

    // string attributes
    row("status =", "attributes.status = 'FINISHED'", {"r0"});
    row("bare status !=", "status != 'FINISHED'", {"r1", "r2", "r3"});
    row("attr LIKE", "attr.status LIKE 'F%'", {"r0", "r1"});
    row("run ILIKE", "run.status ILIKE 'running'", {"r2"});
    row("attribute prefix", "attribute.status = 'KILLED'", {"r3"});
    row("user_id =", "attributes.user_id = 'ada'", {"r0"});
    row("user_id ILIKE", "user_id ILIKE 'ADA'", {"r0", "r2"});
    row("artifact_uri LIKE", "artifact_uri LIKE 'file:///mlruns/1/b%'", {"r1"});
    row("run_name uses the tag", "attributes.run_name = 'beta-tag'", {"r1"});
    row("run_name not runs.name when tagged", "attributes.run_name = 'beta'", none);
    row("run_name falls back to runs.name", "run_name = 'gamma'", {"r2"});
    row("run_name != skips unnamed", "run_name != 'alpha'", {"r1", "r2"});
    row("run name alias", "\"run name\" LIKE '%a'", {"r0", "r2"});
    row("Run name alias", "`Run name` = 'alpha'", {"r0"});
    row("Run Name alias", "attributes.`Run Name` = 'alpha'", {"r0"});
    row("run_id =", "attributes.run_id = '" + idOf('a') + "'", {"r0"});
    row("run_id IN", "run_id IN ('" + idOf('a') + "', \"" + idOf('c') + "\")", {"r0", "r2"});
    row("run_id IN trailing comma", "run_id IN ('" + idOf('b') + "',)", {"r1"});
    row("run_id in lower case", "run_id in ('" + idOf('b') + "')", {"r1"});
    row("run_id NOT IN", "run_id NOT IN ('" + idOf('a') + "')", {"r1", "r2", "r3"});
    row("IN drops upper-case ids", "run_id IN ('" + idOf('a').toUpper() + "')", none);
    row("NOT IN drops upper-case ids", "run_id NOT IN ('" + idOf('a').toUpper() + "')",
        {"r0", "r1", "r2", "r3"});

    // numeric attributes
    row("start_time >", "attributes.start_time > 1500", {"r1", "r3"});
    row("created alias", "created >= 1000", {"r0", "r1", "r3"});
    row("Created alias", "Created < 2000", {"r0"});
    row("start_time != skips missing", "start_time != 2000", {"r0", "r3"});
    row("end_time =", "end_time = 2000", {"r0"});
    row("end_time skips missing", "end_time < 5000", {"r0"});

    // combinations
    row("AND", "metrics.acc > 0.1 AND params.optimizer ILIKE 'adam' and status = 'FINISHED'", {"r0"});
    row("AND contradicts", "params.lr = '0.1' AND params.lr = '0.01'", none);
    row("AND lower case, newlines", "params.lr IS NOT NULL\nand\tmetrics.acc < 0.6", {"r1", "r2"});
    row("value holding AND", "tags.note ILIKE '% AND %' AND status = 'FAILED'", none);
    row("quote inside other quotes", "params.lr != \"it's\"", {"r0", "r1", "r2"});
}

void TestSearchFilter::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const SearchFilter filter = SearchFilter::parse(text);
    QVERIFY2(filter.isValid(), qPrintable(filter.errorString()));
    QVERIFY(!filter.isEmpty());
    QCOMPARE(filter.errorPosition(), -1);
    QVERIFY(!filter.needsDatasets());
    const QList<int> rows = filter.filterRows(m_table);
    QCOMPARE(labels(m_table, rows), expected);
    // matches() agrees row by row.
    for (int row = 0; row < m_table.size(); ++row)
        QCOMPARE(filter.matches(m_table, row), rows.contains(row));
}

void TestSearchFilter::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message"); // a piece of the message

    QTest::addRow("missing operator at end")
        << "metrics.acc" << 11 << "Expected a comparison operator after 'metrics.acc'";
    QTest::addRow("unknown operator") << "metrics.acc ? 1" << 12 << "Expected a comparison operator";
    QTest::addRow("missing value") << "metrics.loss <" << 14 << "Expected a number after 'metrics.loss <'";
    QTest::addRow("metric quoted value") << "metrics.acc > '1'" << 14 << "not a quoted string";
    QTest::addRow("metric word value") << "metrics.acc > abc" << 14 << "Expected a number";
    QTest::addRow("metric bad number") << "metrics.acc > 1.2.3" << 14 << "Expected a number";
    QTest::addRow("metric number glued to word") << "metrics.acc > 1e" << 14 << "Expected a number";
    QTest::addRow("metric LIKE") << "metrics.acc LIKE '1'" << 12 << "LIKE cannot be used with 'metrics.acc'";
    QTest::addRow("metric IS NULL") << "metrics.acc IS NULL" << 12 << "IS NULL cannot be used";
    QTest::addRow("== operator") << "metrics.acc == 1" << 12 << "'==' is not an operator";
    QTest::addRow("<> operator") << "metrics.acc <> 1" << 12 << "use '!='";
    QTest::addRow("param >") << "params.lr > '1'" << 10 << "> cannot be used with 'params.lr'";
    QTest::addRow("param unquoted value") << "params.lr = 0.1" << 12 << "Expected a quoted string";
    QTest::addRow("param IN") << "params.lr IN ('a')" << 10 << "IN cannot be used";
    QTest::addRow("unterminated string") << "params.lr = 'abc" << 12 << "Unterminated string";
    QTest::addRow("doubled quote is not an escape") << "params.lr = 'it''s'" << 16 << "Unexpected";
    QTest::addRow("OR") << "params.lr = 'a' OR params.lr = 'b'" << 16 << "OR is not supported";
    QTest::addRow("trailing garbage") << "params.lr = 'a' garbage" << 16 << "Unexpected 'garbage'";
    QTest::addRow("dangling AND") << "params.lr = 'a' AND " << 20 << "Expected a comparison after AND";
    QTest::addRow("AND glued to a word") << "params.lr = 'a' ANDx = 'b'" << 16 << "Unexpected";
    QTest::addRow("semicolon") << "metrics.acc > 1;" << 15 << "Unexpected ';'";
    QTest::addRow("parentheses") << "(metrics.acc > 1)" << 0 << "Expected a key";
    QTest::addRow("NOT") << "NOT metrics.acc > 1" << 0 << "Unknown attribute 'NOT'";
    QTest::addRow("unknown entity") << "foo.bar = 'x'" << 0 << "Unknown entity 'foo'";
    QTest::addRow("entity is case-sensitive") << "Metrics.acc > 1" << 0 << "Unknown entity 'Metrics'";
    QTest::addRow("unknown attribute") << "attributes.foo = 'x'" << 11 << "Unknown attribute 'foo'";
    QTest::addRow("unknown bare key") << "nonsense = 'x'" << 0 << "Unknown attribute 'nonsense'";
    QTest::addRow("lifecycle_stage is not searchable")
        << "lifecycle_stage = 'active'" << 0 << "Unknown attribute";
    QTest::addRow("unquoted alias with space") << "run name = 'x'" << 0 << "Unknown attribute 'run'";
    QTest::addRow("unterminated quoted key") << "metrics.`acc > 1" << 8 << "Unterminated quoted key";
    QTest::addRow("missing key") << "metrics. > 1" << 8 << "Expected a key after 'metrics.'";
    QTest::addRow("text after quoted key") << "metrics.`a`b > 1" << 11 << "after a quoted key";
    QTest::addRow("IN on status") << "status IN ('FINISHED')" << 7 << "Only run_id";
    QTest::addRow("NOT IN on user_id") << "user_id NOT IN ('x')" << 8 << "Only run_id";
    QTest::addRow("IN without list") << "run_id IN 'a'" << 10 << "Expected a list in parentheses";
    QTest::addRow("IN empty list") << "run_id IN ()" << 10 << "is empty";
    QTest::addRow("IN unterminated list") << "run_id IN ('a', 'b'" << 10 << "Unterminated list";
    QTest::addRow("IN unquoted item") << "run_id IN (abc)" << 11 << "Expected a quoted string";
    QTest::addRow("IN missing comma") << "run_id IN ('a' 'b')" << 15 << "Expected , or )";
    QTest::addRow("run_id >") << "run_id > 'a'" << 7 << "cannot be used with 'run_id'";
    QTest::addRow("IS without NULL") << "params.lr IS 'x'" << 13 << "Expected NULL or NOT NULL";
    QTest::addRow("IS NOT without NULL") << "params.lr IS NOT 'x'" << 17 << "Expected NULL after IS NOT";
    QTest::addRow("NOT LIKE") << "params.lr NOT LIKE 'x'" << 14 << "Expected IN after NOT";
    QTest::addRow("start_time string") << "start_time = '1'" << 13 << "not a quoted string";
    QTest::addRow("start_time LIKE") << "start_time LIKE '1%'" << 11 << "LIKE cannot be used";
    QTest::addRow("unknown dataset key") << "datasets.foo = 'x'" << 9 << "Unknown dataset key 'foo'";
    QTest::addRow("dataset bad operator") << "datasets.name > 'x'" << 14 << "> cannot be used";
    QTest::addRow("error after a valid clause") << "params.lr = 'a' AND metrics.x LIKE 'y'" << 30 << "LIKE";
}

void TestSearchFilter::invalid()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, message);
    const SearchFilter filter = SearchFilter::parse(text);
    QVERIFY(!filter.isValid());
    QVERIFY(filter.isEmpty());
    QCOMPARE(filter.errorPosition(), position);
    QVERIFY2(filter.errorString().contains(message), qPrintable(filter.errorString()));
    // The message names the column people count (from 1).
    QVERIFY2(filter.errorString().endsWith(QStringLiteral("(column %1)").arg(position + 1)),
             qPrintable(filter.errorString()));
}

void TestSearchFilter::datasetFiltersAreReportedNotEvaluated()
{
    for (const char *text : {"datasets.context = 'training'", "dataset.name IN ('mnist', 'cifar')",
                             "metrics.acc > 0.5 AND datasets.digest LIKE 'ab%'"}) {
        const SearchFilter filter = SearchFilter::parse(QString::fromUtf8(text));
        QVERIFY2(!filter.isValid(), text);
        QVERIFY(filter.needsDatasets());
        QVERIFY2(filter.errorString().contains(QLatin1String("not supported yet")),
                 qPrintable(filter.errorString()));
        QVERIFY(filter.filterRows(m_table).isEmpty());
    }
    QCOMPARE(SearchFilter::parse(QStringLiteral("metrics.acc > 0.5 AND datasets.digest LIKE 'ab%'"))
                 .errorPosition(),
             22);
    QVERIFY(!SearchFilter::parse(QStringLiteral("metrics.acc > 0.5")).needsDatasets());
}

void TestSearchFilter::filterRowsKeepsGivenRowsAndOrder()
{
    const SearchFilter filter = SearchFilter::parse(QStringLiteral("params.optimizer ILIKE 'adam%'"));
    QCOMPARE(filter.filterRows(m_table, {3, 2, 1, 0}), QList<int>({3, 1, 0}));
    QCOMPARE(filter.filterRows(m_table, {2}), QList<int>());
    QCOMPARE(filter.filterRows(m_table, {}), QList<int>());
    QCOMPARE(filter.filterRows(m_table, {0, 99, -1}), QList<int>({0}));
    QCOMPARE(SearchFilter().filterRows(m_table, {2, 0}), QList<int>({2, 0}));
    QVERIFY(!filter.matches(m_table, 4));
}

void TestSearchFilter::invalidFilterMatchesNothing()
{
    const SearchFilter filter = SearchFilter::parse(QStringLiteral("metrics.acc >"));
    QVERIFY(!filter.isValid());
    QVERIFY(filter.filterRows(m_table).isEmpty());
    QVERIFY(filter.filterRows(m_table, {0, 1}).isEmpty());
    QVERIFY(!filter.matches(m_table, 0));
}

void TestSearchFilter::keysAbsentFromTheTable()
{
    const RunTable empty = RunTableBuilder().build();
    const SearchFilter filter = SearchFilter::parse(QStringLiteral("metrics.acc > 0 AND params.x IS NULL"));
    QVERIFY(filter.isValid());
    QVERIFY(filter.filterRows(empty).isEmpty());
    // A table without any tag at all: run_name falls back to the runs.name column.
    RunTableBuilder builder;
    RunAttributes run;
    run.runId = idOf('e');
    run.runName = QStringLiteral("solo");
    builder.addRun(run);
    const RunTable untagged = builder.build();
    QCOMPARE(SearchFilter::parse(QStringLiteral("run_name = 'solo'")).filterRows(untagged), QList<int>({0}));
    QCOMPARE(SearchFilter::parse(QStringLiteral("tags.x IS NULL")).filterRows(untagged), QList<int>({0}));
}

void TestSearchFilter::hundredThousandRunsFilterFast()
{
    const int runs = 100000;
    const char *optimizers[] = {"adam", "sgd", "rmsprop", "adagrad"};
    RunTableBuilder builder;
    builder.reserveParams(runs * 3);
    builder.reserveTags(runs * 2);
    builder.reserveMetrics(runs * 3);
    int expected = 0;
    for (int i = 0; i < runs; ++i) {
        RunAttributes run;
        run.runId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
        run.status = QStringLiteral("FINISHED");
        run.startTime = 1700000000000 + i;
        const int row = builder.addRun(run);
        const double acc = (i % 1000) / 1000.0;
        const char *optimizer = optimizers[i % 4];
        const bool vision = i % 3 == 0;
        builder.addMetric(row, "acc", metric(acc));
        builder.addMetric(row, "loss", metric(1 - acc));
        builder.addMetric(row, "epoch", metric(i % 10));
        builder.addParam(row, "optimizer", optimizer);
        builder.addParam(row, "lr", i % 2 ? "0.01" : "0.001");
        builder.addParam(row, "batch_size", "64");
        builder.addTag(row, "team", vision ? "vision" : "language");
        builder.addTag(row, "mlflow.user", "ada");
        if (acc > 0.5 && i % 4 == 0 && vision)
            ++expected;
    }
    const RunTable table = builder.build();
    const SearchFilter filter = SearchFilter::parse(
        QStringLiteral("metrics.acc > 0.5 AND params.optimizer = 'adam' AND tags.team LIKE 'vis%'"));
    QVERIFY(filter.isValid());

    QElapsedTimer timer;
    timer.start();
    const QList<int> rows = filter.filterRows(table);
    const double ms = timer.nsecsElapsed() / 1e6;
    QCOMPARE(rows.size(), expected);
    qDebug("filterRows: %d of %d runs match 3 clauses in %.2f ms", int(rows.size()), runs, ms);

    const SearchFilter ilike
        = SearchFilter::parse(QStringLiteral("tags.team ILIKE '%UAGE' AND status = 'FINISHED'"));
    timer.restart();
    const QList<int> ilikeRows = ilike.filterRows(table);
    const double ilikeMs = timer.nsecsElapsed() / 1e6;
    QCOMPARE(ilikeRows.size(), runs - (runs + 2) / 3);
    qDebug("filterRows with ILIKE on %d runs: %.2f ms", runs, ilikeMs);
    // Generous: the figure above is what to watch; this catches only an accidental blow-up.
    QVERIFY2(ms < 1000 && ilikeMs < 1000, "filtering 100,000 runs took over a second");
}

QTEST_GUILESS_MAIN(TestSearchFilter)
#include "tst_searchfilter.moc"
