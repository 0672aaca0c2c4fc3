#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace Store {

// What an MLflow SQL store (SQLite or PostgreSQL) holds, found by introspection rather than
// trusted from the alembic revision (format notes, sections 1.9 and 1.11).
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

    // The columns MLflow's runs table has had since 1.0 that Kaizen needs; `runColumns` lacks the
    // first one returned (empty: none).
    static QString missingRunColumn(const QSet<QString> &runColumns);
    // Sets revision, isKnownRevision and the feature flags from `tables` (already filled), the
    // alembic revision (empty when the store has none) and each table's columns, as the
    // backend's catalogue lists them.
    void detect(const QString &alembicRevision,
                const std::function<QSet<QString>(const char *table)> &columnsOf);
    // The notice for a revision newer than Kaizen knows; empty for a known one.
    QString newerRevisionNotice() const;

    // Every alembic revision from MLflow 1.0 to the newest Kaizen was checked against, oldest first.
    static const QStringList &knownRevisions();
    // MLflow release that introduced a revision ("3.9"), empty if unknown.
    static QString mlflowVersionOf(const QString &revision);
};

} // namespace Store
