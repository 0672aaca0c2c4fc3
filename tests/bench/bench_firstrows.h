#pragma once

#include "runloader.h"

#include <QByteArray>
#include <QString>

#include <vector>

// What the two halves of bench_firstrows share: bench_firstrows.cpp (the SQLite store, and the
// program) and bench_firstrows_pg.cpp (the same store loaded into PostgreSQL, --postgresql).
namespace FirstRowsBench {

// The shape of the synthetic store: runs x Params x Metrics x Tags in one experiment.
constexpr int Params = 20;
constexpr int Metrics = 10;
constexpr int Tags = 8;
constexpr int FirstRows = RunLoader::DefaultFirstRowsLimit;
constexpr double GoalMs = 300.0;

double nowMs(); // CLOCK_MONOTONIC, in milliseconds

// Runs, params, latest metrics and tags: the lines the table's values take in the baseline's output.
qint64 valuesOf(const Store::RunTable &table);
// What is wrong with a first page of the synthetic store (FirstRows runs, each with every param,
// metric and tag); empty when nothing is.
QString incompleteFirstRows(const Store::RunTable &first);

struct Stats
{
    double median = 0;
    double p95 = 0;
    double best = 0;
};
Stats stats(std::vector<double> values); // values must not be empty
// "  label  median ... ms   p95 ... ms   best ... ms   (N runs)"
void printStats(const char *label, const std::vector<double> &ms);

// Runs `args` (args[0] a path) with stdout to `stdoutPath`; wall milliseconds from spawn to
// reap, negative on failure.
double timeProcess(const std::vector<QByteArray> &args, const char *stdoutPath);

// The --postgresql mode: the SQLite store at `sqliteStore` loaded into a new database of the test
// server (KAIZEN_TEST_PG_URL), its experiment `experimentId` measured `repeat` times against
// psql. `scratchDir` takes psql's output for the line count. Returns the exit code.
int runPostgres(const QString &sqliteStore, const QString &experimentId, int runs, int repeat,
                const QString &scratchDir);

} // namespace FirstRowsBench
