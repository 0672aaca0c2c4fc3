#include "pyyamlwriter.h"

#include <QTest>

using namespace Store;

// PyYamlMapping writes scalars and nested mappings as PyYAML's yaml.dump (libyaml's emitter) does.
class TestPyYamlWriter : public QObject
{
    Q_OBJECT

private slots:
    void yamlScalars_data();
    void yamlScalars();
    void nestedMapping();
};

void TestPyYamlWriter::yamlScalars_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("yaml");
    // What yaml.dump({'k': value}, Dumper=CSafeDumper, default_flow_style=False,
    // allow_unicode=True, sort_keys=True) writes after "k: " (PyYAML 6.0.3, libyaml).
    QTest::addRow("empty") << ""
                           << "''";
    QTest::addRow("int-like") << "0"
                              << "'0'";
    QTest::addRow("float-like") << "1.0"
                                << "'1.0'";
    QTest::addRow("1e-05 is a string in YAML 1.1") << "1e-05"
                                                   << "1e-05";
    QTest::addRow("hex int") << "0x1F"
                             << "'0x1F'";
    QTest::addRow("sexagesimal") << "12:30"
                                 << "'12:30'";
    QTest::addRow("bool") << "yes"
                          << "'yes'";
    QTest::addRow("None") << "None"
                          << "None";
    QTest::addRow("null") << "null"
                          << "'null'";
    QTest::addRow("tilde") << "~"
                           << "'~'";
    QTest::addRow("date") << "2024-01-02"
                          << "'2024-01-02'";
    QTest::addRow("leading space") << " lead"
                                   << "' lead'";
    QTest::addRow("trailing space") << "trail "
                                    << "'trail '";
    QTest::addRow("colon space") << "a: b"
                                 << "'a: b'";
    QTest::addRow("hash inside") << "a#b"
                                 << "a#b";
    QTest::addRow("space hash") << "a #b"
                                << "'a #b'";
    QTest::addRow("dash space") << "- x"
                                << "'- x'";
    QTest::addRow("JSON") << "{\"uri\": \"s3://b/train.parquet\"}"
                          << "'{\"uri\": \"s3://b/train.parquet\"}'";
    QTest::addRow("apostrophe inside") << "it's"
                                       << "it's";
    QTest::addRow("leading apostrophe") << "'q"
                                        << "'''q'";
    QTest::addRow("line break") << "x\ny"
                                << "'x\n\n  y'";
    QTest::addRow("tab") << "tab\there"
                         << "\"tab\\there\"";
    QTest::addRow("umlaut") << QString::fromUtf8("\xc3\xbc") << QString::fromUtf8("\xc3\xbc");
    QTest::addRow("emoji") << QString::fromUtf8("\xf0\x9f\x98\x80") << "\"\\U0001F600\"";
    QTest::addRow("NEL") << QString::fromUtf8("a\xc2\x85"
                                              "b")
                         << "\"a\\Nb\"";
    QTest::addRow("file URI") << "file:///tmp/my%20runs/0"
                              << "file:///tmp/my%20runs/0";
    QTest::addRow("folded plain")
        << "Predicts which customers cancel within 30 days, for the retention team and their weekly list."
        << "Predicts which customers cancel within 30 days, for the retention team and their\n  weekly list.";
    QTest::addRow("Markdown")
        << "The `champion` alias is served.\n\n## Monitoring\nRetrain when auc falls below 0.80."
        << "'The `champion` alias is served.\n\n\n  ## Monitoring\n\n  Retrain when auc falls below 0.80.'";
}
void TestPyYamlWriter::yamlScalars()
{
    QFETCH(QString, value);
    QFETCH(QString, yaml);
    QCOMPARE(PyYamlMapping::scalarAsValue(QStringLiteral("k"), value), yaml);
}

// A deleted experiment's meta.yaml holds its tags as a nested mapping: keys sorted, quoted and
// folded one level deeper (what yaml.dump writes, PyYAML 6.0.3).
void TestPyYamlWriter::nestedMapping()
{
    PyYamlMapping tags;
    tags.string(QStringLiteral("project"), QStringLiteral("churn"))
        .string(QStringLiteral("mlflow.note.content"),
                QStringLiteral("# Baseline\n\nLogistic regression on the 2023 snapshot, kept for comparison "
                               "with every later model."))
        .string(QStringLiteral("0"), QStringLiteral("1.5"));
    PyYamlMapping meta;
    meta.string(QStringLiteral("name"), QStringLiteral("old"))
        .mapping(QStringLiteral("tags"), tags)
        .mapping(QStringLiteral("empty"), PyYamlMapping());
    QCOMPARE(meta.toYaml(),
             QByteArray("empty: {}\n"
                        "name: old\n"
                        "tags:\n"
                        "  '0': '1.5'\n"
                        "  mlflow.note.content: '# Baseline\n"
                        "\n"
                        "\n"
                        "    Logistic regression on the 2023 snapshot, kept for comparison with every later\n"
                        "    model.'\n"
                        "  project: churn\n"));
}

QTEST_GUILESS_MAIN(TestPyYamlWriter)
#include "tst_pyyamlwriter.moc"
