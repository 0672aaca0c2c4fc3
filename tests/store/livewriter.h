#pragma once

#include <QList>
#include <QString>

class QProcess;
class QTemporaryDir;

// Another process writing a store while a run trains, as MLflow's tracking client does: the
// sqlite3 shell inserting rows into a SQLite store (psql into a PostgreSQL one), a shell appending
// lines and writing files in an mlruns/ folder. Each call waits for its process and says whether it succeeded
// (lastError() says why not).
class LiveWriter
{
public:
    static inline const QString RunningRun = QStringLiteral("11110000000000000000000000000001");
    static inline const QString FinishedRun = QStringLiteral("11110000000000000000000000000002");
    static constexpr qint64 Start = 1700000000000;

    // A small store in `dir`, as the backend under test holds it (TestSupport::storeUnderTest):
    // experiment 1 with RunningRun (RUNNING, "loss" at steps 0..4, timestamps Start + step) and
    // FinishedRun ("loss" at steps 0..1). Empty on failure.
    static QString buildStore(const QTemporaryDir &dir);

    explicit LiveWriter(QString location);

    struct Row
    {
        qint64 step;
        qint64 timestamp;
        double value;
    };
    // Logs rows of (runId, key), in one transaction (SQLite: metrics and latest_metrics, as
    // MLflow's SQL store does) or one append to the metric file.
    bool logMetric(const QString &runId, const QString &key, const QList<Row> &rows);
    // Appends raw bytes to the metric file (file store only): a writer caught mid-line.
    bool appendMetricText(const QString &runId, const QString &key, const QByteArray &text);
    // Creates a RUNNING run in experiment 1, as mlflow.start_run() does.
    bool createRun(const QString &runId);
    // Ends a run: status FINISHED and an end time.
    bool finishRun(const QString &runId);

    QString lastError() const { return m_error; }
    bool isFileStore() const;
    bool isPostgres() const;

private:
    bool runSql(const QByteArray &sql);
    bool runShell(const QString &script, const QStringList &arguments);
    // Waits for `process`; false (and lastError() set) unless it exited with 0.
    bool succeeded(QProcess &process);
    QString runFolder(const QString &runId) const;

    QString m_location;
    QString m_error;
};
