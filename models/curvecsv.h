#pragma once

#include "metricseries.h"

#include <QList>
#include <QString>

class QIODevice;

// The full-resolution data of plotted curves as CSV: `run_id,run_name,key,step,timestamp,value`,
// every stored point, fields quoted as RFC 4180 asks; NaN as `NaN`, infinities as `inf`/`-inf`,
// other values in the shortest form that reads back to the same double.
namespace CurveCsv {

struct Entry
{
    QString runName;
    Store::MetricSeriesPtr series;
};

bool write(QIODevice &out, const QList<Entry> &curves);
QByteArray field(const QString &text);

} // namespace CurveCsv
