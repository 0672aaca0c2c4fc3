#pragma once

#include "metricseries.h"
#include "runformat.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// The rules of comparing runs side by side (the compare view and `kaizen diff`): pure functions
// and plain values, no Qt models, no I/O.
namespace RunDiff {

// A value of one key in one run; nullopt when the run has no such key (which is not the same
// as an empty string).
using Value = std::optional<QString>;

// Parses a param or tag value as a number: C locale, finite, no surrounding blanks, so
// "0.0010" and "1e-3" are both 0.001 but " 1", "nan" and "1,5" are not numbers.
std::optional<double> parseNumber(const QString &text);

struct Comparison
{
    bool differs = false; // not all runs hold the same value (missing vs present differs)
    bool numeric = false; // every present value is a number, and they were compared as numbers
};
// Numeric comparison when every present value parses as a number, else exact string comparison.
Comparison compare(const QList<Value> &values);

// One param or tag key across the compared runs.
struct TextRow
{
    QString key;
    QList<Value> values; // one per run, in the order of Diff::runs
    bool differs = false;
    bool numeric = false;
};

// Which way a metric improves.
enum class Direction { Minimize, Maximize };
inline constexpr Direction DefaultDirection = Direction::Minimize;
// From the key's words: loss/error/rmse/mae/mse/perplexity/... minimize, acc/accuracy/f1/auc/
// precision/recall/r2/map/bleu/... maximize; the last such word of the key decides
// ("top1_acc_error" minimizes). Keys without one get DefaultDirection.
Direction directionForKey(const QString &key);
QString directionName(Direction direction); // "min" / "max", for files and the command line

// What the compare view shows of one metric of one run. min/max skip NaN; they are NaN when
// every stored point is NaN. Steps are those of the first point holding the min / max.
struct MetricStats
{
    double latest = 0; // MLflow's latest value (NaN when the latest point is NaN)
    qint64 latestStep = 0;
    double min = 0;
    double max = 0;
    qint64 minStep = 0;
    qint64 maxStep = 0;
    qint64 pointCount = 0; // 0: no history was read (min/max are then the latest value)

    qint64 bestStep(Direction direction) const
    {
        return direction == Direction::Minimize ? minStep : maxStep;
    }
    double bestValue(Direction direction) const { return direction == Direction::Minimize ? min : max; }
};
// min/max/steps of a whole history (the store's order: step, timestamp, value).
MetricStats summarize(const Store::MetricSeries &series, double latest, qint64 latestStep);

struct MetricRow
{
    QString key;
    QList<std::optional<MetricStats>> values; // one per run
};
// The index of the run whose latest value is best in `direction`, -1 if none. NaN and missing
// are never best; ties go to the first such run.
int bestRun(const QList<std::optional<MetricStats>> &values, Direction direction);
// The run the compare view stars: bestRun(), except -1 when two or more runs hold a number and
// those numbers are all equal (no run is better than another). `kaizen diff` keeps bestRun()
// for its best_run field, where a tie goes to the first run.
int distinctBestRun(const QList<std::optional<MetricStats>> &values, Direction direction);

// A value against a pinned baseline: absolute and relative difference.
struct Delta
{
    double absolute = 0;
    std::optional<double> percent; // nullopt when the baseline is 0
};
std::optional<Delta> delta(double value, double baseline); // nullopt when either is NaN
// "+0.002 (+20.0 %)", "−1.5 (−50.0 %)", "0 (0 %)".
QString deltaText(const Delta &delta);
// One part of a delta as the diff models hand it out: the absolute difference, the percentage
// (null when the baseline is 0) or the text; null without a delta.
enum class DeltaPart { Absolute, Percent, Text };
QVariant deltaData(const std::optional<Delta> &delta, DeltaPart part);

// A character-level difference of two texts (computed with dtl on code points): a run's long
// value against the first run's.
struct DiffSegment
{
    enum Kind { Same, Inserted, Removed };
    Kind kind = Same;
    QString text;
};
QList<DiffSegment> characterDiff(const QString &from, const QString &to);
// The same as HTML for a rich-text label: insertions underlined green, removals struck red.
QString characterDiffHtml(const QList<DiffSegment> &segments);

// A run as the compare view names it.
struct RunInfo
{
    QString runId;
    QString runName;
    QString experimentId;
    QString experimentName;
    QString location; // the store's path
    QString runKey {}; // its key in the run table (RunTreeModel::runKey()); empty: its id

    // The name shown: the run's name, else the start of its id.
    QString displayName() const { return RunFormat::runName(runName, runId); }
    // What its colour is made of: the run table's key, so that a run has one colour in every
    // view, and a run and its copy in another store have two.
    QString colorKey() const { return runKey.isEmpty() ? runId : runKey; }
};

// Everything compared, every key (equal ones included, so that a view can toggle "only
// differences" without recomputing). Keys are sorted.
struct Diff
{
    QList<RunInfo> runs;
    QList<TextRow> params;
    QList<MetricRow> metrics;
    QList<TextRow> tags;

    bool isEmpty() const { return runs.isEmpty(); }
};

// Short names telling the stores of the runs apart: the file name, with as many parent folders
// as it takes to make them differ, less a file name they all share ("a.db", "b.db"; "proj-a",
// "proj-b" for proj-a/mlflow.db and proj-b/mlflow.db). One per run; all empty when every run
// comes from the same store.
QStringList storeLabels(const QList<RunInfo> &runs);

// Builds the sorted, compared rows of one kind from per-run key/value maps.
QList<TextRow> textRows(const QList<QList<std::pair<QString, QString>>> &perRun);

// True for MLflow's own tags (mlflow.runName, mlflow.source.name ...).
bool isSystemTag(const QString &key);

// A table as text, for the clipboard and the command line.
struct TextTable
{
    QStringList header;
    QList<QStringList> rows;
};
QString toMarkdown(const TextTable &table);
QString toCsv(const TextTable &table); // RFC 4180, CRLF line ends

// Text of a value as shown and copied: the em dash for missing.
QString displayText(const Value &value);
inline constexpr QChar MissingMark = QChar(0x2014);

} // namespace RunDiff

Q_DECLARE_METATYPE(RunDiff::Diff)
