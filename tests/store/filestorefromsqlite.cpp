#include "filestorefixture.h"
#include "sqlitehandle.h"

#include <QDir>
#include <QSet>

#include <limits>

// FileStoreFixture::mlrunsFromSqlite(): a SQLite MLflow store written as the mlruns folder MLflow's
// file store would hold for it, so that the backend-neutral store tests run on both backends.

namespace FileStoreFixture {

namespace {

using Store::SqliteConnection;
using Store::SqliteStatement;

struct Source
{
    SqliteConnection db;
    QSet<QString> tables;

    bool hasColumn(const char *table, const char *column)
    {
        SqliteStatement info(db, QByteArray("PRAGMA table_info(\"") + table + "\")");
        while (info.step()) {
            if (info.string(1) == QLatin1String(column))
                return true;
        }
        return false;
    }
};

qint64 timeOf(const SqliteStatement &row, int column)
{
    return row.isNull(column) ? Null : row.int64(column);
}

void writeTracking(Source &source, MlrunsWriter &out)
{
    const bool times = source.hasColumn("experiments", "creation_time");
    SqliteStatement experiments(source.db,
                                QByteArray("SELECT experiment_id, name, lifecycle_stage, ")
                                    + (times ? "creation_time" : "NULL") + " FROM experiments");
    while (experiments.step()) {
        const QString stage = experiments.string(2);
        out.experiment(experiments.string(0), experiments.string(1), stage, timeOf(experiments, 3),
                       stage == QLatin1String("deleted"));
    }
    if (source.tables.contains(QStringLiteral("experiment_tags"))) {
        SqliteStatement tags(source.db, "SELECT experiment_id, \"key\", value FROM experiment_tags");
        while (tags.step())
            out.experimentTag(tags.string(0), tags.string(1), tags.string(2));
    }

    // Every era of meta.yaml, one run after the other: all must read alike.
    const Era eras[] = {Era::Mlflow1_2, Era::Mlflow1_30, Era::Mlflow3, Era::StatusName};
    const bool deletedTime = source.hasColumn("runs", "deleted_time");
    SqliteStatement runs(
        source.db,
        QByteArray("SELECT run_uuid, name, experiment_id, user_id, status, start_time, end_time, "
                   "lifecycle_stage, artifact_uri, ")
            + (deletedTime ? "deleted_time" : "NULL") + " FROM runs ORDER BY rowid");
    int index = 0;
    while (runs.step()) {
        Run run;
        run.id = runs.string(0);
        run.name = runs.string(1);
        run.experimentId = runs.string(2);
        run.user = runs.string(3);
        run.status = runs.string(4);
        run.startTime = timeOf(runs, 5);
        run.endTime = timeOf(runs, 6);
        run.lifecycleStage = runs.string(7);
        run.artifactUri = runs.string(8);
        run.deletedTime = timeOf(runs, 9);
        run.era = eras[index++ % 4];
        // MLflow 1.2's file store kept the name only in tags; a name written there by MLflow is
        // in the tags table already.
        if (run.era == Era::Mlflow1_2)
            run.name.clear();
        out.run(run);
    }
    for (const char *table : {"params", "tags"}) {
        if (!source.tables.contains(QLatin1String(table)))
            continue;
        SqliteStatement rows(source.db, QByteArray("SELECT run_uuid, \"key\", value FROM ") + table);
        while (rows.step()) {
            if (table == std::string_view("params"))
                out.param(rows.string(0), rows.string(1), rows.string(2));
            else
                out.tag(rows.string(0), rows.string(1), rows.string(2));
        }
    }
    const bool step = source.hasColumn("metrics", "step");
    const bool isNan = source.hasColumn("metrics", "is_nan");
    SqliteStatement metrics(source.db,
                            QByteArray("SELECT run_uuid, \"key\", value, timestamp, ")
                                + (step ? "step" : "NULL") + ", " + (isNan ? "is_nan" : "0")
                                + " FROM metrics ORDER BY rowid");
    while (metrics.step()) {
        const double value = metrics.int64(5) ? std::numeric_limits<double>::quiet_NaN() : metrics.real(2);
        if (step) {
            out.metric(metrics.string(0), metrics.string(1), metrics.int64(3), value, metrics.int64(4));
        } else { // before MLflow 1.0: "<timestamp> <value>"
            out.metricText(metrics.string(0), metrics.string(1),
                           QByteArray::number(metrics.int64(3)) + ' ' + pythonFloat(value) + '\n');
        }
    }
}

void writeDatasets(Source &source, MlrunsWriter &out)
{
    if (!source.tables.contains(QStringLiteral("datasets"))
        || !source.tables.contains(QStringLiteral("inputs")))
        return;
    SqliteStatement datasets(source.db,
                             "SELECT dataset_uuid, experiment_id, name, digest, dataset_source_type, "
                             "dataset_source, dataset_schema, dataset_profile FROM datasets");
    while (datasets.step()) {
        out.dataset(datasets.string(1), datasets.string(0), datasets.string(2), datasets.string(3),
                    datasets.string(4), datasets.string(5), datasets.string(6), datasets.string(7));
    }
    SqliteStatement inputs(
        source.db,
        "SELECT i.input_uuid, i.destination_id, i.source_id, (SELECT t.value FROM input_tags t "
        "WHERE t.input_uuid = i.input_uuid AND t.name = 'mlflow.data.context') FROM inputs i "
        "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN'");
    while (inputs.step())
        out.input(inputs.string(1), inputs.string(0), inputs.string(2), inputs.string(3));
}

void writeRegistry(Source &source, MlrunsWriter &out)
{
    if (!source.tables.contains(QStringLiteral("registered_models")))
        return;
    SqliteStatement models(
        source.db, "SELECT name, creation_time, last_updated_time, description FROM registered_models");
    while (models.step())
        out.registeredModel(models.string(0), timeOf(models, 1), timeOf(models, 2), models.string(3));
    if (source.tables.contains(QStringLiteral("registered_model_tags"))) {
        SqliteStatement tags(source.db, "SELECT name, \"key\", value FROM registered_model_tags");
        while (tags.step())
            out.registeredModelTag(tags.string(0), tags.string(1), tags.string(2));
    }
    if (source.tables.contains(QStringLiteral("registered_model_aliases"))) {
        SqliteStatement aliases(source.db, "SELECT name, alias, version FROM registered_model_aliases");
        while (aliases.step())
            out.alias(aliases.string(0), aliases.string(1), int(aliases.int64(2)));
    }
    const bool runLink = source.hasColumn("model_versions", "run_link");
    const bool storage = source.hasColumn("model_versions", "storage_location");
    SqliteStatement versions(source.db,
                             QByteArray("SELECT name, version, current_stage, run_id, source, description, "
                                        "creation_time, last_updated_time, status, status_message, user_id, ")
                                 + (runLink ? "run_link" : "NULL") + ", "
                                 + (storage ? "storage_location" : "NULL") + " FROM model_versions");
    while (versions.step()) {
        MlrunsWriter::Version v;
        v.version = int(versions.int64(1));
        v.stage = versions.isNull(2) ? QStringLiteral("None") : versions.string(2);
        v.runId = versions.string(3);
        v.source = versions.string(4);
        v.description = versions.string(5);
        v.creation = timeOf(versions, 6);
        v.lastUpdated = timeOf(versions, 7);
        v.status = versions.string(8);
        v.statusMessage = versions.string(9);
        v.userId = versions.string(10);
        v.runLink = versions.string(11);
        v.storageLocation = versions.string(12);
        out.modelVersion(versions.string(0), v);
    }
    if (source.tables.contains(QStringLiteral("model_version_tags"))) {
        SqliteStatement tags(source.db, "SELECT name, version, \"key\", value FROM model_version_tags");
        while (tags.step())
            out.modelVersionTag(tags.string(0), int(tags.int64(1)), tags.string(2), tags.string(3));
    }
}

} // namespace

bool mlrunsFromSqlite(const QString &dbPath, const QString &root)
{
    Source source;
    if (!source.db.open(dbPath, SqliteConnection::Mode::ReadOnly, 1000).ok())
        return false;
    {
        SqliteStatement tables(source.db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (tables.step())
            source.tables.insert(tables.string(0));
    }
    if (!QDir().mkpath(root))
        return false;
    MlrunsWriter out(QDir(root).absolutePath());
    writeTracking(source, out);
    writeDatasets(source, out);
    writeRegistry(source, out);
    return out.ok();
}

} // namespace FileStoreFixture
