#include "commands.h"
#include "output.h"

int runHistoryCommand(const CommandLine &cl)
{
    auto reader = Cli::openStore(cl);
    if (!reader)
        return ExitStoreUnreadable;
    const auto history = reader->metricHistory(cl.runId, cl.metricKey);
    if (!history) {
        Cli::printError(history.error().message);
        return Cli::exitCodeFor(history.error());
    }

    OutputBuffer out;
    switch (cl.format) {
    case CommandLine::Format::Json: {
        out << '[';
        bool first = true;
        for (const Store::MetricPoint &p : history->points) {
            out << (first ? "\n  {\"step\": " : ",\n  {\"step\": ");
            first = false;
            Output::jsonInteger(out, p.step);
            out << ", \"timestamp\": ";
            Output::jsonInteger(out, p.timestamp);
            out << ", \"value\": ";
            Output::jsonNumber(out, p.value);
            out << '}';
        }
        out << (first ? "]\n" : "\n]\n");
        break;
    }
    case CommandLine::Format::Tsv:
        out << "step\ttimestamp\tvalue\n";
        for (const Store::MetricPoint &p : history->points) {
            out << QString::number(p.step) << '\t' << QString::number(p.timestamp) << '\t';
            const QByteArray value = Output::formatNumber(p.value);
            out << std::string_view(value.constData(), size_t(value.size())) << '\n';
        }
        break;
    case CommandLine::Format::Markdown: // diff only: the parser refuses them here
    case CommandLine::Format::Csv:
    case CommandLine::Format::Table: {
        QList<QStringList> rows;
        for (const Store::MetricPoint &p : history->points) {
            rows.append({QString::number(p.step), Cli::formatTime(p.timestamp),
                         QString::fromLatin1(Output::formatNumber(p.value))});
        }
        Output::writeTable(out, {QStringLiteral("STEP"), QStringLiteral("TIME"), QStringLiteral("VALUE")}, rows);
        break;
    }
    }
    return ExitOk;
}
