#include "registryworkload.h"

#include "sqlitehandle.h"

#include <QDir>
#include <QFileInfo>

namespace RegistryWorkload {

using Store::Error;
using Store::RegistryChange;
using Store::SqliteConnection;
using Store::SqliteStatement;

QString scratchFolder()
{
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    return shm.isDir() && shm.isWritable() ? shm.absoluteFilePath() : QDir::tempPath();
}

QString ModelState::describe() const
{
    QStringList lines {QStringLiteral("%1 last_updated_time %2").arg(name).arg(lastUpdatedTime)};
    for (auto it = stages.cbegin(); it != stages.cend(); ++it)
        lines.append(
            QStringLiteral("  v%1 %2 %3").arg(it.key()).arg(it.value()).arg(versionTimes.value(it.key())));
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
        lines.append(QStringLiteral("  @%1 -> %2").arg(it.key()).arg(it.value()));
    return lines.join(QLatin1Char('\n'));
}

Store::Result<ModelState> readState(SqliteConnection &db, const QString &model)
{
    ModelState state;
    state.name = model;
    SqliteStatement registered(db, "SELECT last_updated_time FROM registered_models WHERE name = ?1");
    registered.bind(1, model);
    if (!registered.step()) {
        if (!registered.error().ok())
            return registered.error();
        return Error::make(Error::NoSuchModel, QStringLiteral("no registered model %1").arg(model));
    }
    state.lastUpdatedTime = registered.int64(0);

    SqliteStatement versions(db,
                             "SELECT version, current_stage, last_updated_time FROM model_versions "
                             "WHERE name = ?1 AND current_stage != 'Deleted_Internal'");
    versions.bind(1, model);
    while (versions.step()) {
        state.stages.insert(int(versions.int64(0)), versions.string(1));
        state.versionTimes.insert(int(versions.int64(0)), versions.int64(2));
    }
    if (!versions.error().ok())
        return versions.error();

    SqliteStatement aliases(db, "SELECT alias, version FROM registered_model_aliases WHERE name = ?1");
    aliases.bind(1, model);
    while (aliases.step())
        state.aliases.insert(aliases.string(0), int(aliases.int64(1)));
    if (!aliases.error().ok())
        return aliases.error();
    return state;
}

RegistryChange Planner::next(const ModelState &state)
{
    const QList<int> versions = state.stages.keys();
    RegistryChange change;
    change.model = state.name;
    for (int version : versions)
        change.seen.append({version, state.stages.value(version), state.versionTimes.value(version)});

    // Two transitions for each alias change.
    if (m_random.bounded(3) != 0 || versions.size() < 2) {
        const int version = versions.at(m_random.bounded(int(versions.size())));
        const QString from = state.stages.value(version);
        QStringList targets = Store::registryStages();
        targets.removeAll(from);
        const QString to = targets.at(m_random.bounded(int(targets.size())));
        change.stages.append({version, from, to});
        const bool archive
            = (to == QLatin1String(Store::Stages::Staging) || to == QLatin1String(Store::Stages::Production))
            && m_random.bounded(2) == 1;
        if (archive) {
            for (int other : versions) {
                if (other != version && state.stages.value(other) == to)
                    change.stages.append({other, to, QLatin1String(Store::Stages::Archived)});
            }
        }
        change.summary = QStringLiteral("Version %1 to %2%3")
                             .arg(version)
                             .arg(to, archive ? QStringLiteral(", archiving the others") : QString());
        ++transitions;
        archiving += change.stages.size() > 1 ? 1 : 0;
        return change;
    }

    static const char *const Names[] = {"champion", "challenger", "canary"};
    const QString alias = QLatin1String(Names[m_random.bounded(3)]);
    const int from = state.aliases.value(alias, 0);
    int to = 0;
    if (from == 0 || m_random.bounded(5) != 0) {
        QList<int> others = versions;
        others.removeAll(from);
        to = others.at(m_random.bounded(int(others.size())));
    }
    change.aliases.append({alias, from, to});
    change.summary = to == 0 ? QStringLiteral("Delete alias %1").arg(alias)
                             : QStringLiteral("Alias %1 to version %2").arg(alias).arg(to);
    ++aliasMoves;
    return change;
}

void apply(ModelState &state, const RegistryChange &change, qint64 time)
{
    for (const RegistryChange::StageChange &stage : change.stages) {
        state.stages[stage.version] = stage.to;
        state.versionTimes[stage.version] = time;
        state.lastUpdatedTime = time;
    }
    for (const RegistryChange::AliasChange &alias : change.aliases) {
        if (alias.to == 0)
            state.aliases.remove(alias.alias);
        else
            state.aliases[alias.alias] = alias.to;
    }
}

bool LoadWriter::start(const QString &program, const QString &store, double maxSeconds, int rowsPerSecond,
                       const QStringList &runIds, int rowsPerTransaction)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(QStringList {QStringLiteral("--stop-on-eof"), QStringLiteral("--batch"),
                                         QString::number(rowsPerTransaction), store,
                                         QString::number(maxSeconds), QString::number(rowsPerSecond)}
                            + runIds);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process->errorString());
        return false;
    }
    while (!m_process->canReadLine()) {
        if (!m_process->waitForReadyRead(20000)) {
            m_error = QStringLiteral("the load writer did not commit: %1")
                          .arg(QString::fromLocal8Bit(m_process->readAllStandardError()));
            return false;
        }
    }
    const QByteArray line = m_process->readLine().trimmed();
    if (line != "ready") {
        m_error = QStringLiteral("the load writer said %1").arg(QString::fromLocal8Bit(line));
        return false;
    }
    return true;
}

bool LoadWriter::stop(Report &report)
{
    if (!m_process)
        return false;
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(60000)) {
        m_error = QStringLiteral("the load writer did not stop");
        m_process->kill();
        m_process->waitForFinished();
        return false;
    }
    if (m_process->exitStatus() != QProcess::NormalExit || m_process->exitCode() != 0) {
        m_error = QStringLiteral("the load writer failed (%1): %2")
                      .arg(m_process->exitCode())
                      .arg(QString::fromLocal8Bit(m_process->readAllStandardError()));
        return false;
    }
    const QList<QByteArray> lines = m_process->readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("run=")) {
            const QList<QByteArray> fields = line.split(' ');
            report.steps.insert(QString::fromLatin1(fields.value(0).mid(4)),
                                fields.value(1).mid(6).toLongLong());
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        const QByteArray key = line.left(equals), value = line.mid(equals + 1);
        if (key == "rows")
            report.rows = value.toLongLong();
        else if (key == "transactions")
            report.transactions = value.toLongLong();
        else if (key == "retries")
            report.retries = value.toLongLong();
        else if (key == "seconds")
            report.seconds = value.toDouble();
        else if (key == "rows_per_second")
            report.rowsPerSecond = value.toDouble();
    }
    if (report.transactions <= 0 || report.steps.isEmpty()) {
        m_error = QStringLiteral("the load writer reported nothing");
        return false;
    }
    return true;
}

QString checkLoadRows(SqliteConnection &db, const LoadWriter::Report &report)
{
    QStringList missing;
    qint64 metricRows = 0;
    for (auto it = report.steps.cbegin(); it != report.steps.cend(); ++it) {
        const QString &run = it.key();
        const qint64 steps = it.value();
        metricRows += 2 * steps;
        SqliteStatement metrics(db,
                                "SELECT \"key\", count(*), count(DISTINCT step), coalesce(min(step), -1), "
                                "coalesce(max(step), -1) FROM metrics WHERE run_uuid = ?1 AND \"key\" IN "
                                "('load/loss', 'load/lr') GROUP BY \"key\"");
        metrics.bind(1, run);
        int keys = 0;
        while (metrics.step()) {
            ++keys;
            if (metrics.int64(1) != steps || metrics.int64(2) != steps || metrics.int64(3) != 0
                || metrics.int64(4) != steps - 1) {
                missing.append(QStringLiteral("run %1 %2: %3 rows, steps %4..%5; expected steps 0..%6")
                                   .arg(run, metrics.string(0))
                                   .arg(metrics.int64(1))
                                   .arg(metrics.int64(3))
                                   .arg(metrics.int64(4))
                                   .arg(steps - 1));
            }
        }
        if (keys != (steps > 0 ? 2 : 0))
            missing.append(QStringLiteral("run %1: %2 of the 2 load metrics").arg(run).arg(keys));
        if (steps == 0)
            continue;
        SqliteStatement latest(db,
                               "SELECT count(*) FROM latest_metrics WHERE run_uuid = ?1 AND \"key\" IN "
                               "('load/loss', 'load/lr') AND step = ?2");
        latest.bind(1, run);
        latest.bind(2, steps - 1);
        if (!latest.step() || latest.int64(0) != 2)
            missing.append(QStringLiteral("run %1: latest_metrics not at step %2").arg(run).arg(steps - 1));
        SqliteStatement tag(db, "SELECT value FROM tags WHERE run_uuid = ?1 AND \"key\" = 'load.last_step'");
        tag.bind(1, run);
        if (!tag.step() || tag.string(0) != QString::number(steps - 1))
            missing.append(QStringLiteral("run %1: tag load.last_step is not %2").arg(run).arg(steps - 1));
    }
    if (metricRows + report.transactions != report.rows)
        missing.append(QStringLiteral("%1 metric rows and %2 tags are not the %3 rows reported")
                           .arg(metricRows)
                           .arg(report.transactions)
                           .arg(report.rows));
    return missing.join(QLatin1Char('\n'));
}

} // namespace RegistryWorkload
