#include "chartspage.h"
#include "commandpalette.h"
#include "mainwindow.h"
#include "metrickeylistmodel.h"
#include "modelspage.h"
#include "registeredmodellistmodel.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "searchfilteredit.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using WidgetTestSupport::showRuns;
using Kind = CommandPaletteModel::Kind;

// The command palette in the main window: Ctrl+K, a name, Enter goes there.
class TestMainWindowPalette : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void runIsCurrentInTheRunsTab();
    void actionTriggers();
    void onlyActionsThatCanRunAreListed();
    void opensFromALineEdit();
    void experimentIsChosen();
    void metricShowsInTheCharts();
    void modelOpensInTheModelsTab();

private:
    // Ctrl+K, then types `query`; the palette (visible).
    CommandPalette *open(const QString &query);
    QString runId(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_demo;
    MainWindow *m_window = nullptr; // on the demo store's mnist-cnn, the Compare tab showing
};

void TestMainWindowPalette::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowpalette"));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestMainWindowPalette::init()
{
    QSettings().clear();
    m_window = new MainWindow;
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QVERIFY(
        showRuns(m_window->runsPage(), [&] { m_window->openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    m_window->showPage(MainWindow::CompareTab);
}

void TestMainWindowPalette::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

CommandPalette *TestMainWindowPalette::open(const QString &query)
{
    auto *palette = m_window->findChild<CommandPalette *>();
    if (!palette)
        return nullptr;
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    if (!palette->isVisible() || !palette->queryEdit()->hasFocus())
        return nullptr;
    QTest::keyClicks(palette->queryEdit(), query);
    return palette;
}

QString TestMainWindowPalette::runId(const QString &name) const
{
    const Store::RunTable &runs = m_window->runsPage()->runModel()->runs();
    for (int row = 0; row < runs.size(); ++row) {
        if (runs.run(row).runName == name)
            return runs.run(row).runId;
    }
    return {};
}

void TestMainWindowPalette::runIsCurrentInTheRunsTab()
{
    const QString baseline = runId(QStringLiteral("baseline-mlp"));
    QVERIFY(!baseline.isEmpty());
    QVERIFY(m_window->runsPage()->currentRunId() != baseline);

    // How long gathering takes on the demo store (every kind; the runs of mnist-cnn).
    auto *palette = m_window->findChild<CommandPalette *>();
    QVERIFY(palette);
    QElapsedTimer timer;
    timer.start();
    emit palette->aboutToShow();
    qInfo("gathering the palette's entries on the demo store: %.2f ms (%d entries)",
          double(timer.nsecsElapsed()) / 1e6, palette->model()->entryCount());
    QCOMPARE(palette->model()->entries(Kind::Run).size(), 13);

    // KAIZEN_PALETTE_SCREENSHOT=/tmp/palette.png keeps how the palette looks while typing.
    QVERIFY(open(QStringLiteral("mlp")));
    m_window->resize(1200, 760);
    VERIFY_SCREENSHOT(m_window,
                      WidgetTestSupport::screenshotPath("KAIZEN_PALETTE_SCREENSHOT",
                                                        m_dir.filePath(QStringLiteral("palette.png"))));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Escape);
    QVERIFY(!palette->isVisible());
    QVERIFY(open(QStringLiteral("baseline-mlp")));
    QCOMPARE(palette->model()->entry(0).title, QStringLiteral("baseline-mlp"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QVERIFY(!palette->isVisible());
    QCOMPARE(m_window->tabWidget()->currentWidget(), m_window->runsPage());
    QCOMPARE(m_window->runsPage()->currentRunId(), baseline);
    QCOMPARE(m_window->runsPage()->selectedRunIds(), QStringList {baseline});
    QVERIFY(m_window->runsPage()->runView()->hasFocus());

    // A nested run of the sweep, fuzzily.
    const QString child = runId(QStringLiteral("lr=0.01,bs=64"));
    QVERIFY(!child.isEmpty());
    QVERIFY(open(QStringLiteral("lr=0.01,bs=64")));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Enter);
    QCOMPARE(m_window->runsPage()->currentRunId(), child);
}

void TestMainWindowPalette::actionTriggers()
{
    QAction *reopen = m_window->reopenStoresAction();
    const bool wasChecked = reopen->isChecked();
    CommandPalette *palette = open(QStringLiteral("reopen stores"));
    QVERIFY(palette);
    const CommandPaletteModel::Entry entry = palette->model()->entry(0);
    QCOMPARE(entry.kind, Kind::Action);
    QCOMPARE(entry.title, QStringLiteral("Reopen Stores at Start")); // without the '&'
    QCOMPARE(entry.detail, wasChecked ? QStringLiteral("File · on") : QStringLiteral("File · off"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(reopen->isChecked(), !wasChecked);

    // A page action: View › Charts (its shortcut in the detail).
    QVERIFY(open(QStringLiteral("charts")));
    QCOMPARE(palette->model()->entry(0).title, QStringLiteral("Charts"));
    QCOMPARE(palette->model()->entry(0).detail,
             QStringLiteral("View · %1 · off")
                 .arg(QKeySequence(Qt::CTRL | Qt::Key_2).toString(QKeySequence::NativeText)));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(m_window->tabWidget()->currentWidget(), m_window->chartsPage());

    // An action in a submenu has the menu's path: File › Open Recent › the demo store.
    QVERIFY(open(QStringLiteral("1 ") + m_demo));
    QCOMPARE(palette->model()->entry(0).detail, QStringLiteral("File › Open Recent"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Escape);
}

void TestMainWindowPalette::onlyActionsThatCanRunAreListed()
{
    CommandPalette *palette = open({});
    QVERIFY(palette);
    QStringList titles;
    for (const CommandPaletteModel::Entry &entry : palette->model()->entries(Kind::Action))
        titles.append(entry.title);
    QVERIFY(titles.contains(QStringLiteral("Open…")));
    QVERIFY(titles.contains(QStringLiteral("Close “mlflow.db”")));
    QVERIFY(!titles.contains(QStringLiteral("Undo"))); // disabled: nothing to undo
    QVERIFY(!titles.contains(QStringLiteral("Go to Anything…"))); // the palette itself
    QVERIFY(!titles.contains(QString())); // separators
    QVERIFY(!titles.contains(QStringLiteral("Open Recent"))); // a submenu is no action
    // An action disabled after the palette opened does not trigger.
    QAction *close = m_window->closeStoreAction();
    palette->queryEdit()->setText(QStringLiteral("close “mlflow.db”"));
    QCOMPARE(palette->model()->entry(0).title, QStringLiteral("Close “mlflow.db”"));
    close->setEnabled(false);
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(m_window->runsPage()->openStores().size(), 1);
}

void TestMainWindowPalette::opensFromALineEdit()
{
    // Ctrl+K deletes to the end of the line in a line edit; in this window it opens the palette.
    QLineEdit *filter = m_window->runsPage()->filterEdit()->lineEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    filter->setText(QStringLiteral("params.lr"));
    filter->setCursorPosition(0);
    auto *palette = m_window->findChild<CommandPalette *>();
    QTest::keyClick(filter, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(palette->isVisible());
    QCOMPARE(filter->text(), QStringLiteral("params.lr"));
    // In the palette's own query line too: it stays open.
    palette->queryEdit()->setText(QStringLiteral("lora"));
    palette->queryEdit()->setCursorPosition(0);
    QTest::keyClick(palette->queryEdit(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(palette->isVisible());
}

void TestMainWindowPalette::experimentIsChosen()
{
    CommandPalette *palette = open(QStringLiteral("tabular-gbm"));
    QVERIFY(palette);
    QCOMPARE(palette->model()->entry(0).kind, Kind::Experiment);
    QVERIFY(showRuns(m_window->runsPage(), [&] { QTest::keyClick(palette->queryEdit(), Qt::Key_Return); }));
    QCOMPARE(m_window->tabWidget()->currentWidget(), m_window->runsPage());
    QCOMPARE(m_window->runsPage()->currentExperimentIds(), QStringList {QStringLiteral("2")});
    QCOMPARE(m_window->runsPage()->runModel()->runs().size(), 7);
}

void TestMainWindowPalette::metricShowsInTheCharts()
{
    // The sweep's runs are selected: val_loss is one of their keys.
    RunsPage *runs = m_window->runsPage();
    runs->selectRuns({runId(QStringLiteral("cnn-augment")), runId(QStringLiteral("cnn-dropout"))});
    ChartsPage *charts = m_window->chartsPage();
    charts->keyModel()->setChecked(QStringLiteral("val_loss"), false);
    CommandPalette *palette = open(QStringLiteral("val_loss"));
    QVERIFY(palette);
    QCOMPARE(palette->model()->entry(0).kind, Kind::Metric);
    QCOMPARE(palette->model()->entry(0).title, QStringLiteral("val_loss"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(m_window->tabWidget()->currentWidget(), charts);
    QCOMPARE(charts->keyFilterEdit()->text(), QStringLiteral("val_loss"));
    QVERIFY(charts->keyModel()->isChecked(QStringLiteral("val_loss")));
    QVERIFY(charts->findChild<QWidget *>(QStringLiteral("chart:val_loss")));
}

void TestMainWindowPalette::modelOpensInTheModelsTab()
{
    ModelsPage *models = m_window->modelsPage();
    QTRY_VERIFY_WITH_TIMEOUT(models->modelList()->rowCount() > 0, 10000);
    CommandPalette *palette = open(QStringLiteral("housing"));
    QVERIFY(palette);
    QCOMPARE(palette->model()->entry(0).kind, Kind::RegisteredModel);
    QCOMPARE(palette->model()->entry(0).detail, QStringLiteral("Production v2 · mlflow.db"));
    QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(m_window->tabWidget()->currentWidget(), models);
    QTRY_COMPARE(models->currentModel(), QStringLiteral("housing-regressor"));
}

QTEST_MAIN(TestMainWindowPalette)
#include "tst_mainwindowpalette.moc"
