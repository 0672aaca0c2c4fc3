#include "likematcher.h"

#include <QChar>

namespace LikeMatcher {

namespace {

const char *nextCodePoint(const char *s, const char *end)
{
    ++s;
    while (s != end && (uchar(*s) & 0xc0) == 0x80)
        ++s;
    return s;
}

const char16_t *nextCodePoint(const char16_t *s, const char16_t *end)
{
    if (QChar::isHighSurrogate(*s) && s + 1 != end && QChar::isLowSurrogate(s[1]))
        return s + 2;
    return s + 1;
}

struct NoFold
{
    template<typename Unit> Unit operator()(Unit u) const { return u; }
};

struct AsciiFold
{
    char operator()(char c) const { return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c; }
};

// Wildcards step over whole code points, so _ never splits a multi-unit character.
template<typename Unit, typename Fold>
bool likeMatch(const Unit *s, const Unit *sEnd, const Unit *p, const Unit *pEnd, Fold fold)
{
    const Unit *starP = nullptr; // pattern position after the last %
    const Unit *starS = nullptr; // where that % currently stops in the string
    while (s != sEnd) {
        if (p != pEnd && *p == Unit('%')) {
            while (p != pEnd && *p == Unit('%'))
                ++p;
            if (p == pEnd)
                return true;
            starP = p;
            starS = s;
        } else if (p != pEnd && *p == Unit('_')) {
            s = nextCodePoint(s, sEnd);
            ++p;
        } else if (p != pEnd && fold(*s) == *p) {
            ++s;
            ++p;
        } else if (starP) {
            // Let the last % take one more character and try again from there.
            starS = nextCodePoint(starS, sEnd);
            s = starS;
            p = starP;
        } else {
            return false;
        }
    }
    while (p != pEnd && *p == Unit('%'))
        ++p;
    return p == pEnd;
}

} // namespace

bool matches(QStringView text, QStringView pattern)
{
    return likeMatch(text.utf16(), text.utf16() + text.size(), pattern.utf16(),
                     pattern.utf16() + pattern.size(), NoFold());
}

bool matches(QByteArrayView text, QByteArrayView pattern)
{
    return likeMatch(text.data(), text.data() + text.size(), pattern.data(), pattern.data() + pattern.size(),
                     NoFold());
}

bool matchesAsciiFolded(QByteArrayView text, QByteArrayView foldedPattern)
{
    return likeMatch(text.data(), text.data() + text.size(), foldedPattern.data(),
                     foldedPattern.data() + foldedPattern.size(), AsciiFold());
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace LikeMatcher
