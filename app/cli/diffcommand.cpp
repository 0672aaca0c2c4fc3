#include "commands.h"
#include "metricdiffmodel.h"
#include "output.h"
#include "paramdiffmodel.h"
#include "rundiffloader.h"
#include "runformat.h"

#include <QSet>

#include <cmath>

using namespace RunDiff;

namespace {

bool isShown(const TextRow &row, bool all, bool isTag)
{
    return all || (row.differs && !(isTag && isSystemTag(row.key)));
}

// Column titles for people: the run name, or the id's start when the name is empty or taken.
QStringList runLabels(const Diff &diff)
{
    QStringList names;
    for (const RunInfo &run : diff.runs)
        names.append(run.runName);
    QStringList labels;
    for (const RunInfo &run : diff.runs) {
        const bool usable = !run.runName.isEmpty() && names.count(run.runName) == 1;
        labels.append(RunFormat::runName(usable ? run.runName : QString(), run.runId));
    }
    return labels;
}

void writeJsonTextRows(OutputBuffer &out, const QList<TextRow> &rows, bool all, bool isTag)
{
    out << '[';
    bool first = true;
    for (const TextRow &row : rows) {
        if (!isShown(row, all, isTag))
            continue;
        out << (first ? "\n    {\"key\": " : ",\n    {\"key\": ");
        first = false;
        Output::jsonString(out, row.key);
        out << ", \"values\": [";
        for (qsizetype i = 0; i < row.values.size(); ++i) {
            out << (i ? ", " : "");
            if (row.values[i])
                Output::jsonString(out, *row.values[i]);
            else
                out << "null";
        }
        out << "], \"differs\": " << (row.differs ? "true" : "false") << '}';
    }
    out << (first ? "]" : "\n  ]");
}

void writeJson(OutputBuffer &out, const Diff &diff, bool all)
{
    out << "{\n  \"runs\": [";
    for (qsizetype i = 0; i < diff.runs.size(); ++i) {
        out << (i ? ", " : "");
        Output::jsonString(out, diff.runs[i].runId);
    }
    out << "],\n  \"params\": ";
    writeJsonTextRows(out, diff.params, all, false);
    out << ",\n  \"metrics\": [";
    bool first = true;
    for (const MetricRow &row : diff.metrics) {
        out << (first ? "\n    {\"key\": " : ",\n    {\"key\": ");
        first = false;
        Output::jsonString(out, row.key);
        const auto numbers = [&](const char *name, double MetricStats::*field) {
            out << ", \"" << name << "\": [";
            for (qsizetype i = 0; i < row.values.size(); ++i) {
                out << (i ? ", " : "");
                if (row.values[i])
                    Output::jsonNumber(out, (*row.values[i]).*field);
                else
                    out << "null";
            }
            out << ']';
        };
        numbers("values", &MetricStats::latest);
        numbers("min", &MetricStats::min);
        numbers("max", &MetricStats::max);
        const int best = bestRun(row.values, directionForKey(row.key));
        out << ", \"best_run\": ";
        if (best >= 0)
            Output::jsonString(out, diff.runs[best].runId);
        else
            out << "null";
        out << '}';
    }
    out << (first ? "]" : "\n  ]");
    out << ",\n  \"tags\": ";
    writeJsonTextRows(out, diff.tags, all, true);
    out << "\n}\n";
}

// One table for every kind: kind, key, statistic, then one column per run (by id, for scripts).
void writeCsv(OutputBuffer &out, const Diff &diff, bool all)
{
    TextTable table;
    table.header = {QStringLiteral("kind"), QStringLiteral("key"), QStringLiteral("statistic")};
    for (const RunInfo &run : diff.runs)
        table.header.append(run.runId);
    const auto texts = [&](const QList<TextRow> &rows, const QString &kind, bool isTag) {
        for (const TextRow &row : rows) {
            if (!isShown(row, all, isTag))
                continue;
            QStringList line = {kind, row.key, QStringLiteral("value")};
            for (const Value &value : row.values)
                line.append(value.value_or(QString())); // CSV has no null: missing and empty read alike
            table.rows.append(line);
        }
    };
    texts(diff.params, QStringLiteral("param"), false);
    for (const MetricRow &row : diff.metrics) {
        const Direction direction = directionForKey(row.key);
        const auto add = [&](const char *statistic, const auto &field) {
            QStringList line = {QStringLiteral("metric"), row.key, QLatin1String(statistic)};
            for (const auto &stats : row.values)
                line.append(stats ? field(*stats) : QString());
            table.rows.append(line);
        };
        const auto number = [](double v) { return QString::fromLatin1(Output::formatNumber(v)); };
        add("latest", [&](const MetricStats &s) { return number(s.latest); });
        add("min", [&](const MetricStats &s) { return number(s.min); });
        add("max", [&](const MetricStats &s) { return number(s.max); });
        add("best_step", [&](const MetricStats &s) { return QString::number(s.bestStep(direction)); });
    }
    texts(diff.tags, QStringLiteral("tag"), true);
    out << toCsv(table);
}

// The window's own models render the Markdown, so a pasted diff reads like the compare view.
void writeMarkdown(OutputBuffer &out, const Diff &diff, bool all)
{
    ParamDiffModel params(ParamDiffModel::Kind::Params);
    params.setOnlyDifferences(!all);
    params.setDiff(diff);
    ParamDiffModel tags(ParamDiffModel::Kind::Tags);
    tags.setOnlyDifferences(!all);
    tags.setShowSystemTags(all);
    tags.setDiff(diff);
    MetricDiffModel metrics;
    metrics.setDiff(diff);
    out << "## Parameters\n\n"
        << params.toMarkdown() << "\n## Metrics\n\n"
        << metrics.toMarkdown() << "\n## Tags\n\n"
        << tags.toMarkdown();
}

void writeTable(OutputBuffer &out, const Diff &diff, bool all)
{
    QStringList header = {QStringLiteral("KIND"), QStringLiteral("KEY")};
    header += runLabels(diff);
    QList<QStringList> lines;
    const auto elide = [](const QString &text) {
        QString oneLine = text;
        oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return oneLine.size() > 40 ? oneLine.left(39) + QChar(0x2026) : oneLine;
    };
    const auto texts = [&](const QList<TextRow> &rows, const QString &kind, bool isTag) {
        for (const TextRow &row : rows) {
            if (!isShown(row, all, isTag))
                continue;
            QStringList line = {kind, row.key};
            for (const Value &value : row.values)
                line.append(elide(displayText(value)));
            lines.append(line);
        }
    };
    texts(diff.params, QStringLiteral("param"), false);
    for (const MetricRow &row : diff.metrics) {
        const int best = bestRun(row.values, directionForKey(row.key));
        QStringList line = {QStringLiteral("metric"), row.key};
        for (int i = 0; i < row.values.size(); ++i) {
            const auto &stats = row.values[i];
            line.append(stats ? RunFormat::metricValue(stats->latest)
                                + (i == best ? QStringLiteral(" *") : QString())
                              : QString(MissingMark));
        }
        lines.append(line);
    }
    texts(diff.tags, QStringLiteral("tag"), true);
    Output::writeTable(out, header, lines);
}

} // namespace

int runDiffCommand(const CommandLine &cl)
{
    QList<RunSource> sources;
    for (qsizetype i = 0; i < cl.runIds.size(); ++i)
        sources.append({cl.stores.value(i), cl.runIds.at(i)});
    const auto diff = readDiff(sources, nullptr, {}, cl.busyTimeoutMs);
    if (!diff) {
        Cli::printError(diff.error().message);
        return Cli::exitCodeFor(diff.error());
    }

    OutputBuffer out;
    switch (cl.format) {
    case CommandLine::Format::Json:
        writeJson(out, *diff, cl.all);
        break;
    case CommandLine::Format::Csv:
        writeCsv(out, *diff, cl.all);
        break;
    case CommandLine::Format::Markdown:
        writeMarkdown(out, *diff, cl.all);
        break;
    case CommandLine::Format::Tsv: // refused by the parser
    case CommandLine::Format::Table:
        writeTable(out, *diff, cl.all);
        break;
    }
    return ExitOk;
}
