#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Store {

class SqliteConnection;

// What an MLflow SQLite store holds, found by introspection rather than trusted from the
// alembic revision (format notes, sections 1.9 and 1.11).
struct SchemaInfo
{
    QString revision; // alembic_version.version_num; empty before MLflow 1.0
    bool isKnownRevision = false; // false: newer than Kaizen knows, read through introspection

    bool hasMetricStep = false;
    bool hasMetricIsNan = false;
    bool hasLatestMetrics = false;
    bool hasParams = false;
    bool hasTags = false;
    bool hasExperimentTags = false;
    bool hasExperimentTimes = false; // creation_time, last_update_time
    bool hasRunDeletedTime = false;
    bool hasWorkspaces = false;
    bool hasRegistry = false; // registered_models + model_versions
    bool hasAliases = false;
    bool hasRegisteredModelTags = false; // MLflow >= 1.10
    bool hasModelVersionTags = false; // MLflow >= 1.10
    bool hasRunLink = false; // model_versions.run_link
    bool hasStorageLocation = false; // model_versions.storage_location
    bool hasLoggedModels = false; // MLflow >= 3.0
    bool hasDatasets = false; // datasets + inputs + input_tags
    QString metricHistoryIndex; // best index for (run_uuid, key) look-ups, empty if none
    QSet<QString> tables;
    // Tables with MLflow's `workspace` column (MLflow >= 3.10). Kaizen reads and writes only the
    // rows of workspace 'default', as MLflow does when workspaces are off.
    QSet<QString> workspaceTables;

    // " AND <qualifier>.workspace = 'default'" when `table` has the workspace column, else empty.
    QByteArray inDefaultWorkspace(const char *table, const char *qualifier) const;

    // Every alembic revision from MLflow 1.0 to the newest Kaizen was checked against, oldest first.
    static const QStringList &knownRevisions();
    // MLflow release that introduced a revision ("3.9"), empty if unknown.
    static QString mlflowVersionOf(const QString &revision);
};

} // namespace Store
