#include "cli/commands.h"
#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationName(QStringLiteral("Kaizen"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAIZEN_VERSION));
}

int runGui(int argc, char **argv, CommandLine cl)
{
    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kaizen.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("kaizen")); // packaging/kaizen.desktop
    // The user's language where a catalogue has it (Kaizen's and Qt's own); English elsewhere.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("kaizen"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    if (cl.demo) {
        const QString demo = Cli::demoStorePath();
        if (demo.isEmpty())
            return ExitFailure;
        cl.stores.prepend(demo);
    }
    MainWindow window;
    window.show();
    if (cl.stores.isEmpty())
        window.restoreOpenStores();
    else
        window.openStores(cl.stores, cl.experiments.value(0), cl.runIds);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    Q_INIT_RESOURCE(resources); // kaizen_app's icons: a static library's are not registered alone
    // Sub-commands need no display, so parse before choosing the kind of application.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const CommandLine cl = parseCommandLine(arguments);
    if (!cl.error.isEmpty()) {
        Cli::printError(cl.error);
        // The usage would push a "did you mean" out of sight; the list of commands is one call away.
        if (!cl.unknownCommand.isEmpty())
            std::fprintf(stderr, "%s",
                         qPrintable(QCoreApplication::translate("CommandLine",
                                                                "Run 'kaizen --help' for the commands.\n")));
        else
            std::fprintf(stderr, "\n%s", qPrintable(usageText(cl.command)));
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
        std::printf("%s", qPrintable(usageText(cl.helpTopic)));
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
    case CommandLine::Command::Models:
        return runModelsCommand(cl);
    case CommandLine::Command::Versions:
        return runVersionsCommand(cl);
    case CommandLine::Command::Transition:
    case CommandLine::Command::Alias:
    case CommandLine::Command::Tag:
    case CommandLine::Command::Describe:
        return runRegistryWriteCommand(cl);
    case CommandLine::Command::Artifacts:
        return runArtifactsCommand(cl);
    case CommandLine::Command::Gui:
    case CommandLine::Command::Plot:
        break;
    }
    return ExitOk;
}
