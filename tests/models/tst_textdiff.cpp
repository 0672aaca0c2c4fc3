#include "artifacttestfiles.h"
#include "textdiff.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

namespace QTest {
template<> char *toString(const TextRange &range)
{
    return qstrdup(QByteArray::number(range.start) + "+" + QByteArray::number(range.length));
}
} // namespace QTest

class TestTextDiff : public QObject
{
    Q_OBJECT
private slots:
    void equalTexts();
    void linePairing();
    void characterRanges();
    void lineEnds();
    void jsonPrettyPrinted();
    void jsonNotParsingStaysText();
    void missingSide();
    void lineCap();
    void byteCap();
    void unreadableFile();

private:
    static QList<TextDiffRow::Kind> kinds(const TextDiff &diff);
};

QList<TextDiffRow::Kind> TestTextDiff::kinds(const TextDiff &diff)
{
    QList<TextDiffRow::Kind> result;
    for (const TextDiffRow &row : diff.rows)
        result.append(row.kind);
    return result;
}

void TestTextDiff::equalTexts()
{
    const TextDiff diff = diffTexts("a\nb\n", "a\nb\n");
    QCOMPARE(diff.rows.size(), 2);
    QCOMPARE(diff.differingRowCount(), 0);
    QCOMPARE(diff.rows[1].leftLineNumber, 2);
    QCOMPARE(diff.rows[1].rightLineNumber, 2);
    QCOMPARE(diff.rows[1].leftText, QString("b"));
    QVERIFY(!diff.truncated);
}

void TestTextDiff::linePairing()
{
    // Two lines changed into two, one removed, one added.
    const TextDiff diff
        = diffTexts("keep\nold one\nold two\ngone\nend\n", "keep\nnew one\nnew two\nend\nextra\n");
    using K = TextDiffRow;
    QCOMPARE(kinds(diff),
             (QList<TextDiffRow::Kind> {K::Equal, K::Changed, K::Changed, K::Removed, K::Equal, K::Added}));
    QCOMPARE(diff.rows[1].leftText, QString("old one"));
    QCOMPARE(diff.rows[1].rightText, QString("new one"));
    QCOMPARE(diff.rows[1].leftLineNumber, 2);
    QCOMPARE(diff.rows[1].rightLineNumber, 2);
    QCOMPARE(diff.rows[3].leftText, QString("gone"));
    QCOMPARE(diff.rows[3].leftLineNumber, 4);
    QCOMPARE(diff.rows[3].rightLineNumber, -1);
    QCOMPARE(diff.rows[4].leftLineNumber, 5);
    QCOMPARE(diff.rows[4].rightLineNumber, 4);
    QCOMPARE(diff.rows[5].leftLineNumber, -1);
    QCOMPARE(diff.rows[5].rightText, QString("extra"));
    QCOMPARE(diff.differingRowCount(), 4);
}

void TestTextDiff::characterRanges()
{
    const TextDiff diff = diffTexts("lr: 0.001\n", "lr: 0.01\n");
    QCOMPARE(diff.rows.size(), 1);
    const TextDiffRow &row = diff.rows[0];
    QCOMPARE(row.kind, TextDiffRow::Changed);
    QCOMPARE(row.leftRanges.size(), 1); // one of the two zeros after the point
    QCOMPARE(row.leftRanges[0].length, 1);
    QVERIFY(row.leftRanges[0].start == 6 || row.leftRanges[0].start == 7);
    QVERIFY(row.rightRanges.isEmpty());

    const TextDiff replaced = diffTexts("opt=adam\n", "opt=sgd\n");
    int leftChanged = 0, rightChanged = 0;
    for (const TextRange &r : replaced.rows[0].leftRanges) {
        QVERIFY(r.start >= 4);
        leftChanged += r.length;
    }
    for (const TextRange &r : replaced.rows[0].rightRanges) {
        QVERIFY(r.start >= 4);
        rightChanged += r.length;
    }
    QVERIFY(leftChanged > 0 && leftChanged <= 4);
    QVERIFY(rightChanged > 0 && rightChanged <= 3);
}

void TestTextDiff::lineEnds()
{
    const TextDiff diff = diffTexts("a\r\nb\r\n", "a\nb");
    QCOMPARE(diff.rows.size(), 2);
    QCOMPARE(diff.differingRowCount(), 0);
}

void TestTextDiff::jsonPrettyPrinted()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "l.json", R"({"b": 1, "a": {"x": [1, 2]}})"));
    QVERIFY(ArtifactTestFiles::write(dir.path(), "r.json", "{\n \"a\": {\"x\": [1, 3]},\n \"b\": 1\n}"));
    const auto diff = diffTextFiles(dir.filePath("l.json"), dir.filePath("r.json"));
    QVERIFY(diff);
    QVERIFY(diff->prettyPrintedJson);
    // Key order and layout alone differ nowhere: only the line of the 2 → 3 element does.
    QCOMPARE(diff->differingRowCount(), 1);
    for (const TextDiffRow &row : diff->rows) {
        if (row.kind != TextDiffRow::Equal) {
            QCOMPARE(row.kind, TextDiffRow::Changed);
            QCOMPARE(row.leftText.trimmed(), QString("2"));
            QCOMPARE(row.rightText.trimmed(), QString("3"));
        }
    }
}

void TestTextDiff::jsonNotParsingStaysText()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "l.json", R"({"a": 1})"));
    QVERIFY(ArtifactTestFiles::write(dir.path(), "r.json", R"({"a": 1,)"));
    const auto diff = diffTextFiles(dir.filePath("l.json"), dir.filePath("r.json"));
    QVERIFY(diff);
    QVERIFY(!diff->prettyPrintedJson);
    QCOMPARE(diff->rows.size(), 1);
    QCOMPARE(diff->rows[0].leftText, QString(R"({"a": 1})"));
}

void TestTextDiff::missingSide()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "r.txt", "one\ntwo\n"));
    const auto diff = diffTextFiles(QString(), dir.filePath("r.txt"));
    QVERIFY(diff);
    QCOMPARE(kinds(*diff), (QList<TextDiffRow::Kind> {TextDiffRow::Added, TextDiffRow::Added}));
}

void TestTextDiff::lineCap()
{
    QString left, right;
    for (int i = 0; i < 300; ++i) {
        left += QString::number(i) + '\n';
        right += QString::number(i % 7 == 0 ? -i : i) + '\n';
    }
    TextDiffOptions options;
    options.maxLines = 100;
    const TextDiff diff = diffTexts(left, right, options);
    QVERIFY(diff.truncated);
    QVERIFY(diff.notice.contains("100"));
    QCOMPARE(diff.rows.size(), 100);
    QCOMPARE(diff.rows.last().leftLineNumber, 100);
}

void TestTextDiff::byteCap()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "l.json", QByteArray(5000, 'a')));
    QVERIFY(ArtifactTestFiles::write(dir.path(), "r.json", QByteArray(10, 'a')));
    TextDiffOptions options;
    options.maxBytes = 1024;
    const auto diff = diffTextFiles(dir.filePath("l.json"), dir.filePath("r.json"), options);
    QVERIFY(diff);
    QVERIFY(diff->truncated);
    QVERIFY(!diff->notice.isEmpty());
    QCOMPARE(diff->rows.size(), 1);
    QCOMPARE(diff->rows[0].leftText.size(), 1024);
}

void TestTextDiff::unreadableFile()
{
    QTemporaryDir dir;
    const auto diff = diffTextFiles(dir.filePath("missing.txt"), QString());
    QVERIFY(!diff);
    QCOMPARE(diff.error().code, Store::Error::NotFound);
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
