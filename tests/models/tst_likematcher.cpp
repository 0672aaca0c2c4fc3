#include "likematcher.h"

#include <QTest>

class TestLikeMatcher : public QObject
{
    Q_OBJECT
private slots:
    void like_data();
    void like();
    void ilike_data() { like_data(); }
    void ilike();
    void isAscii();
};

void TestLikeMatcher::like_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("like"); // MLflow's LIKE: case-sensitive
    QTest::addColumn<bool>("ilike"); // MLflow's ILIKE: the same, ignoring case
    const auto row = [](const char *name, const char16_t *text, const char16_t *pattern, bool like,
                        bool ilike) {
        QTest::addRow("%s", name) << QString::fromUtf16(text) << QString::fromUtf16(pattern) << like << ilike;
    };
    row("no wildcard is equality", u"adam", u"adam", true, true);
    row("no wildcard, other case", u"Adam", u"adam", false, true);
    row("no wildcard, shorter text", u"ada", u"adam", false, false);
    row("no wildcard, longer text", u"adamw", u"adam", false, false);
    row("empty pattern, empty text", u"", u"", true, true);
    row("empty pattern", u"adam", u"", false, false);
    row("% prefix", u"adam", u"a%", true, true);
    row("% prefix, other case", u"Adam", u"a%", false, true);
    row("% suffix", u"train/loss", u"%/loss", true, true);
    row("% alone", u"anything", u"%", true, true);
    row("% matches nothing", u"", u"%", true, true);
    row("%% is %", u"adam", u"a%%m", true, true);
    row("% inside", u"adam_w", u"adam%w", true, true);
    row("% inside, empty run", u"adamw", u"adam%w", true, true);
    row("several %", u"mississippi", u"m%ss%pi", true, true);
    row("several %, no end", u"mississippi", u"m%ss%px", false, false);
    row("% backtracks", u"abcbc", u"%bc", true, true);
    row("% keeps order", u"acb", u"%b%c", false, false);
    row("_ one character", u"adam", u"_dam", true, true);
    row("_ twice", u"adam", u"a__m", true, true);
    row("_ never empty", u"adm", u"a_dm", false, false);
    row("_ on empty text", u"", u"_", false, false);
    row("_ too many", u"adam", u"_____", false, false);
    row("_ matches underscore", u"adam_w", u"adam_w", true, true);
    row("_ is a wildcard, no escape", u"adamXw", u"adam_w", true, true);
    row("% is a wildcard, no escape", u"1000", u"100%", true, true);
    row("_ over a two-byte character", u"héllo", u"h_llo", true, true);
    row("two _ over a two-byte character", u"héllo", u"h__llo", false, false);
    row("_ over a surrogate pair", u"😀 ok", u"_ ok", true, true);
    row("two _ over a surrogate pair", u"😀 ok", u"__ ok", false, false);
    row("% then _ over a surrogate pair", u"a😀", u"%_", true, true);
    row("non-ASCII case", u"HÉLLO wörld", u"héllo%", false, true);
    row("non-ASCII case, both sides", u"Héllo WÖRLD", u"%wörld", false, true);
    row("Cyrillic", u"значение", u"ЗНАЧ%", false, true);
}

void TestLikeMatcher::like()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, like);
    QCOMPARE(LikeMatcher::matches(QStringView(text), QStringView(pattern)), like);
    QCOMPARE(LikeMatcher::matches(QByteArrayView(text.toUtf8()), QByteArrayView(pattern.toUtf8())), like);
}

void TestLikeMatcher::ilike()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, ilike);
    const QString folded = pattern.toCaseFolded();
    QCOMPARE(LikeMatcher::matches(QStringView(text.toCaseFolded()), QStringView(folded)), ilike);
    const QByteArray utf8 = text.toUtf8();
    const QByteArray foldedUtf8 = folded.toUtf8();
    if (LikeMatcher::isAscii(utf8) && LikeMatcher::isAscii(foldedUtf8))
        QCOMPARE(LikeMatcher::matchesAsciiFolded(utf8, foldedUtf8), ilike);
}

void TestLikeMatcher::isAscii()
{
    QVERIFY(LikeMatcher::isAscii(""));
    QVERIFY(LikeMatcher::isAscii("train/loss_1"));
    QVERIFY(!LikeMatcher::isAscii(QString::fromUtf16(u"héllo").toUtf8()));
}

QTEST_GUILESS_MAIN(TestLikeMatcher)
#include "tst_likematcher.moc"
