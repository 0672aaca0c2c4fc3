#pragma once

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace Store {
class SqliteConnection;
}

// What the benchmarks share: the synthetic run store they measure, and small helpers.
namespace BenchSupport {

struct RunStoreShape
{
    int runs = 0;
    int params = 0;
    int metrics = 0;
    int tags = 0;
};

// The path of a synthetic store of that shape in `keepDir` (empty: `scratchDir`), named
// `<prefix>-<runs>.db`: a kept store of the right size is reused, anything else rebuilt. Prints
// what it did; empty on failure (after printing why).
QString syntheticRunStore(const QString &scratchDir, const QString &keepDir, const QString &prefix,
                          const RunStoreShape &shape);

// A benchmark's options: `--name VALUE` bound to variables that hold the defaults, read by
// QCommandLineParser (which adds --help). Numbers below their minimum are refused.
class Arguments
{
public:
    explicit Arguments(const QString &description);
    void add(const QString &name, int &value, const QString &help, qint64 minimum = 1);
    void add(const QString &name, qint64 &value, const QString &help, qint64 minimum = 1);
    void add(const QString &name, QString &value, const QString &help);
    // A switch without a value: `--name` sets `value` to true.
    void add(const QString &name, bool &value, const QString &help);
    // Empty when the benchmark should run; else the exit code, after printing the help (0) or
    // what was wrong with the usage (2).
    std::optional<int> parse(const QStringList &arguments);

private:
    void addNumber(const QString &name, const QString &help, qint64 minimum,
                   std::function<void(qint64)> assign, qint64 shown);

    struct Binding
    {
        QString name;
        std::function<bool(const QString &)> assign; // false: not a valid value
    };
    QCommandLineParser m_parser;
    std::vector<Binding> m_bindings;
};

// An mlruns folder (MLflow's file store) of `runs` runs in experiment 0, each with meta.yaml,
// `params` params, `tags` tags and `metrics` metrics of `metricLines` lines, as MLflow 2.x writes
// them; the last `unfinishedRuns` runs still RUNNING. Writes <root>/.bench-runs (the run count).
struct MlrunsShape
{
    int runs = 0;
    int params = 10;
    int tags = 18;
    int metrics = 10;
    int metricLines = 5;
    int unfinishedRuns = 0;
};
// False on failure.
bool writeMlruns(const std::string &root, const MlrunsShape &shape);

double mib(qint64 bytes);
std::optional<qint64> scalar(Store::SqliteConnection &db, const QByteArray &sql);
qint64 countLines(const QString &path); // -1 if the file cannot be read

} // namespace BenchSupport
