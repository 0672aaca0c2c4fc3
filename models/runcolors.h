#pragma once

#include <QColor>
#include <QList>
#include <QString>

// A colour per run, the same in every view of the session (table, charts, compare view), so a
// run can be recognised everywhere. Runs take the palette's colours in turn as they are first
// asked for, starting from the colour the first run's id hashes to: any twenty runs first seen
// one after another (a table's rows, a selection) all differ, and the same store shown in the
// same order gets the same colours each session.
class RunColors
{
public:
    // A qualitative palette whose neighbours are easy to tell apart (Tableau 10, then ten more).
    static const QList<QColor> &palette();
    // The preferred index into palette(): a hash of the run id that does not depend on the Qt
    // version or the process.
    static int paletteIndex(const QString &runId);
    // The run's colour; assigns one on first use. Thread-safe.
    static QColor color(const QString &runId);
};
