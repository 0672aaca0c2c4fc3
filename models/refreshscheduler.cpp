#include "refreshscheduler.h"

#include <QTimer>

#include <cmath>

RefreshScheduler::RefreshScheduler(QObject *parent) : QObject(parent) { }

qint64 RefreshScheduler::waitFor(const QString &location) const
{
    const auto it = m_states.constFind(location);
    if (it == m_states.cend() || !it->sinceStart.isValid())
        return 0;
    const auto spacing = qint64(std::ceil(double(it->costMs) / m_costShare));
    return qMax<qint64>(0, spacing - it->sinceStart.elapsed());
}

bool RefreshScheduler::isReading(const QString &location) const
{
    const auto it = m_states.constFind(location);
    return it != m_states.cend() && it->reading;
}

void RefreshScheduler::request(const QString &location)
{
    State &state = m_states[location];
    if (state.reading || (state.timer && state.timer->isActive())) {
        state.again = state.reading; // a waiting request covers this one
        return;
    }
    if (const qint64 wait = waitFor(location); wait > 0) {
        if (!state.timer) {
            state.timer = new QTimer(this);
            state.timer->setSingleShot(true);
            connect(state.timer, &QTimer::timeout, this, [this, location] {
                if (const auto it = m_states.find(location); it != m_states.end())
                    start(location, *it);
            });
        }
        state.timer->start(int(qMin<qint64>(wait, std::numeric_limits<int>::max())));
        return;
    }
    start(location, state);
}

void RefreshScheduler::start(const QString &location, State &state)
{
    state.reading = true;
    state.again = false;
    state.sinceStart.start();
    emit due(location);
}

void RefreshScheduler::finished(const QString &location)
{
    const auto it = m_states.find(location);
    if (it == m_states.end() || !it->reading)
        return;
    it->reading = false;
    it->costMs = it->sinceStart.elapsed();
    if (std::exchange(it->again, false))
        request(location);
}

void RefreshScheduler::forget(const QString &location)
{
    if (const auto it = m_states.find(location); it != m_states.end()) {
        if (it->timer)
            it->timer->deleteLater(); // maybe from its own timeout
        m_states.erase(it);
    }
}

void RefreshScheduler::forgetAll()
{
    for (const State &state : std::as_const(m_states))
        if (state.timer)
            state.timer->deleteLater();
    m_states.clear();
}
