#include "runordering.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <cfloat>
#include <limits>

using namespace Store;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

LatestMetric metric(double value)
{
    LatestMetric m;
    m.value = value;
    m.isNan = std::isnan(value);
    return m;
}

QString idOf(char letter)
{
    return QString(QLatin1Char(letter)) + QString(31, QLatin1Char('0'));
}

// Runs a..g (run ids start with their letter):
//        a      b      c       d      e          f      g
// start  100    200    300     100    400        500    (none)
// end    150    (none) 350     150    (none)     600    (none)
// m      1      NaN    -       3      -DBL_MAX   1      -
// p      'b'    'a'    'B'     -      '10'       '9'    'é'
// status F      R      F       K      R          F      F   (FINISHED, RUNNING, KILLED)
// name   nb     na     nc      nd     ne         nf     (none)
// user   ascii 'x' for all but c: U+FF21 (fullwidth A) and e: U+1F600 (emoji, a surrogate pair)
RunTable fixture()
{
    RunTableBuilder b;
    struct Spec
    {
        char id;
        qint64 start, end;
        double m;
        bool hasM;
        const char *p; // nullptr: missing
        const char *status;
        const char *name;
        const char *user;
    };
    const Spec specs[] = {
        {'a', 100, 150, 1, true, "b", "FINISHED", "nb", "x"},
        {'b', 200, NoTime, NaN, true, "a", "RUNNING", "na", "x"},
        {'c', 300, 350, 0, false, "B", "FINISHED", "nc", "\xef\xbc\xa1"},
        {'d', 100, 150, 3, true, nullptr, "KILLED", "nd", "x"},
        {'e', 400, NoTime, -DBL_MAX, true, "10", "RUNNING", "ne", "\xf0\x9f\x98\x80"},
        {'f', 500, 600, 1, true, "9", "FINISHED", "nf", "x"},
        {'g', NoTime, NoTime, 0, false, "é", "FINISHED", "", "x"},
    };
    for (const Spec &s : specs) {
        RunAttributes a;
        a.runId = idOf(s.id);
        a.runName = QString::fromUtf8(s.name);
        a.status = QString::fromLatin1(s.status);
        a.userId = QString::fromUtf8(s.user);
        a.artifactUri = QStringLiteral("file:///a/") + QLatin1Char(s.id);
        a.startTime = s.start;
        a.endTime = s.end;
        const int row = b.addRun(a);
        if (s.hasM)
            b.addMetric(row, "m", metric(s.m));
        if (s.p) {
            b.addParam(row, "p", s.p);
            b.addTag(row, "t", s.p);
        }
        b.addParam(row, "q p", "same");
        b.addMetric(row, "f1 score", metric(s.id == 'b' ? 2 : 1));
    }
    return b.build();
}

QString letters(const RunTable &table, const QList<int> &rows)
{
    QString out;
    for (const int row : rows)
        out += table.run(row).runId.at(0);
    return out;
}

QList<int> allRows(const RunTable &table)
{
    QList<int> rows;
    for (int row = 0; row < table.size(); ++row)
        rows.append(row);
    return rows;
}

} // namespace

class TestRunOrdering : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void sort_data();
    void sort();
    void sortsAGivenSubset();
    void invalidOrderingKeepsRows();
    void keyAbsentFromTheTable();
    void compareCodePoints_data();
    void compareCodePoints();
    void hundredThousandRunsSortFast();

private:
    RunTable m_table;
};

void TestRunOrdering::initTestCase()
{
    m_table = fixture();
    QCOMPARE(m_table.size(), 7);
}

void TestRunOrdering::valid_data()
{
    QTest::addColumn<QStringList>("orderBy");
    QTest::addRow("empty") << QStringList();
    QTest::addRow("metric") << QStringList {"metrics.m"};
    QTest::addRow("metric DESC") << QStringList {"metrics.m DESC"};
    QTest::addRow("lower-case keyword, extra spaces") << QStringList {"  metric.m   desc  "};
    QTest::addRow("ASC") << QStringList {"params.p ASC"};
    QTest::addRow("quoted keys") << QStringList {"metrics.`f1 score` asc", "params.\"q p\"",
                                                 "tags.`mlflow.user` DESC"};
    QTest::addRow("backticked entity") << QStringList {"`tags`.t"};
    QTest::addRow("attributes") << QStringList {
        "start_time", "attributes.end_time DESC", "run_name", "status", "user_id", "artifact_uri", "run_id"};
    QTest::addRow("created alias") << QStringList {"attributes.created DESC"};
    QTest::addRow("Created alias") << QStringList {"Created"};
    QTest::addRow("same key, different entities") << QStringList {"metrics.m", "params.m", "tags.m"};
}

void TestRunOrdering::valid()
{
    QFETCH(QStringList, orderBy);
    const RunOrdering ordering = RunOrdering::parse(orderBy);
    QVERIFY2(ordering.isValid(), qPrintable(ordering.errorString()));
    QCOMPARE(ordering.errorClause(), -1);
    QCOMPARE(ordering.isEmpty(), orderBy.isEmpty());
    QCOMPARE(ordering.sort(m_table, allRows(m_table)).size(), m_table.size());
}

void TestRunOrdering::invalid_data()
{
    QTest::addColumn<QStringList>("orderBy");
    QTest::addColumn<int>("clause");
    QTest::addColumn<QString>("message"); // a piece of the message
    QTest::addRow("bad direction") << QStringList {"metrics.m UP"} << 0 << "expected ASC or DESC, found 'UP'";
    QTest::addRow("trailing word") << QStringList {"metrics.m DESC please"} << 0
                                   << "unexpected 'please' after DESC";
    QTest::addRow("empty item") << QStringList {"metrics.m", "  "} << 1 << "empty";
    QTest::addRow("datasets") << QStringList {"datasets.name"} << 0 << "cannot be ordered by datasets";
    QTest::addRow("unknown entity") << QStringList {"foo.bar"} << 0 << "Unknown entity 'foo'";
    QTest::addRow("unknown attribute")
        << QStringList {"lifecycle_stage"} << 0 << "Unknown attribute 'lifecycle_stage'";
    QTest::addRow("experiment_id") << QStringList {"experiment_id"} << 0 << "Unknown attribute";
    QTest::addRow("run name alias is for filters only")
        << QStringList {"`run name`"} << 0 << "Unknown attribute";
    QTest::addRow("unterminated quote") << QStringList {"metrics.`m DESC"} << 0 << "Unterminated";
    QTest::addRow("duplicate") << QStringList {"metrics.m", "metric.m DESC"} << 1
                               << "metrics.m is already ordered by";
    QTest::addRow("duplicate alias") << QStringList {"start_time", "created DESC"} << 1
                                     << "attributes.start_time is already ordered by";
    QTest::addRow("duplicate quoted") << QStringList {"params.`p`", "params.p"} << 1 << "params.p";
    QTest::addRow("a filter, not an order") << QStringList {"metrics.m > 1"} << 0 << "expected ASC or DESC";
}

void TestRunOrdering::invalid()
{
    QFETCH(QStringList, orderBy);
    QFETCH(int, clause);
    QFETCH(QString, message);
    const RunOrdering ordering = RunOrdering::parse(orderBy);
    QVERIFY(!ordering.isValid());
    QCOMPARE(ordering.errorClause(), clause);
    QVERIFY2(ordering.errorString().contains(message), qPrintable(ordering.errorString()));
    QVERIFY2(ordering.errorString().contains(orderBy[clause].trimmed()), qPrintable(ordering.errorString()));
}

void TestRunOrdering::sort_data()
{
    QTest::addColumn<QStringList>("orderBy");
    QTest::addColumn<QString>("expected"); // run id letters
    // No clauses: start_time DESC (no start_time last), then run_id ASC (a before d).
    QTest::addRow("default") << QStringList() << "fecbadg";
    // Numbers ascending (ties a/f by start_time DESC), then NaN (b), then missing (c, g).
    QTest::addRow("metric ASC") << QStringList {"metrics.m"} << "efadbcg";
    // Numbers descending, and still NaN and missing after them.
    QTest::addRow("metric DESC") << QStringList {"metrics.m DESC"} << "dfaebcg";
    QTest::addRow("quoted metric key") << QStringList {"metrics.`f1 score` DESC"} << "bfecadg";
    // Bytes: "10" < "9" < "B" < "a" < "b" < "é"; missing (d) last both ways.
    QTest::addRow("param ASC") << QStringList {"params.p"} << "efcbagd";
    QTest::addRow("param DESC") << QStringList {"params.p DESC"} << "gabcfed";
    QTest::addRow("tag DESC") << QStringList {"tags.t DESC"} << "gabcfed";
    QTest::addRow("all equal param: tie-breakers") << QStringList {"params.\"q p\""} << "fecbadg";
    // Given start_time replaces the implicit tie-breaker; no start_time last both ways.
    QTest::addRow("start_time ASC") << QStringList {"start_time ASC"} << "adbcefg";
    QTest::addRow("start_time DESC") << QStringList {"attributes.start_time DESC"} << "fecbadg";
    QTest::addRow("created ASC") << QStringList {"created"} << "adbcefg";
    QTest::addRow("end_time ASC") << QStringList {"end_time"} << "adcfebg";
    QTest::addRow("end_time DESC") << QStringList {"end_time DESC"} << "fcadebg";
    QTest::addRow("run_id DESC") << QStringList {"run_id DESC"} << "gfedcba";
    QTest::addRow("status then metric DESC") << QStringList {"status", "metrics.m DESC"} << "facgdeb";
    QTest::addRow("status DESC then run_id") << QStringList {"status DESC", "run_id"} << "bedacfg";
    QTest::addRow("run_name DESC, unnamed last") << QStringList {"run_name DESC"} << "fedcabg";
    // Code points: U+FF21 before U+1F600 (UTF-16 code units would put the emoji first).
    QTest::addRow("user_id by code point") << QStringList {"user_id"} << "fbadgce";
    QTest::addRow("artifact_uri DESC") << QStringList {"artifact_uri DESC"} << "gfedcba";
    QTest::addRow("absent metric: tie-breakers") << QStringList {"metrics.nothing DESC"} << "fecbadg";
}

void TestRunOrdering::sort()
{
    QFETCH(QStringList, orderBy);
    QFETCH(QString, expected);
    const RunOrdering ordering = RunOrdering::parse(orderBy);
    QVERIFY2(ordering.isValid(), qPrintable(ordering.errorString()));
    QCOMPARE(letters(m_table, ordering.sort(m_table, allRows(m_table))), expected);
    // The result does not depend on the order rows come in.
    QList<int> reversed = allRows(m_table);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(letters(m_table, ordering.sort(m_table, reversed)), expected);
}

void TestRunOrdering::sortsAGivenSubset()
{
    const RunOrdering ordering = RunOrdering::parse({QStringLiteral("metrics.m DESC")});
    QCOMPARE(letters(m_table, ordering.sort(m_table, {6, 1, 0})), QStringLiteral("abg"));
    QCOMPARE(ordering.sort(m_table, {}), QList<int>());
    QCOMPARE(ordering.sort(m_table, {3}), QList<int>({3}));
}

void TestRunOrdering::invalidOrderingKeepsRows()
{
    const RunOrdering ordering = RunOrdering::parse({QStringLiteral("metrics.m sideways")});
    QVERIFY(!ordering.isValid());
    QCOMPARE(ordering.sort(m_table, {2, 0, 1}), QList<int>({2, 0, 1}));
    // Rows that are not the table's are left alone too.
    QCOMPARE(RunOrdering().sort(m_table, {2, 99, 1}), QList<int>({2, 99, 1}));
}

void TestRunOrdering::keyAbsentFromTheTable()
{
    const RunTable empty = RunTableBuilder().build();
    QCOMPARE(RunOrdering::parse({QStringLiteral("params.x")}).sort(empty, {}), QList<int>());
    QCOMPARE(letters(m_table,
                     RunOrdering::parse({QStringLiteral("tags.nothing")}).sort(m_table, allRows(m_table))),
             QStringLiteral("fecbadg"));
}

void TestRunOrdering::compareCodePoints_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::addRow("equal") << "abc"
                           << "abc" << 0;
    QTest::addRow("empty") << ""
                           << "" << 0;
    QTest::addRow("prefix first") << "ab"
                                  << "abc" << -1;
    QTest::addRow("upper before lower") << "B"
                                        << "a" << -1;
    QTest::addRow("BMP after ASCII") << "é"
                                     << "z" << 1;
    // U+FF21 < U+1F600, though its UTF-16 unit FF21 is above the surrogate D83D.
    QTest::addRow("supplementary after FF21") << "xxxx\U0001F600"
                                              << "xxxx\uFF21" << 1;
    QTest::addRow("supplementary order") << "\U0001F600"
                                         << "\U0001F601" << -1;
    QTest::addRow("E000 before supplementary") << "\uE000"
                                               << "\U00010000" << -1;
}

void TestRunOrdering::compareCodePoints()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(SearchSyntax::compareCodePoints(a, b), expected);
    QCOMPARE(SearchSyntax::compareCodePoints(b, a), -expected);
    // Same order as UTF-8 bytes, which is how SQLite compares text.
    const int bytes = a.toUtf8().compare(b.toUtf8());
    QCOMPARE(bytes < 0 ? -1 : (bytes > 0 ? 1 : 0), expected);
}

void TestRunOrdering::hundredThousandRunsSortFast()
{
    const int runs = 100000;
    RunTableBuilder builder;
    builder.reserveParams(runs);
    builder.reserveMetrics(runs);
    for (int i = 0; i < runs; ++i) {
        RunAttributes run;
        // Scrambled ids and start times, so that nothing arrives sorted.
        const quint32 scrambled = quint32(i) * 2654435761u;
        // Ids like uuid4().hex: 32 hex digits that differ from the first one on.
        run.runId = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5).toHex());
        run.startTime = 1700000000000 + scrambled % 5000;
        const int row = builder.addRun(run);
        if (i % 50 != 0)
            builder.addMetric(row, "acc", metric(i % 100 == 1 ? NaN : (scrambled % 1000) / 1000.0));
        builder.addParam(row, "lr", QByteArray::number(scrambled % 97).toStdString());
    }
    const RunTable table = builder.build();
    const QList<int> rows = allRows(table);

    const RunOrdering ordering
        = RunOrdering::parse({QStringLiteral("metrics.acc DESC"), QStringLiteral("params.lr")});
    QElapsedTimer timer;
    timer.start();
    const QList<int> sorted = ordering.sort(table, rows);
    const double ms = timer.nsecsElapsed() / 1e6;
    qDebug("sort by metric DESC, param, tie-breakers: %d runs in %.1f ms", runs, ms);

    timer.restart();
    const QList<int> byDefault = RunOrdering().sort(table, rows);
    const double defaultMs = timer.nsecsElapsed() / 1e6;
    qDebug("default order (start_time DESC, run_id): %d runs in %.1f ms", runs, defaultMs);

    QCOMPARE(sorted.size(), runs);
    // Spot-check the order: values descending, then NaN, then missing.
    int phase = 0; // 0 values, 1 NaN, 2 missing
    double previous = std::numeric_limits<double>::infinity();
    for (const int row : sorted) {
        const LatestMetric *m = table.metric(row, QStringLiteral("acc"));
        const int rank = !m ? 2 : (m->isNan ? 1 : 0);
        QVERIFY(rank >= phase);
        if (rank == 0) {
            QVERIFY(m->value <= previous);
            previous = m->value;
        }
        phase = rank;
    }
    QCOMPARE(phase, 2);
    for (qsizetype i = 1; i < byDefault.size(); ++i)
        QVERIFY(table.run(byDefault[i - 1]).startTime >= table.run(byDefault[i]).startTime);
    QVERIFY2(ms < 2000 && defaultMs < 2000, "sorting 100,000 runs took over two seconds");
}

QTEST_GUILESS_MAIN(TestRunOrdering)
#include "tst_runordering.moc"
