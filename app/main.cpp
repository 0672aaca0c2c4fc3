#include "cli/commands.h"
#include "commandline.h"
#include "demostore.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAIZEN_VERSION));
}

// The demo store lives beside Kaizen's own data; it is generated once, on first use.
QString demoStorePath()
{
    const QString dir
        = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/demo");
    const QString path = dir + QStringLiteral("/mlflow.db");
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(dir);
        const Store::Error error = Store::DemoStore::generate(path);
        if (!error.ok()) {
            Cli::printError(error.message);
            return {};
        }
    }
    return path;
}

int runGui(int argc, char **argv, CommandLine cl)
{
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kaizen.svg")));
    if (cl.demo) {
        const QString demo = demoStorePath();
        if (demo.isEmpty())
            return ExitFailure;
        cl.stores.prepend(demo);
    }
    MainWindow window;
    window.show();
    for (const QString &store : std::as_const(cl.stores))
        window.openStore(store, cl.experiments.value(0), cl.runIds);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Sub-commands need no display, so parse before choosing the kind of application.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLine cl = parseCommandLine(arguments);
    if (!cl.error.isEmpty()) {
        Cli::printError(cl.error);
        std::fprintf(stderr, "%s", qPrintable(usageText()));
        return ExitBadArguments;
    }
    if (cl.command == CommandLine::Command::Gui)
        return runGui(argc, argv, cl);
    if (cl.command == CommandLine::Command::Plot) {
        // Renders with the charts' own widget, without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setApplicationNames();
        return runPlotCommand(cl);
    }

    QCoreApplication app(argc, argv);
    setApplicationNames();
    switch (cl.command) {
    case CommandLine::Command::Help:
        std::printf("%s", qPrintable(usageText()));
        return ExitOk;
    case CommandLine::Command::Version:
        std::printf("kaizen %s\n", KAIZEN_VERSION);
        return ExitOk;
    case CommandLine::Command::Experiments:
        return runExperimentsCommand(cl);
    case CommandLine::Command::Runs:
        return runRunsCommand(cl);
    case CommandLine::Command::History:
        return runHistoryCommand(cl);
    case CommandLine::Command::Diff:
        return runDiffCommand(cl);
    case CommandLine::Command::Demo:
        return runDemoCommand(cl);
    case CommandLine::Command::Gui:
    case CommandLine::Command::Plot:
        break;
    }
    return ExitOk;
}
