#include "metriccurve.h"

#include <algorithm>
#include <limits>
#include <numeric>

MetricCurve::MetricCurve(Store::MetricSeriesPtr series, qint64 runStartTime) : m_series(std::move(series))
{
    const auto &ts = m_series->timestamps;
    if (runStartTime != Store::NoTime)
        m_startTime = runStartTime;
    else if (!ts.empty())
        m_startTime = *std::min_element(ts.begin(), ts.end());
    m_hasNonPositive = std::any_of(m_series->values.begin(), m_series->values.end(),
                                   [](double v) { return CurveData::isDrawable(v) && v <= 0; });
}

std::shared_ptr<const MetricCurve::Ordered> MetricCurve::sortedByTime(const Store::MetricSeries &s)
{
    if (std::is_sorted(s.timestamps.begin(), s.timestamps.end()))
        return nullptr;
    std::vector<quint32> order(size_t(s.size()));
    std::iota(order.begin(), order.end(), 0u);
    // Stable: points logged at the same time keep their step order.
    std::stable_sort(order.begin(), order.end(),
                     [&](quint32 a, quint32 b) { return s.timestamps[a] < s.timestamps[b]; });
    auto ordered = std::make_shared<Ordered>();
    ordered->steps.reserve(order.size());
    ordered->timestamps.reserve(order.size());
    ordered->values.reserve(order.size());
    for (quint32 i : order) {
        ordered->steps.push_back(s.steps[i]);
        ordered->timestamps.push_back(s.timestamps[i]);
        ordered->values.push_back(s.values[i]);
    }
    return ordered;
}

MetricCurve::LineOptions MetricCurve::normalized(const LineOptions &options) const
{
    LineOptions key = options;
    if (key.logY && !m_hasNonPositive)
        key.logY = false; // the same line
    if (key.xAxis == CurveMath::XAxis::RelativeTime)
        key.xAxis = CurveMath::XAxis::WallTime; // the same points; only the mapping differs
    return key;
}

bool MetricCurve::hasLine(const LineOptions &options) const
{
    return m_lines.find(normalized(options)) != m_lines.end();
}

const CurveData &MetricCurve::line(const LineOptions &options)
{
    if (auto it = m_lines.find(normalized(options)); it != m_lines.end())
        return it->second;
    return adoptLine(lineBuilder(options)());
}

std::function<MetricCurve::PreparedLine()> MetricCurve::lineBuilder(const LineOptions &options) const
{
    return [series = m_series, key = normalized(options), byTime = m_byTime, checked = m_checkedTimeOrder] {
        PreparedLine out;
        out.key = key;
        std::vector<std::shared_ptr<const void>> owners {series};
        std::span<const qint64> x = series->steps;
        std::span<const double> y = series->values;
        if (key.xAxis == CurveMath::XAxis::WallTime) {
            out.byTime = checked ? byTime : sortedByTime(*series);
            out.sortedByTime = !checked;
            x = series->timestamps;
            if (out.byTime) {
                owners.push_back(out.byTime);
                x = out.byTime->timestamps;
                y = out.byTime->values;
            }
        }
        if (key.smoothing > 0 || key.logY) {
            auto derived = std::make_shared<std::vector<double>>(
                key.smoothing > 0 ? CurveMath::smoothed(y, key.smoothing)
                                  : std::vector<double>(y.begin(), y.end()));
            if (key.logY) {
                for (double &v : *derived) {
                    if (CurveData::isDrawable(v) && v <= 0)
                        v = std::numeric_limits<double>::quiet_NaN();
                }
            }
            owners.push_back(derived);
            y = *derived;
        }
        // A reduced series stands for more rows only on the axis and values it was reduced for
        // (steps, raw); other lines of it are drawn from the rows it has until it is read whole.
        std::span<const quint32> weights;
        if (key.xAxis == CurveMath::XAxis::Step && key.smoothing == 0)
            weights = series->weights;
        out.data = CurveData(x, y, weights, std::move(owners));
        return out;
    };
}

const CurveData &MetricCurve::adoptLine(PreparedLine line)
{
    if (auto it = m_lines.find(line.key); it != m_lines.end())
        return it->second; // adopted already
    if (line.sortedByTime && !m_checkedTimeOrder) {
        m_byTime = line.byTime;
        m_checkedTimeOrder = true;
    }
    // One smoothed line at a time: dragging the slider would otherwise keep a copy per value.
    // (The caller holds no reference across a change of smoothing.)
    if (line.key.smoothing > 0)
        std::erase_if(m_lines, [](const auto &entry) { return entry.first.smoothing > 0; });
    return m_lines.emplace(line.key, std::move(line.data)).first->second;
}

qint64 MetricCurve::memoryFootprint() const
{
    qint64 bytes = m_series->memoryFootprint();
    if (m_byTime)
        bytes += qint64(m_byTime->values.capacity()) * 24;
    for (const auto &[options, line] : m_lines) {
        bytes += line.memoryFootprint();
        if (options.smoothing > 0 || options.logY)
            bytes += qint64(line.size() * sizeof(double));
    }
    return bytes;
}
