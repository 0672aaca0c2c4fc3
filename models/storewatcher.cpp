#include "storewatcher.h"

#include "storefactory.h"
#include "storelocation.h"

#include <QDir>
#include <QFileInfo>

struct StoreWatcher::PollState
{
    QString location; // of `store`
    std::unique_ptr<Store::MlflowStore> store;
    QByteArray token; // the last one read; empty before the first
};

StoreWatcher::StoreWatcher(QObject *parent) : QObject(parent), m_state(std::make_shared<PollState>())
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // the same thread for every poll, for the connection's sake
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::pollNow);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &StoreWatcher::pollNow);
    connect(&m_folders, &QFileSystemWatcher::directoryChanged, this, [this](const QString &path) {
        if (path == Store::Location::parse(m_location).path())
            watchFolders(); // an experiment may have come or gone
        if (!m_paused)
            m_debounce.start();
    });
}

StoreWatcher::~StoreWatcher()
{
    m_timer.stop();
    m_debounce.stop();
    // After the poll in flight, the store is closed by the thread that opened it.
    m_pool.start([state = m_state] { state->store.reset(); });
    m_pool.waitForDone();
}

void StoreWatcher::setLocation(const QString &location)
{
    if (location == m_location)
        return;
    m_location = location;
    ++m_generation;
    m_failure = Store::Error::None;
    m_changedWhilePaused = false;
    m_timer.stop();
    m_debounce.stop();
    watchFolders();
    startPoll(); // the baseline, paused or not (with an empty location: the old store is closed)
}

void StoreWatcher::setInterval(int ms)
{
    m_intervalMs = qMax(1, ms);
    if (m_timer.isActive())
        m_timer.start(m_intervalMs);
}

void StoreWatcher::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_timer.stop();
        m_debounce.stop();
        return;
    }
    if (m_changedWhilePaused) {
        m_changedWhilePaused = false;
        emit storeChanged();
    }
    pollNow();
}

void StoreWatcher::pollNow()
{
    if (!m_paused)
        startPoll();
}

void StoreWatcher::startPoll()
{
    if (m_polling) {
        m_pollAgain = true;
        return;
    }
    m_timer.stop();
    m_polling = true;
    m_pollAgain = false;
    m_pool.start([this, state = m_state, location = m_location, generation = m_generation] {
        const PollResult result = poll(*state, location);
        QMetaObject::invokeMethod(
            this, [this, result, generation] { finishPoll(result, generation); }, Qt::QueuedConnection);
    });
}

// On the worker thread.
StoreWatcher::PollResult StoreWatcher::poll(PollState &state, const QString &location)
{
    PollResult result;
    // A replaced file or folder is another store: its tokens do not compare with the old one's.
    const bool replaced = state.store && state.location == location && state.store->isStale();
    if (state.location != location || replaced || !state.store) {
        state.store.reset();
        state.token.clear();
        state.location = location;
        if (location.isEmpty())
            return result;
        Store::OpenOptions options; // read-only
        auto opened = Store::openStore(location, options);
        if (!opened) {
            result.error = opened.error();
            return result;
        }
        state.store = std::move(*opened);
        result.changed = replaced;
    }
    const Store::Result<QByteArray> token = state.store->changeToken();
    if (!token) {
        result.error = token.error(); // the last good token stays: a recovery compares with it
        return result;
    }
    result.changed = result.changed || (!state.token.isEmpty() && *token != state.token);
    state.token = *token;
    return result;
}

void StoreWatcher::finishPoll(const PollResult &result, quint64 generation)
{
    m_polling = false;
    if (generation == m_generation) {
        if (!result.error.ok()) {
            if (result.error.code != m_failure)
                emit watchFailed(result.error);
            m_failure = result.error.code;
        } else {
            m_failure = Store::Error::None;
            if (result.changed && m_paused)
                m_changedWhilePaused = true;
            else if (result.changed)
                emit storeChanged();
        }
        emit polled();
    }
    if (m_pollAgain)
        startPoll();
    else
        scheduleNextPoll();
}

void StoreWatcher::scheduleNextPoll()
{
    if (!m_paused && !m_location.isEmpty())
        m_timer.start(m_intervalMs); // from the end of a poll: slow polls never pile up
}

void StoreWatcher::watchFolders()
{
    if (const QStringList watched = m_folders.directories(); !watched.isEmpty())
        m_folders.removePaths(watched);
    const Store::Location location = Store::Location::parse(m_location);
    if (!location.isLocal() || !QFileInfo(location.path()).isDir())
        return; // a SQLite file: its commits show only in the token
    // The root and its experiments: a handful of folders, listed on this thread.
    QStringList folders {location.path()};
    const QDir root(location.path());
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!name.startsWith(QLatin1Char('.')) && name != QLatin1String("models"))
            folders.append(root.filePath(name));
    }
    m_folders.addPaths(folders);
}
