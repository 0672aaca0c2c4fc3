#include "commandline.h"

#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
};

using C = CommandLine::Command;
using F = CommandLine::Format;
Q_DECLARE_METATYPE(CommandLine::Command)
Q_DECLARE_METATYPE(CommandLine::Format)

void TestCommandLine::parses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<C>("command");
    QTest::addColumn<F>("format");
    QTest::addColumn<QStringList>("stores");
    QTest::addColumn<QStringList>("experiments");
    QTest::addColumn<QStringList>("runIds");
    QTest::addRow("window, no store") << QStringList{} << C::Gui << F::Table << QStringList{} << QStringList{}
                                      << QStringList{};
    QTest::addRow("window with selection")
            << QStringList{"a.db", "--experiment", "mnist", "--run", "r1", "--run=r2"} << C::Gui << F::Table
            << QStringList{"a.db"} << QStringList{"mnist"} << QStringList{"r1", "r2"};
    QTest::addRow("runs json") << QStringList{"runs", "a.db", "--format", "json", "--experiment", "1",
                                              "--experiment=2"}
                               << C::Runs << F::Json << QStringList{"a.db"} << QStringList{"1", "2"}
                               << QStringList{};
    QTest::addRow("experiments tsv") << QStringList{"experiments", "--format=tsv", "sqlite:///x.db", "--all"}
                                     << C::Experiments << F::Tsv << QStringList{"sqlite:///x.db"}
                                     << QStringList{} << QStringList{};
    QTest::addRow("history") << QStringList{"history", "a.db", "abc", "train/loss"} << C::History << F::Table
                             << QStringList{"a.db"} << QStringList{} << QStringList{};
    QTest::addRow("diff") << QStringList{"diff", "a.db", "r1", "r2", "r3", "--format", "markdown"} << C::Diff
                          << F::Markdown << QStringList{"a.db", "a.db", "a.db"} << QStringList{}
                          << QStringList{"r1", "r2", "r3"};
    QTest::addRow("diff across stores")
            << QStringList{"diff", "--run", "a.db:r1", "--run=sqlite:///b.db:r2", "--format=csv", "--all"}
            << C::Diff << F::Csv << QStringList{"a.db", "sqlite:///b.db"} << QStringList{} << QStringList{"r1", "r2"};
    QTest::addRow("help") << QStringList{"--help"} << C::Help << F::Table << QStringList{} << QStringList{}
                          << QStringList{};
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(C, command);
    QFETCH(F, format);
    QFETCH(QStringList, stores);
    QFETCH(QStringList, experiments);
    QFETCH(QStringList, runIds);
    const CommandLine cl = parseCommandLine(QStringList{"kaizen"} + arguments);
    QVERIFY2(cl.error.isEmpty(), qPrintable(cl.error));
    QCOMPARE(cl.command, command);
    QCOMPARE(cl.format, format);
    QCOMPARE(cl.stores, stores);
    QCOMPARE(cl.experiments, experiments);
    QCOMPARE(cl.runIds, runIds);
}

void TestCommandLine::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("wording");
    QTest::addRow("unknown option") << QStringList{"runs", "a.db", "--colour"} << "unknown option --colour";
    QTest::addRow("missing value") << QStringList{"runs", "a.db", "--filter"} << "needs a value";
    QTest::addRow("flag with value") << QStringList{"runs", "a.db", "--all=yes"} << "takes no value";
    QTest::addRow("bad format") << QStringList{"runs", "a.db", "--format", "xml"} << "unknown format";
    QTest::addRow("two stores") << QStringList{"runs", "a.db", "b.db"} << "exactly one STORE";
    QTest::addRow("history short") << QStringList{"history", "a.db", "run"} << "RUN_ID METRIC_KEY";
    QTest::addRow("gui filter") << QStringList{"a.db", "--filter", "x"} << "unknown option";
    QTest::addRow("diff one run") << QStringList{"diff", "a.db", "r1"} << "RUN_ID RUN_ID";
    QTest::addRow("diff tsv") << QStringList{"diff", "a.db", "r1", "r2", "--format", "tsv"} << "no tsv";
    QTest::addRow("diff run without store") << QStringList{"diff", "--run", "r1", "--run", "a.db:r2"}
                                            << "STORE:RUN_ID";
    QTest::addRow("csv for history") << QStringList{"history", "a.db", "r", "m", "--format", "csv"}
                                     << "unknown format";
    QTest::addRow("bad timeout") << QStringList{"runs", "a.db", "--busy-timeout", "soon"} << "milliseconds";
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, wording);
    const CommandLine cl = parseCommandLine(QStringList{"kaizen"} + arguments);
    QVERIFY2(cl.error.contains(wording), qPrintable(cl.error));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
