#include "commandline.h"

#include "commandarguments.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <vector>

namespace {

struct OptionSpec
{
    const char *name; // --name
    const char *valueName; // nullptr: a flag
    const char *help;
    char shortName = 0; // -o for --output
    bool takesValue() const { return valueName != nullptr; }
};

// One way of calling kaizen: the window (no name) or a sub-command.
struct CommandSpec
{
    const char *name; // the first word; nullptr: the window
    CommandLine::Command command;
    const char *usage; // its lines of the usage, unindented
    QList<OptionSpec> options; // anything else is an error, so typos never pass silently
    const char *note = nullptr; // below its options in its own help
};

// Every way of calling kaizen, in the order the usage lists them: parsing, the "did you mean"
// suggestion, the usage and each sub-command's help all read this table.
const QList<CommandSpec> &commandTable()
{
    using C = CommandLine::Command;
    const OptionSpec busyTimeout {"busy-timeout", "MS",
                                  "how long to wait while another process writes the store (default 5000)"};
    const OptionSpec all {"all", nullptr, "include deleted experiments and runs"};
    const OptionSpec format {"format", "FORMAT", "table (default), tsv or json"};
    const OptionSpec jsonFormat {"format", "FORMAT", "json (default) or table"};
    const char *registryWrite = "Naming the command is the consent to write the store's registry; one "
                                "transaction,\nwith MLflow's semantics.";
    static const QList<CommandSpec> table = {
        {nullptr,
         C::Gui,
         "kaizen [STORE...] [--experiment NAME_OR_ID] [--run RUN_ID]...   open the window\n"
         "kaizen --demo                                                   open the demo store\n",
         {{"experiment", "NAME_OR_ID", "the experiment to select"},
          {"run", "RUN_ID", "a run to select (repeatable)"},
          {"demo", nullptr, "open the demo store (written on first use)"},
          busyTimeout}},
        {"experiments",
         C::Experiments,
         "kaizen experiments STORE [--all] [--format table|tsv|json]\n",
         {all, format, busyTimeout}},
        {"runs",
         C::Runs,
         "kaizen runs STORE [--experiment NAME_OR_ID]... [--filter EXPR] [--order-by EXPR]...\n"
         "                  [--group-by KEY]... [--all] [--format table|tsv|json]\n",
         {{"experiment", "NAME_OR_ID", "only this experiment's runs (repeatable)"},
          {"filter", "EXPR", "MLflow's search syntax: \"metrics.accuracy > 0.9 and params.model = 'cnn'\""},
          {"order-by", "EXPR", "MLflow's order syntax: \"metrics.loss ASC\" (repeatable)"},
          {"group-by", "KEY", "a row per group: params.K, tags.K, experiment, parent... (repeatable)"},
          all,
          format,
          busyTimeout}},
        {"history",
         C::History,
         "kaizen history STORE RUN_ID METRIC_KEY [--format table|tsv|json]\n",
         {format, busyTimeout}},
        {"plot",
         C::Plot,
         "kaizen plot STORE --run RUN_ID [--run RUN_ID]... --metric KEY [--metric KEY]...\n"
         "            [--x step|wall|relative] [--smoothing S] [--log-y] [--ignore-outliers]\n"
         "            [--size WxH] [--decimation m4|none] -o FILE.png|FILE.svg|FILE.csv\n",
         {{"run", "RUN_ID", "a run to plot (repeatable)"},
          {"metric", "KEY", "a metric to plot (repeatable)"},
          {"x", "AXIS", "step (default), wall or relative (time since the run's start)"},
          {"smoothing", "S", "TensorBoard's moving average, 0 (default) to 0.99"},
          {"log-y", nullptr, "logarithmic y axis"},
          {"ignore-outliers", nullptr, "y range from the 5th to the 95th percentile"},
          {"size", "WxH", "image size in pixels (default 1200x700)"},
          {"decimation", "MODE", "m4 (default: the pixels of every point) or none"},
          {"output", "FILE", "the .png, .svg or .csv to write", 'o'},
          busyTimeout}},
        {"diff",
         C::Diff,
         "kaizen diff STORE RUN_ID RUN_ID... [--all] [--format table|json|markdown|csv]\n"
         "kaizen diff --run STORE:RUN_ID --run STORE:RUN_ID... [--all] [--format ...]\n"
         "            compare runs; without --all only differing params and tags, no mlflow.* tags\n",
         {{"run", "STORE:RUN_ID", "a run of any store (repeatable, instead of STORE RUN_ID...)"},
          {"all", nullptr, "every param and tag, mlflow.* tags too"},
          {"format", "FORMAT", "table (default), json, markdown or csv"},
          busyTimeout}},
        {"artifacts",
         C::Artifacts,
         "kaizen artifacts STORE RUN_ID [--format table|tsv|json]         a run's artifact files\n",
         {format, busyTimeout}},
        {"demo",
         C::Demo,
         "kaizen demo PATH [--file-store] [--force]                       write the demo store\n"
         "kaizen demo postgresql://...                                    into an empty MLflow database\n",
         {{"file-store", nullptr, "an MLflow file store (an mlruns/ folder at PATH), not a database"},
          {"force", nullptr, "replace the demo store at PATH"}}},
        {"models",
         C::Models,
         "kaizen models STORE [--filter EXPR] [--format json|table]       registered models\n",
         {{"filter", "EXPR", "MLflow's registry syntax: \"name LIKE 'churn%' AND tags.team = 'risk'\""},
          jsonFormat,
          busyTimeout}},
        {"versions",
         C::Versions,
         "kaizen versions STORE MODEL [--format json|table]               a model's versions\n",
         {jsonFormat, busyTimeout}},
        {"transition",
         C::Transition,
         "kaizen transition STORE MODEL VERSION STAGE [--archive-existing-versions]\n",
         {{"archive-existing-versions", nullptr, "archive the model's other versions in STAGE"}, busyTimeout},
         registryWrite},
        {"alias",
         C::Alias,
         "kaizen alias STORE MODEL ALIAS VERSION\n"
         "kaizen alias --delete STORE MODEL ALIAS\n",
         {{"delete", nullptr, "remove the alias"}, busyTimeout},
         registryWrite},
        {"tag",
         C::Tag,
         "kaizen tag STORE MODEL [VERSION] KEY VALUE\n"
         "kaizen tag --delete STORE MODEL [VERSION] KEY\n",
         {{"delete", nullptr, "remove the tag"}, busyTimeout},
         registryWrite},
        {"describe",
         C::Describe,
         "kaizen describe STORE MODEL [VERSION] TEXT\n",
         {busyTimeout},
         registryWrite},
        {"help",
         C::Help,
         "kaizen help [COMMAND]                                           this help, or a command's\n",
         {}},
    };
    return table;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandTable()) {
        if (spec.name && name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

const CommandSpec &specFor(CommandLine::Command command)
{
    const QList<CommandSpec> &table = commandTable();
    const auto spec = std::find_if(table.begin(), table.end(),
                                   [&](const CommandSpec &s) { return s.command == command; });
    return spec == table.end() ? table.first() : *spec;
}

// Optimal string alignment distance: inserting, deleting or replacing a letter, or swapping two
// neighbours, costs one ("hsitory" is one from "history").
int editDistance(const QString &a, const QString &b)
{
    const int n = int(a.size()), m = int(b.size());
    std::vector<std::vector<int>> d(size_t(n) + 1, std::vector<int>(size_t(m) + 1));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// "unknown command 'hsitory' (did you mean 'history'?)": the nearest sub-command, when it is
// one slip away (two for words longer than four letters); else `otherwise` follows the word.
QString unknownCommandError(const QString &word, const QString &otherwise = {})
{
    const QString lower = word.toLower();
    QString nearest;
    int nearestDistance = (lower.size() <= 4 ? 1 : 2) + 1;
    for (const CommandSpec &spec : commandTable()) {
        if (!spec.name)
            continue;
        if (const int distance = editDistance(lower, QLatin1String(spec.name)); distance < nearestDistance) {
            nearest = QLatin1String(spec.name);
            nearestDistance = distance;
        }
    }
    return nearest.isEmpty()
        ? CommandLine::tr("unknown command '%1'").arg(word) + otherwise
        : CommandLine::tr("unknown command '%1' (did you mean '%2'?)").arg(word, nearest);
}

// The first word of a window invocation names a store or is a mistyped command. A path (a '/',
// as in ./x, ~/runs or sqlite:///x.db; a suffix, as in mlflow.db) or MLflow's default folder name
// (mlruns) is a store even when missing, so the window says it cannot be opened; any other word
// that names nothing on disk is a command the user mistyped.
bool isMistypedCommand(const QString &word)
{
    return !word.contains(QLatin1Char('/')) && !word.contains(QLatin1Char('.'))
        && word != QLatin1String("mlruns") && !QFileInfo::exists(word);
}

} // namespace

QString usageText(CommandLine::Command topic)
{
    const auto indented = [](const char *lines) {
        QString text = CommandLine::tr(lines);
        text.replace(QLatin1Char('\n'), QLatin1String("\n  "));
        return QLatin1String("  ") + text.chopped(2);
    };
    const QString store = CommandLine::tr(
        "STORE is an MLflow SQLite file (mlflow.db, mlruns.db), an mlruns/ folder (MLflow's "
        "file store),\na sqlite:///path or file:// URI, or a postgresql://user@host[:port]/dbname "
        "URI\n(password from ~/.pgpass or PGPASSWORD).\n");
    const QString exitStatus
        = CommandLine::tr("Exit status: 0 success, 2 bad arguments, 3 the store (or a run's artifacts) "
                          "cannot be read,\n4 a registry write was refused (nothing written).\n");
    const QString stage = CommandLine::tr("STAGE is None, Staging, Production or Archived (any case).\n");
    QString text = CommandLine::tr("Usage:\n");
    using C = CommandLine::Command;
    if (topic == C::Gui || topic == C::Version) {
        for (const CommandSpec &spec : commandTable())
            text += indented(spec.usage);
        return text + QLatin1Char('\n') + store + stage
            + CommandLine::tr(
                   "transition, alias, tag and describe write the registry: naming the command is the "
                   "consent.\n"
                   "COMMAND --help prints a command's options; --version prints Kaizen's version.\n")
            + exitStatus;
    }
    const CommandSpec &spec = specFor(topic);
    text += indented(spec.usage) + QLatin1Char('\n') + CommandLine::tr("Options:\n");
    QList<std::pair<QString, QString>> options;
    for (const OptionSpec &option : spec.options) {
        QString name = QLatin1String("--") + QLatin1String(option.name);
        if (option.shortName)
            name = QStringLiteral("-%1, %2").arg(QLatin1Char(option.shortName)).arg(name);
        if (option.takesValue())
            name += QLatin1Char(' ') + QLatin1String(option.valueName);
        options.append({name, CommandLine::tr(option.help)});
    }
    options.append({QStringLiteral("-h, --help"), CommandLine::tr("print this help")});
    qsizetype width = 0;
    for (const auto &option : std::as_const(options))
        width = std::max(width, option.first.size());
    for (const auto &[name, help] : std::as_const(options))
        text += QLatin1String("  ") + name.leftJustified(width + 2) + help + QLatin1Char('\n');
    text += QLatin1Char('\n');
    if (QLatin1String(spec.usage).contains(QLatin1String("STORE")))
        text += store;
    if (topic == C::Transition)
        text += stage;
    if (spec.note)
        text += CommandLine::tr(spec.note) + QLatin1Char('\n');
    return text + exitStatus;
}

QStringList commandNames()
{
    QStringList names;
    for (const CommandSpec &spec : commandTable()) {
        if (spec.name)
            names.append(QLatin1String(spec.name));
    }
    return names;
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    QStringList args = arguments.mid(1);
    using C = CommandLine::Command;
    if (!args.isEmpty() && args.first() == QLatin1String("--version")) {
        cl.command = C::Version;
        return cl;
    }
    if (const CommandSpec *spec = args.isEmpty() ? nullptr : findCommand(args.first())) {
        cl.command = spec->command;
        args.removeFirst();
    }

    const QList<OptionSpec> &allowed = specFor(cl.command).options;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (arg == QLatin1String("--")) {
            positional += args.mid(i + 1);
            break;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            // Wherever it stands (but as an option's value), the user asks how to call the command.
            cl.helpTopic = cl.command;
            cl.command = C::Help;
            return cl;
        }
        if (arg.size() == 2 && arg.startsWith(QLatin1Char('-'))) {
            // -o as compilers spell it: a short name stands for its long option.
            for (const OptionSpec &option : allowed) {
                if (option.shortName && arg.at(1) == QLatin1Char(option.shortName))
                    arg = QLatin1String("--") + QLatin1String(option.name);
            }
        }
        if (!arg.startsWith(QLatin1String("--")) || arg.size() == 2) {
            positional.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            hasInlineValue = true;
        }
        const auto spec = std::find_if(allowed.begin(), allowed.end(),
                                       [&](const OptionSpec &s) { return name == QLatin1String(s.name); });
        if (spec == allowed.end()) {
            cl.error = CommandLine::tr("unknown option --%1").arg(name);
            return cl;
        }
        if (spec->takesValue() && !hasInlineValue) {
            if (i + 1 >= args.size()) {
                cl.error = CommandLine::tr("option --%1 needs a value").arg(name);
                return cl;
            }
            value = args.at(++i);
        } else if (!spec->takesValue() && hasInlineValue) {
            cl.error = CommandLine::tr("option --%1 takes no value").arg(name);
            return cl;
        }

        if (name == QLatin1String("format")) {
            if (value == QLatin1String("table"))
                cl.format = CommandLine::Format::Table;
            else if (value == QLatin1String("tsv"))
                cl.format = CommandLine::Format::Tsv;
            else if (value == QLatin1String("json"))
                cl.format = CommandLine::Format::Json;
            else if (value == QLatin1String("markdown") && cl.command == C::Diff)
                cl.format = CommandLine::Format::Markdown;
            else if (value == QLatin1String("csv") && cl.command == C::Diff)
                cl.format = CommandLine::Format::Csv;
            else if (cl.command == C::Diff) {
                cl.error
                    = CommandLine::tr("unknown format '%1' (use table, json, markdown or csv)").arg(value);
                return cl;
            } else {
                cl.error = CommandLine::tr("unknown format '%1' (use table, tsv or json)").arg(value);
                return cl;
            }
            if (cl.command == C::Diff && cl.format == CommandLine::Format::Tsv) {
                cl.error = CommandLine::tr("diff has no tsv format (use table, json, markdown or csv)");
                return cl;
            }
        } else if (name == QLatin1String("busy-timeout")) {
            bool ok = false;
            cl.busyTimeoutMs = value.toInt(&ok);
            if (!ok || cl.busyTimeoutMs < 0) {
                cl.error = CommandLine::tr("--busy-timeout needs a number of milliseconds");
                return cl;
            }
        } else if (name == QLatin1String("experiment")) {
            cl.experiments.append(value);
        } else if (name == QLatin1String("run")) {
            cl.runIds.append(value);
        } else if (name == QLatin1String("filter")) {
            cl.filter = value;
        } else if (name == QLatin1String("order-by")) {
            cl.orderBy.append(value);
        } else if (name == QLatin1String("group-by")) {
            cl.groupBy.append(value);
        } else if (name == QLatin1String("all")) {
            cl.all = true;
        } else if (name == QLatin1String("demo")) {
            cl.demo = true;
        } else if (name == QLatin1String("force")) {
            cl.force = true;
        } else if (name == QLatin1String("file-store")) {
            cl.fileStore = true;
        } else if (name == QLatin1String("metric")) {
            cl.metricKeys.append(value);
        } else if (name == QLatin1String("x")) {
            if (value != QLatin1String("step") && value != QLatin1String("wall")
                && value != QLatin1String("relative")) {
                cl.error = CommandLine::tr("unknown x axis '%1' (use step, wall or relative)").arg(value);
                return cl;
            }
            cl.xAxis = value;
        } else if (name == QLatin1String("smoothing")) {
            bool ok = false;
            cl.smoothing = value.toDouble(&ok);
            if (!ok || cl.smoothing < 0 || cl.smoothing > 0.99) {
                cl.error = CommandLine::tr("--smoothing needs a number from 0 to 0.99");
                return cl;
            }
        } else if (name == QLatin1String("log-y")) {
            cl.logY = true;
        } else if (name == QLatin1String("ignore-outliers")) {
            cl.ignoreOutliers = true;
        } else if (name == QLatin1String("size")) {
            const QStringList parts = value.toLower().split(QLatin1Char('x'));
            bool okW = false, okH = false;
            if (parts.size() == 2) {
                cl.width = parts[0].toInt(&okW);
                cl.height = parts[1].toInt(&okH);
            }
            if (!okW || !okH || cl.width < 100 || cl.height < 100 || cl.width > 20000 || cl.height > 20000) {
                cl.error = CommandLine::tr(
                    "--size needs WIDTHxHEIGHT in pixels, e.g. 1600x900 (100 to 20000 each)");
                return cl;
            }
        } else if (name == QLatin1String("decimation")) {
            if (value != QLatin1String("m4") && value != QLatin1String("none")) {
                cl.error = CommandLine::tr("unknown decimation '%1' (use m4 or none)").arg(value);
                return cl;
            }
            cl.decimate = value == QLatin1String("m4");
        } else if (name == QLatin1String("output")) {
            cl.output = value;
        } else if (name == QLatin1String("archive-existing-versions")) {
            cl.archiveExistingVersions = true;
        } else if (name == QLatin1String("delete")) {
            cl.remove = true;
        }
    }
    // The registry listings print JSON unless asked otherwise: scripts read them.
    if ((cl.command == C::Models || cl.command == C::Versions) && !args.contains(QLatin1String("--format"))
        && !std::any_of(args.begin(), args.end(),
                        [](const QString &a) { return a.startsWith(QLatin1String("--format=")); }))
        cl.format = CommandLine::Format::Json;
    if ((cl.command == C::Models || cl.command == C::Versions) && cl.format == CommandLine::Format::Tsv) {
        cl.error = CommandLine::tr("%1 prints json or table").arg(arguments.value(1));
        return cl;
    }

    if (cl.command == C::Gui) {
        cl.stores = positional;
        if (!positional.isEmpty() && isMistypedCommand(positional.first())) {
            cl.unknownCommand = positional.first();
            cl.error
                = unknownCommandError(cl.unknownCommand, CommandLine::tr(" (no such file or folder either)"));
        } else if (cl.experiments.size() > 1) {
            cl.error = CommandLine::tr("--experiment may be given once when opening the window");
        }
    } else if (cl.command == C::Help) { // help [COMMAND]
        if (positional.size() > 1)
            cl.error = CommandLine::tr("expected at most one COMMAND");
        else if (const CommandSpec *spec = positional.isEmpty() ? nullptr : findCommand(positional.first()))
            cl.helpTopic = spec->command;
        else if (!positional.isEmpty())
            cl.unknownCommand = positional.first();
        if (!cl.unknownCommand.isEmpty())
            cl.error = unknownCommandError(cl.unknownCommand);
    } else {
        takeCommandArguments(cl, positional);
    }
    return cl;
}
