#include "registryplanner.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QTemporaryDir>
#include <QTest>

// Cases from MLflow's tests/store/model_registry/test_sqlalchemy_store.py:
// test_update_model_version, test_transition_model_version_stage_when_archive_existing_versions_
// is_false / _is_true, test_set_model_version_tag, test_delete_model_version_tag,
// test_set_registered_model_alias, test_delete_registered_model_alias; and the rules of
// SqlAlchemyStore.transition_model_version_stage.
class TestRegistryPlanner : public QObject
{
    Q_OBJECT
private slots:
    void transition_data();
    void transition();
    void transitionErrors_data();
    void transitionErrors();
    void seenIsWhatTheUserSaw();
    void aliases();
    void aliasErrors_data();
    void aliasErrors();
    void tags();
    void tagErrors_data();
    void tagErrors();
    void descriptions();
    void describeChange();
    void plansApplyToAStore();
};

namespace {

using Stages = QList<std::pair<int, QString>>; // version -> stage
using Moves = QStringList; // "3:None>Production", in the order of the change

Store::ModelVersion version(int number, const QString &stage, qint64 lastUpdated = 1000)
{
    Store::ModelVersion v;
    v.modelName = QStringLiteral("model");
    v.version = number;
    v.stage = stage;
    v.lastUpdatedTime = lastUpdated + number;
    v.runId = QStringLiteral("%1").arg(number, 32, 16, QLatin1Char('0'));
    return v;
}

Store::RegisteredModel registeredModel()
{
    Store::RegisteredModel m;
    m.name = QStringLiteral("model");
    m.description = QStringLiteral("Scores payments.");
    m.tags = {{QStringLiteral("team"), QStringLiteral("risk")}};
    return m;
}

RegistryPlanner plannerFor(const Stages &stages)
{
    Store::ModelVersionList versions;
    for (const auto &[number, stage] : stages)
        versions.append(version(number, stage));
    return RegistryPlanner(registeredModel(), versions);
}

Moves moves(const Store::RegistryChange &change)
{
    Moves result;
    for (const auto &part : change.stages)
        result.append(QStringLiteral("%1:%2>%3").arg(part.version).arg(part.from, part.to));
    return result;
}

const QString None = QStringLiteral("None");
const QString Staging = QStringLiteral("Staging");
const QString Production = QStringLiteral("Production");
const QString Archived = QStringLiteral("Archived");

} // namespace

void TestRegistryPlanner::transition_data()
{
    QTest::addColumn<Stages>("stages");
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("archive");
    QTest::addColumn<Moves>("expected");
    QTest::addColumn<QString>("summary");
    const Stages fresh = {{1, None}, {2, None}, {3, None}};
    // test_update_model_version: stages are case-insensitive, stored canonical.
    QTest::addRow("None to Production")
        << Stages {{1, None}} << 1 << Production << false << Moves {"1:None>Production"}
        << QStringLiteral("Version 1 to Production");
    for (const char *written : {"STAGING", "staging", "StAgInG"}) {
        QTest::addRow("written %s", written)
            << Stages {{1, Production}} << 1 << QString::fromLatin1(written) << false
            << Moves {"1:Production>Staging"} << QStringLiteral("Version 1 to Staging");
    }
    // _is_false: inactive stages are fine, and nothing else moves.
    QTest::addRow("to Archived without archiving")
        << fresh << 1 << Archived << false << Moves {"1:None>Archived"}
        << QStringLiteral("Version 1 to Archived");
    QTest::addRow("to None without archiving")
        << Stages {{1, Archived}, {2, None}} << 1 << None << false << Moves {"1:Archived>None"}
        << QStringLiteral("Version 1 to None");
    QTest::addRow("others stay without archiving")
        << Stages {{1, Staging}, {2, Production}, {3, Staging}} << 3 << Production << false
        << Moves {"3:Staging>Production"} << QStringLiteral("Version 3 to Production");
    // _is_true: the other versions in the target stage are archived; others stay.
    QTest::addRow("archive the other in Staging")
        << Stages {{1, Staging}, {2, Production}, {3, None}} << 3 << Staging << true
        << Moves {"3:None>Staging", "1:Staging>Archived"}
        << QStringLiteral("Version 3 to Staging, archiving version 1");
    QTest::addRow("archive the other in Production")
        << Stages {{1, Archived}, {2, Production}, {3, Staging}} << 3 << Production << true
        << Moves {"3:Staging>Production", "2:Production>Archived"}
        << QStringLiteral("Version 3 to Production, archiving version 2");
    QTest::addRow("archive with a stage in any case")
        << Stages {{1, Staging}, {2, None}} << 2 << QStringLiteral("sTaGiNg") << true
        << Moves {"2:None>Staging", "1:Staging>Archived"}
        << QStringLiteral("Version 2 to Staging, archiving version 1");
    QTest::addRow("archive several") << Stages {{1, Production}, {2, Production}, {3, None}, {4, Staging}}
                                     << 3 << Production << true
                                     << Moves {"3:None>Production", "1:Production>Archived",
                                               "2:Production>Archived"}
                                     << QStringLiteral("Version 3 to Production, archiving versions 1 and 2");
    QTest::addRow("archive with nothing to archive")
        << Stages {{1, None}, {2, Staging}} << 1 << Production << true << Moves {"1:None>Production"}
        << QStringLiteral("Version 1 to Production");
    // Allowed: only times change. The version itself is never archived.
    QTest::addRow("to the stage it is in")
        << Stages {{1, Production}, {2, Production}} << 2 << Production << false
        << Moves {"2:Production>Production"} << QStringLiteral("Version 2 to Production");
    QTest::addRow("to the stage it is in, archiving")
        << Stages {{1, Production}, {2, Production}} << 2 << Production << true
        << Moves {"2:Production>Production", "1:Production>Archived"}
        << QStringLiteral("Version 2 to Production, archiving version 1");
}

void TestRegistryPlanner::transition()
{
    QFETCH(Stages, stages);
    QFETCH(int, version);
    QFETCH(QString, stage);
    QFETCH(bool, archive);
    QFETCH(Moves, expected);
    QFETCH(QString, summary);
    const auto change = plannerFor(stages).transition(version, stage, archive);
    QVERIFY2(change.ok(), change.ok() ? "" : qPrintable(change.error().message));
    QCOMPARE(change->model, QStringLiteral("model"));
    QCOMPARE(moves(*change), expected);
    QCOMPARE(change->summary, summary);
    QVERIFY(change->aliases.isEmpty() && change->tags.isEmpty() && change->descriptions.isEmpty());
}

void TestRegistryPlanner::transitionErrors_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("archive");
    QTest::addColumn<int>("code"); // Store::Error::Code
    QTest::addColumn<QString>("message");
    const QString invalidStage = QStringLiteral(
        "Invalid Model Version stage: unknown. Value must be one of None, Staging, Production, "
        "Archived.");
    QTest::addRow("unknown stage") << 1 << QStringLiteral("unknown") << false << int(Store::Error::Refused)
                                   << invalidStage;
    QTest::addRow("the internal stage is no stage")
        << 1 << QStringLiteral("Deleted_Internal") << false << int(Store::Error::Refused)
        << QStringLiteral(
               "Invalid Model Version stage: Deleted_Internal. Value must be one of None, Staging, "
               "Production, Archived.");
    for (const char *stage : {"Archived", "None", "archived"}) {
        QTest::addRow("archiving into %s", stage)
            << 1 << QString::fromLatin1(stage) << true << int(Store::Error::Refused)
            << QStringLiteral(
                   "Model version transition cannot archive existing model versions because '%1' is not "
                   "an Active stage. Valid stages are ['Staging', 'Production']")
                   .arg(QLatin1String(stage));
    }
    QTest::addRow("no such version") << 9 << Production << false << int(Store::Error::NoSuchVersion)
                                     << QStringLiteral("Model Version (name=model, version=9) not found");
    QTest::addRow("a deleted version") << 4 << Production << false << int(Store::Error::NoSuchVersion)
                                       << QStringLiteral("Model Version (name=model, version=4) not found");
    QTest::addRow("version 0") << 0 << Production << false << int(Store::Error::NoSuchVersion)
                               << QStringLiteral("Model Version (name=model, version=0) not found");
    // MLflow checks the stage, then archiving, then the version.
    QTest::addRow("unknown stage before archiving")
        << 1 << QStringLiteral("unknown") << true << int(Store::Error::Refused) << invalidStage;
    QTest::addRow("unknown stage before the version")
        << 9 << QStringLiteral("unknown") << false << int(Store::Error::Refused) << invalidStage;
    QTest::addRow("archiving before the version")
        << 9 << None << true << int(Store::Error::Refused)
        << QStringLiteral(
               "Model version transition cannot archive existing model versions because 'None' is not an "
               "Active stage. Valid stages are ['Staging', 'Production']");
}

void TestRegistryPlanner::transitionErrors()
{
    QFETCH(int, version);
    QFETCH(QString, stage);
    QFETCH(bool, archive);
    QFETCH(int, code);
    QFETCH(QString, message);
    // Version 4 was soft-deleted: a reader that kept it must not plan with it.
    const RegistryPlanner planner = plannerFor(
        {{1, None}, {2, Production}, {3, Staging}, {4, QLatin1String(Store::Stages::DeletedInternal)}});
    const auto change = planner.transition(version, stage, archive);
    QVERIFY(!change.ok());
    QCOMPARE(int(change.error().code), code);
    QCOMPARE(change.error().message, message);
}

void TestRegistryPlanner::seenIsWhatTheUserSaw()
{
    const RegistryPlanner planner = plannerFor({{1, Production}, {2, None}});
    for (const auto &change :
         {planner.transition(2, Production, true), planner.setAlias(QStringLiteral("a"), 1),
          planner.setTag(0, QStringLiteral("k"), QStringLiteral("v")),
          planner.setDescription(2, QStringLiteral("d"))}) {
        QVERIFY(change.ok());
        QCOMPARE(change->seen.size(), 2);
        QCOMPARE(change->seen[0].version, 1);
        QCOMPARE(change->seen[0].stage, Production);
        QCOMPARE(change->seen[0].lastUpdatedTime, 1001);
        QCOMPARE(change->seen[1].version, 2);
        QCOMPARE(change->seen[1].stage, None);
        QCOMPARE(change->seen[1].lastUpdatedTime, 1002);
    }
    // No registered model: nothing can be planned.
    const auto orphan = RegistryPlanner({}, {}).setTag(0, QStringLiteral("k"), QStringLiteral("v"));
    QCOMPARE(orphan.error().code, Store::Error::InvalidArgument);
    QCOMPARE(orphan.error().message, QStringLiteral("Registered model name cannot be empty."));
}

void TestRegistryPlanner::aliases()
{
    // _setup_and_test_aliases: two versions, test_alias set to 2.
    Store::RegisteredModel model = registeredModel();
    Store::ModelVersionList versions = {version(1, None), version(2, None)};
    const auto set = RegistryPlanner(model, versions).setAlias(QStringLiteral("test_alias"), 2);
    QVERIFY(set.ok());
    QCOMPARE(set->aliases.size(), 1);
    QCOMPARE(set->aliases[0].alias, QStringLiteral("test_alias"));
    QCOMPARE(set->aliases[0].from, 0);
    QCOMPARE(set->aliases[0].to, 2);
    QCOMPARE(set->summary, QStringLiteral("Alias test_alias to version 2"));
    QVERIFY(set->stages.isEmpty());

    // Setting it again moves it (an upsert).
    model.aliases.insert(QStringLiteral("test_alias"), 2);
    versions[1].aliases = {QStringLiteral("test_alias")};
    const RegistryPlanner planner(model, versions);
    const auto moved = planner.setAlias(QStringLiteral("test_alias"), 1);
    QVERIFY(moved.ok());
    QCOMPARE(moved->aliases[0].from, 2);
    QCOMPARE(moved->aliases[0].to, 1);

    // test_delete_registered_model_alias.
    const auto deleted = planner.deleteAlias(QStringLiteral("test_alias"));
    QVERIFY(deleted.ok());
    QCOMPARE(deleted->aliases[0].from, 2);
    QCOMPARE(deleted->aliases[0].to, 0);
    QCOMPARE(deleted->summary, QStringLiteral("Delete alias test_alias"));

    // Aliases are case-sensitive names (the table's key compares bytes).
    QCOMPARE(planner.setAlias(QStringLiteral("Test_Alias"), 1)->aliases[0].from, 0);
    // A model whose alias map was not read still knows them from its versions.
    const auto fromVersions
        = RegistryPlanner(registeredModel(), versions).deleteAlias(QStringLiteral("test_alias"));
    QVERIFY(fromVersions.ok());
    QCOMPARE(fromVersions->aliases[0].from, 2);
}

void TestRegistryPlanner::aliasErrors_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<int>("version"); // 0: delete the alias
    QTest::addColumn<int>("code"); // Store::Error::Code
    QTest::addColumn<QString>("message"); // empty: the rules' own message
    QTest::addRow("reserved latest") << QStringLiteral("latest") << 1 << int(Store::Error::Refused)
                                     << QString();
    QTest::addRow("reserved LATEST") << QStringLiteral("LATEST") << 1 << int(Store::Error::Refused)
                                     << QString();
    QTest::addRow("a version reference")
        << QStringLiteral("v1") << 1 << int(Store::Error::Refused) << QString();
    QTest::addRow("a bad character") << QStringLiteral("best model") << 1 << int(Store::Error::Refused)
                                     << QString();
    QTest::addRow("delete a reserved one")
        << QStringLiteral("latest") << 0 << int(Store::Error::Refused) << QString();
    QTest::addRow("no such version") << QStringLiteral("champion") << 7 << int(Store::Error::NoSuchVersion)
                                     << QStringLiteral("Model Version (name=model, version=7) not found");
    QTest::addRow("delete a missing alias")
        << QStringLiteral("champion") << 0 << int(Store::Error::InvalidArgument)
        << QStringLiteral("Registered model alias champion not found.");
}

void TestRegistryPlanner::aliasErrors()
{
    QFETCH(QString, alias);
    QFETCH(int, version);
    QFETCH(int, code);
    QFETCH(QString, message);
    const RegistryPlanner planner = plannerFor({{1, None}, {2, None}});
    const auto change = version == 0 ? planner.deleteAlias(alias) : planner.setAlias(alias, version);
    QVERIFY(!change.ok());
    QCOMPARE(int(change.error().code), code);
    QVERIFY(!change.error().message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(change.error().message, message);
}

void TestRegistryPlanner::tags()
{
    // test_set_model_version_tag / test_delete_model_version_tag.
    Store::ModelVersionList versions = {version(1, None), version(2, None)};
    versions[0].tags = {{QStringLiteral("anotherKey"), QStringLiteral("some other value")},
                        {QStringLiteral("key"), QStringLiteral("value")}};
    const RegistryPlanner planner(registeredModel(), versions);

    const auto added = planner.setTag(1, QStringLiteral("randomTag"), QStringLiteral("not a random value"));
    QVERIFY(added.ok());
    QCOMPARE(added->tags.size(), 1);
    QCOMPARE(added->tags[0].version, 1);
    QCOMPARE(added->tags[0].key, QStringLiteral("randomTag"));
    QCOMPARE(added->tags[0].from, std::nullopt);
    QCOMPARE(added->tags[0].to, std::optional<QString>(QStringLiteral("not a random value")));
    QCOMPARE(added->summary, QStringLiteral("Set tag randomTag on version 1"));

    const auto overridden = planner.setTag(1, QStringLiteral("key"), QStringLiteral("overriding"));
    QCOMPARE(overridden->tags[0].from, std::optional<QString>(QStringLiteral("value")));
    // The same key on another version is another tag.
    QCOMPARE(planner.setTag(2, QStringLiteral("key"), QStringLiteral("x"))->tags[0].from, std::nullopt);
    // Somewhat long values are fine (MLflow >= 3.2 keeps version tags as TEXT).
    QVERIFY(planner.setTag(1, QStringLiteral("longTagKey"), QString(4999, u'a')).ok());
    QVERIFY(planner.setTag(1, QStringLiteral("longTagKey"), QString(5001, u'a')).ok());

    const auto deleted = planner.deleteTag(1, QStringLiteral("key"));
    QVERIFY(deleted.ok());
    QCOMPARE(deleted->tags[0].from, std::optional<QString>(QStringLiteral("value")));
    QCOMPARE(deleted->tags[0].to, std::nullopt);
    QCOMPARE(deleted->summary, QStringLiteral("Delete tag key from version 1"));

    // Tags of the registered model (version 0).
    const auto modelTag = planner.setTag(0, QStringLiteral("team"), QStringLiteral("fraud"));
    QCOMPARE(modelTag->tags[0].version, 0);
    QCOMPARE(modelTag->tags[0].from, std::optional<QString>(QStringLiteral("risk")));
    QCOMPARE(modelTag->summary, QStringLiteral("Set tag team on the model"));
    QCOMPARE(planner.deleteTag(0, QStringLiteral("team"))->summary,
             QStringLiteral("Delete tag team from the model"));
    QVERIFY(modelTag->stages.isEmpty() && modelTag->aliases.isEmpty() && modelTag->descriptions.isEmpty());
}

void TestRegistryPlanner::tagErrors_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<int>("valueLength");
    QTest::addColumn<int>("code"); // Store::Error::Code
    QTest::addColumn<QString>("message"); // empty: the rules' own message
    QTest::addRow("no such version") << 2 << QStringLiteral("key") << false << 1
                                     << int(Store::Error::NoSuchVersion)
                                     << QStringLiteral("Model Version (name=model, version=2) not found");
    QTest::addRow("delete on no such version")
        << 2 << QStringLiteral("key") << true << 0 << int(Store::Error::NoSuchVersion)
        << QStringLiteral("Model Version (name=model, version=2) not found");
    QTest::addRow("empty key") << 1 << QString() << false << 1 << int(Store::Error::Refused) << QString();
    QTest::addRow("delete an empty key")
        << 1 << QString() << true << 0 << int(Store::Error::Refused) << QString();
    QTest::addRow("version value too long")
        << 1 << QStringLiteral("key") << false << 100001 << int(Store::Error::Refused) << QString();
    QTest::addRow("model value too long")
        << 0 << QStringLiteral("key") << false << 5001 << int(Store::Error::Refused) << QString();
    QTest::addRow("delete a missing version tag")
        << 1 << QStringLiteral("nope") << true << 0 << int(Store::Error::InvalidArgument)
        << QStringLiteral("There is no tag nope on version 1 of model.");
    QTest::addRow("delete a missing model tag")
        << 0 << QStringLiteral("nope") << true << 0 << int(Store::Error::InvalidArgument)
        << QStringLiteral("There is no tag nope on the model of model.");
}

void TestRegistryPlanner::tagErrors()
{
    QFETCH(int, version);
    QFETCH(QString, key);
    QFETCH(bool, remove);
    QFETCH(int, valueLength);
    QFETCH(int, code);
    QFETCH(QString, message);
    // Version 2 was deleted.
    const RegistryPlanner planner
        = plannerFor({{1, None}, {2, QLatin1String(Store::Stages::DeletedInternal)}});
    const auto change
        = remove ? planner.deleteTag(version, key) : planner.setTag(version, key, QString(valueLength, u'a'));
    QVERIFY(!change.ok());
    QCOMPARE(int(change.error().code), code);
    QVERIFY(!change.error().message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(change.error().message, message);
}

void TestRegistryPlanner::descriptions()
{
    // test_update_model_version: a description for version 1.
    Store::ModelVersionList versions = {version(1, Production)};
    const RegistryPlanner planner(registeredModel(), versions);
    const auto set = planner.setDescription(1, QStringLiteral("test model version"));
    QVERIFY(set.ok());
    QCOMPARE(set->descriptions.size(), 1);
    QCOMPARE(set->descriptions[0].version, 1);
    QCOMPARE(set->descriptions[0].from, QString());
    QCOMPARE(set->descriptions[0].to, QStringLiteral("test model version"));
    QCOMPARE(set->summary, QStringLiteral("Edit the description of version 1"));
    QVERIFY(set->stages.isEmpty()); // the stage stays what it was

    const auto model = planner.setDescription(0, QStringLiteral("# Fraud\n\nNew text."));
    QCOMPARE(model->descriptions[0].version, 0);
    QCOMPARE(model->descriptions[0].from, QStringLiteral("Scores payments."));
    QCOMPARE(model->summary, QStringLiteral("Edit the description of the model"));

    QCOMPARE(planner.setDescription(3, QStringLiteral("x")).error().code, Store::Error::NoSuchVersion);
    QCOMPARE(planner.setDescription(0, QString(5001, u'a')).error().code, Store::Error::Refused);
    QVERIFY(planner.setDescription(0, QString(5000, u'a')).ok());

    // A name is text, not a format: "%2" in it stays.
    Store::RegisteredModel percent = registeredModel();
    percent.name = QStringLiteral("m%2");
    QCOMPARE(RegistryPlanner(percent, versions).setDescription(9, QStringLiteral("x")).error().message,
             QStringLiteral("Model Version (name=m%2, version=9) not found"));
}

void TestRegistryPlanner::describeChange()
{
    using Change = Store::RegistryChange;
    struct Case
    {
        const char *name;
        Change change;
        QStringList lines;
    };
    QList<Case> cases;

    Change transition;
    transition.stages = {{3, None, Production}, {1, Production, Archived}, {2, Production, Archived}};
    cases.append({"transition, archiving two",
                  transition,
                  {"Version 3: None → Production", "Versions 1 and 2: Production → Archived"}});
    Change three;
    three.stages
        = {{5, None, Staging}, {4, Staging, Archived}, {1, Staging, Archived}, {2, Staging, Archived}};
    cases.append(
        {"archiving three", three, {"Version 5: None → Staging", "Versions 1, 2 and 4: Staging → Archived"}});
    Change same;
    same.stages = {{2, Production, Production}};
    cases.append({"to the same stage", same, {"Version 2: stays in Production"}});

    Change aliases;
    aliases.aliases
        = {{QStringLiteral("champion"), 2, 3}, {QStringLiteral("new"), 0, 1}, {QStringLiteral("old"), 4, 0}};
    cases.append({"aliases",
                  aliases,
                  {"Alias champion: version 2 → version 3", "Alias new: (none) → version 1",
                   "Alias old: version 4 → (deleted)"}});

    Change tags;
    tags.tags = {{0, QStringLiteral("team"), QStringLiteral("risk"), QStringLiteral("fraud")},
                 {3, QStringLiteral("owner"), std::nullopt, QStringLiteral("ada")},
                 {3, QStringLiteral("gone"), QStringLiteral("x"), std::nullopt},
                 {3, QStringLiteral("blank"), QStringLiteral("x"), QString()},
                 {3, QStringLiteral("long"), QString(), QString(70, u'a')},
                 {3, QStringLiteral("lines"), QStringLiteral("a"), QStringLiteral("first\nsecond")}};
    cases.append(
        {"tags",
         tags,
         {"Tag team on the model: risk → fraud", "Tag owner on version 3: (none) → ada",
          "Tag gone on version 3: x → (deleted)", "Tag blank on version 3: x → \"\"",
          "Tag long on version 3: \"\" → " + QString(59, u'a') + "…", "Tag lines on version 3: a → first…"}});

    Change descriptions;
    descriptions.descriptions = {{3, QStringLiteral("old"), QStringLiteral("new")},
                                 {0, QString(), QStringLiteral("text")},
                                 {2, QStringLiteral("text"), QString()},
                                 {1, QStringLiteral("same"), QStringLiteral("same")}};
    cases.append({"descriptions",
                  descriptions,
                  {"Description of version 3: changed", "Description of the model: added",
                   "Description of version 2: cleared", "Description of version 1: unchanged"}});

    Change mixed;
    mixed.stages = {{1, Staging, Production}};
    mixed.aliases = {{QStringLiteral("champion"), 0, 1}};
    mixed.descriptions = {{0, QStringLiteral("a"), QStringLiteral("b")}};
    cases.append({"stages, aliases, tags, descriptions in that order",
                  mixed,
                  {"Version 1: Staging → Production", "Alias champion: (none) → version 1",
                   "Description of the model: changed"}});
    cases.append({"nothing", Change(), {}});

    for (const Case &c : std::as_const(cases)) {
        const QStringList lines = RegistryPlanner::describeChange(c.change);
        QVERIFY2(lines == c.lines,
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), lines.join(u'|'))));
    }
}

// The plans go through a real store: their `from` values and `seen` are what the store checks.
void TestRegistryPlanner::plansApplyToAStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("registry.db"));
    {
        auto created = Store::StoreBuilder::create(path);
        QVERIFY(created.ok());
        Store::StoreBuilder &b = **created;
        b.addRegisteredModel(
            {.name = QStringLiteral("model"), .tags = {{QStringLiteral("team"), QStringLiteral("risk")}}});
        for (int i = 0; i < 3; ++i)
            b.addModelVersion(
                {.modelName = QStringLiteral("model"), .source = QStringLiteral("runs:/x/model")});
        b.transitionStage(QStringLiteral("model"), 1, Staging, 1700000000000);
        b.transitionStage(QStringLiteral("model"), 2, Production, 1700000000000);
        b.setAlias(QStringLiteral("model"), QStringLiteral("champion"), 2);
        QVERIFY(b.finish().ok());
    }
    auto opened = Store::openStore(path, {.writable = true});
    QVERIFY(opened.ok());
    Store::MlflowStore &store = **opened;
    const auto plannerNow = [&]() -> std::optional<RegistryPlanner> {
        auto models = store.registeredModels();
        auto versions = store.modelVersions(QStringLiteral("model"));
        if (!models.ok() || models->size() != 1 || !versions.ok())
            return std::nullopt;
        return RegistryPlanner(models->first(), *versions);
    };
    const auto stages = [&] {
        QStringList result;
        const auto versions = store.modelVersions(QStringLiteral("model"));
        for (const Store::ModelVersion &v : *versions)
            result.append(v.stage);
        return result;
    };

    auto planner = plannerNow();
    QVERIFY(planner);
    const auto promote = planner->transition(3, QStringLiteral("production"), true);
    QVERIFY(promote.ok());
    const auto written = store.applyRegistryChange(*promote);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(stages(), (QStringList {Staging, Archived, Production}));
    // A plan made from what the user saw before is refused now: the versions moved.
    QCOMPARE(store.applyRegistryChange(*planner->transition(1, Production)).error().code,
             Store::Error::Conflict);

    planner = plannerNow();
    for (const auto &change : {planner->setAlias(QStringLiteral("champion"), 3),
                               planner->setTag(0, QStringLiteral("team"), QStringLiteral("fraud")),
                               planner->setTag(3, QStringLiteral("approved"), QStringLiteral("yes")),
                               planner->setDescription(3, QStringLiteral("The new champion."))}) {
        QVERIFY(change.ok());
        const auto applied = store.applyRegistryChange(*change);
        QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    }
    const auto model = store.registeredModels()->first();
    QCOMPARE(model.aliases.value(QStringLiteral("champion")), 3);
    QCOMPARE(model.tags, (Store::KeyValueList {{QStringLiteral("team"), QStringLiteral("fraud")}}));
    const Store::ModelVersion three = store.modelVersions(QStringLiteral("model"))->at(2);
    QCOMPARE(three.description, QStringLiteral("The new champion."));
    QCOMPARE(three.tags, (Store::KeyValueList {{QStringLiteral("approved"), QStringLiteral("yes")}}));

    planner = plannerNow();
    const auto removeTag = planner->deleteTag(3, QStringLiteral("approved"));
    QVERIFY(store.applyRegistryChange(*removeTag).ok());
    QVERIFY(store.modelVersions(QStringLiteral("model"))->at(2).tags.isEmpty());
    // Undo puts it back.
    QVERIFY(store.applyRegistryChange(removeTag->inverted()).ok());
    QCOMPARE(store.modelVersions(QStringLiteral("model"))->at(2).tags.size(), 1);
}

QTEST_GUILESS_MAIN(TestRegistryPlanner)
#include "tst_registryplanner.moc"
