#pragma once

#include "modelhealth.h"
#include "registrytypes.h"
#include "storeerror.h"
#include "storepool.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <algorithm>
#include <memory>

// Reads what ModelHealth needs of one store on a worker thread: the runs of every experiment
// (active ones, as MLflow lists them), and in them the model's runs. A newer load supersedes an
// older one: the older one is cancelled and its result dropped.
//
// The store has no query for a few runs by id or by tag, so this reads the whole run table;
// RunTable keeps that to a few tens of MB for 100,000 runs.
class ModelHealthLoader : public QObject
{
    Q_OBJECT
public:
    explicit ModelHealthLoader(QObject *parent = nullptr);
    // Cancels what is in flight and waits for the worker to stop.
    ~ModelHealthLoader() override;

    // Any store location (Store::Location). Changing it cancels the load in flight.
    void setLocation(const QString &location);
    QString location() const { return m_location; }

    // `versions`: the model's live versions, as the registry listed them.
    void load(const QString &model, const Store::ModelVersionList &versions);
    void cancel();
    bool isLoading() const { return m_isLoading; }
    // True while a worker still runs, including a cancelled one that has not noticed yet.
    bool isBusy() const
    {
        return std::any_of(m_tasks.cbegin(), m_tasks.cend(),
                           [](const QFuture<void> &task) { return !task.isFinished(); });
    }

signals:
    void loaded(const ModelHealthData &data);
    void loadFailed(const Store::Error &error); // never for a cancelled load
    void loadingChanged(bool loading);

private:
    void setLoading(bool loading);

    QString m_location;
    std::shared_ptr<Store::StorePool> m_stores;
    std::shared_ptr<Store::CancelFlag> m_cancel;
    int m_generation = 0;
    bool m_isLoading = false;
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
};
