#include "storebuilder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <sqlite3.h>
#include <tuple>

// The schema is a Qt resource of the static kaizen_store library; registering it explicitly
// keeps it reachable whatever the linker keeps of the library. Q_INIT_RESOURCE must be called
// outside any namespace.
static void initSchemaResource()
{
    Q_INIT_RESOURCE(kaizen_schema);
}

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::StoreBuilder", text);
}

const QString SchemaResource = QStringLiteral(":/schema/mlflow-c9d4e5f6a7b8.sql");

// MLflow names unnamed runs "<adjective>-<noun>-<number>"; these lists are our own.
const char *const NameAdjectives[]
    = {"amber", "brisk", "calm",  "dapper", "eager",  "fuzzy", "gentle", "humble",
       "jolly", "keen",  "lucky", "merry",  "nimble", "proud", "quiet",  "sturdy"};
const char *const NameNouns[] = {"badger", "crane", "dolphin", "falcon", "gecko", "heron", "ibis",  "lynx",
                                 "marten", "otter", "panda",   "quail",  "raven", "stork", "tapir", "wren"};

} // namespace

// Prepared once per build and reused for every row.
struct StoreBuilder::Statements
{
    explicit Statements(const SqliteConnection &db)
        : insertExperiment(
            db,
            "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, "
            "last_update_time) VALUES (?1, NULL, 'active', ?2, ?2)"),
          setExperimentLocation(db, "UPDATE experiments SET artifact_location = ?1 WHERE experiment_id = ?2"),
          upsertExperimentTag(
              db,
              "INSERT INTO experiment_tags (\"key\", value, experiment_id) VALUES (?1, ?2, ?3) "
              "ON CONFLICT (\"key\", experiment_id) DO UPDATE SET value = excluded.value"),
          deleteExperiment(db,
                           "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ?1 "
                           "WHERE experiment_id = ?2"),
          deleteExperimentRuns(db,
                               "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?1 "
                               "WHERE experiment_id = ?2"),
          // As MLflow's SQL store: source_type UNKNOWN and '' in the legacy source columns.
          insertRun(db,
                    "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
                    "status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, "
                    "experiment_id, deleted_time) "
                    "VALUES (?1, ?2, 'UNKNOWN', '', '', ?3, ?4, ?5, ?6, '', 'active', ?7, ?8, NULL)"),
          deleteRun(db, "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?1 WHERE run_uuid = ?2"),
          renameRun(db, "UPDATE runs SET name = ?1 WHERE run_uuid = ?2"),
          runArtifactUri(db, "SELECT artifact_uri FROM runs WHERE run_uuid = ?1"),
          upsertTag(db,
                    "INSERT INTO tags (\"key\", value, run_uuid) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value"),
          insertParam(
              db, "INSERT INTO params (\"key\", value, run_uuid) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"),
          selectParam(db, "SELECT value FROM params WHERE \"key\" = ?1 AND run_uuid = ?2"),
          // An exact duplicate (same key, timestamp, step, run, value, is_nan) is dropped, as MLflow does.
          insertMetric(db,
                       "INSERT INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING"),
          // MLflow's rule (format notes 2.5): the larger (step, timestamp, value) wins, ties keep the row.
          upsertLatestMetric(db,
                             "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) "
                             "VALUES (?1, ?2, ?3, ?5, ?6, ?4) "
                             "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value, "
                             "timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan "
                             "WHERE (excluded.step, excluded.timestamp, excluded.value) "
                             "> (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)")
    {
    }

    SqliteStatement insertExperiment;
    SqliteStatement setExperimentLocation;
    SqliteStatement upsertExperimentTag;
    SqliteStatement deleteExperiment;
    SqliteStatement deleteExperimentRuns;
    SqliteStatement insertRun;
    SqliteStatement deleteRun;
    SqliteStatement renameRun;
    SqliteStatement runArtifactUri;
    SqliteStatement upsertTag;
    SqliteStatement insertParam;
    SqliteStatement selectParam;
    SqliteStatement insertMetric;
    SqliteStatement upsertLatestMetric;

    struct ExperimentState
    {
        QString artifactLocation;
        bool deleted = false;
    };
    QHash<qint64, ExperimentState> experiments; // few, looked up for every run

    const SqliteStatement *firstInvalid() const
    {
        for (const SqliteStatement *s :
             {&insertExperiment, &setExperimentLocation, &upsertExperimentTag, &deleteExperiment,
              &deleteExperimentRuns, &insertRun, &deleteRun, &renameRun, &runArtifactUri, &upsertTag,
              &insertParam, &selectParam, &insertMetric, &upsertLatestMetric}) {
            if (!s->isValid())
                return s;
        }
        return nullptr;
    }
};

StoreBuilder::StoreBuilder() = default;

StoreBuilder::~StoreBuilder()
{
    if (m_finished)
        return;
    // An unfinished build is useless: leave no half-written file behind.
    m_statements.reset();
    if (m_inTransaction && m_db)
        m_db->exec("ROLLBACK");
    m_db.reset();
    QFile::remove(m_path);
}

Result<std::unique_ptr<StoreBuilder>> StoreBuilder::create(const QString &path, const Options &options)
{
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return Error::make(
            Error::InvalidArgument,
            tr("%1 already exists; a new store needs a new file.").arg(info.absoluteFilePath()));
    if (!info.absoluteDir().exists())
        return Error::make(Error::NotFound,
                           tr("Cannot create %1: the folder does not exist.").arg(info.absoluteFilePath()));

    std::unique_ptr<StoreBuilder> builder(new StoreBuilder);
    builder->m_db = std::make_unique<SqliteConnection>();
    builder->m_path = info.absoluteFilePath();
    if (Error error = builder->m_db->open(builder->m_path, SqliteConnection::Mode::Create, 20000);
        !error.ok()) {
        error.message = tr("Cannot create %1: %2").arg(builder->m_path, error.message);
        return error;
    }
    if (Error error = builder->initialize(options); !error.ok())
        return error; // the destructor removes the file
    return builder;
}

Error StoreBuilder::initialize(const Options &options)
{
    m_now = options.now == NoTime ? QDateTime::currentMSecsSinceEpoch() : options.now;
    m_random.seed(options.seed);
    m_artifactRoot = options.artifactRoot;
    if (m_artifactRoot.isEmpty())
        m_artifactRoot = QFileInfo(m_path).absolutePath() + QLatin1String("/mlruns");
    while (m_artifactRoot.size() > 1 && m_artifactRoot.endsWith(QLatin1Char('/')))
        m_artifactRoot.chop(1);

    initSchemaResource();
    QFile schemaFile(SchemaResource);
    if (!schemaFile.open(QIODevice::ReadOnly))
        return Error::make(Error::Internal,
                           tr("The MLflow schema resource %1 is missing.").arg(SchemaResource));
    const QByteArray schema = schemaFile.readAll();

    // As MLflow's sessions do; FK clauses act only with foreign_keys on (set outside a transaction).
    // The file is new and useless if the build fails, so durability is not needed until the end.
    const auto context = [this](Error error) {
        error.message = tr("Cannot create %1: %2").arg(m_path, error.message);
        return error;
    };
    for (const char *pragma :
         {"PRAGMA foreign_keys = ON", "PRAGMA case_sensitive_like = ON", "PRAGMA synchronous = OFF",
          "PRAGMA journal_mode = MEMORY", "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -131072"}) {
        if (Error error = m_db->exec(pragma); !error.ok())
            return context(error);
    }
    if (Error error = m_db->exec("BEGIN"); !error.ok())
        return context(error);
    m_inTransaction = true;
    if (Error error = m_db->exec(schema.constData()); !error.ok())
        return context(error);

    if (options.deferIndexes) {
        SqliteStatement indexes(
            *m_db,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('params', 'tags', 'metrics', 'latest_metrics') ORDER BY rowid");
        QList<QByteArray> names;
        while (indexes.step()) {
            names.append(indexes.string(0).toUtf8());
            m_deferredIndexes.append(indexes.string(1).toUtf8());
        }
        for (const QByteArray &name : std::as_const(names)) {
            if (Error error = m_db->exec("DROP INDEX \"" + name + "\""); !error.ok())
                return context(error);
        }
    }

    m_statements = std::make_unique<Statements>(*m_db);
    if (const SqliteStatement *invalid = m_statements->firstInvalid())
        return context(invalid->error());

    // What MLflow writes when it initialises a store: the revision and experiment 0.
    {
        SqliteStatement version(*m_db, "INSERT INTO alembic_version (version_num) VALUES (?1)");
        version.bind(1, std::string_view(Revision));
        if (Error error = version.execute(); !error.ok())
            return context(error);
    }
    {
        // experiments.workspace (MLflow >= 3.10) would default to 'default'; this revision has none.
        SqliteStatement defaultExperiment(*m_db,
                                          "INSERT INTO experiments (experiment_id, name, artifact_location, "
                                          "lifecycle_stage, creation_time, last_update_time) "
                                          "VALUES (0, 'Default', ?1, 'active', ?2, ?2)");
        const QString location = m_artifactRoot + QLatin1String("/0");
        defaultExperiment.bind(1, location);
        defaultExperiment.bind(2, m_now);
        if (Error error = defaultExperiment.execute(); !error.ok())
            return context(error);
        m_statements->experiments.insert(0, {location, false});
    }
    return {};
}

Error StoreBuilder::finish()
{
    if (m_finished)
        return m_error;
    if (!canWrite())
        return m_error; // the destructor rolls back and removes the file
    m_statements.reset();
    // Sorting once is far cheaper than growing an index row by row.
    for (const QByteArray &sql : std::as_const(m_deferredIndexes)) {
        if (Error error = m_db->exec(sql.constData()); !error.ok()) {
            fail(error);
            return m_error;
        }
    }
    if (Error error = m_db->exec("COMMIT"); !error.ok()) {
        fail(error);
        return m_error;
    }
    m_inTransaction = false;
    m_db.reset();
    m_finished = true;
    return {};
}

bool StoreBuilder::canWrite()
{
    if (hasError())
        return false;
    if (!m_statements)
        return fail(Error::make(Error::Internal, tr("The store %1 is already finished.").arg(m_path)));
    return true;
}

bool StoreBuilder::fail(Error error)
{
    if (m_error.ok())
        m_error = std::move(error);
    return false;
}

bool StoreBuilder::fail(const QString &context)
{
    return fail(Error::make(Error::InvalidArgument, context));
}

template<typename Describe> bool StoreBuilder::run(SqliteStatement &statement, const Describe &describe)
{
    Error error = statement.execute();
    if (error.ok())
        return true;
    error.message = describe() + QLatin1String(": ") + error.message;
    return fail(error);
}

bool StoreBuilder::run(SqliteStatement &statement, const QString &context)
{
    Error error = statement.execute();
    if (error.ok())
        return true;
    error.message = context + QLatin1String(": ") + error.message;
    return fail(error);
}

QString StoreBuilder::newUuidHex()
{
    // uuid4: 122 random bits, version nibble 4, variant bits 10; lower-case hex like uuid.uuid4().hex.
    quint64 hi = m_random.generate64();
    quint64 lo = m_random.generate64();
    hi = (hi & ~quint64(0xf000)) | quint64(0x4000);
    lo = (lo & ~(quint64(0xc) << 60)) | (quint64(0x8) << 60);
    return QStringLiteral("%1%2").arg(hi, 16, 16, QLatin1Char('0')).arg(lo, 16, 16, QLatin1Char('0'));
}

std::pair<double, bool> StoreBuilder::sanitizeMetricValue(double value)
{
    if (std::isnan(value))
        return {0.0, true};
    if (std::isinf(value))
        return {value > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max(), false};
    return {value, false};
}

QString StoreBuilder::canonicalStage(const QString &stage)
{
    for (const char *name : {"None", "Staging", "Production", "Archived"}) {
        if (stage.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return QLatin1String(name);
    }
    return {};
}

qint64 StoreBuilder::addExperiment(const ExperimentSpec &spec)
{
    if (!canWrite())
        return -1;
    const QString context = tr("Cannot add experiment %1").arg(spec.name);
    if (spec.name.trimmed().isEmpty()) {
        fail(tr("An experiment needs a name"));
        return -1;
    }
    Statements &s = *m_statements;
    const qint64 time = timeOr(spec.creationTime);
    s.insertExperiment.bind(1, spec.name);
    s.insertExperiment.bind(2, time);
    if (!run(s.insertExperiment, context))
        return -1;
    // Like MLflow: insert first, then derive the default location from the id the row got.
    const qint64 id = sqlite3_last_insert_rowid(m_db->handle());
    const QString location = spec.artifactLocation.isEmpty()
        ? m_artifactRoot + QLatin1Char('/') + QString::number(id)
        : spec.artifactLocation;
    s.setExperimentLocation.bind(1, location);
    s.setExperimentLocation.bind(2, id);
    if (!run(s.setExperimentLocation, context))
        return -1;
    s.experiments.insert(id, {location, false});
    for (const auto &[key, value] : spec.tags)
        setExperimentTag(id, key, value);
    if (!spec.description.isEmpty())
        setExperimentTag(id, QLatin1String(Tags::Note), spec.description);
    return hasError() ? -1 : id;
}

void StoreBuilder::setExperimentTag(qint64 experimentId, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    s.upsertExperimentTag.bind(1, key);
    s.upsertExperimentTag.bind(2, value);
    s.upsertExperimentTag.bind(3, experimentId);
    run(s.upsertExperimentTag, tr("Cannot set tag %1 of experiment %2").arg(key).arg(experimentId));
}

void StoreBuilder::deleteExperiment(qint64 experimentId, qint64 time)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    const QString context = tr("Cannot delete experiment %1").arg(experimentId);
    if (!s.experiments.contains(experimentId)) {
        fail(Error::make(Error::NoSuchExperiment, context + tr(": no such experiment")));
        return;
    }
    time = timeOr(time);
    s.deleteExperiment.bind(1, time);
    s.deleteExperiment.bind(2, experimentId);
    s.deleteExperimentRuns.bind(1, time);
    s.deleteExperimentRuns.bind(2, experimentId);
    if (run(s.deleteExperiment, context) && run(s.deleteExperimentRuns, context))
        s.experiments[experimentId].deleted = true;
}

QString StoreBuilder::experimentArtifactLocation(qint64 experimentId)
{
    return m_statements ? m_statements->experiments.value(experimentId).artifactLocation : QString();
}

QString StoreBuilder::addRun(const RunSpec &spec)
{
    if (!canWrite())
        return {};
    Statements &s = *m_statements;
    const auto experiment = s.experiments.constFind(spec.experimentId);
    if (experiment == s.experiments.constEnd()) {
        fail(Error::make(Error::NoSuchExperiment,
                         tr("Cannot add a run to experiment %1: no such experiment").arg(spec.experimentId)));
        return {};
    }
    if (experiment->deleted) {
        fail(tr("Cannot add a run to experiment %1: it is deleted").arg(spec.experimentId));
        return {};
    }

    // runs.name and tag mlflow.runName agree, as MLflow's create_run makes sure.
    QString name = spec.name;
    for (const auto &[key, value] : spec.tags) {
        if (key != QLatin1String(Tags::RunName))
            continue;
        if (!name.isEmpty() && name != value) {
            fail(tr("Cannot add run %1: its name and its tag mlflow.runName (%2) differ").arg(name, value));
            return {};
        }
        name = value;
    }
    if (name.isEmpty()) {
        name = QStringLiteral("%1-%2-%3")
                   .arg(QLatin1String(NameAdjectives[m_random.bounded(int(std::size(NameAdjectives)))]),
                        QLatin1String(NameNouns[m_random.bounded(int(std::size(NameNouns)))]))
                   .arg(m_random.bounded(1000));
    }

    const QString runId = spec.runId.isEmpty() ? newUuidHex() : spec.runId;
    const auto context = [&runId] { return tr("Cannot add run %1").arg(runId); };
    s.insertRun.bind(1, runId);
    s.insertRun.bind(2, name);
    if (spec.userId.isEmpty())
        s.insertRun.bindNull(3);
    else
        s.insertRun.bind(3, spec.userId);
    s.insertRun.bind(4, spec.status);
    s.insertRun.bind(5, timeOr(spec.startTime));
    if (spec.endTime == NoTime)
        s.insertRun.bindNull(6);
    else
        s.insertRun.bind(6, spec.endTime);
    s.insertRun.bind(7,
                     experiment->artifactLocation + QLatin1Char('/') + runId + QLatin1String("/artifacts"));
    s.insertRun.bind(8, spec.experimentId);
    if (!run(s.insertRun, context))
        return {};

    static const QString runNameKey = QLatin1String(Tags::RunName);
    static const QString userKey = QLatin1String(Tags::User);
    for (const auto &[key, value] : spec.tags) {
        if (key != runNameKey)
            insertTag(runId, key, value);
    }
    insertTag(runId, runNameKey, name);
    if (!spec.userId.isEmpty())
        insertTag(runId, userKey, spec.userId);
    if (!spec.parentRunId.isEmpty())
        insertTag(runId, QLatin1String(Tags::ParentRunId), spec.parentRunId);
    if (!spec.note.isEmpty())
        insertTag(runId, QLatin1String(Tags::Note), spec.note);
    return hasError() ? QString() : runId;
}

void StoreBuilder::updateRun(const QString &runId, const QString &status, qint64 endTime)
{
    if (!canWrite())
        return;
    SqliteStatement update(*m_db, "UPDATE runs SET status = ?1, end_time = ?2 WHERE run_uuid = ?3");
    update.bind(1, status);
    if (endTime == NoTime)
        update.bindNull(2);
    else
        update.bind(2, endTime);
    update.bind(3, runId);
    const QString context = tr("Cannot update run %1").arg(runId);
    if (run(update, context) && sqlite3_changes(m_db->handle()) == 0)
        fail(Error::make(Error::NoSuchRun, context + tr(": no such run")));
}

void StoreBuilder::deleteRun(const QString &runId, qint64 time)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    s.deleteRun.bind(1, timeOr(time));
    s.deleteRun.bind(2, runId);
    const QString context = tr("Cannot delete run %1").arg(runId);
    if (run(s.deleteRun, context) && sqlite3_changes(m_db->handle()) == 0)
        fail(Error::make(Error::NoSuchRun, context + tr(": no such run")));
}

QString StoreBuilder::runArtifactUri(const QString &runId)
{
    if (!m_statements)
        return {};
    SqliteStatement &query = m_statements->runArtifactUri;
    query.reset();
    query.bind(1, runId);
    const QString uri = query.step() ? query.string(0) : QString();
    query.reset();
    return uri;
}

void StoreBuilder::logParam(const QString &runId, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    s.insertParam.bind(1, key);
    s.insertParam.bind(2, value);
    s.insertParam.bind(3, runId);
    if (!run(s.insertParam, [&] { return tr("Cannot log param %1 of run %2").arg(key, runId); }))
        return;
    if (sqlite3_changes(m_db->handle()) > 0)
        return;
    // Already logged: the same value is a no-op, another one is refused (MLflow's rule).
    SqliteStatement &existing = s.selectParam;
    existing.reset();
    existing.bind(1, key);
    existing.bind(2, runId);
    const QString stored = existing.step() ? existing.string(0) : QString();
    existing.reset();
    if (stored != value) {
        fail(tr("Cannot log param %1 of run %2: changing param values is not allowed (%3 -> %4)")
                 .arg(key, runId, stored, value));
    }
}

void StoreBuilder::setTag(const QString &runId, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    insertTag(runId, key, value);
    if (key == QLatin1String(Tags::RunName) && !hasError()) {
        Statements &s = *m_statements;
        s.renameRun.bind(1, value);
        s.renameRun.bind(2, runId);
        run(s.renameRun, [&] { return tr("Cannot rename run %1").arg(runId); });
    }
}

void StoreBuilder::insertTag(const QString &runId, const QString &key, const QString &value)
{
    if (hasError())
        return;
    Statements &s = *m_statements;
    s.upsertTag.bind(1, key);
    s.upsertTag.bind(2, value);
    s.upsertTag.bind(3, runId);
    run(s.upsertTag, [&] { return tr("Cannot set tag %1 of run %2").arg(key, runId); });
}

void StoreBuilder::logMetric(const QString &runId, const QString &key, double value, qint64 timestamp,
                             qint64 step)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    const auto [stored, isNan] = sanitizeMetricValue(value);
    s.insertMetric.bind(1, key);
    s.insertMetric.bind(2, stored);
    s.insertMetric.bind(3, timestamp);
    s.insertMetric.bind(4, runId);
    s.insertMetric.bind(5, step);
    s.insertMetric.bind(6, qint64(isNan));
    const auto context = [&] { return tr("Cannot log metric %1 of run %2").arg(key, runId); };
    if (!run(s.insertMetric, context))
        return;
    if (sqlite3_changes(m_db->handle()) == 0)
        return; // a duplicate row; it cannot change the latest value either
    SqliteStatement &latest = s.upsertLatestMetric;
    latest.bind(1, key);
    latest.bind(2, stored);
    latest.bind(3, timestamp);
    latest.bind(4, runId);
    latest.bind(5, step);
    latest.bind(6, qint64(isNan));
    run(latest, context);
}

void StoreBuilder::logMetricHistory(const QString &runId, const QString &key, std::span<const qint64> steps,
                                    std::span<const qint64> timestamps, std::span<const double> values)
{
    if (!canWrite())
        return;
    if (steps.size() != values.size() || timestamps.size() != values.size()) {
        fail(tr("Cannot log metric %1 of run %2: %3 steps, %4 timestamps, %5 values")
                 .arg(key)
                 .arg(runId)
                 .arg(steps.size())
                 .arg(timestamps.size())
                 .arg(values.size()));
        return;
    }
    Statements &s = *m_statements;
    const auto context = [&] { return tr("Cannot log metric %1 of run %2").arg(key, runId); };
    // Bindings survive the reset after each row: key and run are bound once.
    s.insertMetric.bind(1, key);
    s.insertMetric.bind(4, runId);
    bool hasLatest = false;
    double latestValue = 0;
    qint64 latestStep = 0, latestTimestamp = 0;
    bool latestIsNan = false;
    for (size_t i = 0; i < values.size(); ++i) {
        const auto [stored, isNan] = sanitizeMetricValue(values[i]);
        s.insertMetric.bind(2, stored);
        s.insertMetric.bind(3, timestamps[i]);
        s.insertMetric.bind(5, steps[i]);
        s.insertMetric.bind(6, qint64(isNan));
        if (!run(s.insertMetric, context))
            return;
        if (sqlite3_changes(m_db->handle()) == 0)
            continue; // a duplicate row
        // logMetric()'s upsert rule, row by row: the larger (step, timestamp, value) wins.
        if (!hasLatest
            || std::tie(steps[i], timestamps[i], stored)
                > std::tie(latestStep, latestTimestamp, latestValue)) {
            hasLatest = true;
            latestStep = steps[i];
            latestTimestamp = timestamps[i];
            latestValue = stored;
            latestIsNan = isNan;
        }
    }
    if (!hasLatest)
        return;
    SqliteStatement &latest = s.upsertLatestMetric;
    latest.bind(1, key);
    latest.bind(2, latestValue);
    latest.bind(3, latestTimestamp);
    latest.bind(4, runId);
    latest.bind(5, latestStep);
    latest.bind(6, qint64(latestIsNan));
    run(latest, context);
}

QString StoreBuilder::addDataset(const DatasetSpec &spec)
{
    if (!canWrite())
        return {};
    const QString context = tr("Cannot add dataset %1").arg(spec.name);
    // MLflow reuses the row of an (experiment, name, digest) it has seen.
    SqliteStatement existing(*m_db,
                             "SELECT dataset_uuid FROM datasets WHERE experiment_id = ?1 AND name = ?2 "
                             "AND digest = ?3");
    existing.bind(1, spec.experimentId);
    existing.bind(2, spec.name);
    existing.bind(3, spec.digest);
    if (existing.step())
        return existing.string(0);
    if (!existing.error().ok()) {
        fail(existing.error());
        return {};
    }

    const QString uuid = newUuidHex();
    SqliteStatement insert(*m_db,
                           "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, "
                           "dataset_source_type, dataset_source, dataset_schema, dataset_profile) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, uuid);
    insert.bind(2, spec.experimentId);
    insert.bind(3, spec.name);
    insert.bind(4, spec.digest);
    insert.bind(5, spec.sourceType);
    insert.bind(6, spec.source);
    if (spec.schema.isEmpty())
        insert.bindNull(7);
    else
        insert.bind(7, spec.schema);
    if (spec.profile.isEmpty())
        insert.bindNull(8);
    else
        insert.bind(8, spec.profile);
    return run(insert, context) ? uuid : QString();
}

void StoreBuilder::logInput(const QString &runId, const QString &datasetUuid, const QString &context,
                            const TagList &tags)
{
    if (!canWrite())
        return;
    const QString where = tr("Cannot log dataset %1 as input of run %2").arg(datasetUuid, runId);
    SqliteStatement dataset(*m_db, "SELECT 1 FROM datasets WHERE dataset_uuid = ?1");
    dataset.bind(1, datasetUuid);
    if (!dataset.step()) {
        fail(where + tr(": no such dataset"));
        return;
    }
    const QString inputUuid = newUuidHex();
    SqliteStatement input(*m_db,
                          "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, "
                          "destination_id, step) VALUES (?1, 'DATASET', ?2, 'RUN', ?3, 0) "
                          "ON CONFLICT DO NOTHING");
    input.bind(1, inputUuid);
    input.bind(2, datasetUuid);
    input.bind(3, runId);
    if (!run(input, where) || sqlite3_changes(m_db->handle()) == 0)
        return; // MLflow skips an input it already has

    TagList all = tags;
    if (!context.isEmpty())
        all.append({QStringLiteral("mlflow.data.context"), context});
    SqliteStatement tag(*m_db, "INSERT INTO input_tags (input_uuid, name, value) VALUES (?1, ?2, ?3)");
    for (const auto &[name, value] : all) {
        tag.bind(1, inputUuid);
        tag.bind(2, name);
        tag.bind(3, value);
        if (!run(tag, where))
            return;
    }
}

void StoreBuilder::addRegisteredModel(const RegisteredModelSpec &spec)
{
    if (!canWrite())
        return;
    const qint64 time = timeOr(spec.creationTime);
    SqliteStatement insert(*m_db,
                           "INSERT INTO registered_models (name, creation_time, last_updated_time, "
                           "description) VALUES (?1, ?2, ?2, ?3)");
    insert.bind(1, spec.name);
    insert.bind(2, time);
    if (spec.description.isEmpty())
        insert.bindNull(3);
    else
        insert.bind(3, spec.description);
    if (!run(insert, tr("Cannot add registered model %1").arg(spec.name)))
        return;
    for (const auto &[key, value] : spec.tags)
        setRegisteredModelTag(spec.name, key, value);
}

void StoreBuilder::setRegisteredModelTag(const QString &name, const QString &key, const QString &value)
{
    if (!canWrite())
        return;
    SqliteStatement upsert(*m_db,
                           "INSERT INTO registered_model_tags (\"key\", value, name) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (\"key\", name) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.bind(3, name);
    run(upsert, tr("Cannot set tag %1 of registered model %2").arg(key, name));
}

int StoreBuilder::addModelVersion(const ModelVersionSpec &spec)
{
    if (!canWrite())
        return -1;
    const QString context = tr("Cannot add a version of registered model %1").arg(spec.modelName);
    const QString stage = canonicalStage(spec.stage);
    if (stage.isEmpty()) {
        fail(context + tr(": %1 is not a stage").arg(spec.stage));
        return -1;
    }

    // Numbers are never reused: soft-deleted versions count too.
    SqliteStatement next(*m_db, "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE name = ?1");
    next.bind(1, spec.modelName);
    if (!next.step()) {
        fail(next.error());
        return -1;
    }
    const int version = int(next.int64(0));

    const qint64 time = timeOr(spec.creationTime);
    SqliteStatement insert(*m_db,
                           "INSERT INTO model_versions (name, version, creation_time, last_updated_time, "
                           "description, user_id, current_stage, source, run_id, status, status_message, "
                           "run_link, storage_location) "
                           "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, 'READY', NULL, ?9, ?10)");
    const auto bindOptional = [&insert](int index, const QString &value) {
        if (value.isEmpty())
            insert.bindNull(index);
        else
            insert.bind(index, value);
    };
    insert.bind(1, spec.modelName);
    insert.bind(2, qint64(version));
    insert.bind(3, time);
    bindOptional(4, spec.description);
    bindOptional(5, spec.userId);
    insert.bind(6, stage);
    insert.bind(7, spec.source);
    bindOptional(8, spec.runId);
    bindOptional(9, spec.runLink);
    bindOptional(10, spec.storageLocation.isEmpty() ? spec.source : spec.storageLocation);
    if (!run(insert, context))
        return -1;

    SqliteStatement touch(*m_db, "UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2");
    touch.bind(1, time);
    touch.bind(2, spec.modelName);
    if (!run(touch, context))
        return -1;
    for (const auto &[key, value] : spec.tags)
        setModelVersionTag(spec.modelName, version, key, value);
    return hasError() ? -1 : version;
}

void StoreBuilder::setModelVersionTag(const QString &name, int version, const QString &key,
                                      const QString &value)
{
    if (!canWrite())
        return;
    SqliteStatement upsert(*m_db,
                           "INSERT INTO model_version_tags (\"key\", value, name, version) "
                           "VALUES (?1, ?2, ?3, ?4) "
                           "ON CONFLICT (\"key\", name, version) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    upsert.bind(3, name);
    upsert.bind(4, qint64(version));
    run(upsert, tr("Cannot set tag %1 of version %2 of registered model %3").arg(key).arg(version).arg(name));
}

void StoreBuilder::transitionStage(const QString &name, int version, const QString &stage, qint64 time,
                                   bool archiveExistingVersions)
{
    if (!canWrite())
        return;
    const QString context
        = tr("Cannot move version %1 of registered model %2 to %3").arg(version).arg(name, stage);
    const QString target = canonicalStage(stage);
    if (target.isEmpty()) {
        fail(context + tr(": not a stage"));
        return;
    }
    if (archiveExistingVersions && target != QLatin1String("Staging")
        && target != QLatin1String("Production")) {
        fail(context
             + tr(": cannot archive existing versions because %1 is not an active stage").arg(target));
        return;
    }
    time = timeOr(time);
    if (archiveExistingVersions) {
        SqliteStatement archive(
            *m_db,
            "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ?1 "
            "WHERE name = ?2 AND version != ?3 AND current_stage = ?4");
        archive.bind(1, time);
        archive.bind(2, name);
        archive.bind(3, qint64(version));
        archive.bind(4, target);
        if (!run(archive, context))
            return;
    }
    SqliteStatement move(*m_db,
                         "UPDATE model_versions SET current_stage = ?1, last_updated_time = ?2 "
                         "WHERE name = ?3 AND version = ?4 AND current_stage != 'Deleted_Internal'");
    move.bind(1, target);
    move.bind(2, time);
    move.bind(3, name);
    move.bind(4, qint64(version));
    if (!run(move, context))
        return;
    if (sqlite3_changes(m_db->handle()) == 0) {
        fail(context + tr(": no such version"));
        return;
    }
    SqliteStatement touch(*m_db, "UPDATE registered_models SET last_updated_time = ?1 WHERE name = ?2");
    touch.bind(1, time);
    touch.bind(2, name);
    run(touch, context);
}

void StoreBuilder::setAlias(const QString &name, const QString &alias, int version)
{
    if (!canWrite())
        return;
    const QString context = tr("Cannot set alias %1 of registered model %2").arg(alias, name);
    // MLflow's rules: word characters and '-', not "latest", not a version reference like v3.
    static const QRegularExpression valid(QStringLiteral("^[\\w\\-]{1,255}$"));
    static const QRegularExpression versionLike(QStringLiteral("^[vV]\\d+$"));
    if (!valid.match(alias).hasMatch() || alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0
        || versionLike.match(alias).hasMatch()) {
        fail(context + tr(": not a valid alias name"));
        return;
    }
    SqliteStatement exists(*m_db,
                           "SELECT 1 FROM model_versions WHERE name = ?1 AND version = ?2 "
                           "AND current_stage != 'Deleted_Internal'");
    exists.bind(1, name);
    exists.bind(2, qint64(version));
    if (!exists.step()) {
        fail(context + tr(": version %1 does not exist").arg(version));
        return;
    }
    SqliteStatement upsert(*m_db,
                           "INSERT INTO registered_model_aliases (alias, version, name) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version");
    upsert.bind(1, alias);
    upsert.bind(2, qint64(version));
    upsert.bind(3, name);
    run(upsert, context);
}

} // namespace Store
