#include "clirunner.h"
#include "sqlitehandle.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// The registry's sub-commands (models, versions, transition, alias, tag, describe) on real
// SQLite stores: MLflow's field names, MLflow's semantics for each write, exit 4 with nothing
// written for every refusal.
class TestRegistryCli : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 T0 = 1700000000000; // the store's history happened before the test

    CliRunner::Outcome kaizen(const QStringList &arguments) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.path() + QStringLiteral("/data"));
        return CliRunner::kaizen(arguments, env);
    }
    // TestSupport::buildRegistryStore()'s store, written into the test's folder.
    QString buildStore(const QString &name) const;
    QJsonObject version(const QString &store, int number) const
    {
        for (const QJsonValue &v :
             CliRunner::jsonArray(kaizen({"versions", store, "churn-classifier"}).out)) {
            if (v.toObject().value("version").toInt() == number)
                return v.toObject();
        }
        return {};
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void modelsJson();
    void modelsFilter();
    void versionsJson();
    void transitionArchivesExistingVersions();
    void transitionWithoutArchiving();
    void aliasesMoveAndDelete();
    void tagsAndDescriptions();
    void refusalsWriteNothing_data();
    void refusalsWriteNothing();
    void newerSchemaStaysReadOnly();
    void storeWithoutRegistry();
    void badArguments_data();
    void badArguments();
    void activityIsLogged();
};

QString TestRegistryCli::buildStore(const QString &name) const
{
    return TestSupport::buildRegistryStore(m_dir, name, T0);
}

void TestRegistryCli::modelsJson()
{
    const QString store = buildStore(QStringLiteral("models.db"));
    QVERIFY(!store.isEmpty());
    const CliRunner::Outcome o = kaizen({"models", store});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray models = CliRunner::jsonArray(o.out);
    QCOMPARE(models.size(), 2);
    const QJsonObject churn = models.at(0).toObject(); // by name
    QCOMPARE(churn.value("name").toString(), QStringLiteral("churn-classifier"));
    QCOMPARE(churn.value("description").toString(), QStringLiteral("Predicts churn.\n\nRetrained monthly."));
    QCOMPARE(churn.value("creation_time").toInteger(), T0);
    QVERIFY(churn.value("last_updated_time").toInteger() >= T0 + 13000);
    const QJsonObject latest = churn.value("latest_versions").toObject();
    QCOMPARE(latest.value("None").toInt(), 4);
    QCOMPARE(latest.value("Staging").toInt(), 3);
    QCOMPARE(latest.value("Production").toInt(), 2);
    QCOMPARE(latest.value("Archived").toInt(), 1);
    const QJsonObject aliases = churn.value("aliases").toObject();
    QCOMPARE(aliases.size(), 2);
    QCOMPARE(aliases.value("champion").toInt(), 2);
    QCOMPARE(aliases.value("challenger").toInt(), 3);
    QCOMPARE(churn.value("tags").toObject().value("team").toString(), QStringLiteral("risk"));
    QCOMPARE(models.at(1).toObject().value("latest_versions").toObject().keys(), QStringList {"None"});

    const CliRunner::Outcome table = kaizen({"models", store, "--format", "table"});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains("churn-classifier"));
    QVERIFY(table.out.contains("Production: v2"));
}

void TestRegistryCli::modelsFilter()
{
    const QString store = buildStore(QStringLiteral("filter.db"));
    QVERIFY(!store.isEmpty());
    const auto names = [&](const QString &filter) {
        QStringList found;
        for (const QJsonValue &m : CliRunner::jsonArray(kaizen({"models", store, "--filter", filter}).out))
            found << m.toObject().value("name").toString();
        return found;
    };
    QCOMPARE(names(QStringLiteral("name LIKE 'churn%'")), QStringList {"churn-classifier"});
    QCOMPARE(names(QStringLiteral("tags.team = 'fraud'")), QStringList {"fraud-detector"});
    QCOMPARE(names(QStringLiteral("name ILIKE '%DETECT%' AND tags.team != 'risk'")),
             QStringList {"fraud-detector"});
    QCOMPARE(names(QStringLiteral("tags.team = 'nobody'")), QStringList {});
    const CliRunner::Outcome bad = kaizen({"models", store, "--filter", "name LIKE"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(!bad.err.isEmpty());
}

void TestRegistryCli::versionsJson()
{
    const QString store = buildStore(QStringLiteral("versions.db"));
    QVERIFY(!store.isEmpty());
    const CliRunner::Outcome o = kaizen({"versions", store, "churn-classifier"});
    QCOMPARE(o.exitCode, 0);
    const QJsonArray versions = CliRunner::jsonArray(o.out);
    QCOMPARE(versions.size(), 4); // v5 is soft-deleted
    QStringList stages;
    for (int i = 0; i < versions.size(); ++i) {
        const QJsonObject v = versions.at(i).toObject();
        QCOMPARE(v.value("version").toInt(), i + 1);
        for (const char *field : {"version", "current_stage", "status", "run_id", "source", "aliases", "tags",
                                  "description", "creation_time", "last_updated_time"})
            QVERIFY2(v.contains(QLatin1String(field)), field);
        QCOMPARE(v.value("status").toString(), QStringLiteral("READY"));
        QVERIFY(v.value("source").toString().endsWith(QLatin1String("/model")));
        stages << v.value("current_stage").toString();
    }
    QCOMPARE(stages, (QStringList {"Archived", "Production", "Staging", "None"}));
    QCOMPARE(versions.at(1).toObject().value("aliases").toArray(), QJsonArray {"champion"});
    QCOMPARE(versions.at(2).toObject().value("tags").toObject().value("validation").toString(),
             QStringLiteral("pending"));
    QCOMPARE(kaizen({"versions", store, "no-such-model"}).exitCode, 2);
}

void TestRegistryCli::transitionArchivesExistingVersions()
{
    const QString store = buildStore(QStringLiteral("archive.db"));
    QVERIFY(!store.isEmpty());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const CliRunner::Outcome o
        = kaizen({"transition", store, "churn-classifier", "3", "production", "--archive-existing-versions"});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.contains("Staging → Production"));
    const QJsonObject v3 = version(store, 3), v2 = version(store, 2), v1 = version(store, 1),
                      v4 = version(store, 4);
    QCOMPARE(v3.value("current_stage").toString(), QStringLiteral("Production"));
    QCOMPARE(v2.value("current_stage").toString(), QStringLiteral("Archived"));
    QCOMPARE(v1.value("current_stage").toString(), QStringLiteral("Archived"));
    QCOMPARE(v4.value("current_stage").toString(), QStringLiteral("None"));
    // MLflow: the version, every version it archived and the model get one `now`; the others keep theirs.
    const qint64 now = v3.value("last_updated_time").toInteger();
    QVERIFY(now >= before);
    QCOMPARE(v2.value("last_updated_time").toInteger(), now);
    QVERIFY(v1.value("last_updated_time").toInteger() < before);
    const QJsonArray models = CliRunner::jsonArray(kaizen({"models", store}).out);
    QCOMPARE(models.at(0).toObject().value("last_updated_time").toInteger(), now);
    // The aliases stay on their versions.
    QCOMPARE(v2.value("aliases").toArray(), QJsonArray {"champion"});
}

void TestRegistryCli::transitionWithoutArchiving()
{
    const QString store = buildStore(QStringLiteral("plain.db"));
    QVERIFY(!store.isEmpty());
    QCOMPARE(kaizen({"transition", store, "churn-classifier", "4", "Production"}).exitCode, 0);
    QCOMPARE(version(store, 4).value("current_stage").toString(), QStringLiteral("Production"));
    QCOMPARE(version(store, 2).value("current_stage").toString(), QStringLiteral("Production"));
    // To the stage it is in: allowed, only the times change.
    const qint64 was = version(store, 3).value("last_updated_time").toInteger();
    QCOMPARE(kaizen({"transition", store, "churn-classifier", "3", "STAGING"}).exitCode, 0);
    QCOMPARE(version(store, 3).value("current_stage").toString(), QStringLiteral("Staging"));
    QVERIFY(version(store, 3).value("last_updated_time").toInteger() > was);
}

void TestRegistryCli::aliasesMoveAndDelete()
{
    const QString store = buildStore(QStringLiteral("aliases.db"));
    QVERIFY(!store.isEmpty());
    QCOMPARE(kaizen({"alias", store, "churn-classifier", "champion", "3"}).exitCode, 0);
    QCOMPARE(version(store, 3).value("aliases").toArray(), (QJsonArray {"challenger", "champion"}));
    QCOMPARE(version(store, 2).value("aliases").toArray(), QJsonArray {});
    QCOMPARE(kaizen({"alias", store, "churn-classifier", "stable-2024", "1"}).exitCode, 0);
    QCOMPARE(version(store, 1).value("aliases").toArray(), QJsonArray {"stable-2024"});
    QCOMPARE(kaizen({"alias", "--delete", store, "churn-classifier", "champion"}).exitCode, 0);
    QCOMPARE(version(store, 3).value("aliases").toArray(), QJsonArray {"challenger"});
    const QJsonObject aliases
        = CliRunner::jsonArray(kaizen({"models", store}).out).at(0).toObject().value("aliases").toObject();
    QCOMPARE(aliases.keys(), (QStringList {"challenger", "stable-2024"}));
}

void TestRegistryCli::tagsAndDescriptions()
{
    const QString store = buildStore(QStringLiteral("tags.db"));
    QVERIFY(!store.isEmpty());
    QCOMPARE(kaizen({"tag", store, "churn-classifier", "owner", "ada"}).exitCode, 0);
    QCOMPARE(kaizen({"tag", store, "churn-classifier", "3", "validation", "approved"}).exitCode, 0);
    QCOMPARE(kaizen({"tag", "--delete", store, "churn-classifier", "team"}).exitCode, 0);
    const QJsonObject churn = CliRunner::jsonArray(kaizen({"models", store}).out).at(0).toObject();
    QCOMPARE(churn.value("tags").toObject(), (QJsonObject {{"owner", "ada"}}));
    QCOMPARE(version(store, 3).value("tags").toObject(), (QJsonObject {{"validation", "approved"}}));
    QCOMPARE(kaizen({"tag", "--delete", store, "churn-classifier", "3", "validation"}).exitCode, 0);
    QCOMPARE(version(store, 3).value("tags").toObject(), QJsonObject {});

    const qint64 modelTime = churn.value("last_updated_time").toInteger();
    QCOMPARE(kaizen({"describe", store, "churn-classifier", "2", "Champion since **May**."}).exitCode, 0);
    QCOMPARE(version(store, 2).value("description").toString(), QStringLiteral("Champion since **May**."));
    // A version's description leaves the model's time alone (MLflow's update_model_version).
    QCOMPARE(CliRunner::jsonArray(kaizen({"models", store}).out)
                 .at(0)
                 .toObject()
                 .value("last_updated_time")
                 .toInteger(),
             modelTime);
    QCOMPARE(kaizen({"describe", store, "churn-classifier", "Churn, retrained weekly."}).exitCode, 0);
    QCOMPARE(
        CliRunner::jsonArray(kaizen({"models", store}).out).at(0).toObject().value("description").toString(),
        QStringLiteral("Churn, retrained weekly."));
}

void TestRegistryCli::refusalsWriteNothing_data()
{
    QTest::addColumn<QStringList>("arguments"); // after STORE
    QTest::addColumn<QString>("command");
    QTest::newRow("unknown stage") << QStringList {"churn-classifier", "3", "Prod"} << "transition";
    QTest::newRow("archive into Archived")
        << QStringList {"churn-classifier", "3", "Archived", "--archive-existing-versions"} << "transition";
    QTest::newRow("archive into None")
        << QStringList {"churn-classifier", "3", "None", "--archive-existing-versions"} << "transition";
    QTest::newRow("deleted version") << QStringList {"churn-classifier", "5", "Staging"} << "transition";
    QTest::newRow("missing version") << QStringList {"churn-classifier", "9", "Staging"} << "transition";
    QTest::newRow("unknown model") << QStringList {"no-such-model", "1", "Staging"} << "transition";
    QTest::newRow("reserved alias latest") << QStringList {"churn-classifier", "latest", "3"} << "alias";
    QTest::newRow("reserved alias LATEST") << QStringList {"churn-classifier", "LATEST", "3"} << "alias";
    QTest::newRow("version-like alias v1") << QStringList {"churn-classifier", "v1", "3"} << "alias";
    QTest::newRow("version-like alias V12") << QStringList {"churn-classifier", "V12", "3"} << "alias";
    QTest::newRow("alias with a space") << QStringList {"churn-classifier", "my alias", "3"} << "alias";
    QTest::newRow("alias to a deleted version") << QStringList {"churn-classifier", "old", "5"} << "alias";
    QTest::newRow("tag of a missing version") << QStringList {"churn-classifier", "9", "k", "v"} << "tag";
    QTest::newRow("describe a deleted version")
        << QStringList {"churn-classifier", "5", "text"} << "describe";
}

void TestRegistryCli::refusalsWriteNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, command);
    const QString store = buildStore(QStringLiteral("refused-%1.db")
                                         .arg(QTest::currentDataTag())
                                         .replace(QLatin1Char(' '), QLatin1Char('-')));
    QVERIFY(!store.isEmpty());
    const QByteArray before = TestSupport::fileHash(store);
    const CliRunner::Outcome o = kaizen(QStringList {command, store} + arguments);
    QCOMPARE(o.exitCode, 4);
    QVERIFY2(!o.err.trimmed().isEmpty(), "a refusal says why");
    QVERIFY(o.out.isEmpty());
    QCOMPARE(TestSupport::fileHash(store), before);
}

void TestRegistryCli::newerSchemaStaysReadOnly()
{
    const QString store = buildStore(QStringLiteral("newer.db"));
    QVERIFY(!store.isEmpty());
    {
        Store::SqliteConnection db;
        QVERIFY(db.open(store, Store::SqliteConnection::Mode::ReadWrite, 1000).ok());
        QVERIFY(db.exec("UPDATE alembic_version SET version_num = 'ffffffffffff'").ok());
    }
    const QByteArray before = TestSupport::fileHash(store);
    const CliRunner::Outcome o = kaizen({"transition", store, "churn-classifier", "4", "Staging"});
    QCOMPARE(o.exitCode, 4);
    QVERIFY2(o.err.contains("newer"), o.err.constData());
    QCOMPARE(TestSupport::fileHash(store), before);
    QCOMPARE(kaizen({"models", store}).exitCode, 0); // still reads
}

void TestRegistryCli::storeWithoutRegistry()
{
    const QString old = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
    const CliRunner::Outcome models = kaizen({"models", old});
    QCOMPARE(models.exitCode, 3);
    QVERIFY2(models.err.contains("o model registry"), models.err.constData());
    QTemporaryDir dir;
    const QString copy = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    QCOMPARE(kaizen({"transition", copy, "m", "1", "Staging"}).exitCode, 4);
    QCOMPARE(kaizen({"models", m_dir.filePath(QStringLiteral("missing.db"))}).exitCode, 3);
}

void TestRegistryCli::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("version not a number") << QStringList {"transition", "x.db", "m", "three", "Staging"};
    QTest::newRow("transition without stage") << QStringList {"transition", "x.db", "m", "3"};
    QTest::newRow("alias without version") << QStringList {"alias", "x.db", "m", "champion"};
    QTest::newRow("alias delete with version")
        << QStringList {"alias", "--delete", "x.db", "m", "champion", "3"};
    QTest::newRow("tag without value") << QStringList {"tag", "x.db", "m", "key"};
    QTest::newRow("describe without text") << QStringList {"describe", "x.db", "m"};
    QTest::newRow("versions without model") << QStringList {"versions", "x.db"};
    QTest::newRow("unknown option") << QStringList {"transition", "x.db", "m", "1", "None", "--archive"};
    QTest::newRow("tsv models") << QStringList {"models", "x.db", "--format", "tsv"};
}

void TestRegistryCli::badArguments()
{
    QFETCH(QStringList, arguments);
    const CliRunner::Outcome o = kaizen(arguments);
    QCOMPARE(o.exitCode, 2);
    QVERIFY(!o.err.isEmpty());
}

void TestRegistryCli::activityIsLogged()
{
    const QString store = buildStore(QStringLiteral("activity.db"));
    QVERIFY(!store.isEmpty());
    QCOMPARE(kaizen({"transition", store, "churn-classifier", "4", "Staging"}).exitCode, 0);
    QFile log(m_dir.path() + QStringLiteral("/data/Kaizen/Kaizen/registry-activity.jsonl"));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
    const QByteArray text = log.readAll();
    QVERIFY(text.contains("churn-classifier"));
    QVERIFY(text.contains("Staging"));
}

QTEST_GUILESS_MAIN(TestRegistryCli)
#include "tst_registrycli.moc"
