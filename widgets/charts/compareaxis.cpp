#include "compareaxis.h"

#include "runformat.h"

#include <QCollator>

#include <algorithm>
#include <cmath>

using namespace RunDiff;

namespace {

// MLflow stores ±inf as ±1.7976931348623157e308: no place on a scaled axis.
bool isPlottable(double value)
{
    return std::isfinite(value) && std::abs(value) < 1e300;
}

constexpr double LogSpan = 100; // max / min from which a positive axis is logarithmic

} // namespace

QString compactNumber(double value)
{
    if (value == 0)
        return QStringLiteral("0");
    return QString::number(value, 'g', 4);
}

double CompareAxis::position(double value) const
{
    if (max <= min)
        return 0.5;
    if (logScale)
        return (std::log10(value) - std::log10(min)) / (std::log10(max) - std::log10(min));
    return (value - min) / (max - min);
}

std::optional<double> CompareAxis::positionOfRun(int run) const
{
    if (run < 0 || run >= values.size() || !values[run])
        return std::nullopt;
    return position(*values[run]);
}

double CompareAxis::valueAt(double p) const
{
    if (max <= min)
        return min;
    if (logScale)
        return std::pow(10.0, std::log10(min) + p * (std::log10(max) - std::log10(min)));
    return min + p * (max - min);
}

QList<std::pair<double, QString>> CompareAxis::ticks() const
{
    QList<std::pair<double, QString>> result;
    if (categorical) {
        for (int i = 0; i < categories.size(); ++i)
            result.append({position(i), categories[i]});
        return result;
    }
    if (std::none_of(values.cbegin(), values.cend(), [](const auto &v) { return v.has_value(); }))
        return result;
    if (max <= min) {
        result.append({0.5, compactNumber(min)});
        return result;
    }
    if (logScale) {
        // Decades (1e-3, 1e-2 ...): the ticks a log scale is read by.
        for (double e = std::ceil(std::log10(min) - 1e-9); e <= std::log10(max) + 1e-9; ++e) {
            const double value = std::pow(10.0, e);
            result.append({position(value), compactNumber(value)});
        }
        if (result.size() >= 2)
            return result;
        result.clear();
    }
    for (int i = 0; i <= 4; ++i)
        result.append({i / 4.0, compactNumber(valueAt(i / 4.0))});
    return result;
}

QStringList CompareAxis::availableKeys(const Diff &diff)
{
    QStringList keys;
    for (const TextRow &row : diff.params)
        keys.append(keyOfParam(row.key));
    keys += metricKeys(diff);
    return keys;
}

QStringList CompareAxis::metricKeys(const Diff &diff)
{
    QStringList keys;
    for (const MetricRow &row : diff.metrics)
        keys.append(keyOfMetric(row.key));
    return keys;
}

QStringList CompareAxis::defaultKeys(const Diff &diff, int metricCount)
{
    QStringList keys;
    for (const TextRow &row : diff.params) {
        if (row.differs && row.numeric)
            keys.append(keyOfParam(row.key));
    }
    // Metrics that vary, held-out ones first (val_, test_, eval_), never one that repeats a
    // param (a logged learning_rate schedule).
    QStringList heldOut, varying, constant;
    for (const MetricRow &row : diff.metrics) {
        if (std::any_of(diff.params.cbegin(), diff.params.cend(),
                        [&](const TextRow &p) { return p.key == row.key; }))
            continue;
        const CompareAxis axis = make(diff, keyOfMetric(row.key));
        const qsizetype present = std::count_if(axis.values.cbegin(), axis.values.cend(),
                                                [](const auto &v) { return v.has_value(); });
        const QString lower = row.key.toLower();
        const bool isHeldOut = lower.startsWith(QLatin1String("val"))
            || lower.startsWith(QLatin1String("test")) || lower.startsWith(QLatin1String("eval"));
        if (present >= 2 && axis.max > axis.min)
            (isHeldOut ? heldOut : varying).append(axis.key);
        else if (present >= 1)
            constant.append(axis.key);
    }
    keys += (heldOut + varying + constant).mid(0, metricCount);
    return keys;
}

CompareAxis CompareAxis::make(const Diff &diff, const QString &key)
{
    CompareAxis axis;
    axis.key = key;
    const qsizetype runs = diff.runs.size();
    axis.values.resize(runs);
    axis.texts.fill(QString(MissingMark), runs);
    if (key.startsWith(QLatin1String("metrics."))) {
        axis.title = key.mid(8);
        for (const MetricRow &row : diff.metrics) {
            if (row.key != axis.title)
                continue;
            for (qsizetype i = 0; i < runs && i < row.values.size(); ++i) {
                if (!row.values[i])
                    continue;
                axis.texts[i] = RunFormat::metricValue(row.values[i]->latest);
                if (isPlottable(row.values[i]->latest))
                    axis.values[i] = row.values[i]->latest;
            }
        }
    } else if (key.startsWith(QLatin1String("params."))) {
        axis.title = key.mid(7);
        for (const TextRow &row : diff.params) {
            if (row.key != axis.title)
                continue;
            axis.categorical = !row.numeric;
            if (axis.categorical) {
                for (const Value &v : row.values) {
                    if (v && !axis.categories.contains(*v))
                        axis.categories.append(*v);
                }
                QCollator collator;
                collator.setNumericMode(true);
                std::sort(axis.categories.begin(), axis.categories.end(), collator);
            }
            for (qsizetype i = 0; i < runs && i < row.values.size(); ++i) {
                const Value &v = row.values[i];
                if (!v)
                    continue;
                axis.texts[i] = *v;
                if (axis.categorical) {
                    axis.values[i] = double(axis.categories.indexOf(*v));
                } else if (const auto number = parseNumber(*v); number && isPlottable(*number)) {
                    axis.values[i] = *number;
                }
            }
        }
    } else {
        axis.title = key;
    }
    if (axis.categorical) {
        axis.min = 0;
        axis.max = std::max<double>(0, axis.categories.size() - 1);
        return axis;
    }
    bool first = true;
    for (const auto &v : std::as_const(axis.values)) {
        if (!v)
            continue;
        axis.min = first ? *v : std::min(axis.min, *v);
        axis.max = first ? *v : std::max(axis.max, *v);
        first = false;
    }
    axis.logScale = !first && axis.min > 0 && axis.max / axis.min >= LogSpan;
    return axis;
}
