#pragma once

#include <QKeySequence>
#include <QString>

// A tool tip naming the action's shortcut: "Save the plot shown as PNG or SVG (Ctrl+E)"; the tool
// tip alone for an action without one.
inline QString withShortcut(const QString &toolTip, const QKeySequence &shortcut)
{
    if (shortcut.isEmpty())
        return toolTip;
    return QStringLiteral("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText));
}
