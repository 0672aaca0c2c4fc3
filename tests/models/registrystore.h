#pragma once

#include "registrytypes.h"
#include "sqlitehandle.h"
#include "storebuilder.h"
#include "storefactory.h"

#include <QTemporaryDir>

// A small store with a model registry, shared by the registry loader, writer and undo tests.
// Experiment "train" with runs Run1 and Run2; registered models (by name):
//
//   classifier  tags team=vision; aliases champion -> 2, challenger -> 3
//     v1 Archived    run 1
//     v2 Production  run 1, description "Best so far.\nDetails."
//     v3 Staging     run 2, tag validated=yes
//     v4 None        no run
//   empty       no versions
//   ranker      description "Ranks things."
//     v1 None        run 2
namespace RegistryStore {

inline const QString Run1 = QStringLiteral("%1").arg(1, 32, 16, QLatin1Char('0'));
inline const QString Run2 = QStringLiteral("%1").arg(2, 32, 16, QLatin1Char('0'));
inline const QString Classifier = QStringLiteral("classifier");
inline const QString Empty = QStringLiteral("empty");
inline const QString Ranker = QStringLiteral("ranker");
inline constexpr qint64 T0 = 1'700'000'000'000;

// Builds the store as `name` in `dir`; empty on failure.
inline QString build(const QTemporaryDir &dir, const QString &name = QStringLiteral("registry.db"))
{
    const QString path = dir.filePath(name);
    Store::StoreBuilder::Options options;
    options.now = T0;
    auto created = Store::StoreBuilder::create(path, options);
    if (!created)
        return {};
    Store::StoreBuilder &b = **created;
    const qint64 train = b.addExperiment({.name = QStringLiteral("train")});
    b.addRun({.experimentId = train, .name = QStringLiteral("run-1"), .startTime = T0, .runId = Run1});
    b.addRun({.experimentId = train, .name = QStringLiteral("run-2"), .startTime = T0 + 1, .runId = Run2});

    b.addRegisteredModel({.name = Classifier, .creationTime = T0, .tags = {{"team", "vision"}}});
    const auto source = [](const QString &run) { return QStringLiteral("runs:/%1/model").arg(run); };
    b.addModelVersion(
        {.modelName = Classifier, .source = source(Run1), .runId = Run1, .creationTime = T0 + 10});
    b.addModelVersion({.modelName = Classifier,
                       .source = source(Run1),
                       .runId = Run1,
                       .creationTime = T0 + 20,
                       .description = QStringLiteral("Best so far.\nDetails.")});
    b.addModelVersion(
        {.modelName = Classifier, .source = source(Run2), .runId = Run2, .creationTime = T0 + 30});
    b.addModelVersion(
        {.modelName = Classifier, .source = QStringLiteral("/models/v4"), .creationTime = T0 + 40});
    b.transitionStage(Classifier, 1, QStringLiteral("Archived"), T0 + 50);
    b.transitionStage(Classifier, 2, QStringLiteral("Production"), T0 + 60);
    b.transitionStage(Classifier, 3, QStringLiteral("Staging"), T0 + 70);
    b.setModelVersionTag(Classifier, 3, QStringLiteral("validated"), QStringLiteral("yes"));
    b.setAlias(Classifier, QStringLiteral("champion"), 2);
    b.setAlias(Classifier, QStringLiteral("challenger"), 3);

    b.addRegisteredModel({.name = Empty, .creationTime = T0 + 1});
    b.addRegisteredModel(
        {.name = Ranker, .creationTime = T0 + 2, .description = QStringLiteral("Ranks things.")});
    b.addModelVersion({.modelName = Ranker, .source = source(Run2), .runId = Run2, .creationTime = T0 + 80});
    if (!b.finish().ok())
        return {};
    return path;
}

// The versions of `model` as the store holds them now (empty on error).
inline Store::ModelVersionList versions(const QString &path, const QString &model)
{
    auto store = Store::openStore(path);
    if (!store)
        return {};
    auto versions = (*store)->modelVersions(model);
    return versions ? *versions : Store::ModelVersionList();
}

// The stage of one version as the store holds it now; empty if there is no such version.
inline QString stageOf(const QString &path, const QString &model, int version)
{
    for (const Store::ModelVersion &v : versions(path, model)) {
        if (v.version == version)
            return v.stage;
    }
    return {};
}

// The model's versions as a user sees them now, for RegistryChange::seen.
inline QList<Store::RegistryChange::SeenVersion> seen(const QString &path, const QString &model)
{
    QList<Store::RegistryChange::SeenVersion> seen;
    for (const Store::ModelVersion &v : versions(path, model))
        seen.append({.version = v.version, .stage = v.stage, .lastUpdatedTime = v.lastUpdatedTime});
    return seen;
}

// A change of one version's stage, as the planner would make it (without `seen`).
inline Store::RegistryChange stageChange(const QString &model, int version, const QString &from,
                                         const QString &to)
{
    Store::RegistryChange change;
    change.model = model;
    change.summary = QStringLiteral("Version %1 to %2").arg(version).arg(to);
    change.stages = {{.version = version, .from = from, .to = to}};
    return change;
}

// Another process's write: sets a version's stage behind Kaizen's back.
inline bool setStageBehindTheBack(const QString &path, const QString &model, int version,
                                  const QString &stage)
{
    Store::SqliteConnection db;
    if (!db.open(path, Store::SqliteConnection::Mode::ReadWrite, 1000).ok())
        return false;
    return db
        .exec(QStringLiteral(
                  "UPDATE model_versions SET current_stage = '%1' WHERE name = '%2' AND version = %3")
                  .arg(stage, model)
                  .arg(version)
                  .toUtf8()
                  .constData())
        .ok();
}

} // namespace RegistryStore
