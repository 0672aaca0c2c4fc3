#include "storepool.h"

#include "sessioncredentials.h"

#include <QHash>

namespace Store {

StorePool::Lease::Lease(std::unique_ptr<MlflowStore> store, std::shared_ptr<StorePool> pool)
    : m_store(std::move(store)), m_pool(std::move(pool))
{
}

StorePool::Lease::~Lease()
{
    if (m_store && m_pool)
        m_pool->giveBack(std::move(m_store));
}

StorePool::StorePool(QString location, const OpenOptions &options)
    : m_location(std::move(location)), m_options(options)
{
}

std::shared_ptr<StorePool> StorePool::create(const QString &location, const OpenOptions &options)
{
    // The pool opens its connections by the normalised name, which holds no password: a password
    // the URI gave waits for them in the session's credentials.
    return std::shared_ptr<StorePool>(new StorePool(SessionCredentials::keep(location), options));
}

std::shared_ptr<StorePool> StorePool::shared(const QString &location, const OpenOptions &options)
{
    static std::mutex mutex;
    static QHash<QString, std::weak_ptr<StorePool>> pools;
    const QString name = SessionCredentials::keep(location);
    const QString key = name + QLatin1Char('\n') + QString::number(options.busyTimeoutMs);
    const std::lock_guard lock(mutex);
    if (std::shared_ptr<StorePool> pool = pools.value(key).lock())
        return pool;
    pools.removeIf([](auto it) { return it.value().expired(); });
    std::shared_ptr<StorePool> pool = create(name, options);
    pools.insert(key, pool);
    return pool;
}

Result<StorePool::Lease> StorePool::acquire()
{
    std::unique_ptr<MlflowStore> store;
    {
        const std::lock_guard lock(m_mutex);
        while (!m_idle.empty() && !store) {
            store = std::move(m_idle.back());
            m_idle.pop_back();
            if (store->isStale())
                store.reset();
        }
    }
    if (!store) {
        auto opened = openStore(m_location, m_options);
        if (!opened)
            return opened.error();
        store = std::move(opened).value();
    }
    return Lease(std::move(store), shared_from_this());
}

void StorePool::giveBack(std::unique_ptr<MlflowStore> store)
{
    const std::lock_guard lock(m_mutex);
    if (int(m_idle.size()) < MaxIdle)
        m_idle.push_back(std::move(store));
}

int StorePool::idleCount() const
{
    const std::lock_guard lock(m_mutex);
    return int(m_idle.size());
}

void StorePool::clear()
{
    std::vector<std::unique_ptr<MlflowStore>> closing;
    {
        const std::lock_guard lock(m_mutex);
        closing.swap(m_idle);
    }
}

} // namespace Store
