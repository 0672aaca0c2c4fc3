#include "liveupdates.h"

#include "appsettings.h"
#include "chartspage.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "storewatcher.h"

#include <QAction>
#include <QLabel>

LiveUpdates::LiveUpdates(RunsPage *runs, ChartsPage *charts, QObject *parent)
    : QObject(parent),
      m_runs(runs),
      m_charts(charts),
      m_intervalMs(StoreWatcher::DefaultIntervalMs),
      m_followAction(new QAction(tr("&Follow Store Changes"), this)),
      m_indicator(new QLabel)
{
    m_followAction->setObjectName(QStringLiteral("followChangesAction"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_followAction->setToolTip(tr("Show new runs and points while another program writes to the store "
                                  "(uncheck to pause)"));
    connect(m_followAction, &QAction::toggled, this, [this](bool follow) {
        for (auto it = m_watchers.cbegin(); it != m_watchers.cend(); ++it) {
            it.value()->setPaused(!follow);
            if (follow) { // what changed while paused
                m_charts->refreshCurves(it.key());
                m_runs->refresh(it.key());
            }
        }
        updateIndicator();
    });

    m_indicator->setObjectName(QStringLiteral("runningRunsLabel"));
    m_indicator->hide();

    connect(runs, &RunsPage::shownStoresChanged, this, &LiveUpdates::watchStores);
    connect(runs, &RunsPage::runsRefreshed, this, &LiveUpdates::updateIndicator);
    connect(runs, &RunsPage::runsShown, this, &LiveUpdates::updateIndicator);
}

LiveUpdates::~LiveUpdates()
{
    // The label lives in the status bar, which may go first; it is deleted with it otherwise.
    if (!m_indicator->parent())
        delete m_indicator;
}

void LiveUpdates::watchStores(const QStringList &locations)
{
    for (auto it = m_watchers.begin(); it != m_watchers.end();) {
        if (locations.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_watchers.erase(it);
    }
    for (const QString &location : locations) {
        if (m_watchers.contains(location))
            continue;
        auto *watcher = new StoreWatcher(this);
        watcher->setInterval(m_intervalMs);
        watcher->setPaused(!m_followAction->isChecked());
        watcher->setLocation(location); // before the store is read: no change goes unnoticed
        // The charts read the new points at once (only those); the run table when its reads
        // of the store are not too costly (RefreshScheduler).
        connect(watcher, &StoreWatcher::storeChanged, this, [this, location] {
            m_charts->refreshCurves(location);
            m_runs->refresh(location);
        });
        m_watchers.insert(location, watcher);
    }
}

void LiveUpdates::setInterval(int ms)
{
    m_intervalMs = ms;
    for (StoreWatcher *watcher : std::as_const(m_watchers))
        watcher->setInterval(ms);
}

void LiveUpdates::updateIndicator()
{
    const int running = m_runs->runModel()->runningRunCount();
    const bool follow = m_followAction->isChecked();
    m_indicator->setVisible(running > 0);
    m_indicator->setText(follow ? tr("● %n running", nullptr, running)
                                : tr("⏸ %n running", nullptr, running));
    m_indicator->setToolTip(follow ? tr("Runs of the shown experiments that are still running; Kaizen "
                                        "shows their new points as they are written.")
                                   : tr("Following store changes is paused (View › Follow Store Changes)."));
}

void LiveUpdates::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::LiveFollow, m_followAction->isChecked());
}

void LiveUpdates::restoreSettings(const AppSettings &settings)
{
    setInterval(qMax(100, settings.value(Settings::LiveIntervalMs)));
    m_followAction->setChecked(settings.value(Settings::LiveFollow));
}
