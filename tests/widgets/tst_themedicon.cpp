#include "themedicon.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QTest>

// Toolbar icons follow the palette: dark shapes on a light palette, light ones on a dark
// palette, dimmed when disabled, and sharp at a device pixel ratio of 2.
class TestThemedIcon : public QObject
{
    Q_OBJECT
private slots:
    void followsThePalette();
    void sharpAtTwiceTheResolution();

private:
    static QPalette palette(const QColor &text, const QColor &disabledText, const QColor &window)
    {
        QPalette colours;
        colours.setColor(QPalette::Active, QPalette::WindowText, text);
        colours.setColor(QPalette::Inactive, QPalette::WindowText, text);
        colours.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
        colours.setColor(QPalette::Window, window);
        return colours;
    }
    // The mean lightness of the icon's opaque pixels; -1 when it has none.
    static double inkLightness(const QImage &image)
    {
        double sum = 0;
        int count = 0;
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < argb.height(); ++y) {
            for (int x = 0; x < argb.width(); ++x) {
                const QColor colour = argb.pixelColor(x, y);
                if (colour.alpha() > 200) {
                    sum += colour.lightnessF();
                    ++count;
                }
            }
        }
        return count == 0 ? -1 : sum / count;
    }
    static inline const QString Svg = QStringLiteral(KAIZEN_SOURCE_DIR "/resources/icons/pin.svg");
};

void TestThemedIcon::followsThePalette()
{
    const QIcon light = ThemedIcon::fromSvg(Svg, palette(Qt::black, Qt::gray, Qt::white));
    const QIcon dark
        = ThemedIcon::fromSvg(Svg, palette(QColor(0xeeeeee), QColor(0x777777), QColor(0x202020)));
    const double onLight = inkLightness(light.pixmap(24, 24).toImage());
    const double onDark = inkLightness(dark.pixmap(24, 24).toImage());
    QVERIFY2(onLight >= 0 && onLight < 0.2, qPrintable(QString::number(onLight)));
    QVERIFY2(onDark > 0.8, qPrintable(QString::number(onDark)));
    const double disabled = inkLightness(dark.pixmap(24, 24, QIcon::Disabled).toImage());
    QVERIFY2(disabled > 0.3 && disabled < 0.6, qPrintable(QString::number(disabled)));
}

void TestThemedIcon::sharpAtTwiceTheResolution()
{
    const QIcon icon = ThemedIcon::fromSvg(Svg, palette(Qt::black, Qt::gray, Qt::white));
    const QPixmap twice = icon.pixmap(QSize(24, 24), 2.0);
    QCOMPARE(twice.size(), QSize(48, 48)); // drawn at 48 pixels, not 24 scaled up
    QCOMPARE(twice.devicePixelRatio(), 2.0);
    QVERIFY(inkLightness(twice.toImage()) >= 0);
}

QTEST_MAIN(TestThemedIcon)
#include "tst_themedicon.moc"
