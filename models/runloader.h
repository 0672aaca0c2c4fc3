#pragma once

#include "runtable.h"
#include "storeerror.h"
#include "storepool.h"
#include "storetypes.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <algorithm>
#include <memory>

// Reads experiments, runs and datasets of one store on worker threads and hands the results
// to the GUI thread as signals. Tasks borrow connections from the store's StorePool. A newer request of the
// same kind supersedes an older one: the older one is cancelled and its result dropped, whatever its state.
//
// Runs come in two steps so that a large store shows rows at once: the first firstRowsLimit()
// runs in MLflow's default order (firstRunsLoaded), then the whole set (runsLoaded), read after
// the first rows were delivered. A set smaller than the limit arrives as runsLoaded only.
class RunLoader : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFirstRowsLimit = 200;

    explicit RunLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the workers to stop.
    ~RunLoader() override;

    // Any store location (Store::Location). Changing it cancels everything in flight.
    void setLocation(const QString &location);
    QString location() const { return m_location; }

    void setFirstRowsLimit(int limit) { m_firstRowsLimit = limit; }
    int firstRowsLimit() const { return m_firstRowsLimit; }

    void loadExperiments(Store::ViewType view = Store::ViewType::ActiveOnly);
    void loadRuns(const Store::RunQuery &query);
    void loadDatasets(const QString &runId);
    // Stops the runs load in flight; what it delivered so far stays delivered.
    void cancel();

    bool isLoading() const { return m_isLoading; }
    // True while a worker still runs, including cancelled ones that have not noticed yet.
    bool isBusy() const
    {
        return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                           [](const QFuture<void> &task) { return !task.isFinished(); });
    }

signals:
    // The store's non-fatal remark (MlflowStore::notice()), sent before experimentsLoaded.
    void noticeChanged(const QString &notice);
    void experimentsLoaded(const Store::ExperimentList &experiments);
    void firstRunsLoaded(const Store::RunTable &runs);
    void runsLoaded(const Store::RunTable &runs);
    void datasetsLoaded(const QString &runId, const Store::DatasetInputList &datasets);
    void datasetsFailed(const QString &runId, const Store::Error &error);
    // Opening the store or reading experiments or runs failed (never for a cancelled load).
    void loadFailed(const Store::Error &error);
    // Of the runs load; total 0 means "busy, amount unknown".
    void progressChanged(qint64 done, qint64 total);
    void loadingChanged(bool loading);

private:
    void setLoading(bool loading);
    void cancelRuns();
    void readRuns(const Store::RunQuery &query, int firstRowsLimit);
    template<typename Work, typename Deliver> void runTask(Work work, Deliver deliver);

    QString m_location;
    std::shared_ptr<Store::StorePool> m_stores; // connections to the store at m_location
    int m_firstRowsLimit = DefaultFirstRowsLimit;
    int m_experimentsGeneration = 0;
    int m_runsGeneration = 0;
    int m_datasetsGeneration = 0;
    std::shared_ptr<Store::CancelFlag> m_runsCancel;
    bool m_isLoading = false;
    QThreadPool m_pool; // experiments, runs, datasets, and a superseded load winding down
    QList<QFuture<void>> m_tasks;
};
