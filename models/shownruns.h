#pragma once

#include "mergedruns.h"
#include "openstores.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

class RefreshScheduler;

// The runs of the experiments chosen in the open stores, as one table: each store's runs read by
// its loader (the first rows of a large set first), merged into one table (on a worker when
// there are several stores: a copy that grows with the runs), and read again for reloads and
// live updates. Every shown store takes part in the table, read or not yet, so that a run's key
// (MergedRuns::runKey) stays the same while the stores' runs arrive.
class ShownRuns : public QObject
{
    Q_OBJECT
public:
    // Follows the stores open now and those opened later (not those still opening now).
    explicit ShownRuns(OpenStores *stores, QObject *parent = nullptr);
    ~ShownRuns() override;

    // A new choice. Stores whose choice stayed keep the runs they read; the others are read.
    void show(const QList<StoreExperiments> &chosen, Store::ViewType view);
    // The chosen experiments of a shown store were read again: its runs are read again too,
    // quietly for a refresh() (runsReady with `quiet`), else as a reload (the runs shown stay
    // until the new ones are all in).
    void readAgain(const QString &location, Store::ViewType view);
    // Live updates: the store changed. Once the RefreshScheduler says so, refreshDue() asks for
    // its experiments to be read again (then readAgain()). Nothing while a load runs.
    void refresh(const QString &location);
    // Stops the loads in flight; what they delivered stays.
    void cancel();

    QList<StoreExperiments> chosen() const { return m_chosen; }
    QStringList locations() const; // of the chosen stores, in the order they were opened
    bool contains(const QString &location) const;
    int experimentCount() const;
    // A store's runs or a merge are being read or made (refreshes do not count).
    bool isLoading() const;
    RefreshScheduler *refreshScheduler() const { return m_scheduler; }

signals:
    // The runs to show; `complete` is false for the first rows of a large set. `quiet` for a
    // refresh: apply them in place if the runs shown are complete.
    void runsReady(const MergedRuns &runs, bool complete, bool quiet);
    void locationsChanged(const QStringList &locations);
    // Read the store's experiments again (OpenStores::reload), then readAgain().
    void refreshDue(const QString &location);
    void loadingChanged(bool loading);
    // Of a store's runs load; total 0 means "busy, amount unknown".
    void progressChanged(qint64 done, qint64 total);
    // Reading a shown store's runs failed (not for a refresh: the next change tries again).
    void loadFailed(const QString &location, const Store::Error &error);

private:
    void connectLoader(const QString &location, RunLoader *loader);
    void load(const QString &location);
    void onRunsLoaded(const QString &location, const Store::RunTable &runs, bool complete);
    void deliver(bool quiet);
    void finishRefresh(const QString &location);

    OpenStores *m_stores;
    RefreshScheduler *m_scheduler;
    QList<StoreExperiments> m_chosen;
    Store::ViewType m_view = Store::ViewType::ActiveOnly;
    QHash<QString, Store::RunTable> m_tables; // by store: the runs read (maybe the first ones)
    QSet<QString> m_complete; // stores whose table is whole
    QSet<QString> m_refreshing; // stores refresh() reads again
    bool m_showFirstRows = true; // false on reload: keep the old rows until all new ones are in
    bool m_delivered = false; // runsReady was emitted for this choice
    bool m_merging = false; // loudly: not for a refresh
    quint64 m_mergeGeneration = 0; // a newer merge drops the result of an older one
};
