#pragma once

#include "storeerror.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <memory>

// Notices that another process changed a store (a run training and logging into it): polls the
// store's changeToken() every interval() ms on a connection of its own, opened read-only on the
// watcher's one worker thread, and emits storeChanged() when the token differs from the last one.
// Polls never overlap and never run on the calling thread. For an mlruns/ folder, the file
// system's notices about the root and the experiment folders (a new run, a new experiment) bring
// the next poll forward. What changed is the caller's to read (MlflowStore::readMetricAppend()).
class StoreWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 2000;
    static constexpr int DebounceMs = 100; // a burst of file-system notices makes one poll

    explicit StoreWatcher(QObject *parent = nullptr);
    // Waits for the poll in flight; the connection is closed on the worker thread.
    ~StoreWatcher() override;

    // Any store location (Store::Location); empty stops watching. The first poll, at once, takes
    // the baseline: set the location before reading the store, so that no change after the read
    // goes unnoticed.
    void setLocation(const QString &location);
    QString location() const { return m_location; }
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    // While paused nothing is polled (but the baseline of a new location) and storeChanged() is
    // not emitted; resuming polls at once, and a change noticed while paused is reported then.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Polls now, or right after the poll in flight; nothing while paused.
    void pollNow();

signals:
    // The store may have changed since the last poll (for a replaced file: it was reopened).
    void storeChanged();
    // Opening the store or reading its token failed; emitted when polls start failing (or fail
    // differently), not at every poll. The watcher keeps polling.
    void watchFailed(const Store::Error &error);
    // A poll finished, whatever it found (the first one: the baseline is taken).
    void polled();

private:
    struct PollState; // the worker's: the store, the last token
    struct PollResult
    {
        bool changed = false;
        Store::Error error;
    };
    static PollResult poll(PollState &state, const QString &location);
    void startPoll(); // paused or not
    void finishPoll(const PollResult &result, quint64 generation);
    void scheduleNextPoll();
    void watchFolders();

    QString m_location;
    int m_intervalMs = DefaultIntervalMs;
    bool m_paused = false;
    bool m_polling = false;
    bool m_pollAgain = false; // asked for while a poll ran
    bool m_changedWhilePaused = false;
    Store::Error::Code m_failure = Store::Error::None; // of the last poll
    quint64 m_generation = 0; // of m_location: results for an older one are dropped
    QTimer m_timer; // to the next poll
    QTimer m_debounce; // from a file-system notice to a poll
    QFileSystemWatcher m_folders; // of an mlruns/ store: its root and experiment folders
    QThreadPool m_pool; // one thread, kept: the store is used by the thread that opened it
    std::shared_ptr<PollState> m_state; // touched on the worker thread only
};
