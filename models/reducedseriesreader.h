#pragma once

#include "metricseries.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <memory>

// Reads series reduced in a database server (Store::MlflowStore::readReducedSeries()) on a worker
// and hands them to the GUI thread. Each read has an id; a read of a server that does not reduce
// (or any other store) reads the series whole instead, so a caller always gets its curves. What a
// read delivers after its cancel() is dropped.
class ReducedSeriesReader : public QObject
{
    Q_OBJECT
public:
    explicit ReducedSeriesReader(QObject *parent = nullptr);
    // Cancels every read and waits for the workers to stop.
    ~ReducedSeriesReader() override;

    // Reads `key` of `runIds` of the store at `location` for `columns` (invalid: an overview);
    // returns the read's id. Runs are read on two connections at once, each delivered as soon as read.
    quint64 read(const QString &location, const QStringList &runIds, const QString &key,
                 const Store::PixelColumns &columns);
    void cancel(quint64 id);
    void cancelAll();
    bool isReading() const { return m_reading > 0; }

    // Whether a store is one whose curves are worth reducing where they are stored: a server.
    static bool reducesOnServer(const QString &location);

signals:
    // One per run, as each is read; `series` is empty when the run has no rows of the key.
    void seriesRead(quint64 id, const QString &location, const Store::PixelColumns &columns,
                    const Store::MetricSeriesPtr &series);
    // Every run of the read was delivered, or it failed (error set) or was cancelled.
    void readFinished(quint64 id, const Store::Error &error);

private:
    QThreadPool m_pool;
    quint64 m_lastId = 0;
    int m_reading = 0;
    QHash<quint64, std::shared_ptr<Store::CancelFlag>> m_cancels; // of the reads in flight
};
