#include "pgstore.h"
#include "sqlrunquery.h"

#include <QCoreApplication>

#include <limits>

// Reading runs with their params, latest metrics and tags: the runs of the query in MLflow's
// order, then each table's rows of those runs, selected in the server by the same condition,
// all in one snapshot.

namespace Store {

Result<RunTable> PostgresStore::runs(const RunQuery &query, const CancelFlag *cancel,
                                     const ProgressFn &progress)
{
    constexpr int Stages = 4;
    if (progress)
        progress(0, Stages);
    const Result<QByteArray> condition = SqlRunQuery::runCondition(query);
    if (!condition)
        return condition.error();
    // MLflow's default order: start time descending, runs without one last, then run id.
    QByteArray selected
        = "FROM runs WHERE " + *condition + " ORDER BY start_time DESC NULLS LAST, run_uuid COLLATE \"C\"";
    if (query.limit >= 0)
        selected += " LIMIT " + QByteArray::number(query.limit);
    const QByteArray ofSelectedRuns = " WHERE run_uuid IN (SELECT run_uuid " + selected + ")";
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const auto cancelledError = [] {
        return Error::make(Error::Cancelled,
                           QCoreApplication::translate("Store::PostgresStore", "Cancelled."));
    };

    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    const Result<PgResult> runs = m_db.exec(
        QByteArray("SELECT run_uuid, name, experiment_id, status, lifecycle_stage, user_id, artifact_uri, "
                   "start_time, end_time, ")
        + (m_schema.hasRunDeletedTime ? "deleted_time " : "NULL ") + selected);
    if (!runs)
        return runs.error();
    RunTableBuilder builder;
    builder.reserveRuns(runs->rowCount());
    for (int row = 0; row < runs->rowCount(); ++row) {
        RunAttributes run;
        run.runId = runs->string(row, 0);
        run.runName = runs->string(row, 1);
        run.experimentId = runs->string(row, 2);
        run.status = runs->string(row, 3);
        run.lifecycleStage = runs->string(row, 4);
        run.userId = runs->string(row, 5);
        run.artifactUri = runs->string(row, 6);
        run.startTime = runs->isNull(row, 7) ? NoTime : runs->int64(row, 7);
        run.endTime = runs->isNull(row, 8) ? NoTime : runs->int64(row, 8);
        run.deletedTime = runs->isNull(row, 9) ? NoTime : runs->int64(row, 9);
        builder.addRun(std::move(run), runs->text(row, 0));
    }
    if (cancelled())
        return cancelledError();
    if (progress)
        progress(1, Stages);

    RunTableBuilder::RowCursor cursor;
    const auto readText
        = [&](const char *table,
              void (RunTableBuilder::*add)(int, std::string_view, std::string_view)) -> Error {
        const Result<PgResult> rows
            = m_db.exec(QByteArray("SELECT run_uuid, key, value FROM ") + table + ofSelectedRuns);
        if (!rows)
            return rows.error();
        for (int row = 0; row < rows->rowCount(); ++row) {
            if (const int run = builder.rowOf(cursor, rows->text(row, 0)); run >= 0)
                (builder.*add)(run, rows->text(row, 1), rows->text(row, 2));
        }
        return {};
    };
    if (m_schema.hasParams) {
        if (Error e = readText("params", &RunTableBuilder::addParam); !e.ok())
            return e;
    }
    if (cancelled())
        return cancelledError();
    if (progress)
        progress(2, Stages);

    // Before MLflow 1.3 there is no summary table: the history is folded with MLflow's rule
    // (RunTableBuilder::addMetric keeps the latest of each key).
    const QByteArray metrics = m_schema.hasLatestMetrics
        ? QByteArray("SELECT run_uuid, key, value, step, timestamp, is_nan::int FROM latest_metrics")
        : QByteArray("SELECT run_uuid, key, value, ") + (m_schema.hasMetricStep ? "step" : "0")
            + ", timestamp, " + (m_schema.hasMetricIsNan ? "is_nan::int" : "0") + " FROM metrics";
    const Result<PgResult> latest = m_db.exec(metrics + ofSelectedRuns);
    if (!latest)
        return latest.error();
    for (int row = 0; row < latest->rowCount(); ++row) {
        const int run = builder.rowOf(cursor, latest->text(row, 0));
        if (run < 0)
            continue;
        LatestMetric m;
        m.isNan = latest->int64(row, 5) != 0;
        m.value = m.isNan ? std::numeric_limits<double>::quiet_NaN() : latest->real(row, 2);
        m.step = latest->int64(row, 3);
        m.timestamp = latest->int64(row, 4);
        builder.addMetric(run, latest->text(row, 1), m);
    }
    if (m_schema.hasTags) {
        if (Error e = readText("tags", &RunTableBuilder::addTag); !e.ok())
            return e;
    }
    if (cancelled())
        return cancelledError();
    if (progress)
        progress(3, Stages);
    RunTable table = builder.build();
    if (progress)
        progress(Stages, Stages);
    return table;
}

} // namespace Store
