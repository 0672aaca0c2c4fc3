#include "modelhealth.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace ModelHealth {

QList<LinkedRun> linkedRuns(const Store::RunTable &runs, const QString &model,
                            const Store::ModelVersionList &versions, QStringList *missingRunIds)
{
    QHash<int, QList<int>> versionsByRow;
    for (const Store::ModelVersion &version : versions) {
        // A version registered from an MLflow 3 logged model may name only the model's run.
        const QString &runId = version.runId.isEmpty() ? version.loggedModelRunId : version.runId;
        if (runId.isEmpty())
            continue;
        const int row = runs.indexOfRun(runId);
        if (row < 0) {
            if (missingRunIds && !missingRunIds->contains(runId))
                missingRunIds->append(runId);
            continue;
        }
        versionsByRow[row].append(version.version);
    }
    const int modelTag = runs.tagKeyIndex(QLatin1String(ModelNameTag));
    QList<LinkedRun> result;
    for (int row = 0; row < runs.size(); ++row) {
        const auto tag = modelTag >= 0 ? runs.tag(row, modelTag) : std::nullopt;
        const bool isEvaluation = tag && *tag == model;
        const auto found = versionsByRow.constFind(row);
        if (!isEvaluation && found == versionsByRow.cend())
            continue;
        LinkedRun linked;
        linked.row = row;
        linked.isEvaluation = isEvaluation;
        if (found != versionsByRow.cend()) {
            linked.versions = *found;
            std::sort(linked.versions.begin(), linked.versions.end());
        }
        result.append(linked);
    }
    return result;
}

QStringList metricKeys(const Store::RunTable &runs, const QList<LinkedRun> &linked)
{
    QSet<int> keys;
    for (const LinkedRun &run : linked) {
        for (const auto &entry : runs.metrics(run.row))
            keys.insert(entry.key);
    }
    QStringList result;
    for (const int key : keys)
        result.append(runs.metricKeys().at(key));
    std::sort(result.begin(), result.end());
    return result;
}

bool isPast(double value, const Threshold &threshold)
{
    if (std::isnan(value))
        return false;
    return threshold.direction == Direction::HigherIsBetter ? value < threshold.value
                                                            : value > threshold.value;
}

QList<Point> points(const Store::RunTable &runs, const QList<LinkedRun> &linked, const QString &metricKey,
                    const std::optional<Threshold> &threshold)
{
    QList<Point> result;
    const int key = runs.metricKeyIndex(metricKey);
    if (key < 0)
        return result;
    for (const LinkedRun &run : linked) {
        const Store::LatestMetric *metric = runs.metric(run.row, key);
        if (!metric)
            continue;
        const Store::RunAttributes &attributes = runs.run(run.row);
        Point point;
        point.runId = attributes.runId;
        point.runName = attributes.runName;
        point.versions = run.versions;
        point.isEvaluation = run.isEvaluation;
        point.timestamp = metric->timestamp;
        point.step = metric->step;
        point.isNan = metric->isNan;
        point.value = metric->isNan ? std::nan("") : metric->value;
        point.needsRetraining = threshold && isPast(point.value, *threshold);
        result.append(point);
    }
    std::sort(result.begin(), result.end(), [](const Point &a, const Point &b) {
        return a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.runId < b.runId;
    });
    return result;
}

} // namespace ModelHealth
