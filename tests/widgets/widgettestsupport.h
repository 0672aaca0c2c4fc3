#pragma once

#include <QStringList>
#include <QTabWidget>
#include <QTest>

#include <functional>

class ChartsPage;
class ComparePage;
class QWidget;
class RunsPage;

// Helpers shared by the widget and main window tests.
namespace WidgetTestSupport {

// Does `action` (open a store, choose experiments, reload ...) and waits until the run table
// shows all the rows it asked for (RunsPage::runsShown(true)); false after `timeout` ms.
bool showRuns(RunsPage *page, const std::function<void()> &action, int timeout = 10000);

// Where a screenshot goes: the path in the environment variable `variable` if set (to look at
// it), else `fallback` (in the test's temporary folder).
QString screenshotPath(const char *variable, const QString &fallback);
// Saves what `widget` shows as a PNG and checks what a user would see in it: the file is
// written, reads back, and is not of one colour. Empty when all is well, else what is wrong.
QString saveScreenshot(QWidget *widget, const QString &path);

} // namespace WidgetTestSupport

// Fails the test (returning from it) when saveScreenshot() finds a problem.
#define VERIFY_SCREENSHOT(widget, path)                                                                      \
    do {                                                                                                     \
        const QString problem = WidgetTestSupport::saveScreenshot(widget, path);                             \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                                    \
    } while (false)

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
