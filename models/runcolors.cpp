#include "runcolors.h"

#include <QHash>
#include <QMutex>

#include <array>

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
    static std::array<int, 10> uses {};
    const QMutexLocker lock(&mutex);
    auto it = assigned.constFind(runId);
    if (it == assigned.constEnd()) {
        const int size = int(palette().size());
        const int preferred = paletteIndex(runId);
        int best = preferred;
        for (int k = 1; k < size; ++k) {
            const int candidate = (preferred + k) % size;
            if (uses[size_t(candidate)] < uses[size_t(best)])
                best = candidate;
        }
        ++uses[size_t(best)];
        it = assigned.insert(runId, best);
    }
    return palette().at(*it);
}
