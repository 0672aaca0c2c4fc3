#include "pgstore.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

// Metric histories. The server orders each series (step, timestamp, value: NaN rows by the 0
// MLflow stores for them), so rows arrive ready to hand over.

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::PostgresStore", text);
}

Error cancelledError()
{
    return Error::make(Error::Cancelled, tr("Cancelled."));
}

} // namespace

Result<MetricHistory> PostgresStore::metricHistory(const QString &runId, const QString &key)
{
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    if (Error e = checkRunsExist({runId}); !e.ok())
        return e;
    const QByteArray sql = QByteArray("SELECT ") + (m_schema.hasMetricStep ? "step" : "0")
        + ", timestamp, value, " + (m_schema.hasMetricIsNan ? "is_nan::int" : "0")
        + " FROM metrics WHERE run_uuid = $1 AND key = $2 ORDER BY 1, 2, 3";
    const Result<PgResult> rows = m_db.exec(sql, {runId.toUtf8(), key.toUtf8()});
    if (!rows)
        return rows.error();
    MetricHistory history;
    history.runId = runId;
    history.key = key;
    history.points.reserve(rows->rowCount());
    for (int row = 0; row < rows->rowCount(); ++row) {
        MetricPoint p;
        p.step = rows->int64(row, 0);
        p.timestamp = rows->int64(row, 1);
        p.value = rows->int64(row, 3) ? std::numeric_limits<double>::quiet_NaN() : rows->real(row, 2);
        history.points.append(p);
    }
    return history;
}

Error PostgresStore::readMetricSeries(const QStringList &runIds, const QStringList &keys,
                                      const std::function<void(MetricSeries &&)> &deliver,
                                      const CancelFlag *cancel, const ProgressFn &progress)
{
    QStringList runList = runIds;
    runList.removeDuplicates();
    QStringList wanted = keys;
    wanted.removeDuplicates();
    if (runList.isEmpty())
        return {};
    if (progress)
        progress(0, runList.size());
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    // Unknown runs fail the whole read before anything is delivered.
    if (Error e = checkRunsExist(runList); !e.ok())
        return e;

    // Every key in byte order (COLLATE "C"), as the SQLite backend orders them.
    QByteArray sql = QByteArray("SELECT key, ") + (m_schema.hasMetricStep ? "step" : "0")
        + ", timestamp, value, " + (m_schema.hasMetricIsNan ? "is_nan::int" : "0")
        + " FROM metrics WHERE run_uuid = $1";
    PgParams params {QByteArray()};
    if (!wanted.isEmpty()) {
        sql += " AND key IN (";
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            params.append(wanted[i].toUtf8());
            sql += (i ? ",$" : "$") + QByteArray::number(i + 2);
        }
        sql += ')';
    }
    sql += " ORDER BY key COLLATE \"C\", 2, 3, 4";

    for (qsizetype i = 0; i < runList.size(); ++i) {
        if (cancel && cancel->load())
            return cancelledError();
        const QString &runId = runList[i];
        params[0] = runId.toUtf8();
        const Result<PgResult> rows = m_db.exec(sql, params);
        if (!rows)
            return rows.error();
        std::vector<MetricSeries> series; // in the rows' key order
        std::string lastKey;
        for (int row = 0; row < rows->rowCount(); ++row) {
            const std::string_view key = rows->text(row, 0);
            if (series.empty() || key != lastKey) {
                lastKey.assign(key);
                MetricSeries s;
                s.runId = runId;
                s.key = QString::fromUtf8(key.data(), qsizetype(key.size()));
                series.push_back(std::move(s));
            }
            MetricSeries &s = series.back();
            s.steps.push_back(rows->int64(row, 1));
            s.timestamps.push_back(rows->int64(row, 2));
            s.values.push_back(rows->int64(row, 4) ? std::numeric_limits<double>::quiet_NaN()
                                                   : rows->real(row, 3));
        }
        for (MetricSeries &s : series) {
            s.tail = tailAfter({}, s, 0);
            s.tail.position = s.tail.rows; // >= 0: a tail this backend filled
        }
        if (wanted.isEmpty()) {
            for (MetricSeries &s : series)
                deliver(std::move(s));
        } else {
            for (const QString &key : wanted) {
                const auto found = std::find_if(series.begin(), series.end(),
                                                [&](const MetricSeries &s) { return s.key == key; });
                if (found != series.end()) {
                    deliver(std::move(*found));
                } else {
                    MetricSeries empty;
                    empty.runId = runId;
                    empty.key = key;
                    empty.tail.position = 0;
                    deliver(std::move(empty));
                }
            }
        }
        if (progress)
            progress(i + 1, runList.size());
    }
    return {};
}

Result<MlflowStore::MetricAppend> PostgresStore::readMetricAppend(const QString &runId, const QString &key,
                                                                  const SeriesTail &after)
{
    if (after.position < 0) // a tail no read of this backend filled: nothing to go on
        return MetricAppend::none(runId, key, true);
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    if (Error e = checkRunsExist({runId}); !e.ok())
        return e;
    const char *step = m_schema.hasMetricStep ? "step" : "0";
    const QByteArray isNan = m_schema.hasMetricIsNan ? "is_nan::int" : "0";
    const QByteArray tail
        = QByteArray("(") + step + ", timestamp, value) <= ($3::bigint, $4::bigint, $5::float8)";
    PgParams params {runId.toUtf8(), key.toUtf8()};
    QByteArray sql = QByteArray("SELECT ") + step + ", timestamp, value, " + isNan
        + " FROM metrics WHERE run_uuid = $1 AND key = $2";
    if (after.rows > 0) {
        params << QByteArray::number(after.step) << QByteArray::number(after.timestamp)
               << QByteArray::number(std::isnan(after.value) ? 0.0 : after.value, 'g', 17);
        // As many rows up to the tail as were read: the series grew only after it. A row added
        // before the tail, or one removed, changes the count.
        const Result<PgResult> before
            = m_db.exec("SELECT count(*) FROM metrics WHERE run_uuid = $1 AND key = $2 AND " + tail, params);
        if (!before)
            return before.error();
        if (before->int64(0, 0) != after.rows)
            return MetricAppend::none(runId, key, true);
        sql += " AND NOT " + tail;
    }
    sql += " ORDER BY 1, 2, 3";
    const Result<PgResult> rows = m_db.exec(sql, params);
    if (!rows)
        return rows.error();
    MetricAppend append = MetricAppend::none(runId, key);
    MetricSeries &added = append.rows;
    for (int row = 0; row < rows->rowCount(); ++row) {
        added.steps.push_back(rows->int64(row, 0));
        added.timestamps.push_back(rows->int64(row, 1));
        added.values.push_back(rows->int64(row, 3) ? std::numeric_limits<double>::quiet_NaN()
                                                   : rows->real(row, 2));
    }
    added.tail = tailAfter(after, added, 0);
    added.tail.position = added.tail.rows;
    return append;
}

} // namespace Store
