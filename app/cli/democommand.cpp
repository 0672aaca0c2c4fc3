#include "commands.h"
#include "demostore.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

int runDemoCommand(const CommandLine &cl)
{
    const QFileInfo target(cl.output);
    if (target.exists()) {
        if (!cl.force) {
            Cli::printError(QStringLiteral("%1 exists; pass --force to replace it").arg(target.absoluteFilePath()));
            return ExitBadArguments;
        }
        QFile::remove(target.absoluteFilePath());
        QDir(target.absolutePath() + QStringLiteral("/mlruns")).removeRecursively();
    }
    QDir().mkpath(target.absolutePath());
    const Store::Error error = Store::DemoStore::generate(target.absoluteFilePath());
    if (!error.ok()) {
        Cli::printError(error.message);
        return ExitFailure;
    }
    std::printf("%s\n", qPrintable(target.absoluteFilePath()));
    return ExitOk;
}
