#include "mainwindow.h"

#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

// The catalogue is built into Kaizen and used: with the German one installed the menus speak
// German where it has a translation, and English where it has none.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void germanMenusFallBackToEnglish();

private:
    QTemporaryDir m_dir;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
}

void TestTranslations::germanMenusFallBackToEnglish()
{
    QTranslator german;
    QVERIFY(german.load(QLocale(QLocale::German), QStringLiteral("kaizen"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
    QVERIFY(QApplication::installTranslator(&german));
    MainWindow window;
    QStringList menus;
    for (const QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(u' ')));
    QVERIFY(menus.contains(QStringLiteral("&Hilfe")));
    // A string the catalogue does not translate yet stays English.
    QCOMPARE(window.statusText(), QStringLiteral("Open an MLflow store to begin."));
    QApplication::removeTranslator(&german);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
