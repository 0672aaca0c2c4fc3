#pragma once

class ArtifactsPage;
class ChartsPage;
class ComparePage;
class RunsPage;

// How the pages follow each other, shared by the main window and the widget tests.
namespace PageLinks {

// The charts plot the runs selected in the run browser.
void linkCharts(RunsPage *runs, ChartsPage *charts);
// The compare page compares the runs selected in the run browser (after the pinned runs, which
// the run table's context menu pins); brushing its plots filters the run table to the brushed
// runs (clearing the brush shows them all again).
void linkCompare(RunsPage *runs, ComparePage *compare);
// The artifacts page follows the run browser's current run; the artifact panes' context menus
// and the compare page's Compare Artifacts compare two runs there (the runs page's pane compares
// its run with the other selected run).
void linkArtifacts(RunsPage *runs, ComparePage *compare, ArtifactsPage *artifacts);

} // namespace PageLinks
