#include "storebuilder.h"
#include "storebuilder_p.h"

#include <cmath>
#include <limits>
#include <sqlite3.h>
#include <tuple>

namespace Store {

namespace {

// MLflow names unnamed runs "<adjective>-<noun>-<number>"; these lists are our own.
const char *const NameAdjectives[]
    = {"amber", "brisk", "calm",  "dapper", "eager",  "fuzzy", "gentle", "humble",
       "jolly", "keen",  "lucky", "merry",  "nimble", "proud", "quiet",  "sturdy"};
const char *const NameNouns[] = {"badger", "crane", "dolphin", "falcon", "gecko", "heron", "ibis",  "lynx",
                                 "marten", "otter", "panda",   "quail",  "raven", "stork", "tapir", "wren"};

// insertMetric and upsertLatestMetric number their parameters alike.
void bindMetricRow(SqliteStatement &statement, const QString &key, double value, qint64 timestamp,
                   const QString &runId, qint64 step, bool isNan)
{
    statement.bind(1, key);
    statement.bind(2, value);
    statement.bind(3, timestamp);
    statement.bind(4, runId);
    statement.bind(5, step);
    statement.bind(6, qint64(isNan));
}

} // namespace

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
    bindOptional(s.insertRun, 3, spec.userId);
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

std::pair<double, bool> StoreBuilder::sanitizeMetricValue(double value)
{
    if (std::isnan(value))
        return {0.0, true};
    if (std::isinf(value))
        return {value > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max(), false};
    return {value, false};
}

void StoreBuilder::logMetric(const QString &runId, const QString &key, double value, qint64 timestamp,
                             qint64 step)
{
    if (!canWrite())
        return;
    Statements &s = *m_statements;
    const auto [stored, isNan] = sanitizeMetricValue(value);
    bindMetricRow(s.insertMetric, key, stored, timestamp, runId, step, isNan);
    const auto context = [&] { return tr("Cannot log metric %1 of run %2").arg(key, runId); };
    if (!run(s.insertMetric, context))
        return;
    if (sqlite3_changes(m_db->handle()) == 0)
        return; // a duplicate row; it cannot change the latest value either
    bindMetricRow(s.upsertLatestMetric, key, stored, timestamp, runId, step, isNan);
    run(s.upsertLatestMetric, context);
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
    bindMetricRow(s.upsertLatestMetric, key, latestValue, latestTimestamp, runId, latestStep, latestIsNan);
    run(s.upsertLatestMetric, context);
}

} // namespace Store
