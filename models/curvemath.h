#pragma once

#include <QString>

#include <span>
#include <utility>
#include <vector>

// Pure functions behind the chart controls: smoothing, the outlier-ignoring y range, and the
// units of the time axes.
namespace CurveMath {

// TensorBoard's (and MLflow's) exponential moving average with start-up bias correction:
// last = last * w + (1 - w) * v; smoothed = last / (1 - w^n), n counting the finite values so
// far. Values that are not drawable (NaN, +/-inf, +/-DBL_MAX) pass through unchanged and do
// not enter the average. `weight` is clamped to [0, 0.999].
std::vector<double> smoothed(std::span<const double> values, double weight);

// The q-quantile (0..1) of the drawable values of `series`, by nearest rank over at most
// `sampleLimit` values taken at an even stride. Empty series: NaN.
std::pair<double, double> quantileRange(std::span<const std::span<const double>> series, double lowQuantile,
                                        double highQuantile, qsizetype sampleLimit = 1'000'000);

// The x axes a chart offers.
enum class XAxis { Step, WallTime, RelativeTime };
XAxis xAxisFromName(const QString &name, bool *ok = nullptr); // "step", "wall", "relative"
QString xAxisName(XAxis axis);

// Units for relative time, chosen so that the axis span reads in small numbers.
struct TimeUnit
{
    double milliseconds; // of one unit
    QString suffix; // "s", "min", "h"
};
TimeUnit relativeTimeUnit(double spanMilliseconds);

} // namespace CurveMath
