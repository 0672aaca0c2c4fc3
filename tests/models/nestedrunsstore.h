#pragma once

#include "storebuilder.h"
#include "storefactory.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>

// A small store with nested runs, NaN and missing metrics, params, notes and datasets, shared by
// the run model tests. Experiment "nested" (id 1):
//
//   sweep    (lr 0.01,  acc 0.5,  loss 0.4)           top-level, note, tag team=vision
//     child-a  (lr 0.001, acc NaN,  loss 0.9)           child of sweep
//       grand    (lr 0.1,   acc 0.7)                     child of child-a
//     child-b  (lr 0.1,   acc 0.9,  loss 0.2)           child of sweep, dataset "digits" (training)
//   orphan   (no lr,    no acc,   loss 0.3)           parent id not in the store: top-level
//   nan-run  (lr 1e-4,  acc NaN)                      top-level
//   solo     (lr 0.05,  acc 0.1,  loss 1.5)           top-level
//
// Experiment "cycle" (id 2): runs c1 and c2 naming each other as parent.
namespace NestedRunsStore {

inline QString runId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

enum Run { Sweep = 1, ChildA, Grand, ChildB, Orphan, NanRun, Solo, Cycle1, Cycle2 };
inline constexpr int NestedRunCount = 7;

inline QString build(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("nested.db"));
    Store::StoreBuilder::Options options;
    options.now = 1700000000000;
    auto created = Store::StoreBuilder::create(path, options);
    if (!created)
        return {};
    Store::StoreBuilder &b = **created;
    const qint64 nested = b.addExperiment({.name = QStringLiteral("nested")});
    const qint64 cycle = b.addExperiment({.name = QStringLiteral("cycle")});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const qint64 t0 = 1700000000000;
    struct Spec
    {
        Run run;
        const char *name;
        int parent; // 0: none, -1: a run that is not in the store
        const char *lr;
        double acc; // -1: missing
        double loss; // -1: missing
    };
    const Spec specs[] = {
        {Sweep, "sweep", 0, "0.01", 0.5, 0.4},    {ChildA, "child-a", Sweep, "0.001", nan, 0.9},
        {Grand, "grand", ChildA, "0.1", 0.7, -1}, {ChildB, "child-b", Sweep, "0.1", 0.9, 0.2},
        {Orphan, "orphan", -1, nullptr, -1, 0.3}, {NanRun, "nan-run", 0, "1e-4", nan, -1},
        {Solo, "solo", 0, "0.05", 0.1, 1.5},
    };
    for (const Spec &spec : specs) {
        Store::RunSpec run;
        run.experimentId = nested;
        run.runId = runId(spec.run);
        run.name = QLatin1String(spec.name);
        run.userId = QStringLiteral("ada");
        run.startTime = t0 + spec.run * 60000;
        run.endTime = run.startTime + 90000;
        run.parentRunId = spec.parent > 0 ? runId(spec.parent)
            : spec.parent < 0             ? QStringLiteral("ffffffffffffffffffffffffffffffff")
                                          : QString();
        run.tags = {{QStringLiteral("mlflow.source.name"), QStringLiteral("/home/ada/train.py")}};
        if (spec.run == Sweep) {
            run.note = QStringLiteral("# Sweep\n\nThe **best** child is child-b.");
            run.tags.append({QStringLiteral("team"), QStringLiteral("vision")});
        }
        b.addRun(run);
        if (spec.lr)
            b.logParam(run.runId, QStringLiteral("lr"), QLatin1String(spec.lr));
        if (spec.acc != -1) {
            b.logMetric(run.runId, QStringLiteral("acc"), 0.0, t0, 0);
            b.logMetric(run.runId, QStringLiteral("acc"), spec.acc, t0 + 1, 3);
        }
        if (spec.loss != -1)
            b.logMetric(run.runId, QStringLiteral("loss"), spec.loss, t0, 7);
    }
    const QString digits = b.addDataset({.experimentId = nested,
                                         .name = QStringLiteral("digits"),
                                         .digest = QStringLiteral("abc123"),
                                         .sourceType = QStringLiteral("local"),
                                         .source = QStringLiteral(R"({"uri": "/data/digits"})")});
    b.logInput(runId(ChildB), digits, QStringLiteral("training"));
    for (const auto &[run, parent] : {std::pair {Cycle1, Cycle2}, std::pair {Cycle2, Cycle1}}) {
        Store::RunSpec spec;
        spec.experimentId = cycle;
        spec.runId = runId(run);
        spec.startTime = t0 + run * 60000;
        spec.parentRunId = runId(parent);
        b.addRun(spec);
    }
    if (!b.finish().ok())
        return {};
    return path;
}

// The runs of one experiment ("1" nested, "2" cycle), read the way the app reads them.
inline Store::RunTable read(const QString &path, const QString &experimentId = QStringLiteral("1"))
{
    auto reader = Store::openStore(path);
    if (!reader) {
        qWarning() << reader.error().message;
        return {};
    }
    Store::RunQuery query;
    query.experimentIds = {experimentId};
    auto runs = (*reader)->runs(query);
    if (!runs) {
        qWarning() << runs.error().message;
        return {};
    }
    return *runs;
}

} // namespace NestedRunsStore
