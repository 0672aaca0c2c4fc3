#include "pgstore.h"
#include "pixelreduction.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

// Curves over the network: the server reduces each series to the rows a chart's pixel columns
// need (PixelReduction), so that a million-row history sends a few thousand rows. Each run is
// read with the (run_uuid, key, step) index MLflow creates: two single-row look-ups for the
// neighbours of the columns, one pass over the rows in view grouped by column, and a second pass
// only over the groups whose summary does not draw them (gaps or infinities among values) or
// when the rows in view are few enough to draw them all.

namespace Store {

using PixelReduction::GroupSummary;
using PixelReduction::Row;

namespace {

// The rows of a float8[] in PostgreSQL's text form, "{1,2,0.5}".
std::vector<double> parseArray(std::string_view text)
{
    std::vector<double> values;
    if (text.size() < 2)
        return values;
    text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
        const size_t comma = text.find(',');
        values.push_back(parseReal(text.substr(0, comma)));
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return values;
}

QByteArray exactText(double value)
{
    return QByteArray::number(value, 'g', 17); // reads back as the same double
}

} // namespace

Error PostgresStore::readReducedSeries(const QStringList &runIds, const QString &key,
                                       const PixelColumns &columns,
                                       const std::function<void(MetricSeries &&)> &deliver,
                                       const CancelFlag *cancel)
{
    PgReadTransaction snapshot(m_db);
    if (!snapshot.error().ok())
        return snapshot.error();
    if (Error e = checkRunsExist(runIds); !e.ok())
        return e;
    // For this read only. The groups are few (a planner that guesses many sorts on disk; hashing
    // them in memory is 5x faster), compiling to machine code costs more than a read saves, and the
    // Charts tab reads on two connections at once, which keep a small server's cores busy already.
    for (const char *setting :
         {"SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'", "SET LOCAL enable_sort = off",
          "SET LOCAL max_parallel_workers_per_gather = 0"}) {
        if (Error e = m_db.command(setting); !e.ok())
            return e;
    }
    for (const QString &runId : runIds) {
        if (cancel && cancel->load())
            return Error::make(Error::Cancelled,
                               QCoreApplication::translate("Store::PostgresStore", "Cancelled."));
        Result<MetricSeries> series = reduceOne(runId, key, columns);
        if (!series)
            return series.error();
        deliver(std::move(*series));
    }
    return {};
}

Result<MetricSeries> PostgresStore::reduceOne(const QString &runId, const QString &key, PixelColumns columns)
{
    PixelReduction::Builder builder(runId, key);
    const char *step = m_schema.hasMetricStep ? "step" : "0";
    const QByteArray isNan = m_schema.hasMetricIsNan ? "is_nan" : "false";
    const QByteArray series = "FROM metrics WHERE run_uuid = $1 AND key = $2";
    PgParams params {runId.toUtf8(), key.toUtf8()};
    if (!columns.isValid()) {
        const Result<PgResult> range
            = m_db.exec(QByteArray("SELECT min(") + step + "), max(" + step + ") " + series, params);
        if (!range)
            return range.error();
        if (range->isNull(0, 0))
            return builder.take();
        columns = PixelReduction::overviewColumns(range->int64(0, 0), range->int64(0, 1), OverviewColumns,
                                                  columns.logY);
    }
    const auto steps = PixelReduction::stepRange(columns);
    if (!steps)
        return builder.take();
    const auto [low, high] = *steps;
    const QByteArray rowColumns = QByteArray(step) + ", timestamp, value, " + isNan + "::int ";
    const auto readRow = [](const PgResult &rows, int row, int at) {
        return Row {rows.int64(row, at), rows.int64(row, at + 1),
                    rows.int64(row, at + 3) ? std::numeric_limits<double>::quiet_NaN()
                                            : rows.real(row, at + 2)};
    };
    // The neighbours outside the columns: where the line enters and leaves them.
    const auto neighbour
        = [&](const char *condition, const char *order, qint64 bound) -> Result<std::optional<Row>> {
        PgParams p = params;
        p << QByteArray::number(bound);
        const Result<PgResult> rows
            = m_db.exec("SELECT " + rowColumns + series + " AND " + step + condition + "$3 ORDER BY " + step
                            + order + ", timestamp" + order + ", value" + order + " LIMIT 1",
                        p);
        if (!rows)
            return rows.error();
        if (rows->rowCount() == 0)
            return std::optional<Row>();
        return std::optional<Row>(readRow(*rows, 0, 0));
    };
    const Result<std::optional<Row>> before = neighbour(" < ", " DESC", low);
    if (!before)
        return before.error();
    const Result<std::optional<Row>> after = neighbour(" > ", "", high);
    if (!after)
        return after.error();

    // A row's group (PixelReduction::groupOf()), computed by the server with the chart's
    // arithmetic: IEEE doubles both.
    params << QByteArray::number(low) << QByteArray::number(high) << exactText(columns.origin)
           << exactText(columns.scale) << exactText(columns.offset) << exactText(columns.fitFrom)
           << exactText(columns.fitTo);
    const QByteArray x = QByteArray(step) + "::float8";
    const QByteArray group = "(floor((" + x + " - $5::float8) * $6::float8 + $7::float8) * 4 + (" + x
        + " >= $8::float8)::int + (" + x + " > $9::float8)::int)";
    const QByteArray inView = series + " AND " + step + " BETWEEN $3 AND $4";
    const QByteArray drawable = "(NOT " + isNan
        + " AND value <> 'NaN' AND value < 1.7976931348623157e308 AND value > "
        + (columns.logY ? "0" : "-1.7976931348623157e308") + ")";
    const QByteArray infinite
        = "(NOT " + isNan + " AND value <> 'NaN' AND abs(value) >= 1.7976931348623157e308)";
    const QByteArray rowArray
        = QByteArray("ARRAY[") + step + ", timestamp, value, " + isNan + "::int]::float8[]";
    // What a row is to the chart (PixelReduction::kindOf()): 0 a point, 1 a gap, 2 and 3 +/-inf.
    const QByteArray kind = "(CASE WHEN " + isNan
        + " OR value = 'NaN' THEN 1 WHEN value >= 1.7976931348623157e308 THEN 2 WHEN value <= "
          "-1.7976931348623157e308 THEN 3 WHEN value > "
        + (columns.logY ? "0" : "-1.7976931348623157e308") + " THEN 0 ELSE 1 END)";
    // Rows come back as float8 arrays: [step, timestamp, value, is_nan] for a row in the series'
    // order, [value, step, timestamp] for a minimum, [value, -step, -timestamp] for a maximum.
    const auto rowOf = [](const std::vector<double> &a, bool negated) {
        const double sign = negated ? -1 : 1;
        return Row {qint64(sign * a.at(1)), qint64(sign * a.at(2)), a.at(0)};
    };
    const auto firstOrLast = [](const std::vector<double> &a) {
        return Row {qint64(a.at(0)), qint64(a.at(1)),
                    a.at(3) != 0 ? std::numeric_limits<double>::quiet_NaN() : a.at(2)};
    };
    std::vector<GroupSummary> summaries;
    qint64 rowsInView = 0;
    {
        const Result<PgResult> rows
            = m_db.exec("SELECT c, count(*), min(" + rowArray + "), max(" + rowArray + "), min(ARRAY[value, "
                            + step + ", timestamp]::float8[]) FILTER (WHERE d), max(ARRAY[value, -" + step
                            + ", -timestamp]::float8[]) FILTER (WHERE d), bool_and(d), bool_or(d), "
                              "bool_or(i) FROM (SELECT "
                            + step + ", timestamp, value, " + isNan + ", " + group + " AS c, " + drawable
                            + " AS d, " + infinite + " AS i " + inView + ") r GROUP BY c",
                        params);
        if (!rows)
            return rows.error();
        summaries.reserve(size_t(rows->rowCount()));
        for (int row = 0; row < rows->rowCount(); ++row) {
            GroupSummary s;
            s.group = qint64(rows->real(row, 0)); // a float8
            s.rows = rows->int64(row, 1);
            s.first = firstOrLast(parseArray(rows->text(row, 2)));
            s.last = firstOrLast(parseArray(rows->text(row, 3)));
            if (!rows->isNull(row, 4))
                s.min = rowOf(parseArray(rows->text(row, 4)), false);
            if (!rows->isNull(row, 5))
                s.max = rowOf(parseArray(rows->text(row, 5)), true);
            s.allDrawable = rows->int64(row, 6) != 0;
            s.anyDrawable = rows->int64(row, 7) != 0;
            s.anyInfinite = rows->int64(row, 8) != 0;
            rowsInView += s.rows;
            summaries.push_back(std::move(s));
        }
        // Hashed, not sorted, in the server.
        std::sort(summaries.begin(), summaries.end(),
                  [](const GroupSummary &a, const GroupSummary &b) { return a.group < b.group; });
    }

    // The groups whose summary does not draw them, read in one more pass over their steps: every
    // row when the view holds so few that the chart draws them all, else the rows that
    // PixelReduction::keptOfMixedGroup() keeps, chosen in the server.
    const bool everyRow = PixelReduction::drawsEveryRow(
        columns, rowsInView + (before->has_value() ? 1 : 0) + (after->has_value() ? 1 : 0));
    QByteArray needed;
    qint64 neededLow = 0, neededHigh = 0;
    for (const GroupSummary &s : summaries) {
        if (!everyRow && PixelReduction::summaryIsEnough(s))
            continue;
        if (needed.isEmpty())
            neededLow = s.first.step;
        neededHigh = s.last.step;
        needed += (needed.isEmpty() ? "{" : ",") + QByteArray::number(s.group);
    }
    std::map<qint64, std::vector<Row>> kept; // by group
    if (!needed.isEmpty()) {
        PgParams p = params;
        p[2] = QByteArray::number(neededLow);
        p[3] = QByteArray::number(neededHigh);
        p << needed + "}";
        const QByteArray neededRows = "SELECT " + QByteArray(step) + " AS step, timestamp, value, " + isNan
            + "::int AS nan, " + group + " AS g, " + kind + " AS t " + inView + " AND " + group
            + " = ANY($10::float8[])";
        const QByteArray point = "ARRAY[step, timestamp, value, nan]::float8[]";
        const QByteArray sql = everyRow ? "SELECT g, " + point + " FROM (" + neededRows + ") x"
                                        : "WITH r AS MATERIALIZED (SELECT step, timestamp, value, nan, g, t, "
                                          "sum((t <> 0)::int) OVER w AS seg, "
                                          "lag(t) OVER w AS pt, lag(g) OVER w AS pg FROM ("
                + neededRows + ") x WINDOW w AS (ORDER BY step, timestamp, value)) SELECT g, min(" + point
                + "), max(" + point
                + "), min(ARRAY[value, step, timestamp]::float8[]), max(ARRAY[value, -step, "
                  "-timestamp]::float8[]) "
                  "FROM r WHERE t = 0 GROUP BY g, seg UNION ALL SELECT g, "
                + point
                + ", NULL, NULL, NULL FROM r WHERE t <> 0 AND (pt IS NULL OR pt = 0 OR pg <> g OR pt <> t)";
        const Result<PgResult> rows = m_db.exec(sql, p);
        if (!rows)
            return rows.error();
        for (int row = 0; row < rows->rowCount(); ++row) {
            std::vector<Row> &rowsOfGroup = kept[qint64(rows->real(row, 0))];
            rowsOfGroup.push_back(firstOrLast(parseArray(rows->text(row, 1))));
            if (rows->columnCount() > 2 && !rows->isNull(row, 2)) { // a run of points
                rowsOfGroup.push_back(firstOrLast(parseArray(rows->text(row, 2))));
                rowsOfGroup.push_back(rowOf(parseArray(rows->text(row, 3)), false));
                rowsOfGroup.push_back(rowOf(parseArray(rows->text(row, 4)), true));
            }
        }
        for (auto &[g, rowsOfGroup] : kept) {
            std::sort(rowsOfGroup.begin(), rowsOfGroup.end(), [](const Row &a, const Row &b) {
                return seriesRowLess(a.step, a.timestamp, a.value, b.step, b.timestamp, b.value);
            });
            rowsOfGroup.erase(std::unique(rowsOfGroup.begin(), rowsOfGroup.end()), rowsOfGroup.end());
        }
    }

    if (*before)
        builder.addNeighbour(**before);
    for (const GroupSummary &s : summaries) {
        if (!everyRow && PixelReduction::summaryIsEnough(s)) {
            builder.addSummary(s);
            continue;
        }
        builder.addRows(kept[s.group], s.rows);
    }
    if (*after)
        builder.addNeighbour(**after);
    return builder.take();
}

} // namespace Store
