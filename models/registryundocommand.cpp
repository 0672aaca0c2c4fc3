#include "registryundocommand.h"

#include "registrywriter.h"

RegistryUndoCommand::RegistryUndoCommand(RegistryWriter *writer, const QString &location,
                                         const Store::RegistryChange &change, QUndoCommand *parent)
    : QUndoCommand(change.summary, parent), m_writer(writer), m_location(location), m_change(change)
{
    if (!writer)
        return;
    m_appliedConnection
        = QObject::connect(writer, &RegistryWriter::changeApplied, writer,
                           [this](quint64 request, const QString &, const Store::RegistryChange &,
                                  const Store::RegistryWrite &) {
                               const auto found = m_requests.constFind(request);
                               if (found == m_requests.cend())
                                   return;
                               m_applied = *found;
                               m_requests.erase(found);
                           });
    m_failedConnection = QObject::connect(
        writer, &RegistryWriter::changeFailed, writer,
        [this](quint64 request, const QString &, const Store::RegistryChange &, const Store::Error &error) {
            // Nothing was written: the store holds what it held.
            if (m_requests.remove(request))
                m_lastError = error;
        });
}

RegistryUndoCommand::~RegistryUndoCommand()
{
    QObject::disconnect(m_appliedConnection);
    QObject::disconnect(m_failedConnection);
}

void RegistryUndoCommand::redo()
{
    submit(true);
}

void RegistryUndoCommand::undo()
{
    submit(false);
}

void RegistryUndoCommand::submit(bool apply)
{
    // With writes in flight the outcome is not known yet: queue, and let the store's checks
    // decide. Otherwise a store that holds the result already needs no write.
    if (!m_writer || (m_requests.isEmpty() && m_applied == apply))
        return;
    Store::RegistryChange change = apply ? m_change : m_change.inverted();
    // What the user saw guards the user's action only: any write since (this command's own
    // included) changed the times it holds. Later writes are guarded by their `from` values.
    if (m_lastRequest > 0)
        change.seen.clear();
    m_lastRequest = m_writer->apply(m_location, change);
    m_requests.insert(m_lastRequest, apply);
}
