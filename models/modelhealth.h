#pragma once

#include "registrytypes.h"
#include "runtable.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// A registered model's health over time: the runs its versions were registered from, and the
// runs tagged model_name = <the model> (evaluations a scheduler logs against it), each with the
// latest value of one metric at that value's timestamp. A threshold marks the values past it as
// "needs retraining". Pure functions over a RunTable; ModelHealthLoader reads the table.
namespace ModelHealth {

// The run tag that names the model an evaluation run scored.
inline constexpr char ModelNameTag[] = "model_name";

enum class Direction { HigherIsBetter, LowerIsBetter };

struct Threshold
{
    double value = 0;
    Direction direction = Direction::HigherIsBetter;
};

// A run of the table that belongs to the model.
struct LinkedRun
{
    int row = -1; // in the RunTable
    QList<int> versions; // versions registered from it, ascending; empty for an evaluation only
    bool isEvaluation = false; // tagged model_name = the model
};

struct Point
{
    QString runId;
    QString runName;
    QList<int> versions;
    bool isEvaluation = false;
    qint64 timestamp = 0; // of the metric's latest value, ms
    qint64 step = 0;
    double value = 0; // NaN when isNan; +/-inf stored by MLflow as +/-DBL_MAX stays so
    bool isNan = false;
    bool needsRetraining = false; // past the threshold
};

// The model's runs in `runs`, in table order. A version's run is its run_id, else the source run
// of the logged model it was registered from. Versions whose run is not in the table (another
// store, a deleted run) are left out; `missingRunIds`, when given, receives their run ids.
QList<LinkedRun> linkedRuns(const Store::RunTable &runs, const QString &model,
                            const Store::ModelVersionList &versions, QStringList *missingRunIds = nullptr);
// The metric keys at least one linked run has, sorted.
QStringList metricKeys(const Store::RunTable &runs, const QList<LinkedRun> &linked);
// Whether `value` is past the threshold: below it when higher is better, above it when lower is
// better. The threshold itself is not past it; NaN never is (it is no measurement).
bool isPast(double value, const Threshold &threshold);
// One point per linked run that has `metricKey`, by timestamp, then run id. Without a threshold
// nothing needs retraining.
QList<Point> points(const Store::RunTable &runs, const QList<LinkedRun> &linked, const QString &metricKey,
                    const std::optional<Threshold> &threshold = std::nullopt);

} // namespace ModelHealth

// What ModelHealthLoader hands over: the table it read and the model's runs in it.
struct ModelHealthData
{
    QString model;
    Store::RunTable runs;
    QList<ModelHealth::LinkedRun> linked;
    QStringList metricKeys;
    QStringList missingRunIds; // of versions whose run the store does not hold (or holds deleted)

    QList<ModelHealth::Point> points(const QString &metricKey,
                                     const std::optional<ModelHealth::Threshold> &threshold
                                     = std::nullopt) const
    {
        return ModelHealth::points(runs, linked, metricKey, threshold);
    }
};

Q_DECLARE_METATYPE(ModelHealthData)
