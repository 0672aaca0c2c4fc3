#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

// The command palette's fuzzy matching: a text matches when the query's characters appear in it
// in order (a subsequence), ignoring case (Unicode case folding, code point by code point) and
// the query's white space ("mnist cnn" finds "mnist-cnn"). Among the ways to place the query,
// the best score counts: every matched character scores, more at a word start (after a
// separator, a lower-case letter before an upper-case one, a letter before a digit) and most at
// the very start of the text (a prefix), more again for the query's first character; runs of
// adjacent characters score extra; gaps between matched characters cost. So "mc" finds
// "mnist-cnn" above "mac", and "cnn" finds "cnn-baseline" above "mnist-cnn" above "cancel-new".
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
    std::optional<int> run(QStringView text, QList<int> *positions) const;

    std::vector<char32_t> m_query;
};
