#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

// When to read a changed store again for live updates, per store. A store changed while it is
// being read is read once more afterwards (no change is missed), and reads are spaced so that
// they take at most costShare() of the time: a store whose runs take 1 s to read is read at most
// every 10 s while a run trains, one that takes 20 ms as often as it changes.
class RefreshScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr double DefaultCostShare = 0.1;

    explicit RefreshScheduler(QObject *parent = nullptr);

    void setCostShare(double share) { m_costShare = share; }
    double costShare() const { return m_costShare; }

    // The store changed: due() now, once its last read is spaced enough, or after the read in
    // flight.
    void request(const QString &location);
    // The read due() started is done (or was not made); its time counts from due().
    void finished(const QString &location);
    // Forgets the store (closed, or read anew by a load of its own).
    void forget(const QString &location);
    void forgetAll();
    bool isReading(const QString &location) const;
    // How long a request made now would wait, in ms (0: due at once).
    qint64 waitFor(const QString &location) const;

signals:
    // Read the store again now, then call finished().
    void due(const QString &location);

private:
    struct State
    {
        QElapsedTimer sinceStart; // of the last read
        qint64 costMs = 0; // of the last read
        bool reading = false;
        bool again = false; // requested while reading or waiting
        QTimer *timer = nullptr; // to a request that waits
    };
    void start(const QString &location, State &state);

    QHash<QString, State> m_states;
    double m_costShare = DefaultCostShare;
};
