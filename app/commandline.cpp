#include "commandline.h"

#include <QCoreApplication>

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
        return common + QList<OptionSpec>{{"all", false}};
    case C::Runs:
        return common
                + QList<OptionSpec>{{"experiment", true}, {"filter", true}, {"order-by", true}, {"all", false}};
    case C::History:
        return common;
    case C::Demo:
        return {{"force", false}};
    case C::Help:
    case C::Version:
        return {};
    }
    return {};
}

} // namespace

QString usageText()
{
    return tr("Usage:\n"
              "  kaizen [STORE...] [--experiment NAME_OR_ID] [--run RUN_ID]...   open the window\n"
              "  kaizen --demo                                                   open the demo store\n"
              "  kaizen experiments STORE [--all] [--format table|tsv|json]\n"
              "  kaizen runs STORE [--experiment NAME_OR_ID]... [--filter EXPR] [--order-by EXPR]...\n"
              "                    [--all] [--format table|tsv|json]\n"
              "  kaizen history STORE RUN_ID METRIC_KEY [--format table|tsv|json]\n"
              "  kaizen demo PATH [--force]                                      write the demo store\n"
              "\n"
              "STORE is an MLflow SQLite file (mlflow.db, mlruns.db) or a sqlite:///path URI.\n"
              "Exit status: 0 success, 2 bad arguments, 3 the store cannot be read.\n");
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    QStringList args = arguments.mid(1);
    using C = CommandLine::Command;
    if (!args.isEmpty()) {
        const QString first = args.first();
        const QList<std::pair<const char *, C>> commands = {
            {"experiments", C::Experiments}, {"runs", C::Runs}, {"history", C::History}, {"demo", C::Demo},
            {"help", C::Help},           {"--help", C::Help}, {"-h", C::Help},         {"--version", C::Version},
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
        const QString arg = args.at(i);
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
            else {
                cl.error = tr("unknown format '%1' (use table, tsv or json)").arg(value);
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
        }
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
    case C::Demo:
        if (positional.size() != 1)
            cl.error = tr("expected the PATH of the demo database to write");
        else
            cl.output = positional.first();
        break;
    case C::Help:
    case C::Version:
        break;
    }
    return cl;
}
