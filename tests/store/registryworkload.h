#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <memory>

namespace Store {
class SqliteConnection;
}

// The registry workload that tst_registryconcurrency checks and bench_registrywrites times:
// stage transitions (with and without archiving the stage's other versions) and alias moves on
// a demo store's models, planned one at a time from the state the previous ones left, while
// registryloadwriter logs metrics into the same file.
namespace RegistryWorkload {

// Where the workload's store goes: a memory file system (/dev/shm) when there is one, so that
// the two writers meet on SQLite's locks rather than wait for the disk's flushes (a commit is
// tens of milliseconds on a busy disk); else the temporary folder.
QString scratchFolder();

// One model's live registry rows as MLflow keeps them.
struct ModelState
{
    QString name;
    qint64 lastUpdatedTime = 0;
    QMap<int, QString> stages; // version -> stage
    QMap<int, qint64> versionTimes; // version -> last_updated_time
    QMap<QString, int> aliases; // alias -> version

    bool operator==(const ModelState &) const = default;
    QString describe() const; // one line per row, for a failure message
};

// Reads the model's state by SQL (soft-deleted versions left out, as MLflow's readers do).
Store::Result<ModelState> readState(Store::SqliteConnection &db, const QString &model);

// The next change for `state`, from a seeded generator: mostly a stage transition to another
// stage (to Staging or Production, half of them archiving the versions already there), else an
// alias set, moved or deleted. `seen` holds the state's versions, so a store checks them.
class Planner
{
public:
    explicit Planner(quint32 seed) : m_random(seed) { }
    Store::RegistryChange next(const ModelState &state);

    int transitions = 0;
    int archiving = 0; // transitions that archive other versions
    int aliasMoves = 0;

private:
    QRandomGenerator m_random;
};

// What MLflow's rules make of a change written at `time` (RegistryWrite::time): the stages and
// aliases it names; that time for every version whose stage it changes and, when it changes a
// stage, for the model.
void apply(ModelState &state, const Store::RegistryChange &change, qint64 time);

// The load writer as a child process.
class LoadWriter
{
public:
    struct Report
    {
        qint64 rows = 0;
        qint64 transactions = 0;
        qint64 retries = 0;
        double seconds = 0;
        double rowsPerSecond = 0;
        QMap<QString, qint64> steps; // run id -> steps committed per metric
    };

    // Starts `program` on `store` and waits for its first commit; false (with error()) if it
    // did not get there. It runs until stop() or `maxSeconds`.
    bool start(const QString &program, const QString &store, double maxSeconds, int rowsPerSecond,
               const QStringList &runIds, int rowsPerTransaction = 5);
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    // Closes its standard input, waits for it to end and reads its report; false (with error())
    // if it failed.
    bool stop(Report &report);
    QString error() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

// Checks the rows the load writer says it committed: for each run, load/loss and load/lr hold
// exactly steps 0..K-1, latest_metrics their step K-1 and tag load.last_step K-1. Empty if all
// are there, else what is not.
QString checkLoadRows(Store::SqliteConnection &db, const LoadWriter::Report &report);

} // namespace RegistryWorkload
