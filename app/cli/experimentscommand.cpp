#include "commands.h"
#include "output.h"
#include "storefactory.h"

#include <QDateTime>

#include <cstdio>

namespace Cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "kaizen: %s\n", qPrintable(message.simplified()));
}

std::unique_ptr<Store::MlflowStore> openStore(const CommandLine &cl, bool writable)
{
    auto reader
        = Store::openStore(cl.stores.value(0), {.busyTimeoutMs = cl.busyTimeoutMs, .writable = writable});
    if (!reader) {
        printError(reader.error().message);
        return nullptr;
    }
    if (!(*reader)->notice().isEmpty())
        printError(QStringLiteral("notice: ") + (*reader)->notice());
    return std::move(reader).value();
}

int exitCodeFor(const Store::Error &error)
{
    switch (error.code) {
    case Store::Error::NoSuchRun:
    case Store::Error::NoSuchExperiment:
    case Store::Error::NoSuchModel:
    case Store::Error::InvalidArgument:
        return ExitBadArguments;
    default:
        return ExitStoreUnreadable;
    }
}

QString formatTime(qint64 ms)
{
    if (ms == Store::NoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace Cli

int runExperimentsCommand(const CommandLine &cl)
{
    auto reader = Cli::openStore(cl);
    if (!reader)
        return ExitStoreUnreadable;
    const auto experiments = reader->experiments(cl.all ? Store::ViewType::All : Store::ViewType::ActiveOnly);
    if (!experiments) {
        Cli::printError(experiments.error().message);
        return Cli::exitCodeFor(experiments.error());
    }

    OutputBuffer out;
    switch (cl.format) {
    case CommandLine::Format::Json: {
        out << '[';
        bool first = true;
        for (const Store::Experiment &e : *experiments) {
            out << (first ? "\n  {" : ",\n  {");
            first = false;
            out << "\"experiment_id\": ";
            Output::jsonString(out, e.id);
            out << ", \"name\": ";
            Output::jsonString(out, e.name);
            out << ", \"lifecycle_stage\": ";
            Output::jsonString(out, e.lifecycleStage);
            out << ", \"artifact_location\": ";
            Output::jsonString(out, e.artifactLocation);
            out << ", \"run_count\": ";
            Output::jsonInteger(out, e.runCount);
            out << ", \"creation_time\": ";
            Output::jsonTime(out, e.creationTime);
            out << ", \"last_update_time\": ";
            Output::jsonTime(out, e.lastUpdateTime);
            out << '}';
        }
        out << (first ? "]\n" : "\n]\n");
        break;
    }
    case CommandLine::Format::Tsv:
        out << "experiment_id\tname\tlifecycle_stage\tartifact_location\trun_count\n";
        for (const Store::Experiment &e : *experiments) {
            for (const QString &field : {e.id, e.name, e.lifecycleStage, e.artifactLocation}) {
                Output::tsvField(out, field.toUtf8().toStdString());
                out << '\t';
            }
            out << QString::number(e.runCount) << '\n';
        }
        break;
    case CommandLine::Format::Markdown: // diff only: the parser refuses them here
    case CommandLine::Format::Csv:
    case CommandLine::Format::Table: {
        QList<QStringList> rows;
        for (const Store::Experiment &e : *experiments) {
            rows.append({e.id, e.name, QString::number(e.runCount), e.lifecycleStage,
                         Cli::formatTime(e.creationTime), e.artifactLocation});
        }
        Output::writeTable(out,
                           {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("RUNS"),
                            QStringLiteral("STAGE"), QStringLiteral("CREATED"), QStringLiteral("ARTIFACTS")},
                           rows);
        break;
    }
    }
    return ExitOk;
}
