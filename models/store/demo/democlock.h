#pragma once

#include <QtGlobal>

namespace Store::Demo {

// A fixed clock keeps the demo store byte-for-byte reproducible: 2025-03-03 09:00:00 UTC.
constexpr qint64 BaseTime = 1740992400000;
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

} // namespace Store::Demo
