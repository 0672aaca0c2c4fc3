#include "artifactdiffview.h"
#include "artifactpreview.h"
#include "artifactspage.h"
#include "artifactspane.h"
#include "artifacttreemodel.h"
#include "comparepage.h"
#include "identicalfilemodel.h"
#include "identicalfilesdialog.h"
#include "mainwindow.h"
#include "runspage.h"
#include "storefactory.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using WidgetTestSupport::showRuns;

// The window's artifact features on the demo store: the panes follow the current run, Ctrl+Shift+A,
// comparing two runs' artifacts, and a dropped artifact leading back to the runs that made it.
class TestMainWindowArtifacts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    QList<Store::RunAttributes> m_imageRuns; // runs with a confusion_matrix.png, one experiment

    static QString folderOf(const Store::RunAttributes &run)
    {
        const QUrl url(run.artifactUri);
        return url.isLocalFile() ? url.toLocalFile() : run.artifactUri;
    }
    // The window on the demo store with the image runs' experiment shown and `selected` selected.
    bool openOn(MainWindow &window, const QStringList &selected)
    {
        return showRuns(window.runsPage(),
                        [&] { window.openStore(m_demo, m_imageRuns.first().experimentId, selected); });
    }

private slots:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowartifacts"));
        m_demo = TestSupport::buildDemoStore(m_dir);
        QVERIFY(!m_demo.isEmpty());
        auto store = Store::openStore(m_demo);
        QVERIFY(store);
        const auto runs = (*store)->runs({});
        QVERIFY(runs);
        for (int row = 0; row < runs->size(); ++row) {
            const Store::RunAttributes &run = runs->run(row);
            if (QFileInfo::exists(folderOf(run) + QStringLiteral("/confusion_matrix.png"))
                && (m_imageRuns.isEmpty() || m_imageRuns.first().experimentId == run.experimentId))
                m_imageRuns.append(run);
        }
        QVERIFY2(m_imageRuns.size() >= 2, "two demo runs of one experiment have a confusion matrix");
    }

    void init() { QSettings().clear(); }

    void panesFollowTheCurrentRun()
    {
        MainWindow window;
        window.show();
        const Store::RunAttributes run = m_imageRuns.first();
        QVERIFY(openOn(window, {run.runId}));
        // Beside the details, and in the Artifacts tab, once the run has stayed current.
        ArtifactsPane *side = window.runsPage()->artifactsPane();
        QTRY_COMPARE_WITH_TIMEOUT(side->runId(), run.runId, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.artifactsPage()->pane()->runId(), run.runId, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(side->artifactRoot(), QFileInfo(folderOf(run)).absoluteFilePath(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            side->model()->indexForPath(QStringLiteral("confusion_matrix.png")).isValid(), 5000);

        // Ctrl+Shift+A shows the pane beside the details, its tree focused.
        auto *focus = window.findChild<QAction *>(QStringLiteral("focusArtifactsAction"));
        QVERIFY(focus);
        QCOMPARE(focus->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        focus->trigger();
        QCOMPARE(window.tabWidget()->currentWidget(), window.runsPage());
        QCOMPARE(window.runsPage()->sideTabs()->currentWidget(), side);
        // In the Artifacts tab it focuses that tab's tree.
        window.showPage(MainWindow::ArtifactsTab);
        focus->trigger();
        QCOMPARE(window.tabWidget()->currentWidget(), window.artifactsPage());

        // No current run: the panes say so.
        window.runsPage()->runView()->setCurrentIndex({});
        QTRY_VERIFY_WITH_TIMEOUT(side->runId().isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.artifactsPage()->pane()->runId().isEmpty(), 5000);
    }

    void comparesTwoRunsArtifactsFromTheCompareTab()
    {
        MainWindow window;
        window.show();
        const QStringList ids {m_imageRuns.at(0).runId, m_imageRuns.at(1).runId};
        QVERIFY(openOn(window, ids));
        ComparePage *compare = window.comparePage();
        window.showPage(MainWindow::CompareTab);
        QTRY_VERIFY_WITH_TIMEOUT(compare->compareArtifactsAction()->isEnabled(), 10000);
        QSignalSpy compared(window.artifactsPage()->diffView(), &ArtifactDiffView::treeCompared);
        compare->compareArtifactsAction()->trigger();
        QCOMPARE(window.tabWidget()->currentWidget(), window.artifactsPage());
        QVERIFY(window.artifactsPage()->isComparing());
        QVERIFY(compared.wait(10000));
        // Two training runs differ at least in their confusion matrix and their model.
        QVERIFY(compared.last().at(0).toInt() > 0);
        QVERIFY(window.artifactsPage()->comparisonText().isEmpty());
        QVERIFY(window.artifactsPage()->diffView()->selectPath(QStringLiteral("confusion_matrix.png")));
        window.artifactsPage()->showBrowser();
        QVERIFY(!window.artifactsPage()->isComparing());
    }

    void comparingNeedsASecondRun()
    {
        MainWindow window;
        window.show();
        QVERIFY(openOn(window, {m_imageRuns.first().runId}));
        ArtifactsPane *side = window.runsPage()->artifactsPane();
        QTRY_COMPARE_WITH_TIMEOUT(side->runId(), m_imageRuns.first().runId, 5000);
        QSignalSpy failed(window.artifactsPage(), &ArtifactsPage::compareFailed);
        emit side->compareRequested(side->runId());
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("second run")));
        QVERIFY(!window.artifactsPage()->isComparing());
    }

    void droppedArtifactLeadsToItsRuns()
    {
        // A copy of one run's confusion matrix, dropped on the window, names that run.
        const Store::RunAttributes run = m_imageRuns.last();
        const QString copy = m_dir.filePath(QStringLiteral("dropped.png"));
        QVERIFY(QFile::copy(folderOf(run) + QStringLiteral("/confusion_matrix.png"), copy));
        MainWindow window;
        window.show();
        QVERIFY(openOn(window, {}));
        window.openDroppedFile(copy);
        IdenticalFilesDialog *dialog = window.findChild<IdenticalFilesDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowCount() > 0, 10000);
        QString found;
        for (int row = 0; row < dialog->model()->rowCount(); ++row) {
            const QModelIndex index = dialog->model()->index(row, 0);
            if (index.data(IdenticalFileModel::RunIdRole).toString() == run.runId)
                found = index.data(IdenticalFileModel::RelativePathRole).toString();
        }
        QCOMPARE(found, QStringLiteral("confusion_matrix.png"));
        // Activating the match shows its run.
        emit dialog->runActivated(run.experimentId, run.runId);
        QCOMPARE(window.tabWidget()->currentWidget(), window.runsPage());
        QTRY_COMPARE_WITH_TIMEOUT(window.runsPage()->currentRunId(), run.runId, 10000);

        // A store file still opens as a store.
        QVERIFY(Store::looksLikeStoreFile(m_demo));
        QVERIFY(!Store::looksLikeStoreFile(copy));
    }

    void screenshots()
    {
        // The Artifacts tab on a run's confusion matrix, then two runs' reports compared.
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        const Store::RunAttributes left = m_imageRuns.at(0);
        const Store::RunAttributes right = m_imageRuns.at(1);
        QVERIFY(openOn(window, {left.runId, right.runId}));
        window.showPage(MainWindow::ArtifactsTab);
        ArtifactsPane *pane = window.artifactsPage()->pane();
        QTRY_VERIFY_WITH_TIMEOUT(
            pane->model()->indexForPath(QStringLiteral("confusion_matrix.png")).isValid(), 10000);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(pane->treeView()->model());
        QSignalSpy shown(pane->preview(), &ArtifactPreview::previewShown);
        pane->treeView()->setCurrentIndex(
            proxy->mapFromSource(pane->model()->indexForPath(QStringLiteral("confusion_matrix.png"))));
        QVERIFY(shown.wait(10000));
        VERIFY_SCREENSHOT(&window,
                          WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_ARTIFACTS_TAB",
                                                            m_dir.filePath(QStringLiteral("tab.png"))));

        ArtifactDiffView *diff = window.artifactsPage()->diffView();
        QSignalSpy compared(diff, &ArtifactDiffView::treeCompared);
        window.artifactsPage()->compareRuns({m_demo, left.runId, left.runName},
                                            {m_demo, right.runId, right.runName});
        QVERIFY(compared.wait(10000));
        QSignalSpy diffShown(diff, &ArtifactDiffView::diffShown);
        QVERIFY(diff->selectPath(QStringLiteral("classification_report.json")));
        QVERIFY(diffShown.wait(10000));
        VERIFY_SCREENSHOT(&window,
                          WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_ARTIFACTS_DIFF",
                                                            m_dir.filePath(QStringLiteral("diff.png"))));
    }
};

QTEST_MAIN(TestMainWindowArtifacts)
#include "tst_mainwindowartifacts.moc"
