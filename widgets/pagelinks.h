#pragma once

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

} // namespace PageLinks
