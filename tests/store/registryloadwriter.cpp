// registryloadwriter: a second writer on an MLflow SQLite store, as MLflow's tracking client
// leaves one through its SQL store while a training job logs: small transactions of metrics
// (a metrics row and the latest_metrics upsert each, format notes §2.5) and a run tag.
//
//   registryloadwriter [--stop-on-eof] [--batch N] STORE SECONDS ROWS_PER_SECOND RUN_ID...
//
// Each transaction logs, for the next run in turn, the metrics load/loss and load/lr at two new
// steps and sets the tag load.last_step (N = 5 rows by default; N - 1 metric rows, an even
// number, and the tag), paced to ROWS_PER_SECOND and catching up when behind. The connection is
// set up like MLflow's (foreign_keys on, busy_timeout 20 s, a deferred BEGIN); a transaction
// that still meets a busy store is rolled back and tried again with the same rows.
//
// Stops after SECONDS, or with --stop-on-eof as soon as its standard input closes. Prints
// "ready" after its first commit, then at the end what it committed, as key=value lines:
// rows, transactions, retries, seconds, rows_per_second, and one "run=<id> steps=<K>" per run
// (load/loss and load/lr hold steps 0..K-1 of that run, load.last_step is K-1). Exit status 0,
// or 1 after any other SQLite error (printed on stderr), 2 for bad arguments.

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> stopRequested = false; // set by the thread that waits for standard input to close

struct Options
{
    bool stopOnEof = false;
    int batch = 5;
    std::string store;
    double seconds = 0;
    double rowsPerSecond = 0;
    std::vector<std::string> runIds;
};

bool parse(int argc, char **argv, Options &options)
{
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--stop-on-eof") {
            options.stopOnEof = true;
        } else if (arg == "--batch" && i + 1 < argc) {
            options.batch = std::atoi(argv[++i]);
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() < 4 || options.batch < 3 || options.batch % 2 == 0)
        return false;
    options.store = positional[0];
    options.seconds = std::atof(positional[1].c_str());
    options.rowsPerSecond = std::atof(positional[2].c_str());
    options.runIds.assign(positional.begin() + 3, positional.end());
    return options.seconds > 0 && options.rowsPerSecond > 0;
}

// A SQLite failure that is not a busy store.
struct Failure
{
    std::string message;
};

class Writer
{
public:
    explicit Writer(const Options &options) : m_options(options), m_steps(options.runIds.size(), 0) { }
    ~Writer()
    {
        for (sqlite3_stmt *s : {m_metric, m_latest, m_tag})
            sqlite3_finalize(s);
        sqlite3_close(m_db);
    }

    bool open()
    {
        if (sqlite3_open_v2(m_options.store.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            return fail("open");
        sqlite3_busy_timeout(m_db, 20000);
        for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA case_sensitive_like = ON"}) {
            if (sqlite3_exec(m_db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
                return fail(pragma);
        }
        return prepare(m_metric,
                       "INSERT INTO metrics (\"key\", value, timestamp, run_uuid, step, is_nan) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, 0)")
            && prepare(m_latest,
                       "INSERT INTO latest_metrics (\"key\", value, timestamp, step, is_nan, run_uuid) "
                       "VALUES (?1, ?2, ?3, ?5, 0, ?4) ON CONFLICT (\"key\", run_uuid) DO UPDATE SET "
                       "value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, "
                       "is_nan = excluded.is_nan WHERE (excluded.step, excluded.timestamp, excluded.value) "
                       "> (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)")
            && prepare(m_tag,
                       "INSERT INTO tags (\"key\", value, run_uuid) VALUES ('load.last_step', ?1, ?2) "
                       "ON CONFLICT (\"key\", run_uuid) DO UPDATE SET value = excluded.value");
    }

    // One transaction, tried until it commits. False after a failure other than a busy store.
    bool commitNext()
    {
        const size_t run = m_transactions % m_steps.size();
        for (;;) {
            const int result = tryTransaction(run);
            if (result == SQLITE_OK)
                break;
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            if (result != SQLITE_BUSY && result != SQLITE_LOCKED)
                return fail("a transaction");
            ++m_retries;
        }
        m_steps[run] += (m_options.batch - 1) / 2;
        m_rows += m_options.batch;
        ++m_transactions;
        return true;
    }

    const std::string &error() const { return m_error; }
    long long rows() const { return m_rows; }
    long long transactions() const { return m_transactions; }
    long long retries() const { return m_retries; }
    const std::vector<long long> &steps() const { return m_steps; }

private:
    bool prepare(sqlite3_stmt *&statement, const char *sql)
    {
        return sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) == SQLITE_OK || fail(sql);
    }
    bool fail(const std::string &what)
    {
        m_error = what + ": " + (m_db ? sqlite3_errmsg(m_db) : "out of memory");
        return false;
    }
    static int execute(sqlite3_stmt *statement)
    {
        const int result = sqlite3_step(statement);
        sqlite3_reset(statement);
        return result == SQLITE_DONE ? SQLITE_OK : result;
    }

    // SQLITE_OK once committed, else the first failure's primary result code.
    int tryTransaction(size_t run)
    {
        if (int r = sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr); r != SQLITE_OK)
            return r & 0xff;
        const std::string &runId = m_options.runIds[run];
        const long long firstStep = m_steps[run];
        const long long steps = (m_options.batch - 1) / 2;
        const long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
        for (long long step = firstStep; step < firstStep + steps; ++step) {
            for (const char *key : {"load/loss", "load/lr"}) {
                const double value = std::string_view(key) == "load/loss"
                    ? 1.0 / (1.0 + 0.01 * double(step))
                    : 0.001 * std::pow(0.999, double(step));
                for (sqlite3_stmt *statement : {m_metric, m_latest}) {
                    sqlite3_bind_text(statement, 1, key, -1, SQLITE_STATIC);
                    sqlite3_bind_double(statement, 2, value);
                    sqlite3_bind_int64(statement, 3, now);
                    sqlite3_bind_text(statement, 4, runId.c_str(), int(runId.size()), SQLITE_STATIC);
                    sqlite3_bind_int64(statement, 5, step);
                    if (int r = execute(statement); r != SQLITE_OK)
                        return r & 0xff;
                }
            }
        }
        const std::string lastStep = std::to_string(firstStep + steps - 1);
        sqlite3_bind_text(m_tag, 1, lastStep.c_str(), int(lastStep.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(m_tag, 2, runId.c_str(), int(runId.size()), SQLITE_STATIC);
        if (int r = execute(m_tag); r != SQLITE_OK)
            return r & 0xff;
        return sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) & 0xff;
    }

    Options m_options;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_metric = nullptr;
    sqlite3_stmt *m_latest = nullptr;
    sqlite3_stmt *m_tag = nullptr;
    std::vector<long long> m_steps; // per run: the next step
    long long m_rows = 0;
    long long m_transactions = 0;
    long long m_retries = 0;
    std::string m_error;
};

} // namespace

int main(int argc, char **argv)
{
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(
            stderr,
            "usage: %s [--stop-on-eof] [--batch N (odd, >= 3)] STORE SECONDS ROWS_PER_SECOND RUN_ID...\n",
            argv[0]);
        return 2;
    }
    if (options.stopOnEof) {
        // Blocks on standard input until it closes; the process may end while it still waits.
        std::thread([] {
            while (std::fgetc(stdin) != EOF) { }
            stopRequested = true;
        }).detach();
    }

    Writer writer(options);
    if (!writer.open()) {
        std::fprintf(stderr, "registryloadwriter: %s\n", writer.error().c_str());
        return 1;
    }
    const auto start = Clock::now();
    const auto interval = std::chrono::duration<double>(options.batch / options.rowsPerSecond);
    const auto end = start + std::chrono::duration<double>(options.seconds);
    auto due = start;
    bool ok = true;
    while (ok && !stopRequested && Clock::now() < end) {
        if (const auto now = Clock::now(); now < due)
            std::this_thread::sleep_until(due);
        ok = writer.commitNext();
        due += std::chrono::duration_cast<Clock::duration>(interval);
        if (writer.transactions() == 1) {
            std::printf("ready\n");
            std::fflush(stdout);
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("rows=%lld\ntransactions=%lld\nretries=%lld\nseconds=%.3f\nrows_per_second=%.1f\n",
                writer.rows(), writer.transactions(), writer.retries(), seconds,
                double(writer.rows()) / seconds);
    for (size_t i = 0; i < options.runIds.size(); ++i)
        std::printf("run=%s steps=%lld\n", options.runIds[i].c_str(), writer.steps()[i]);
    std::fflush(stdout);
    if (!ok) {
        std::fprintf(stderr, "registryloadwriter: %s\n", writer.error().c_str());
        return 1;
    }
    return 0;
}
