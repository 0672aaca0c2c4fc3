#include "comparepage.h"

#include "appsettings.h"
#include "metricdiffmodel.h"
#include "noticebar.h"
#include "pageframe.h"
#include "paramdiffmodel.h"
#include "runcolors.h"
#include "rundiffloader.h"
#include "shortcuttooltip.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>

#include <algorithm>

using namespace RunDiff;

ComparePage::ComparePage(QWidget *parent)
    : QWidget(parent),
      m_comparison(new ComparisonSet(this)),
      m_loader(new RunDiffLoader(this)),
      m_paramModel(new ParamDiffModel(ParamDiffModel::Kind::Params, this)),
      m_metricModel(new MetricDiffModel(this)),
      m_tagModel(new ParamDiffModel(ParamDiffModel::Kind::Tags, this))
{
    createActions();
    createLayout();

    connect(m_comparison, &ComparisonSet::selectionChanged, this, [this] {
        updatePinning();
        scheduleApplyRuns();
    });
    connect(m_comparison, &ComparisonSet::pinnedRunsChanged, this, [this] {
        updatePinning();
        emit pinnedRunsChanged();
        scheduleApplyRuns();
    });
    connect(m_plots, &ComparePlotsPane::runFilterChanged, this, &ComparePage::runFilterChanged);
    connect(m_plots, &ComparePlotsPane::exportFailed, this, &ComparePage::exportFailed);
    connect(m_loader, &RunDiffLoader::diffLoaded, this, &ComparePage::onDiffLoaded);
    connect(m_loader, &RunDiffLoader::diffFailed, this, [this](const QString &message) {
        m_comparison->forgetCompared(); // try again when shown again
        m_quietLoad = false;
        m_loadState = LoadState::Failed;
        m_failure = message;
        updateEmptyState();
        emit loadFailed(message);
    });
    connect(m_loader, &RunDiffLoader::cancelled, this, [this] {
        m_comparison->forgetCompared(); // compare again when shown again
        m_quietLoad = false;
        m_loadState = LoadState::Cancelled;
        updateEmptyState();
    });
    connect(m_loader, &RunDiffLoader::progressChanged, this, [this](qint64 done, qint64 total) {
        if (!m_quietLoad)
            emit progressChanged(done, total);
    });
    connect(m_loader, &RunDiffLoader::loadingChanged, this, [this](bool loading) {
        updateEmptyState();
        if (!m_quietLoad)
            emit loadingChanged(loading);
    });
    updateEmptyState();
}

ComparePage::~ComparePage() = default;

void ComparePage::createActions()
{
    m_onlyDifferencesAction = new QAction(tr("Only &Differences"), this);
    m_onlyDifferencesAction->setCheckable(true);
    m_onlyDifferencesAction->setChecked(true);
    m_onlyDifferencesAction->setToolTip(
        tr("Show only the parameters and tags whose values differ between the runs"));
    connect(m_onlyDifferencesAction, &QAction::toggled, this, &ComparePage::setOnlyDifferences);

    m_showSystemTagsAction = new QAction(tr("Show &mlflow.* Tags"), this);
    m_showSystemTagsAction->setCheckable(true);
    m_showSystemTagsAction->setToolTip(tr("Show MLflow's own tags (mlflow.source.name, mlflow.user …) too"));
    connect(m_showSystemTagsAction, &QAction::toggled, this, &ComparePage::setShowSystemTags);

    m_copyMarkdownAction = new QAction(tr("Copy Diff as &Markdown"), this);
    m_copyMarkdownAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyMarkdownAction->setToolTip(
        withShortcut(tr("Copy the parameters, metrics and tags as shown, as Markdown tables"),
                     m_copyMarkdownAction->shortcut()));
    m_copyMarkdownAction->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_copyMarkdownAction, &QAction::triggered, this, &ComparePage::copyMarkdown);

    m_copyCsvAction = new QAction(tr("Copy Diff as &CSV"), this);
    m_copyCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    m_copyCsvAction->setToolTip(withShortcut(tr("Copy the table shown (parameters, metrics or tags) as CSV"),
                                             m_copyCsvAction->shortcut()));
    connect(m_copyCsvAction, &QAction::triggered, this, &ComparePage::copyCsv);
    m_copyMarkdownAction->setEnabled(false);
    m_copyCsvAction->setEnabled(false);

    m_pinAction = new QAction(tr("&Pin to Comparison"), this);
    m_pinAction->setIconText(tr("Pin"));
    m_pinAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pinAction->setToolTip(
        withShortcut(tr("Keep the selected runs as columns while you select other runs or "
                        "open another store"),
                     m_pinAction->shortcut()));
    m_pinAction->setEnabled(false);
    connect(m_pinAction, &QAction::triggered, this, &ComparePage::pinSelectedRuns);

    m_clearPinnedAction = new QAction(tr("&Unpin All"), this);
    m_clearPinnedAction->setToolTip(tr("Compare only the runs selected in the Runs tab again"));
    m_clearPinnedAction->setEnabled(false);
    connect(m_clearPinnedAction, &QAction::triggered, this, &ComparePage::clearPinned);

    m_compareArtifactsAction = new QAction(tr("Compare &Artifacts"), this);
    m_compareArtifactsAction->setToolTip(
        tr("Compare the artifacts of the baseline (else the first run) and the next run"));
    m_compareArtifactsAction->setEnabled(false);
    connect(m_compareArtifactsAction, &QAction::triggered, this, [this] {
        const int baseline = baselineRun();
        compareArtifacts(baseline >= 0 ? (baseline == 0 ? 1 : 0) : 1);
    });
}

void ComparePage::compareArtifacts(int run)
{
    if (run < 0 || run >= m_diff.runs.size() || m_diff.runs.size() < 2)
        return;
    int other = baselineRun();
    if (other < 0 || other == run)
        other = run == 0 ? 1 : 0;
    emit artifactsCompareRequested(m_diff.runs[other], m_diff.runs[run]);
}

void ComparePage::createLayout()
{
    m_frame = new PageFrame(QStringLiteral("compare"), this);
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("compareToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_pinAction);
    m_toolBar->addAction(m_clearPinnedAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_onlyDifferencesAction);
    m_toolBar->addAction(m_showSystemTagsAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_compareArtifactsAction);
    m_toolBar->addSeparator();
    auto *baselineLabel = new QLabel(tr("Baseline:"), m_toolBar);
    m_baselineBox = new QComboBox(m_toolBar);
    m_baselineBox->setObjectName(QStringLiteral("baselineBox"));
    m_baselineBox->setToolTip(
        tr("Choose a run: the other runs show their differences from it (absolute and %)"));
    m_baselineBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baselineBox->setMinimumContentsLength(12);
    baselineLabel->setBuddy(m_baselineBox);
    connect(m_baselineBox, &QComboBox::activated, this,
            [this](int index) { setBaselineRun(m_baselineBox->itemData(index).toInt()); });
    m_toolBar->addWidget(baselineLabel);
    m_toolBar->addWidget(m_baselineBox);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_copyMarkdownAction);
    m_toolBar->addAction(m_copyCsvAction);

    m_tables = new CompareTablesPane(m_paramModel, m_metricModel, m_tagModel, this);
    connect(m_tables, &CompareTablesPane::runMenuRequested, this, &ComparePage::showRunMenu);

    m_plots = new ComparePlotsPane(this);
    m_toolBar->addSeparator(); // the plots' actions end the tool bar
    m_toolBar->addAction(m_plots->clearBrushingAction());
    m_toolBar->addAction(m_plots->exportPlotAction());

    m_noticeBar = new NoticeBar(this);
    m_noticeBar->setObjectName(QStringLiteral("compareNoticeBar"));
    connect(m_noticeBar, &NoticeBar::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("unpin-unavailable"))
            unpinUnavailable();
    });
    m_frame->addBar(m_noticeBar);
    m_frame->addBar(m_toolBar);
    m_frame->addPane(m_tables, 1, 620);
    m_frame->addPane(m_plots, 1, 900);

    QLabel *message = m_frame->messageLabel();
    message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    connect(message, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("compare")) {
            m_comparison->forgetCompared();
            applyRuns();
        } else if (link == QLatin1String("pin")) {
            pinSelectedRuns();
        } else if (link == QLatin1String("unpin-unavailable")) {
            unpinUnavailable();
        }
    });
}

QTreeView *ComparePage::view(Table table) const
{
    return m_tables->view(CompareTablesPane::Table(table));
}

void ComparePage::setRuns(const MergedRuns &shown, const QList<int> &selectedRows)
{
    m_quietRefresh = false;
    m_comparison->setSelection(shown, selectedRows);
}

void ComparePage::refreshRuns(const MergedRuns &shown, const QList<int> &selectedRows)
{
    m_quietRefresh = m_comparison->comparedRunsChangedIn(shown);
    if (m_quietRefresh)
        m_comparison->forgetCompared();
    m_comparison->setSelection(shown, selectedRows);
}

void ComparePage::scheduleApplyRuns()
{
    m_runsPending = true;
    if (isVisible())
        applyRuns();
}

void ComparePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_runsPending)
        applyRuns();
}

void ComparePage::applyRuns()
{
    m_runsPending = false;
    const bool quiet = std::exchange(m_quietRefresh, false);
    m_comparison->updateRuns();
    if (m_comparison->runs().size() < 2) {
        m_loader->cancel();
        m_loadState = LoadState::Idle;
        m_comparison->clearCompared();
        showDiff(Diff());
        return;
    }
    if (!m_comparison->startComparing()) {
        updatePinning(); // shown or on its way; only what is pinned may have changed
        return;
    }
    m_loadState = LoadState::Loading;
    m_quietLoad = quiet;
    m_loader->compare(m_comparison->comparedRuns(), RunDiffLoader::Unavailable::Skip);
    if (!quiet)
        showDiff(Diff()); // the diff of other runs must not look like theirs while they load
}

bool ComparePage::isLoading() const
{
    return m_loader->isLoading() && !m_quietLoad;
}

void ComparePage::cancelLoading()
{
    m_loader->cancel();
}

bool ComparePage::isPinned(const QString &location, const QString &runId) const
{
    return m_comparison->isPinned(location, runId);
}

void ComparePage::pinSelectedRuns()
{
    m_comparison->pinSelectedRuns();
}

void ComparePage::pinRun(int run)
{
    m_comparison->pinRun(run);
}

void ComparePage::unpinRun(int run)
{
    m_comparison->unpinRun(run);
}

void ComparePage::unpin(const QString &location, const QString &runId)
{
    m_comparison->unpin(location, runId);
}

void ComparePage::clearPinned()
{
    m_comparison->clearPinned();
}

void ComparePage::unpinUnavailable()
{
    m_comparison->unpinUnavailable();
}

void ComparePage::updatePinning()
{
    m_pinAction->setEnabled(m_comparison->hasRunsToPin());
    m_clearPinnedAction->setEnabled(!m_comparison->pinnedRuns().isEmpty());
    const QList<int> pinnedRuns = m_comparison->pinnedColumns();
    // Not QList<int>::operator==: Qt 6.4 memcmp()s an empty list's null data against another
    // empty list's (undefined behaviour, which UBSan reports).
    if (std::ranges::equal(pinnedRuns, m_paramModel->pinnedRuns()))
        return;
    m_paramModel->setPinnedRuns(pinnedRuns);
    m_metricModel->setPinnedRuns(pinnedRuns);
    m_tagModel->setPinnedRuns(pinnedRuns);
    for (const Table table : {ParamsTable, MetricsTable, TagsTable}) {
        fitColumns(table);
        view(table)->doItemsLayout(); // the header may have a line more or less
    }
}

void ComparePage::updateNotice()
{
    m_noticeBar->setText(ComparisonMessages::notice(*m_comparison, m_diff.runs.size()));
}

QString ComparePage::noticeText() const
{
    return m_noticeBar->isVisibleTo(this) ? m_noticeBar->text() : QString();
}

void ComparePage::setAxisKeys(const QStringList &keys)
{
    m_plots->setAxisKeys(keys);
}

void ComparePage::setScatterKeys(const QString &xKey, const QString &yKey)
{
    m_plots->setScatterKeys(xKey, yKey);
}

bool ComparePage::hasRunFilter() const
{
    return m_plots->hasRunFilter();
}

QStringList ComparePage::filteredRunIds() const
{
    return m_plots->filteredRunIds();
}

void ComparePage::clearBrushing()
{
    m_plots->clearBrushing();
}

QString ComparePage::exportPlot(const QString &path)
{
    return m_plots->exportPlot(path);
}

void ComparePage::onDiffLoaded(const Diff &diff)
{
    m_loadState = LoadState::Idle;
    m_failure.clear();
    m_comparison->setColumns(m_loader->unavailableRuns(), m_loader->readSources());
    Q_ASSERT(m_comparison->columnCount() == diff.runs.size());
    if (!std::exchange(m_quietLoad, false)) {
        showDiff(diff);
        return;
    }
    const QList<CompareTablesPane::Place> places
        = m_tables->places(); // a live update: the user's place stays
    showDiff(diff);
    m_tables->setPlaces(places);
}

void ComparePage::showDiff(const Diff &diff)
{
    if (diff.isEmpty())
        m_comparison->clearColumns();
    m_diff = diff;
    m_paramModel->setDiff(diff);
    m_metricModel->setDiff(diff);
    m_tagModel->setDiff(diff);
    if (!diff.isEmpty()) {
        // The baseline stays with its run, wherever its column went.
        const int baseline = m_comparison->baselineRun();
        m_comparison->setBaselineRun(baseline); // none once its run is no longer compared
        m_paramModel->setBaselineRun(baseline); // the columns are fitted below
        m_metricModel->setBaselineRun(baseline);
        m_tagModel->setBaselineRun(baseline);
    }
    updatePinning();
    updateNotice();
    updateBaselineBox();
    for (const Table table : {ParamsTable, MetricsTable, TagsTable})
        fitColumns(table);
    m_tables->updateTabTitles();
    m_copyMarkdownAction->setEnabled(diff.runs.size() >= 2);
    m_copyCsvAction->setEnabled(diff.runs.size() >= 2);
    m_compareArtifactsAction->setEnabled(diff.runs.size() >= 2);
    m_plots->setDiff(diff);
    updateEmptyState();
    m_tables->scheduleDetail();
    if (!diff.isEmpty())
        emit diffShown();
}

void ComparePage::fitColumns(Table table)
{
    m_tables->fitColumns(CompareTablesPane::Table(table));
}

void ComparePage::updateEmptyState()
{
    const QString text = ComparisonMessages::emptyPage(*m_comparison, m_diff.runs.size(), m_loadState,
                                                       m_loader->isLoading(), m_failure);
    m_frame->showMessage(text);
}

QString ComparePage::emptyText() const
{
    return m_frame->message();
}

void ComparePage::updateBaselineBox()
{
    m_baselineBox->clear();
    m_baselineBox->addItem(tr("None"), -1);
    for (int i = 0; i < m_diff.runs.size(); ++i) {
        const RunInfo &run = m_diff.runs[i];
        QPixmap pixmap(10, 10);
        pixmap.fill(RunColors::color(run.colorKey()));
        m_baselineBox->addItem(QIcon(pixmap), run.displayName(), i);
    }
    m_baselineBox->setCurrentIndex(m_baselineBox->findData(baselineRun()));
    m_baselineBox->setEnabled(m_diff.runs.size() > 1);
}

void ComparePage::setOnlyDifferences(bool only)
{
    if (m_onlyDifferencesAction->isChecked() != only)
        m_onlyDifferencesAction->setChecked(only); // comes back here
    m_paramModel->setOnlyDifferences(only);
    m_tagModel->setOnlyDifferences(only);
    fitColumns(ParamsTable);
    fitColumns(TagsTable);
    m_tables->scheduleDetail();
}

void ComparePage::setShowSystemTags(bool show)
{
    if (m_showSystemTagsAction->isChecked() != show)
        m_showSystemTagsAction->setChecked(show);
    m_tagModel->setShowSystemTags(show);
    fitColumns(TagsTable);
    m_tables->updateTabTitles();
    m_tables->scheduleDetail();
}

void ComparePage::setBaselineRun(int run)
{
    m_comparison->setBaselineRun(run);
    m_paramModel->setBaselineRun(run);
    m_metricModel->setBaselineRun(run);
    m_tagModel->setBaselineRun(run);
    const int index = m_baselineBox->findData(baselineRun());
    if (index != m_baselineBox->currentIndex())
        m_baselineBox->setCurrentIndex(index);
    for (const Table table : {ParamsTable, MetricsTable, TagsTable})
        fitColumns(table);
    m_tables->scheduleDetail();
}

int ComparePage::baselineRun() const
{
    return m_paramModel->baselineRun();
}

void ComparePage::showRunMenu(int run, const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (run >= 0 && run < m_diff.runs.size()) {
        if (run != baselineRun()) {
            menu->addAction(tr("Use “%1” as Baseline").arg(m_diff.runs[run].displayName()), this,
                            [this, run] { setBaselineRun(run); });
        }
    }
    QAction *clear = menu->addAction(tr("Clear Baseline"), this, [this] { setBaselineRun(-1); });
    clear->setEnabled(baselineRun() >= 0);
    menu->addSeparator();
    if (run >= 0 && run < m_diff.runs.size()) {
        const bool pinned = m_paramModel->isPinned(run);
        const QString name = m_diff.runs[run].displayName();
        QAction *pin = pinned
            ? menu->addAction(tr("Unpin “%1”").arg(name), this, [this, run] { unpinRun(run); })
            : menu->addAction(tr("Pin “%1” to Comparison").arg(name), this, [this, run] { pinRun(run); });
        pin->setObjectName(pinned ? QStringLiteral("unpinRunAction") : QStringLiteral("pinRunAction"));
    }
    menu->addAction(m_clearPinnedAction);
    if (run >= 0 && run < m_diff.runs.size() && m_diff.runs.size() >= 2) {
        menu->addSeparator();
        menu->addAction(tr("Compare Artifacts of “%1”…").arg(m_diff.runs[run].displayName()), this,
                        [this, run] { compareArtifacts(run); });
    }
    menu->popup(globalPos);
}

QString ComparePage::detailHtml() const
{
    return detailBrowser()->toHtml();
}

QString ComparePage::diffMarkdown() const
{
    if (m_diff.isEmpty())
        return {};
    QString text
        = QStringLiteral("## ") + tr("Parameters") + QStringLiteral("\n\n") + m_paramModel->toMarkdown();
    text += QStringLiteral("\n## ") + tr("Metrics") + QStringLiteral("\n\n") + m_metricModel->toMarkdown();
    text += QStringLiteral("\n## ") + tr("Tags") + QStringLiteral("\n\n") + m_tagModel->toMarkdown();
    return text;
}

QString ComparePage::diffCsv() const
{
    if (m_diff.isEmpty())
        return {};
    switch (Table(m_tables->currentTable())) {
    case MetricsTable:
        return m_metricModel->toCsv();
    case TagsTable:
        return m_tagModel->toCsv();
    case ParamsTable:
        break;
    }
    return m_paramModel->toCsv();
}

void ComparePage::copyMarkdown()
{
    if (!m_diff.isEmpty())
        QGuiApplication::clipboard()->setText(diffMarkdown());
}

void ComparePage::copyCsv()
{
    if (!m_diff.isEmpty())
        QGuiApplication::clipboard()->setText(diffCsv());
}

void ComparePage::saveSettings(AppSettings &settings) const
{
    settings.setValue(Settings::CompareOnlyDifferences, m_onlyDifferencesAction->isChecked());
    settings.setValue(Settings::CompareShowSystemTags, m_showSystemTagsAction->isChecked());
    settings.setValue(Settings::CompareSplitter, m_frame->saveState());
    settings.setValue(Settings::CompareTableSplitter, m_tables->saveState());
    settings.setValue(Settings::CompareTable, tableTabs()->currentIndex());
    settings.setValue(Settings::ComparePlot, m_plots->currentIndex());
    settings.setValue(Settings::CompareAxes, m_plots->chosenAxes());
    m_comparison->saveSettings(settings.file(), Settings::PinnedRuns.name);
}

// An empty `settings` (a reset) puts back the defaults; the pinned runs stay pinned.
void ComparePage::restoreSettings(const AppSettings &settings)
{
    setOnlyDifferences(settings.value(Settings::CompareOnlyDifferences));
    setShowSystemTags(settings.value(Settings::CompareShowSystemTags));
    m_frame->restoreState(settings.value(Settings::CompareSplitter));
    m_tables->restoreState(settings.value(Settings::CompareTableSplitter));
    tableTabs()->setCurrentIndex(
        std::clamp(settings.value(Settings::CompareTable), 0, tableTabs()->count() - 1));
    m_plots->setCurrentIndex(std::clamp(settings.value(Settings::ComparePlot), 0, m_plots->count() - 1));
    m_plots->setChosenAxes(settings.value(Settings::CompareAxes));
    // A store that went meanwhile is named in the notice when the pinned runs are compared.
    m_comparison->restoreSettings(settings.file(), Settings::PinnedRuns.name);
}
