#include "reducedseriesreader.h"

#include "mlflowstore.h"
#include "storelocation.h"
#include "storepool.h"

#include <QMetaObject>

#include <atomic>
#include <mutex>

ReducedSeriesReader::ReducedSeriesReader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
}

ReducedSeriesReader::~ReducedSeriesReader()
{
    cancelAll();
    m_pool.waitForDone();
}

bool ReducedSeriesReader::reducesOnServer(const QString &location)
{
    return Store::Location::parse(location).kind() == Store::Location::Kind::Server;
}

quint64 ReducedSeriesReader::read(const QString &location, const QStringList &runIds, const QString &key,
                                  const Store::PixelColumns &columns)
{
    const quint64 id = ++m_lastId;
    auto cancel = std::make_shared<Store::CancelFlag>(false);
    m_cancels.insert(id, cancel);
    ++m_reading;
    // Made here: StorePool::shared() is for the GUI thread.
    std::shared_ptr<Store::StorePool> pool = Store::StorePool::shared(location);
    const auto deliver = [this, id, location, columns, cancel](Store::MetricSeries &&series) {
        auto shared = std::make_shared<const Store::MetricSeries>(std::move(series));
        QMetaObject::invokeMethod(this, [this, id, location, columns, cancel, shared] {
            if (!cancel->load())
                emit seriesRead(id, location, columns, shared);
        });
    };
    // The server does the work: two connections keep both of a small server's cores busy.
    const int tasks = runIds.size() > 1 ? 2 : 1;
    auto remaining = std::make_shared<std::atomic_int>(tasks);
    auto firstError = std::make_shared<Store::Error>();
    auto errorLock = std::make_shared<std::mutex>();
    for (int task = 0; task < tasks; ++task) {
        QStringList share;
        for (qsizetype i = task; i < runIds.size(); i += tasks)
            share.append(runIds[i]);
        m_pool.start([this, id, pool, share, key, columns, cancel, deliver, remaining, firstError,
                      errorLock] {
            Store::Error error;
            if (auto lease = pool->acquire(); !lease) {
                error = lease.error();
            } else if ((*lease)->reducesOnServer()) {
                error = (*lease)->readReducedSeries(share, key, columns, deliver, cancel.get());
            } else {
                error = (*lease)->readMetricSeries(share, {key}, deliver, cancel.get());
            }
            if (!error.ok()) {
                const std::lock_guard<std::mutex> locked(*errorLock);
                if (firstError->ok())
                    *firstError = error;
            }
            if (remaining->fetch_sub(1) != 1)
                return; // the other task reports
            const Store::Error reported = [&] {
                const std::lock_guard<std::mutex> locked(*errorLock);
                return *firstError;
            }();
            QMetaObject::invokeMethod(this, [this, id, error = reported] {
                --m_reading;
                const bool cancelled = !m_cancels.contains(id);
                m_cancels.remove(id);
                emit readFinished(id, cancelled ? Store::Error::make(Store::Error::Cancelled, {}) : error);
            });
        });
    }
    return id;
}

void ReducedSeriesReader::cancel(quint64 id)
{
    if (auto flag = m_cancels.take(id))
        flag->store(true);
}

void ReducedSeriesReader::cancelAll()
{
    for (const auto &flag : std::as_const(m_cancels))
        flag->store(true);
    m_cancels.clear();
}
