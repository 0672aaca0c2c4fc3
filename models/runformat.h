#pragma once

#include <QString>
#include <QVariant>

// How run values are written for people, shared by the run table, the details pane and later
// views, so a value reads the same everywhere.
namespace RunFormat {

// "2024-03-01 14:05:09" in local time; empty for Store::NoTime.
QString dateTime(qint64 msecsSinceEpoch);
// "2024-03-01 14:05", for tables.
QString shortDateTime(qint64 msecsSinceEpoch);
// "850 ms", "12.4 s", "4m 05s", "2h 03m", "3d 04h"; empty for a negative span.
QString duration(qint64 msecs);
// The run's name, else the first 8 characters of its id (names are optional in MLflow).
QString runName(const QString &name, const QString &runId);
// Six significant digits; "NaN", and "inf"/"-inf" for MLflow's +/-DBL_MAX sentinels.
QString metricValue(double value);
// Grey italic for deleted experiments and runs: the Qt::ForegroundRole and Qt::FontRole values,
// an invalid QVariant for other roles.
QVariant deletedItemStyle(int role);

} // namespace RunFormat
