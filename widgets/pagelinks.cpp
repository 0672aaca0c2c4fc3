#include "pagelinks.h"

#include "artifactspage.h"
#include "artifactspane.h"
#include "chartspage.h"
#include "comparepage.h"
#include "runformat.h"
#include "runspage.h"
#include "runtreemodel.h"

#include <QAction>
#include <QTreeView>

namespace PageLinks {

void linkCharts(RunsPage *runs, ChartsPage *charts)
{
    QObject::connect(runs, &RunsPage::currentStoreChanged, charts, &ChartsPage::setLocation);
    QObject::connect(runs, &RunsPage::selectedRunsChanged, charts, [runs, charts] {
        charts->setRuns(runs->runModel()->mergedRuns(), runs->selectedRunRows());
    });
}

void linkCompare(RunsPage *runs, ComparePage *compare)
{
    QObject::connect(runs, &RunsPage::selectedRunsChanged, compare, [runs, compare] {
        compare->setRuns(runs->runModel()->mergedRuns(), runs->selectedRunRows());
    });
    QObject::connect(runs, &RunsPage::runsRefreshed, compare, [runs, compare] {
        compare->refreshRuns(runs->runModel()->mergedRuns(), runs->selectedRunRows());
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

namespace {

ArtifactsPage::RunRef runRef(RunsPage *runs, int row)
{
    const Store::RunAttributes &run = runs->runModel()->runs().run(row);
    return {runs->runModel()->location(row), run.runId, RunFormat::runName(run.runName, run.runId)};
}

// The other run of the run browser's selection to compare run `row` with; empty when none.
ArtifactsPage::RunRef otherSelectedRun(RunsPage *runs, int row)
{
    for (const int other : runs->selectedRunRows()) {
        if (other != row)
            return runRef(runs, other);
    }
    return {};
}

} // namespace

void linkArtifacts(RunsPage *runs, ComparePage *compare, ArtifactsPage *artifacts)
{
    QObject::connect(runs, &RunsPage::currentRunChanged, artifacts,
                     [artifacts](const QString &location, const Store::RunAttributes &run) {
                         artifacts->showRun(location, run.runId, RunFormat::runName(run.runName, run.runId),
                                            run.artifactUri);
                     });
    const auto compareWithSelected = [runs, artifacts](ArtifactsPane *pane) {
        const int row = runs->runModel()->rowOfRun(pane->storeLocation(), pane->runId());
        const ArtifactsPage::RunRef other = row < 0 ? ArtifactsPage::RunRef() : otherSelectedRun(runs, row);
        if (other.runId.isEmpty()) {
            emit artifacts->compareFailed(QObject::tr("Select a second run (Ctrl+click in the run table) to "
                                                      "compare its artifacts with this run's."));
            return;
        }
        artifacts->compareRuns(runRef(runs, row), other);
    };
    QObject::connect(runs->artifactsPane(), &ArtifactsPane::compareRequested, artifacts,
                     [runs, compareWithSelected] { compareWithSelected(runs->artifactsPane()); });
    QObject::connect(artifacts->pane(), &ArtifactsPane::compareRequested, artifacts,
                     [artifacts, compareWithSelected] { compareWithSelected(artifacts->pane()); });
    QObject::connect(compare, &ComparePage::artifactsCompareRequested, artifacts,
                     [artifacts](const RunDiff::RunInfo &left, const RunDiff::RunInfo &right) {
                         artifacts->compareRuns({left.location, left.runId, left.displayName()},
                                                {right.location, right.runId, right.displayName()});
                     });
}

} // namespace PageLinks
