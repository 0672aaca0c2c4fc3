#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

// Icons drawn from monochrome SVGs (resources/icons, drawn in black) in a palette's text colours,
// so that they stay legible on light and dark palettes, and rendered at the size and device pixel
// ratio asked for, so that they are sharp at 1x and 2x. Make them again when the palette changes.
namespace ThemedIcon {

// `path`: an SVG file or resource (":/icons/open.svg"). Normal and active: the palette's
// WindowText (ButtonText for toolbar buttons look the same); disabled: its disabled WindowText.
QIcon fromSvg(const QString &path, const QPalette &palette);

} // namespace ThemedIcon
