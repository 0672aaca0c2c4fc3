#include "commandarguments.h"

#include <QCoreApplication>

namespace {

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
        cl.error = CommandLine::tr("expected %1").arg(usage);
        return false;
    };
    const auto takeVersion = [&](const QString &text) {
        cl.version = versionNumber(text);
        if (cl.version == 0)
            cl.error = CommandLine::tr("VERSION must be a positive number, got '%1'").arg(text);
        return cl.version != 0;
    };
    switch (cl.command) {
    case C::Models:
        if (!expect(1, CommandLine::tr("STORE")))
            return;
        break;
    case C::Versions:
        if (!expect(2, CommandLine::tr("STORE MODEL")))
            return;
        break;
    case C::Transition:
        if (!expect(4, CommandLine::tr("STORE MODEL VERSION STAGE")) || !takeVersion(positional.at(2)))
            return;
        cl.stage = positional.at(3);
        break;
    case C::Alias:
        if (cl.remove) {
            if (!expect(3, CommandLine::tr("--delete STORE MODEL ALIAS")))
                return;
            cl.alias = positional.at(2);
        } else {
            if (!expect(4, CommandLine::tr("STORE MODEL ALIAS VERSION")) || !takeVersion(positional.at(3)))
                return;
            cl.alias = positional.at(2);
        }
        break;
    case C::Tag: {
        // STORE MODEL [VERSION] KEY [VALUE]: a version is there when one more word is.
        const qsizetype base = cl.remove ? 3 : 4;
        if (positional.size() != base && positional.size() != base + 1) {
            cl.error = cl.remove ? CommandLine::tr("expected --delete STORE MODEL [VERSION] KEY")
                                 : CommandLine::tr("expected STORE MODEL [VERSION] KEY VALUE");
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
            cl.error = CommandLine::tr("expected STORE MODEL [VERSION] TEXT");
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

void takeCommandArguments(CommandLine &cl, const QStringList &positional)
{
    using C = CommandLine::Command;
    switch (cl.command) {
    case C::Experiments:
    case C::Runs:
        if (positional.size() != 1)
            cl.error = CommandLine::tr("expected exactly one STORE");
        else
            cl.stores = positional;
        break;
    case C::History:
        if (positional.size() != 3) {
            cl.error = CommandLine::tr("expected STORE RUN_ID METRIC_KEY");
        } else {
            cl.stores = {positional.at(0)};
            cl.runId = positional.at(1);
            cl.metricKey = positional.at(2);
        }
        break;
    case C::Plot: {
        const QString suffix = cl.output.section(QLatin1Char('.'), -1).toLower();
        if (positional.size() != 1)
            cl.error = CommandLine::tr("expected exactly one STORE");
        else if (cl.runIds.isEmpty())
            cl.error = CommandLine::tr("give at least one --run RUN_ID");
        else if (cl.metricKeys.isEmpty())
            cl.error = CommandLine::tr("give at least one --metric KEY");
        else if (cl.output.isEmpty())
            cl.error = CommandLine::tr("give the file to write with -o FILE (.png, .svg or .csv)");
        else if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")
                 && suffix != QLatin1String("csv"))
            cl.error = CommandLine::tr("-o FILE must end in .png, .svg or .csv");
        else
            cl.stores = positional;
        break;
    }
    case C::Diff:
        if (!cl.runIds.isEmpty()) {
            // --run STORE:RUN_ID: the run id is after the last colon (sqlite:///x.db has colons).
            if (!positional.isEmpty()) {
                cl.error = CommandLine::tr("give either STORE RUN_ID... or --run STORE:RUN_ID..., not both");
                break;
            }
            QStringList ids;
            for (const QString &run : std::as_const(cl.runIds)) {
                const qsizetype colon = run.lastIndexOf(QLatin1Char(':'));
                if (colon <= 0 || colon == run.size() - 1) {
                    cl.error = CommandLine::tr("--run needs STORE:RUN_ID, got '%1'").arg(run);
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
            cl.error
                = CommandLine::tr("expected STORE RUN_ID RUN_ID... or --run STORE:RUN_ID at least twice");
            cl.stores.clear();
            cl.runIds.clear();
        }
        break;
    case C::Artifacts:
        if (positional.size() != 2) {
            cl.error = CommandLine::tr("expected STORE RUN_ID");
        } else {
            cl.stores = {positional.at(0)};
            cl.runId = positional.at(1);
        }
        break;
    case C::Demo:
        if (positional.size() != 1)
            cl.error = CommandLine::tr("expected the PATH of the demo store to write");
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
    case C::Gui:
    case C::Help:
    case C::Version:
        break;
    }
}
