#pragma once

#include "curvedata.h"
#include "curvemath.h"
#include "metricseries.h"
#include "storetypes.h"

#include <functional>
#include <map>
#include <memory>
#include <tuple>

// One run's metric as the charts show it: the stored series, and the lines drawn from it for
// each x axis, smoothing and y scale, built on first use and kept. A line is ordered by its x
// (steps as stored; by time, a time-ordered copy when the timestamps are not ascending).
class MetricCurve
{
public:
    // `runStartTime` (ms) is the origin of the relative-time axis; NoTime: the first timestamp.
    explicit MetricCurve(Store::MetricSeriesPtr series, qint64 runStartTime = Store::NoTime);

    const Store::MetricSeries &series() const { return *m_series; }
    const Store::MetricSeriesPtr &seriesPtr() const { return m_series; }
    QString runId() const { return m_series->runId; }
    QString key() const { return m_series->key; }
    // Origin of the relative-time axis, in ms.
    qint64 startTime() const { return m_startTime; }

    struct LineOptions
    {
        CurveMath::XAxis xAxis = CurveMath::XAxis::Step;
        double smoothing = 0; // 0: the raw values
        bool logY = false; // values <= 0 become gaps
        auto tie() const { return std::tie(xAxis, smoothing, logY); }
        bool operator<(const LineOptions &other) const { return tie() < other.tie(); }
    };
    // The line for these options; the reference stays valid until clearLines() or a line of
    // another smoothing weight is asked for (one smoothed line is kept at a time).
    const CurveData &line(const LineOptions &options);

    // The same in three steps, so that a line (O(N) to build) is built away from the thread
    // that owns the curve: take a builder there, run it on any thread (it touches nothing of
    // the curve), hand its result to adoptLine() back there.
    struct Ordered
    {
        std::vector<qint64> steps, timestamps;
        std::vector<double> values;
    };
    struct PreparedLine
    {
        LineOptions key;
        bool sortedByTime = false; // the builder found the time order; byTime holds it
        std::shared_ptr<const Ordered> byTime;
        CurveData data;
    };
    bool hasLine(const LineOptions &options) const;
    std::function<PreparedLine()> lineBuilder(const LineOptions &options) const;
    const CurveData &adoptLine(PreparedLine line);
    qsizetype size() const { return m_series->size(); }

    // Drops the derived lines (keeps the series).
    void clearLines() { m_lines.clear(); }
    // True when the series has values <= 0 that a log scale cannot show.
    bool hasNonPositiveValues() const { return m_hasNonPositive; }

    // Bytes of the series and everything derived from it.
    qint64 memoryFootprint() const;

private:
    LineOptions normalized(const LineOptions &options) const;
    // The points in time order, null when the stored order is time order already.
    static std::shared_ptr<const Ordered> sortedByTime(const Store::MetricSeries &s);

    Store::MetricSeriesPtr m_series;
    qint64 m_startTime = 0;
    bool m_hasNonPositive = false;
    std::shared_ptr<const Ordered> m_byTime; // null while stored order is time order
    bool m_checkedTimeOrder = false;
    std::map<LineOptions, CurveData> m_lines;
};
