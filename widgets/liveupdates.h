#pragma once

#include <QObject>

class ChartsPage;
class QAction;
class QLabel;
class QSettings;
class RunsPage;
class StoreWatcher;

// Follows the open store while another process writes to it (a run training): a StoreWatcher
// polls it, the run browser reads it again in place and the charts append the new points. Owns
// the Follow Changes action (unchecked: paused) and the status-bar indicator of running runs.
class LiveUpdates : public QObject
{
    Q_OBJECT
public:
    LiveUpdates(RunsPage *runs, ChartsPage *charts, QObject *parent = nullptr);
    ~LiveUpdates() override;

    QAction *followAction() const { return m_followAction; }
    // "2 running" while runs of the shown experiments run; hidden otherwise.
    QLabel *indicator() const { return m_indicator; }
    StoreWatcher *watcher() const { return m_watcher; }

    // The poll interval ("LiveUpdates/intervalMs", default 2 s) and whether to follow.
    void saveSettings(QSettings &settings) const;
    void restoreSettings(const QSettings &settings);

private:
    void updateIndicator();

    RunsPage *m_runs;
    ChartsPage *m_charts;
    StoreWatcher *m_watcher;
    QAction *m_followAction;
    QLabel *m_indicator;
};
