#include "commandline.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void help_data();
    void help();
    void unknownCommand_data();
    void unknownCommand();
    void storesThatDoNotExistYet_data();
    void storesThatDoNotExistYet();
    void existingWordIsAStore();
    void everyCommandHasItsHelp();
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
    QTest::addRow("window, no store")
        << QStringList {} << C::Gui << F::Table << QStringList {} << QStringList {} << QStringList {};
    QTest::addRow("window with selection")
        << QStringList {"a.db", "--experiment", "mnist", "--run", "r1", "--run=r2"} << C::Gui << F::Table
        << QStringList {"a.db"} << QStringList {"mnist"} << QStringList {"r1", "r2"};
    QTest::addRow("runs json") << QStringList {"runs",         "a.db", "--format",      "json",
                                               "--experiment", "1",    "--experiment=2"}
                               << C::Runs << F::Json << QStringList {"a.db"} << QStringList {"1", "2"}
                               << QStringList {};
    QTest::addRow("experiments tsv") << QStringList {"experiments", "--format=tsv", "sqlite:///x.db", "--all"}
                                     << C::Experiments << F::Tsv << QStringList {"sqlite:///x.db"}
                                     << QStringList {} << QStringList {};
    QTest::addRow("history") << QStringList {"history", "a.db", "abc", "train/loss"} << C::History << F::Table
                             << QStringList {"a.db"} << QStringList {} << QStringList {};
    QTest::addRow("diff") << QStringList {"diff", "a.db", "r1", "r2", "r3", "--format", "markdown"} << C::Diff
                          << F::Markdown << QStringList {"a.db", "a.db", "a.db"} << QStringList {}
                          << QStringList {"r1", "r2", "r3"};
    QTest::addRow("diff across stores")
        << QStringList {"diff", "--run", "a.db:r1", "--run=sqlite:///b.db:r2", "--format=csv", "--all"}
        << C::Diff << F::Csv << QStringList {"a.db", "sqlite:///b.db"} << QStringList {}
        << QStringList {"r1", "r2"};
    QTest::addRow("help") << QStringList {"--help"} << C::Help << F::Table << QStringList {} << QStringList {}
                          << QStringList {};
}

void TestCommandLine::parses()
{
    QFETCH(QStringList, arguments);
    QFETCH(C, command);
    QFETCH(F, format);
    QFETCH(QStringList, stores);
    QFETCH(QStringList, experiments);
    QFETCH(QStringList, runIds);
    const CommandLine cl = parseCommandLine(QStringList {"kaizen"} + arguments);
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
    QTest::addRow("unknown option") << QStringList {"runs", "a.db", "--colour"} << "unknown option --colour";
    QTest::addRow("missing value") << QStringList {"runs", "a.db", "--filter"} << "needs a value";
    QTest::addRow("flag with value") << QStringList {"runs", "a.db", "--all=yes"} << "takes no value";
    QTest::addRow("bad format") << QStringList {"runs", "a.db", "--format", "xml"} << "unknown format";
    QTest::addRow("two stores") << QStringList {"runs", "a.db", "b.db"} << "exactly one STORE";
    QTest::addRow("history short") << QStringList {"history", "a.db", "run"} << "RUN_ID METRIC_KEY";
    QTest::addRow("gui filter") << QStringList {"a.db", "--filter", "x"} << "unknown option";
    QTest::addRow("diff one run") << QStringList {"diff", "a.db", "r1"} << "RUN_ID RUN_ID";
    QTest::addRow("diff tsv") << QStringList {"diff", "a.db", "r1", "r2", "--format", "tsv"} << "no tsv";
    QTest::addRow("diff run without store")
        << QStringList {"diff", "--run", "r1", "--run", "a.db:r2"} << "STORE:RUN_ID";
    QTest::addRow("csv for history") << QStringList {"history", "a.db", "r", "m", "--format", "csv"}
                                     << "unknown format";
    QTest::addRow("bad timeout") << QStringList {"runs", "a.db", "--busy-timeout", "soon"} << "milliseconds";
}

void TestCommandLine::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, wording);
    const CommandLine cl = parseCommandLine(QStringList {"kaizen"} + arguments);
    QVERIFY2(cl.error.contains(wording), qPrintable(cl.error));
    QVERIFY(cl.unknownCommand.isEmpty());
}

void TestCommandLine::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<C>("topic");
    QTest::addRow("--help") << QStringList {"--help"} << C::Gui;
    QTest::addRow("-h") << QStringList {"-h"} << C::Gui;
    QTest::addRow("help") << QStringList {"help"} << C::Gui;
    QTest::addRow("help runs") << QStringList {"help", "runs"} << C::Runs;
    QTest::addRow("runs --help") << QStringList {"runs", "--help"} << C::Runs;
    QTest::addRow("runs -h") << QStringList {"runs", "-h"} << C::Runs;
    QTest::addRow("after other arguments") << QStringList {"plot", "a.db", "--run", "r", "-h"} << C::Plot;
    QTest::addRow("window") << QStringList {"a.db", "--help"} << C::Gui;
    QTest::addRow("help --help") << QStringList {"help", "--help"} << C::Help;
}

void TestCommandLine::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(C, topic);
    const CommandLine cl = parseCommandLine(QStringList {"kaizen"} + arguments);
    QVERIFY2(cl.error.isEmpty(), qPrintable(cl.error));
    QCOMPARE(cl.command, C::Help);
    QCOMPARE(cl.helpTopic, topic);
}

void TestCommandLine::unknownCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::addRow("swapped letters") << QStringList {"hsitory", "a.db"}
                                     << "unknown command 'hsitory' (did you mean 'history'?)";
    QTest::addRow("missing letter") << QStringList {"run", "a.db"}
                                    << "unknown command 'run' (did you mean 'runs'?)";
    QTest::addRow("capitals") << QStringList {"Models"}
                              << "unknown command 'Models' (did you mean 'models'?)";
    QTest::addRow("two slips") << QStringList {"trnasitoin"}
                               << "unknown command 'trnasitoin' (did you mean 'transition'?)";
    QTest::addRow("nothing near") << QStringList {"xyzzy"}
                                  << "unknown command 'xyzzy' (no such file or folder either)";
    QTest::addRow("short word, two slips")
        << QStringList {"rn"} << "unknown command 'rn' (no such file or folder either)";
    QTest::addRow("after options") << QStringList {"--demo", "dmeo"}
                                   << "unknown command 'dmeo' (did you mean 'demo'?)";
    QTest::addRow("help's topic") << QStringList {"help", "plto"}
                                  << "unknown command 'plto' (did you mean 'plot'?)";
    QTest::addRow("help's unknown topic") << QStringList {"help", "xyzzy"} << "unknown command 'xyzzy'";
}

void TestCommandLine::unknownCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CommandLine cl = parseCommandLine(QStringList {"kaizen"} + arguments);
    QCOMPARE(cl.error, error);
    QVERIFY(error.contains("'" + cl.unknownCommand + "'"));
}

// A path, even one that does not exist yet, still opens the window (which says why it cannot
// read the store): only a bare word that names nothing is taken for a mistyped command.
void TestCommandLine::storesThatDoNotExistYet_data()
{
    QTest::addColumn<QString>("store");
    QTest::addRow("database") << "missing.db";
    QTest::addRow("relative folder") << "nope/mlruns";
    QTest::addRow("current folder") << "./history";
    QTest::addRow("absolute") << "/nonexistent/runs";
    QTest::addRow("sqlite uri") << "sqlite:///nonexistent/mlflow.db";
    QTest::addRow("file uri") << "file:///nonexistent/mlruns";
    QTest::addRow("MLflow's folder name") << "mlruns";
}

void TestCommandLine::storesThatDoNotExistYet()
{
    QFETCH(QString, store);
    QTemporaryDir dir; // an empty working folder: none of the stores exists
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const CommandLine cl = parseCommandLine({"kaizen", store});
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(cl.error.isEmpty(), qPrintable(cl.error));
    QCOMPARE(cl.command, C::Gui);
    QCOMPARE(cl.stores, QStringList {store});
}

void TestCommandLine::existingWordIsAStore()
{
    QTemporaryDir dir;
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    QFile store(QStringLiteral("experiments-2024"));
    QVERIFY(store.open(QIODevice::WriteOnly));
    store.close();
    QVERIFY(QDir().mkdir(QStringLiteral("tracking")));
    const CommandLine file = parseCommandLine({"kaizen", "experiments-2024"});
    const CommandLine folder = parseCommandLine({"kaizen", "tracking"});
    const CommandLine missing = parseCommandLine({"kaizen", "trackign"});
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.stores, QStringList {"experiments-2024"});
    QVERIFY2(folder.error.isEmpty(), qPrintable(folder.error));
    QCOMPARE(folder.stores, QStringList {"tracking"});
    QVERIFY(missing.error.startsWith("unknown command 'trackign'"));
}

// The table of sub-commands drives parsing and the help: each is found, has its own help, and
// is in the whole usage.
void TestCommandLine::everyCommandHasItsHelp()
{
    const QStringList names = commandNames();
    QVERIFY(names.contains("history") && names.contains("describe") && names.contains("help"));
    const QString usage = usageText();
    QVERIFY(usage.startsWith("Usage:\n"));
    QVERIFY(usage.contains("Exit status: 0 success, 2 bad arguments"));
    for (const QString &name : names) {
        QVERIFY2(usage.contains("  kaizen " + name + " "), qPrintable(name));
        const CommandLine cl = parseCommandLine({"kaizen", name, "--help"});
        QCOMPARE(cl.command, C::Help);
        QVERIFY(cl.helpTopic != C::Gui);
        const QString help = usageText(cl.helpTopic);
        QVERIFY2(help.startsWith("Usage:\n  kaizen " + name + " "), qPrintable(help));
        QVERIFY2(help.contains("\nOptions:\n"), qPrintable(help));
        QVERIFY2(help.contains("  -h, --help "), qPrintable(help));
        for (const QString &other : names) {
            if (other != name)
                QVERIFY2(!help.contains("kaizen " + other + " "), qPrintable(name + " shows " + other));
        }
    }
    const QString plot = usageText(C::Plot);
    QVERIFY(plot.contains("  -o, --output FILE "));
    QVERIFY(plot.contains("  --log-y "));
    QVERIFY(plot.contains("STORE is an MLflow SQLite file"));
    QVERIFY(!usageText(C::Demo).contains("STORE is"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
