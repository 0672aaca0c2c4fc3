#include "democlock.h"
#include "demonoise.h"
#include "demostore.h"
#include "storebuilder.h"

#include <QCoreApplication>

#include <cmath>

namespace Store {

using namespace Demo;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::DemoStore", text);
}

} // namespace

Error DemoStore::generateSynthetic(const QString &dbPath, const SyntheticStoreOptions &options)
{
    const SyntheticStoreOptions &o = options;
    if (o.experiments < 1 || o.runs < 0 || o.params < 0 || o.metrics < 0 || o.tags < 0 || o.historyPoints < 1)
        return Error::make(Error::InvalidArgument, tr("Invalid options for a synthetic store."));
    StoreBuilder::Options builderOptions;
    builderOptions.now = BaseTime - Day;
    builderOptions.seed = o.seed;
    builderOptions.deferIndexes = true;
    auto builder = StoreBuilder::create(dbPath, builderOptions);
    if (!builder)
        return builder.error();
    StoreBuilder &b = **builder;
    Noise noise(o.seed * 2654435761u + 99u);

    QList<qint64> experiments;
    for (int i = 0; i < o.experiments; ++i) {
        experiments.append(
            b.addExperiment({.name = QStringLiteral("synthetic-%1").arg(i, 2, 10, QLatin1Char('0')),
                             .creationTime = BaseTime + i * Minute}));
    }
    const auto keys = [](const char *prefix, int count) {
        QStringList list;
        for (int i = 0; i < count; ++i)
            list.append(QStringLiteral("%1_%2").arg(QLatin1String(prefix)).arg(i, 2, 10, QLatin1Char('0')));
        return list;
    };
    const QStringList paramKeys = keys("param", o.params);
    const QStringList metricKeys = keys("metric", o.metrics);
    const QStringList tagKeys = keys("tag", o.tags);
    const QString users[] = {QStringLiteral("ada"), QStringLiteral("grace"), QStringLiteral("linus"),
                             QStringLiteral("alan"), QStringLiteral("barbara")};
    const QString optimizers[]
        = {QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd"), QStringLiteral("rmsprop")};
    const QString gpus[]
        = {QStringLiteral("a100"), QStringLiteral("h100"), QStringLiteral("l4"), QStringLiteral("cpu")};

    for (int r = 0; r < o.runs && !b.hasError(); ++r) {
        const qint64 start = BaseTime + Hour + r * 90 * Second;
        const qint64 duration = 5 * Minute + noise.bounded(int(55 * Minute));
        const int pick = noise.bounded(100);
        const QString status = pick < 90 ? QStringLiteral("FINISHED")
            : pick < 95                  ? QStringLiteral("FAILED")
            : pick < 98                  ? QStringLiteral("KILLED")
                                         : QStringLiteral("RUNNING");
        const bool running = status == QLatin1String("RUNNING");
        const QString id = b.addRun({.experimentId = experiments[r % o.experiments],
                                     .name = QStringLiteral("run-%1").arg(r, 6, 10, QLatin1Char('0')),
                                     .userId = users[r % 5],
                                     .status = status,
                                     .startTime = start,
                                     .endTime = running ? NoTime : start + duration});
        // Short values of the usual kinds: rates, sizes, names, flags, counts, fractions.
        for (int i = 0; i < o.params; ++i) {
            QString value;
            switch (i % 6) {
            case 0:
                value = QString::number(std::pow(10.0, -noise.uniform(1, 5)), 'g', 3);
                break;
            case 1:
                value = QString::number(1 << (4 + noise.bounded(5)));
                break;
            case 2:
                value = optimizers[noise.bounded(4)];
                break;
            case 3:
                value = noise.bounded(2) ? QStringLiteral("true") : QStringLiteral("false");
                break;
            case 4:
                value = QString::number(1 + noise.bounded(12));
                break;
            default:
                value = QString::number(noise.uniform(0, 0.5), 'f', 2);
                break;
            }
            b.logParam(id, paramKeys[i], value);
        }
        for (int i = 0; i < o.metrics; ++i) {
            const double level = noise.uniform(0.05, 1.0);
            for (int p = 0; p < o.historyPoints; ++p) {
                const double value
                    = level * (0.3 + 0.7 * std::exp(-3.0 * p / o.historyPoints)) + noise.gaussian(0.01);
                b.logMetric(id, metricKeys[i], value, start + (p + 1) * duration / o.historyPoints, p);
            }
        }
        for (int i = 0; i < o.tags; ++i) {
            QString value;
            switch (i % 4) {
            case 0:
                value = QStringLiteral("team-%1").arg(QChar(u'a' + noise.bounded(6)));
                break;
            case 1:
                value = QStringLiteral("v1.%1.%2").arg(noise.bounded(10)).arg(noise.bounded(20));
                break;
            case 2:
                value = noise.hex(7);
                break;
            default:
                value = gpus[noise.bounded(4)];
                break;
            }
            b.setTag(id, tagKeys[i], value);
        }
    }
    return b.finish();
}

} // namespace Store
