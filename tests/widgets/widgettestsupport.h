#pragma once

#include <QStringList>
#include <QTabWidget>

#include <functional>

class ChartsPage;
class ComparePage;
class RunsPage;

// Helpers shared by the widget and main window tests.
namespace WidgetTestSupport {

// Does `action` (open a store, choose experiments, reload ...) and waits until the run table
// shows all the rows it asked for (RunsPage::runsShown(true)); false after `timeout` ms.
bool showRuns(RunsPage *page, const std::function<void()> &action, int timeout = 10000);

} // namespace WidgetTestSupport

// The run browser, the charts and the compare page in tabs, linked as the main window links them.
class Browser : public QTabWidget
{
public:
    Browser();

    // Opens the store and waits until the runs of `experiment` show.
    bool openStore(const QString &location, const QString &experiment);
    // The ids of the runs with these names among the runs shown, in the names' order.
    QStringList idsOf(const QStringList &names) const;

    RunsPage *const runs;
    ChartsPage *const charts;
    ComparePage *const compare;
};
