#pragma once

#include "mlflowstore.h"
#include "pyyamlwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>

namespace Store {

// Writes one store's content as MLflow's FileStore lays it out (exportToFileStore() in
// filestoreexport.h says what and how). Tracking in filestorewriter.cpp, the registry in
// filestorewriterregistry.cpp.
class FileStoreWriter
{
    Q_DECLARE_TR_FUNCTIONS(Store::FileStoreWriter)

public:
    FileStoreWriter(MlflowStore &source, const QString &mlrunsFolder, const CancelFlag *cancel,
                    const ProgressFn &progress);
    Error write();

private:
    // Every folder in the target must be the artifact folder of one of these experiments.
    Error checkTarget(const ExperimentList &experiments) const;
    Error writeExperiment(const Experiment &experiment);
    Error writeRuns();
    Error writeRun(const RunTable &table, int row);
    Error writeDatasets(const RunAttributes &run);
    Error writeMetricHistories(const QStringList &runIds);
    Error writeRegistry();
    Error writeRegisteredModel(const RegisteredModel &model);
    Error writeModelVersion(const QString &modelFolder, const ModelVersion &version);

    // Writes `content` at `path` (relative to the store's root), creating its folders.
    Error writeFile(const QString &path, const QByteArray &content);
    Error writeYaml(const QString &path, const PyYamlMapping &yaml) { return writeFile(path, yaml.toYaml()); }
    Error makeFolder(const QString &path);
    // `folder`/<key>, keys with '/' as sub-folders; refuses keys that are no relative path.
    Error writeKeyFile(const QString &folder, const QString &key, const QString &value, const QString &owner);
    // An artifact location as the file store records it (see exportToFileStore()).
    QString locationInStore(const QString &location) const;
    bool isCancelled() const { return m_cancel && m_cancel->load(); }
    Error cancelled() const;

    MlflowStore &m_source;
    QString m_target; // absolute
    QString m_root; // the staging folder the store is written into
    const CancelFlag *m_cancel;
    ProgressFn m_progress;
    QHash<QString, QString> m_experimentFolders; // experiment id -> folder, relative to the root
    QHash<QString, qint64> m_deletedExperimentTimes; // when each deleted experiment was deleted
    QHash<QString, QString> m_runFolders; // run id -> folder, relative to the root
    QSet<QString> m_datasetFolders; // the datasets/<id> folders written
};

} // namespace Store
