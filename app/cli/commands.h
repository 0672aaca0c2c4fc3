#pragma once

#include "commandline.h"
#include "mlflowstore.h"

#include <memory>

// One function per sub-command; each returns the process exit status.
int runExperimentsCommand(const CommandLine &cl);
int runRunsCommand(const CommandLine &cl);
int runHistoryCommand(const CommandLine &cl);
// Needs a QApplication (it renders with the charts' widget, offscreen).
int runPlotCommand(const CommandLine &cl);
// Compares runs, possibly of several stores (cl.stores and cl.runIds are parallel).
int runDiffCommand(const CommandLine &cl);
int runDemoCommand(const CommandLine &cl);
int runModelsCommand(const CommandLine &cl);
int runVersionsCommand(const CommandLine &cl);
// transition, alias, tag, describe: one registry change, written at once (exit 4 if refused).
int runRegistryWriteCommand(const CommandLine &cl);
// Lists a run's artifact files and folders (exit 3 when they are not on this machine).
int runArtifactsCommand(const CommandLine &cl);

namespace Cli {
// One line on stderr, prefixed with the program name.
void printError(const QString &message);
// Opens the store (for registry writes with `writable`) or prints why not; prints a schema
// notice when there is one.
std::unique_ptr<Store::MlflowStore> openStore(const CommandLine &cl, bool writable = false);
// Exit status for a failed store read: 2 for bad arguments (unknown run/experiment), else 3.
int exitCodeFor(const Store::Error &error);
QString formatTime(qint64 ms);
// The demo store `kaizen --demo` opens: ~/.local/share/Kaizen/demo/mlflow.db (under
// XDG_DATA_HOME when set), written on first use and when this Kaizen's demo is richer; empty
// when it cannot be written (the reason printed).
QString demoStorePath();
} // namespace Cli
