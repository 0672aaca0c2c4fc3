#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <cmath>
#include <cstdint>
#include <limits>
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
    // Empty when the series holds every stored row. A reduction made by the server
    // (MlflowStore::readReducedSeries()) keeps a few rows of each pixel column and says here how
    // many stored rows each kept row stands for (itself included), so that a chart
    // counts the points in view as if it had them all.
    std::vector<quint32> weights;

    qsizetype size() const { return qsizetype(values.size()); }
    bool isEmpty() const { return values.empty(); }
    // Bytes held by the arrays (capacity, not size).
    bool isReduced() const { return !weights.empty(); }
    qint64 memoryFootprint() const
    {
        return qint64(steps.capacity() * sizeof(qint64) + timestamps.capacity() * sizeof(qint64)
                      + values.capacity() * sizeof(double) + weights.capacity() * sizeof(quint32));
    }
};

// The pixel columns of a chart's step axis, as the chart maps a step to a device x: column
// floor((step - origin) * scale + offset). A reduction for them keeps, of each run of drawable
// values in each column of [left, right), the first, last, smallest and largest row (M4), and the
// nearest row outside either side, so that the line through the kept rows lights the same pixels
// as the line through every row. A column is split where the chart's x range begins and ends
// (fitFrom, fitTo: steps outside it do not count for the y range the chart fits), so that the
// extremes inside the range are kept too. `logY`: values <= 0 are gaps.
struct PixelColumns
{
    double origin = 0;
    double scale = 0;
    double offset = 0;
    qint64 left = 0;
    qint64 right = 0; // past the last column
    double fitFrom = -std::numeric_limits<double>::infinity();
    double fitTo = std::numeric_limits<double>::infinity();
    bool logY = false;

    bool isValid() const { return scale > 0 && right > left; }
    qint64 width() const { return right - left; }
    bool operator==(const PixelColumns &) const = default;
};

// Whether row a comes before row b in a series' order: step, timestamp, then value, NaN rows
// ordering by the 0 MLflow stores for them (as the SQL store's ORDER BY does).
inline bool seriesRowLess(qint64 stepA, qint64 timestampA, double valueA, qint64 stepB, qint64 timestampB,
                          double valueB)
{
    if (stepA != stepB)
        return stepA < stepB;
    if (timestampA != timestampB)
        return timestampA < timestampB;
    return (std::isnan(valueA) ? 0.0 : valueA) < (std::isnan(valueB) ? 0.0 : valueB);
}

// The tail after `rows` were read following `before` (a default tail: a read from the start),
// `position` the backend's position after them.
inline SeriesTail tailAfter(const SeriesTail &before, const MetricSeries &rows, qint64 position)
{
    SeriesTail tail = before;
    tail.position = position;
    if (rows.isEmpty())
        return tail;
    tail.rows += rows.size();
    tail.step = rows.steps.back();
    tail.timestamp = rows.timestamps.back();
    tail.value = rows.values.back();
    return tail;
}

// Whether (step, timestamp, value) comes before the last row `tail` read: a row stored since then
// that the series' order puts before rows already read.
inline bool isBeforeTail(const SeriesTail &tail, qint64 step, qint64 timestamp, double value)
{
    return tail.rows > 0 && seriesRowLess(step, timestamp, value, tail.step, tail.timestamp, tail.value);
}

// Series are large and immutable once read: views share them.
using MetricSeriesPtr = std::shared_ptr<const MetricSeries>;
using MetricSeriesList = QList<MetricSeriesPtr>;

} // namespace Store

Q_DECLARE_METATYPE(Store::MetricSeriesPtr)
