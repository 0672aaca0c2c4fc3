#pragma once

class ChartsPage;
class CommandPalette;
class ModelsPage;
class QMenuBar;
class QTabWidget;
class RunsPage;

// What the main window's command palette finds and where it goes.
namespace PaletteLinks {

// The pages the palette goes to, and the tabs that hold them.
struct Pages
{
    QTabWidget *tabs = nullptr;
    RunsPage *runs = nullptr;
    ChartsPage *charts = nullptr;
    ModelsPage *models = nullptr;
};

// Each time the palette opens it gathers: the menu bar's actions that can be triggered (its own
// Go to Anything left out), the open stores' experiments, the runs the run table shows, their
// metric keys and the current store's registered models. An entry chosen goes there: an action
// triggers (if it still can); an experiment is chosen in the Runs tab; a run is selected and
// current there; a metric shows in the Charts tab (ChartsPage::showMetric()); a model is
// selected in the Models tab.
void linkPalette(CommandPalette *palette, QMenuBar *menuBar, const Pages &pages);

} // namespace PaletteLinks
