#include "commandline.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

struct OptionSpec
{
    const char *name;
    bool takesValue;
};

// Options each command accepts; anything else is an error, so typos never pass silently.
QList<OptionSpec> optionsFor(CommandLine::Command command)
{
    using C = CommandLine::Command;
    QList<OptionSpec> common = {{"format", true}, {"busy-timeout", true}};
    switch (command) {
    case C::Gui:
        return {{"experiment", true}, {"run", true}, {"demo", false}, {"busy-timeout", true}};
    case C::Experiments:
        return common + QList<OptionSpec> {{"all", false}};
    case C::Runs:
        return common
            + QList<OptionSpec> {{"experiment", true}, {"filter", true}, {"order-by", true}, {"all", false}};
    case C::History:
        return common;
    case C::Plot:
        return {{"run", true},    {"metric", true},           {"x", true},    {"smoothing", true},
                {"log-y", false}, {"ignore-outliers", false}, {"size", true}, {"decimation", true},
                {"output", true}, {"busy-timeout", true}};
    case C::Diff:
        return common + QList<OptionSpec> {{"run", true}, {"all", false}};
    case C::Demo:
        return {{"force", false}, {"file-store", false}};
    case C::Models:
        return common + QList<OptionSpec> {{"filter", true}};
    case C::Versions:
        return common;
    case C::Transition:
        return {{"archive-existing-versions", false}, {"busy-timeout", true}};
    case C::Alias:
    case C::Tag:
        return {{"delete", false}, {"busy-timeout", true}};
    case C::Describe:
        return {{"busy-timeout", true}};
    case C::Artifacts:
        return common;
    case C::Help:
    case C::Version:
        return {};
    }
    return {};
}

// "3" -> 3; anything but a positive integer -> 0.
int versionNumber(const QString &text)
{
    bool ok = false;
    const int version = text.toInt(&ok);
    return ok && version > 0 ? version : 0;
}

// STORE MODEL ... of the registry commands; [VERSION] is there when the count says so.
void parseRegistryArguments(CommandLine &cl, const QStringList &positional)
{
    using C = CommandLine::Command;
    const auto expect = [&](qsizetype count, const QString &usage) {
        if (positional.size() == count)
            return true;
        cl.error = tr("expected %1").arg(usage);
        return false;
    };
    const auto takeVersion = [&](const QString &text) {
        cl.version = versionNumber(text);
        if (cl.version == 0)
            cl.error = tr("VERSION must be a positive number, got '%1'").arg(text);
        return cl.version != 0;
    };
    switch (cl.command) {
    case C::Models:
        if (!expect(1, tr("STORE")))
            return;
        break;
    case C::Versions:
        if (!expect(2, tr("STORE MODEL")))
            return;
        break;
    case C::Transition:
        if (!expect(4, tr("STORE MODEL VERSION STAGE")) || !takeVersion(positional.at(2)))
            return;
        cl.stage = positional.at(3);
        break;
    case C::Alias:
        if (cl.remove) {
            if (!expect(3, tr("--delete STORE MODEL ALIAS")))
                return;
            cl.alias = positional.at(2);
        } else {
            if (!expect(4, tr("STORE MODEL ALIAS VERSION")) || !takeVersion(positional.at(3)))
                return;
            cl.alias = positional.at(2);
        }
        break;
    case C::Tag: {
        // STORE MODEL [VERSION] KEY [VALUE]: a version is there when one more word is.
        const qsizetype base = cl.remove ? 3 : 4;
        if (positional.size() != base && positional.size() != base + 1) {
            cl.error = cl.remove ? tr("expected --delete STORE MODEL [VERSION] KEY")
                                 : tr("expected STORE MODEL [VERSION] KEY VALUE");
            return;
        }
        qsizetype next = 2;
        if (positional.size() == base + 1 && !takeVersion(positional.at(next++)))
            return;
        cl.tagKey = positional.at(next++);
        if (!cl.remove)
            cl.tagValue = positional.at(next);
        break;
    }
    case C::Describe:
        if (positional.size() != 3 && positional.size() != 4) {
            cl.error = tr("expected STORE MODEL [VERSION] TEXT");
            return;
        }
        if (positional.size() == 4 && !takeVersion(positional.at(2)))
            return;
        cl.text = positional.last();
        break;
    default:
        return;
    }
    cl.stores = {positional.at(0)};
    if (cl.command != C::Models)
        cl.model = positional.at(1);
}

} // namespace

QString usageText()
{
    return tr(
        "Usage:\n"
        "  kaizen [STORE...] [--experiment NAME_OR_ID] [--run RUN_ID]...   open the window\n"
        "  kaizen --demo                                                   open the demo store\n"
        "  kaizen experiments STORE [--all] [--format table|tsv|json]\n"
        "  kaizen runs STORE [--experiment NAME_OR_ID]... [--filter EXPR] [--order-by EXPR]...\n"
        "                    [--all] [--format table|tsv|json]\n"
        "  kaizen history STORE RUN_ID METRIC_KEY [--format table|tsv|json]\n"
        "  kaizen plot STORE --run RUN_ID [--run RUN_ID]... --metric KEY [--metric KEY]...\n"
        "              [--x step|wall|relative] [--smoothing S] [--log-y] [--ignore-outliers]\n"
        "              [--size WxH] [--decimation m4|none] -o FILE.png|FILE.svg|FILE.csv\n"
        "  kaizen diff STORE RUN_ID RUN_ID... [--all] [--format table|json|markdown|csv]\n"
        "  kaizen diff --run STORE:RUN_ID --run STORE:RUN_ID... [--all] [--format ...]\n"
        "              compare runs; without --all only differing params and tags, no mlflow.* tags\n"
        "  kaizen artifacts STORE RUN_ID [--format table|tsv|json]         a run's artifact files\n"
        "  kaizen demo PATH [--file-store] [--force]                       write the demo store\n"
        "              --file-store: as an MLflow file store (an mlruns/ folder at PATH)\n"
        "  kaizen models STORE [--filter EXPR] [--format json|table]       registered models\n"
        "  kaizen versions STORE MODEL [--format json|table]               a model's versions\n"
        "  kaizen transition STORE MODEL VERSION STAGE [--archive-existing-versions]\n"
        "  kaizen alias STORE MODEL ALIAS VERSION | kaizen alias --delete STORE MODEL ALIAS\n"
        "  kaizen tag STORE MODEL [VERSION] KEY VALUE | kaizen tag --delete STORE MODEL [VERSION] KEY\n"
        "  kaizen describe STORE MODEL [VERSION] TEXT\n"
        "              registry writes: naming the command is the consent to write the store\n"
        "\n"
        "STORE is an MLflow SQLite file (mlflow.db, mlruns.db), an mlruns/ folder (MLflow's file store),\n"
        "or a sqlite:///path or file:// URI.\n"
        "STAGE is None, Staging, Production or Archived (any case).\n"
        "Exit status: 0 success, 2 bad arguments, 3 the store (or a run's artifacts) cannot be read,\n"
        "4 a registry write was refused (nothing written).\n");
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    QStringList args = arguments.mid(1);
    using C = CommandLine::Command;
    if (!args.isEmpty()) {
        const QString first = args.first();
        const QList<std::pair<const char *, C>> commands = {
            {"experiments", C::Experiments},
            {"runs", C::Runs},
            {"history", C::History},
            {"plot", C::Plot},
            {"diff", C::Diff},
            {"demo", C::Demo},
            {"models", C::Models},
            {"versions", C::Versions},
            {"transition", C::Transition},
            {"alias", C::Alias},
            {"tag", C::Tag},
            {"describe", C::Describe},
            {"artifacts", C::Artifacts},
            {"help", C::Help},
            {"--help", C::Help},
            {"-h", C::Help},
            {"--version", C::Version},
        };
        for (const auto &[name, command] : commands) {
            if (first == QLatin1String(name)) {
                cl.command = command;
                args.removeFirst();
                break;
            }
        }
    }
    if (cl.command == C::Help || cl.command == C::Version)
        return cl;

    const QList<OptionSpec> allowed = optionsFor(cl.command);
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (arg == QLatin1String("-o") && cl.command == C::Plot)
            arg = QStringLiteral("--output"); // the one short option, as compilers spell it
        if (arg == QLatin1String("--")) {
            positional += args.mid(i + 1);
            break;
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
            cl.error = tr("unknown option --%1").arg(name);
            return cl;
        }
        if (spec->takesValue && !hasInlineValue) {
            if (i + 1 >= args.size()) {
                cl.error = tr("option --%1 needs a value").arg(name);
                return cl;
            }
            value = args.at(++i);
        } else if (!spec->takesValue && hasInlineValue) {
            cl.error = tr("option --%1 takes no value").arg(name);
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
                cl.error = tr("unknown format '%1' (use table, json, markdown or csv)").arg(value);
                return cl;
            } else {
                cl.error = tr("unknown format '%1' (use table, tsv or json)").arg(value);
                return cl;
            }
            if (cl.command == C::Diff && cl.format == CommandLine::Format::Tsv) {
                cl.error = tr("diff has no tsv format (use table, json, markdown or csv)");
                return cl;
            }
        } else if (name == QLatin1String("busy-timeout")) {
            bool ok = false;
            cl.busyTimeoutMs = value.toInt(&ok);
            if (!ok || cl.busyTimeoutMs < 0) {
                cl.error = tr("--busy-timeout needs a number of milliseconds");
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
                cl.error = tr("unknown x axis '%1' (use step, wall or relative)").arg(value);
                return cl;
            }
            cl.xAxis = value;
        } else if (name == QLatin1String("smoothing")) {
            bool ok = false;
            cl.smoothing = value.toDouble(&ok);
            if (!ok || cl.smoothing < 0 || cl.smoothing > 0.99) {
                cl.error = tr("--smoothing needs a number from 0 to 0.99");
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
                cl.error = tr("--size needs WIDTHxHEIGHT in pixels, e.g. 1600x900 (100 to 20000 each)");
                return cl;
            }
        } else if (name == QLatin1String("decimation")) {
            if (value != QLatin1String("m4") && value != QLatin1String("none")) {
                cl.error = tr("unknown decimation '%1' (use m4 or none)").arg(value);
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
        cl.error = tr("%1 prints json or table").arg(arguments.value(1));
        return cl;
    }

    switch (cl.command) {
    case C::Gui:
        cl.stores = positional;
        if (cl.experiments.size() > 1)
            cl.error = tr("--experiment may be given once when opening the window");
        break;
    case C::Experiments:
    case C::Runs:
        if (positional.size() != 1)
            cl.error = tr("expected exactly one STORE");
        else
            cl.stores = positional;
        break;
    case C::History:
        if (positional.size() != 3) {
            cl.error = tr("expected STORE RUN_ID METRIC_KEY");
        } else {
            cl.stores = {positional.at(0)};
            cl.runId = positional.at(1);
            cl.metricKey = positional.at(2);
        }
        break;
    case C::Plot: {
        const QString suffix = cl.output.section(QLatin1Char('.'), -1).toLower();
        if (positional.size() != 1)
            cl.error = tr("expected exactly one STORE");
        else if (cl.runIds.isEmpty())
            cl.error = tr("give at least one --run RUN_ID");
        else if (cl.metricKeys.isEmpty())
            cl.error = tr("give at least one --metric KEY");
        else if (cl.output.isEmpty())
            cl.error = tr("give the file to write with -o FILE (.png, .svg or .csv)");
        else if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")
                 && suffix != QLatin1String("csv"))
            cl.error = tr("-o FILE must end in .png, .svg or .csv");
        else
            cl.stores = positional;
        break;
    }
    case C::Diff:
        if (!cl.runIds.isEmpty()) {
            // --run STORE:RUN_ID: the run id is after the last colon (sqlite:///x.db has colons).
            if (!positional.isEmpty()) {
                cl.error = tr("give either STORE RUN_ID... or --run STORE:RUN_ID..., not both");
                break;
            }
            QStringList ids;
            for (const QString &run : std::as_const(cl.runIds)) {
                const qsizetype colon = run.lastIndexOf(QLatin1Char(':'));
                if (colon <= 0 || colon == run.size() - 1) {
                    cl.error = tr("--run needs STORE:RUN_ID, got '%1'").arg(run);
                    break;
                }
                cl.stores.append(run.left(colon));
                ids.append(run.mid(colon + 1));
            }
            cl.runIds = ids;
        } else if (!positional.isEmpty()) {
            for (qsizetype i = 1; i < positional.size(); ++i) {
                cl.stores.append(positional.first());
                cl.runIds.append(positional.at(i));
            }
        }
        if (cl.error.isEmpty() && cl.runIds.size() < 2) {
            cl.error = tr("expected STORE RUN_ID RUN_ID... or --run STORE:RUN_ID at least twice");
            cl.stores.clear();
            cl.runIds.clear();
        }
        break;
    case C::Artifacts:
        if (positional.size() != 2) {
            cl.error = tr("expected STORE RUN_ID");
        } else {
            cl.stores = {positional.at(0)};
            cl.runId = positional.at(1);
        }
        break;
    case C::Demo:
        if (positional.size() != 1)
            cl.error = tr("expected the PATH of the demo store to write");
        else
            cl.output = positional.first();
        break;
    case C::Models:
    case C::Versions:
    case C::Transition:
    case C::Alias:
    case C::Tag:
    case C::Describe:
        parseRegistryArguments(cl, positional);
        break;
    case C::Help:
    case C::Version:
        break;
    }
    return cl;
}
