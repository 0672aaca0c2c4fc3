#include "appsettings.h"
#include "demostore.h"
#include "elidingheaderview.h"
#include "experimentlistmodel.h"
#include "rundetailsmodel.h"
#include "rundetailsview.h"
#include "runloader.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "searchfilteredit.h"
#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolTip>
#include <QTreeView>

class TestRunsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensExperimentAndShowsTree();
    void headersAndColumns();
    void longHeadersElideInTheMiddle();
    void selectsRunsFromArguments();
    void switchesExperiment();
    void showsRunsOfSeveralExperiments();
    void ctrlClickAddsExperiment();
    void experimentColumnFollowsUserChoice();
    void showDeleted();
    void detailsShowNoteAndDatasets();
    void detailsShowDatasetsFailure();
    void filterAppliesAndKeepsParents();
    void invalidFilterShowsErrorAndKeepsResult();
    void filterAppliesAfterTyping();
    void firstRowsThenAllKeepSelection();
    void cancelKeepsFirstRows();
    void reloadKeepsSelection();
    void hiddenColumnsAreRemembered();
    void failedOpenKeepsStore();

private:
    // Opens the demo store and waits until every run of the experiment is shown.
    bool openDemo(RunsPage &page, const QString &experiment = QStringLiteral("mnist-cnn"),
                  const QStringList &runIds = {});
    QStringList runIdsOf(const QString &experimentId) const;
    static QStringList headers(const RunsPage &page);

    QTemporaryDir m_dir;
    QString m_demo;
};

bool TestRunsPage::openDemo(RunsPage &page, const QString &experiment, const QStringList &runIds)
{
    return WidgetTestSupport::showRuns(&page, [&] { page.openStore(m_demo, experiment, runIds); });
}

QStringList TestRunsPage::runIdsOf(const QString &experimentId) const
{
    auto reader = Store::openStore(m_demo);
    Store::RunQuery query;
    query.experimentIds = {experimentId};
    auto runs = (*reader)->runs(query);
    QStringList ids;
    for (int row = 0; row < runs->size(); ++row)
        ids.append(runs->run(row).runId);
    return ids;
}

QStringList TestRunsPage::headers(const RunsPage &page)
{
    QStringList result;
    const QAbstractItemModel *model = page.runView()->model();
    for (int column = 0; column < model->columnCount(); ++column)
        result.append(model->headerData(column, Qt::Horizontal).toString());
    return result;
}

void TestRunsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runspage"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestRunsPage::init()
{
    QSettings().clear();
}

void TestRunsPage::opensExperimentAndShowsTree()
{
    RunsPage page;
    QSignalSpy opened(&page, &RunsPage::storeOpened);
    QVERIFY(openDemo(page));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.experimentView()->model()->rowCount(page.experimentView()->rootIndex()),
             Store::DemoStore::Counts::ActiveExperiments);
    QCOMPARE(page.currentExperimentId(), QStringLiteral("1"));
    QCOMPARE(page.experimentModel()->experimentId(page.experimentView()->currentIndex()),
             QStringLiteral("1"));

    // The sweep parent holds its nine children; three standalone runs beside it.
    const QAbstractItemModel *view = page.runView()->model();
    QCOMPARE(view->rowCount(), 4);
    int parents = 0;
    for (int row = 0; row < view->rowCount(); ++row) {
        const QModelIndex index = view->index(row, 0);
        if (view->rowCount(index) > 0) {
            ++parents;
            QCOMPARE(view->rowCount(index), Store::DemoStore::Counts::NestedChildren);
            QVERIFY(page.runView()->isExpanded(index));
        }
    }
    QCOMPARE(parents, 1);
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(page.statusText(), QStringLiteral("13 runs."));
    QVERIFY(!page.isLoading());
    // The newest run is current, so the details pane has something to show.
    QCOMPARE(page.runView()->currentIndex(), view->index(0, 0));
    QVERIFY(!page.currentRunId().isEmpty());
    QCOMPARE(page.detailsModel()->runId(), page.currentRunId());
}

void TestRunsPage::headersAndColumns()
{
    RunsPage page;
    page.resize(1400, 800);
    QVERIFY(openDemo(page));
    const QStringList shown = headers(page);
    QCOMPARE(
        shown.mid(0, 8),
        QStringList({"Name", "Experiment", "Store", "Status", "Start time", "Duration", "User", "Source"}));
    // One experiment of one store: which one each run is of goes without saying.
    QVERIFY(page.runView()->header()->isSectionHidden(RunTreeModel::ExperimentColumn));
    QVERIFY(!page.isColumnVisible(QStringLiteral("attributes.experiment_name")));
    QVERIFY(page.runView()->header()->isSectionHidden(RunTreeModel::StoreColumn));
    QVERIFY(shown.contains(QStringLiteral("params.learning_rate")));
    QVERIFY(shown.contains(QStringLiteral("params.batch_size")));
    QVERIFY(shown.contains(QStringLiteral("metrics.val_accuracy")));
    QVERIFY(shown.contains(QStringLiteral("metrics.learning_rate")));
    // Default widths leave a timestamp and a metric readable.
    const QHeaderView *header = page.runView()->header();
    const QFontMetrics metrics = page.runView()->fontMetrics();
    QVERIFY(header->sectionSize(RunTreeModel::StartTimeColumn)
            > metrics.horizontalAdvance(QStringLiteral("2025-01-01 00:00")));
    const int accuracy = page.runModel()->columnOfKey(QStringLiteral("metrics.val_accuracy"));
    QVERIFY(header->sectionSize(accuracy)
            >= metrics.horizontalAdvance(QStringLiteral("metrics.val_accuracy")));
    // Nested names fit beside their indentation and colour swatch.
    QVERIFY(header->sectionSize(RunTreeModel::NameColumn) > 2 * page.runView()->indentation()
                + page.runView()->iconSize().width()
                + metrics.horizontalAdvance(QStringLiteral("lr=0.001,bs=128")));
    // Sorted newest first.
    QCOMPARE(header->sortIndicatorSection(), int(RunTreeModel::StartTimeColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestRunsPage::longHeadersElideInTheMiddle()
{
    // Two metrics that differ only at the end of a long key.
    const QString path = m_dir.filePath(QStringLiteral("long-keys.db"));
    QFile::remove(path);
    const QString stem = QStringLiteral("validation_cross_entropy_loss_exponential_moving_average_fold_");
    {
        auto builder = Store::StoreBuilder::create(path);
        QVERIFY(builder);
        Store::StoreBuilder &b = **builder;
        const qint64 experiment = b.addExperiment({.name = QStringLiteral("long")});
        const QString run = b.addRun({.experimentId = experiment, .name = QStringLiteral("r")});
        b.logMetric(run, stem + QLatin1Char('3'), 0.5, 1000);
        b.logMetric(run, stem + QLatin1Char('4'), 0.25, 1000);
        QCOMPARE(b.finish().code, Store::Error::None);
    }
    RunsPage page;
    page.resize(1400, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { page.openStore(path, QStringLiteral("long")); }));

    auto *header = qobject_cast<ElidingHeaderView *>(page.runView()->header());
    QVERIFY(header);
    QStringList shownTexts;
    for (const QChar fold : {QLatin1Char('3'), QLatin1Char('4')}) {
        const QString key = QStringLiteral("metrics.") + stem + fold;
        const int column = page.runModel()->columnOfKey(key);
        QVERIFY(column >= 0);
        QVERIFY(header->sectionSize(column) < header->fontMetrics().horizontalAdvance(key)); // too narrow
        const QString text = header->displayedText(column);
        QVERIFY2(text.contains(QChar(0x2026)), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("metr")), qPrintable(text)); // the start stays...
        QVERIFY2(text.endsWith(QStringLiteral("fold_") + fold), qPrintable(text)); // ...and the end
        QVERIFY(header->fontMetrics().horizontalAdvance(text) <= header->textWidth(column));
        shownTexts.append(text);

        // A wide enough column shows the whole key.
        const int narrow = header->sectionSize(column);
        header->resizeSection(column, header->fontMetrics().horizontalAdvance(key) * 2);
        QCOMPARE(header->displayedText(column), key);
        header->resizeSection(column, narrow);

        // Hovering the header shows the whole key.
        QToolTip::hideText();
        const QPoint pos(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                         header->height() / 2);
        QHelpEvent help(QEvent::ToolTip, pos, header->viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(header->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), key);
    }
    QVERIFY(shownTexts.at(0) != shownTexts.at(1)); // the two columns can be told apart
    QToolTip::hideText();
}

void TestRunsPage::selectsRunsFromArguments()
{
    const QStringList gbm = runIdsOf(QStringLiteral("2"));
    QCOMPARE(gbm.size(), Store::DemoStore::Counts::GbmActiveRuns);
    RunsPage page;
    QVERIFY(openDemo(page, QStringLiteral("tabular-gbm"), {gbm.at(3), gbm.at(1)}));
    QCOMPARE(page.currentExperimentId(), QStringLiteral("2"));
    QCOMPARE(page.currentRunId(), gbm.at(3));
    QStringList selected = page.selectedRunIds();
    selected.sort();
    QStringList expected {gbm.at(3), gbm.at(1)};
    expected.sort();
    QCOMPARE(selected, expected);
    QCOMPARE(page.detailsModel()->runId(), gbm.at(3));

    // By id, and a child run inside the sweep.
    const QStringList mnist = runIdsOf(QStringLiteral("1"));
    RunsPage second;
    QString child;
    {
        RunTreeModel model;
        auto reader = Store::openStore(m_demo);
        auto runs = (*reader)->runs({{QStringLiteral("1")}});
        for (int row = 0; row < runs->size() && child.isEmpty(); ++row) {
            if (!runs->run(row).parentRunId.isEmpty())
                child = runs->run(row).runId;
        }
    }
    QVERIFY(!child.isEmpty());
    QVERIFY(openDemo(second, QStringLiteral("1"), {child}));
    QCOMPARE(second.currentRunId(), child);
    QVERIFY(second.runView()->isExpanded(second.runView()->currentIndex().parent()));
}

void TestRunsPage::switchesExperiment()
{
    RunsPage page;
    QVERIFY(openDemo(page));
    bool found = false;
    QVERIFY(WidgetTestSupport::showRuns(
        &page, [&] { found = page.selectExperiment(QStringLiteral("tabular-gbm")); }));
    QVERIFY(found);
    QCOMPARE(page.currentExperimentId(), QStringLiteral("2"));
    QCOMPARE(page.runView()->model()->rowCount(), Store::DemoStore::Counts::GbmActiveRuns);
    QVERIFY(headers(page).contains(QStringLiteral("metrics.rmse")));
    QVERIFY(!headers(page).contains(QStringLiteral("metrics.val_accuracy")));
    QVERIFY(!page.selectExperiment(QStringLiteral("no-such-experiment")));
}

void TestRunsPage::showsRunsOfSeveralExperiments()
{
    const QStringList mnist = runIdsOf(QStringLiteral("1"));
    const QStringList gbm = runIdsOf(QStringLiteral("2"));
    QCOMPARE(mnist.size(), Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(gbm.size(), Store::DemoStore::Counts::GbmActiveRuns);
    RunsPage page;
    QVERIFY(openDemo(page)); // mnist-cnn
    QItemSelectionModel *experiments = page.experimentView()->selectionModel();

    // Ctrl+click style: tabular-gbm joins mnist-cnn.
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] {
        experiments->select(page.experimentModel()->indexOfExperiment(page.location(), QStringLiteral("2")),
                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    QCOMPARE(page.currentExperimentIds(), (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(page.currentExperimentId(), QStringLiteral("1"));
    const int both = Store::DemoStore::Counts::MnistRuns + Store::DemoStore::Counts::GbmActiveRuns;
    QCOMPARE(page.runModel()->runs().size(), both);
    for (const QString &id : mnist + gbm)
        QVERIFY2(page.runModel()->rowOfRun(id) >= 0, qPrintable(id));
    QCOMPARE(page.statusText(), QStringLiteral("2 experiments · %1 runs.").arg(both));
    // Both experiments' columns, and the experiment in the name's tooltip.
    QVERIFY(headers(page).contains(QStringLiteral("metrics.rmse")));
    QVERIFY(headers(page).contains(QStringLiteral("metrics.val_accuracy")));
    const QString gbmTip = page.runModel()->indexOfRun(gbm.at(0)).data(Qt::ToolTipRole).toString();
    QVERIFY2(gbmTip.contains(QStringLiteral("tabular-gbm")), qPrintable(gbmTip));
    const QString mnistTip = page.runModel()->indexOfRun(mnist.at(0)).data(Qt::ToolTipRole).toString();
    QVERIFY2(mnistTip.contains(QStringLiteral("mnist-cnn")), qPrintable(mnistTip));
    // The experiment column shows which experiment each run is of.
    const QHeaderView *header = page.runView()->header();
    QVERIFY(!header->isSectionHidden(RunTreeModel::ExperimentColumn));
    QVERIFY(header->sectionSize(RunTreeModel::ExperimentColumn) > 0);
    const auto experimentShown = [&](const QString &runId) {
        return page.runProxy()
            ->mapFromSource(page.runModel()->indexOfRun(runId, RunTreeModel::ExperimentColumn))
            .data()
            .toString();
    };
    QCOMPARE(experimentShown(gbm.at(0)), QStringLiteral("tabular-gbm"));
    QCOMPARE(experimentShown(mnist.at(0)), QStringLiteral("mnist-cnn"));

    // Runs of both experiments selected together, for the Charts and Compare tabs.
    QSignalSpy selected(&page, &RunsPage::selectedRunsChanged);
    page.selectRuns({gbm.at(1), mnist.at(2), gbm.at(0)});
    QVERIFY(!selected.isEmpty());
    QStringList ids = page.selectedRunIds();
    ids.sort();
    QStringList expected {gbm.at(1), mnist.at(2), gbm.at(0)};
    expected.sort();
    QCOMPARE(ids, expected);
    QCOMPARE(page.currentRunId(), gbm.at(1));

    // Reload keeps both experiments and the selection.
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { page.reloadAction()->trigger(); }));
    QCOMPARE(page.currentExperimentIds(), (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(experiments->selectedRows().size(), 2);
    ids = page.selectedRunIds();
    ids.sort();
    QCOMPARE(ids, expected);

    // Show deleted: the deleted gbm run joins, both experiments stay selected.
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { page.showDeletedAction()->setChecked(true); }));
    QCOMPARE(page.currentExperimentIds(), (QStringList {QStringLiteral("1"), QStringLiteral("2")}));
    QCOMPARE(page.runModel()->runs().size(),
             Store::DemoStore::Counts::MnistRuns + Store::DemoStore::Counts::GbmRuns);
    QCOMPARE(experiments->selectedRows().size(), 2);

    // A plain selection (a click) shows one experiment again.
    bool found = false;
    QVERIFY(WidgetTestSupport::showRuns(
        &page, [&] { found = page.selectExperiment(QStringLiteral("tabular-gbm")); }));
    QVERIFY(found);
    QCOMPARE(page.currentExperimentIds(), QStringList {QStringLiteral("2")});
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmRuns);
    QCOMPARE(page.statusText(), QStringLiteral("%1 runs.").arg(Store::DemoStore::Counts::GbmRuns));
    QCOMPARE(experiments->selectedRows().size(), 1);
    QVERIFY(header->isSectionHidden(RunTreeModel::ExperimentColumn));

    // Emptying the selection keeps the runs shown and their experiment selected.
    experiments->clearSelection();
    QCOMPARE(experiments->selectedRows().size(), 1);
    QCOMPARE(page.experimentModel()->experimentId(experiments->selectedRows().constFirst()),
             QStringLiteral("2"));
    QCOMPARE(page.currentExperimentIds(), QStringList {QStringLiteral("2")});
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmRuns);
}

void TestRunsPage::ctrlClickAddsExperiment()
{
    RunsPage page;
    page.resize(1200, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(openDemo(page)); // mnist-cnn
    QTreeView *view = page.experimentView();
    const auto clickAt = [&](const QString &id, Qt::KeyboardModifiers modifiers) {
        const QModelIndex index = page.experimentModel()->indexOfExperiment(page.location(), id);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
    };
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { clickAt(QStringLiteral("3"), Qt::ControlModifier); }));
    QCOMPARE(page.currentExperimentIds(), (QStringList {QStringLiteral("1"), QStringLiteral("3")}));
    QCOMPARE(page.runModel()->runs().size(),
             Store::DemoStore::Counts::MnistRuns + Store::DemoStore::Counts::LlmRuns);

    // A click without Ctrl: that experiment alone, as before.
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { clickAt(QStringLiteral("3"), Qt::NoModifier); }));
    QCOMPARE(page.currentExperimentIds(), QStringList {QStringLiteral("3")});
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::LlmRuns);
    QCOMPARE(page.statusText(), QStringLiteral("%1 runs.").arg(Store::DemoStore::Counts::LlmRuns));
}

void TestRunsPage::experimentColumnFollowsUserChoice()
{
    const QString key = QStringLiteral("attributes.experiment_name");
    const auto selectBoth = [](RunsPage &page) {
        return WidgetTestSupport::showRuns(&page, [&] {
            page.experimentView()->selectionModel()->select(
                page.experimentModel()->indexOfExperiment(page.location(), QStringLiteral("2")),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        });
    };
    const auto selectOne = [](RunsPage &page) {
        return WidgetTestSupport::showRuns(&page,
                                           [&] { page.selectExperiment(QStringLiteral("mnist-cnn")); });
    };
    {
        RunsPage page;
        QVERIFY(openDemo(page));
        const QHeaderView *header = page.runView()->header();
        // Shown from the columns menu with one experiment: it stays, whatever is selected.
        page.columnsAction()->menu()->popup(QPoint(0, 0));
        QAction *experiment = nullptr;
        for (QAction *action : page.columnsAction()->menu()->actions()) {
            if (action->text() == QStringLiteral("Experiment"))
                experiment = action;
        }
        QVERIFY(experiment);
        QVERIFY(experiment->isCheckable() && !experiment->isChecked());
        experiment->setChecked(true);
        page.columnsAction()->menu()->hide();
        QVERIFY(!header->isSectionHidden(RunTreeModel::ExperimentColumn));
        QVERIFY(selectBoth(page));
        QVERIFY(!header->isSectionHidden(RunTreeModel::ExperimentColumn));
        QVERIFY(selectOne(page));
        QVERIFY(!header->isSectionHidden(RunTreeModel::ExperimentColumn));
    }
    QCOMPARE(AppSettings().value(Settings::shownColumns(QStringLiteral("RunsPage"))), QStringList {key});
    {
        RunsPage page;
        QVERIFY(openDemo(page));
        const QHeaderView *header = page.runView()->header();
        QVERIFY(!header->isSectionHidden(RunTreeModel::ExperimentColumn));
        // Hidden with two experiments shown: it stays hidden, whatever is selected.
        QVERIFY(selectBoth(page));
        page.setColumnVisible(key, false);
        QVERIFY(header->isSectionHidden(RunTreeModel::ExperimentColumn));
        QVERIFY(selectOne(page));
        QVERIFY(selectBoth(page));
        QVERIFY(header->isSectionHidden(RunTreeModel::ExperimentColumn));
        QCOMPARE(AppSettings().value(Settings::hiddenColumns(QStringLiteral("RunsPage"))), QStringList {key});
        QVERIFY(AppSettings().value(Settings::shownColumns(QStringLiteral("RunsPage"))).isEmpty());
        // Showing it again where it shows anyway hands it back to the automatic choice.
        page.setColumnVisible(key, true);
        QVERIFY(selectOne(page));
        QVERIFY(header->isSectionHidden(RunTreeModel::ExperimentColumn));
        QVERIFY(AppSettings().value(Settings::hiddenColumns(QStringLiteral("RunsPage"))).isEmpty());
    }
}

void TestRunsPage::showDeleted()
{
    RunsPage page;
    QVERIFY(openDemo(page, QStringLiteral("tabular-gbm")));
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { page.showDeletedAction()->setChecked(true); }));
    QCOMPARE(page.experimentView()->model()->rowCount(page.experimentView()->rootIndex()),
             Store::DemoStore::Counts::Experiments);
    QCOMPARE(page.currentExperimentId(), QStringLiteral("2"));
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmRuns);
    int deleted = 0;
    for (int row = 0; row < page.runModel()->rowCount(); ++row)
        deleted += page.runModel()->index(row, 0).data(RunTreeModel::IsDeletedRole).toBool();
    QCOMPARE(deleted, 1);

    page.showDeletedAction()->setChecked(false);
    QTRY_COMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::GbmActiveRuns);
    QCOMPARE(page.experimentView()->model()->rowCount(page.experimentView()->rootIndex()),
             Store::DemoStore::Counts::ActiveExperiments);
}

void TestRunsPage::detailsShowNoteAndDatasets()
{
    RunsPage page;
    QVERIFY(openDemo(page));
    // The sweep parent carries a note.
    QString parent;
    for (int row = 0; row < page.runModel()->rowCount(); ++row) {
        const QModelIndex index = page.runModel()->index(row, 0);
        if (page.runModel()->rowCount(index) > 0)
            parent = page.runModel()->runId(index);
    }
    QSignalSpy datasets(page.loader(), &RunLoader::datasetsLoaded);
    page.selectRuns({parent});
    QCOMPARE(page.detailsModel()->runId(), parent);
    QVERIFY(!page.detailsModel()->note().isEmpty());
    QVERIFY(page.detailsView()->noteBrowser()->isVisibleTo(page.detailsView()));
    QVERIFY(!page.detailsView()->noteBrowser()->toPlainText().isEmpty());
    QVERIFY(page.detailsView()->title().contains(page.detailsModel()->runName()));

    // A child of the sweep used the training and validation sets.
    const QModelIndex child = page.runModel()->index(0, 0, page.runModel()->indexOfRun(parent));
    page.selectRuns({page.runModel()->runId(child)});
    QVERIFY(datasets.wait());
    QCOMPARE(datasets.last().at(0).toString(), page.runModel()->runId(child));
    const QModelIndex section = page.detailsModel()->sectionIndex(RunDetailsModel::Section::Datasets);
    QVERIFY(section.isValid());
    QCOMPARE(page.detailsModel()->rowCount(section), 2);
    QVERIFY(page.detailsView()->treeView()->isExpanded(section));
}

void TestRunsPage::detailsShowDatasetsFailure()
{
    // A copy of the demo store, replaced by something else once its runs are on screen.
    const QString path = m_dir.filePath(QStringLiteral("replaced.db"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_demo, path));
    RunsPage page;
    page.resize(1400, 800);
    page.show();
    QVERIFY(WidgetTestSupport::showRuns(&page, [&] { page.openStore(path, QStringLiteral("mnist-cnn")); }));
    QTRY_VERIFY(!page.loader()->isBusy());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(file.write(QByteArray(4096, 'x')) == 4096);
    }

    // A child of the sweep has datasets; now they cannot be read.
    QString child;
    for (int row = 0; row < page.runModel()->rowCount() && child.isEmpty(); ++row) {
        const QModelIndex index = page.runModel()->index(row, 0);
        if (page.runModel()->rowCount(index) > 0)
            child = page.runModel()->runId(page.runModel()->index(0, 0, index));
    }
    QVERIFY(!child.isEmpty());
    QSignalSpy failed(page.loader(), &RunLoader::datasetsFailed);
    page.selectRuns({child});
    QVERIFY(failed.wait());
    QCOMPARE(failed.last().at(0).toString(), child);

    // Where the datasets would be, the pane says why there are none.
    const RunDetailsModel *model = page.detailsModel();
    const QModelIndex section = model->sectionIndex(RunDetailsModel::Section::Datasets);
    QVERIFY(section.isValid());
    QCOMPARE(section.data().toString(), QStringLiteral("Datasets"));
    QCOMPARE(model->rowCount(section), 1);
    const QModelIndex message = model->index(0, RunDetailsModel::ValueColumn, section);
    QVERIFY(message.data().toString().contains(QStringLiteral("is not a SQLite database")));
    QVERIFY(message.data().toString().contains(QStringLiteral("replaced.db")));
    QCOMPARE(model->datasetsError(), message.data().toString());
    QTreeView *tree = page.detailsView()->treeView();
    QVERIFY(tree->isExpanded(section));
    tree->scrollTo(message);
    QVERIFY(tree->viewport()->rect().intersects(tree->visualRect(message)));
    // The runs already shown stay.
    QVERIFY(page.runModel()->rowCount() > 0);
}

void TestRunsPage::filterAppliesAndKeepsParents()
{
    RunsPage page;
    QVERIFY(openDemo(page));
    // Three sweep children match; their parent (no dropout param) stays as context.
    const QAbstractItemModel *view = page.runView()->model();
    page.filterEdit()->setText(QStringLiteral("params.dropout = '0.25' AND params.batch_size = '32'"));
    QVERIFY(!page.filterEdit()->hasError());
    QCOMPARE(page.runProxy()->matchCount(), 3);
    QCOMPARE(view->rowCount(), 1);
    const QModelIndex parent = view->index(0, 0);
    QVERIFY(parent.data(RunSortFilterProxy::IsContextRole).toBool());
    QCOMPARE(parent.data().toString(), QStringLiteral("lr-batch-sweep"));
    QCOMPARE(view->rowCount(parent), 3);
    QVERIFY(page.runView()->isExpanded(parent));
    QCOMPARE(page.statusText(), QStringLiteral("3 of 13 runs match the filter."));

    page.filterEdit()->setText(QString());
    QCOMPARE(view->rowCount(), 4);
    QCOMPARE(page.statusText(), QStringLiteral("13 runs."));
}

void TestRunsPage::invalidFilterShowsErrorAndKeepsResult()
{
    RunsPage page;
    page.show();
    QVERIFY(openDemo(page));
    page.filterEdit()->setText(QStringLiteral("metrics.val_accuracy > 0.9"));
    const int before = page.runProxy()->matchCount();
    QVERIFY(before > 0 && before < Store::DemoStore::Counts::MnistRuns);
    page.filterEdit()->setText(QStringLiteral("metrics.val_accuracy >"));
    QVERIFY(page.filterEdit()->hasError());
    const auto *label = page.filterEdit()->findChild<QLabel *>(QStringLiteral("filterErrorLabel"));
    QVERIFY(label && label->isVisible());
    // Says where: the end of "metrics.val_accuracy >" is column 23.
    QVERIFY2(label->text().contains(QStringLiteral("column 23")), qPrintable(label->text()));
    QVERIFY(label->text().startsWith(QStringLiteral("Invalid filter: ")));
    QVERIFY(!page.filterEdit()->lineEdit()->styleSheet().isEmpty());
    QCOMPARE(page.runProxy()->matchCount(), before);
    // Fixing it clears the error.
    page.filterEdit()->setText(QStringLiteral("metrics.val_accuracy > 0.5"));
    QVERIFY(!page.filterEdit()->hasError());
    QVERIFY(!label->isVisible());
    QVERIFY(page.filterEdit()->lineEdit()->styleSheet().isEmpty());
}

void TestRunsPage::filterAppliesAfterTyping()
{
    RunsPage page;
    page.show();
    QVERIFY(openDemo(page));
    QSignalSpy changed(page.filterEdit(), &SearchFilterEdit::filterChanged);
    QTest::keyClicks(page.filterEdit()->lineEdit(), QStringLiteral("attributes.status = 'FINISHED'"));
    QCOMPARE(changed.count(), 0); // not on every key
    QVERIFY(changed.wait(SearchFilterEdit::DebounceMs * 10));
    QCOMPARE(changed.count(), 1);
    // Enter applies at once; the same text again changes nothing.
    QTest::keyClick(page.filterEdit()->lineEdit(), Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QTest::keyClicks(page.filterEdit()->lineEdit(), QStringLiteral(" AND metrics.val_accuracy > 0.99"));
    QTest::keyClick(page.filterEdit()->lineEdit(), Qt::Key_Return);
    QCOMPARE(changed.count(), 2);
}

void TestRunsPage::firstRowsThenAllKeepSelection()
{
    RunsPage page;
    page.setFirstRowsLimit(5);
    QSignalSpy shown(&page, &RunsPage::runsShown);
    // The user picks a run while the rest loads (acting inside the signal keeps the test
    // independent of how fast the rest arrives).
    QString picked;
    int firstRows = 0;
    QString status;
    connect(&page, &RunsPage::runsShown, this, [&](bool complete) {
        if (complete)
            return;
        firstRows = page.runModel()->runs().size();
        status = page.statusText();
        picked = page.runModel()->runs().run(3).runId;
        page.selectRuns({picked});
    });
    page.openStore(m_demo, QStringLiteral("mnist-cnn"));
    QTRY_COMPARE(shown.count(), 2);
    QCOMPARE(shown.first().at(0).toBool(), false);
    QCOMPARE(firstRows, 5);
    QVERIFY(status.contains(QStringLiteral("first 5")));
    QCOMPARE(shown.last().at(0).toBool(), true);
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);
    QCOMPARE(page.currentRunId(), picked);
    QCOMPARE(page.selectedRunIds(), QStringList {picked});
}

void TestRunsPage::cancelKeepsFirstRows()
{
    RunsPage page;
    page.setFirstRowsLimit(5);
    QSignalSpy shown(&page, &RunsPage::runsShown);
    QSignalSpy loading(&page, &RunsPage::loadingChanged);
    bool wasLoading = false;
    connect(&page, &RunsPage::runsShown, this, [&](bool complete) {
        if (complete)
            return;
        wasLoading = page.isLoading();
        page.cancelLoading(); // the Cancel button while the rest loads
    });
    page.openStore(m_demo, QStringLiteral("mnist-cnn"));
    QVERIFY(shown.wait());
    QVERIFY(wasLoading);
    QVERIFY(!page.isLoading());
    QCOMPARE(loading.last().at(0).toBool(), false);
    QTRY_VERIFY(!page.loader()->isBusy());
    QCOMPARE(shown.count(), 1);
    QCOMPARE(page.runModel()->runs().size(), 5);
    QVERIFY(page.statusText().contains(QStringLiteral("cancelled")));
}

void TestRunsPage::reloadKeepsSelection()
{
    RunsPage page;
    QVERIFY(openDemo(page, QStringLiteral("tabular-gbm")));
    const QString picked = page.runModel()->runs().run(2).runId;
    page.selectRuns({picked});
    QSignalSpy shown(&page, &RunsPage::runsShown);
    page.setFirstRowsLimit(2);
    page.reloadAction()->trigger();
    QVERIFY(shown.wait());
    // No flash of the first rows on reload: the old rows stay until all new ones are in.
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.first().at(0).toBool(), true);
    QCOMPARE(page.currentRunId(), picked);
    QCOMPARE(page.currentExperimentId(), QStringLiteral("2"));
}

void TestRunsPage::hiddenColumnsAreRemembered()
{
    {
        RunsPage page;
        QVERIFY(openDemo(page));
        page.setColumnVisible(QStringLiteral("attributes.user_id"), false);
        page.setColumnVisible(QStringLiteral("params.optimizer"), false);
        page.setColumnVisible(QStringLiteral("attributes.run_name"), false); // the name always shows
        QVERIFY(page.runView()->header()->isSectionHidden(RunTreeModel::UserColumn));
        QVERIFY(!page.runView()->header()->isSectionHidden(RunTreeModel::NameColumn));
        // The columns menu lists them unchecked.
        page.columnsAction()->menu()->popup(QPoint(0, 0));
        bool found = false;
        for (QAction *action : page.columnsAction()->menu()->actions()) {
            if (action->text() == QStringLiteral("User")) {
                found = true;
                QVERIFY(action->isCheckable() && !action->isChecked());
                action->setChecked(true); // and showing it again works from the menu
            }
        }
        page.columnsAction()->menu()->hide();
        QVERIFY(found);
        QVERIFY(!page.runView()->header()->isSectionHidden(RunTreeModel::UserColumn));
    }
    QCOMPARE(AppSettings().value(Settings::hiddenColumns(QStringLiteral("RunsPage"))),
             QStringList {QStringLiteral("params.optimizer")});
    RunsPage page;
    QVERIFY(openDemo(page));
    const int optimizer = page.runModel()->columnOfKey(QStringLiteral("params.optimizer"));
    QVERIFY(optimizer > 0);
    QVERIFY(page.runView()->header()->isSectionHidden(optimizer));
    QVERIFY(!page.isColumnVisible(QStringLiteral("params.optimizer")));
    QVERIFY(!page.runView()->header()->isSectionHidden(RunTreeModel::UserColumn));
}

void TestRunsPage::failedOpenKeepsStore()
{
    RunsPage page;
    QVERIFY(openDemo(page));
    QSignalSpy failed(&page, &RunsPage::openFailed);
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    page.openStore(missing);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).toString(), missing);
    QCOMPARE(failed.first().at(1).value<Store::Error>().code, Store::Error::NotFound);
    QCOMPARE(page.location(), m_demo);
    QCOMPARE(page.runModel()->runs().size(), Store::DemoStore::Counts::MnistRuns);
    // The store that is still open still reloads.
    QSignalSpy shown(&page, &RunsPage::runsShown);
    page.reload();
    QVERIFY(shown.wait());
}

QTEST_MAIN(TestRunsPage)
#include "tst_runspage.moc"
