#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// What the user asked for on the command line, parsed into plain values.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine) // the command line's texts: usage, help, mistakes
public:
    enum class Command {
        Gui,
        Experiments,
        Runs,
        History,
        Plot,
        Diff,
        Demo,
        Models,
        Versions,
        Transition,
        Alias,
        Tag,
        Describe,
        Artifacts,
        Help,
        Version
    };
    enum class Format { Table, Tsv, Json, Markdown, Csv }; // Markdown and Csv: diff only

    Command command = Command::Gui;
    Command helpTopic = Command::Gui; // help: whose usage to print (Gui: the whole usage)
    Format format = Format::Table;
    QStringList stores; // GUI: stores to open; diff: one per compared run; other sub-commands: exactly one
    QStringList experiments; // --experiment NAME_OR_ID (repeatable for `runs`)
    QStringList runIds; // --run RUN_ID (GUI selection, plot); diff: the compared runs, parallel to stores
    QString filter; // --filter EXPR
    QStringList orderBy; // --order-by EXPR (repeatable)
    QStringList groupBy; // --group-by KEY (repeatable): runs, plot
    bool all = false; // --all: include deleted experiments and runs
    bool demo = false; // GUI: --demo opens the generated demo store
    bool force = false; // demo: overwrite
    bool fileStore = false; // demo --file-store: an mlruns/ folder at `output` instead of a database
    QString runId; // history, artifacts
    QString metricKey; // history
    QString output; // demo: database (or mlruns/ folder) to write; plot: -o FILE (.png, .svg or .csv)
    QStringList metricKeys; // plot: --metric KEY (repeatable)
    QString xAxis = QStringLiteral("step"); // plot: --x step|wall|relative
    double smoothing = 0; // plot: --smoothing 0 .. 0.99
    bool logY = false; // plot: --log-y
    bool ignoreOutliers = false; // plot: --ignore-outliers
    int width = 1200, height = 700; // plot: --size WxH
    bool decimate = true; // plot: --decimation m4 (true) | none
    int busyTimeoutMs = 5000;
    // Registry: models, versions, transition, alias, tag, describe.
    QString model;
    int version = 0; // 0: none given (tag and describe then address the registered model)
    QString stage; // transition
    bool archiveExistingVersions = false; // transition --archive-existing-versions
    bool remove = false; // alias --delete, tag --delete
    QString alias;
    QString tagKey, tagValue;
    QString text; // describe

    QString error; // non-empty: the arguments were wrong (exit status 2)
    QString unknownCommand; // the first word when it is a mistyped command (then `error` says so)
};

// A first word that is neither a sub-command nor a store path is a mistake ("unknown command
// 'hsitory' (did you mean 'history'?)"), never a window on a store of that name.
CommandLine parseCommandLine(const QStringList &arguments);
// The whole usage (Gui, Help, Version), or a sub-command's lines of it with its options.
QString usageText(CommandLine::Command topic = CommandLine::Command::Gui);
// The sub-commands' names, in the order the usage lists them.
QStringList commandNames();

// Exit statuses of the command line; scripts rely on them.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitBadArguments = 2,
    ExitStoreUnreadable = 3,
    ExitWriteRefused = 4, // a registry write was refused; nothing was written
};
