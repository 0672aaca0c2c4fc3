#include "commandpalette.h"
#include "experimentlistmodel.h"
#include "paletteentries.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "runtreeview.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Entry = CommandPaletteModel::Entry;
using Kind = CommandPaletteModel::Kind;

class TestCommandPalette : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void popupAsksForEntries();
    void typingFilters();
    void keysMove();
    void enterEmitsTheEntry();
    void clickEmitsTheEntry();
    void escapeCloses();
    void focusElsewhereCloses();
    void nothingMatches();
    void followsTheWindowsSize();
    void screenshots();

private:
    QStringList shownTitles() const;
    int currentRow() const { return m_palette->listView()->currentIndex().row(); }

    QTemporaryDir m_dir;
    QString m_demo;
    Browser *m_browser = nullptr; // the run browser on the demo store, the palette over it
    CommandPalette *m_palette = nullptr;
    QWidget *m_before = nullptr; // has the focus before the palette opens: the run table
};

QStringList TestCommandPalette::shownTitles() const
{
    QStringList titles;
    const CommandPaletteModel *model = m_palette->model();
    for (int row = 0; row < model->rowCount(); ++row)
        titles.append(model->index(row).data().toString());
    return titles;
}

void TestCommandPalette::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestCommandPalette::init()
{
    m_browser = new Browser;
    m_browser->resize(1100, 700);
    m_browser->show();
    QVERIFY(QTest::qWaitForWindowActive(m_browser));
    QVERIFY(m_browser->openStore(m_demo, QStringLiteral("mnist-cnn")));
    m_before = m_browser->runs->runView();
    m_before->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_before);

    m_palette = new CommandPalette(m_browser);
    RunsPage *runs = m_browser->runs;
    connect(m_palette, &CommandPalette::aboutToShow, m_palette, [this, runs] {
        CommandPaletteModel *model = m_palette->model();
        model->setActions(
            {{Kind::Action, QStringLiteral("Open…"), QStringLiteral("File · Ctrl+O"), {}, {}, "0"},
             {Kind::Action, QStringLiteral("Reload"), QStringLiteral("File · F5"), {}, {}, "1"}});
        model->setExperiments(PaletteEntries::experiments(*runs->experimentModel()));
        model->setRuns(PaletteEntries::runs(runs->runModel()->mergedRuns(), *runs->experimentModel()));
        model->setMetrics(PaletteEntries::metrics(runs->runModel()->runs()));
    });
}

void TestCommandPalette::cleanup()
{
    delete m_browser;
    m_browser = nullptr;
    m_palette = nullptr;
}

void TestCommandPalette::popupAsksForEntries()
{
    QVERIFY(!m_palette->isVisible());
    QSignalSpy asked(m_palette, &CommandPalette::aboutToShow);
    m_palette->popup();
    QCOMPARE(asked.size(), 1);
    QVERIFY(m_palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_palette->queryEdit());
    // Every entry (2 actions, 6 experiments, 13 mnist runs, their metric keys), by kind.
    const CommandPaletteModel *model = m_palette->model();
    QCOMPARE(model->rowCount(), model->entryCount());
    QCOMPARE(model->entries(Kind::Run).size(), 13);
    QCOMPARE(shownTitles().first(), QStringLiteral("Open…"));
    QCOMPARE(currentRow(), 0);
    QVERIFY(m_palette->statusText().contains(QString::number(model->rowCount())));
    // Centred near the top of the window, over it.
    const QRect frame = m_palette->geometry();
    QVERIFY(m_browser->rect().contains(frame));
    QVERIFY(qAbs(frame.center().x() - m_browser->width() / 2) <= 1);
    QVERIFY(frame.top() < m_browser->height() / 4);
    QCOMPARE(m_palette->listView()->height(),
             CommandPalette::VisibleRows * m_palette->listView()->sizeHintForRow(0));

    // Opening again starts afresh.
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("sweep"));
    m_palette->popup();
    QCOMPARE(asked.size(), 2);
    QVERIFY(m_palette->queryEdit()->text().isEmpty());
    QCOMPARE(model->rowCount(), model->entryCount());
}

void TestCommandPalette::typingFilters()
{
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("swp"));
    QCOMPARE(m_palette->model()->query(), QStringLiteral("swp"));
    QCOMPARE(shownTitles().value(0), QStringLiteral("lr-batch-sweep"));
    QCOMPARE(currentRow(), 0);
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("zz"));
    QCOMPARE(m_palette->model()->rowCount(), 0);
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Backspace);
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Backspace);
    QCOMPARE(shownTitles().value(0), QStringLiteral("lr-batch-sweep"));
    // Every kind is found: an experiment, a metric, an action.
    m_palette->queryEdit()->setText(QStringLiteral("tabgbm"));
    QCOMPARE(shownTitles().value(0), QStringLiteral("tabular-gbm"));
    m_palette->queryEdit()->setText(QStringLiteral("valacc"));
    QCOMPARE(shownTitles().value(0), QStringLiteral("val_accuracy"));
    QCOMPARE(Kind(m_palette->model()->index(0).data(CommandPaletteModel::KindRole).toInt()), Kind::Metric);
    m_palette->queryEdit()->setText(QStringLiteral("reload"));
    QCOMPARE(shownTitles(), QStringList({"Reload"}));
    QCOMPARE(m_palette->statusText().left(7), QStringLiteral("1 match"));
}

void TestCommandPalette::keysMove()
{
    m_palette->popup();
    QLineEdit *edit = m_palette->queryEdit();
    const int rows = m_palette->model()->rowCount();
    QVERIFY(rows > CommandPalette::VisibleRows + 2);
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(currentRow(), 1);
    QTest::keyClick(edit, Qt::Key_Down);
    QCOMPARE(currentRow(), 2);
    QTest::keyClick(edit, Qt::Key_Up);
    QCOMPARE(currentRow(), 1);
    QTest::keyClick(edit, Qt::Key_End);
    QCOMPARE(currentRow(), rows - 1);
    QTest::keyClick(edit, Qt::Key_Home);
    QCOMPARE(currentRow(), 0);
    QTest::keyClick(edit, Qt::Key_PageDown);
    QVERIFY2(currentRow() >= CommandPalette::VisibleRows - 2, qPrintable(QString::number(currentRow())));
    QTest::keyClick(edit, Qt::Key_PageUp);
    QCOMPARE(currentRow(), 0);
    // The keys moved the list, not the text cursor; the focus stayed in the query line.
    QTest::keyClicks(edit, QStringLiteral("lr"));
    QCOMPARE(edit->text(), QStringLiteral("lr"));
    QCOMPARE(QApplication::focusWidget(), edit);
    QTest::keyClick(edit, Qt::Key_Home, Qt::ShiftModifier); // selects in the line, as ever
    QCOMPARE(edit->selectedText(), QStringLiteral("lr"));
    QCOMPARE(currentRow(), 0);
}

void TestCommandPalette::enterEmitsTheEntry()
{
    QSignalSpy activated(m_palette, &CommandPalette::activated);
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("lr-batch"));
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    const auto entry = activated.takeFirst().at(0).value<Entry>();
    QCOMPARE(entry.kind, Kind::Run);
    QCOMPARE(entry.title, QStringLiteral("lr-batch-sweep"));
    QCOMPARE(entry.location, m_demo);
    QCOMPARE(entry.experimentId, QStringLiteral("1"));
    QCOMPARE(entry.key, m_browser->idsOf({entry.title}).value(0));
    QVERIFY(!m_palette->isVisible());
    QCOMPARE(QApplication::focusWidget(), m_before);

    // The entry moved to with Down.
    m_palette->popup();
    m_palette->queryEdit()->setText(QStringLiteral("o"));
    const QString second = shownTitles().value(1);
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Down);
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Enter);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.takeFirst().at(0).value<Entry>().title, second);

    // Enter with nothing matching does nothing.
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("qqqq"));
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Return);
    QVERIFY(activated.isEmpty());
    QVERIFY(m_palette->isVisible());
}

void TestCommandPalette::clickEmitsTheEntry()
{
    QSignalSpy activated(m_palette, &CommandPalette::activated);
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("tabular"));
    QListView *list = m_palette->listView();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(list->model()->index(0, 0)).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.takeFirst().at(0).value<Entry>().title, QStringLiteral("tabular-gbm"));
    QVERIFY(!m_palette->isVisible());
}

void TestCommandPalette::escapeCloses()
{
    QSignalSpy activated(m_palette, &CommandPalette::activated);
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("lora"));
    QTest::keyClick(m_palette->queryEdit(), Qt::Key_Escape);
    QVERIFY(!m_palette->isVisible());
    QVERIFY(activated.isEmpty());
    QCOMPARE(QApplication::focusWidget(), m_before);
}

void TestCommandPalette::focusElsewhereCloses()
{
    m_palette->popup();
    QVERIFY(m_palette->isVisible());
    m_browser->runs->experimentView()->setFocus();
    QVERIFY(!m_palette->isVisible());
}

void TestCommandPalette::nothingMatches()
{
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("xyzzy"));
    QVERIFY(m_palette->listView()->isHidden());
    QCOMPARE(m_palette->statusText(), QStringLiteral("Nothing matches “xyzzy”"));
    QVERIFY(m_palette->height() < 150);
}

void TestCommandPalette::followsTheWindowsSize()
{
    m_palette->popup();
    m_browser->resize(700, 500);
    QTRY_VERIFY(qAbs(m_palette->geometry().center().x() - m_browser->width() / 2) <= 1);
    QCOMPARE(m_palette->width(), 420);
    QVERIFY(m_browser->rect().contains(m_palette->geometry()));
}

void TestCommandPalette::screenshots()
{
    // KAIZEN_SCREENSHOT_PALETTE=/tmp/palette saves palette-light.png and palette-dark.png there.
    const QString folder = WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_PALETTE", m_dir.path());
    m_palette->popup();
    QTest::keyClicks(m_palette->queryEdit(), QStringLiteral("val"));
    VERIFY_SCREENSHOT(m_browser, folder + QStringLiteral("/palette-light.png"));

    // A dark theme: every colour the palette draws with comes from these roles.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x36));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x26, 0x4f, 0x78));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    m_browser->setPalette(dark);
    VERIFY_SCREENSHOT(m_browser, folder + QStringLiteral("/palette-dark.png"));
    // The palette's background and its rows follow the theme.
    const QImage image = m_palette->grab().toImage();
    QVERIFY(image.pixelColor(image.width() / 2, image.height() - 3).lightnessF() < 0.5);
    QListView *list = m_palette->listView();
    const QImage rows = list->viewport()->grab().toImage();
    const QRect second = list->visualRect(list->model()->index(1, 0));
    QVERIFY(rows.pixelColor(second.right() - 2, second.top() + 2).lightnessF() < 0.5);
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
