// bench_firstrows --postgresql: the run table's first rows and the whole set on a PostgreSQL store,
// the GUI's path (RunLoader on the event loop of this process), against psql.
//
// The synthetic SQLite store that bench_firstrows builds is loaded into a new database of the test
// server (KAIZEN_TEST_PG_URL: tests/pg/pg-test-env sets it from the CTest fixture pg_server, or
// export the URL of a server prepared as tests/pg/pg-server prepares its own) and ANALYZEd, as
// autovacuum would have done on a server in use (the test server runs without it). One untimed
// load opens the store's connection; then each of K loads measures, from loadRuns():
//   - the time to firstRunsLoaded (the first 200 runs with their params, metrics and tags);
//   - the time to runsLoaded (every run);
//   - the longest the event loop went without turning: the largest gap between the turns of a
//     timer that ticks every few ms, from loadRuns() to runsLoaded.
// Baselines, each a new psql process and connection (`psql -X -At -d URL -c SQL > /dev/null`):
// the first-page statement that bench_firstrows gives the sqlite3 shell, in PostgreSQL's dialect,
// and the same statement without its LIMIT for the whole set; each checked first to print as many
// lines as Kaizen delivered values. No cold figures: the server's buffers and the page cache under
// it are not evicted. Exits 1 when a load fails or delivers the wrong rows, not when a goal is missed.

#include "bench_firstrows.h"
#include "benchsupport.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace FirstRowsBench {

namespace {

constexpr int TickMs = 5;

struct Load
{
    double firstMs = -1; // loadRuns() -> firstRunsLoaded
    double allMs = -1; // loadRuns() -> runsLoaded
    double stallMs = 0; // the longest gap between two turns of the event loop
    qint64 firstValues = 0;
    qint64 allValues = 0;
    int allRuns = 0;
};

// One whole load as the run table sees it. Checks the first page's shape and the number of runs;
// false with `problem` set on failure.
bool timeLoad(RunLoader &loader, const Store::RunQuery &query, int runs, Load *load, QString *problem)
{
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(TickMs);
    double begin = 0;
    double lastTurn = 0;
    const auto turned = [&] {
        const double now = nowMs();
        load->stallMs = std::max(load->stallMs, now - lastTurn);
        lastTurn = now;
        return now;
    };
    QObject::connect(&ticker, &QTimer::timeout, &loop, turned);
    QObject::connect(&loader, &RunLoader::firstRunsLoaded, &loop, [&](const Store::RunTable &first) {
        load->firstMs = turned() - begin;
        load->firstValues = valuesOf(first);
        *problem = incompleteFirstRows(first);
        if (!problem->isEmpty()) {
            loader.cancel();
            loop.quit();
        }
    });
    QObject::connect(&loader, &RunLoader::runsLoaded, &loop, [&](const Store::RunTable &all) {
        load->allMs = turned() - begin;
        load->allRuns = all.size();
        load->allValues = valuesOf(all); // after the stall was taken: not the loader's
        loop.quit();
    });
    QObject::connect(&loader, &RunLoader::loadFailed, &loop, [&](const Store::Error &e) {
        *problem = e.message;
        loop.quit();
    });
    QTimer::singleShot(600000, &loop, [&] {
        *problem = QStringLiteral("no whole set after 600 s");
        loader.cancel();
        loop.quit();
    });
    begin = lastTurn = nowMs();
    loader.loadRuns(query);
    ticker.start();
    loop.exec();
    if (problem->isEmpty() && load->firstMs < 0)
        *problem = QStringLiteral("runsLoaded came without firstRunsLoaded");
    if (problem->isEmpty() && load->allRuns != runs)
        *problem = QStringLiteral("%1 runs loaded, expected %2").arg(load->allRuns).arg(runs);
    return problem->isEmpty();
}

// What bench_firstrows gives the sqlite3 shell, in PostgreSQL's dialect and MLflow's order as
// PostgresStore::runs() writes it: the page of runs once (a materialized CTE), then its params,
// latest metrics and tags; every column as text so that the branches of the UNION agree. Without
// a limit (`limit` < 0): every run of the experiment.
QByteArray pageQuery(const QString &experimentId, int limit)
{
    QByteArray page = "WITH page AS MATERIALIZED (SELECT run_uuid, name, experiment_id::text, status, "
                      "lifecycle_stage, user_id, artifact_uri, start_time::text, end_time::text FROM runs "
                      "WHERE lifecycle_stage = 'active' AND experiment_id IN ("
        + experimentId.toLatin1() + ") ORDER BY start_time DESC NULLS LAST, run_uuid COLLATE \"C\"";
    if (limit >= 0)
        page += " LIMIT " + QByteArray::number(limit);
    return page
        + ") SELECT * FROM page "
          "UNION ALL SELECT p.run_uuid, p.key, p.value, NULL, NULL, NULL, NULL, NULL, NULL "
          "FROM page JOIN params p ON p.run_uuid = page.run_uuid "
          "UNION ALL SELECT m.run_uuid, m.key, m.value::text, m.step::text, m.timestamp::text, "
          "m.is_nan::text, NULL, NULL, NULL FROM page JOIN latest_metrics m ON m.run_uuid = page.run_uuid "
          "UNION ALL SELECT t.run_uuid, t.key, t.value, NULL, NULL, NULL, NULL, NULL, NULL "
          "FROM page JOIN tags t ON t.run_uuid = page.run_uuid";
}

// psql running `sql`: checked once to print `expected` lines (untimed, into `scratchDir`), then
// timed `repeat` times after one untimed run. Empty when psql failed or printed other rows.
std::vector<double> timePsql(const QString &psql, const QString &url, const QByteArray &sql, qint64 expected,
                             int repeat, const QString &scratchDir, const char *what, bool *failed)
{
    const std::vector<QByteArray> command {
        QFile::encodeName(psql), "-X", "-At", "-d", url.toUtf8(), "-c", sql};
    const QString output = scratchDir + QStringLiteral("/psql-output.txt");
    const qint64 lines = timeProcess(command, QFile::encodeName(output).constData()) >= 0
        ? BenchSupport::countLines(output)
        : -1;
    QFile::remove(output);
    if (lines != expected) {
        std::printf("psql %s: WRONG: %lld lines, expected %lld\n", what, lines, expected);
        *failed = true;
        return {};
    }
    std::vector<double> ms;
    for (int i = 0; i <= repeat; ++i) {
        const double t = timeProcess(command, "/dev/null");
        if (t < 0) {
            std::printf("psql %s: FAILED\n", what);
            *failed = true;
            return {};
        }
        if (i > 0) // the first one is not timed, as for Kaizen
            ms.push_back(t);
    }
    return ms;
}

} // namespace

int runPostgres(const QString &sqliteStore, const QString &experimentId, int runs, int repeat,
                const QString &scratchDir)
{
    const double importBegin = nowMs();
    const QString url = TestSupport::postgresFromSqlite(sqliteStore);
    if (url.isEmpty()) {
        std::printf("error: cannot load the store into a new database of %s\n",
                    qPrintable(TestSupport::postgresServer()));
        return 1;
    }
    const double analyzeBegin = nowMs();
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psql.isEmpty()
        || timeProcess({QFile::encodeName(psql), "-X", "-q", "-d", url.toUtf8(), "-c", "ANALYZE"},
                       "/dev/null")
            < 0) {
        std::printf("error: cannot ANALYZE the new database with psql\n");
        return 1;
    }
    std::printf("postgresql: %s, loaded in %.1f s, ANALYZE (autovacuum's, which the test server lacks) "
                "%.1f s\n",
                qPrintable(url), (analyzeBegin - importBegin) / 1000, (nowMs() - analyzeBegin) / 1000);
    std::printf("server cache: warm only (the server's buffers and the page cache under it are not "
                "evicted: no cold figures)\n");

    Store::RunQuery query;
    query.experimentIds = {experimentId};
    RunLoader loader;
    loader.setLocation(url);
    bool failed = false;
    QString problem;
    Load opening; // the first load also connects and reads the catalogue: not among the timed ones
    std::vector<double> first, all, stall;
    if (timeLoad(loader, query, runs, &opening, &problem)) {
        for (int i = 0; i < repeat; ++i) {
            Load load;
            if (!timeLoad(loader, query, runs, &load, &problem))
                break;
            first.push_back(load.firstMs);
            all.push_back(load.allMs);
            stall.push_back(load.stallMs);
        }
    }
    if (!problem.isEmpty()) {
        std::printf("kaizen load: FAILED: %s\n", qPrintable(problem));
        return 1;
    }

    const std::vector<double> psqlFirst
        = timePsql(psql, url, pageQuery(experimentId, FirstRows), opening.firstValues, repeat, scratchDir,
                   "first page", &failed);
    const std::vector<double> psqlAll = timePsql(psql, url, pageQuery(experimentId, -1), opening.allValues,
                                                 repeat, scratchDir, "every run", &failed);

    std::printf(
        "first load, on a new connection: first rows %.1f ms, whole set %.1f ms, longest stall %.1f ms\n",
        opening.firstMs, opening.allMs, opening.stallMs);
    std::printf(
        "first %d rows (loadRuns() -> firstRunsLoaded, event loop) vs psql's first page (%lld lines):\n",
        FirstRows, static_cast<long long>(opening.firstValues));
    printStats("kaizen:", first);
    if (!psqlFirst.empty())
        printStats("psql first page:", psqlFirst);
    std::printf("whole set, %d runs (loadRuns() -> runsLoaded) vs psql selecting every run (%lld lines):\n",
                runs, static_cast<long long>(opening.allValues));
    printStats("kaizen:", all);
    if (!psqlAll.empty())
        printStats("psql every run:", psqlAll);
    std::printf("longest event-loop stall during a load (a %d ms timer, loadRuns() -> runsLoaded):\n",
                TickMs);
    printStats("kaizen:", stall);
    if (!psqlFirst.empty())
        std::printf("ratio kaizen/psql (median), first rows: %.2f\n",
                    stats(first).median / stats(psqlFirst).median);
    if (!psqlAll.empty())
        std::printf("ratio kaizen/psql (median), whole set: %.2f\n",
                    stats(all).median / stats(psqlAll).median);
    std::printf("goal first rows < %.0f ms (median): %s\n", GoalMs,
                stats(first).median < GoalMs ? "met" : "missed");
    return failed ? 1 : 0;
}

} // namespace FirstRowsBench
