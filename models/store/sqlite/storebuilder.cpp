#include "storebuilder.h"

#include "storebuilder_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

// The schema is a Qt resource of the static kaizen_store library; registering it explicitly
// keeps it reachable whatever the linker keeps of the library. Q_INIT_RESOURCE must be called
// outside any namespace.
static void initSchemaResource()
{
    Q_INIT_RESOURCE(kaizen_schema);
}

namespace Store {

namespace {

const QString SchemaResource = QStringLiteral(":/schema/mlflow-c9d4e5f6a7b8.sql");

} // namespace

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

} // namespace Store
