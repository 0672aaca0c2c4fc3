#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>
#include <memory>

// Writes registry changes, one after another in the order asked for, on one writer thread of
// its own: one serial queue for every store, so that a change never overtakes an earlier one
// (nor its undo). Writing is turned on per store: setWritable() opens the store for writing
// (Store::openStore with writable = true) and keeps it open on the writer thread, the only
// thread that uses it, until writing is turned off or the writer is destroyed.
//
// Every request is answered through the event loop, in order: setWritable() by
// writabilityChanged(), apply() by changeApplied() or changeFailed(). Nothing here asks the
// user anything: confirmations and messages are the page's.
class RegistryWriter : public QObject
{
    Q_OBJECT
public:
    explicit RegistryWriter(QObject *parent = nullptr);
    // Applies what was asked for before (a change the user made is not dropped), closes the
    // stores and stops the writer thread. Answers still on their way are not delivered.
    ~RegistryWriter() override;

    // Turns writing to the store at `location` (any Store::Location) on or off. Turning it on
    // answers writable = false with the reason when the store cannot be written (opened
    // read-only, a file that cannot be written, a schema newer than Kaizen knows, no registry,
    // or the store does not open); turning it off always answers false with an empty reason.
    void setWritable(const QString &location, bool writable);
    // As last answered by writabilityChanged().
    bool isWritable(const QString &location) const;

    // Queues `change` for the store at `location`, after everything asked for before. Returns
    // the request's id (> 0, increasing), which its answer carries. A store whose writing is
    // not on by the time the change's turn comes fails it with ReadOnly.
    quint64 apply(const QString &location, const Store::RegistryChange &change);
    // Changes asked for and not answered yet.
    int pendingCount() const { return m_pending; }

signals:
    void writabilityChanged(const QString &location, bool writable, const QString &reason);
    void changeApplied(quint64 request, const QString &location, const Store::RegistryChange &change,
                       const Store::RegistryWrite &write);
    // Nothing was written (see MlflowStore::applyRegistryChange for the codes).
    void changeFailed(quint64 request, const QString &location, const Store::RegistryChange &change,
                      const Store::Error &error);
    // Whether changes are waiting or being written.
    void busyChanged(bool busy);

private:
    struct Stores;

    // Runs `task` on the writer thread after every task posted before it.
    void post(std::function<void()> task);
    void finishRequest();

    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread; runs the posted tasks
    std::shared_ptr<Stores> m_stores; // the open stores, touched only on m_thread
    QSet<QString> m_writable; // normalised locations last answered writable
    quint64 m_lastRequest = 0;
    int m_pending = 0;
};
