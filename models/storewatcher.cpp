#include "storewatcher.h"

#include "mlflowstore.h"
#include "storefactory.h"

#include <QtConcurrent/QtConcurrentRun>

struct StoreWatcher::Connection
{
    QString location;
    std::unique_ptr<Store::MlflowStore> store;
    QByteArray token;
    bool hasToken = false;

    Outcome poll()
    {
        if (store && store->isStale()) {
            store.reset(); // the file was replaced: a new store, certainly changed
        }
        const bool reopened = !store;
        if (!store) {
            auto opened = Store::openStore(location);
            if (!opened)
                return {false, opened.error()};
            store = std::move(opened).value();
        }
        auto current = store->changeToken();
        if (!current)
            return {false, current.error()};
        const bool changed = (hasToken && *current != token) || (reopened && hasToken);
        token = *current;
        hasToken = true;
        return {changed, {}};
    }
};

StoreWatcher::StoreWatcher(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1); // the connection is used by one thread at a time
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::pollNow);
}

StoreWatcher::~StoreWatcher()
{
    m_timer.stop();
    m_poll.waitForFinished();
}

void StoreWatcher::setLocation(const QString &location)
{
    if (location == m_location)
        return;
    m_location = location;
    ++m_generation;
    m_failing = false;
    m_unsupported = false;
    m_connection = location.isEmpty() ? nullptr : std::make_shared<Connection>();
    if (m_connection)
        m_connection->location = location;
    updateTimer();
    pollNow(); // learns the first token
}

void StoreWatcher::setInterval(int ms)
{
    m_timer.setInterval(ms);
}

void StoreWatcher::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    updateTimer();
    if (!paused)
        pollNow();
}

void StoreWatcher::updateTimer()
{
    if (m_connection && !m_paused && !m_unsupported)
        m_timer.start();
    else
        m_timer.stop();
}

void StoreWatcher::pollNow()
{
    if (!m_connection || m_paused || m_polling || m_unsupported)
        return;
    m_polling = true;
    const quint64 generation = m_generation;
    m_poll = QtConcurrent::run(&m_pool, [this, connection = m_connection, generation] {
        const Outcome outcome = connection->poll();
        QMetaObject::invokeMethod(
            this, [this, outcome, generation] { onPolled(outcome, generation); }, Qt::QueuedConnection);
    });
}

void StoreWatcher::onPolled(const Outcome &outcome, quint64 generation)
{
    m_polling = false;
    ++m_polls;
    if (generation != m_generation)
        return pollNow(); // the location changed meanwhile: learn the new store's token
    if (outcome.error.code == Store::Error::Unsupported) {
        m_unsupported = true; // this backend cannot say; the user reloads by hand
        updateTimer();
        return;
    }
    if (!outcome.error.ok()) {
        if (!std::exchange(m_failing, true))
            emit watchFailed(outcome.error);
        return;
    }
    m_failing = false;
    if (outcome.changed && !m_paused)
        emit storeChanged();
}
