#include "fuzzymatcher.h"

#include <QChar>
#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace {

enum class CharClass : quint8 { Separator, Lower, Upper, Digit, Letter };

constexpr int NoScore = std::numeric_limits<int>::min() / 4;

CharClass classOf(char32_t c)
{
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return CharClass::Lower;
        if (c >= 'A' && c <= 'Z')
            return CharClass::Upper;
        if (c >= '0' && c <= '9')
            return CharClass::Digit;
        return CharClass::Separator;
    }
    if (QChar::isLower(c))
        return CharClass::Lower;
    if (QChar::isUpper(c) || QChar::isTitleCase(c))
        return CharClass::Upper;
    if (QChar::isDigit(c))
        return CharClass::Digit;
    // Letters without case, other numbers and combining marks continue a word.
    if (QChar::isLetterOrNumber(c) || QChar::isMark(c))
        return CharClass::Letter;
    return CharClass::Separator;
}

char32_t fold(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    return QChar::toCaseFolded(c);
}

// What a character at a position earns when matched, by what comes before it.
int bonusOf(CharClass previous, CharClass current, bool first)
{
    if (first)
        return FuzzyMatcher::BonusPrefix;
    if (current == CharClass::Separator)
        return 0;
    if (previous == CharClass::Separator)
        return FuzzyMatcher::BonusBoundary;
    if (previous == CharClass::Lower && current == CharClass::Upper)
        return FuzzyMatcher::BonusCamel;
    if ((previous == CharClass::Digit) != (current == CharClass::Digit))
        return FuzzyMatcher::BonusCamel; // a letter before a digit or a digit before a letter
    return 0;
}

// Calls `visit(codePoint, utf16Index)` for each code point of `text`; a lone surrogate is a
// code point of its own.
template<typename Visit> void forEachCodePoint(QStringView text, Visit visit)
{
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text[i].unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
            visit(QChar::surrogateToUcs4(unit, text[i + 1].unicode()), int(i));
            ++i;
        } else {
            visit(char32_t(unit), int(i));
        }
    }
}

// A text decoded for matching: its case-folded code points, where each starts in UTF-16 and what
// matching it earns.
struct DecodedText
{
    QVarLengthArray<char32_t, 128> chars;
    QVarLengthArray<int, 128> offsets;
    QVarLengthArray<int, 128> bonus;

    explicit DecodedText(QStringView text)
    {
        CharClass previous = CharClass::Separator;
        forEachCodePoint(text, [&](char32_t c, int offset) {
            const CharClass current = classOf(c);
            bonus.append(bonusOf(previous, current, chars.isEmpty()));
            chars.append(fold(c));
            offsets.append(offset);
            previous = current;
        });
    }
    int size() const { return int(chars.size()); }
};

} // namespace

FuzzyMatcher::FuzzyMatcher(QStringView query)
{
    forEachCodePoint(query, [this](char32_t c, int) {
        if (!QChar::isSpace(c))
            m_query.push_back(fold(c));
    });
}

std::optional<int> FuzzyMatcher::score(QStringView text) const
{
    return run(text, nullptr);
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::match(QStringView text) const
{
    Match result;
    const std::optional<int> score = run(text, &result.positions);
    if (!score)
        return std::nullopt;
    result.score = *score;
    return result;
}

// Dynamic programming over (query character i, text character j): best(i, j) is the best score of
// the query's first i + 1 characters with the last one at j. It comes from best(i - 1, j - 1)
// (adjacent) or from the best of best(i - 1, k), k < j - 1, less the gap between k and j, kept
// as a running maximum. Only columns between the earliest and the latest place of each query
// character (greedy from the front and from the back) can hold it.
std::optional<int> FuzzyMatcher::run(QStringView text, QList<int> *positions) const
{
    if (m_query.empty())
        return 0;
    const int m = int(m_query.size());
    if (text.size() < m)
        return std::nullopt;
    const DecodedText decoded(text);
    const int n = decoded.size();
    const char32_t *chars = decoded.chars.constData();

    QVarLengthArray<int, 32> earliest(m);
    int i = 0;
    for (int j = 0; j < n && i < m; ++j) {
        if (chars[j] == m_query[size_t(i)])
            earliest[i++] = j;
    }
    if (i < m)
        return std::nullopt;
    QVarLengthArray<int, 32> latest(m);
    i = m - 1;
    for (int j = n - 1; j >= 0 && i >= 0; --j) {
        if (chars[j] == m_query[size_t(i)])
            latest[i--] = j;
    }

    QVarLengthArray<int, 1024> best(qsizetype(m) * n);
    std::fill(best.begin(), best.end(), NoScore);
    QVarLengthArray<int, 1024> from(positions ? qsizetype(m) * n : 0); // the previous character's column
    const auto cell = [n](int row, int column) { return qsizetype(row) * n + column; };

    for (int j = earliest[0]; j <= latest[0]; ++j) {
        if (chars[j] == m_query[0])
            best[cell(0, j)] = ScoreMatch + decoded.bonus[j] * FirstCharMultiplier;
    }
    for (i = 1; i < m; ++i) {
        int gap = NoScore; // the best of best(i - 1, k), k < j - 1, less the gap up to j
        int gapFrom = -1;
        for (int j = earliest[i - 1] + 1; j <= latest[i]; ++j) {
            if (gap != NoScore)
                gap -= GapExtension;
            if (j >= 2) {
                const int open = best[cell(i - 1, j - 2)];
                if (open != NoScore && open - GapStart > gap) {
                    gap = open - GapStart;
                    gapFrom = j - 2;
                }
            }
            if (j < earliest[i] || chars[j] != m_query[size_t(i)])
                continue;
            int score = NoScore;
            int previous = -1;
            if (const int adjacent = best[cell(i - 1, j - 1)]; adjacent != NoScore) {
                score = adjacent + ScoreMatch + std::max(decoded.bonus[j], BonusConsecutive);
                previous = j - 1;
            }
            if (gap != NoScore && gap + ScoreMatch + decoded.bonus[j] > score) {
                score = gap + ScoreMatch + decoded.bonus[j];
                previous = gapFrom;
            }
            best[cell(i, j)] = score;
            if (positions)
                from[cell(i, j)] = previous;
        }
    }

    int end = -1;
    for (int j = earliest[m - 1]; j <= latest[m - 1]; ++j) {
        if (best[cell(m - 1, j)] != NoScore && (end < 0 || best[cell(m - 1, j)] > best[cell(m - 1, end)]))
            end = j;
    }
    if (end < 0)
        return std::nullopt; // cannot happen: the greedy placement is one
    const int score = best[cell(m - 1, end)];
    if (positions) {
        QVarLengthArray<int, 32> columns(m);
        for (int row = m - 1, column = end; row >= 0; --row) {
            columns[row] = column;
            if (row > 0)
                column = from[cell(row, column)];
        }
        positions->clear();
        for (const int column : columns) {
            const int offset = decoded.offsets[column];
            positions->append(offset);
            if (offset + 1 < text.size() && text[offset].isHighSurrogate()
                && text[offset + 1].isLowSurrogate())
                positions->append(offset + 1); // the rest of a surrogate pair
        }
    }
    return score;
}
