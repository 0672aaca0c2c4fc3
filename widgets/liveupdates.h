#pragma once

#include <QHash>
#include <QObject>

class ChartsPage;
class QAction;
class QLabel;
class AppSettings;
class RunsPage;
class StoreWatcher;

// Follows the stores whose runs show while another process writes to them (a run training): a
// StoreWatcher per store polls it, the run browser reads the store that changed again in place
// and the charts append the new points. Owns the Follow Changes action (unchecked: paused) and
// the status-bar indicator of running runs.
class LiveUpdates : public QObject
{
    Q_OBJECT
public:
    LiveUpdates(RunsPage *runs, ChartsPage *charts, QObject *parent = nullptr);
    ~LiveUpdates() override;

    QAction *followAction() const { return m_followAction; }
    // "2 running" while runs of the shown experiments run; hidden otherwise.
    QLabel *indicator() const { return m_indicator; }
    // The watcher of a store whose runs show, null for any other.
    StoreWatcher *watcher(const QString &location) const { return m_watchers.value(location); }
    void setInterval(int ms);

    // The poll interval ("LiveUpdates/intervalMs", default 2 s) and whether to follow.
    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

private:
    void updateIndicator();
    void watchStores(const QStringList &locations);

    RunsPage *m_runs;
    ChartsPage *m_charts;
    QHash<QString, StoreWatcher *> m_watchers; // by store
    int m_intervalMs;
    QAction *m_followAction;
    QLabel *m_indicator;
};
