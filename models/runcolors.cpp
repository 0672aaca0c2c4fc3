#include "runcolors.h"

#include <QHash>
#include <QMutex>

const QList<QColor> &RunColors::palette()
{
    static const QList<QColor> colors = {
        QColor(0x4e, 0x79, 0xa7), // blue
        QColor(0xf2, 0x8e, 0x2b), // orange
        QColor(0xe1, 0x57, 0x59), // red
        QColor(0x76, 0xb7, 0xb2), // teal
        QColor(0x59, 0xa1, 0x4f), // green
        QColor(0xed, 0xc9, 0x48), // yellow
        QColor(0xb0, 0x7a, 0xa1), // purple
        QColor(0xff, 0x9d, 0xa7), // pink
        QColor(0x9c, 0x75, 0x5f), // brown
        QColor(0xba, 0xb0, 0xac), // grey
        // Ten more, saturated enough for one-pixel lines on white, so that the runs of a
        // typical sweep never share a colour.
        QColor(0x2f, 0x4b, 0x7c), // navy
        QColor(0xd4, 0x50, 0x87), // magenta
        QColor(0x00, 0x87, 0x6c), // dark teal
        QColor(0x6a, 0x3d, 0x9a), // violet
        QColor(0xbc, 0xbd, 0x22), // olive
        QColor(0x17, 0xbe, 0xcf), // cyan
        QColor(0xa5, 0x0f, 0x15), // crimson
        QColor(0xb3, 0x58, 0x06), // rust
        QColor(0x4d, 0x4d, 0x4d), // charcoal
        QColor(0x66, 0xa6, 0x1e), // lime
    };
    return colors;
}

int RunColors::paletteIndex(const QString &runId)
{
    // 32-bit FNV-1a over the UTF-8 bytes: fixed across platforms, Qt versions and sessions
    // (qHash is seeded per process).
    quint32 hash = 2166136261u;
    const QByteArray bytes = runId.toUtf8();
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return int(hash % quint32(palette().size()));
}

QColor RunColors::color(const QString &runId)
{
    static QMutex mutex;
    static QHash<QString, int> assigned;
    static int start = -1;
    const QMutexLocker lock(&mutex);
    auto it = assigned.constFind(runId);
    if (it == assigned.constEnd()) {
        // Round the palette from the first run's own colour: any twenty runs first seen one
        // after another (a table's rows, a selection) all differ.
        if (start < 0)
            start = paletteIndex(runId);
        it = assigned.insert(runId, int((start + assigned.size()) % palette().size()));
    }
    return palette().at(*it);
}
