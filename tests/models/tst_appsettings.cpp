#include "appsettings.h"

#include <QTemporaryDir>
#include <QTest>

// The settings file through typed keys: defaults, wrong types, the version, the move of an
// unversioned file's layout keys, and the layout reset that keeps the user's stores.
class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void unsetKeysGiveTheirDefaults();
    void valuesComeBackTyped();
    void unreadableValueGivesTheDefault();
    void unversionedFileIsMigrated();
    void newerFileIsLeftAlone();
    void resetLayoutKeepsTheUsersStores();

private:
    QString iniPath(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QTemporaryDir m_dir;
};

void TestAppSettings::unsetKeysGiveTheirDefaults()
{
    QSettings file(iniPath("defaults.ini"), QSettings::IniFormat);
    const AppSettings settings(&file);
    QCOMPARE(settings.foundVersion(), 0);
    QVERIFY(settings.value(Settings::ReopenStores));
    QVERIFY(settings.value(Settings::CompareOnlyDifferences));
    QVERIFY(settings.value(Settings::LiveFollow));
    QCOMPARE(settings.value(Settings::LiveIntervalMs), 2000);
    QCOMPARE(settings.value(Settings::RunsSortOrder), int(Qt::DescendingOrder));
    QCOMPARE(settings.value(Settings::DatabasePort), 5432);
    QVERIFY(settings.value(Settings::DatabaseHost).isEmpty());
    QVERIFY(settings.value(Settings::WindowGeometry).isEmpty());
    QVERIFY(settings.value(Settings::hiddenColumns(QStringLiteral("RunsPage"))).isEmpty());
    QCOMPARE(file.value(AppSettings::VersionKey).toInt(), AppSettings::Version); // written at once
}

void TestAppSettings::valuesComeBackTyped()
{
    const QString path = iniPath("typed.ini");
    {
        QSettings file(path, QSettings::IniFormat);
        AppSettings settings(&file);
        settings.setValue(Settings::ChartsSmoothing, 0.6);
        settings.setValue(Settings::ChartsLogY, true);
        settings.setValue(Settings::RecentStores, QStringList {QStringLiteral("/data/a.db")}); // one element
        settings.setValue(Settings::hiddenColumns(QStringLiteral("RunsPage")),
                          QStringList {QStringLiteral("params.lr"), QStringLiteral("metrics.acc")});
        settings.setValue(Settings::WindowGeometry, QByteArray("\x01\x02\x00\x03", 4));
        settings.setValue(Settings::ChartsKeyChoices, QVariantMap {{QStringLiteral("loss"), true}});
    }
    QSettings file(path, QSettings::IniFormat); // read back from the file, as at the next start
    const AppSettings settings(&file);
    QCOMPARE(settings.foundVersion(), AppSettings::Version);
    QCOMPARE(settings.value(Settings::ChartsSmoothing), 0.6);
    QVERIFY(settings.value(Settings::ChartsLogY));
    QCOMPARE(settings.value(Settings::RecentStores), QStringList {QStringLiteral("/data/a.db")});
    QCOMPARE(settings.value(Settings::hiddenColumns(QStringLiteral("RunsPage"))),
             (QStringList {QStringLiteral("params.lr"), QStringLiteral("metrics.acc")}));
    QCOMPARE(settings.value(Settings::WindowGeometry), QByteArray("\x01\x02\x00\x03", 4));
    QCOMPARE(settings.value(Settings::ChartsKeyChoices).value(QStringLiteral("loss")).toBool(), true);
}

void TestAppSettings::unreadableValueGivesTheDefault()
{
    QSettings file(iniPath("wrong.ini"), QSettings::IniFormat);
    file.setValue(Settings::LiveIntervalMs.name, QStringLiteral("fast")); // edited by hand
    const AppSettings settings(&file);
    QCOMPARE(settings.value(Settings::LiveIntervalMs), 0); // converts, as QVariant does: not a crash
    file.setValue(Settings::ChartsKeyChoices.name, QStringLiteral("loss"));
    QVERIFY(settings.value(Settings::ChartsKeyChoices).isEmpty());
}

void TestAppSettings::unversionedFileIsMigrated()
{
    // As Kaizen wrote it before settings had a version.
    QSettings file(iniPath("old.ini"), QSettings::IniFormat);
    file.setValue(QStringLiteral("MainWindow/geometry"), QByteArray("geometry"));
    file.setValue(QStringLiteral("MainWindow/page"), 2);
    file.setValue(QStringLiteral("MainWindow/recentStores"),
                  QStringList {QStringLiteral("/a.db"), QStringLiteral("/b")});
    file.setValue(QStringLiteral("RunsPage/hiddenColumns"), QStringList {QStringLiteral("params.lr")});
    file.setValue(QStringLiteral("ChartsPage/logY"), true);
    file.setValue(QStringLiteral("ComparePage/onlyDifferences"), false);
    file.setValue(QStringLiteral("ComparePage/pinned"), QVariantList {QStringLiteral("x")});
    file.setValue(QStringLiteral("LiveUpdates/follow"), false);
    file.setValue(QStringLiteral("LiveUpdates/intervalMs"), 500);
    const AppSettings settings(&file);
    QCOMPARE(settings.foundVersion(), 0);
    QCOMPARE(settings.value(Settings::WindowGeometry), QByteArray("geometry"));
    QCOMPARE(settings.value(Settings::CurrentPage), 2);
    QCOMPARE(settings.value(Settings::RecentStores),
             (QStringList {QStringLiteral("/a.db"), QStringLiteral("/b")}));
    QCOMPARE(settings.value(Settings::hiddenColumns(QStringLiteral("RunsPage"))),
             QStringList {QStringLiteral("params.lr")});
    QVERIFY(settings.value(Settings::ChartsLogY));
    QVERIFY(!settings.value(Settings::CompareOnlyDifferences));
    QCOMPARE(settings.value(Settings::PinnedRuns).size(), 1); // the user's, where it was
    QVERIFY(!settings.value(Settings::LiveFollow));
    QCOMPARE(settings.value(Settings::LiveIntervalMs), 500);
    QVERIFY(!file.contains(QStringLiteral("MainWindow/geometry"))); // moved, not copied
    QVERIFY(!file.contains(QStringLiteral("RunsPage/hiddenColumns")));
    QCOMPARE(file.value(AppSettings::VersionKey).toInt(), AppSettings::Version);
}

void TestAppSettings::newerFileIsLeftAlone()
{
    QSettings file(iniPath("newer.ini"), QSettings::IniFormat);
    file.setValue(AppSettings::VersionKey, AppSettings::Version + 1);
    file.setValue(QStringLiteral("RunsPage/something"), 1);
    const AppSettings settings(&file);
    QCOMPARE(settings.foundVersion(), AppSettings::Version + 1);
    QVERIFY(file.contains(QStringLiteral("RunsPage/something")));
    QCOMPARE(file.value(AppSettings::VersionKey).toInt(), AppSettings::Version + 1);
}

void TestAppSettings::resetLayoutKeepsTheUsersStores()
{
    QSettings file(iniPath("reset.ini"), QSettings::IniFormat);
    AppSettings settings(&file);
    settings.setValue(Settings::WindowGeometry, QByteArray("geometry"));
    settings.setValue(Settings::ChartsLogY, true);
    settings.setValue(Settings::hiddenColumns(QStringLiteral("RunsPage")),
                      QStringList {QStringLiteral("params.lr")});
    settings.setValue(Settings::RecentStores, QStringList {QStringLiteral("/a.db")});
    settings.setValue(Settings::OpenStores, QStringList {QStringLiteral("/a.db")});
    settings.setValue(Settings::PinnedRuns, QVariantList {QStringLiteral("x")});
    settings.setValue(Settings::LiveIntervalMs, 500);
    settings.setValue(Settings::DatabaseHost, QStringLiteral("db.example"));
    file.setValue(QStringLiteral("Registry/stageAgeLimits/a/b"), 7);
    settings.resetLayout();
    QVERIFY(!settings.contains(Settings::WindowGeometry));
    QVERIFY(!settings.value(Settings::ChartsLogY));
    QVERIFY(settings.value(Settings::hiddenColumns(QStringLiteral("RunsPage"))).isEmpty());
    QCOMPARE(settings.value(Settings::RecentStores), QStringList {QStringLiteral("/a.db")});
    QCOMPARE(settings.value(Settings::OpenStores), QStringList {QStringLiteral("/a.db")});
    QCOMPARE(settings.value(Settings::PinnedRuns).size(), 1);
    QCOMPARE(settings.value(Settings::LiveIntervalMs), 500);
    QCOMPARE(settings.value(Settings::DatabaseHost), QStringLiteral("db.example"));
    QCOMPARE(file.value(QStringLiteral("Registry/stageAgeLimits/a/b")).toInt(), 7);
    QCOMPARE(file.value(AppSettings::VersionKey).toInt(), AppSettings::Version);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
