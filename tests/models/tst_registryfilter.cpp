#include "registryfilter.h"

#include <QTest>

// Cases from MLflow's tests/store/model_registry/test_sqlalchemy_store.py
// (test_search_registered_models, test_search_registered_models_by_tag) and
// tests/utils/test_search_utils.py (quoting, bad clauses), plus the prompt rules of
// SqlAlchemyStore._get_search_registered_model_filter_query.
class TestRegistryFilter : public QObject
{
    Q_OBJECT
private slots:
    void byName_data();
    void byName();
    void byTag_data();
    void byTag();
    void prompts_data();
    void prompts();
    void quoting_data();
    void quoting();
    void errors_data();
    void errors();
    void invalidMatchesNothing();
    void emptyFilter();
};

namespace {

Store::RegisteredModel model(const QString &name, const Store::KeyValueList &tags = {})
{
    Store::RegisteredModel m;
    m.name = name;
    m.tags = tags;
    return m;
}

QStringList names(const Store::RegisteredModelList &models)
{
    QStringList result;
    for (const auto &m : models)
        result.append(m.name);
    return result;
}

const QString Prefix = QStringLiteral("test_for_search_");

Store::RegisteredModelList searchModels()
{
    Store::RegisteredModelList models;
    for (const char *n : {"RM1", "RM2", "RM3", "RM4", "RM4A", "RM4ab"})
        models.append(model(Prefix + QLatin1String(n)));
    return models;
}

QStringList prefixed(const QStringList &list)
{
    QStringList result;
    for (const QString &n : list)
        result.append(Prefix + n);
    return result;
}

} // namespace

void TestRegistryFilter::byName_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    const QStringList all = prefixed({"RM1", "RM2", "RM3", "RM4", "RM4A", "RM4ab"});
    QTest::addRow("no filter") << QString() << all;
    QTest::addRow("equality") << QStringLiteral("name='test_for_search_RM1'") << prefixed({"RM1"});
    QTest::addRow("equality, no such name")
        << QStringLiteral("name='test_for_search_RM1cats'") << QStringList();
    QTest::addRow("LIKE prefix") << QStringLiteral("name LIKE 'test_for_search_%'") << all;
    QTest::addRow("LIKE surrounding %%") << QStringLiteral("name LIKE '%RM%'") << all;
    QTest::addRow("LIKE _") << QStringLiteral("name LIKE '_e%'") << all;
    QTest::addRow("LIKE is case-sensitive")
        << QStringLiteral("name LIKE 'test_for_search_RM4A%'") << prefixed({"RM4A"});
    QTest::addRow("LIKE, no match") << QStringLiteral("name LIKE 'test_for_search_cats%'") << QStringList();
    QTest::addRow("lIkE, any case") << QStringLiteral("name lIkE '%blah%'") << QStringList();
    QTest::addRow("like, lower case")
        << QStringLiteral("name like 'test_for_search_RM4A%'") << prefixed({"RM4A"});
    QTest::addRow("ILIKE prefix") << QStringLiteral("name ILIKE 'test_for_search_RM4A%'")
                                  << prefixed({"RM4A", "RM4ab"});
    QTest::addRow("ILIKE postfix") << QStringLiteral("name ILIKE '%RM4a%'") << prefixed({"RM4A", "RM4ab"});
    QTest::addRow("ILIKE, no match") << QStringLiteral("name ILIKE 'test_for_search_cats%'") << QStringList();
    QTest::addRow("iLike, any case") << QStringLiteral("name iLike '%blah%'") << QStringList();
    QTest::addRow("ILIKE %%") << QStringLiteral("name iLike '%%'") << all;
    QTest::addRow("ilike") << QStringLiteral("name ilike '%RM4a%'") << prefixed({"RM4A", "RM4ab"});
    QTest::addRow("!=") << QStringLiteral("name != 'test_for_search_RM1'")
                        << prefixed({"RM2", "RM3", "RM4", "RM4A", "RM4ab"});
    QTest::addRow("= is case-sensitive") << QStringLiteral("name = 'TEST_FOR_SEARCH_RM1'") << QStringList();
    QTest::addRow("attribute.name") << QStringLiteral("attribute.name = 'test_for_search_RM2'")
                                    << prefixed({"RM2"});
    QTest::addRow("double-quoted value")
        << QStringLiteral("name = \"test_for_search_RM3\"") << prefixed({"RM3"});
    QTest::addRow("no spaces") << QStringLiteral("name!='test_for_search_RM1'AND name LIKE '%4%'")
                               << prefixed({"RM4", "RM4A", "RM4ab"});
}

void TestRegistryFilter::byName()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    const RegistryFilter parsed = RegistryFilter::parse(filter);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(names(parsed.filter(searchModels())), expected);
}

void TestRegistryFilter::byTag_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    const QString one = QStringLiteral("test_for_search_RM_by_tag1");
    const QString two = QStringLiteral("test_for_search_RM_by_tag2");
    QTest::addRow("=") << QStringLiteral("tag.t3 = 'XYZ'") << QStringList {two};
    QTest::addRow("name and tag") << QStringLiteral("name = 'test_for_search_RM_by_tag1' and tag.t1 = 'abc'")
                                  << QStringList {one};
    QTest::addRow("LIKE") << QStringLiteral("tag.t1 LIKE 'ab%'") << QStringList {one, two};
    QTest::addRow("ILIKE") << QStringLiteral("tag.t1 ILIKE 'aB%'") << QStringList {one, two};
    QTest::addRow("two keys") << QStringLiteral("tag.t1 LIKE 'ab%' AND tag.t2 LIKE 'xy%'")
                              << QStringList {one, two};
    QTest::addRow("= is case-sensitive") << QStringLiteral("tag.t3 = 'XYz'") << QStringList();
    QTest::addRow("keys are case-sensitive") << QStringLiteral("tag.T3 = 'XYZ'") << QStringList();
    QTest::addRow("!=") << QStringLiteral("tag.t1 != 'abc'") << QStringList {two};
    QTest::addRow("same key twice") << QStringLiteral("tag.t1 != 'abcd' and tag.t1 LIKE 'ab%'")
                                    << QStringList {one};
    QTest::addRow("!= never matches a missing tag")
        << QStringLiteral("tags.t3 != 'nothing'") << QStringList {two};
    QTest::addRow("tags prefix") << QStringLiteral("tags.t2 = 'xyz'") << QStringList {one};
    QTest::addRow("backquoted key") << QStringLiteral("tags.`t2` = 'xyz'") << QStringList {one};
    QTest::addRow("double-quoted key") << QStringLiteral("tags.\"t2\" = \"xyz123\"") << QStringList {two};
    QTest::addRow("no such tag") << QStringLiteral("tag.t9 = 'xyz'") << QStringList();
}

void TestRegistryFilter::byTag()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    const Store::RegisteredModelList models = {
        model(QStringLiteral("test_for_search_RM_by_tag1"), {{"t1", "abc"}, {"t2", "xyz"}}),
        model(QStringLiteral("test_for_search_RM_by_tag2"),
              {{"t1", "abcd"}, {"t2", "xyz123"}, {"t3", "XYZ"}}),
    };
    const RegistryFilter parsed = RegistryFilter::parse(filter);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(names(parsed.filter(models)), expected);
}

void TestRegistryFilter::prompts_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("includesPrompts");
    const QStringList ordinary = {"fraud", "legacy", "shouting"};
    QTest::addRow("no filter hides prompts") << QString() << ordinary << false;
    QTest::addRow("a tag both have") << QStringLiteral("tags.team = 'risk'") << QStringList {"fraud"}
                                     << false;
    QTest::addRow("= 'true' asks for prompts")
        << QStringLiteral("tags.`mlflow.prompt.is_prompt` = 'true'") << QStringList {"qa-prompt"} << true;
    QTest::addRow("!= 'false' asks for prompts")
        << QStringLiteral("tags.`mlflow.prompt.is_prompt` != 'false'")
        << QStringList {"qa-prompt", "shouting"} << true;
    // Asks for prompts (MLflow lowers the value), but the comparison itself is case-sensitive.
    QTest::addRow("= 'TRUE'") << QStringLiteral("tags.`mlflow.prompt.is_prompt` = 'TRUE'")
                              << QStringList {"shouting"} << true;
    QTest::addRow("= 'false' is dropped")
        << QStringLiteral("tags.`mlflow.prompt.is_prompt` = 'false'") << ordinary << false;
    QTest::addRow("!= 'true' is dropped")
        << QStringLiteral("tags.`mlflow.prompt.is_prompt` != 'true'") << ordinary << false;
    QTest::addRow("LIKE is dropped") << QStringLiteral("tags.mlflow.prompt.is_prompt LIKE 't%'") << ordinary
                                     << false;
    QTest::addRow("first comparison decides")
        << QStringLiteral("tags.mlflow.prompt.is_prompt = 'true' AND tags.mlflow.prompt.is_prompt != 'false'")
        << QStringList {"qa-prompt"} << true;
    QTest::addRow("prompts with other comparisons")
        << QStringLiteral("name LIKE '%' AND tags.`mlflow.prompt.is_prompt` = 'true' AND tags.team = 'risk'")
        << QStringList {"qa-prompt"} << true;
    QTest::addRow("tag key is case-sensitive")
        << QStringLiteral("tags.`MLflow.prompt.is_prompt` = 'true'") << QStringList() << false;
}

void TestRegistryFilter::prompts()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);
    QFETCH(bool, includesPrompts);
    const QString promptTag = QLatin1String(RegistryFilter::PromptTag);
    const Store::RegisteredModelList models = {
        model(QStringLiteral("fraud"), {{"team", "risk"}}),
        model(QStringLiteral("legacy"), {{promptTag, "false"}}),
        model(QStringLiteral("qa-prompt"), {{promptTag, "true"}, {"team", "risk"}}),
        // MLflow's exclusion compares with '=': 'TRUE' is not a prompt.
        model(QStringLiteral("shouting"), {{promptTag, "TRUE"}}),
    };
    const RegistryFilter parsed = RegistryFilter::parse(filter);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.includesPrompts(), includesPrompts);
    QCOMPARE(names(parsed.filter(models)), expected);
}

void TestRegistryFilter::quoting_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tagKey");
    QTest::addColumn<QString>("tagValue");
    QTest::addRow("quote inside double quotes")
        << QStringLiteral("name = \"L'Hosp\"") << QStringLiteral("L'Hosp") << QString() << QString();
    QTest::addRow("dotted key in double quotes")
        << QStringLiteral("tags.\"t.a.g\" = \"a\"") << QStringLiteral("m") << QStringLiteral("t.a.g")
        << QStringLiteral("a");
    QTest::addRow("dotted key without quotes") << QStringLiteral("tags.t.a.g = 'a'") << QStringLiteral("m")
                                               << QStringLiteral("t.a.g") << QStringLiteral("a");
    QTest::addRow("spaced key in backquotes")
        << QStringLiteral("tags.`source name` = 'a notebook'") << QStringLiteral("m")
        << QStringLiteral("source name") << QStringLiteral("a notebook");
    QTest::addRow("empty value") << QStringLiteral("tags.note = ''") << QStringLiteral("m")
                                 << QStringLiteral("note") << QString();
    QTest::addRow("unicode ILIKE") << QStringLiteral("name ILIKE 'ÉTÉ%'") << QStringLiteral("été-model")
                                   << QString() << QString();
}

void TestRegistryFilter::quoting()
{
    QFETCH(QString, filter);
    QFETCH(QString, name);
    QFETCH(QString, tagKey);
    QFETCH(QString, tagValue);
    Store::KeyValueList tags;
    if (!tagKey.isEmpty())
        tags.append({tagKey, tagValue});
    const RegistryFilter parsed = RegistryFilter::parse(filter);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.errorString()));
    QVERIFY(parsed.matches(model(name, tags)));
    QVERIFY(!parsed.matches(model(QStringLiteral("x") + name, {{tagKey + QStringLiteral("x"), tagValue}})));
}

void TestRegistryFilter::errors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *filter, int position, const char *message) {
        QTest::addRow("%s", filter) << QString::fromUtf8(filter) << position << QString::fromUtf8(message);
    };
    // MLflow: "Parameter value is either not quoted or unidentified quote types used".
    row("name!=something", 6, "Expected a quoted string after 'name!=' (like 'my-model'), found 'something'");
    // MLflow: "Invalid attribute key 'run_id' specified."
    row("run_id='somerunID'", 0, "Unknown attribute 'run_id'");
    row("source_path = 'A/D'", 0, "Unknown attribute 'source_path'");
    row("evilhax = true", 0, "Unknown attribute 'evilhax'");
    row("attribute.run_id = 'a'", 10, "Unknown attribute 'run_id'");
    // MLflow: "Invalid entity type"; its prefixes are case-sensitive and exclude "attributes".
    row("params.x = 'a'", 0, "Unknown entity 'params'");
    row("Tags.x = 'a'", 0, "Unknown entity 'Tags'");
    row("attributes.name = 'a'", 0, "Unknown entity 'attributes'");
    row("`name` = 'a'", 0, "Quote only a tag's key");
    row("tags. = 'a'", 5, "Expected a key after 'tags.'");
    row("tags.`a b = 'x'", 5, "Unterminated quoted key");
    row("tags.`a`b = 'x'", 8, "Unexpected 'b' after a quoted key");
    // MLflow: "Invalid clause(s) in filter string".
    row("name = 'a' OR name = 'b'", 11, "OR is not supported");
    row("name = 'a' NAND name = 'b'", 11, "Unexpected 'NAND'");
    row("name = 'a' AND (name = 'b')", 15, "Expected name or tags.<key>, found '('");
    row("name = 'a'; name = 'b'", 10, "Unexpected ';'");
    row("name = 'a' AND", 14, "Expected a comparison after AND");
    row("name = 'a' AND ", 15, "Expected a comparison after AND");
    row("tags.acc = LR", 11, "Expected a quoted string after 'tags.acc =' (like 'my-model'), found 'LR'");
    row("tags.acc = `LR`", 11, "Expected a quoted string");
    row("tags.acc = \"LR'", 11, "Unterminated string");
    row("tags.acc = LR'", 11, "Expected a quoted string");
    row("tags.acc = = 'LR'", 11, "Expected a quoted string");
    // MLflow: "Expected a quoted string value for tag".
    row("tags.acc = 5", 11, "Expected a quoted string");
    row("name =", 6, "Expected a quoted string after 'name ='");
    // MLflow: "Invalid comparator".
    row("name > 'a'", 5, "The operator > cannot be used with 'name': use =, !=, LIKE or ILIKE");
    row("tags.t <= 'a'", 7, "The operator <= cannot be used with 'tags.t'");
    row("tags.t IS NULL", 7, "The operator IS cannot be used");
    row("name IN ('a')", 5, "The operator IN cannot be used");
    row("name == 'a'", 5, "'==' is not an operator: use '='");
    row("name <> 'a'", 5, "'<>' is not an operator: use '!='");
    row("name", 4, "Expected a comparison operator after 'name'");
    row("name LIKES 'a'", 5, "Expected a comparison operator after 'name', found 'LIKES'");
    row("name ~ 'a'", 5, "Expected a comparison operator after 'name', found '~'");
}

void TestRegistryFilter::errors()
{
    QFETCH(QString, filter);
    QFETCH(int, position);
    QFETCH(QString, message);
    const RegistryFilter parsed = RegistryFilter::parse(filter);
    QVERIFY(!parsed.isValid());
    QVERIFY2(parsed.errorString().contains(message), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.errorPosition(), position);
    QVERIFY2(parsed.errorString().endsWith(QStringLiteral("(column %1)").arg(position + 1)),
             qPrintable(parsed.errorString()));
    QVERIFY(parsed.isEmpty());
}

void TestRegistryFilter::invalidMatchesNothing()
{
    const RegistryFilter parsed = RegistryFilter::parse(QStringLiteral("name = "));
    QVERIFY(!parsed.isValid());
    QVERIFY(!parsed.matches(model(QStringLiteral("anything"))));
    QVERIFY(parsed.filter(searchModels()).isEmpty());
}

void TestRegistryFilter::emptyFilter()
{
    for (const QString &text : {QString(), QStringLiteral("   \t ")}) {
        const RegistryFilter parsed = RegistryFilter::parse(text);
        QVERIFY(parsed.isValid());
        QVERIFY(parsed.isEmpty());
        QCOMPARE(parsed.errorPosition(), -1);
        QCOMPARE(parsed.filter(searchModels()).size(), 6);
    }
    QVERIFY(RegistryFilter().matches(model(QStringLiteral("m"))));
}

QTEST_GUILESS_MAIN(TestRegistryFilter)
#include "tst_registryfilter.moc"
