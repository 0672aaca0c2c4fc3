#include "pagelinks.h"

#include "chartspage.h"
#include "comparepage.h"
#include "runspage.h"
#include "runtreemodel.h"

#include <QAction>
#include <QTreeView>

namespace PageLinks {

void linkCharts(RunsPage *runs, ChartsPage *charts)
{
    QObject::connect(runs, &RunsPage::storeOpened, charts, &ChartsPage::setLocation);
    QObject::connect(runs, &RunsPage::selectedRunsChanged, charts,
                     [runs, charts] { charts->setRuns(runs->runModel()->runs(), runs->selectedRunIds()); });
}

void linkCompare(RunsPage *runs, ComparePage *compare)
{
    QObject::connect(runs, &RunsPage::selectedRunsChanged, compare, [runs, compare] {
        compare->setRuns(runs->location(), runs->runModel()->runs(), runs->selectedRunIds());
    });
    // The run table's context menu pins the selected runs (they stay compared in other stores).
    runs->runView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    runs->runView()->addAction(compare->pinAction());
    runs->runView()->addAction(compare->clearPinnedAction());
    QObject::connect(compare, &ComparePage::runFilterChanged, runs, [runs, compare] {
        if (compare->hasRunFilter()) {
            const QStringList ids = compare->filteredRunIds();
            runs->setRunIdFilter(QSet<QString>(ids.cbegin(), ids.cend()));
        } else {
            runs->clearRunIdFilter();
        }
    });
}

} // namespace PageLinks
