#include "registrywriter.h"

#include "storefactory.h"
#include "storelocation.h"

#include <map>
#include <utility>

// The stores open for writing, by normalised location.
struct RegistryWriter::Stores
{
    std::map<QString, std::unique_ptr<Store::MlflowStore>> open;
};

namespace {

Store::Error writingOff(const QString &location)
{
    return Store::Error::make(
        Store::Error::ReadOnly,
        RegistryWriter::tr("Writing to %1 is turned off; turn it on to change the registry.")
            .arg(Store::Location::parse(location).displayLocation()));
}

// Applies `change` with the open store of `location`, opened anew if its file was replaced.
Store::Result<Store::RegistryWrite> applyWith(std::unique_ptr<Store::MlflowStore> &store,
                                              const QString &location, const Store::RegistryChange &change)
{
    if (store->isStale()) {
        auto reopened = Store::openStore(location, {.writable = true});
        if (!reopened)
            return reopened.error();
        store = std::move(reopened).value();
    }
    return store->applyRegistryChange(change);
}

} // namespace

RegistryWriter::RegistryWriter(QObject *parent)
    : QObject(parent), m_worker(new QObject), m_stores(std::make_shared<Stores>())
{
    m_thread.setObjectName(QStringLiteral("RegistryWriter"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

RegistryWriter::~RegistryWriter()
{
    // Closed on the thread that opened them; the thread stops after the tasks queued before.
    post([stores = m_stores] { stores->open.clear(); });
    post([thread = &m_thread] { thread->quit(); });
    m_thread.wait();
}

void RegistryWriter::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_worker, std::move(task), Qt::QueuedConnection);
}

void RegistryWriter::setWritable(const QString &location, bool writable)
{
    const QString key = Store::Location::normalize(location);
    post([this, stores = m_stores, location, key, writable] {
        Store::Error reason;
        if (writable) {
            std::unique_ptr<Store::MlflowStore> &store = stores->open[key];
            if (!store || store->isStale()) {
                auto opened = Store::openStore(location, {.writable = true});
                if (opened)
                    store = std::move(opened).value();
                else
                    reason = opened.error();
            }
            if (store) {
                reason = store->registryWritability();
                if (!reason.ok())
                    store.reset();
            }
            if (!store)
                stores->open.erase(key);
        } else {
            stores->open.erase(key);
        }
        const bool isWritable = writable && reason.ok();
        QMetaObject::invokeMethod(
            this,
            [this, location, key, isWritable, message = reason.message] {
                if (isWritable)
                    m_writable.insert(key);
                else
                    m_writable.remove(key);
                emit writabilityChanged(location, isWritable, message);
            },
            Qt::QueuedConnection);
    });
}

bool RegistryWriter::isWritable(const QString &location) const
{
    return m_writable.contains(Store::Location::normalize(location));
}

quint64 RegistryWriter::apply(const QString &location, const Store::RegistryChange &change)
{
    const quint64 request = ++m_lastRequest;
    if (++m_pending == 1)
        emit busyChanged(true);
    const QString key = Store::Location::normalize(location);
    post([this, stores = m_stores, location, key, change, request] {
        const auto found = stores->open.find(key);
        const Store::Result<Store::RegistryWrite> result = found == stores->open.end()
            ? Store::Result<Store::RegistryWrite>(writingOff(location))
            : applyWith(found->second, location, change);
        QMetaObject::invokeMethod(
            this,
            [this, location, change, request, result] {
                if (result)
                    emit changeApplied(request, location, change, *result);
                else
                    emit changeFailed(request, location, change, result.error());
                finishRequest();
            },
            Qt::QueuedConnection);
    });
    return request;
}

void RegistryWriter::finishRequest()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}
