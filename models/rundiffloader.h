#pragma once

#include "rundiff.h"
#include "runtable.h"
#include "storeerror.h"
#include "storefactory.h"
#include "storetypes.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace RunDiff {

// One run to compare: a run id in a store. A caller that already holds the run's RunTable (the
// run table of the window) passes it with the row, which spares reading the runs again.
struct RunSource
{
    QString location; // any store location (Store::Location)
    QString runId;
    Store::RunTable table {}; // optional
    int row = -1; // the run's row in `table`; -1: read the store's runs to find it
    QString runKey {}; // its key in the run table, for its colour (RunInfo::runKey)
};

// What one run contributes to a diff, read and summarised.
struct RunSnapshot
{
    RunInfo info;
    QList<std::pair<QString, QString>> params;
    QList<std::pair<QString, QString>> tags;
    QList<std::pair<QString, MetricStats>> metrics;
};

// The run's params, tags and latest metrics from its table; min/max/steps are the latest value
// until summaries() fill them in.
RunSnapshot snapshotOf(const Store::RunTable &table, int row, const QString &location,
                       const QString &experimentName);
// The same source holding a table of its own run only, so that keeping it (a run pinned to the
// comparison while another store is open) does not keep its store's whole run table alive.
// A source without a valid table row is returned as it is.
RunSource detachedSource(const RunSource &source);

// Compares snapshots: every key of every kind, sorted, flagged. Pure; runs on any thread.
Diff buildDiff(const QList<RunSnapshot> &runs);
// Reads each store once (runs if not given, experiment names, every metric history of its
// runs for min/max/best step) and compares. Synchronous: call it on a worker. Unknown run
// ids fail with NoSuchRun; `progress` counts runs read.
Store::Result<Diff> readDiff(const QList<RunSource> &sources, const Store::CancelFlag *cancel = nullptr,
                             const Store::ProgressFn &progress = {},
                             int busyTimeoutMs = Store::OpenOptions::DefaultBusyTimeoutMs);

// A run that could not be compared: its index among the sources, and why (the store cannot be
// opened or read, or it has no such run any more).
struct UnavailableRun
{
    int source = -1;
    Store::Error error;
};
struct AvailableDiff
{
    Diff diff; // the runs that could be read, in the order of the sources
    QList<UnavailableRun> unavailable;
    // The sources as given, except that those given without their table and read from their
    // store come back detached (detachedSource()), so that a caller keeping them need not read
    // the store's runs again.
    QList<RunSource> sources;
};
// Like readDiff(), but the runs of a store that cannot be read and runs a store no longer holds
// are left out and listed instead of failing the whole diff. Fails only when cancelled.
Store::Result<AvailableDiff> readAvailableDiff(const QList<RunSource> &sources,
                                               const Store::CancelFlag *cancel = nullptr,
                                               const Store::ProgressFn &progress = {},
                                               int busyTimeoutMs = Store::OpenOptions::DefaultBusyTimeoutMs);

} // namespace RunDiff

// Computes a RunDiff::Diff on a worker thread (reading the stores and every metric history of
// the runs) and hands it to the GUI thread. A newer compare() supersedes the older one: that is
// cancelled and its result dropped.
class RunDiffLoader : public QObject
{
    Q_OBJECT
public:
    explicit RunDiffLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the workers to stop.
    ~RunDiffLoader() override;

    enum class Unavailable {
        Fail, // a run that cannot be read fails the diff (diffFailed)
        Skip, // such runs are left out; unavailableRuns() lists them with the diff
    };
    // Emits diffLoaded or diffFailed later, through the event loop (never from inside).
    void compare(const QList<RunDiff::RunSource> &runs, Unavailable unavailable = Unavailable::Fail);
    void cancel();

    bool isLoading() const { return m_isLoading; }
    // True while a worker still runs, including cancelled ones that have not noticed yet.
    bool isBusy() const;
    // With Unavailable::Skip: the runs the last diffLoaded left out (indexes into compare()'s
    // list), and why. Set before diffLoaded is emitted.
    QList<RunDiff::UnavailableRun> unavailableRuns() const { return m_unavailable; }
    // With Unavailable::Skip: the sources of the last diffLoaded as readAvailableDiff() gave
    // them back (those read without a table now hold their own run's).
    QList<RunDiff::RunSource> readSources() const { return m_readSources; }

signals:
    void diffLoaded(const RunDiff::Diff &diff);
    // A store could not be read or a run is not in it (never for a cancelled or superseded one).
    void diffFailed(const QString &message);
    void progressChanged(qint64 done, qint64 total);
    void loadingChanged(bool loading);
    // cancel() stopped a diff in flight (a newer compare() superseding one does not emit this).
    void cancelled();

private:
    void setLoading(bool loading);
    void stop();

    int m_generation = 0;
    std::shared_ptr<Store::CancelFlag> m_cancel;
    bool m_isLoading = false;
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
    QList<RunDiff::UnavailableRun> m_unavailable;
    QList<RunDiff::RunSource> m_readSources;
};
