#include "benchsupport.h"

#include "demostore.h"
#include "sqlitehandle.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace BenchSupport {

namespace {

bool writeWholeFile(const std::string &path, const std::string &content)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, content.data(), content.size()) == ssize_t(content.size());
    return ::close(fd) == 0 && ok;
}

} // namespace

bool writeMlruns(const std::string &root, const MlrunsShape &shape)
{
    const std::string experiment = root + "/0";
    if (!QDir().mkpath(QString::fromStdString(experiment)))
        return false;
    bool ok = writeWholeFile(experiment + "/meta.yaml",
                             "artifact_location: file://" + experiment
                                 + "\ncreation_time: 1700000000000\nexperiment_id: '0'\nlast_update_time: "
                                   "1700000000000\nlifecycle_stage: active\nname: Default\n");
    quint32 state = 2463534242u;
    const auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int i = 0; i < shape.runs && ok; ++i) {
        char id[33];
        std::snprintf(id, sizeof id, "%08x%08x%08x%08x", next(), next(), next(), unsigned(i));
        const std::string run = experiment + '/' + id;
        for (const char *sub : {"", "/metrics", "/params", "/tags", "/artifacts"})
            ::mkdir((run + sub).c_str(), 0755);
        const std::string start = std::to_string(1700000000000LL + i * 1000LL);
        // The last `unfinishedRuns` runs are still running: no end time, status 1.
        const bool unfinished = i >= shape.runs - shape.unfinishedRuns;
        ok = writeWholeFile(
            run + "/meta.yaml",
            "artifact_uri: file://" + run + "/artifacts\nend_time: " + (unfinished ? "null" : start)
                + "\nentry_point_name: ''\nexperiment_id: '0'\nlifecycle_stage: active\nrun_id: " + id
                + "\nrun_name: run-" + std::to_string(i) + "\nrun_uuid: " + id
                + "\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: " + start
                + "\nstatus: " + (unfinished ? "1" : "3") + "\ntags: []\nuser_id: bench\n");
        for (int p = 0; p < shape.params && ok; ++p)
            ok = writeWholeFile(run + "/params/param_" + std::to_string(p), std::to_string(next() % 1000));
        for (int t = 0; t < shape.tags && ok; ++t)
            ok = writeWholeFile(run + "/tags/tag_" + std::to_string(t),
                                "value-" + std::to_string(next() % 100));
        for (int m = 0; m < shape.metrics && ok; ++m) {
            std::string lines;
            for (int l = 0; l < shape.metricLines; ++l)
                lines += start + ' ' + std::to_string(double(next() % 10000) / 10000.0) + ' '
                    + std::to_string(l) + '\n';
            ok = writeWholeFile(run + "/metrics/metric_" + std::to_string(m), lines);
        }
    }
    return ok && writeWholeFile(root + "/.bench-runs", std::to_string(shape.runs));
}

Arguments::Arguments(const QString &description)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

void Arguments::addNumber(const QString &name, const QString &help, qint64 minimum,
                          std::function<void(qint64)> assign, qint64 shown)
{
    m_parser.addOption(
        QCommandLineOption(name, help + QStringLiteral(" Default: %1.").arg(shown), QStringLiteral("N")));
    m_bindings.push_back({name, [assign, minimum](const QString &text) {
                              bool ok = false;
                              const qint64 v = text.toLongLong(&ok);
                              if (!ok || v < minimum)
                                  return false;
                              assign(v);
                              return true;
                          }});
}

void Arguments::add(const QString &name, int &value, const QString &help, qint64 minimum)
{
    addNumber(
        name, help, minimum, [&value](qint64 v) { value = int(v); }, value);
}

void Arguments::add(const QString &name, qint64 &value, const QString &help, qint64 minimum)
{
    addNumber(
        name, help, minimum, [&value](qint64 v) { value = v; }, value);
}

void Arguments::add(const QString &name, QString &value, const QString &help)
{
    const QString shown = value.isEmpty() ? QString() : QStringLiteral(" Default: %1.").arg(value);
    m_parser.addOption(QCommandLineOption(name, help + shown, QStringLiteral("VALUE")));
    m_bindings.push_back({name, [&value](const QString &text) {
                              value = text;
                              return true;
                          }});
}

void Arguments::add(const QString &name, bool &value, const QString &help)
{
    m_parser.addOption(QCommandLineOption(name, help));
    m_bindings.push_back({name, [&value](const QString &) {
                              value = true;
                              return true;
                          }});
}

std::optional<int> Arguments::parse(const QStringList &arguments)
{
    if (!m_parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n%s", qPrintable(m_parser.errorText()), qPrintable(m_parser.helpText()));
        return 2;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(m_parser.helpText()));
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "unexpected argument %s\n%s", qPrintable(m_parser.positionalArguments().first()),
                     qPrintable(m_parser.helpText()));
        return 2;
    }
    for (const Binding &b : m_bindings) {
        if (m_parser.isSet(b.name) && !b.assign(m_parser.value(b.name))) {
            std::fprintf(stderr, "bad value for --%s: %s\n%s", qPrintable(b.name),
                         qPrintable(m_parser.value(b.name)), qPrintable(m_parser.helpText()));
            return 2;
        }
    }
    return std::nullopt;
}

double mib(qint64 bytes)
{
    return bytes / (1024.0 * 1024.0);
}

std::optional<qint64> scalar(Store::SqliteConnection &db, const QByteArray &sql)
{
    Store::SqliteStatement statement(db, sql);
    if (!statement.step())
        return std::nullopt;
    return statement.int64(0);
}

qint64 countLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    qint64 lines = 0;
    while (!file.atEnd())
        lines += file.read(1 << 20).count('\n');
    return lines;
}

QString syntheticRunStore(const QString &scratchDir, const QString &keepDir, const QString &prefix,
                          const RunStoreShape &shape)
{
    QString dir = scratchDir;
    if (!keepDir.isEmpty()) {
        dir = QDir(keepDir).absolutePath();
        QDir().mkpath(dir);
    }
    const QString store = dir + QStringLiteral("/%1-%2.db").arg(prefix).arg(shape.runs);

    bool reuse = false;
    if (QFileInfo::exists(store)) {
        Store::SqliteConnection db;
        if (db.open(store, Store::SqliteConnection::Mode::ReadOnly, 1000).code == Store::Error::None)
            reuse = scalar(db, "SELECT count(*) FROM runs") == shape.runs
                && scalar(db, "SELECT count(*) FROM params") == qint64(shape.runs) * shape.params;
        if (!reuse)
            QFile::remove(store);
    }
    if (reuse) {
        std::printf("store: %s (%.1f MiB), reused\n", qPrintable(store), mib(QFileInfo(store).size()));
        return store;
    }
    Store::SyntheticStoreOptions synthetic;
    synthetic.runs = shape.runs;
    synthetic.params = shape.params;
    synthetic.metrics = shape.metrics;
    synthetic.tags = shape.tags;
    synthetic.historyPoints = 1;
    QElapsedTimer timer;
    timer.start();
    const Store::Error error = Store::DemoStore::generateSynthetic(store, synthetic);
    if (!error.ok()) {
        std::printf("error: cannot generate the store: %s\n", qPrintable(error.message));
        return {};
    }
    std::printf("store: %s (%.1f MiB), generated in %.1f s\n", qPrintable(store),
                mib(QFileInfo(store).size()), timer.elapsed() / 1000.0);
    return store;
}

} // namespace BenchSupport
