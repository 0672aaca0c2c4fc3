#include "pixelreduction.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Store::PixelReduction {

namespace {

constexpr double Huge = std::numeric_limits<double>::max();

bool rowLess(const Row &a, const Row &b)
{
    return seriesRowLess(a.step, a.timestamp, a.value, b.step, b.timestamp, b.value);
}

Row rowAt(const MetricSeries &s, qsizetype i)
{
    return {s.steps[size_t(i)], s.timestamps[size_t(i)], s.values[size_t(i)]};
}

// The summary of rows [first, last) of `s`, all in one group.
GroupSummary summarize(const MetricSeries &s, qsizetype first, qsizetype last, qint64 group, bool logY)
{
    GroupSummary summary;
    summary.group = group;
    summary.rows = last - first;
    summary.first = rowAt(s, first);
    summary.last = rowAt(s, last - 1);
    summary.allDrawable = true;
    for (qsizetype i = first; i < last; ++i) {
        const double v = s.values[size_t(i)];
        if (!isDrawable(v, logY)) {
            summary.allDrawable = false;
            summary.anyInfinite |= isInfinite(v);
            continue;
        }
        summary.anyDrawable = true;
        // Strictly smaller or larger: ties keep the earliest row.
        if (!summary.min || v < summary.min->value)
            summary.min = rowAt(s, i);
        if (!summary.max || v > summary.max->value)
            summary.max = rowAt(s, i);
    }
    return summary;
}

} // namespace

qint64 columnOf(const PixelColumns &columns, qint64 step)
{
    // The chart's CurveXMapping::map() then pixelColumn(): the same operations in the same order.
    const double px = (double(step) - columns.origin) * columns.scale + columns.offset;
    return qint64(std::floor(px));
}

qint64 groupOf(const PixelColumns &columns, qint64 step)
{
    // As ChartFrame::fitY() bounds the range: x >= fitFrom and x <= fitTo.
    const auto x = double(step);
    return columnOf(columns, step) * 4 + (x >= columns.fitFrom ? 1 : 0) + (x > columns.fitTo ? 1 : 0);
}

std::optional<std::pair<qint64, qint64>> stepRange(const PixelColumns &columns)
{
    if (!columns.isValid())
        return std::nullopt;
    // reduceCurve() takes the rows from lowerBound(unmap(left)) to upperBound(unmap(right)),
    // comparing double(step) with those values: the same bounds, in the same arithmetic.
    const auto unmap = [&](double px) { return (px - columns.offset) / columns.scale + columns.origin; };
    const double from = unmap(double(columns.left));
    const double to = unmap(double(columns.right));
    if (!(from > -9e15 && to < 9e15)) // beyond exact integers in a double
        return std::nullopt;
    auto low = qint64(std::ceil(from));
    auto high = qint64(std::floor(to));
    while (double(low - 1) >= from)
        --low;
    while (double(low) < from)
        ++low;
    while (double(high + 1) <= to)
        ++high;
    while (double(high) > to)
        --high;
    return std::pair(low, high);
}

PixelColumns overviewColumns(qint64 firstStep, qint64 lastStep, qint64 count, bool logY)
{
    PixelColumns columns;
    columns.origin = double(firstStep);
    const double span = double(lastStep) - double(firstStep) + 1;
    columns.scale = double(count) / span;
    columns.left = 0;
    columns.right = count;
    columns.logY = logY;
    // Rounding must not push the last step past the last column.
    while (columnOf(columns, lastStep) >= columns.right)
        columns.scale = std::nextafter(columns.scale, 0.0);
    return columns;
}

bool isDrawable(double value, bool logY)
{
    return value < Huge && value > (logY ? 0.0 : -Huge); // false for NaN
}

bool isInfinite(double value)
{
    return value >= Huge || value <= -Huge;
}

Kind kindOf(double value, bool logY)
{
    if (value >= Huge)
        return Kind::PlusInfinity;
    if (value <= -Huge)
        return Kind::MinusInfinity;
    return isDrawable(value, logY) ? Kind::Point : Kind::Gap; // NaN too
}

std::vector<Row> keptOfMixedGroup(const std::vector<Row> &rows, bool logY)
{
    std::vector<Row> kept;
    size_t i = 0;
    std::optional<Kind> previous; // of the row before, when no point
    while (i < rows.size()) {
        const Kind kind = kindOf(rows[i].value, logY);
        if (kind != Kind::Point) {
            if (kind != previous)
                kept.push_back(rows[i]);
            previous = kind;
            ++i;
            continue;
        }
        previous.reset();
        size_t end = i;
        size_t min = i, max = i;
        while (end < rows.size() && kindOf(rows[end].value, logY) == Kind::Point) {
            if (rows[end].value < rows[min].value)
                min = end;
            if (rows[end].value > rows[max].value)
                max = end;
            ++end;
        }
        std::vector<size_t> picks {i, min, max, end - 1};
        std::sort(picks.begin(), picks.end());
        picks.erase(std::unique(picks.begin(), picks.end()), picks.end());
        for (size_t pick : picks)
            kept.push_back(rows[pick]);
        i = end;
    }
    return kept;
}

bool summaryIsEnough(const GroupSummary &summary)
{
    return summary.allDrawable || (!summary.anyDrawable && !summary.anyInfinite);
}

bool drawsEveryRow(const PixelColumns &columns, qint64 visibleRows)
{
    // CurveReducer keeps every point when there are at most four a column of the range (with
    // the two columns beside it): see reduceCurve().
    return visibleRows <= 4 * (columns.width() + 2);
}

Builder::Builder(const QString &runId, const QString &key)
{
    m_series.runId = runId;
    m_series.key = key;
}

void Builder::append(const Row &row, quint32 weight)
{
    m_series.steps.push_back(row.step);
    m_series.timestamps.push_back(row.timestamp);
    m_series.values.push_back(row.value);
    m_series.weights.push_back(weight);
}

void Builder::addNeighbour(const Row &row)
{
    append(row, 1);
}

void Builder::addSummary(const GroupSummary &summary)
{
    std::vector<Row> kept {summary.first, summary.last};
    if (summary.min)
        kept.push_back(*summary.min);
    if (summary.max)
        kept.push_back(*summary.max);
    std::sort(kept.begin(), kept.end(), rowLess);
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    // The rows left out count on the first kept row, so that a range from any kept row on counts
    // what lies after it: a chart counts the rows in view from the last row left of it.
    const auto rest = quint32(std::max<qint64>(0, summary.rows - qint64(kept.size())));
    for (size_t i = 0; i < kept.size(); ++i)
        append(kept[i], i == 0 ? 1 + rest : 1);
}

void Builder::addRows(const std::vector<Row> &rows, qint64 groupRows)
{
    const auto rest = quint32(std::max<qint64>(0, groupRows - qint64(rows.size())));
    for (size_t i = 0; i < rows.size(); ++i)
        append(rows[i], i == 0 ? 1 + rest : 1);
}

MetricSeries Builder::take()
{
    m_series.tail = tailAfter({}, m_series, -1);
    m_series.tail.position = -1; // a reduction is no tail to append to
    if (m_series.isEmpty())
        m_series.weights.clear();
    return std::move(m_series);
}

MetricSeries merge(const MetricSeries &coarse, MetricSeries fine)
{
    if (fine.isEmpty() || coarse.isEmpty())
        return fine.isEmpty() ? coarse : fine;
    const Row first = rowAt(fine, 0), last = rowAt(fine, fine.size() - 1);
    MetricSeries merged;
    merged.runId = fine.runId;
    merged.key = fine.key;
    merged.tail = fine.tail;
    const auto copy = [&](const MetricSeries &from, qsizetype i) {
        merged.steps.push_back(from.steps[size_t(i)]);
        merged.timestamps.push_back(from.timestamps[size_t(i)]);
        merged.values.push_back(from.values[size_t(i)]);
        merged.weights.push_back(from.weights.empty() ? 1 : from.weights[size_t(i)]);
    };
    qsizetype i = 0;
    for (; i < coarse.size() && rowLess(rowAt(coarse, i), first); ++i)
        copy(coarse, i);
    for (qsizetype j = 0; j < fine.size(); ++j)
        copy(fine, j);
    for (; i < coarse.size(); ++i) {
        if (rowLess(last, rowAt(coarse, i)))
            copy(coarse, i);
    }
    return merged;
}

MetricSeries reduceForColumns(const MetricSeries &full, const PixelColumns &columns)
{
    Builder builder(full.runId, full.key);
    const auto range = stepRange(columns);
    if (!range)
        return builder.take();
    const auto firstIn = qsizetype(std::lower_bound(full.steps.begin(), full.steps.end(), range->first)
                                   - full.steps.begin());
    const auto lastIn = qsizetype(std::upper_bound(full.steps.begin(), full.steps.end(), range->second)
                                  - full.steps.begin());
    if (firstIn > 0)
        builder.addNeighbour(rowAt(full, firstIn - 1));
    const bool everyRow = drawsEveryRow(columns, lastIn - firstIn + (firstIn > 0) + (lastIn < full.size()));
    for (qsizetype start = firstIn; start < lastIn;) {
        const qint64 group = groupOf(columns, full.steps[size_t(start)]);
        qsizetype end = start + 1;
        while (end < lastIn && groupOf(columns, full.steps[size_t(end)]) == group)
            ++end;
        const GroupSummary summary = summarize(full, start, end, group, columns.logY);
        if (!everyRow && summaryIsEnough(summary)) {
            builder.addSummary(summary);
        } else {
            std::vector<Row> rows;
            for (qsizetype i = start; i < end; ++i)
                rows.push_back(rowAt(full, i));
            builder.addRows(everyRow ? rows : keptOfMixedGroup(rows, columns.logY), summary.rows);
        }
        start = end;
    }
    if (lastIn < full.size())
        builder.addNeighbour(rowAt(full, lastIn));
    return builder.take();
}

} // namespace Store::PixelReduction
