#pragma once

#include <QByteArrayView>
#include <QStringView>

// SQL LIKE as MLflow's stores run it, without an escape character: % matches any run of
// characters (also none), _ exactly one character (a code point, never part of one).
// Case-sensitive; ILIKE is LIKE on case-folded text and pattern.
namespace LikeMatcher {

bool matches(QStringView text, QStringView pattern);
// Both in UTF-8.
bool matches(QByteArrayView text, QByteArrayView pattern);
// ILIKE's fast path: `text` is ASCII, `foldedPattern` ASCII and case-folded already.
bool matchesAsciiFolded(QByteArrayView text, QByteArrayView foldedPattern);

bool isAscii(QByteArrayView bytes);

} // namespace LikeMatcher
