#include "stagestaleness.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using StageStaleness::Level;

class TestStageStaleness : public QObject
{
    Q_OBJECT
private slots:
    void level_data();
    void level();
    void stageAges();
    void noLimitNoLevel();
    void futureTimeIsNoAge();
    void limitsInSettings();
};

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Now = 1700000000000;

Store::ModelVersion version(int number, const char *stage, qint64 lastUpdated)
{
    Store::ModelVersion v;
    v.modelName = QStringLiteral("fraud");
    v.version = number;
    v.stage = QLatin1String(stage);
    v.lastUpdatedTime = lastUpdated;
    return v;
}

} // namespace

Q_DECLARE_METATYPE(StageStaleness::Level)

void TestStageStaleness::level_data()
{
    QTest::addColumn<qint64>("age");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<Level>("expected");
    QTest::addRow("no limit") << 100 * Day << qint64(0) << Level::None;
    QTest::addRow("negative limit is none") << Day << -Day << Level::None;
    QTest::addRow("new") << qint64(0) << 7 * Day << Level::Fresh;
    QTest::addRow("just below the limit") << 7 * Day - 1 << 7 * Day << Level::Fresh;
    QTest::addRow("at the limit") << 7 * Day << 7 * Day << Level::Amber;
    QTest::addRow("just below twice") << 14 * Day - 1 << 7 * Day << Level::Amber;
    QTest::addRow("at twice the limit") << 14 * Day << 7 * Day << Level::Red;
    QTest::addRow("far past") << 365 * Day << 7 * Day << Level::Red;
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::addRow("huge limit does not overflow") << max - 1 << max / 2 + 1 << Level::Amber;
    QTest::addRow("huge age") << max << max / 2 << Level::Red;
}

void TestStageStaleness::level()
{
    QFETCH(qint64, age);
    QFETCH(qint64, limit);
    QFETCH(Level, expected);
    QCOMPARE(StageStaleness::level(age, limit), expected);
}

void TestStageStaleness::stageAges()
{
    const Store::ModelVersionList versions = {
        version(1, "Production", Now - 30 * Day), version(2, "Production", Now - 3 * Day),
        version(3, "Staging", Now - Day),         version(4, "None", Store::NoTime),
        version(5, "Staging", Now - 5 * Day), // the latest in Staging, though older
    };
    const auto ages = StageStaleness::stageAges(versions, Now, 2 * Day);
    QCOMPARE(ages.size(), 4);
    QCOMPARE(ages[0].stage, QStringLiteral("None"));
    QCOMPARE(ages[0].version, 4);
    QCOMPARE(ages[0].since, Store::NoTime); // no time: no age, no level
    QCOMPARE(ages[0].level, Level::None);

    QCOMPARE(ages[1].stage, QStringLiteral("Staging"));
    QCOMPARE(ages[1].version, 5);
    QCOMPARE(ages[1].since, Now - 5 * Day);
    QCOMPARE(ages[1].age, 5 * Day);
    QCOMPARE(ages[1].level, Level::Red);

    QCOMPARE(ages[2].stage, QStringLiteral("Production"));
    QCOMPARE(ages[2].version, 2);
    QCOMPARE(ages[2].age, 3 * Day);
    QCOMPARE(ages[2].level, Level::Amber);

    QCOMPARE(ages[3].stage, QStringLiteral("Archived"));
    QCOMPARE(ages[3].version, 0); // empty
    QCOMPARE(ages[3].level, Level::None);
}

void TestStageStaleness::noLimitNoLevel()
{
    const auto ages = StageStaleness::stageAges({version(1, "Production", Now - 400 * Day)}, Now, 0);
    QCOMPARE(ages[2].version, 1);
    QCOMPARE(ages[2].age, 400 * Day);
    QCOMPARE(ages[2].level, Level::None);
}

void TestStageStaleness::futureTimeIsNoAge()
{
    // Another machine's clock ahead of ours.
    const auto ages = StageStaleness::stageAges({version(1, "Staging", Now + Hour)}, Now, Day);
    QCOMPARE(ages[1].age, 0);
    QCOMPARE(ages[1].level, Level::Fresh);
}

void TestStageStaleness::limitsInSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(QStringLiteral("kaizen.ini"));
    const QString store = QStringLiteral("/data/a/mlflow.db");
    {
        QSettings settings(ini, QSettings::IniFormat);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("fraud")), 0);
        StageStaleness::setAgeLimit(settings, store, QStringLiteral("fraud"), 7 * Day);
        StageStaleness::setAgeLimit(settings, store, QStringLiteral("team/churn"), Day);
        StageStaleness::setAgeLimit(settings, QStringLiteral("/data/b/mlflow.db"), QStringLiteral("fraud"),
                                    Hour);
    }
    {
        const QSettings settings(ini, QSettings::IniFormat);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("fraud")), 7 * Day);
        // Any spelling of the store.
        QCOMPARE(StageStaleness::ageLimit(settings, QStringLiteral("sqlite:////data/a/./mlflow.db"),
                                          QStringLiteral("fraud")),
                 7 * Day);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("team/churn")), Day);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("team")), 0);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("Fraud")), 0);
        QCOMPARE(
            StageStaleness::ageLimit(settings, QStringLiteral("/data/b/mlflow.db"), QStringLiteral("fraud")),
            Hour);
    }
    {
        QSettings settings(ini, QSettings::IniFormat);
        StageStaleness::setAgeLimit(settings, store, QStringLiteral("fraud"), 0);
        QVERIFY(!settings.contains(StageStaleness::settingsKey(store, QStringLiteral("fraud"))));
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("fraud")), 0);
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("team/churn")), Day);
        // A value that is not a number is no limit.
        settings.setValue(StageStaleness::settingsKey(store, QStringLiteral("x")), QStringLiteral("soon"));
        QCOMPARE(StageStaleness::ageLimit(settings, store, QStringLiteral("x")), 0);
    }
}

QTEST_GUILESS_MAIN(TestStageStaleness)
#include "tst_stagestaleness.moc"
