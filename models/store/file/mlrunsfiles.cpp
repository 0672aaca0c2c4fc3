#include "mlrunsfiles.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <charconv>
#include <cmath>
#include <dirent.h>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

namespace Store::Mlruns {

DirFd::~DirFd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

DirFd &DirFd::operator=(DirFd &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

DirFd DirFd::open(int parent, const char *name)
{
    return DirFd(::openat(parent < 0 ? AT_FDCWD : parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

std::optional<std::string> readFile(int dir, const char *name, struct stat *identity)
{
    // O_NONBLOCK: a FIFO where a file should be fails instead of waiting for a writer.
    const int fd = ::openat(dir, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return std::nullopt;
    if (identity && ::fstat(fd, identity) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    std::string content;
    // Nearly every file of a run is a few bytes: one read into a small buffer, a second to see EOF.
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0)
            break;
        content.append(buffer, size_t(n));
        // A regular file reads short only at its end: spare the read that would return 0 (a
        // third of the system calls of a run's small files).
        if (size_t(n) < sizeof buffer)
            break;
    }
    ::close(fd);
    return content;
}

std::vector<DirEntry> listDir(int dir)
{
    // getdents64 straight on the descriptor: no second descriptor for a DIR stream (opendir
    // would cost an openat and a close more for each of a run's three folders).
    std::vector<DirEntry> entries;
    alignas(8) char buffer[16384];
    for (;;) {
        const ssize_t n = ::getdents64(dir, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t offset = 0; offset < n;) {
            const auto *e = reinterpret_cast<const dirent64 *>(buffer + offset);
            offset += e->d_reclen;
            const char *name = e->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
                continue;
            bool isDir = e->d_type == DT_DIR;
            if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
                struct stat info;
                isDir = ::fstatat(dir, name, &info, 0) == 0 && S_ISDIR(info.st_mode);
            }
            entries.push_back({name, isDir});
        }
    }
    return entries;
}

namespace {

template<typename F> void walkKeys(int dir, const std::string &prefix, F &&file)
{
    for (const DirEntry &e : listDir(dir)) {
        if (e.isDir) {
            const DirFd sub = DirFd::open(dir, e.name.c_str());
            if (sub.isValid())
                walkKeys(sub.fd(), prefix + e.name + '/', file);
        } else {
            file(dir, e.name, prefix + e.name);
        }
    }
}

} // namespace

void readKeyFiles(int dir, const char *sub, KeyValues &out)
{
    const DirFd folder = DirFd::open(dir, sub);
    if (!folder.isValid())
        return;
    walkKeys(folder.fd(), std::string(), [&](int parent, const std::string &name, std::string key) {
        if (auto content = readFile(parent, name.c_str()))
            out.emplace_back(std::move(key), std::move(*content));
    });
}

void listKeyFiles(int dir, const char *sub, std::vector<std::string> &out)
{
    const DirFd folder = DirFd::open(dir, sub);
    if (!folder.isValid())
        return;
    walkKeys(folder.fd(), std::string(),
             [&](int, const std::string &, std::string key) { out.push_back(std::move(key)); });
}

std::optional<YAML::Node> parseYaml(const std::string &text, QString *error)
{
    try {
        YAML::Node node = YAML::Load(text);
        if (node.IsMap())
            return node;
        *error = QCoreApplication::translate("Store::FileStore", "it is not a YAML mapping");
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.what());
    }
    return std::nullopt;
}

std::optional<std::string> yamlString(const YAML::Node &map, const char *key)
{
    const YAML::Node value = map[key];
    if (!value || !value.IsScalar())
        return std::nullopt;
    if (value.Tag() != "!" && value.Scalar() == "null") // an unquoted null, PyYAML's None
        return std::nullopt;
    if (value.Tag() != "!" && (value.Scalar() == "~" || value.Scalar() == "Null" || value.Scalar() == "NULL"))
        return std::nullopt;
    return value.Scalar();
}

QString yamlQString(const YAML::Node &map, const char *key)
{
    const auto text = yamlString(map, key);
    return text ? QString::fromStdString(*text) : QString();
}

qint64 yamlTime(const YAML::Node &map, const char *key)
{
    return yamlInt(map, key).value_or(NoTime);
}

namespace {

std::optional<qint64> toInteger(const std::optional<std::string> &text)
{
    if (!text || text->empty())
        return std::nullopt;
    qint64 value = 0;
    const char *end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec == std::errc() && ptr == end)
        return value;
    // PyYAML never writes a float time, but other tools might: 1.7e12.
    double real = 0;
    const auto [rptr, rec] = std::from_chars(text->data(), end, real);
    if (rec == std::errc() && rptr == end && std::isfinite(real))
        return qint64(real);
    return std::nullopt;
}

// Collects the scalars of the top-level mapping; a value that is a collection is skipped whole.
class FlatHandler : public YAML::EventHandler
{
public:
    explicit FlatHandler(FlatYaml &out) : m_out(out) { }
    bool isMapping = false;

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { scalar(std::nullopt); }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { scalar(std::nullopt); }
    void OnScalar(const YAML::Mark &, const std::string &tag, YAML::anchor_t,
                  const std::string &value) override
    {
        const bool plainNull
            = tag == "?" && (value == "null" || value == "Null" || value == "NULL" || value == "~");
        scalar(plainNull ? std::nullopt : std::optional<std::string>(value));
    }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {
        open(false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {
        open(true);
    }
    void OnMapEnd() override { close(); }

private:
    void open(bool map)
    {
        if (m_depth == 0 && map)
            isMapping = true;
        else if (m_depth == 1)
            collectionValue();
        ++m_depth;
    }
    void close() { --m_depth; }
    void scalar(std::optional<std::string> value)
    {
        if (m_depth != 1)
            return;
        if (!m_haveKey) {
            m_key = value.value_or(std::string());
            m_haveKey = true;
        } else {
            m_out.values.emplace_back(std::move(m_key), std::move(value));
            m_haveKey = false;
        }
    }
    void collectionValue()
    {
        if (m_haveKey) // a key's value that is a collection: left out
            m_haveKey = false;
        else
            m_haveKey = true, m_key.clear(); // a collection as a key (YAML allows it): its value is skipped
    }

    FlatYaml &m_out;
    int m_depth = 0;
    bool m_haveKey = false;
    std::string m_key;
};

} // namespace

std::optional<FlatYaml> FlatYaml::parse(const std::string &text, QString *error)
{
    FlatYaml flat;
    FlatHandler handler(flat);
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        parser.HandleNextDocument(handler);
    } catch (const YAML::Exception &e) {
        *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    if (!handler.isMapping) {
        *error = QCoreApplication::translate("Store::FileStore", "it is not a YAML mapping");
        return std::nullopt;
    }
    return flat;
}

std::optional<std::string> FlatYaml::string(const char *key) const
{
    for (const auto &[k, v] : values) {
        if (k == key)
            return v;
    }
    return std::nullopt;
}

std::optional<qint64> FlatYaml::integer(const char *key) const
{
    return toInteger(string(key));
}

QString FlatYaml::qstring(const char *key) const
{
    const auto text = string(key);
    return text ? QString::fromStdString(*text) : QString();
}

qint64 FlatYaml::time(const char *key) const
{
    return integer(key).value_or(NoTime);
}

std::optional<qint64> yamlInt(const YAML::Node &map, const char *key)
{
    return toInteger(yamlString(map, key));
}

bool parseMetricLine(std::string_view line, MetricPoint *point)
{
    std::string_view fields[3];
    int count = 0;
    size_t pos = 0;
    while (count < 3 && pos <= line.size()) {
        const size_t end = std::min(line.find(' ', pos), line.size());
        fields[count++] = line.substr(pos, end - pos);
        pos = end + 1;
    }
    if (count < 2)
        return false;
    const auto integer = [](std::string_view text, qint64 *value) {
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
        return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
    };
    if (!integer(fields[0], &point->timestamp))
        return false;
    std::string_view value = fields[1];
    if (!value.empty() && value.front() == '+') // from_chars takes no '+'; Python never writes one
        value.remove_prefix(1);
    // std::from_chars ignores the locale and reads nan, inf, -inf, 1e-05 and integers.
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), point->value);
    if (value.empty() || ptr != value.data() + value.size()
        || (ec != std::errc() && ec != std::errc::result_out_of_range))
        return false;
    if (ec == std::errc::result_out_of_range) { // another tool's 1e999 or 1e-999: inf or 0
        const size_t e = value.find_first_of("eE");
        const bool negative = value.front() == '-';
        const bool tiny = e != std::string_view::npos && e + 1 < value.size() && value[e + 1] == '-';
        point->value = tiny ? (negative ? -0.0 : 0.0) : (negative ? -HUGE_VAL : HUGE_VAL);
    }
    point->step = 0;
    return count < 3 || integer(fields[2], &point->step);
}

QString statusName(const std::optional<std::string> &status)
{
    static const char *const names[] = {"RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"};
    if (!status || status->empty())
        return QStringLiteral("RUNNING");
    int number = 0;
    const auto [ptr, ec] = std::from_chars(status->data(), status->data() + status->size(), number);
    if (ec == std::errc() && ptr == status->data() + status->size())
        return number >= 1 && number <= 5 ? QLatin1String(names[number - 1]) : QStringLiteral("RUNNING");
    return QString::fromStdString(*status).toUpper(); // a newer writer's name
}

bool isUnfinished(const QString &status)
{
    return status == QLatin1String("RUNNING") || status == QLatin1String("SCHEDULED");
}

bool isSafeId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9][\\w\\-]{0,255}$"));
    return pattern.match(id).hasMatch();
}

} // namespace Store::Mlruns
