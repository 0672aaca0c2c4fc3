#pragma once

#include "registrytypes.h"
#include "storeerror.h"
#include "storepool.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <memory>

// Reads the model registry on worker threads and hands the results to the GUI thread as
// signals, borrowing connections from the store's StorePool. Three kinds of request, each
// superseding the one of its kind before it (its result is dropped, whatever its state): the
// registered models of a store, the versions of one model (the page's selected model), the
// versions registered from one run (the run details). Results are always delivered through the
// event loop, never from inside the load call.
class RegistryLoader : public QObject
{
    Q_OBJECT
public:
    explicit RegistryLoader(QObject *parent = nullptr);
    // Waits for the workers to stop (registry reads are short; nothing to cancel).
    ~RegistryLoader() override;

    // `location`: any store location (Store::Location).
    void loadModels(const QString &location);
    void loadVersions(const QString &location, const QString &model);
    void loadVersionsOfRun(const QString &location, const QString &runId);
    // Drops the results of every request in flight.
    void cancel();

    // True while a worker still runs, including superseded ones.
    bool isBusy() const;
    // True while a request's result has yet to be delivered (or dropped, when superseded).
    bool isLoading() const { return m_undelivered > 0; }

signals:
    // isLoading() changed.
    void loadingChanged(bool loading);
    void modelsLoaded(const QString &location, const Store::RegisteredModelList &models);
    // Opening the store or reading its models failed (NoRegistry for a store without one).
    void modelsFailed(const QString &location, const Store::Error &error);
    void versionsLoaded(const QString &model, const Store::ModelVersionList &versions);
    void versionsFailed(const QString &model, const Store::Error &error);
    void runVersionsLoaded(const QString &runId, const Store::ModelVersionList &versions);
    void runVersionsFailed(const QString &runId, const Store::Error &error);

private:
    std::shared_ptr<Store::StorePool> poolFor(const QString &location);
    template<typename Work, typename Deliver> void runTask(Work work, Deliver deliver);

    // The pool of the last location asked for, kept so that its connections stay open between
    // requests.
    std::shared_ptr<Store::StorePool> m_stores;
    int m_modelsGeneration = 0;
    int m_versionsGeneration = 0;
    int m_runVersionsGeneration = 0;
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
    int m_undelivered = 0; // requests whose result has not reached this thread yet
};
