#pragma once

#include "experimentpane.h"
#include "mergedruns.h"
#include "runcolumnsmenu.h"
#include "runtable.h"
#include "runtreeview.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

class ArtifactsPane;
class ExperimentListModel;
class PageFrame;
class QAction;
class QCheckBox;
class QModelIndex;
class AppSettings;
class QTabWidget;
class QTimer;
class QTreeView;
class RunDetailsModel;
class RunDetailsView;
class RegistryLoader;
class RunLoader;
class RunSortFilterProxy;
class RunTreeModel;
class SearchFilter;
class SearchFilterEdit;
class ShownRuns;

// The run browser: the open stores' experiments on the left (several can be selected,
// Ctrl/Shift+click, of any stores), the runs of the selected experiments as one tree in the
// middle (filter box above), the current run's details on the right. Owns its models, its
// loaders and its actions; the window places the actions in menus and shows the signals.
class RunsPage : public QWidget
{
    Q_OBJECT
public:
    // Trees up to this size open fully expanded.
    static constexpr int ExpandAllLimit = RunTreeView::ExpandAllLimit;

    explicit RunsPage(QWidget *parent = nullptr);
    ~RunsPage() override;

    // Opens a store (any Store::Location) beside the open ones, or goes to it if it is open,
    // then selects the experiment (name or id; empty: the ones selected before, else the first
    // with runs) and, once they are loaded, the runs with these ids.
    void openStore(const QString &location, const QString &experimentNameOrId = {},
                   const QStringList &runIds = {});
    // Opens a store beside the others without showing it.
    void addStore(const QString &location);
    // Closes a store; the runs of the first store left show when it was the current one.
    void closeStore(const QString &location);
    // The open stores, in the order they were opened.
    QStringList openStores() const;
    // Reads the stores again, keeping the experiments, the selection and the scroll position.
    void reload();
    // Live updates: a store whose runs show changed. Reads its runs again quietly (no loading
    // state) and applies them in place (RunTreeModel::updateRuns()), then runsRefreshed().
    // Skipped while a load runs.
    void refresh(const QString &location);
    void cancelLoading();

    // The current store (of the experiment chosen last), empty before one; the stores whose
    // runs show, in the order they were opened.
    QString location() const { return m_location; }
    QStringList shownStores() const;
    bool isLoading() const;
    QString statusText() const { return m_statusText; }

    // The experiments whose runs are shown or loading, by store; those of the current store, in
    // its order; the first of them.
    QList<StoreExperiments> shownExperiments() const;
    QStringList currentExperimentIds() const;
    QString currentExperimentId() const { return currentExperimentIds().value(0); }
    QString currentRunId() const { return m_runView->currentRunId(); }
    QStringList selectedRunIds() const { return m_runView->selectedRunIds(); }
    // The selected runs' rows in runModel()->runs().
    QList<int> selectedRunRows() const;
    // Selects this experiment alone (as a click does).
    bool selectExperiment(const QString &nameOrId);
    // Selects the runs that are loaded, the first one current.
    void selectRuns(const QStringList &runIds);
    // Selects a run of any experiment: its experiment alone is shown if it is not already.
    void revealRun(const QString &experimentId, const QString &runId);

    // Shows only these runs (the runs brushed in the compare plots; the search filter still
    // applies). The selection is kept for the compare page and comes back when the filter is
    // cleared, unless the user selected other runs meanwhile.
    void setRunIdFilter(const QSet<QString> &runIds);
    void clearRunIdFilter();

    // Columns by key ("params.lr"); the choice is remembered in QSettings. The experiment column
    // shows by default only while runs of several experiments are shown.
    bool isColumnVisible(const QString &columnKey) const { return m_columnsMenu->isColumnVisible(columnKey); }
    void setColumnVisible(const QString &columnKey, bool visible)
    {
        m_columnsMenu->setColumnVisible(columnKey, visible);
    }

    QAction *focusFilterAction() const { return m_focusFilterAction; }
    QAction *reloadAction() const { return m_reloadAction; }
    QAction *showDeletedAction() const { return m_showDeletedAction; }
    QAction *columnsAction() const { return m_columnsAction; }
    // Shows the current run's artifacts beside its details and focuses their tree.
    void showArtifacts();

    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

    QTreeView *experimentView() const;
    ExperimentPane *experimentPane() const { return m_experimentPane; }
    QTreeView *runView() const { return m_runView; }
    SearchFilterEdit *filterEdit() const { return m_filterEdit; }
    RunDetailsView *detailsView() const { return m_detailsView; }
    ArtifactsPane *artifactsPane() const { return m_artifactsPane; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    ExperimentListModel *experimentModel() const;
    RunTreeModel *runModel() const { return m_runModel; }
    RunSortFilterProxy *runProxy() const { return m_runProxy; }
    RunDetailsModel *detailsModel() const { return m_detailsModel; }
    // The current store's loader (null before one is open); every store's first read shows
    // this many rows first.
    RunLoader *loader() const;
    void setFirstRowsLimit(int limit);

signals:
    // A store was opened (the current one or one beside it).
    void storeOpened(const QString &location);
    // The current store changed (empty: none is open any more).
    void currentStoreChanged(const QString &location);
    // The stores whose runs show (or load) changed.
    void shownStoresChanged(const QStringList &locations);
    void openFailed(const QString &location, const Store::Error &error);
    // Reading runs of a shown store failed.
    void loadFailed(const Store::Error &error);
    void noticeChanged(const QString &notice);
    void loadingChanged(bool loading);
    void progressChanged(qint64 done, qint64 total);
    void statusTextChanged(const QString &text);
    // The run table shows new rows: `complete` is false for the first rows of a large set.
    void runsShown(bool complete);
    // refresh() brought the runs up to date (new rows inserted, values changed in place).
    void runsRefreshed();
    // The selected runs may have changed (selectedRunIds(), their rows in runModel()->runs()).
    void selectedRunsChanged();
    // The current run changed and stayed (after a short pause while arrowing through rows);
    // `run` is empty (no runId) when there is none.
    void currentRunChanged(const QString &location, const Store::RunAttributes &run);

private:
    void createActions();
    void createLayout();
    void connectLoader(const QString &location, RunLoader *loader);
    void onCurrentStoreChanged(const QString &location);
    void onLoadFailed(const Store::Error &error);
    void loadRuns(const QList<StoreExperiments> &chosen);
    void onExperimentsReadAgain(const QString &location);
    void applyRuns(const MergedRuns &runs, bool complete, bool quiet);
    void onCurrentRunChanged(const QModelIndex &current);
    void onFilterChanged(const SearchFilter &filter);
    void updateStatusText();

    RegistryLoader *m_registryLoader = nullptr;
    RunTreeModel *m_runModel;
    RunSortFilterProxy *m_runProxy;
    RunDetailsModel *m_detailsModel;
    ShownRuns *m_shownRuns = nullptr;

    PageFrame *m_frame = nullptr;
    ExperimentPane *m_experimentPane = nullptr;
    SearchFilterEdit *m_filterEdit = nullptr;
    RunTreeView *m_runView = nullptr;
    RunDetailsView *m_detailsView = nullptr;
    ArtifactsPane *m_artifactsPane = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    RunColumnsMenu *m_columnsMenu = nullptr;
    QTimer *m_datasetsTimer = nullptr;

    QAction *m_focusFilterAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_showDeletedAction = nullptr;
    QAction *m_columnsAction = nullptr;

    QString m_location; // the current store
    QStringList m_pendingRunIds;
    int m_firstRowsLimit;
    QString m_detailsLocation; // the store of the run in the details pane
    bool m_runsComplete = false; // the run table shows all runs of the chosen experiments
    bool m_applyingSort = false; // sorting by code, not by a click on the header
    bool m_applyingRunIdFilter = false;
    RunTreeView::State m_viewBeforeRunIdFilter; // restored when the run-id filter goes
    bool m_selectedWhileRunIdFiltered = false;
    QString m_statusText;
    QString m_noStoreMessage;

    QString m_sortKey;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
