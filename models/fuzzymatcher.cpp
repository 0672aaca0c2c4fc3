#include "fuzzymatcher.h"

#include <QChar>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <limits>

namespace {

enum class CharClass : quint8 { Separator, Lower, Upper, Digit, Letter };

constexpr int NoScore = std::numeric_limits<int>::min() / 4;

constexpr std::array<CharClass, 128> AsciiClasses = [] {
    std::array<CharClass, 128> classes {};
    for (char32_t c = 0; c < 128; ++c) {
        classes[c] = c >= 'a' && c <= 'z' ? CharClass::Lower
            : c >= 'A' && c <= 'Z'        ? CharClass::Upper
            : c >= '0' && c <= '9'        ? CharClass::Digit
                                          : CharClass::Separator;
    }
    return classes;
}();

CharClass classOf(char32_t c)
{
    if (c < 0x80)
        return AsciiClasses[c];
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

// Calls `visit(foldedCodePoint, bonus, utf16Index)` for each code point of `text`.
template<typename Visit> void decode(QStringView text, Visit visit)
{
    CharClass previous = CharClass::Separator;
    bool first = true;
    forEachCodePoint(text, [&](char32_t c, int offset) {
        const CharClass current = classOf(c);
        visit(fold(c), bonusOf(previous, current, first), offset);
        previous = current;
        first = false;
    });
}

} // namespace

void FuzzyTextList::append(QStringView text)
{
    // At most a code point per UTF-16 unit: written in place, then cut to what there was.
    const size_t begin = m_chars.size();
    m_chars.resize(begin + size_t(text.size()));
    m_bonus.resize(begin + size_t(text.size()));
    char32_t *chars = m_chars.data() + begin;
    qint8 *bonus = m_bonus.data() + begin;
    size_t count = 0;
    decode(text, [&](char32_t c, int earns, int) {
        chars[count] = c;
        bonus[count] = qint8(earns);
        ++count;
    });
    m_chars.resize(begin + count);
    m_bonus.resize(begin + count);
    m_begin.push_back(quint32(begin + count));
}

void FuzzyTextList::clear()
{
    m_chars.clear();
    m_bonus.clear();
    m_begin = {0};
}

void FuzzyTextList::reserve(qsizetype texts, qsizetype codePoints)
{
    m_chars.reserve(size_t(codePoints));
    m_bonus.reserve(size_t(codePoints));
    m_begin.reserve(size_t(texts) + 1);
}

FuzzyMatcher::FuzzyMatcher(QStringView query)
{
    forEachCodePoint(query, [this](char32_t c, int) {
        if (!QChar::isSpace(c))
            m_query.push_back(fold(c));
    });
}

std::optional<int> FuzzyMatcher::score(QStringView text) const
{
    if (m_query.empty())
        return 0;
    FuzzyTextList decoded;
    decoded.append(text);
    return run(decoded.at(0), nullptr);
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::match(QStringView text) const
{
    FuzzyTextList decoded;
    std::vector<int> offsets; // of each code point in `text`
    decoded.append(text);
    decode(text, [&offsets](char32_t, int, int offset) { offsets.push_back(offset); });
    std::vector<int> columns;
    const std::optional<int> score = run(decoded.at(0), &columns);
    if (!score)
        return std::nullopt;
    Match result {*score, {}};
    for (const int column : columns) {
        const int offset = offsets[size_t(column)];
        result.positions.append(offset);
        if (offset + 1 < text.size() && text[offset].isHighSurrogate() && text[offset + 1].isLowSurrogate())
            result.positions.append(offset + 1); // the rest of a surrogate pair
    }
    return result;
}

// Dynamic programming over (query character i, text character j): best(i, j) is the best score of
// the query's first i + 1 characters with the last one at j. It comes from best(i - 1, j - 1)
// (adjacent) or from the best of best(i - 1, k), k < j - 1, less the gap between k and j, kept
// as a running maximum. Only columns between the earliest and the latest place of each query
// character (greedy from the front and from the back) can hold it.
std::optional<int> FuzzyMatcher::run(const FuzzyTextList::View &text, std::vector<int> *columns) const
{
    if (m_query.empty())
        return 0;
    const int m = int(m_query.size());
    const int n = text.size;
    if (n < m)
        return std::nullopt;
    const char32_t *chars = text.chars;
    const char32_t *query = m_query.data();

    QVarLengthArray<int, 32> earliest(m);
    int i = 0;
    for (int j = 0; j < n && i < m; ++j) {
        if (chars[j] == query[i])
            earliest[i++] = j;
    }
    if (i < m)
        return std::nullopt;
    QVarLengthArray<int, 32> latest(m);
    i = m - 1;
    for (int j = n - 1; j >= 0 && i >= 0; --j) {
        if (chars[j] == query[i])
            latest[i--] = j;
    }

    QVarLengthArray<int, 1024> best(qsizetype(m) * n);
    std::fill(best.begin(), best.end(), NoScore);
    QVarLengthArray<int, 1024> from(columns ? qsizetype(m) * n : 0); // the previous character's column
    const auto cell = [n](int row, int column) { return qsizetype(row) * n + column; };

    for (int j = earliest[0]; j <= latest[0]; ++j) {
        if (chars[j] == query[0])
            best[cell(0, j)] = ScoreMatch + text.bonus[j] * FirstCharMultiplier;
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
            if (j < earliest[i] || chars[j] != query[i])
                continue;
            const int bonus = text.bonus[j];
            int score = NoScore;
            int previous = -1;
            if (const int adjacent = best[cell(i - 1, j - 1)]; adjacent != NoScore) {
                score = adjacent + ScoreMatch + std::max(bonus, BonusConsecutive);
                previous = j - 1;
            }
            if (gap != NoScore && gap + ScoreMatch + bonus > score) {
                score = gap + ScoreMatch + bonus;
                previous = gapFrom;
            }
            best[cell(i, j)] = score;
            if (columns)
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
    if (columns) {
        columns->assign(size_t(m), 0);
        for (int row = m - 1, column = end; row >= 0; --row) {
            (*columns)[size_t(row)] = column;
            if (row > 0)
                column = from[cell(row, column)];
        }
    }
    return best[cell(m - 1, end)];
}
