#include "structuredtext.h"

#include <QTest>

using namespace Artifacts;

class TestStructuredText : public QObject
{
    Q_OBJECT
private slots:
    void prettyJsonKeepsOrderAndNumbers();
    void emptyContainers();
    void stringsWithStructureCharacters();
    void jsonError_data();
    void jsonError();
    void prettyYaml();
    void severalYamlDocuments();
    void yamlError();
};

void TestStructuredText::prettyJsonKeepsOrderAndNumbers()
{
    const StructuredText pretty = prettyJson(R"({"zeta":1,"alpha":[1.50,2e-3,true,null],"n":{"k":"v"}})");
    QVERIFY(pretty.ok());
    QCOMPARE(pretty.text,
             QStringLiteral("{\n    \"zeta\": 1,\n    \"alpha\": [\n        1.50,\n        2e-3,\n"
                            "        true,\n        null\n    ],\n    \"n\": {\n        \"k\": \"v\"\n"
                            "    }\n}\n"));
}

void TestStructuredText::emptyContainers()
{
    QCOMPARE(prettyJson("{ \"a\" : [ ], \"b\": {} }").text,
             QStringLiteral("{\n    \"a\": [],\n    \"b\": {}\n}\n"));
}

void TestStructuredText::stringsWithStructureCharacters()
{
    const StructuredText pretty = prettyJson(R"(["a, {b}: [c]", "q\"uote\\"])");
    QVERIFY(pretty.ok());
    QCOMPARE(pretty.text, QStringLiteral("[\n    \"a, {b}: [c]\",\n    \"q\\\"uote\\\\\"\n]\n"));
}

void TestStructuredText::jsonError_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addRow("missing comma") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << 3
                                   << 4; // Qt: just past the '"'

    QTest::addRow("unterminated") << QByteArray("[1, 2") << 1 << 6;
    QTest::addRow("after a multibyte character") << QByteArray("{\"é\": x}") << 1 << 7;
}

void TestStructuredText::jsonError()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    const StructuredText result = prettyJson(json);
    QVERIFY(!result.ok());
    QVERIFY(result.text.isEmpty());
    QCOMPARE(result.errorLine, line);
    QCOMPARE(result.errorColumn, column);
    QVERIFY2(result.errorText().startsWith(QStringLiteral("Line %1, column %2: ").arg(line).arg(column)),
             qPrintable(result.errorText()));
}

void TestStructuredText::prettyYaml()
{
    const StructuredText pretty
        = Artifacts::prettyYaml("model:   {name: cnn, layers: [32, 64]}\nlr: 0.001 # comment\n");
    QVERIFY2(pretty.ok(), qPrintable(pretty.error));
    QCOMPARE(pretty.text, QStringLiteral("model:\n  name: cnn\n  layers:\n    - 32\n    - 64\nlr: 0.001\n"));
}

void TestStructuredText::severalYamlDocuments()
{
    const StructuredText pretty = Artifacts::prettyYaml("a: 1\n---\nb: 2\n");
    QVERIFY(pretty.ok());
    QVERIFY2(pretty.text.contains(QLatin1String("a: 1")) && pretty.text.contains(QLatin1String("---\nb: 2")),
             qPrintable(pretty.text));
}

void TestStructuredText::yamlError()
{
    const StructuredText result = Artifacts::prettyYaml("a: 1\nb: [1, 2\nc: 3\n");
    QVERIFY(!result.ok());
    QVERIFY(result.errorLine >= 2);
    QVERIFY(result.errorColumn >= 1);
    QVERIFY(result.errorText().startsWith(QLatin1String("Line ")));
    QVERIFY(!Artifacts::prettyYaml("a: 1\n- b\n").ok());
}

QTEST_GUILESS_MAIN(TestStructuredText)
#include "tst_structuredtext.moc"
