#include "experimentlistmodel.h"
#include "mainwindow.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using WidgetTestSupport::showRuns;

// The window with several stores: `kaizen STORE STORE...`, File › Close Store, and the open
// stores restored at the next start.
class TestMainWindowStores : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensStoresSideBySide();
    void closeStoreAction();
    void openStoresAreRestored();
    void restoringCanBeTurnedOff();

private:
    // Opens both stores as the command line does and waits for the first one's runs.
    bool openBoth(MainWindow &window);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_fixture;
};

void TestMainWindowStores::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowstores"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_fixture = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!m_fixture.isEmpty());
}

void TestMainWindowStores::init()
{
    QSettings().clear();
}

bool TestMainWindowStores::openBoth(MainWindow &window)
{
    if (!showRuns(window.runsPage(), [&] {
            window.openStores({m_demo, m_fixture}, QStringLiteral("mnist-cnn"));
        }))
        return false;
    // The second store opens beside the first, in the background.
    return QTest::qWaitFor([&] { return window.runsPage()->openStores().size() == 2; });
}

void TestMainWindowStores::opensStoresSideBySide()
{
    MainWindow window;
    window.show();
    QVERIFY(openBoth(window));
    // The first store named shows, with the experiment asked for.
    QCOMPARE(window.runsPage()->location(), m_demo);
    QCOMPARE(window.runsPage()->currentExperimentIds(), QStringList({QStringLiteral("1")}));
    QVERIFY(window.windowTitle().startsWith(QFileInfo(m_demo).fileName()));
    QCOMPARE(window.runsPage()->openStores(), QStringList({m_demo, m_fixture}));
    // Both are recent stores.
    QVERIFY(window.recentStores().contains(m_demo));
    QVERIFY(window.recentStores().contains(m_fixture));
    // Choosing the other store's experiment makes it the window's store.
    ExperimentListModel *model = window.runsPage()->experimentModel();
    QVERIFY(showRuns(window.runsPage(), [&] {
        window.runsPage()->experimentView()->selectionModel()->setCurrentIndex(
            model->findExperiment(m_fixture, QStringLiteral("0")),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }));
    QVERIFY(window.windowTitle().startsWith(QFileInfo(m_fixture).fileName()));
    QVERIFY(window.statusText().contains(QStringLiteral("26 runs")));
}

void TestMainWindowStores::closeStoreAction()
{
    MainWindow window;
    window.show();
    QAction *close = window.closeStoreAction();
    QVERIFY(!close->isEnabled());
    QCOMPARE(close->shortcut(), QKeySequence(QKeySequence::Close));
    QVERIFY(openBoth(window));
    QVERIFY(close->isEnabled());
    QVERIFY(close->text().contains(QFileInfo(m_demo).fileName()));
    QVERIFY(showRuns(window.runsPage(), [&] { close->trigger(); }));
    QCOMPARE(window.runsPage()->openStores(), QStringList({m_fixture}));
    QCOMPARE(window.runsPage()->location(), m_fixture);
    QVERIFY(window.windowTitle().startsWith(QFileInfo(m_fixture).fileName()));
    close->trigger();
    QVERIFY(window.runsPage()->openStores().isEmpty());
    QVERIFY(!close->isEnabled());
    QCOMPARE(window.windowTitle(), QStringLiteral("Kaizen"));
    QCOMPARE(window.runsPage()->runModel()->rowCount(), 0);
}

void TestMainWindowStores::openStoresAreRestored()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(openBoth(window));
        // The fixture's store was the one showing when Kaizen closed.
        QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(m_fixture); }));
        QVERIFY(window.close());
    }
    MainWindow window;
    window.show();
    QVERIFY(window.reopenStoresAction()->isChecked());
    QVERIFY(showRuns(window.runsPage(), [&] { QVERIFY(window.restoreOpenStores()); }));
    QTRY_COMPARE(window.runsPage()->openStores().size(), 2);
    QCOMPARE(window.runsPage()->location(), m_fixture);
    QCOMPARE(window.runsPage()->runModel()->runs().size(), 26);
}

void TestMainWindowStores::restoringCanBeTurnedOff()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(openBoth(window));
        window.reopenStoresAction()->setChecked(false);
        QVERIFY(window.close());
    }
    MainWindow window;
    QVERIFY(!window.reopenStoresAction()->isChecked());
    QVERIFY(!window.restoreOpenStores());
    QVERIFY(window.runsPage()->openStores().isEmpty());
    QVERIFY(window.runsPage()->location().isEmpty());
}

QTEST_MAIN(TestMainWindowStores)
#include "tst_mainwindowstores.moc"
