#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>

namespace Store {

// Times are milliseconds since the Unix epoch (UTC), as MLflow stores them.
inline constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

// Which lifecycle stages a read includes (MLflow's ViewType).
enum class ViewType { ActiveOnly, DeletedOnly, All };

using KeyValueList = QList<std::pair<QString, QString>>; // in key order

struct Experiment
{
    QString id; // a string everywhere: SQL ids are small ints, file-store ids 18 digits
    QString name;
    QString artifactLocation;
    QString lifecycleStage;
    qint64 creationTime = NoTime;
    qint64 lastUpdateTime = NoTime;
    int runCount = 0; // runs of the requested view type
    QString description; // experiment tag mlflow.note.content
    KeyValueList tags; // every experiment tag, the note included

    bool isDeleted() const { return lifecycleStage == QLatin1String("deleted"); }
};
using ExperimentList = QList<Experiment>;

struct MetricPoint
{
    qint64 step = 0;
    qint64 timestamp = 0;
    double value = 0; // NaN when MLflow stored is_nan=1
};

struct MetricHistory
{
    QString runId;
    QString key;
    QList<MetricPoint> points; // ordered by step, then timestamp, then value
};

struct DatasetInput
{
    QString name;
    QString digest;
    QString sourceType;
    QString source;
    QString context; // input tag mlflow.data.context
    QString schema; // JSON as MLflow stored it (datasets.dataset_schema); empty when none
    QString profile; // JSON (datasets.dataset_profile); empty when none
};
using DatasetInputList = QList<DatasetInput>;

// Which runs to read.
struct RunQuery
{
    QStringList experimentIds; // empty: every experiment
    ViewType view = ViewType::ActiveOnly;
    int limit = -1; // >= 0: only the first `limit` runs in MLflow's default order
};

// Lets a long read stop between chunks; set from any thread.
using CancelFlag = std::atomic_bool;
// done/total in arbitrary units; called on the reading thread.
using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// Well-known MLflow tag keys.
namespace Tags {
inline constexpr char RunName[] = "mlflow.runName";
inline constexpr char ParentRunId[] = "mlflow.parentRunId";
inline constexpr char Note[] = "mlflow.note.content";
inline constexpr char User[] = "mlflow.user";
inline constexpr char SourceName[] = "mlflow.source.name";
inline constexpr char SourceType[] = "mlflow.source.type";
} // namespace Tags

// MLflow stores +/-inf as +/-DBL_MAX; it is a sentinel, not a magnitude.
bool isInfinitySentinel(double value);

} // namespace Store

Q_DECLARE_METATYPE(Store::Experiment)
Q_DECLARE_METATYPE(Store::ExperimentList)
Q_DECLARE_METATYPE(Store::MetricHistory)
