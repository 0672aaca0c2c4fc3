#include "appsettings.h"
#include "mainwindow.h"
#include "opendatabasedialog.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "sessioncredentials.h"
#include "storelocation.h"
#include "storepool.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using WidgetTestSupport::showRuns;

// A store on a PostgreSQL server that asks for a password (tests/pg/pg-server: role kaizen_pw,
// SCRAM over TCP): the window asks, keeps the answer for the session only, and opens; Cancel
// opens nothing; File › Open Database… and the command line's URI with a password open it too;
// the settings never hold the password.
class TestMainWindowPassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void asksForThePasswordAndOpens();
    void wrongPasswordAsksAgainAndCancelOpensNothing();
    void commandLinePasswordServesEveryConnection();
    void openDatabaseDialog();

private:
    static constexpr const char *Secret = "kaizen-secret";
    QString url(const QString &password = {}) const
    {
        QUrl server(m_database);
        server.setUserName(QStringLiteral("kaizen_pw"));
        server.setPassword(password);
        return server.toString();
    }
    static OpenDatabaseDialog *passwordDialog(const MainWindow &window)
    {
        auto *dialog = window.findChild<OpenDatabaseDialog *>(QStringLiteral("passwordDialog"));
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }
    static QLineEdit *passwordEdit(const QDialog *dialog)
    {
        return dialog->findChild<QLineEdit *>(QStringLiteral("databasePassword"));
    }
    // Every byte the settings file holds: no password may be among them.
    static QByteArray settingsFile()
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Later connections of the store's pool open by its name, with the session's password.
    static bool reloadsWithNewConnections(MainWindow &window)
    {
        Store::StorePool::shared(window.runsPage()->location())->clear();
        return showRuns(window.runsPage(), [&] { window.runsPage()->reloadAction()->trigger(); });
    }

    QTemporaryDir m_dir;
    QString m_database;
};

void TestMainWindowPassword::initTestCase()
{
    if (TestSupport::postgresServer().isEmpty())
        QSKIP("No PostgreSQL server (KAIZEN_TEST_PG_URL; ctest runs this through tests/pg/pg-test-env)");
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("KaizenTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowpassword"));
    m_database = TestSupport::postgresFromSqlite(
        TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db")));
    QVERIFY(!m_database.isEmpty());
}

void TestMainWindowPassword::init()
{
    QSettings().clear();
    Store::SessionCredentials::forgetAll();
    // No password but the ones the test gives (not the user's ~/.pgpass).
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-pgpass")).toUtf8());
}

void TestMainWindowPassword::asksForThePasswordAndOpens()
{
    const QString name = Store::Location::normalize(url());
    {
        MainWindow window;
        window.show();
        window.openStore(url());
        QTRY_VERIFY(passwordDialog(window));
        OpenDatabaseDialog *dialog = passwordDialog(window);
        QVERIFY(dialog->isAskingPassword());
        const QString message = dialog->findChild<QLabel *>(QStringLiteral("databaseMessage"))->text();
        QVERIFY2(message.contains(QLatin1String("password")), qPrintable(message));
        QCOMPARE(dialog->focusWidget(), static_cast<QWidget *>(passwordEdit(dialog)));
        // Nothing half open meanwhile, and no error message on top of the question.
        QVERIFY(window.runsPage()->openStores().isEmpty());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorMessageBox")));

        QTest::keyClicks(passwordEdit(dialog), QLatin1String(Secret));
        QVERIFY(showRuns(window.runsPage(), [&] { QTest::keyClick(passwordEdit(dialog), Qt::Key_Return); }));
        QCOMPARE(window.runsPage()->location(), name);
        QCOMPARE(window.runsPage()->runModel()->runs().size(), 26);
        QCOMPARE(window.recentStores(), QStringList {name});
        QCOMPARE(Store::SessionCredentials::password(name), std::optional(QString::fromLatin1(Secret)));
        QVERIFY(reloadsWithNewConnections(window));
        QVERIFY(window.close());
    }
    QCOMPARE(AppSettings().value(Settings::OpenStores), QStringList {name});
    const QByteArray settings = settingsFile();
    QVERIFY(settings.contains("kaizen_pw")); // the file is the one written
    QVERIFY2(!settings.contains(Secret), settings.constData());
}

void TestMainWindowPassword::wrongPasswordAsksAgainAndCancelOpensNothing()
{
    const QString name = Store::Location::normalize(url());
    MainWindow window;
    window.show();
    window.openStore(url());
    QTRY_VERIFY(passwordDialog(window));
    QPointer<OpenDatabaseDialog> first = passwordDialog(window);
    QTest::keyClicks(passwordEdit(first), QStringLiteral("not-the-secret"));
    QTest::keyClick(passwordEdit(first), Qt::Key_Return);
    // Asked again, saying why.
    QTRY_VERIFY(!first && passwordDialog(window));
    OpenDatabaseDialog *again = passwordDialog(window);
    const QString message = again->findChild<QLabel *>(QStringLiteral("databaseMessage"))->text();
    QVERIFY2(message.contains(QLatin1String("password authentication failed")), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String("not-the-secret")));
    QVERIFY(passwordEdit(again)->text().isEmpty());
    QTest::keyClick(passwordEdit(again), Qt::Key_Escape);
    QTRY_VERIFY(!passwordDialog(window));
    QVERIFY2(window.statusText().contains(QLatin1String("password")), qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(name));
    QVERIFY(window.runsPage()->openStores().isEmpty());
    QVERIFY(window.runsPage()->location().isEmpty());
    QVERIFY(window.recentStores().isEmpty());
    QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorMessageBox")));
    // The refused password is not tried again.
    QVERIFY(!Store::SessionCredentials::password(name));
}

void TestMainWindowPassword::commandLinePasswordServesEveryConnection()
{
    // `kaizen postgresql://kaizen_pw:kaizen-secret@...`: opened by its name without the password,
    // which the store's later connections still have.
    const QString name = Store::Location::normalize(url());
    {
        MainWindow window;
        window.show();
        QVERIFY(showRuns(window.runsPage(), [&] { window.openStores({url(QLatin1String(Secret))}); }));
        QVERIFY(!passwordDialog(window));
        QCOMPARE(window.runsPage()->location(), name);
        QCOMPARE(window.runsPage()->openStores(), QStringList {name});
        QCOMPARE(window.recentStores(), QStringList {name});
        QVERIFY(!window.windowTitle().contains(QLatin1String(Secret)));
        QVERIFY(reloadsWithNewConnections(window));
        QVERIFY(window.close());
    }
    QVERIFY2(!settingsFile().contains(Secret), settingsFile().constData());
    // Opened again from the recent stores in this session: no question.
    MainWindow window;
    window.show();
    QVERIFY(showRuns(window.runsPage(), [&] { window.openStore(window.recentStores().value(0)); }));
    QVERIFY(!passwordDialog(window));
}

void TestMainWindowPassword::openDatabaseDialog()
{
    const QUrl server(m_database);
    const QString name = Store::Location::normalize(url());
    {
        MainWindow window;
        window.show();
        QAction *action = window.openDatabaseAction();
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
        action->trigger();
        auto *dialog = window.findChild<OpenDatabaseDialog *>(QStringLiteral("openDatabaseDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isAskingPassword());
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseHost"))->setText(server.host());
        dialog->findChild<QSpinBox *>(QStringLiteral("databasePort"))->setValue(server.port());
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseName"))->setText(server.path().mid(1));
        dialog->findChild<QLineEdit *>(QStringLiteral("databaseUser"))->setText(QStringLiteral("kaizen_pw"));
        QTest::keyClicks(passwordEdit(dialog), QLatin1String(Secret));
        QVERIFY(showRuns(window.runsPage(), [&] { QTest::keyClick(passwordEdit(dialog), Qt::Key_Return); }));
        QCOMPARE(window.runsPage()->location(), name);
        QCOMPARE(window.recentStores(), QStringList {name});
        QVERIFY(window.close());
    }
    const AppSettings settings;
    QCOMPARE(settings.value(Settings::DatabaseHost), server.host());
    QCOMPARE(settings.value(Settings::DatabasePort), server.port());
    QCOMPARE(settings.value(Settings::DatabaseName), server.path().mid(1));
    QCOMPARE(settings.value(Settings::DatabaseUser), QStringLiteral("kaizen_pw"));
    QVERIFY2(!settingsFile().contains(Secret), settingsFile().constData());
    // The next time the fields are filled in, the password is not.
    MainWindow window;
    window.openDatabaseAction()->trigger();
    auto *dialog = window.findChild<OpenDatabaseDialog *>(QStringLiteral("openDatabaseDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("databaseUser"))->text(),
             QStringLiteral("kaizen_pw"));
    QVERIFY(passwordEdit(dialog)->text().isEmpty());
    QCOMPARE(dialog->uri(), name);
    dialog->reject();
}

QTEST_MAIN(TestMainWindowPassword)
#include "tst_mainwindowpassword.moc"
