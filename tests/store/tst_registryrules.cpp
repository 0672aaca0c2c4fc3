#include "registryrules.h"

#include <QTest>

using namespace Store;

// MLflow's registry rules (mlflow/utils/validation.py, model_version_stages.py) and their
// messages, and RegistryChange::inverted().
class TestRegistryRules : public QObject
{
    Q_OBJECT

private slots:
    void stagesFollowMlflow();
    void aliasRules_data();
    void aliasRules();
    void tagRules_data();
    void tagRules();
    void invertedSwapsEveryPart();
};

void TestRegistryRules::stagesFollowMlflow()
{
    QCOMPARE(RegistryRules::canonicalStage(QStringLiteral("StAgInG")), QStringLiteral("Staging"));
    QCOMPARE(RegistryRules::canonicalStage(QStringLiteral("STAGING")), QStringLiteral("Staging"));
    QCOMPARE(RegistryRules::canonicalStage(QStringLiteral("none")), QStringLiteral("None"));
    QCOMPARE(RegistryRules::canonicalStage(QStringLiteral("production")), QStringLiteral("Production"));
    QCOMPARE(RegistryRules::canonicalStage(QStringLiteral("archived")), QStringLiteral("Archived"));
    QVERIFY(RegistryRules::canonicalStage(QStringLiteral("unknown")).isEmpty());
    QVERIFY(RegistryRules::canonicalStage(QStringLiteral("Deleted_Internal")).isEmpty());
    QVERIFY(RegistryRules::canonicalStage(QString()).isEmpty());
    QVERIFY(RegistryRules::isActiveStage(QStringLiteral("Staging")));
    QVERIFY(RegistryRules::isActiveStage(QStringLiteral("Production")));
    QVERIFY(!RegistryRules::isActiveStage(QStringLiteral("None")));
    QVERIFY(!RegistryRules::isActiveStage(QStringLiteral("Archived")));
    QVERIFY(RegistryRules::checkDescription(QString(5000, QLatin1Char('d'))).ok());
    QCOMPARE(RegistryRules::checkDescription(QString(5001, QLatin1Char('d'))).code, Error::Refused);
}

void TestRegistryRules::aliasRules_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("refusal"); // empty: allowed
    QTest::addRow("plain") << "champion"
                           << "";
    QTest::addRow("dash and underscore") << "a-b_c"
                                         << "";
    QTest::addRow("unicode word") << QStringLiteral("größte") << "";
    QTest::addRow("v prefix word") << "version1"
                                   << "";
    QTest::addRow("v digits letters") << "v1a"
                                      << "";
    QTest::addRow("255") << QString(255, QLatin1Char('a')) << "";
    QTest::addRow("empty") << ""
                           << "cannot be empty";
    QTest::addRow("space") << "bad alias"
                           << "Invalid alias name: 'bad alias'";
    QTest::addRow("dot") << "a.b"
                         << "Invalid alias name";
    QTest::addRow("newline") << "abc\n"
                             << "Invalid alias name";
    QTest::addRow("256") << QString(256, QLatin1Char('a')) << "maximum length of 255";
    QTest::addRow("latest") << "latest"
                            << "'latest' alias name (case insensitive) is reserved";
    QTest::addRow("LaTeSt") << "LaTeSt"
                            << "'latest' alias name (case insensitive) is reserved";
    QTest::addRow("v1") << "v1"
                        << "Version alias name 'v1' is reserved";
    QTest::addRow("V12") << "V12"
                         << "Version alias name 'V12' is reserved";
}

void TestRegistryRules::aliasRules()
{
    QFETCH(QString, alias);
    QFETCH(QString, refusal);
    const Error error = RegistryRules::checkAlias(alias);
    if (refusal.isEmpty()) {
        QVERIFY2(error.ok(), qPrintable(error.message));
    } else {
        QCOMPARE(error.code, Error::Refused);
        QVERIFY2(error.message.contains(refusal), qPrintable(error.message));
    }
}

void TestRegistryRules::tagRules_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("refusal"); // empty: allowed
    QTest::addRow("plain") << 0 << "key"
                           << "value"
                           << "";
    QTest::addRow("mlflow key") << 1 << "mlflow.note.content"
                                << "x"
                                << "";
    QTest::addRow("allowed characters") << 0 << "a b:c/d-e_f.g"
                                        << ""
                                        << "";
    QTest::addRow("empty key") << 0 << ""
                               << "v"
                               << "would resolve to '.'";
    QTest::addRow("question mark") << 0 << "bad?key"
                                   << "v"
                                   << "Invalid tag name: 'bad?key'";
    QTest::addRow("dot dot") << 0 << "a/../b"
                             << "v"
                             << "would resolve to 'b'";
    QTest::addRow("double slash") << 0 << "a//b"
                                  << "v"
                                  << "would resolve to 'a/b'";
    QTest::addRow("trailing slash") << 0 << "a/"
                                    << "v"
                                    << "would resolve to 'a'";
    QTest::addRow("absolute") << 0 << "/a"
                              << "v"
                              << "would resolve to '/a'";
    QTest::addRow("leading dots") << 0 << "..a"
                                  << "v"
                                  << "would resolve to '..a'";
    QTest::addRow("key 250") << 0 << QString(250, QLatin1Char('k')) << "v"
                             << "";
    QTest::addRow("key 251") << 0 << QString(251, QLatin1Char('k')) << "v"
                             << "'key' exceeds the maximum length of 250";
    // test_set_registered_model_tag: 4999 is fine, 5001 is refused.
    QTest::addRow("model value 5000") << 0 << "k" << QString(5000, QLatin1Char('a')) << "";
    QTest::addRow("model value 5001")
        << 0 << "k" << QString(5001, QLatin1Char('a')) << "'value' exceeds the maximum length of 5000";
    QTest::addRow("version value 100000") << 2 << "k" << QString(100000, QLatin1Char('a')) << "";
    QTest::addRow("version value 100001")
        << 2 << "k" << QString(100001, QLatin1Char('a')) << "'value' exceeds the maximum length of 100000";
}

void TestRegistryRules::tagRules()
{
    QFETCH(int, version);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, refusal);
    const Error error = RegistryRules::checkTag(version, key, value);
    if (refusal.isEmpty()) {
        QVERIFY2(error.ok(), qPrintable(error.message));
    } else {
        QCOMPARE(error.code, Error::Refused);
        QVERIFY2(error.message.contains(refusal), qPrintable(error.message));
    }
}

void TestRegistryRules::invertedSwapsEveryPart()
{
    RegistryChange c;
    c.model = QStringLiteral("classifier");
    c.stages = {{3, QStringLiteral("Staging"), QStringLiteral("Production")}};
    c.summary = QStringLiteral("Version 3 to Production");
    c.seen = {{3, QStringLiteral("Staging"), 1700000000000}};
    c.aliases = {{QStringLiteral("champion"), 2, 3}};
    c.tags = {{3, QStringLiteral("k"), std::nullopt, QStringLiteral("v")}};
    c.descriptions = {{0, QStringLiteral("old"), QStringLiteral("new")}};
    const RegistryChange undo = c.inverted();
    QCOMPARE(undo.model, c.model);
    QCOMPARE(undo.summary, c.summary);
    QVERIFY(undo.seen.isEmpty());
    QCOMPARE(undo.stages.size(), 1);
    QCOMPARE(undo.stages[0].version, 3);
    QCOMPARE(undo.stages[0].from, QStringLiteral("Production"));
    QCOMPARE(undo.stages[0].to, QStringLiteral("Staging"));
    QCOMPARE(undo.aliases[0].from, 3);
    QCOMPARE(undo.aliases[0].to, 2);
    QCOMPARE(undo.tags[0].from, std::optional<QString>(QStringLiteral("v")));
    QCOMPARE(undo.tags[0].to, std::nullopt);
    QCOMPARE(undo.descriptions[0].from, QStringLiteral("new"));
    QCOMPARE(undo.descriptions[0].to, QStringLiteral("old"));
    QVERIFY(RegistryChange().isEmpty());
    QVERIFY(!undo.isEmpty());
}

QTEST_GUILESS_MAIN(TestRegistryRules)
#include "tst_registryrules.moc"
