#pragma once

#include "runloader.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

// Experiments chosen in one store.
struct StoreExperiments
{
    QString location;
    QStringList experimentIds; // in the store's order
    friend bool operator==(const StoreExperiments &, const StoreExperiments &) = default;
};

// The stores open side by side, each with a RunLoader of its own (its experiments, runs and
// datasets, read on worker threads). A store counts as open once its experiments were read a
// first time; until then it is opening, and a failure then closes it again (openFailed).
class OpenStores : public QObject
{
    Q_OBJECT
public:
    explicit OpenStores(QObject *parent = nullptr);
    ~OpenStores() override;

    // Starts opening the store and reading its experiments; false when it is open or opening.
    bool open(const QString &location, Store::ViewType view);
    // Stops what its loader does and forgets the store.
    void close(const QString &location);
    // Reads the store's experiments again (all stores': reloadAll()).
    void reload(const QString &location, Store::ViewType view);
    void reloadAll(Store::ViewType view);

    bool contains(const QString &location) const { return m_loaders.contains(location); }
    bool isOpening(const QString &location) const { return m_opening.contains(location); }
    // The open stores, in the order they were opened (opening ones left out).
    QStringList locations() const;
    RunLoader *loader(const QString &location) const { return m_loaders.value(location); }

signals:
    // A loader was made for the store: connect to its runs and datasets (its experiments come
    // through experimentsLoaded).
    void loaderAdded(const QString &location, RunLoader *loader);
    void opened(const QString &location);
    void openFailed(const QString &location, const Store::Error &error);
    // Of an open or opening store; sent before opened() the first time.
    void experimentsLoaded(const QString &location, const Store::ExperimentList &experiments);
    void noticeChanged(const QString &location, const QString &notice);

private:
    QHash<QString, RunLoader *> m_loaders;
    QStringList m_order; // of m_loaders' keys
    QSet<QString> m_opening;
};
