#pragma once

#include "mlflowstore.h"
#include "storefactory.h"

#include <memory>
#include <mutex>
#include <vector>

namespace Store {

// Open connections to one store, handed to one thread at a time and taken back for reuse, so
// that loaders do not open the store anew for every task (a server backend could not afford
// it; SQLite saves its open and schema introspection). Thread-safe. A connection whose store
// went stale (MlflowStore::isStale()) is dropped instead of reused.
class StorePool : public std::enable_shared_from_this<StorePool>
{
public:
    static constexpr int MaxIdle = 4;

    // A connection on loan: returns to its pool when destroyed. Keeps the pool alive.
    class Lease
    {
    public:
        Lease(Lease &&) noexcept = default;
        Lease &operator=(Lease &&) noexcept = default;
        ~Lease();
        MlflowStore *operator->() const { return m_store.get(); }
        MlflowStore &operator*() const { return *m_store; }
        MlflowStore *get() const { return m_store.get(); }

    private:
        friend class StorePool;
        Lease(std::unique_ptr<MlflowStore> store, std::shared_ptr<StorePool> pool);
        std::unique_ptr<MlflowStore> m_store;
        std::shared_ptr<StorePool> m_pool;
    };

    // The pool of `location` that every caller in this process shares while one holds it. A
    // password in a server URI goes to SessionCredentials (the pool is named without it).
    static std::shared_ptr<StorePool> shared(const QString &location, const OpenOptions &options = {});
    // A pool of its own (use shared() unless the connections must not be shared).
    static std::shared_ptr<StorePool> create(const QString &location, const OpenOptions &options = {});

    QString location() const { return m_location; }
    // An idle connection, or a newly opened one; the store's open error if it cannot be opened.
    Result<Lease> acquire();
    int idleCount() const;
    // Closes the idle connections (those on loan close when returned, if the pool is gone).
    void clear();

private:
    StorePool(QString location, const OpenOptions &options);
    void giveBack(std::unique_ptr<MlflowStore> store);

    QString m_location;
    OpenOptions m_options;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<MlflowStore>> m_idle;
};

} // namespace Store
