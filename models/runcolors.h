#pragma once

#include <QColor>
#include <QList>
#include <QString>

// A stable colour per run: the same run id always gets the same colour, in every view and
// every session, so a run can be recognised across the table, the charts and the compare view.
class RunColors
{
public:
    // A qualitative palette whose neighbours are easy to tell apart (Tableau 10).
    static const QList<QColor> &palette();
    // Index into palette() chosen by a hash of the run id that does not depend on the Qt version.
    static int paletteIndex(const QString &runId);
    static QColor color(const QString &runId);
};
