#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <limits>
#include <memory>

namespace Store {
class MlflowStore;
}

// Writes mlruns/ folders by hand, file by file, in MLflow's file-store layout (format notes §4),
// for the file-store tests: every era of run meta.yaml and every metric line format.
namespace FileStoreFixture {

inline constexpr qint64 Null = std::numeric_limits<qint64>::min(); // a time written as `null`

// Run id number i as MLflow writes ids (32 hex digits).
inline QString runId(int i)
{
    return QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
}
// The store at `path` (any backend), or null with its error printed as a warning.
std::unique_ptr<Store::MlflowStore> openOrWarn(const QString &path);

// How a run's meta.yaml looks, by the MLflow version that wrote it.
enum class Era {
    Mlflow1_2, // name: '' (the name only in tags), run_uuid only, no deleted_time
    Mlflow1_30, // run_name, run_id and run_uuid, status as an int, deleted_time: null
    Mlflow3, // run_name and run_id only (no run_uuid)
    StatusName, // as Mlflow3, but status written as a name ("FINISHED"), as some tools do
};

struct Run
{
    Run(QString runId = {}, QString experiment = {})
        : id(std::move(runId)), experimentId(std::move(experiment))
    {
    }

    QString id;
    QString experimentId;
    QString name;
    QString user = QStringLiteral("ann");
    QString status = QStringLiteral("FINISHED"); // written as MLflow's enum number unless StatusName
    QString lifecycleStage = QStringLiteral("active");
    qint64 startTime = 1700000000000;
    qint64 endTime = Null;
    qint64 deletedTime = Null;
    QString artifactUri; // empty: file://<root>/<experiment>/<run>/artifacts
    Era era = Era::Mlflow1_30;
};

class MlrunsWriter
{
public:
    explicit MlrunsWriter(QString root) : m_root(std::move(root)) { }
    QString root() const { return m_root; }
    // False once any write failed.
    bool ok() const { return m_ok; }

    // A file below the root (folders made as needed), for malformed stores too.
    void writeFile(const QString &relativePath, const QByteArray &content);

    // mlruns/<id>/meta.yaml, or mlruns/.trash/<id>/meta.yaml when `trashed`.
    void experiment(const QString &id, const QString &name, const QString &stage = QStringLiteral("active"),
                    qint64 time = 1700000000000, bool trashed = false);
    void experimentTag(const QString &experimentId, const QString &key, const QString &value);
    // The run's meta.yaml and its metrics/, params/, tags/ and artifacts/ folders.
    void run(const Run &run);
    void param(const QString &runId, const QString &key, const QString &value);
    void tag(const QString &runId, const QString &key, const QString &value);
    // Appends a line to metrics/<key> as MLflow does: "<timestamp> <value> <step>".
    void metric(const QString &runId, const QString &key, qint64 timestamp, double value, qint64 step);
    // Appends raw text (whole lines, '\n' included) to metrics/<key>.
    void metricText(const QString &runId, const QString &key, const QByteArray &text);
    // `schema` and `profile` are JSON; empty: null.
    void dataset(const QString &experimentId, const QString &datasetId, const QString &name,
                 const QString &digest, const QString &sourceType, const QString &source,
                 const QString &schema = {}, const QString &profile = {});
    void input(const QString &runId, const QString &inputId, const QString &datasetId,
               const QString &context);

    // The file model registry under mlruns/models.
    void registeredModel(const QString &name, qint64 creation, qint64 lastUpdated,
                         const QString &description);
    void registeredModelTag(const QString &model, const QString &key, const QString &value);
    void alias(const QString &model, const QString &alias, int version);
    struct Version
    {
        int version = 1;
        QString stage = QStringLiteral("None");
        QString runId;
        QString source;
        QString description;
        qint64 creation = 1700000000000;
        qint64 lastUpdated = 1700000000000;
        QString status = QStringLiteral("READY");
        QString statusMessage;
        QString runLink;
        QString storageLocation;
        QString userId;
    };
    void modelVersion(const QString &model, const Version &version);
    void modelVersionTag(const QString &model, int version, const QString &key, const QString &value);

    // The folder of an experiment or run, relative to the root.
    QString experimentFolder(const QString &experimentId) const;
    QString runFolder(const QString &runId) const;

private:
    void makeFolder(const QString &path);

    QString m_root;
    QSet<QString> m_folders; // made already
    bool m_ok = true;
    QHash<QString, QString> m_experimentFolders; // id -> "<id>" or ".trash/<id>"
    QHash<QString, QString> m_runExperiments; // run id -> experiment id
};

// A YAML scalar as PyYAML's safe_dump writes it: plain when that reads back as the same string,
// quoted otherwise.
QByteArray yamlString(const QString &value);
// A float as Python's str() writes it: nan, inf, -inf, 0.5, 1e-05, 2.0.
QByteArray pythonFloat(double value);

// Writes the SQLite MLflow store at `dbPath` as an mlruns folder at `root`, row by row as
// MLflow's file store would hold it (runs spread over every meta.yaml era); false on failure.
bool mlrunsFromSqlite(const QString &dbPath, const QString &root);

} // namespace FileStoreFixture
