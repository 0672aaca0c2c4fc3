#include "chartspage.h"
#include "mainwindow.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QSettings>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

// The main tabs in a light and a dark palette (this test also runs with QT_SCALE_FACTOR=2): each
// tab draws something, and the tool bar's icons stand out from the window in both palettes.
// KAIZEN_APPEARANCE_DIR keeps the screenshots to look at.
class TestAppearance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tabsInLightAndDarkPalettes_data();
    void tabsInLightAndDarkPalettes();
    void followsAPaletteChangeWhileOpen();

private:
    static double inkLightness(const QAction *action);
    static QPalette darkPalette();
    QString shotPath(const QString &name) const;
    QTemporaryDir m_dir;
    QString m_demo;
};

QPalette TestAppearance::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b2b2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6e6e6));
    dark.setColor(QPalette::Base, QColor(0x1e1e1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x262626));
    dark.setColor(QPalette::Text, QColor(0xe6e6e6));
    dark.setColor(QPalette::Button, QColor(0x333333));
    dark.setColor(QPalette::ButtonText, QColor(0xe6e6e6));
    dark.setColor(QPalette::Highlight, QColor(0x2f65ca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x333333));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6e6e6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a8a8a));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x7a7a7a));
    return dark;
}

QString TestAppearance::shotPath(const QString &name) const
{
    const QString dir = qEnvironmentVariable("KAIZEN_APPEARANCE_DIR");
    const QString scale = QString::number(qApp->devicePixelRatio());
    const QString file = QStringLiteral("%1-%2x.png").arg(name, scale);
    return dir.isEmpty() ? m_dir.filePath(file) : dir + QLatin1Char('/') + file;
}

void TestAppearance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_appearance"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
}

void TestAppearance::tabsInLightAndDarkPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestAppearance::tabsInLightAndDarkPalettes()
{
    QFETCH(bool, dark);
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(WidgetTestSupport::showRuns(window.runsPage(),
                                        [&] { window.openStore(m_demo, QStringLiteral("mnist-cnn")); }));
    QStringList firstRuns; // something to plot and compare
    for (int row = 0; row < 3; ++row)
        firstRuns.append(window.runsPage()->runModel()->runs().run(row).runId);
    window.runsPage()->selectRuns(firstRuns);

    // The tool bar's icons: ink in the text colour, far from the window colour.
    const QColor background = window.palette().color(QPalette::Window);
    for (QAction *action : window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions()) {
        if (action->isSeparator())
            continue;
        const double ink = inkLightness(action);
        QVERIFY2(ink >= 0, qPrintable(action->text()));
        QVERIFY2(std::abs(ink - background.lightnessF()) > 0.5, qPrintable(action->text()));
    }

    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    const QString palette = dark ? QStringLiteral("dark") : QStringLiteral("light");
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QTest::qWait(300); // charts lay out their axes after the first paint
        const QString name
            = tabs->tabText(tab).remove(QLatin1Char('&')).section(QLatin1Char(' '), 0, 0).toLower();
        VERIFY_SCREENSHOT(&window, shotPath(name + QLatin1Char('-') + palette));
    }
    // Charts are drawn on white paper: their legends must not take the palette's light text.
    const QList<QChartView *> charts = window.findChildren<QChartView *>();
    QVERIFY(!charts.isEmpty());
    for (const QChartView *view : charts) {
        const QBrush background = view->chart()->backgroundBrush();
        const double paper = background.style() == Qt::SolidPattern ? background.color().lightnessF() : 1.0;
        for (const QLegendMarker *marker : view->chart()->legend()->markers()) {
            if (marker->isVisible() && marker->labelBrush().color() != Qt::gray) // gray: a hidden curve
                QVERIFY2(std::abs(marker->labelBrush().color().lightnessF() - paper) > 0.5,
                         qPrintable(marker->label()));
        }
    }
}

// The mean lightness of an action icon's opaque pixels; -1 when it has none.
double TestAppearance::inkLightness(const QAction *action)
{
    const QImage icon = action->icon().pixmap(QSize(24, 24), qApp->devicePixelRatio()).toImage();
    double ink = 0;
    int count = 0;
    for (int y = 0; y < icon.height(); ++y) {
        for (int x = 0; x < icon.width(); ++x) {
            if (const QColor colour = icon.pixelColor(x, y); colour.alpha() > 200) {
                ink += colour.lightnessF();
                ++count;
            }
        }
    }
    return count > 0 ? ink / count : -1;
}

// The desktop switches to a dark theme while Kaizen is open (Qt hands the application the new
// palette): the tool bar redraws its icons in the new text colour without a restart.
void TestAppearance::followsAPaletteChangeWhileOpen()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *open = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions().constFirst();
    QVERIFY(inkLightness(open) < 0.3);
    QApplication::setPalette(darkPalette());
    QTRY_VERIFY(inkLightness(open) > 0.7);
    QApplication::setPalette(QApplication::style()->standardPalette());
    QTRY_VERIFY(inkLightness(open) < 0.3);
}

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
