#pragma once

#include "rundiff.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One param or metric of compared runs as a plot axis (the parallel coordinates and the
// scatter plot): numeric values scaled min..max (logarithmically when they are all positive
// and span two decades or more), or categories evenly spaced in sorted order.
struct CompareAxis
{
    QString key; // "params.learning_rate", "metrics.val_loss"
    QString title; // "learning_rate"
    bool categorical = false;
    bool logScale = false;
    double min = 0; // numeric axes; categorical: 0 .. categories - 1
    double max = 0;
    QStringList categories;
    QList<std::optional<double>> values; // per run: the number (category index), nullopt: missing
    QList<QString> texts; // per run: as shown in a tooltip (the em dash for missing)

    // Where a value lies along the axis, 0 (bottom) .. 1 (top); 0.5 when the axis has one value.
    double position(double value) const;
    std::optional<double> positionOfRun(int run) const;
    double valueAt(double position) const; // the inverse, numeric axes
    // Tick positions and their labels: five along a numeric axis (the decades of a log one), one
    // per category.
    QList<std::pair<double, QString>> ticks() const;

    static QString keyOfParam(const QString &param) { return QStringLiteral("params.") + param; }
    static QString keyOfMetric(const QString &metric) { return QStringLiteral("metrics.") + metric; }
    // Every key an axis can show: params (then metrics) in the diff's order.
    static QStringList availableKeys(const RunDiff::Diff &diff);
    // Metric keys only (the y of a scatter plot).
    static QStringList metricKeys(const RunDiff::Diff &diff);
    // The differing numeric params, then up to `metricCount` metrics (varying held-out ones
    // first: val_*, test_*, eval_*).
    static QStringList defaultKeys(const RunDiff::Diff &diff, int metricCount = 3);
    // The axis of a key; an axis without values (and no runs) for an unknown key.
    static CompareAxis make(const RunDiff::Diff &diff, const QString &key);
};

// Formats a tick or tooltip number compactly ("0.001", "1.5e+06").
QString compactNumber(double value);
