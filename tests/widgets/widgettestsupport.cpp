#include "widgettestsupport.h"

#include "chartspage.h"
#include "comparepage.h"
#include "pagelinks.h"
#include "runspage.h"
#include "runtreemodel.h"

#include <QSignalSpy>

namespace WidgetTestSupport {

bool showRuns(RunsPage *page, const std::function<void()> &action, int timeout)
{
    QSignalSpy shown(page, &RunsPage::runsShown);
    action();
    // The first rows of a large set come before the rest (runsShown(false)).
    while (shown.isEmpty() || !shown.last().at(0).toBool()) {
        if (!shown.wait(timeout))
            return false;
    }
    return true;
}

} // namespace WidgetTestSupport

Browser::Browser() : runs(new RunsPage), charts(new ChartsPage), compare(new ComparePage)
{
    addTab(runs, QStringLiteral("Runs"));
    addTab(charts, QStringLiteral("Charts"));
    addTab(compare, QStringLiteral("Compare"));
    PageLinks::linkCharts(runs, charts);
    PageLinks::linkCompare(runs, compare);
    resize(1500, 900);
}

bool Browser::openStore(const QString &location, const QString &experiment)
{
    return WidgetTestSupport::showRuns(runs, [&] { runs->openStore(location, experiment); });
}

QStringList Browser::idsOf(const QStringList &names) const
{
    QStringList ids;
    const Store::RunTable &table = runs->runModel()->runs();
    for (const QString &name : names) {
        for (int row = 0; row < table.size(); ++row) {
            if (table.run(row).runName == name)
                ids.append(table.run(row).runId);
        }
    }
    return ids;
}
