#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

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

double mib(qint64 bytes);
std::optional<qint64> scalar(Store::SqliteConnection &db, const QByteArray &sql);
qint64 countLines(const QString &path); // -1 if the file cannot be read

} // namespace BenchSupport
