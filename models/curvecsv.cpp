#include "curvecsv.h"

#include <QIODevice>
#include <QLocale>

#include <cmath>

namespace CurveCsv {

QByteArray field(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

static QByteArray number(double v)
{
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("inf") : QByteArrayLiteral("-inf");
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

bool write(QIODevice &out, const QList<Entry> &curves)
{
    QByteArray buffer = "run_id,run_name,key,step,timestamp,value\n";
    for (const Entry &entry : curves) {
        const Store::MetricSeries &s = *entry.series;
        const QByteArray prefix = field(s.runId) + ',' + field(entry.runName) + ',' + field(s.key) + ',';
        for (qsizetype i = 0; i < s.size(); ++i) {
            buffer += prefix;
            buffer += QByteArray::number(s.steps[size_t(i)]);
            buffer += ',';
            buffer += QByteArray::number(s.timestamps[size_t(i)]);
            buffer += ',';
            buffer += number(s.values[size_t(i)]);
            buffer += '\n';
            if (buffer.size() > (1 << 20)) {
                if (out.write(buffer) != buffer.size())
                    return false;
                buffer.clear();
            }
        }
    }
    return out.write(buffer) == buffer.size();
}

} // namespace CurveCsv
