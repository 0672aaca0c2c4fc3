#pragma once

#include "mergedruns.h"
#include "rundiffloader.h"
#include "runtable.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class QSettings;

// Which runs the compare view compares, and how: the runs pinned to the comparison (kept while
// other runs are selected, other experiments chosen or another store opened), the selected runs
// of the open store, the runs of the diff shown or loading with the columns they became, and the
// baseline run. The runs compared are the pinned ones, then the selected ones (a run both pinned
// and selected keeps its pinned place). A run is its store and its id: a run and its copy in
// another store are two runs.
class ComparisonSet : public QObject
{
    Q_OBJECT
public:
    explicit ComparisonSet(QObject *parent = nullptr);

    // A run among the runs compared: its store (normalised, Store::Location) and id.
    static QString runKey(const QString &location, const QString &runId);
    static QString runKey(const RunDiff::RunSource &source);

    // The runs shown, of one or more stores, and the selected ones (rows of `shown.runs`).
    void setSelection(const MergedRuns &shown, const QList<int> &selectedRows);
    // True when a selected run is not pinned yet.
    bool hasRunsToPin() const;

    QList<RunDiff::RunSource> pinnedRuns() const { return m_pinned; }
    bool isPinned(const QString &location, const QString &runId) const;
    void setPinnedRuns(const QList<RunDiff::RunSource> &pinned);
    // Pins the selected runs not pinned yet, each with a table of its own run.
    void pinSelectedRuns();
    // Pins or unpins the run of a column (its index in the compared diff's runs).
    void pinRun(int run);
    void unpinRun(int run);
    // Unpins a run by its store and id (also one that could not be read).
    void unpin(const QString &location, const QString &runId);
    void clearPinned();
    // Unpins the runs left out of the last comparison.
    void unpinUnavailable();

    // Composes runs() from the pinned and the selected runs as they are now.
    void updateRuns();
    // The runs to compare, in column order, as of the last updateRuns(). A pinned run the open
    // store holds comes with the open store's table (it is the newest).
    QList<RunDiff::RunSource> runs() const { return m_runs; }
    QStringList runIds() const;

    // The runs of the diff shown or loading become runs(); false when they are those already.
    bool startComparing();
    // Makes the next startComparing() take the same runs again (after a failure or a cancel).
    void forgetCompared();
    // Live updates: whether a compared run of the stores shown reads differently in `shown`
    // (status, times, name, params, tags, latest metrics), or is gone from it.
    bool comparedRunsChangedIn(const MergedRuns &shown) const;
    // No runs compared, no columns.
    void clearCompared();
    QList<RunDiff::RunSource> comparedRuns() const { return m_compared; }
    // The comparison was read: the runs left out (`source` indexes comparedRuns()), the others
    // are the columns in order. Pinned runs restored without a table keep the one read in
    // `read`, so that the next comparison need not read those runs again.
    void setColumns(const QList<RunDiff::UnavailableRun> &unavailable, const QList<RunDiff::RunSource> &read);
    void clearColumns();
    int columnCount() const { return int(m_sourceOfColumn.size()); }
    QList<RunDiff::UnavailableRun> unavailableRuns() const { return m_unavailable; }
    // The columns whose runs are pinned, ascending.
    QList<int> pinnedColumns() const;

    // The run (a column) the others are compared with; -1: none. It stays with its run when the
    // columns change.
    void setBaselineRun(int run);
    // The column of the baseline's run; -1 when there is none or its run is not a column.
    int baselineRun() const;

    // The run's name: from its table, else as remembered in the settings, else its id's start.
    QString nameOf(const RunDiff::RunSource &source) const;

    // The pinned runs by store, id and name, under `key`.
    void saveSettings(QSettings &settings, const QString &key) const;
    void restoreSettings(const QSettings &settings, const QString &key);

signals:
    void selectionChanged();
    // Runs were pinned or unpinned (pinnedRuns()).
    void pinnedRunsChanged();

private:
    const RunDiff::RunSource *sourceOfColumn(int run) const;

    QList<RunDiff::RunSource> m_pinned; // each with a table of its own run, or none when restored
    RunDiff::RunSource selectedSource(int row) const; // of a row of m_shown
    // The run's row in `shown` (whose locations, normalised, are `stores`), -1 if not there.
    static int rowIn(const MergedRuns &shown, const QStringList &stores, const RunDiff::RunSource &run);
    MergedRuns m_shown; // the runs shown in the run browser (the newest values of their runs)
    QStringList m_shownStores; // m_shown.locations, normalised
    QList<int> m_selectedRows; // of m_shown
    QList<RunDiff::RunSource> m_runs; // pinned + selected, in column order
    QStringList m_runKeys; // of m_runs
    // The diff shown or loading: the keys of its sources, the runs left out, and per column its
    // index in m_compared.
    QStringList m_comparedKeys;
    QList<RunDiff::RunSource> m_compared;
    QList<RunDiff::UnavailableRun> m_unavailable;
    QList<int> m_sourceOfColumn;
    QString m_baselineKey; // kept while the runs compared change
    QHash<QString, QString> m_rememberedNames; // run key -> name, of pinned runs restored from settings
};
