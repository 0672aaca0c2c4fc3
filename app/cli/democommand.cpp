#include "commands.h"
#include "demostore.h"
#include "filestoreexport.h"
#include "postgresimport.h"
#include "storefactory.h"
#include "storelocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace {

struct DemoCommand
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
};

// A folder --force may replace: empty, or an mlruns/ folder (what an earlier
// `kaizen demo --file-store` wrote), never any folder the user named by mistake.
bool looksLikeFileStore(const QString &folder)
{
    const QDir dir(folder);
    return dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)
        || QFileInfo::exists(dir.filePath(QStringLiteral("0/meta.yaml")))
        || QFileInfo(dir.filePath(QStringLiteral(".trash"))).isDir();
}

// The demo as an mlruns/ folder: the SQLite demo built in a temporary folder with its artifact
// root at `target` (so that artifacts land where a file store keeps them), exported there, and
// the temporary database removed.
int writeDemoFileStore(const CommandLine &cl)
{
    const QString target = QDir::cleanPath(QFileInfo(cl.output).absoluteFilePath());
    const QFileInfo info(target);
    const bool emptyFolder = info.isDir()
        && QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (info.exists() && !emptyFolder) {
        if (!cl.force) {
            Cli::printError(DemoCommand::tr("%1 exists; pass --force to replace it").arg(target));
            return ExitBadArguments;
        }
        if (info.isDir() && !looksLikeFileStore(target)) {
            Cli::printError(
                DemoCommand::tr("%1 is a folder that holds no MLflow file store; Kaizen does not replace it")
                    .arg(target));
            return ExitBadArguments;
        }
        const bool removed = info.isDir() ? QDir(target).removeRecursively() : QFile::remove(target);
        if (!removed) {
            Cli::printError(DemoCommand::tr("Cannot remove %1").arg(target));
            return ExitFailure;
        }
    }
    const auto fail = [&](const QString &message) {
        QDir(target).removeRecursively(); // the artifacts written so far
        Cli::printError(message);
        return ExitFailure;
    };
    QTemporaryDir temporary;
    if (!temporary.isValid())
        return fail(DemoCommand::tr("Cannot create a temporary folder: %1").arg(temporary.errorString()));
    const QString database = temporary.filePath(QStringLiteral("mlflow.db"));
    Store::DemoStoreOptions options;
    options.artifactRoot = target;
    if (const Store::Error error = Store::DemoStore::generate(database, options); !error.ok())
        return fail(error.message);
    auto store = Store::openStore(database);
    if (!store)
        return fail(store.error().message);
    if (const Store::Error error = Store::exportToFileStore(**store, target); !error.ok())
        return fail(error.message);
    std::printf("%s\n", qPrintable(target));
    return ExitOk;
}

// The demo in a PostgreSQL database that holds MLflow's schema and no runs (as `mlflow db upgrade`
// leaves it): the SQLite demo built in a temporary folder and loaded into it. Artifact files stay
// out: the runs name mlflow-artifacts:/ locations, as those of a tracking server that proxies
// its artifacts do.
int writeDemoPostgres(const CommandLine &cl)
{
    if (cl.fileStore) {
        Cli::printError(DemoCommand::tr("--file-store writes a folder, not a database"));
        return ExitBadArguments;
    }
    QTemporaryDir temporary;
    if (!temporary.isValid()) {
        Cli::printError(DemoCommand::tr("Cannot create a temporary folder: %1").arg(temporary.errorString()));
        return ExitFailure;
    }
    const QString database = temporary.filePath(QStringLiteral("mlflow.db"));
    Store::DemoStoreOptions options;
    options.withArtifacts = false;
    options.artifactRoot = QStringLiteral("mlflow-artifacts:");
    Store::Error error = Store::DemoStore::generate(database, options);
    if (error.ok())
        error = Store::importIntoPostgres(database, cl.output);
    if (!error.ok()) {
        Cli::printError(error.message);
        return ExitFailure;
    }
    std::printf("%s\n", qPrintable(Store::Location::normalize(cl.output)));
    return ExitOk;
}

} // namespace

int runDemoCommand(const CommandLine &cl)
{
    if (Store::Location::parse(cl.output).kind() == Store::Location::Kind::Server)
        return writeDemoPostgres(cl);
    if (cl.fileStore)
        return writeDemoFileStore(cl);
    const QFileInfo target(cl.output);
    if (target.exists()) {
        if (!cl.force) {
            Cli::printError(
                QStringLiteral("%1 exists; pass --force to replace it").arg(target.absoluteFilePath()));
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

// <GenericDataLocation>/Kaizen/demo, not AppLocalDataLocation: with organisation and application
// both named Kaizen that would be ~/.local/share/Kaizen/Kaizen/demo (and changing the names would
// move the settings file, ~/.config/Kaizen/Kaizen.conf).
QString Cli::demoStorePath()
{
    // Raise when the demo generator adds content (2: the registry's states and evaluations).
    constexpr int DemoRevision = 2;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Kaizen/demo");
    const QString path = dir + QStringLiteral("/mlflow.db");
    QFile revisionFile(dir + QStringLiteral("/revision"));
    const int revision
        = revisionFile.open(QIODevice::ReadOnly) ? revisionFile.readAll().trimmed().toInt() : 0;
    revisionFile.close();
    if (!QFileInfo::exists(path) || revision < DemoRevision) {
        QDir(dir).removeRecursively(); // the old demo's database and artifact folders
        // Where earlier builds wrote it; its revision file tells that Kaizen wrote the folder.
        const QString former = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
            + QStringLiteral("/demo");
        if (former != dir && QFileInfo::exists(former + QStringLiteral("/revision")))
            QDir(former).removeRecursively();
        QDir().mkpath(dir);
        const Store::Error error = Store::DemoStore::generate(path);
        if (!error.ok()) {
            Cli::printError(error.message);
            return {};
        }
        if (revisionFile.open(QIODevice::WriteOnly))
            revisionFile.write(QByteArray::number(DemoRevision) + '\n');
    }
    return path;
}
