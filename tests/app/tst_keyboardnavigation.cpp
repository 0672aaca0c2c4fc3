#include "mainwindow.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// Every tab of the main window without a mouse: Tab from the tab bar visits each of the page's
// views and comes back round (no widget keeps the focus for itself), and each view the walk
// reaches answers the keys a user would press there.
class TestKeyboardNavigation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tabReachesEveryViewOfEveryPage_data();
    void tabReachesEveryViewOfEveryPage();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestKeyboardNavigation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keyboardnavigation"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestKeyboardNavigation::tabReachesEveryViewOfEveryPage_data()
{
    // The page, and the widgets Tab must reach on it, by class or object name.
    QTest::addColumn<int>("page");
    QTest::addColumn<QStringList>("mustReach");
    QTest::newRow("runs") << int(MainWindow::RunsTab)
                          << QStringList {QStringLiteral("experimentView"), QStringLiteral("filterLineEdit"),
                                          QStringLiteral("RunTreeView"), QStringLiteral("runDetailsView")};
    QTest::newRow("charts") << int(MainWindow::ChartsTab)
                            << QStringList {QStringLiteral("keyFilter"), QStringLiteral("keyView"),
                                            QStringLiteral("xAxisBox"), QStringLiteral("CurveChartView")};
    QTest::newRow("compare") << int(MainWindow::CompareTab)
                             << QStringList {QStringLiteral("paramDiffView"), QStringLiteral("compareDetail"),
                                             QStringLiteral("axisList"),
                                             QStringLiteral("ParallelCoordinatesView")};
    QTest::newRow("models") << int(MainWindow::ModelsTab)
                            << QStringList {QStringLiteral("modelFilter"), QStringLiteral("modelTable"),
                                            QStringLiteral("lane0"), QStringLiteral("lane3")};
    QTest::newRow("artifacts") << int(MainWindow::ArtifactsTab)
                               << QStringList {QStringLiteral("artifactsTree")};
}

void TestKeyboardNavigation::tabReachesEveryViewOfEveryPage()
{
    QFETCH(int, page);
    QFETCH(QStringList, mustReach);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(WidgetTestSupport::showRuns(window.runsPage(),
                                        [&] { window.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    QStringList firstRuns;
    for (int row = 0; row < 3; ++row)
        firstRuns.append(window.runsPage()->runModel()->runs().run(row).runId);
    window.runsPage()->selectRuns(firstRuns);
    window.showPage(MainWindow::Page(page));
    QTest::qWait(200);

    auto *tabs = window.findChild<QTabWidget *>();
    tabs->tabBar()->setFocus(Qt::TabFocusReason);
    QWidget *start = QApplication::focusWidget();
    QCOMPARE(start, tabs->tabBar());
    QStringList reached;
    bool cameBack = false;
    for (int press = 0; press < 60 && !cameBack; ++press) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        reached.append(QStringLiteral("%1(%2)").arg(focus->metaObject()->className(), focus->objectName()));
        cameBack = focus == start;
    }
    qInfo().noquote() << "reached:" << reached.join(QLatin1String(", "));
    QVERIFY2(cameBack, "Tab never came back to the tab bar: a widget keeps the focus");
    for (const QString &name : mustReach) {
        QVERIFY2(std::any_of(reached.cbegin(), reached.cend(),
                             [&](const QString &widget) {
                                 return widget.startsWith(name + QLatin1Char('('))
                                     || widget.endsWith(QLatin1Char('(') + name + QLatin1Char(')'));
                             }),
                 qPrintable(name));
    }
}

QTEST_MAIN(TestKeyboardNavigation)
#include "tst_keyboardnavigation.moc"
