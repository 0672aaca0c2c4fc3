#pragma once

#include "metricseries.h"
#include "storebuilder.h"

#include <QRandomGenerator>
#include <QStringList>

#include <cmath>
#include <limits>
#include <memory>

namespace TestSupport {

// A metric history as hard to draw as real ones get: ragged steps (gaps, a step logged several
// times), noise with ties, NaN rows, MLflow's +/-inf (+/-DBL_MAX), a diverged stretch of NaN at
// 70-75% and values <= 0 (gaps on a log scale). Timestamps ascend; rows are in series order.
inline std::shared_ptr<Store::MetricSeries> raggedSeries(quint32 seed, qsizetype rows)
{
    QRandomGenerator random(seed);
    auto s = std::make_shared<Store::MetricSeries>();
    s->runId = QStringLiteral("run");
    s->key = QStringLiteral("loss");
    qint64 step = qint64(random.bounded(5)) - 2;
    for (qsizetype i = 0; i < rows; ++i) {
        const quint32 kind = random.bounded(100);
        step += kind < 5 ? 0 : (kind < 10 ? qint64(random.bounded(50)) : 1);
        double value = std::round((std::sin(double(i) / 40) + random.generateDouble()) * 8) / 4;
        const quint32 odd = random.bounded(1000);
        if (odd < 8 || (i > rows * 7 / 10 && i < rows * 3 / 4))
            value = std::numeric_limits<double>::quiet_NaN();
        else if (odd < 11)
            value = std::numeric_limits<double>::max();
        else if (odd < 13)
            value = -std::numeric_limits<double>::max();
        s->steps.push_back(step);
        s->timestamps.push_back(1'700'000'000'000 + i * 7);
        s->values.push_back(value);
    }
    return s;
}

// A SQLite store at `path` with one experiment and a run per seed, each logging
// raggedSeries(seed, rows) as "loss" (plus `extraRuns` runs without it); the run ids in order, empty
// on failure (with a warning saying why).
inline QStringList buildRaggedStore(const QString &path, std::initializer_list<quint32> seeds, qsizetype rows,
                                    int extraRuns = 0)
{
    auto builder = Store::StoreBuilder::create(path);
    if (!builder) {
        qWarning("%s", qPrintable(builder.error().message));
        return {};
    }
    Store::StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({QStringLiteral("sweep")});
    QStringList runs;
    for (quint32 seed : seeds) {
        const QString run
            = b.addRun({.experimentId = experiment, .name = QStringLiteral("run %1").arg(seed)});
        const auto series = raggedSeries(seed, rows);
        b.logMetricHistory(run, QStringLiteral("loss"), series->steps, series->timestamps, series->values);
        runs << run;
    }
    for (int i = 0; i < extraRuns; ++i)
        runs << b.addRun({.experimentId = experiment, .name = QStringLiteral("no loss %1").arg(i + 1)});
    if (const Store::Error e = b.finish(); !e.ok()) {
        qWarning("%s", qPrintable(e.message));
        return {};
    }
    return runs;
}

} // namespace TestSupport
