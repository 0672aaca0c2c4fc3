#include "curvemath.h"

#include "curvedata.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace CurveMath {

std::vector<double> smoothed(std::span<const double> values, double weight)
{
    weight = std::clamp(weight, 0.0, 0.999);
    std::vector<double> out(values.begin(), values.end());
    if (weight == 0)
        return out;
    double last = 0;
    double decay = 1; // weight^n
    for (double &v : out) {
        if (!CurveData::isDrawable(v))
            continue;
        last = last * weight + (1 - weight) * v;
        decay *= weight;
        v = last / (1 - decay);
    }
    return out;
}

std::pair<double, double> quantileRange(std::span<const std::span<const double>> series, double lowQuantile,
                                        double highQuantile, qsizetype sampleLimit)
{
    qsizetype total = 0;
    for (const std::span<const double> &s : series)
        total += qsizetype(s.size());
    const qsizetype stride
        = std::max<qsizetype>(1, (total + sampleLimit - 1) / std::max<qsizetype>(sampleLimit, 1));
    std::vector<double> sample;
    sample.reserve(size_t(std::min(total, sampleLimit) + 1));
    for (const std::span<const double> &s : series) {
        for (size_t i = 0; i < s.size(); i += size_t(stride)) {
            if (CurveData::isDrawable(s[i]))
                sample.push_back(s[i]);
        }
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (sample.empty())
        return {nan, nan};
    const auto rank = [&](double q) {
        return size_t(
            std::clamp(std::llround(q * double(sample.size() - 1)), 0LL, qint64(sample.size() - 1)));
    };
    const size_t lo = rank(lowQuantile), hi = rank(highQuantile);
    std::nth_element(sample.begin(), sample.begin() + qsizetype(lo), sample.end());
    const double low = sample[lo];
    std::nth_element(sample.begin() + qsizetype(lo), sample.begin() + qsizetype(hi), sample.end());
    return {low, sample[hi]};
}

XAxis xAxisFromName(const QString &name, bool *ok)
{
    if (ok)
        *ok = true;
    if (name == QLatin1String("wall"))
        return XAxis::WallTime;
    if (name == QLatin1String("relative"))
        return XAxis::RelativeTime;
    if (ok)
        *ok = name == QLatin1String("step");
    return XAxis::Step;
}

QString xAxisName(XAxis axis)
{
    switch (axis) {
    case XAxis::WallTime:
        return QStringLiteral("wall");
    case XAxis::RelativeTime:
        return QStringLiteral("relative");
    case XAxis::Step:
        break;
    }
    return QStringLiteral("step");
}

TimeUnit relativeTimeUnit(double spanMilliseconds)
{
    if (spanMilliseconds >= 2 * 3600'000.0)
        return {3600'000.0, QCoreApplication::translate("CurveMath", "h")};
    if (spanMilliseconds >= 2 * 60'000.0)
        return {60'000.0, QCoreApplication::translate("CurveMath", "min")};
    return {1000.0, QCoreApplication::translate("CurveMath", "s")};
}

} // namespace CurveMath
