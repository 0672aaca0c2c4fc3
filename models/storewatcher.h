#pragma once

#include "storeerror.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

// Notices when another process changes a store (a training run logging to it): polls the
// store's change token (MlflowStore::changeToken()) every interval on a connection of its own,
// on a worker thread, and says storeChanged when it differs from the last one. One poll at a
// time; never blocks the calling thread. A backend without change tokens is left alone.
class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 2000;

    explicit StoreWatcher(QObject *parent = nullptr);
    // Waits for a poll in flight.
    ~StoreWatcher() override;

    // Any store location (Store::Location); empty stops watching. The first poll only learns
    // the token.
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    void setInterval(int ms);
    int interval() const { return m_timer.interval(); }
    // Paused, it does not poll; resumed, it polls at once.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Polls now (unless paused or a poll is running).
    void pollNow();
    // Polls done, for tests and benchmarks.
    int pollCount() const { return m_polls; }

signals:
    // The store changed since the last poll.
    void storeChanged();
    // Polling failed (once per run of failures; the watcher keeps polling).
    void watchFailed(const Store::Error &error);

private:
    struct Connection; // the store and its last token, used on the worker only
    struct Outcome
    {
        bool changed = false;
        Store::Error error;
    };
    void updateTimer();
    void onPolled(const Outcome &outcome, quint64 generation);

    QString m_location;
    std::shared_ptr<Connection> m_connection;
    quint64 m_generation = 0; // a poll of an earlier location is dropped
    QTimer m_timer;
    QThreadPool m_pool;
    QFuture<void> m_poll;
    bool m_polling = false;
    bool m_paused = false;
    bool m_failing = false;
    bool m_unsupported = false;
    int m_polls = 0;
};
