#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

// Texts decoded once for matching many queries (the command palette's titles, typed at): each
// text's case-folded code points and what matching each of them earns, in flat arrays, so that a
// query runs over contiguous memory without decoding anything.
class FuzzyTextList
{
public:
    struct View
    {
        const char32_t *chars = nullptr;
        const qint8 *bonus = nullptr;
        int size = 0; // code points
    };

    void append(QStringView text);
    void clear();
    void reserve(qsizetype texts, qsizetype codePoints);
    int size() const { return int(m_begin.size()) - 1; }
    View at(int index) const
    {
        const quint32 begin = m_begin[size_t(index)];
        return {m_chars.data() + begin, m_bonus.data() + begin, int(m_begin[size_t(index) + 1] - begin)};
    }

private:
    std::vector<char32_t> m_chars;
    std::vector<qint8> m_bonus;
    std::vector<quint32> m_begin {0};
};

// The command palette's fuzzy matching: a text matches when the query's characters appear in it
// in order (a subsequence), ignoring case (Unicode case folding, code point by code point) and
// the query's white space ("mnist cnn" finds "mnist-cnn"). Among the ways to place the query,
// the best score counts: every matched character scores, more at a word start (after a
// separator, a lower-case letter before an upper-case one, a letter before a digit) and most at
// the very start of the text (a prefix), more again for the query's first character; runs of
// adjacent characters score extra; gaps between matched characters cost. So "mc" finds
// "mnist-cnn" above "mac", and "cnn" finds "cnn-baseline" above "mnist-cnn" above
// "cancel-new-node".
//
// Scores are only comparable for one query. An empty query matches every text with score 0.
// Costs O(query × text) for texts that match, O(text) for those that do not.
class FuzzyMatcher
{
public:
    struct Match
    {
        int score = 0;
        // UTF-16 indexes into the text of the matched characters, ascending; both halves of a
        // surrogate pair.
        QList<int> positions;
    };

    explicit FuzzyMatcher(QStringView query = {});

    // The query's characters, white space left out, case-folded.
    bool isEmpty() const { return m_query.empty(); }
    int length() const { return int(m_query.size()); }

    // The best score of `text`; nothing when it does not match.
    std::optional<int> score(QStringView text) const;
    std::optional<int> score(const FuzzyTextList::View &text) const { return run(text, nullptr); }
    // The same, with the matched characters of one best placement.
    std::optional<Match> match(QStringView text) const;

    // The points a placement earns (exposed for the tests' reasoning).
    static constexpr int ScoreMatch = 16;
    static constexpr int GapStart = 3; // the first unmatched character between two matched ones
    static constexpr int GapExtension = 1; // each further one
    static constexpr int BonusPrefix = 12; // the text's first character
    static constexpr int BonusBoundary = 10; // after a separator: "cnn" in "mnist-cnn"
    static constexpr int BonusCamel = 8; // "Net" in "resNet", "42" in "run42"
    static constexpr int BonusConsecutive = 8; // at least this right after a matched character
    static constexpr int FirstCharMultiplier = 2; // of the query's first character's bonus

private:
    // The best score; with `columns`, the code point index of each matched query character.
    std::optional<int> run(const FuzzyTextList::View &text, std::vector<int> *columns) const;

    std::vector<char32_t> m_query;
};
