#include "schemainfo.h"

#include <QCoreApplication>
#include <QHash>

namespace Store {

namespace {
struct Revision
{
    const char *id;
    const char *mlflow;
};
// The linear alembic chain (format notes, section 1.9), oldest first.
constexpr Revision revisionChain[] = {
    {"451aebb31d03", "1.0"},  {"90e64c465722", "1.1"},  {"181f10493468", "1.2"},  {"df50e92ffc5e", "1.2"},
    {"7ac759974ad8", "1.2"},  {"89d4b8295536", "1.3"},  {"2b4d017a5e9b", "1.4"},  {"cfd24bdc0731", "1.5"},
    {"0a8213491aaa", "1.6"},  {"728d730b5ebd", "1.10"}, {"27a6a02d2cf1", "1.10"}, {"84291f40a231", "1.10"},
    {"a8c4a736bde6", "1.13"}, {"39d1c3be5f05", "1.15"}, {"c48cb773bb87", "1.16"}, {"bd07f7e963c5", "1.25"},
    {"0c779009ac13", "1.28"}, {"cc1f77228345", "1.28"}, {"97727af70f4d", "1.29"}, {"3500859a5d39", "2.2"},
    {"7f2a7d5fae7d", "2.4"},  {"2d6e25af4d3e", "2.8"},  {"acf3f17fdcc7", "2.9"},  {"867495a8f9d4", "2.13"},
    {"5b0e9adcef9c", "2.14"}, {"4465047574b1", "2.15"}, {"f5a4f2784254", "2.17"}, {"0584bdc529eb", "2.18"},
    {"400f98739977", "3.0"},  {"6953534de441", "3.0"},  {"bda7b8c39065", "3.2"},  {"cbc13b556ace", "3.2"},
    {"770bee3ae1dd", "3.2"},  {"a1b2c3d4e5f6", "3.3"},  {"de4033877273", "3.3"},  {"1a0cddfcaa16", "3.3"},
    {"534353b11cbc", "3.4"},  {"71994744cf8e", "3.4"},  {"3da73c924c2f", "3.5"},  {"bf29a5ff90ea", "3.5"},
    {"1bd49d398cd23", "3.8"}, {"b7c8d9e0f1a2", "3.9"},  {"5d2d30f0abce", "3.9"},  {"c9d4e5f6a7b8", "3.9"},
    {"2c33131f4dae", "3.9"},  {"d3e4f5a6b7c8", "3.10"}, {"d0e1f2a3b4c5", "3.10"}, {"c8d9e0f1a2b3", "3.10"},
    {"1b5f0d9ad7c1", "3.10"}, {"e1f2a3b4c5d6", "3.11"}, {"76601a5f987d", "3.11"}, {"c3d6457b6d8a", "3.12"},
    {"a5b4c3d2e1f0", "3.12"}, {"ae8bbe7743c9", "3.12"}, {"7d34483879f0", "3.12"}, {"da6fb0208061", "3.13"},
};
} // namespace

QByteArray SchemaInfo::inDefaultWorkspace(const char *table, const char *qualifier) const
{
    if (!workspaceTables.contains(QLatin1String(table)))
        return {};
    return QByteArray(" AND ") + qualifier + ".workspace = 'default'";
}

const QStringList &SchemaInfo::knownRevisions()
{
    static const QStringList revisions = [] {
        QStringList list;
        for (const Revision &r : revisionChain)
            list.append(QString::fromLatin1(r.id));
        return list;
    }();
    return revisions;
}

QString SchemaInfo::missingRunColumn(const QSet<QString> &runColumns)
{
    for (const char *column : {"run_uuid", "experiment_id", "status", "start_time", "lifecycle_stage"}) {
        if (!runColumns.contains(QLatin1String(column)))
            return QLatin1String(column);
    }
    return {};
}

void SchemaInfo::detect(const QString &alembicRevision,
                        const std::function<QSet<QString>(const char *table)> &columnsOf)
{
    revision = alembicRevision;
    isKnownRevision = revision.isEmpty() || knownRevisions().contains(revision);
    const auto has = [&](const char *table) { return tables.contains(QLatin1String(table)); };
    const QSet<QString> metricColumns = columnsOf("metrics");
    const QSet<QString> runColumns = columnsOf("runs");
    const QSet<QString> experimentColumns = columnsOf("experiments");
    hasMetricStep = metricColumns.contains(QStringLiteral("step"));
    hasMetricIsNan = metricColumns.contains(QStringLiteral("is_nan"));
    hasLatestMetrics = has("latest_metrics");
    hasParams = has("params");
    hasTags = has("tags");
    hasExperimentTags = has("experiment_tags");
    hasExperimentTimes = experimentColumns.contains(QStringLiteral("creation_time"));
    hasRunDeletedTime = runColumns.contains(QStringLiteral("deleted_time"));
    hasWorkspaces = experimentColumns.contains(QStringLiteral("workspace"));
    hasRegistry = has("registered_models") && has("model_versions");
    hasAliases = has("registered_model_aliases");
    hasRegisteredModelTags = has("registered_model_tags");
    hasModelVersionTags = has("model_version_tags");
    hasLoggedModels = has("logged_models");
    if (hasRegistry) {
        const QSet<QString> versionColumns = columnsOf("model_versions");
        hasRunLink = versionColumns.contains(QStringLiteral("run_link"));
        hasStorageLocation = versionColumns.contains(QStringLiteral("storage_location"));
    }
    for (const char *table : {"experiments", "registered_models", "model_versions", "registered_model_tags",
                              "model_version_tags", "registered_model_aliases"}) {
        if (has(table) && columnsOf(table).contains(QStringLiteral("workspace")))
            workspaceTables.insert(QLatin1String(table));
    }
    hasDatasets = has("datasets") && has("inputs") && has("input_tags");
}

QString SchemaInfo::newerRevisionNotice() const
{
    if (isKnownRevision)
        return {};
    return QCoreApplication::translate("Store::SqliteStore",
                                       "This store was written by a newer MLflow (schema revision %1) than "
                                       "Kaizen knows. It is open read-only; unknown tables and columns are "
                                       "ignored.")
        .arg(revision);
}

QString SchemaInfo::mlflowVersionOf(const QString &revision)
{
    for (const Revision &r : revisionChain) {
        if (revision == QLatin1String(r.id))
            return QString::fromLatin1(r.mlflow);
    }
    return {};
}

} // namespace Store
