#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace Store {

// Every stored row of one metric of one run, as three parallel arrays (24 bytes a point, no
// per-point objects), ordered by step, then timestamp, then value. Values are as MLflow
// returns them: NaN where is_nan = 1, +/-DBL_MAX (MLflow's +/-inf) and real +/-inf as stored.
// Where a read of one series ended, so that a later read fetches only the rows stored since
// (live updates while a run trains). Filled in by the backend that read the series.
struct SeriesTail
{
    qint64 rows = 0; // rows read so far
    // The last row in the series' order (step, timestamp, value); valid when rows > 0.
    qint64 step = 0;
    qint64 timestamp = 0;
    double value = 0;
    // Backend-specific: the file store's bytes of the metric file read; -1 when unused.
    qint64 position = -1;
};

struct MetricSeries
{
    QString runId;
    QString key;
    SeriesTail tail; // where this read ended (see MlflowStore::readMetricAppend())
    std::vector<qint64> steps;
    std::vector<qint64> timestamps;
    std::vector<double> values;

    qsizetype size() const { return qsizetype(values.size()); }
    bool isEmpty() const { return values.empty(); }
    // Bytes held by the arrays (capacity, not size).
    qint64 memoryFootprint() const
    {
        return qint64(steps.capacity() * sizeof(qint64) + timestamps.capacity() * sizeof(qint64)
                      + values.capacity() * sizeof(double));
    }
};

// The tail of `series` as read in full (rows, last row); `position` is the backend's to set.
inline SeriesTail tailOf(const MetricSeries &series)
{
    SeriesTail tail;
    tail.rows = series.size();
    if (!series.isEmpty()) {
        tail.step = series.steps.back();
        tail.timestamp = series.timestamps.back();
        const double last = series.values.back();
        tail.value = last != last ? 0.0 : last; // NaN orders by the 0 stored for it
    }
    return tail;
}

// Series are large and immutable once read: views share them.
using MetricSeriesPtr = std::shared_ptr<const MetricSeries>;
using MetricSeriesList = QList<MetricSeriesPtr>;

} // namespace Store

Q_DECLARE_METATYPE(Store::MetricSeriesPtr)
