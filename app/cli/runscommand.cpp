#include "commands.h"
#include "output.h"
#include "rungrouping.h"
#include "runordering.h"
#include "searchfilter.h"

#include <QByteArray>
#include <QStringEncoder>

#include <charconv>
#include <cmath>

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), size_t(bytes.size())};
}

// Resolves each --experiment (id first, then name) against every experiment of the store.
bool resolveExperiments(Store::MlflowStore &reader, const QStringList &wanted, QStringList *ids,
                        int *exitCode)
{
    if (wanted.isEmpty())
        return true;
    const auto experiments = reader.experiments(Store::ViewType::All);
    if (!experiments) {
        Cli::printError(experiments.error().message);
        *exitCode = Cli::exitCodeFor(experiments.error());
        return false;
    }
    for (const QString &nameOrId : wanted) {
        auto match = std::find_if(experiments->begin(), experiments->end(),
                                  [&](const Store::Experiment &e) { return e.id == nameOrId; });
        if (match == experiments->end()) {
            match = std::find_if(experiments->begin(), experiments->end(),
                                 [&](const Store::Experiment &e) { return e.name == nameOrId; });
        }
        if (match == experiments->end()) {
            Cli::printError(QStringLiteral("no experiment with id or name '%1'").arg(nameOrId));
            *exitCode = ExitBadArguments;
            return false;
        }
        ids->append(match->id);
    }
    return true;
}

void writeJson(OutputBuffer &out, const Store::RunTable &table, const QList<int> &rows)
{
    const auto writeTexts = [&](std::span<const Store::RunTable::TextEntry> entries,
                                const QStringList &keys) {
        out << '{';
        bool first = true;
        for (const auto &e : entries) {
            out << (first ? "" : ", ");
            first = false;
            Output::jsonString(out, keys[e.key]);
            out << ": ";
            Output::jsonString(out, std::string_view(table.text(e).data(), size_t(table.text(e).size())));
        }
        out << '}';
    };
    out << '[';
    bool firstRun = true;
    for (int row : rows) {
        const Store::RunAttributes &run = table.run(row);
        out << (firstRun ? "\n  {\"run_id\": " : ",\n  {\"run_id\": ");
        firstRun = false;
        Output::jsonString(out, run.runId);
        out << ", \"run_name\": ";
        Output::jsonString(out, run.runName);
        out << ", \"experiment_id\": ";
        Output::jsonString(out, run.experimentId);
        out << ", \"status\": ";
        Output::jsonString(out, run.status);
        out << ", \"lifecycle_stage\": ";
        Output::jsonString(out, run.lifecycleStage);
        out << ", \"start_time\": ";
        Output::jsonTime(out, run.startTime);
        out << ", \"end_time\": ";
        Output::jsonTime(out, run.endTime);
        out << ", \"parent_run_id\": ";
        if (run.parentRunId.isEmpty())
            out << "null";
        else
            Output::jsonString(out, run.parentRunId);
        out << ", \"user_id\": ";
        Output::jsonString(out, run.userId);
        out << ", \"artifact_uri\": ";
        Output::jsonString(out, run.artifactUri);
        out << ", \"params\": ";
        writeTexts(table.params(row), table.paramKeys());
        out << ", \"metrics\": {";
        bool first = true;
        for (const auto &m : table.metrics(row)) {
            out << (first ? "" : ", ");
            first = false;
            Output::jsonString(out, table.metricKeys()[m.key]);
            out << ": ";
            Output::jsonNumber(out, m.metric.value);
        }
        out << "}, \"tags\": ";
        writeTexts(table.tags(row), table.tagKeys());
        out << '}';
    }
    out << (firstRun ? "]\n" : "\n]\n");
}

// UTF-8 of a string in a buffer reused from one string to the next: a run has nine of them.
class Utf8Buffer
{
public:
    std::string_view operator()(const QString &text)
    {
        m_buffer.resize(m_encoder.requiredSpace(text.size()));
        m_encoder.resetState();
        const char *end = m_encoder.appendToBuffer(m_buffer.data(), text);
        return {m_buffer.constData(), size_t(end - m_buffer.constData())};
    }

private:
    QStringEncoder m_encoder {QStringEncoder::Utf8};
    QByteArray m_buffer;
};

// Output::formatNumber without its allocation for a finite value (a store has millions).
void writeNumber(OutputBuffer &out, double value)
{
    if (!std::isfinite(value)) {
        out << view(Output::formatNumber(value));
        return;
    }
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out << std::string_view(buffer, size_t(result.ptr - buffer));
}

void writeTsv(OutputBuffer &out, const Store::RunTable &table, const QList<int> &rows)
{
    out << "run_id\trun_name\texperiment_id\tstatus\tlifecycle_stage\tstart_time\tend_time\tparent_run_"
           "id\tuser_id";
    const auto header = [&](const char *prefix, const QStringList &keys) {
        for (const QString &key : keys) {
            out << '\t' << prefix;
            Output::tsvField(out, view(key.toUtf8()));
        }
    };
    header("params.", table.paramKeys());
    header("metrics.", table.metricKeys());
    header("tags.", table.tagKeys());
    out << '\n';

    // Entries are sorted by key index, so one cursor per kind fills the columns in order.
    const auto texts = [&](std::span<const Store::RunTable::TextEntry> entries, qsizetype keyCount) {
        auto it = entries.begin();
        for (qint32 key = 0; key < keyCount; ++key) {
            out << '\t';
            if (it != entries.end() && it->key == key) {
                const QByteArrayView text = table.text(*it);
                Output::tsvField(out, std::string_view(text.data(), size_t(text.size())));
                ++it;
            }
        }
    };
    Utf8Buffer utf8;
    for (int row : rows) {
        const Store::RunAttributes &run = table.run(row);
        for (const QString *field :
             {&run.runId, &run.runName, &run.experimentId, &run.status, &run.lifecycleStage}) {
            Output::tsvField(out, utf8(*field));
            out << '\t';
        }
        if (run.startTime != Store::NoTime)
            Output::jsonInteger(out, run.startTime);
        out << '\t';
        if (run.endTime != Store::NoTime)
            Output::jsonInteger(out, run.endTime);
        out << '\t';
        Output::tsvField(out, utf8(run.parentRunId));
        out << '\t';
        Output::tsvField(out, utf8(run.userId));
        texts(table.params(row), table.paramKeys().size());
        const auto metrics = table.metrics(row);
        auto it = metrics.begin();
        for (qint32 key = 0; key < table.metricKeys().size(); ++key) {
            out << '\t';
            if (it != metrics.end() && it->key == key) {
                writeNumber(out, it->metric.value);
                ++it;
            }
        }
        texts(table.tags(row), table.tagKeys().size());
        out << '\n';
    }
}

void writeTable(OutputBuffer &out, const Store::RunTable &table, const QList<int> &rows)
{
    QStringList header = {QStringLiteral("RUN ID"), QStringLiteral("NAME"), QStringLiteral("EXP"),
                          QStringLiteral("STATUS"), QStringLiteral("START")};
    for (const QString &key : table.metricKeys())
        header.append(key);
    QList<QStringList> lines;
    for (int row : rows) {
        const Store::RunAttributes &run = table.run(row);
        QStringList line
            = {run.runId, run.runName, run.experimentId, run.status, Cli::formatTime(run.startTime)};
        for (int key = 0; key < table.metricKeys().size(); ++key) {
            const Store::LatestMetric *m = table.metric(row, key);
            line.append(m ? QString::number(m->value, 'g', 6) : QString());
        }
        lines.append(line);
    }
    Output::writeTable(out, header, lines);
}

// --group-by as JSON: [{group: {key: value or null}, run_ids: [...], metrics: {key: {mean, min,
// max, std, count}}}].
void writeGroupsJson(OutputBuffer &out, const Store::RunTable &table, const QList<RunGrouping::Key> &keys,
                     const QList<RunGrouping::Group> &groups)
{
    out << '[';
    bool firstGroup = true;
    for (const RunGrouping::Group &g : groups) {
        out << (firstGroup ? "\n  {\"group\": {" : ",\n  {\"group\": {");
        firstGroup = false;
        for (qsizetype k = 0; k < keys.size(); ++k) {
            out << (k ? ", " : "");
            Output::jsonString(out, keys[k].text);
            out << ": ";
            if (g.values[k])
                Output::jsonString(out, *g.values[k]);
            else
                out << "null";
        }
        out << "}, \"run_ids\": [";
        for (qsizetype r = 0; r < g.rows.size(); ++r) {
            out << (r ? ", " : "");
            Output::jsonString(out, table.run(g.rows[r]).runId);
        }
        out << "], \"metrics\": {";
        bool firstMetric = true;
        for (auto it = g.metrics.cbegin(); it != g.metrics.cend(); ++it) {
            out << (firstMetric ? "" : ", ");
            firstMetric = false;
            Output::jsonString(out, it.key());
            out << ": {\"mean\": ";
            Output::jsonNumber(out, it->mean);
            out << ", \"min\": ";
            Output::jsonNumber(out, it->min);
            out << ", \"max\": ";
            Output::jsonNumber(out, it->max);
            out << ", \"std\": ";
            Output::jsonNumber(out, it->std);
            out << ", \"count\": ";
            Output::jsonInteger(out, it->count);
            out << '}';
        }
        out << "}}";
    }
    out << (firstGroup ? "]\n" : "\n]\n");
}

// --group-by as a table or TSV: the keys' values, the number of runs, each metric's mean.
void writeGroupsTable(OutputBuffer &out, const Store::RunTable &table, const QList<RunGrouping::Key> &keys,
                      const QList<RunGrouping::Group> &groups, bool tsv)
{
    QStringList header;
    for (const RunGrouping::Key &key : keys)
        header.append(key.text);
    header.append(QStringLiteral("RUNS"));
    for (const QString &key : table.metricKeys())
        header.append(key);
    QList<QStringList> lines;
    for (const RunGrouping::Group &g : groups) {
        QStringList line;
        for (const auto &value : g.values)
            line.append(value ? *value : (tsv ? QString() : RunGrouping::noValueText()));
        line.append(QString::number(g.rows.size()));
        for (const QString &key : table.metricKeys()) {
            const auto it = g.metrics.constFind(key);
            line.append(it == g.metrics.cend() ? QString() : QString::number(it->mean, 'g', tsv ? 17 : 6));
        }
        lines.append(line);
    }
    if (!tsv) {
        Output::writeTable(out, header, lines);
        return;
    }
    lines.prepend(header);
    for (const QStringList &line : std::as_const(lines)) {
        for (qsizetype i = 0; i < line.size(); ++i) {
            out << (i ? "\t" : "");
            Output::tsvField(out, view(line[i].toUtf8()));
        }
        out << '\n';
    }
}

} // namespace

int runRunsCommand(const CommandLine &cl)
{
    const SearchFilter filter = SearchFilter::parse(cl.filter);
    if (!filter.isValid()) {
        Cli::printError(QStringLiteral("invalid --filter: ") + filter.errorString());
        return ExitBadArguments;
    }
    const RunOrdering ordering = RunOrdering::parse(cl.orderBy);
    if (!ordering.isValid()) {
        Cli::printError(QStringLiteral("invalid --order-by: ") + ordering.errorString());
        return ExitBadArguments;
    }

    QList<RunGrouping::Key> groupKeys;
    for (const QString &text : cl.groupBy) {
        QString error;
        const auto key = RunGrouping::parseKey(text, &error);
        if (!key) {
            Cli::printError(QStringLiteral("invalid --group-by: ") + error);
            return ExitBadArguments;
        }
        groupKeys.append(*key);
        groupKeys.back().text = text.trimmed(); // the JSON names a group's keys as the user wrote them
    }

    auto reader = Cli::openStore(cl);
    if (!reader)
        return ExitStoreUnreadable;
    Store::RunQuery query;
    query.view = cl.all ? Store::ViewType::All : Store::ViewType::ActiveOnly;
    int exitCode = ExitOk;
    if (!resolveExperiments(*reader, cl.experiments, &query.experimentIds, &exitCode))
        return exitCode;
    const auto table = reader->runs(query);
    if (!table) {
        Cli::printError(table.error().message);
        return Cli::exitCodeFor(table.error());
    }

    QList<int> rows = filter.filterRows(*table);
    if (!cl.orderBy.isEmpty())
        rows = ordering.sort(*table, rows); // the reader already returns MLflow's default order

    OutputBuffer out;
    if (!groupKeys.isEmpty()) {
        const QList<RunGrouping::Group> groups = RunGrouping::group(*table, rows, groupKeys);
        if (cl.format == CommandLine::Format::Json)
            writeGroupsJson(out, *table, groupKeys, groups);
        else
            writeGroupsTable(out, *table, groupKeys, groups, cl.format == CommandLine::Format::Tsv);
        return ExitOk;
    }
    switch (cl.format) {
    case CommandLine::Format::Json:
        writeJson(out, *table, rows);
        break;
    case CommandLine::Format::Tsv:
        writeTsv(out, *table, rows);
        break;
    case CommandLine::Format::Markdown: // diff only: the parser refuses them here
    case CommandLine::Format::Csv:
    case CommandLine::Format::Table:
        writeTable(out, *table, rows);
        break;
    }
    return ExitOk;
}
