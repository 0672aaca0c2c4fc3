#include "livewriter.h"

#include "filestorefixture.h"
#include "sqlitehandle.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

using namespace Store;

QString LiveWriter::buildStore(const QTemporaryDir &dir)
{
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-3.0-6953534de441-empty.db"), dir);
    SqliteConnection db;
    if (path.isEmpty() || db.open(path, SqliteConnection::Mode::ReadWrite, 1000).code != Error::None)
        return {};
    QByteArray sql = "BEGIN;"
                     "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, "
                     "creation_time, last_update_time) VALUES (1, 'live', '/data/mlruns/1', 'active', "
        + QByteArray::number(Start) + ", " + QByteArray::number(Start) + ");";
    for (const QString &run : {RunningRun, FinishedRun}) {
        const bool running = run == RunningRun;
        sql += "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, "
               "status, "
               "start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id) VALUES ('"
            + run.toLatin1() + "', '" + (running ? "running" : "finished") + "', 'UNKNOWN', '', '', 'ann', '"
            + (running ? "RUNNING', " + QByteArray::number(Start) + ", NULL"
                       : "FINISHED', " + QByteArray::number(Start) + ", " + QByteArray::number(Start + 10))
            + ", '', 'active', '/data/mlruns/1/" + run.toLatin1() + "/artifacts', 1);";
    }
    if (db.exec(sql + "COMMIT;").code != Error::None)
        return {};
    LiveWriter writer(path);
    QList<Row> running, finished;
    for (qint64 step = 0; step < 5; ++step)
        running.append({step, Start + step, 1.0 / double(step + 1)});
    finished = {{0, Start, 2.0}, {1, Start + 1, 1.5}};
    if (!writer.logMetric(RunningRun, QStringLiteral("loss"), running)
        || !writer.logMetric(FinishedRun, QStringLiteral("loss"), finished)) {
        qWarning("%s", qPrintable(writer.lastError()));
        return {};
    }
    return TestSupport::storeUnderTest(path, dir);
}

LiveWriter::LiveWriter(QString location) : m_location(std::move(location)) { }

bool LiveWriter::isFileStore() const
{
    return QFileInfo(m_location).isDir();
}

QString LiveWriter::runFolder(const QString &runId) const
{
    return m_location + QStringLiteral("/1/") + runId;
}

bool LiveWriter::logMetric(const QString &runId, const QString &key, const QList<Row> &rows)
{
    if (isFileStore()) {
        QStringList lines;
        for (const Row &row : rows) {
            lines.append(QString::number(row.timestamp) + QLatin1Char(' ')
                         + QString::fromLatin1(FileStoreFixture::pythonFloat(row.value)) + QLatin1Char(' ')
                         + QString::number(row.step));
        }
        return runShell(
            QStringLiteral("f=$1; shift; mkdir -p \"$(dirname \"$f\")\" && printf '%s\\n' \"$@\" >> \"$f\""),
            QStringList {runFolder(runId) + QStringLiteral("/metrics/") + key} + lines);
    }
    // MLflow's SQL store: NaN as 0 with is_nan = 1, and latest_metrics kept to the largest
    // (step, timestamp, value) in the same transaction (format notes §2.4, §2.5).
    QByteArray sql = ".timeout 5000\nBEGIN;\n";
    for (const Row &row : rows) {
        const bool isNan = std::isnan(row.value);
        const QByteArray values = "'" + key.toUtf8() + "', "
            + QByteArray::number(isNan ? 0.0 : row.value, 'g', 17) + ", " + QByteArray::number(row.timestamp)
            + ", " + QByteArray::number(row.step) + ", " + (isNan ? "TRUE" : "FALSE") + ", '"
            + runId.toLatin1() + "'";
        sql += "INSERT INTO metrics (\"key\", value, timestamp, step, is_nan, run_uuid) VALUES (" + values
            + ");\n";
        sql += "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) VALUES ("
            + values
            + ") ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value, timestamp = "
              "excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan WHERE (excluded.step, "
              "excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, "
              "latest_metrics.value);\n";
    }
    return runSql(sql + "COMMIT;\n");
}

bool LiveWriter::appendMetricText(const QString &runId, const QString &key, const QByteArray &text)
{
    if (!isFileStore()) {
        m_error = QStringLiteral("appendMetricText() is for file stores");
        return false;
    }
    return runShell(QStringLiteral("printf '%s' \"$2\" >> \"$1\""),
                    {runFolder(runId) + QStringLiteral("/metrics/") + key, QString::fromUtf8(text)});
}

bool LiveWriter::createRun(const QString &runId)
{
    const QString start = QString::number(Start + 100);
    if (isFileStore()) {
        const QString meta
            = QStringLiteral("artifact_uri: file://%1/artifacts\ndeleted_time: null\nend_time: "
                             "null\nentry_point_name: ''\nexperiment_id: '1'\nlifecycle_stage: "
                             "active\nrun_id: %2\nrun_name: new\nrun_uuid: %2\nsource_name: ''\n"
                             "source_type: 4\nsource_version: ''\nstart_time: %3\nstatus: 1\n"
                             "tags: []\nuser_id: ann\n")
                  .arg(runFolder(runId), runId, start);
        return runShell(
            QStringLiteral("mkdir -p \"$1/metrics\" \"$1/params\" \"$1/tags\" \"$1/artifacts\" && "
                           "printf '%s' \"$2\" > \"$1/meta.yaml\""),
            {runFolder(runId), meta});
    }
    return runSql(
        ".timeout 5000\nINSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, "
        "user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, "
        "experiment_id) VALUES ('"
        + runId.toLatin1() + "', 'new', 'UNKNOWN', '', '', 'ann', 'RUNNING', " + start.toLatin1()
        + ", NULL, '', 'active', '/data/mlruns/1/" + runId.toLatin1() + "/artifacts', 1);\n");
}

bool LiveWriter::finishRun(const QString &runId)
{
    const QString end = QString::number(Start + 1000);
    if (isFileStore()) {
        return runShell(
            QStringLiteral("sed -i -e 's/^status: .*/status: 3/' -e \"s/^end_time: .*/end_time: $2/\" "
                           "\"$1/meta.yaml\""),
            {runFolder(runId), end});
    }
    return runSql(".timeout 5000\nUPDATE runs SET status = 'FINISHED', end_time = " + end.toLatin1()
                  + " WHERE run_uuid = '" + runId.toLatin1() + "';\n");
}

bool LiveWriter::isPostgres() const
{
    return m_location.startsWith(QLatin1String("postgresql://"));
}

bool LiveWriter::runSql(const QByteArray &sql)
{
    QProcess shell;
    if (isPostgres()) {
        // psql as MLflow's client would write over the network; sqlite3's dot commands dropped.
        QByteArray statements;
        for (const QByteArray &line : sql.split('\n')) {
            if (!line.startsWith('.'))
                statements += line + '\n';
        }
        shell.start(QStringLiteral("psql"),
                    {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                     QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), m_location});
        shell.write(statements);
        shell.closeWriteChannel();
        return succeeded(shell);
    }
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), m_location});
    shell.write(sql);
    shell.closeWriteChannel();
    return succeeded(shell);
}

bool LiveWriter::runShell(const QString &script, const QStringList &arguments)
{
    QProcess shell;
    shell.start(QStringLiteral("sh"),
                QStringList {QStringLiteral("-c"), script, QStringLiteral("sh")} + arguments);
    return succeeded(shell);
}

bool LiveWriter::succeeded(QProcess &process)
{
    if (process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0)
        return true;
    m_error = QStringLiteral("%1 failed: %2 %3")
                  .arg(process.program(), process.errorString(),
                       QString::fromUtf8(process.readAllStandardError()));
    return false;
}
