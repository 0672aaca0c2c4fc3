#include "appsettings.h"
#include "chartspage.h"
#include "comparepage.h"
#include "curvechartview.h"
#include "demostore.h"
#include "experimentlistmodel.h"
#include "mainwindow.h"
#include "metricdiffmodel.h"
#include "modelspage.h"
#include "modelversiontablemodel.h"
#include "noticebar.h"
#include "parallelcoordinatesview.h"
#include "paramdiffmodel.h"
#include "registeredmodellistmodel.h"
#include "rundetailsmodel.h"
#include "runloader.h"
#include "runsortfilterproxy.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "searchfilteredit.h"
#include "shortcutsdialog.h"
#include "sqlitehandle.h"
#include "stagelanesview.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>

using WidgetTestSupport::showRuns;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensDemoStoreWithArguments();
    void opensSqliteUri();
    void badStoreShowsError();
    void newerSchemaShowsNotice();
    void recentStores();
    void dropOpensStore();
    void shortcuts();
    void progressAndCancel();
    void progressHiddenWhenIdle();
    void remembersGeometryAndSplitters();
    void resetLayoutPutsBackTheDefaults();
    void shortcutsToolBarAndAbout();
    void chartsTabFollowsSelectionAndIsRemembered();
    void compareTabBrushFiltersRunsAndIsRemembered();
    void compareRunsOfTwoStores();
    void screenshot();
    void chartsScreenshot();
    void modelsTabLinksRunsAndSaysWhetherItWrites();

private:
    static QMessageBox *errorBox(const MainWindow &window);

    QTemporaryDir m_dir;
    QString m_demo;
};

QMessageBox *TestMainWindow::errorBox(const MainWindow &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("errorMessageBox"));
}

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensDemoStoreWithArguments()
{
    // What `kaizen --experiment llm-finetune --run <id> mlflow.db` does.
    auto reader = Store::openStore(m_demo);
    QVERIFY(reader);
    auto llm = (*reader)->runs({{QStringLiteral("3")}});
    QVERIFY(llm);
    QCOMPARE(llm->size(), Store::DemoStore::Counts::LlmRuns);
    const QString wanted = llm->run(1).runId;

    MainWindow window;
    window.show();
    QVERIFY(showRuns(window.runsPage(),
                     [&] { window.openStore(m_demo, QStringLiteral("llm-finetune"), {wanted}); }));
    RunsPage *page = window.runsPage();
    QVERIFY(window.windowTitle().contains(QStringLiteral("mlflow.db")));
    QCOMPARE(page->experimentView()->model()->rowCount(page->experimentView()->rootIndex()),
             Store::DemoStore::Counts::ActiveExperiments);
    QCOMPARE(page->experimentModel()->experimentAt(page->experimentView()->currentIndex()).name,
             QStringLiteral("llm-finetune"));
    QCOMPARE(page->runView()->model()->rowCount(), Store::DemoStore::Counts::LlmRuns);
    QCOMPARE(page->currentRunId(), wanted);
    QCOMPARE(page->selectedRunIds(), QStringList {wanted});
    QCOMPARE(window.statusText(), QStringLiteral("3 runs."));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("storeLabel"))
                ->text()
                .contains(QStringLiteral("read-only")));

    const QAbstractItemModel *view = page->runView()->model();
    QCOMPARE(view->headerData(RunTreeModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QStringList headers;
    for (int column = 0; column < view->columnCount(); ++column)
        headers.append(view->headerData(column, Qt::Horizontal).toString());
    QVERIFY(headers.contains(QStringLiteral("metrics.train/loss")));
    QVERIFY(headers.contains(QStringLiteral("metrics.val/accuracy")));
    // The running run has no duration; the others do.
    int withDuration = 0;
    for (int row = 0; row < view->rowCount(); ++row)
        withDuration += !view->index(row, RunTreeModel::DurationColumn).data().toString().isEmpty();
    QCOMPARE(withDuration, 2);
    QVERIFY(!errorBox(window));
}

void TestMainWindow::opensSqliteUri()
{
    MainWindow window;
    QVERIFY(showRuns(window.runsPage(),
                     [&] { window.openStore(QStringLiteral("sqlite:///") + m_demo, QStringLiteral("2")); }));
    QCOMPARE(window.runsPage()->currentExperimentId(), QStringLiteral("2"));
    QCOMPARE(window.runsPage()->runView()->model()->rowCount(), Store::DemoStore::Counts::GbmActiveRuns);
    // Remembered as the plain path.
    QCOMPARE(window.recentStores().value(0), m_demo);
}

void TestMainWindow::badStoreShowsError()
{
    const QString notSqlite = m_dir.filePath(QStringLiteral("notes.db"));
    QFile file(notSqlite);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are not the runs you are looking for\n");
    file.close();

    MainWindow window;
    window.show();
    QSignalSpy failed(window.runsPage(), &RunsPage::openFailed);
    window.openStore(notSqlite);
    QVERIFY(failed.wait());
    QMessageBox *box = errorBox(window);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->windowTitle(), QStringLiteral("Cannot Open Store"));
    QVERIFY(box->text().contains(QStringLiteral("not a SQLite database")));
    QVERIFY(box->text().contains(QStringLiteral("notes.db")));
    box->accept();
    QTRY_VERIFY(!errorBox(window));
    QVERIFY(window.recentStores().isEmpty());
    QVERIFY(window.runsPage()->location().isEmpty());
}

void TestMainWindow::newerSchemaShowsNotice()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.db"));
    QVERIFY(QFile::copy(m_demo, path));
    {
        Store::SqliteConnection db;
        QCOMPARE(db.open(path, Store::SqliteConnection::Mode::ReadWrite, 1000).code, Store::Error::None);
        QCOMPARE(db.exec("UPDATE alembic_version SET version_num = 'abcdef012345'").code, Store::Error::None);
    }
    MainWindow window;
    window.show();
    QVERIFY(window.noticeBar()->isHidden());
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(path); }));
    QVERIFY(window.noticeBar()->isVisible());
    QVERIFY(window.noticeBar()->text().contains(QStringLiteral("abcdef012345")));
    // The store is still browsable, and a known store clears the notice.
    QVERIFY(window.runsPage()->runView()->model()->rowCount() > 0);
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo); }));
    QVERIFY(window.noticeBar()->isHidden());
}

void TestMainWindow::recentStores()
{
    const QString other
        = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    MainWindow window;
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo); }));
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(other); }));
    QCOMPARE(window.runsPage()->runView()->model()->rowCount(), 26);
    QCOMPARE(window.recentStores(), QStringList({other, m_demo}));
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo); }));
    QCOMPARE(window.recentStores(), QStringList({m_demo, other}));

    // The menu opens them.
    QMenu *recent = nullptr;
    for (QAction *action : window.menuBar()->actions()) {
        for (QAction *item : action->menu()->actions()) {
            if (item->menu() && item->text().contains(QStringLiteral("Recent")))
                recent = item->menu();
        }
    }
    QVERIFY(recent);
    QVERIFY(recent->isEnabled());
    emit recent->aboutToShow();
    QAction *second = recent->actions().value(1);
    QVERIFY(second && second->text().contains(QStringLiteral("metrics.db")));
    QVERIFY(showRuns(window.runsPage(), [&] { second->trigger(); }));
    QCOMPARE(window.runsPage()->location(), other);
    QCOMPARE(window.recentStores().value(0), other);
}

void TestMainWindow::dropOpensStore()
{
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_demo)});
    QCOMPARE(MainWindow::fileFromMimeData(&data), m_demo);
    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(m_dir.path())});
    QVERIFY(MainWindow::fileFromMimeData(&folder).isEmpty());
    QMimeData text;
    text.setText(m_demo);
    QVERIFY(MainWindow::fileFromMimeData(&text).isEmpty());

    MainWindow window;
    window.show();
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QVERIFY(showRuns(window.runsPage(), [&] { QCoreApplication::sendEvent(&window, &drop); }));
    QCOMPARE(window.runsPage()->location(), m_demo);

    // An mlruns folder (MLflow's file store) opens too.
    const QString mlruns = TestSupport::exportToFileStore(m_demo, m_dir.filePath(QStringLiteral("exported")));
    QVERIFY(!mlruns.isEmpty());
    QMimeData fileStore;
    fileStore.setUrls({QUrl::fromLocalFile(mlruns)});
    QCOMPARE(MainWindow::fileFromMimeData(&fileStore), mlruns);
    QVERIFY(showRuns(window.runsPage(), [&] { window.openDroppedFile(mlruns); }));
    QCOMPARE(window.runsPage()->location(), mlruns);
}

void TestMainWindow::shortcuts()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo); }));
    window.runsPage()->runView()->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window.runsPage()->filterEdit()->lineEdit()->hasFocus());

    QSignalSpy shown(window.runsPage(), &RunsPage::runsShown);
    QTest::keyClick(&window, Qt::Key_F5);
    QVERIFY(shown.wait());

    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::progressAndCancel()
{
    MainWindow window;
    window.show();
    window.runsPage()->setFirstRowsLimit(4);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelLoadingButton"));
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadingProgress"));
    QVERIFY(cancel && progress);
    QVERIFY(!cancel->isVisible());
    bool sawCancel = false;
    connect(window.runsPage(), &RunsPage::runsShown, this, [&](bool complete) {
        if (complete)
            return;
        // The first rows are on screen and the rest is loading: the user may stop it.
        sawCancel = cancel->isVisible() && progress->isVisible();
        QTest::mouseClick(cancel, Qt::LeftButton);
    });
    QSignalSpy shown(window.runsPage(), &RunsPage::runsShown);
    window.openStore(m_demo, QStringLiteral("mnist-cnn"));
    QVERIFY(shown.wait());
    QVERIFY(sawCancel);
    // The registry's models (read for the Models tab) may still be on their way.
    QTRY_VERIFY(!cancel->isVisible());
    QTRY_VERIFY(!progress->isVisible());
    QTRY_VERIFY(!window.runsPage()->loader()->isBusy());
    QCOMPARE(shown.count(), 1);
    QCOMPARE(window.runsPage()->runModel()->runs().size(), 4);
    QVERIFY(window.statusText().contains(QStringLiteral("cancelled")));
}

void TestMainWindow::progressHiddenWhenIdle()
{
    // Every page loads something for a new store (runs, curves, the comparison, the registry);
    // once all of it is in, the status bar says nothing is loading.
    MainWindow window;
    window.show();
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelLoadingButton"));
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("loadingProgress"));
    QSignalSpy shown(window.runsPage(), &RunsPage::runsShown);
    window.openStore(m_demo, QStringLiteral("mnist-cnn"));
    QVERIFY(shown.wait());
    window.showPage(MainWindow::ModelsTab);
    QTRY_VERIFY(!window.modelsPage()->isLoading());
    QTRY_VERIFY(!window.chartsPage()->isLoading() && !window.comparePage()->isLoading());
    QTRY_VERIFY(!window.runsPage()->isLoading());
    QTRY_VERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
}

// Help › Keyboard Shortcuts lists the menus' shortcuts and the views' keys; the tool bar holds the common actions
// with icons; Help › About names the licences.
void TestMainWindow::shortcutsToolBarAndAbout()
{
    MainWindow window;
    window.show();
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QStringList names;
    for (QAction *action : toolBar->actions()) {
        if (action->isSeparator())
            continue;
        names.append(action->text().remove(QLatin1Char('&')));
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
    }
    QCOMPARE(names.size(), 5);
    QVERIFY(names.contains(QStringLiteral("Open…")));
    QVERIFY(names.contains(QStringLiteral("Go to Anything…")));

    window.findChild<QAction *>(QStringLiteral("shortcutsAction"))->trigger();
    auto *dialog = window.findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    bool listed = false;
    for (const ShortcutListModel::Entry &entry : dialog->model()->entries())
        listed |= entry.action == QStringLiteral("Open…") && entry.menu == QLatin1String("File")
            && entry.shortcuts == QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText);
    QVERIFY(listed);
    QVERIFY(dialog->model()->rowCount() > 15);
    dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"))->setText(QStringLiteral("reset layout"));
    QCOMPARE(dialog->proxy()->rowCount(), 0); // Reset Layout has no shortcut
    dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"))->setText(QStringLiteral("pin"));
    QVERIFY(dialog->proxy()->rowCount() >= 1);
    // The keys of the views are listed too: a chart's zoom, parallel coordinates' brushing.
    dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"))->setText(QStringLiteral("a chart"));
    QVERIFY(dialog->proxy()->rowCount() >= 3);
    dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"))->setText(QStringLiteral("stretch"));
    QCOMPARE(dialog->proxy()->rowCount(), 1);
    dialog->close();

    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *about = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(about);
    QVERIFY(about->text().contains(QStringLiteral("LGPL")));
    QVERIFY(about->text().contains(QString::fromLatin1(qVersion())));
    about->close();
}

// View › Reset Layout puts the window, its splitters and the view options back as at first, now
// and at the next start, and keeps the user's stores.
void TestMainWindow::resetLayoutPutsBackTheDefaults()
{
    QList<int> defaultSizes;
    {
        MainWindow window;
        window.show();
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("runsSplitter"));
        QVERIFY(splitter);
        defaultSizes = splitter->sizes();
        splitter->setSizes({400, 300, 300});
        window.resize(900, 600);
        window.chartsPage()->logYAction()->setChecked(true);
        window.close(); // remembered
    }
    AppSettings().setValue(Settings::RecentStores, QStringList {m_demo});
    MainWindow window;
    window.show();
    QVERIFY(window.chartsPage()->logYAction()->isChecked());
    QCOMPARE(window.size(), QSize(900, 600));
    auto *reset = window.findChild<QAction *>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    QVERIFY(!window.chartsPage()->logYAction()->isChecked());
    QCOMPARE(window.size(), QSize(1280, 800));
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("runsSplitter"))->sizes(), defaultSizes);
    QVERIFY(!AppSettings().contains(Settings::ChartsLogY));
    QCOMPARE(window.recentStores(), QStringList {m_demo});
}

void TestMainWindow::remembersGeometryAndSplitters()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.resize(1111, 777);
        window.show();
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("runsSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({150, 600, 300});
        sizes = splitter->sizes();
        window.close();
    }
    QVERIFY(AppSettings().contains(Settings::WindowGeometry));
    MainWindow window;
    window.show();
    QCOMPARE(window.size(), QSize(1111, 777));
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("runsSplitter"))->sizes(), sizes);
}

void TestMainWindow::chartsTabFollowsSelectionAndIsRemembered()
{
    QStringList ids;
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(
            showRuns(window.runsPage(), [&] { window.openStore(m_demo, QStringLiteral("llm-finetune")); }));
        QCOMPARE(window.tabWidget()->currentWidget(), window.runsPage());
        const Store::RunTable &runs = window.runsPage()->runModel()->runs();
        for (int row = 0; row < runs.size(); ++row)
            ids.append(runs.run(row).runId);
        window.runsPage()->selectRuns(ids);

        QSignalSpy loaded(window.chartsPage(), &ChartsPage::curvesLoaded);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.tabWidget()->currentWidget(), window.chartsPage());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window.chartsPage()->location(), m_demo);
        QCOMPARE(window.chartsPage()->runIds().size(), 3);
        QCOMPARE(window.chartsPage()->charts().size(), 5);
        for (CurveChartView *chart : window.chartsPage()->charts())
            QCOMPARE(int(chart->curves().size()), 3);
        window.close();
    }
    // The charts tab comes back, and so do the charts once the runs are selected again.
    MainWindow window;
    QCOMPARE(window.tabWidget()->currentWidget(), window.chartsPage());
    window.show();
    QSignalSpy loaded(window.chartsPage(), &ChartsPage::curvesLoaded);
    QVERIFY(
        showRuns(window.runsPage(), [&] { window.openStore(m_demo, QStringLiteral("llm-finetune"), ids); }));
    QVERIFY(loaded.wait(10000));
    QCOMPARE(window.chartsPage()->charts().size(), 5);
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.tabWidget()->currentWidget(), window.runsPage());
}

void TestMainWindow::compareTabBrushFiltersRunsAndIsRemembered()
{
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(
            showRuns(window.runsPage(), [&] { window.openStore(m_demo, QStringLiteral("llm-finetune")); }));
        QStringList ids;
        const Store::RunTable &runs = window.runsPage()->runModel()->runs();
        for (int row = 0; row < runs.size(); ++row)
            ids.append(runs.run(row).runId);
        window.runsPage()->selectRuns(ids);

        QSignalSpy shown(window.comparePage(), &ComparePage::diffShown);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabWidget()->currentWidget(), window.comparePage());
        QCOMPARE(window.tabWidget()->tabText(MainWindow::CompareTab), QStringLiteral("Compare"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(window.comparePage()->diff().runs.size(), 3);
        // Edit menu: the copy actions, then pinning.
        QStringList edit;
        for (QAction *action : window.menuBar()->actions()) {
            if (action->text() == QStringLiteral("&Edit")) {
                for (QAction *item : action->menu()->actions())
                    edit.append(item->text());
            }
        }
        QCOMPARE(edit,
                 QStringList({"&Undo", "&Redo", "", "Copy Diff as &Markdown", "Copy Diff as &CSV", "",
                              "&Pin to Comparison", "&Unpin All", "", "Compare &Artifacts"}));

        // A brush on the first axis narrows the run table and says so in the status bar.
        ParallelCoordinatesView *view = window.comparePage()->parallelView();
        QVERIFY(view->axisCount() > 0);
        view->setBrush(0, 0.5, 1.0);
        const int brushed = int(window.comparePage()->filteredRunIds().size());
        QVERIFY(brushed > 0 && brushed < 3);
        QCOMPARE(window.runsPage()->runProxy()->matchCount(), brushed);
        QVERIFY(window.statusText().contains(QStringLiteral("brush")));
        view->clearBrushes();
        QCOMPARE(window.runsPage()->runProxy()->matchCount(), 3);
        window.close();
    }
    MainWindow window;
    QCOMPARE(window.tabWidget()->currentWidget(), window.comparePage());
}

void TestMainWindow::compareRunsOfTwoStores()
{
    // Two stores: the demo store and a copy of it in another folder.
    QTemporaryDir otherDir;
    const QString other = otherDir.filePath(QStringLiteral("mlflow.db"));
    QVERIFY(QFile::copy(m_demo, other));
    MainWindow window;
    window.resize(1500, 860);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const auto idsOf = [&window](const QStringList &names) {
        QStringList ids;
        const Store::RunTable &runs = window.runsPage()->runModel()->runs();
        for (const QString &name : names) {
            for (int row = 0; row < runs.size(); ++row) {
                if (runs.run(row).runName == name)
                    ids.append(runs.run(row).runId);
            }
        }
        return ids;
    };
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    window.runsPage()->selectRuns(idsOf({QStringLiteral("cnn-dropout"), QStringLiteral("cnn-augment")}));
    ComparePage *page = window.comparePage();
    QSignalSpy shown(page, &ComparePage::diffShown);
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QVERIFY(shown.wait(10000));

    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier); // Pin to Comparison
    QCOMPARE(page->pinnedRuns().size(), 2);
    QCOMPARE(window.tabWidget()->tabText(MainWindow::CompareTab), QStringLiteral("Compare (2 pinned)"));

    // File › Open of the other store; its runs join the pinned ones.
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(other, QStringLiteral("mnist-cnn")); }));
    QCOMPARE(window.runsPage()->location(), other);
    window.runsPage()->selectRuns(idsOf({QStringLiteral("baseline-mlp"), QStringLiteral("lr=0.1,bs=32")}));
    QTRY_VERIFY(!page->loader()->isLoading() && page->diff().runs.size() == 4);
    QCOMPARE(page->diff().runs[0].location, m_demo);
    QCOMPARE(page->diff().runs[1].location, m_demo);
    QCOMPARE(page->diff().runs[2].location, other);
    QCOMPARE(page->diff().runs[3].location, other);
    const QString tip = page->paramModel()
                            ->headerData(ParamDiffModel::FirstRunColumn, Qt::Horizontal, Qt::ToolTipRole)
                            .toString();
    QVERIFY2(tip.contains(QStringLiteral("mnist-cnn")) && tip.contains(m_demo), qPrintable(tip));

    // KAIZEN_SCREENSHOT_PINNED=/tmp/compare-pinned.png saves the Compare tab at this point.
    if (const QString target = qEnvironmentVariable("KAIZEN_SCREENSHOT_PINNED"); !target.isEmpty()) {
        page->tableTabs()->setCurrentIndex(ComparePage::MetricsTable);
        page->metricView()->setCurrentIndex(
            page->metricModel()->index(page->metricModel()->rowOfKey(QStringLiteral("val_accuracy")),
                                       MetricDiffModel::FirstRunColumn + 2));
        QTRY_VERIFY(page->detailBrowser()->toPlainText().contains(QStringLiteral("Latest")));
        VERIFY_SCREENSHOT(&window, target);
        page->tableTabs()->setCurrentIndex(ComparePage::ParamsTable);
        QTest::qWait(50);
        VERIFY_SCREENSHOT(&window,
                          QString(target).replace(QStringLiteral(".png"), QStringLiteral("-params.png")));
    }

    page->clearPinnedAction()->trigger();
    QCOMPARE(window.tabWidget()->tabText(MainWindow::CompareTab), QStringLiteral("Compare"));
    QTRY_VERIFY(!page->loader()->isLoading() && page->diff().runs.size() == 2);
    QCOMPARE(page->diff().runs[0].location, other);
}

void TestMainWindow::chartsScreenshot()
{
    // KAIZEN_SCREENSHOT_CHARTS=/tmp/charts-page.png keeps the charts tab on the demo store.
    const QString target = WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_CHARTS",
                                                             m_dir.filePath(QStringLiteral("charts.png")));
    MainWindow window;
    window.resize(1500, 900);
    window.show();
    const QString experiment
        = qEnvironmentVariable("KAIZEN_SCREENSHOT_EXPERIMENT", QStringLiteral("mnist-cnn"));
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_demo, experiment); }));
    const Store::RunTable &runs = window.runsPage()->runModel()->runs();
    QStringList ids;
    for (int row = 0; row < runs.size() && ids.size() < 6; ++row) {
        if (runs.run(row).parentRunId.isEmpty() == (experiment != QLatin1String("mnist-cnn")))
            ids.append(runs.run(row).runId); // the sweep's children in mnist-cnn
    }
    window.runsPage()->selectRuns(ids);
    QSignalSpy loaded(window.chartsPage(), &ChartsPage::curvesLoaded);
    window.showPage(MainWindow::ChartsTab);
    QVERIFY(loaded.wait(10000));
    const QList<CurveChartView *> charts = window.chartsPage()->charts();
    QVERIFY(!charts.isEmpty());
    QTRY_VERIFY(std::all_of(charts.cbegin(), charts.cend(), [](const CurveChartView *chart) {
        return chart->height() == chart->minimumHeight(); // the grid laid out
    }));
    // Qt Charts lays out and paints the legend a few events later: wait until it shows.
    const auto legendPainted = [](CurveChartView *chart) {
        const QImage image = chart->grab().toImage();
        const QRect area = chart->chart()->legend()->geometry().toAlignedRect() & image.rect();
        const QRgb background = image.pixel(area.topLeft());
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                if (image.pixel(x, y) != background)
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY(std::all_of(charts.cbegin(), charts.cend(), legendPainted));
    QTest::qWait(100); // the layouts the last range changes asked for
    VERIFY_SCREENSHOT(&window, target);
}

void TestMainWindow::screenshot()
{
    // KAIZEN_SCREENSHOT=/tmp/kaizen-mainwindow.png keeps how the window looks on the demo store.
    const QString target = WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT",
                                                             m_dir.filePath(QStringLiteral("window.png")));
    MainWindow window;
    window.resize(1500, 860);
    window.show();
    auto reader = Store::openStore(m_demo);
    auto mnist = (*reader)->runs({{QStringLiteral("1")}});
    QString sweep;
    for (int row = 0; row < mnist->size(); ++row) {
        if (mnist->run(row).runName == QLatin1String("lr-batch-sweep"))
            sweep = mnist->run(row).runId;
    }
    QVERIFY(
        showRuns(window.runsPage(), [&] { window.openStore(m_demo, QStringLiteral("mnist-cnn"), {sweep}); }));
    VERIFY_SCREENSHOT(&window, target);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

void TestMainWindow::modelsTabLinksRunsAndSaysWhetherItWrites()
{
    QTemporaryDir dir;
    const QString store = TestSupport::buildDemoStore(dir);
    QVERIFY(!store.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(store); }));
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.tabWidget()->currentWidget(), window.modelsPage());
    ModelsPage *page = window.modelsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->modelList()->rowCount() > 0, 10000);
    auto *storeLabel = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
    QVERIFY(storeLabel->text().endsWith(QLatin1String("read-only")));

    // Allow Changes: the status bar says the store takes registry writes.
    page->allowChangesAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(page->isWritable(), 10000);
    QVERIFY(storeLabel->text().contains(QLatin1String("changes allowed")));

    // A version's run opens in the Runs tab, in its experiment.
    page->selectModel(QStringLiteral("housing-regressor"));
    QTRY_VERIFY_WITH_TIMEOUT(page->versionTable()->rowCount() > 0, 10000);
    const Store::ModelVersion first = page->versionTable()->versionAt(page->versionTable()->index(0, 0));
    QVERIFY(!first.runId.isEmpty());
    QVERIFY(!first.runExperimentId.isEmpty());
    emit page->lanesView()->versionActivated(first.version);
    QCOMPARE(window.tabWidget()->currentWidget(), window.runsPage());
    QTRY_COMPARE_WITH_TIMEOUT(window.runsPage()->currentRunId(), first.runId, 10000);
    QVERIFY(window.runsPage()->currentExperimentIds().contains(first.runExperimentId));
    // Its details say which registered version came from it.
    RunDetailsModel *details = window.runsPage()->detailsModel();
    QTRY_VERIFY_WITH_TIMEOUT(details->sectionIndex(RunDetailsModel::Section::RegisteredVersions).isValid(),
                             10000);
    const QModelIndex registered
        = details->indexOfKey(RunDetailsModel::Section::RegisteredVersions,
                              QStringLiteral("housing-regressor"), RunDetailsModel::ValueColumn);
    QVERIFY(registered.isValid());
    QVERIFY(registered.data().toString().startsWith(QStringLiteral("v%1").arg(first.version)));
}
