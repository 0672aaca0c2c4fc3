#pragma once

#include "registrytypes.h"

#include <QList>
#include <QString>

class QSettings;

// How long each stage of a model has held its version, against an age limit the user sets per
// model. The limit is Kaizen's own setting (QSettings, keyed by store and model), never written
// to the store.
namespace StageStaleness {

enum class Level {
    None, // no limit set, or nothing to measure
    Fresh, // younger than the limit
    Amber, // from the limit on
    Red, // from twice the limit on
};

struct StageAge
{
    QString stage; // None, Staging, Production, Archived
    int version = 0; // the highest version in the stage; 0: the stage is empty
    qint64 since = Store::NoTime; // that version's last_updated_time
    qint64 age = 0; // now - since, ms (0 when unknown or in the future)
    Level level = Level::None;
};

// `age` against `limit` (ms; <= 0: no limit).
Level level(qint64 age, qint64 limit);

// One entry per stage, in lane order (Store::registryStages()). A stage's age is that of its
// latest version, the one MLflow's get_latest_versions names, measured from the version's
// last_updated_time: MLflow sets it when the version enters a stage (and also when its
// description changes, which MLflow does not tell apart).
QList<StageAge> stageAges(const Store::ModelVersionList &versions, qint64 now, qint64 limit);

// The limit of `model` in `store` (any spelling of its location), ms; 0 when none is set.
qint64 ageLimit(const QSettings &settings, const QString &store, const QString &model);
// Sets the limit; a limit <= 0 removes it.
void setAgeLimit(QSettings &settings, const QString &store, const QString &model, qint64 limit);
// The settings key that holds the limit.
QString settingsKey(const QString &store, const QString &model);

} // namespace StageStaleness
