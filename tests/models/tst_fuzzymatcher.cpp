#include "fuzzymatcher.h"

#include <QTest>

class TestFuzzyMatcher : public QObject
{
    Q_OBJECT
private slots:
    void matches_data();
    void matches();
    void ordering_data();
    void ordering();
    void positions_data();
    void positions();
    void emptyQueryMatchesEverything();
    void textList();
    void scoreAgreesWithMatch();
};

void TestFuzzyMatcher::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");
    const auto row = [](const char *name, const char16_t *query, const char16_t *text, bool matches) {
        QTest::addRow("%s", name) << QString::fromUtf16(query) << QString::fromUtf16(text) << matches;
    };
    row("equal", u"mnist", u"mnist", true);
    row("prefix", u"mni", u"mnist-cnn", true);
    row("subsequence", u"mtcn", u"mnist-cnn", true);
    row("out of order", u"cm", u"mnist-cnn", false);
    row("a character too many", u"mnistt", u"mnist", false);
    row("longer than the text", u"mnist-cnn-2", u"mnist", false);
    row("other case", u"MNIST", u"mnist-CNN", true);
    row("white space in the query is left out", u"mnist cnn", u"mnist-cnn", true);
    row("white space is not a character to find", u"a b", u"ab", true);
    row("a separator in the query must be there", u"train/loss", u"train_loss", false);
    row("empty text", u"a", u"", false);
    row("non-ASCII case", u"überc", u"Über-Cöde", true);
    row("Cyrillic case", u"знач", u"ЗНАЧЕНИЕ", true);
    row("Greek final sigma folds", u"σ", u"λόγος", true);
    row("surrogate pair", u"😀", u"run 😀 ok", true);
    row("half a surrogate pair never matches another", u"😁", u"run 😀 ok", false);
    row("accents are not ignored", u"e", u"é", false);
}

void TestFuzzyMatcher::matches()
{
    QFETCH(QString, query);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    const FuzzyMatcher matcher(query);
    QCOMPARE(matcher.score(text).has_value(), matches);
    QCOMPARE(matcher.match(text).has_value(), matches);
    // Decoded once, as the palette keeps its titles: the same answer, after other texts.
    FuzzyTextList texts;
    texts.append(u"another text");
    texts.append(text);
    texts.append(u"😀");
    QCOMPARE(texts.size(), 3);
    QCOMPARE(matcher.score(texts.at(1)), matcher.score(text));
}

void TestFuzzyMatcher::ordering_data()
{
    // For one query, `better` scores above `worse`.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("better");
    QTest::addColumn<QString>("worse");
    QTest::addRow("word starts over a plain subsequence") << "mc"
                                                          << "mnist-cnn"
                                                          << "mac";
    QTest::addRow("a prefix over a word start") << "cnn"
                                                << "cnn-baseline"
                                                << "mnist-cnn";
    QTest::addRow("a contiguous run over word starts apart") << "cnn"
                                                             << "mnist-cnn"
                                                             << "cancel-new-node";
    QTest::addRow("a contiguous run over scattered characters") << "acc"
                                                                << "accuracy"
                                                                << "abcdcxc";
    QTest::addRow("a prefix over the middle of a word") << "val"
                                                        << "val_loss"
                                                        << "interval";
    QTest::addRow("word starts over the middle of words") << "lr"
                                                          << "learning_rate"
                                                          << "blur";
    QTest::addRow("camel case is a word start") << "rn"
                                                << "resNet50"
                                                << "running";
    QTest::addRow("a digit after letters is a word start") << "r5"
                                                           << "run5"
                                                           << "r1-95";
    QTest::addRow("a shorter gap") << "tl"
                                   << "t-l"
                                   << "t---l";
    QTest::addRow("the same, other case") << "TL"
                                          << "t-l"
                                          << "t---l";
    QTest::addRow("a word start after a slash") << "loss"
                                                << "train/loss"
                                                << "trainloss";
}

void TestFuzzyMatcher::ordering()
{
    QFETCH(QString, query);
    QFETCH(QString, better);
    QFETCH(QString, worse);
    const FuzzyMatcher matcher(query);
    const std::optional<int> high = matcher.score(better);
    const std::optional<int> low = matcher.score(worse);
    QVERIFY(high);
    QVERIFY(low);
    QVERIFY2(*high > *low,
             qPrintable(QStringLiteral("%1: %2, %3: %4").arg(better).arg(*high).arg(worse).arg(*low)));
}

void TestFuzzyMatcher::positions_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("positions");
    const auto row = [](const char *name, const char16_t *query, const char16_t *text, QList<int> positions) {
        QTest::addRow("%s", name) << QString::fromUtf16(query) << QString::fromUtf16(text) << positions;
    };
    row("word starts", u"mc", u"mnist-cnn", {0, 6});
    row("the best placement, not the first", u"nn", u"mnist-cnn", {7, 8});
    row("a run at a word start", u"loss", u"train/loss", {6, 7, 8, 9});
    row("a word start later rather than letters in the middle", u"cn", u"acne-cnn", {5, 6});
    row("camel case", u"rn50", u"resNet50", {0, 3, 6, 7});
    row("white space of the query left out", u"m c", u"mnist-cnn", {0, 6});
    row("non-ASCII", u"üc", u"Über-Cöde", {0, 5});
    row("both halves of a surrogate pair", u"😀x", u"a😀-x", {1, 2, 4});
    row("after a surrogate pair", u"x", u"😀x", {2});
    row("empty query", u"", u"mnist", {});
}

void TestFuzzyMatcher::positions()
{
    QFETCH(QString, query);
    QFETCH(QString, text);
    QFETCH(QList<int>, positions);
    const std::optional<FuzzyMatcher::Match> match = FuzzyMatcher(query).match(text);
    QVERIFY(match);
    QCOMPARE(match->positions, positions);
}

void TestFuzzyMatcher::emptyQueryMatchesEverything()
{
    for (const QString &query : {QString(), QStringLiteral("  \t")}) {
        const FuzzyMatcher matcher(query);
        QVERIFY(matcher.isEmpty());
        for (const QString &text : {QString(), QStringLiteral("mnist-cnn"), QStringLiteral("😀")}) {
            QCOMPARE(matcher.score(text), std::optional<int>(0));
            const std::optional<FuzzyMatcher::Match> match = matcher.match(text);
            QVERIFY(match);
            QCOMPARE(match->score, 0);
            QVERIFY(match->positions.isEmpty());
        }
    }
    QVERIFY(!FuzzyMatcher(u"a").isEmpty());
    QCOMPARE(FuzzyMatcher(u" m c ").length(), 2);
}

void TestFuzzyMatcher::textList()
{
    FuzzyTextList texts;
    QCOMPARE(texts.size(), 0);
    texts.append(u"Ab😀");
    texts.append(u"");
    QCOMPARE(texts.size(), 2);
    // Case-folded code points (a surrogate pair is one) and what matching each earns.
    const FuzzyTextList::View first = texts.at(0);
    QCOMPARE(first.size, 3);
    QCOMPARE(first.chars[0], U'a');
    QCOMPARE(first.chars[1], U'b');
    QCOMPARE(first.chars[2], U'😀');
    QCOMPARE(int(first.bonus[0]), FuzzyMatcher::BonusPrefix);
    QCOMPARE(int(first.bonus[1]), 0);
    QCOMPARE(texts.at(1).size, 0);
    QVERIFY(!FuzzyMatcher(u"a").score(texts.at(1)));
    QCOMPARE(FuzzyMatcher().score(texts.at(1)), std::optional<int>(0));
    texts.clear();
    QCOMPARE(texts.size(), 0);
}

void TestFuzzyMatcher::scoreAgreesWithMatch()
{
    // The score of a placement, counted by hand: "mc" in "mnist-cnn" is the prefix (m, the
    // query's first character: twice the prefix bonus) and a word start four characters later.
    const FuzzyMatcher matcher(u"mc");
    const int expected = FuzzyMatcher::ScoreMatch
        + FuzzyMatcher::FirstCharMultiplier * FuzzyMatcher::BonusPrefix + FuzzyMatcher::ScoreMatch
        + FuzzyMatcher::BonusBoundary - FuzzyMatcher::GapStart - 4 * FuzzyMatcher::GapExtension;
    QCOMPARE(matcher.score(u"mnist-cnn"), std::optional<int>(expected));
    const std::optional<FuzzyMatcher::Match> match = matcher.match(u"mnist-cnn");
    QVERIFY(match);
    QCOMPARE(match->score, expected);
    // An adjacent character earns at least the consecutive bonus.
    QCOMPARE(FuzzyMatcher(u"ab").score(u"ab"),
             std::optional<int>(2 * FuzzyMatcher::ScoreMatch
                                + FuzzyMatcher::FirstCharMultiplier * FuzzyMatcher::BonusPrefix
                                + FuzzyMatcher::BonusConsecutive));
}

QTEST_APPLESS_MAIN(TestFuzzyMatcher)
#include "tst_fuzzymatcher.moc"
