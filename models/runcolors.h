#pragma once

#include <QColor>
#include <QList>
#include <QString>

// A colour per run, the same in every view of the session (table, charts, compare view), so a
// run can be recognised everywhere. A run gets the least used palette colour when it is first
// asked for, preferring the one its id hashes to: the first ten runs seen are all distinct,
// and the same store shown in the same order gets the same colours each session.
class RunColors
{
public:
    // A qualitative palette whose neighbours are easy to tell apart (Tableau 10).
    static const QList<QColor> &palette();
    // The preferred index into palette(): a hash of the run id that does not depend on the Qt
    // version or the process.
    static int paletteIndex(const QString &runId);
    // The run's colour; assigns one on first use. Thread-safe.
    static QColor color(const QString &runId);
};
