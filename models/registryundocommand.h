#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QUndoCommand>

class RegistryWriter;

// One registry change on the undo stack. redo() queues the change with a RegistryWriter (the
// first redo(), from QUndoStack::push(), is the user's action), undo() queues its inverse
// (RegistryChange::inverted()). The writes are asynchronous: the stack moves at once, the
// store follows when the writer gets there. Only the first write carries the change's `seen`
// versions (the user's view when they acted); a later redo is guarded by its `from` values, as
// an undo is.
//
// A write can be refused (Conflict: someone else changed those rows since; Locked; ReadOnly
// ...), and then nothing was written. The command does not pretend otherwise: the refusal is
// answered by the writer's changeFailed() like any other (the page says so and reloads), the
// command keeps what the store holds as far as its own writes know (isApplied()) and
// lastError(), and it never writes what the store already holds: after a refused undo the
// store still holds the change, so the next redo() writes nothing and the stack is in step
// again; after a refused redo, the next undo() writes nothing, and a redo() tries again. Writes
// in flight are not second-guessed: the inverse of a change that is still on its way is queued
// behind it, and the store's checks of what each part held (`from`) refuse whatever no longer
// fits.
class RegistryUndoCommand : public QUndoCommand
{
public:
    // The text is the change's summary. `writer` must outlive the command's writes; a command
    // whose writer is gone writes nothing.
    RegistryUndoCommand(RegistryWriter *writer, const QString &location, const Store::RegistryChange &change,
                        QUndoCommand *parent = nullptr);
    ~RegistryUndoCommand() override;

    void redo() override;
    void undo() override;

    QString location() const { return m_location; }
    const Store::RegistryChange &change() const { return m_change; }
    // Whether the store holds the change, as far as this command's answered writes know (before
    // the first redo(): no).
    bool isApplied() const { return m_applied; }
    // Whether writes of this command wait for their answer.
    bool isPending() const { return !m_requests.isEmpty(); }
    // Why the last refused write of this command was refused; ok() if none was.
    Store::Error lastError() const { return m_lastError; }
    // The writer's id of the last write this command queued; 0 before any.
    quint64 lastRequest() const { return m_lastRequest; }

private:
    // Queues the change (apply) or its inverse, unless the store holds the result already.
    void submit(bool apply);

    QPointer<RegistryWriter> m_writer;
    QString m_location;
    Store::RegistryChange m_change;
    bool m_applied = false;
    QHash<quint64, bool> m_requests; // in flight: request id -> applies the change (not its inverse)
    quint64 m_lastRequest = 0;
    Store::Error m_lastError;
    QMetaObject::Connection m_appliedConnection;
    QMetaObject::Connection m_failedConnection;
};
