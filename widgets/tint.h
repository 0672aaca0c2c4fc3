#pragma once

#include <QColor>
#include <QPalette>

// Tints for marking differences, blended into the palette's base colour so that a dark theme
// stays dark: the compare tables and the artifact diff share them.
namespace Tint {

// `amount` of `accent` over `base` (0: base, 1: accent).
inline QColor blend(const QColor &base, const QColor &accent, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + accent.redF() * amount),
                            float(base.greenF() * (1 - amount) + accent.greenF() * amount),
                            float(base.blueF() * (1 - amount) + accent.blueF() * amount));
}

inline bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

// `accent` over the palette's base: `light` of it on a light theme, `dark` on a dark one.
inline QColor over(const QPalette &palette, const QColor &accent, double light, double dark)
{
    return blend(palette.color(QPalette::Base), accent, isDark(palette) ? dark : light);
}

} // namespace Tint
