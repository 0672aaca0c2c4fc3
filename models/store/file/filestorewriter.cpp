#include "filestorewriter.h"

#include "filestoreexport.h"
#include "pythonformat.h"
#include "stagedfolder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <atomic>
#include <limits>

namespace Store {

namespace {

constexpr char Workspace[] = "default"; // what MLflow >= 3.10 records outside a workspace
constexpr qsizetype MetricRunsPerRead = 256;

// RunStatus as the file store's meta.yaml holds it (unknown: RUNNING, as MLflow reads a missing one).
int runStatusNumber(const QString &status)
{
    static const QStringList names
        = {QStringLiteral("RUNNING"), QStringLiteral("SCHEDULED"), QStringLiteral("FINISHED"),
           QStringLiteral("FAILED"), QStringLiteral("KILLED")};
    const qsizetype index = names.indexOf(status);
    return index < 0 ? 1 : int(index) + 1;
}

QString md5Hex(const QString &a, const QString &b)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(a.toUtf8() + b.toUtf8(), QCryptographicHash::Md5).toHex());
}

// A key MLflow's file store keeps as a relative path: no empty, "." or ".." parts.
bool isRelativePath(const QString &key)
{
    if (key.isEmpty())
        return false;
    const QStringList parts = key.split(QLatin1Char('/'));
    return std::none_of(parts.begin(), parts.end(), [](const QString &part) {
        return part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..");
    });
}

} // namespace

FileStoreWriter::FileStoreWriter(MlflowStore &source, const QString &mlrunsFolder, const CancelFlag *cancel,
                                 const ProgressFn &progress)
    : m_source(source),
      m_target(QDir::cleanPath(QFileInfo(mlrunsFolder).absoluteFilePath())),
      m_cancel(cancel),
      m_progress(progress)
{
}

Error FileStoreWriter::cancelled() const
{
    return Error::make(Error::Cancelled,
                       tr("The export to %1 was cancelled; nothing was written.").arg(m_target));
}

Error FileStoreWriter::write()
{
    Result<ExperimentList> experiments = m_source.experiments(ViewType::All);
    if (!experiments)
        return experiments.error();
    if (Error e = checkTarget(*experiments); !e.ok())
        return e;
    StagedFolder staged(m_target);
    if (Error e = staged.create(); !e.ok())
        return e;
    m_root = staged.path();
    if (Error e = makeFolder(QStringLiteral(".trash")); !e.ok())
        return e;
    for (const Experiment &experiment : *experiments) {
        if (Error e = writeExperiment(experiment); !e.ok())
            return e;
    }
    if (Error e = writeRuns(); !e.ok())
        return e;
    if (Error e = writeRegistry(); !e.ok())
        return e;
    if (isCancelled())
        return cancelled();
    return staged.commit();
}

Error FileStoreWriter::checkTarget(const ExperimentList &experiments) const
{
    const QFileInfo target(m_target);
    if (!target.exists())
        return {};
    if (!target.isDir())
        return Error::make(
            Error::InvalidArgument,
            tr("%1 is a file; a file store is written into a new or empty folder.").arg(m_target));
    // The artifact folders the source's experiments keep inside the target may be there already.
    QSet<QString> artifactFolders;
    for (const Experiment &experiment : experiments) {
        if (localPathOfLocation(experiment.artifactLocation) == m_target + QLatin1Char('/') + experiment.id)
            artifactFolders.insert(experiment.id);
    }
    const QFileInfoList entries
        = QDir(m_target).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QFileInfo &entry : entries) {
        const bool artifactFolder = entry.isDir() && !entry.isSymLink()
            && artifactFolders.contains(entry.fileName())
            && !QFileInfo::exists(entry.filePath() + QStringLiteral("/meta.yaml"));
        if (!artifactFolder)
            return Error::make(
                Error::InvalidArgument,
                tr("%1 is not empty (it holds %2); a file store is written into a new or empty "
                   "folder.")
                    .arg(m_target, entry.fileName()));
    }
    return {};
}

Error FileStoreWriter::writeFile(const QString &path, const QByteArray &content)
{
    const QString absolute = m_root + QLatin1Char('/') + path;
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return Error::make(Error::Io, tr("Cannot create the folder for %1 in %2.").arg(path, m_root));
    QFile file(absolute);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(content) != content.size()
        || !file.flush()) {
        return Error::make(Error::Io, tr("Cannot write %1 in %2: %3").arg(path, m_root, file.errorString()));
    }
    return {};
}

Error FileStoreWriter::makeFolder(const QString &path)
{
    if (!QDir().mkpath(m_root + QLatin1Char('/') + path))
        return Error::make(Error::Io, tr("Cannot create the folder %1 in %2.").arg(path, m_root));
    return {};
}

Error FileStoreWriter::writeKeyFile(const QString &folder, const QString &key, const QString &value,
                                    const QString &owner)
{
    if (!isRelativePath(key))
        return Error::make(
            Error::Unsupported,
            tr("The key '%1' of %2 cannot be a file name in an MLflow file store.").arg(key, owner));
    return writeFile(folder + QLatin1Char('/') + key, value.toUtf8()); // no line break, as MLflow writes it
}

QString FileStoreWriter::locationInStore(const QString &location) const
{
    const QString path = localPathOfLocation(location);
    if (path == m_target || path.startsWith(m_target + QLatin1Char('/')))
        return pathToFileUri(path);
    return location;
}

Error FileStoreWriter::writeExperiment(const Experiment &experiment)
{
    if (!isRelativePath(experiment.id) || experiment.id.contains(QLatin1Char('/'))
        || experiment.id == QLatin1String(".trash") || experiment.id == QLatin1String("models")) {
        return Error::make(
            Error::Unsupported,
            tr("The experiment id '%1' cannot be a folder name in an MLflow file store.").arg(experiment.id));
    }
    const QString folder = experiment.isDeleted() ? QStringLiteral(".trash/") + experiment.id : experiment.id;
    m_experimentFolders.insert(experiment.id, folder);
    PyYamlMapping tags;
    for (const auto &[key, value] : experiment.tags)
        tags.string(key, value);
    PyYamlMapping meta;
    meta.string(QStringLiteral("artifact_location"), locationInStore(experiment.artifactLocation))
        .timeOrNull(QStringLiteral("creation_time"), experiment.creationTime)
        .string(QStringLiteral("experiment_id"), experiment.id)
        .timeOrNull(QStringLiteral("last_update_time"), experiment.lastUpdateTime)
        .string(QStringLiteral("lifecycle_stage"), experiment.lifecycleStage)
        .string(QStringLiteral("name"), experiment.name)
        .null(QStringLiteral("trace_location"))
        .string(QStringLiteral("workspace"), QLatin1String(Workspace));
    if (experiment.isDeleted()) {
        // delete_experiment rewrites meta.yaml from the whole entity, its tags included.
        meta.mapping(QStringLiteral("tags"), tags);
        m_deletedExperimentTimes.insert(experiment.id, experiment.lastUpdateTime);
    }
    if (Error e = writeYaml(folder + QStringLiteral("/meta.yaml"), meta); !e.ok())
        return e;
    // set_experiment_tag: tags/<key>, the value as the file's whole content.
    for (const auto &[key, value] : experiment.tags) {
        if (Error e = writeKeyFile(folder + QStringLiteral("/tags"), key, value,
                                   tr("experiment %1").arg(experiment.id));
            !e.ok())
            return e;
    }
    return {};
}

Error FileStoreWriter::writeRuns()
{
    RunQuery query;
    query.view = ViewType::All;
    Result<RunTable> table = m_source.runs(query, m_cancel);
    if (!table)
        return table.error();
    QStringList runIds;
    for (int row = 0; row < table->size(); ++row) {
        if (isCancelled())
            return cancelled();
        if (Error e = writeRun(*table, row); !e.ok())
            return e;
        runIds.append(table->run(row).runId);
        if (m_progress)
            m_progress(row + 1, table->size());
    }
    return writeMetricHistories(runIds);
}

Error FileStoreWriter::writeRun(const RunTable &table, int row)
{
    const RunAttributes &run = table.run(row);
    const QString experimentFolder = m_experimentFolders.value(run.experimentId);
    if (experimentFolder.isEmpty() || !isRelativePath(run.runId) || run.runId.contains(QLatin1Char('/')))
        return Error::make(
            Error::Unsupported,
            tr("The run '%1' of experiment %2 cannot be written as a folder of an MLflow file store.")
                .arg(run.runId, run.experimentId));
    const QString folder = experimentFolder + QLatin1Char('/') + run.runId;
    m_runFolders.insert(run.runId, folder);
    const QString owner = tr("run %1").arg(run.runId);

    // _make_persisted_run_info_dict: RunInfo's properties and the legacy fields.
    PyYamlMapping meta;
    meta.string(QStringLiteral("artifact_uri"), locationInStore(run.artifactUri))
        .timeOrNull(QStringLiteral("end_time"), run.endTime)
        .string(QStringLiteral("entry_point_name"), {})
        .string(QStringLiteral("experiment_id"), run.experimentId)
        .string(QStringLiteral("lifecycle_stage"), run.lifecycleStage)
        .string(QStringLiteral("run_id"), run.runId)
        .string(QStringLiteral("run_name"), run.runName)
        .string(QStringLiteral("source_name"), {})
        .integer(QStringLiteral("source_type"), 4) // SourceType.LOCAL
        .string(QStringLiteral("source_version"), {})
        .timeOrNull(QStringLiteral("start_time"), run.startTime)
        .integer(QStringLiteral("status"), runStatusNumber(run.status))
        .emptyList(QStringLiteral("tags"))
        .string(QStringLiteral("user_id"), run.userId);
    // create_run writes deleted_time: null; update_run_info (a run that ended) and restore_run
    // rewrite the file without it; delete_run and delete_experiment write the time. A store older
    // than runs.deleted_time (MLflow 1.28) has none: a run deleted with its experiment was
    // deleted when the experiment was, and another is written as such a store's file is.
    if (run.isDeleted()) {
        const qint64 deleted = run.deletedTime != NoTime
            ? run.deletedTime
            : m_deletedExperimentTimes.value(run.experimentId, NoTime);
        if (deleted != NoTime)
            meta.integer(QStringLiteral("deleted_time"), deleted);
    } else if (run.status == QLatin1String("RUNNING") && run.endTime == NoTime) {
        meta.null(QStringLiteral("deleted_time"));
    }
    if (Error e = writeYaml(folder + QStringLiteral("/meta.yaml"), meta); !e.ok())
        return e;
    // create_run makes these three; MLflow's get_run looks for them.
    for (const char *sub : {"metrics", "params", "artifacts"}) {
        if (Error e = makeFolder(folder + QLatin1Char('/') + QLatin1String(sub)); !e.ok())
            return e;
    }
    for (const RunTable::TextEntry &param : table.params(row)) {
        if (Error e = writeKeyFile(folder + QStringLiteral("/params"), table.paramKeys().at(param.key),
                                   table.textString(param), owner);
            !e.ok())
            return e;
    }
    for (const RunTable::TextEntry &tag : table.tags(row)) {
        if (Error e = writeKeyFile(folder + QStringLiteral("/tags"), table.tagKeys().at(tag.key),
                                   table.textString(tag), owner);
            !e.ok())
            return e;
    }
    return writeDatasets(run);
}

Error FileStoreWriter::writeDatasets(const RunAttributes &run)
{
    Result<DatasetInputList> datasets = m_source.datasets(run.runId);
    if (!datasets)
        return datasets.error();
    for (const DatasetInput &dataset : *datasets) {
        // log_inputs: the dataset once per experiment (dict(dataset): every property of MLflow's
        // Dataset, schema and profile None when not logged), an input per (dataset, run).
        const QString datasetId = md5Hex(dataset.name, dataset.digest);
        const QString datasetFolder
            = m_experimentFolders.value(run.experimentId) + QStringLiteral("/datasets/") + datasetId;
        if (!m_datasetFolders.contains(datasetFolder)) {
            m_datasetFolders.insert(datasetFolder);
            PyYamlMapping meta;
            meta.string(QStringLiteral("digest"), dataset.digest)
                .string(QStringLiteral("name"), dataset.name)
                .stringOrNull(QStringLiteral("profile"), dataset.profile)
                .stringOrNull(QStringLiteral("schema"), dataset.schema)
                .string(QStringLiteral("source"), dataset.source)
                .string(QStringLiteral("source_type"), dataset.sourceType);
            if (Error e = writeYaml(datasetFolder + QStringLiteral("/meta.yaml"), meta); !e.ok())
                return e;
        }
        PyYamlMapping tags;
        if (!dataset.context.isEmpty())
            tags.string(QStringLiteral("mlflow.data.context"), dataset.context);
        PyYamlMapping input;
        input
            .string(QStringLiteral("destination_id"), datasetId) // sic: MLflow writes the source id
            .string(QStringLiteral("destination_type"), QStringLiteral("RUN"))
            .string(QStringLiteral("source_id"), datasetId)
            .string(QStringLiteral("source_type"), QStringLiteral("DATASET"))
            .mapping(QStringLiteral("tags"), tags);
        const QString inputFolder
            = m_runFolders.value(run.runId) + QStringLiteral("/inputs/") + md5Hex(datasetId, run.runId);
        if (QFileInfo::exists(m_root + QLatin1Char('/') + inputFolder))
            continue; // log_inputs writes an input once (the same dataset seen twice)
        if (Error e = writeYaml(inputFolder + QStringLiteral("/meta.yaml"), input); !e.ok())
            return e;
    }
    return {};
}

Error FileStoreWriter::writeMetricHistories(const QStringList &runIds)
{
    Error writeError;
    CancelFlag stop {false};
    const auto deliver = [&](MetricSeries &&series) {
        if (!writeError.ok() || stop.load())
            return;
        if (isCancelled()) {
            stop.store(true);
            return;
        }
        // `<timestamp> <value> <step>` per logged value, as _log_run_metric appends them.
        QByteArray lines;
        lines.reserve(series.size() * 40);
        for (qsizetype i = 0; i < series.size(); ++i) {
            const double value = series.values[size_t(i)];
            const double logged
                = isInfinitySentinel(value) ? value * std::numeric_limits<double>::infinity() : value;
            lines += QByteArray::number(series.timestamps[size_t(i)]) + ' ' + pythonFloat(logged) + ' '
                + QByteArray::number(series.steps[size_t(i)]) + '\n';
        }
        const QString folder = m_runFolders.value(series.runId) + QStringLiteral("/metrics");
        if (!isRelativePath(series.key)) {
            writeError
                = Error::make(Error::Unsupported,
                              tr("The key '%1' of run %2 cannot be a file name in an MLflow file store.")
                                  .arg(series.key, series.runId));
        } else {
            writeError = writeFile(folder + QLatin1Char('/') + series.key, lines);
        }
        if (!writeError.ok())
            stop.store(true);
    };
    for (qsizetype first = 0; first < runIds.size(); first += MetricRunsPerRead) {
        const Error read
            = m_source.readMetricSeries(runIds.mid(first, MetricRunsPerRead), {}, deliver, &stop);
        if (!writeError.ok())
            return writeError;
        if (isCancelled())
            return cancelled();
        if (!read.ok())
            return read;
    }
    return {};
}

Error exportToFileStore(MlflowStore &source, const QString &mlrunsFolder, const CancelFlag *cancel,
                        const ProgressFn &progress)
{
    return FileStoreWriter(source, mlrunsFolder, cancel, progress).write();
}

} // namespace Store
