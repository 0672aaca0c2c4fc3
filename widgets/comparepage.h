#pragma once

#include "comparedetail.h"
#include "compareplotspane.h"
#include "comparetablespane.h"
#include "comparisonmessages.h"
#include "comparisonset.h"
#include "rundiff.h"
#include "rundiffloader.h"
#include "runtable.h"

#include <QWidget>

class MetricDiffModel;
class NoticeBar;
class PageFrame;
class ParamDiffModel;
class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class ParallelCoordinatesView;
class ScatterView;
class AppSettings;
class QTabWidget;
class QTextBrowser;
class QToolBar;
class QTreeView;

// The runs selected in the run browser side by side: parameters, metrics and tags as rows, one
// column per run (in the run's colour), differing rows highlighted, "only differences" on by
// default, a baseline run whose deltas the others show, and a detail pane with the whole value
// of the current cell and its character-level diff against the first run. Two or more runs are
// compared; the diff (which reads every metric history of the runs) is computed off the GUI
// thread by a RunDiffLoader, and only while the page is shown. Beside the tables: parallel
// coordinates of chosen params and metrics (brushing an axis range picks runs; the run table
// follows through runFilterChanged) and a scatter plot of any key against a metric.
//
// Runs can be pinned to the comparison: pinned runs stay as the first columns while other runs
// are selected, other experiments chosen or another store opened, so runs of several stores
// are compared side by side. The runs compared are the pinned ones, then the selected runs of
// the open store (a run both pinned and selected keeps its pinned place). A pinned run whose
// store has gone, or that its store no longer holds, is named in a notice above the tables and
// the other runs are still compared.
//
// Which runs are compared is a ComparisonSet; the tables and the detail pane are a
// CompareTablesPane, the plots a ComparePlotsPane.
class ComparePage : public QWidget
{
    Q_OBJECT
public:
    enum Table {
        ParamsTable = CompareTablesPane::ParamsTable,
        MetricsTable = CompareTablesPane::MetricsTable,
        TagsTable = CompareTablesPane::TagsTable
    };
    enum Plot { ParallelPlot = ComparePlotsPane::ParallelPlot, ScatterPlot = ComparePlotsPane::ScatterPlot };
    // Values up to this length are diffed on the GUI thread; longer ones on a worker.
    static constexpr int InlineDiffLength = CompareDetail::InlineDiffLength;

    explicit ComparePage(QWidget *parent = nullptr);
    ~ComparePage() override;

    // The runs to compare: `runIds` of `runs`, read from the store at `location`. Applied when
    // the page is shown (at once if it is).
    // The runs the run browser shows (of one or more stores) and the selected ones among them.
    void setRuns(const MergedRuns &shown, const QList<int> &selectedRows);
    // Live updates: the store's runs were read again. Compares again, quietly (the old diff
    // stays, with its scroll positions, until the new one is in), when a compared run changed.
    void refreshRuns(const MergedRuns &shown, const QList<int> &selectedRows);
    // The runs compared (or being compared), in column order: pinned ones, then selected ones.
    // The same run id can appear twice (a run and its copy in another store).
    QStringList runIds() const { return m_comparison->runIds(); }
    // The runs compared (or being compared), in column order, with their stores.
    QList<RunDiff::RunSource> runSources() const { return m_comparison->runs(); }

    // Pins the selected runs of the open store (those not pinned yet) to the comparison.
    void pinSelectedRuns();
    // Pins or unpins the run of a column (its index in diff().runs).
    void pinRun(int run);
    void unpinRun(int run);
    // Unpins a run by its store and id (also one that could not be read).
    void unpin(const QString &location, const QString &runId);
    void clearPinned();
    // Unpins the pinned runs that could not be read in the last comparison.
    void unpinUnavailable();
    QList<RunDiff::RunSource> pinnedRuns() const { return m_comparison->pinnedRuns(); }
    bool isPinned(const QString &location, const QString &runId) const;
    // The runs asked for that could not be compared, with why (empty when all were read).
    QList<RunDiff::UnavailableRun> unavailableRuns() const { return m_comparison->unavailableRuns(); }
    // The notice above the tables (which runs could not be compared); empty when hidden.
    QString noticeText() const;
    const RunDiff::Diff &diff() const { return m_diff; }

    bool isLoading() const;
    void cancelLoading();

    void setOnlyDifferences(bool only);
    void setShowSystemTags(bool show);
    // The run (index in diff().runs) the others are compared with; -1: none.
    void setBaselineRun(int run);
    int baselineRun() const;

    // The diff as text: Markdown of every table (a heading each), CSV of the current table.
    QString diffMarkdown() const;
    QString diffCsv() const;
    void copyMarkdown();
    void copyCsv();

    // The runs brushed in the parallel coordinates; hasRunFilter() is false without a brush.
    bool hasRunFilter() const;
    QStringList filteredRunIds() const;
    void clearBrushing();
    // Chooses the parallel coordinates' axes (CompareAxis keys) as the checkable list would.
    void setAxisKeys(const QStringList &keys);
    void setScatterKeys(const QString &xKey, const QString &yKey);
    // Writes the current plot (.png, .svg); empty on success, else what went wrong (also
    // emitted as exportFailed).
    QString exportPlot(const QString &path);

    // The message shown instead of the tables; empty when they show.
    QString emptyText() const;
    // What the detail pane shows (HTML), for the tests.
    QString detailHtml() const;

    ParamDiffModel *paramModel() const { return m_paramModel; }
    MetricDiffModel *metricModel() const { return m_metricModel; }
    ParamDiffModel *tagModel() const { return m_tagModel; }
    QTreeView *paramView() const { return view(ParamsTable); }
    QTreeView *metricView() const { return view(MetricsTable); }
    QTreeView *tagView() const { return view(TagsTable); }
    QTreeView *view(Table table) const;
    QTabWidget *tableTabs() const { return m_tables->tabs(); }
    QTabWidget *plotTabs() const { return m_plots; }
    QTextBrowser *detailBrowser() const { return m_tables->detailBrowser(); }
    QComboBox *baselineBox() const { return m_baselineBox; }
    ParallelCoordinatesView *parallelView() const { return m_plots->parallelView(); }
    QListWidget *axisList() const { return m_plots->axisList(); }
    ScatterView *scatterView() const { return m_plots->scatterView(); }
    QComboBox *scatterXBox() const { return m_plots->scatterXBox(); }
    QComboBox *scatterYBox() const { return m_plots->scatterYBox(); }
    QAction *clearBrushingAction() const { return m_plots->clearBrushingAction(); }
    QAction *exportPlotAction() const { return m_plots->exportPlotAction(); }
    QToolBar *toolBar() const { return m_toolBar; }
    RunDiffLoader *loader() const { return m_loader; }
    QAction *onlyDifferencesAction() const { return m_onlyDifferencesAction; }
    QAction *showSystemTagsAction() const { return m_showSystemTagsAction; }
    QAction *copyMarkdownAction() const { return m_copyMarkdownAction; }
    QAction *copyCsvAction() const { return m_copyCsvAction; }
    QAction *pinAction() const { return m_pinAction; }
    QAction *clearPinnedAction() const { return m_clearPinnedAction; }
    // Compares the artifacts of the baseline (else the first run) and the next run.
    QAction *compareArtifactsAction() const { return m_compareArtifactsAction; }
    // Asks for the artifacts of the run of this column (its index in diff().runs) to be compared
    // with the baseline's, or with the first other run's when it is the baseline or none is set.
    void compareArtifacts(int run);

    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

signals:
    void loadingChanged(bool loading);
    void progressChanged(qint64 done, qint64 total);
    void loadFailed(const QString &message);
    // A diff of the current runs is in the tables.
    void diffShown();
    // The brushed runs changed, or brushing was cleared (hasRunFilter(), filteredRunIds()).
    void runFilterChanged();
    void exportFailed(const QString &message);
    // Runs were pinned or unpinned (pinnedRuns()).
    void pinnedRunsChanged();
    // The user asked to compare these two runs' artifacts.
    void artifactsCompareRequested(const RunDiff::RunInfo &left, const RunDiff::RunInfo &right);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void createLayout();
    void applyRuns();
    void scheduleApplyRuns();
    void onDiffLoaded(const RunDiff::Diff &diff);
    void showDiff(const RunDiff::Diff &diff);
    void updatePinning();
    void updateNotice();
    void updateEmptyState();
    void updateBaselineBox();
    // The menu of a run's column header (baseline, pinning); `run` may be out of range.
    void showRunMenu(int run, const QPoint &globalPos);
    void fitColumns(Table table);

    ComparisonSet *m_comparison;
    RunDiffLoader *m_loader;
    ParamDiffModel *m_paramModel;
    MetricDiffModel *m_metricModel;
    ParamDiffModel *m_tagModel;

    PageFrame *m_frame = nullptr;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_baselineBox = nullptr;
    CompareTablesPane *m_tables = nullptr;
    ComparePlotsPane *m_plots = nullptr;

    QAction *m_onlyDifferencesAction = nullptr;
    QAction *m_showSystemTagsAction = nullptr;
    QAction *m_copyMarkdownAction = nullptr;
    QAction *m_copyCsvAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_clearPinnedAction = nullptr;
    QAction *m_compareArtifactsAction = nullptr;
    NoticeBar *m_noticeBar = nullptr;

    bool m_runsPending = false; // the runs changed while the page was hidden
    bool m_quietRefresh = false; // the next applyRuns() is a live update's
    bool m_quietLoad = false; // the diff loading is a live update's: no busy state, old diff shown
    using LoadState = ComparisonMessages::LoadState;
    LoadState m_loadState = LoadState::Idle;
    QString m_failure;
    RunDiff::Diff m_diff;
};
