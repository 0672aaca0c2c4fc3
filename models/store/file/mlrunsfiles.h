#pragma once

#include "storetypes.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <utility>
#include <vector>

namespace YAML {
class Node;
}

namespace Store::Mlruns {

// Small POSIX helpers for reading an mlruns/ folder (format notes §4): one openat() and read()
// per file, directories walked with their file descriptors, no per-file path building.

// An open directory descriptor, closed on destruction.
class DirFd
{
public:
    DirFd() = default;
    explicit DirFd(int fd) : m_fd(fd) { }
    ~DirFd();
    DirFd(DirFd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) { }
    DirFd &operator=(DirFd &&other) noexcept;
    DirFd(const DirFd &) = delete;
    DirFd &operator=(const DirFd &) = delete;

    // `name` under `parent` (-1 or AT_FDCWD: an absolute or relative path); invalid if it is no folder.
    static DirFd open(int parent, const char *name);
    bool isValid() const { return m_fd >= 0; }
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
};

// The whole content of `name` under `dir`; nullopt when it cannot be opened or read. With
// `identity`, also the file's stat (of the open file: no second path look-up).
std::optional<std::string> readFile(int dir, const char *name, struct stat *identity = nullptr);

struct DirEntry
{
    std::string name;
    bool isDir = false;
};
// The entries of the folder open as `dir` (without . and ..), symbolic links resolved; empty
// when unreadable. Reads from the descriptor's position: list a descriptor once.
std::vector<DirEntry> listDir(int dir);

using KeyValues = std::vector<std::pair<std::string, std::string>>;
// Every file below `sub` of `dir` as (key, content), the key being the file's relative path with
// '/' between folders (a key "a/b" is the file sub/a/b). Nothing when `sub` is missing.
void readKeyFiles(int dir, const char *sub, KeyValues &out);
// The same, keys only.
void listKeyFiles(int dir, const char *sub, std::vector<std::string> &out);

// A YAML document parsed with yaml-cpp; nullopt (and `error` set) when it does not parse or is no
// mapping.
std::optional<YAML::Node> parseYaml(const std::string &text, QString *error);
// A scalar as text, nullopt when absent or null.
std::optional<std::string> yamlString(const YAML::Node &map, const char *key);
// A scalar as an integer (quoted or not), nullopt when absent, null or no integer.
std::optional<qint64> yamlInt(const YAML::Node &map, const char *key);
QString yamlQString(const YAML::Node &map, const char *key);
qint64 yamlTime(const YAML::Node &map, const char *key); // NoTime when absent

// The top-level scalars of a YAML mapping (nested collections left out), read with yaml-cpp's
// event parser: a run's meta.yaml is a flat mapping, and not building a node tree makes reading
// 10,000 of them for a first page of runs several times cheaper.
class FlatYaml
{
public:
    // nullopt (and `error` set) when `text` does not parse or is no mapping.
    static std::optional<FlatYaml> parse(const std::string &text, QString *error);
    // A scalar as text, nullopt when absent, null or a collection.
    std::optional<std::string> string(const char *key) const;
    std::optional<qint64> integer(const char *key) const; // quoted or not
    QString qstring(const char *key) const;
    qint64 time(const char *key) const; // NoTime when absent

    std::vector<std::pair<std::string, std::optional<std::string>>> values;
};

// One line of a metric file: "<timestamp> <value> [<step> [<dataset name> <digest>]]", the value as
// Python's str() writes a float (nan, inf, -inf, 1e-05, 5), parsed without the C locale.
bool parseMetricLine(std::string_view line, MetricPoint *point);
// Calls `point(p)` for each line of `content`; returns the 1-based number of the first line
// that does not parse, 0 when all do.
template<typename F> int forEachMetricLine(std::string_view content, F &&point)
{
    int lineNumber = 0;
    int firstBad = 0;
    while (!content.empty()) {
        const size_t end = content.find('\n');
        std::string_view line = content.substr(0, end);
        content = end == std::string_view::npos ? std::string_view() : content.substr(end + 1);
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        MetricPoint p;
        if (parseMetricLine(line, &p))
            point(p);
        else if (!firstBad)
            firstBad = lineNumber;
    }
    return firstBad;
}

// Run status as MLflow's file store writes it (an int 1..5, or a name) as the name; RUNNING when
// missing.
QString statusName(const std::optional<std::string> &status);
// Whether a run of that status (a statusName()) may still log: RUNNING or SCHEDULED.
bool isUnfinished(const QString &status);

// Whether `id` can be a folder name MLflow wrote for a run or an experiment (no '/', no "..").
bool isSafeId(const QString &id);

} // namespace Store::Mlruns
