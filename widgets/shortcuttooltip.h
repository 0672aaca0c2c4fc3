#pragma once

#include <QKeySequence>
#include <QString>

// A tool tip naming the action's shortcut: "Save the plot shown as PNG or SVG (Ctrl+E)".
inline QString withShortcut(const QString &toolTip, const QKeySequence &shortcut)
{
    return QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText));
}
