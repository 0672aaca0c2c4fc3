#include "commands.h"
#include "output.h"
#include "registryfilter.h"

// kaizen models and kaizen versions: the registry as the Models tab lists it.

namespace {

void jsonKeyValues(OutputBuffer &out, const Store::KeyValueList &pairs)
{
    out << '{';
    bool first = true;
    for (const auto &[key, value] : pairs) {
        out << (first ? "" : ", ");
        first = false;
        Output::jsonString(out, key);
        out << ": ";
        Output::jsonString(out, value);
    }
    out << '}';
}

void jsonVersionMap(OutputBuffer &out, const QMap<QString, int> &map)
{
    out << '{';
    bool first = true;
    for (auto it = map.begin(); it != map.end(); ++it) {
        out << (first ? "" : ", ");
        first = false;
        Output::jsonString(out, it.key());
        out << ": ";
        Output::jsonInteger(out, it.value());
    }
    out << '}';
}

// The stages in lane order, as MLflow's get_latest_versions lists them.
void jsonLatestVersions(OutputBuffer &out, const QMap<QString, int> &latest)
{
    out << '{';
    bool first = true;
    for (const QString &stage : Store::registryStages()) {
        if (!latest.contains(stage))
            continue;
        out << (first ? "" : ", ");
        first = false;
        Output::jsonString(out, stage);
        out << ": ";
        Output::jsonInteger(out, latest.value(stage));
    }
    out << '}';
}

QString latestText(const QMap<QString, int> &latest)
{
    QStringList parts;
    for (const QString &stage : Store::registryStages()) {
        if (latest.contains(stage))
            parts << QStringLiteral("%1: v%2").arg(stage).arg(latest.value(stage));
    }
    return parts.join(QStringLiteral(", "));
}

QString aliasMapText(const QMap<QString, int> &aliases)
{
    QStringList parts;
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        parts << QStringLiteral("%1: v%2").arg(it.key()).arg(it.value());
    return parts.join(QStringLiteral(", "));
}

QString firstLine(const QString &text)
{
    return text.section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString keyValuesText(const Store::KeyValueList &pairs)
{
    QStringList parts;
    for (const auto &[key, value] : pairs)
        parts << key + QLatin1Char('=') + value;
    return parts.join(QStringLiteral(", "));
}

// Store failures of a read: unknown model 2, anything else (no registry included) 3.
int readFailed(const Store::Error &error)
{
    Cli::printError(error.message);
    return Cli::exitCodeFor(error);
}

} // namespace

int runModelsCommand(const CommandLine &cl)
{
    const RegistryFilter filter = RegistryFilter::parse(cl.filter);
    if (!filter.isValid()) {
        Cli::printError(filter.errorString());
        return ExitBadArguments;
    }
    auto store = Cli::openStore(cl);
    if (!store)
        return ExitStoreUnreadable;
    const auto models = store->registeredModels();
    if (!models)
        return readFailed(models.error());

    OutputBuffer out;
    QList<QStringList> rows;
    bool first = true;
    if (cl.format == CommandLine::Format::Json)
        out << '[';
    for (const Store::RegisteredModel &m : *models) {
        if (!filter.matches(m))
            continue;
        if (cl.format != CommandLine::Format::Json) {
            rows.append({m.name, latestText(m.latestVersions), aliasMapText(m.aliases), keyValuesText(m.tags),
                         Cli::formatTime(m.lastUpdatedTime), firstLine(m.description)});
            continue;
        }
        out << (first ? "\n  {" : ",\n  {");
        first = false;
        out << "\"name\": ";
        Output::jsonString(out, m.name);
        out << ", \"description\": ";
        Output::jsonString(out, m.description);
        out << ", \"creation_time\": ";
        Output::jsonTime(out, m.creationTime);
        out << ", \"last_updated_time\": ";
        Output::jsonTime(out, m.lastUpdatedTime);
        out << ", \"latest_versions\": ";
        jsonLatestVersions(out, m.latestVersions);
        out << ", \"aliases\": ";
        jsonVersionMap(out, m.aliases);
        out << ", \"tags\": ";
        jsonKeyValues(out, m.tags);
        out << '}';
    }
    if (cl.format == CommandLine::Format::Json) {
        out << (first ? "]\n" : "\n]\n");
    } else {
        Output::writeTable(out,
                           {QStringLiteral("NAME"), QStringLiteral("LATEST VERSIONS"),
                            QStringLiteral("ALIASES"), QStringLiteral("TAGS"), QStringLiteral("UPDATED"),
                            QStringLiteral("DESCRIPTION")},
                           rows);
    }
    return ExitOk;
}

int runVersionsCommand(const CommandLine &cl)
{
    auto store = Cli::openStore(cl);
    if (!store)
        return ExitStoreUnreadable;
    const auto versions = store->modelVersions(cl.model);
    if (!versions)
        return readFailed(versions.error());

    OutputBuffer out;
    if (cl.format != CommandLine::Format::Json) {
        QList<QStringList> rows;
        for (const Store::ModelVersion &v : *versions) {
            rows.append({QString::number(v.version), v.stage, v.status, v.aliases.join(QStringLiteral(", ")),
                         v.runId, Cli::formatTime(v.lastUpdatedTime), v.source});
        }
        Output::writeTable(out,
                           {QStringLiteral("VERSION"), QStringLiteral("STAGE"), QStringLiteral("STATUS"),
                            QStringLiteral("ALIASES"), QStringLiteral("RUN"), QStringLiteral("UPDATED"),
                            QStringLiteral("SOURCE")},
                           rows);
        return ExitOk;
    }
    out << '[';
    bool first = true;
    for (const Store::ModelVersion &v : *versions) {
        out << (first ? "\n  {" : ",\n  {");
        first = false;
        out << "\"name\": ";
        Output::jsonString(out, v.modelName);
        out << ", \"version\": ";
        Output::jsonInteger(out, v.version);
        out << ", \"current_stage\": ";
        Output::jsonString(out, v.stage);
        out << ", \"status\": ";
        Output::jsonString(out, v.status);
        out << ", \"status_message\": ";
        Output::jsonString(out, v.statusMessage);
        out << ", \"run_id\": ";
        Output::jsonString(out, v.runId);
        out << ", \"source\": ";
        Output::jsonString(out, v.source);
        out << ", \"run_link\": ";
        Output::jsonString(out, v.runLink);
        out << ", \"storage_location\": ";
        Output::jsonString(out, v.storageLocation);
        out << ", \"user_id\": ";
        Output::jsonString(out, v.userId);
        out << ", \"aliases\": [";
        for (qsizetype i = 0; i < v.aliases.size(); ++i) {
            out << (i ? ", " : "");
            Output::jsonString(out, v.aliases.at(i));
        }
        out << "], \"tags\": ";
        jsonKeyValues(out, v.tags);
        out << ", \"description\": ";
        Output::jsonString(out, v.description);
        out << ", \"creation_time\": ";
        Output::jsonTime(out, v.creationTime);
        out << ", \"last_updated_time\": ";
        Output::jsonTime(out, v.lastUpdatedTime);
        if (!v.loggedModelId.isEmpty()) {
            out << ", \"logged_model_id\": ";
            Output::jsonString(out, v.loggedModelId);
            out << ", \"logged_model_run_id\": ";
            Output::jsonString(out, v.loggedModelRunId);
        }
        out << '}';
    }
    out << (first ? "]\n" : "\n]\n");
    return ExitOk;
}
