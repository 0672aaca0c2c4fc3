#pragma once

#include "metricseries.h"

#include <optional>
#include <utility>
#include <vector>

namespace Store {

// Reducing a series to the rows a chart's pixel columns need (PixelColumns), in pieces a backend
// can compute where the rows are (a database server) and assemble here, and as a whole from every
// row (reduceForColumns(), what the server's answer must equal).
namespace PixelReduction {

// One stored row; NaN rows have a NaN value.
struct Row
{
    qint64 step = 0;
    qint64 timestamp = 0;
    double value = 0;
    bool operator==(const Row &other) const
    {
        return step == other.step && timestamp == other.timestamp
            && (value == other.value || (value != value && other.value != other.value));
    }
};

// The column of `step`, exactly as the chart computes it (floor((step - origin) * scale + offset)).
qint64 columnOf(const PixelColumns &columns, qint64 step);
// The group of `step`: its column, split where the chart's fitted range begins and ends (see
// PixelColumns). Groups ascend with steps.
qint64 groupOf(const PixelColumns &columns, qint64 step);
// The first and last step a chart reduces with the series' rows in view (those whose x lies in the
// pixel range [left, right] as CurveXMapping::unmap() gives it): last < first when no integer step
// does (the line only crosses the columns); nullopt when `columns` is invalid or out of range.
std::optional<std::pair<qint64, qint64>> stepRange(const PixelColumns &columns);
// Columns over a series' whole step range [firstStep, lastStep], about `count` of them: an overview
// to draw until a chart knows its own columns.
PixelColumns overviewColumns(qint64 firstStep, qint64 lastStep, qint64 count, bool logY);

// Whether a value is drawn as a point of a line (finite, not MLflow's +/-DBL_MAX, positive on a
// log scale), or is an infinity marked at an edge; anything else is a gap.
bool isDrawable(double value, bool logY);
bool isInfinite(double value);
// What a row is to a chart: a point, a gap, or an infinity marked at the top or the bottom.
enum class Kind { Point, Gap, PlusInfinity, MinusInfinity };
Kind kindOf(double value, bool logY);

// What a backend tells of the rows of one group (groupOf()).
struct GroupSummary
{
    qint64 group = 0;
    qint64 rows = 0;
    Row first, last; // in the series' order
    std::optional<Row> min, max; // of the drawable rows; ties: the earliest
    bool allDrawable = false;
    bool anyDrawable = false;
    bool anyInfinite = false;
};

// Whether the group's first, last, smallest and largest rows draw it (every row drawable), or its
// first and last (every row a gap); otherwise keptOfMixedGroup() says which rows are needed.
bool summaryIsEnough(const GroupSummary &summary);
// Of a group whose values mix points with gaps or infinities, in order: each row that is no point
// and begins a stretch of such rows or changes their kind (a chart draws one break, and one marker
// a kind, for a stretch), and the first, last, smallest and largest row of each run of points
// between them (ties: the earliest).
std::vector<Row> keptOfMixedGroup(const std::vector<Row> &rows, bool logY);
// Whether the rows in view are so few that a chart draws them all (CurveReducer's rule):
// `visibleRows` in the columns, plus the neighbours outside that exist.
bool drawsEveryRow(const PixelColumns &columns, qint64 visibleRows);

// Builds a reduced series group by group, in order.
class Builder
{
public:
    Builder(const QString &runId, const QString &key);
    // The last row left of the columns, or the first right of them: weight 1.
    void addNeighbour(const Row &row);
    // A group its summary draws (summaryIsEnough()).
    void addSummary(const GroupSummary &summary);
    // Rows of a group, in order, which has `groupRows` rows in all (the rest count on the first).
    void addRows(const std::vector<Row> &rows, qint64 groupRows);
    MetricSeries take();

private:
    void append(const Row &row, quint32 weight);

    MetricSeries m_series;
};

// `fine` (a reduction for a chart's columns) with the rows of `coarse` (an earlier reduction of the
// same series) left and right of it, so that a chart panned past `fine` still has a line to draw.
MetricSeries merge(const MetricSeries &coarse, MetricSeries fine);

// The reduction of `full` (every row of a series, in order) for `columns`: what
// MlflowStore::readReducedSeries() delivers.
MetricSeries reduceForColumns(const MetricSeries &full, const PixelColumns &columns);

} // namespace PixelReduction

} // namespace Store
