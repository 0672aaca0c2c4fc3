#include "palettelinks.h"

#include "chartspage.h"
#include "commandpalette.h"
#include "experimentlistmodel.h"
#include "modelspage.h"
#include "paletteentries.h"
#include "registeredmodellistmodel.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "runtreeview.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTabWidget>

#include <memory>

namespace PaletteLinks {

namespace {

using Entry = CommandPaletteModel::Entry;
using Kind = CommandPaletteModel::Kind;

const QString PathSeparator = QStringLiteral(" › ");
const QString Separator = QStringLiteral(" · ");

// An action's text as a menu shows it: "&&" is "&", a single '&' (the mnemonic's mark) goes.
QString plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                plain.append(text.at(++i));
            continue;
        }
        plain.append(text.at(i));
    }
    return plain;
}

void addMenuActions(const QMenu *menu, const QString &path, QList<Entry> &entries,
                    QList<QPointer<QAction>> *actions, const QAction *skip)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible() || !action->isEnabled() || action == skip)
            continue;
        if (const QMenu *submenu = action->menu()) {
            addMenuActions(submenu, path + PathSeparator + plainText(action->text()), entries, actions, skip);
            continue;
        }
        const QString title = plainText(action->text());
        if (title.isEmpty())
            continue;
        QStringList detail {path};
        if (!action->shortcut().isEmpty())
            detail.append(action->shortcut().toString(QKeySequence::NativeText));
        if (action->isCheckable())
            detail.append(action->isChecked() ? QObject::tr("on") : QObject::tr("off"));
        entries.append(
            {Kind::Action, title, detail.join(Separator), {}, {}, QString::number(actions->size())});
        actions->append(action);
    }
}

// The actions of the menu bar's menus, recursively, that are visible and enabled now, but
// `skip`: title their text without '&', detail the menu path and the shortcut (and "on"/"off"
// for a checkable one), key their index in `actions`, which gets them.
QList<Entry> actionEntries(QMenuBar *menuBar, QList<QPointer<QAction>> *actions, const QAction *skip)
{
    QList<Entry> entries;
    actions->clear();
    for (QAction *action : menuBar->actions()) {
        const QMenu *menu = action->menu();
        if (menu && action->isVisible() && action->isEnabled())
            addMenuActions(menu, plainText(action->text()), entries, actions, skip);
    }
    return entries;
}

// Selects the run in the run table and makes it current, by store and id (two stores may hold
// the same id); a run the table does not show (any more) is revealed in its experiment.
void revealRun(RunsPage *runs, const Entry &entry)
{
    const int row = runs->runModel()->rowOfRun(entry.location, entry.key);
    auto *view = qobject_cast<RunTreeView *>(runs->runView());
    if (row < 0 || !view) {
        runs->revealRun(entry.experimentId, entry.key);
        return;
    }
    const QString key = runs->runModel()->runKey(row);
    view->restoreState({key, {key}, {}, {}});
}

} // namespace

void linkPalette(CommandPalette *palette, QMenuBar *menuBar, const Pages &pages)
{
    auto actions = std::make_shared<QList<QPointer<QAction>>>();
    QObject::connect(palette, &CommandPalette::aboutToShow, palette, [palette, menuBar, pages, actions] {
        CommandPaletteModel *model = palette->model();
        model->setActions(actionEntries(menuBar, actions.get(), palette->openAction()));
        const ExperimentListModel &experiments = *pages.runs->experimentModel();
        model->setExperiments(PaletteEntries::experiments(experiments));
        // The runs the run table shows: those its filter lets through.
        const RunSortFilterProxy *proxy = pages.runs->runProxy();
        PaletteEntries::RowFilter shown;
        if (proxy->isFiltered())
            shown = [proxy](int row) { return proxy->isMatch(row); };
        const MergedRuns &runs = pages.runs->runModel()->mergedRuns();
        model->setRuns(PaletteEntries::runs(runs, experiments, shown));
        model->setMetrics(PaletteEntries::metrics(runs.runs, shown));
        const QString location = pages.models->location();
        model->setModels(location.isEmpty() ? QList<Entry>()
                                            : PaletteEntries::models(
                                                location, PaletteEntries::storeName(experiments, location),
                                                pages.models->modelList()->models()));
    });
    QObject::connect(palette, &CommandPalette::activated, palette, [pages, actions](const Entry &entry) {
        switch (entry.kind) {
        case Kind::Action: {
            bool isIndex = false;
            const QPointer<QAction> action = actions->value(entry.key.toInt(&isIndex));
            if (isIndex && action && action->isEnabled() && action->isVisible())
                action->trigger();
            break;
        }
        case Kind::Experiment:
            pages.tabs->setCurrentWidget(pages.runs);
            pages.runs->openStore(entry.location, entry.experimentId);
            break;
        case Kind::Run:
            pages.tabs->setCurrentWidget(pages.runs);
            revealRun(pages.runs, entry);
            pages.runs->runView()->setFocus();
            break;
        case Kind::Metric:
            pages.tabs->setCurrentWidget(pages.charts);
            pages.charts->showMetric(entry.key);
            break;
        case Kind::RegisteredModel:
            pages.tabs->setCurrentWidget(pages.models);
            pages.models->selectModel(entry.key);
            break;
        }
    });
}

} // namespace PaletteLinks
