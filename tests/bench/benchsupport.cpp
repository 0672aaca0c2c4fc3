#include "benchsupport.h"

#include "demostore.h"
#include "sqlitehandle.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace BenchSupport {

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
    if (error.code != Store::Error::None) {
        std::printf("error: cannot generate the store: %s\n", qPrintable(error.message));
        return {};
    }
    std::printf("store: %s (%.1f MiB), generated in %.1f s\n", qPrintable(store),
                mib(QFileInfo(store).size()), timer.elapsed() / 1000.0);
    return store;
}

} // namespace BenchSupport
