#include "stagestaleness.h"

#include "storelocation.h"

#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace StageStaleness {

Level level(qint64 age, qint64 limit)
{
    if (limit <= 0)
        return Level::None;
    if (age < limit)
        return Level::Fresh;
    // age >= 2 * limit, without overflowing for a huge limit.
    return age - limit >= limit ? Level::Red : Level::Amber;
}

QList<StageAge> stageAges(const Store::ModelVersionList &versions, qint64 now, qint64 limit)
{
    QList<StageAge> result;
    for (const QString &stage : Store::registryStages()) {
        StageAge entry;
        entry.stage = stage;
        const Store::ModelVersion *latest = nullptr;
        for (const Store::ModelVersion &version : versions) {
            if (version.stage == stage && (!latest || version.version > latest->version))
                latest = &version;
        }
        if (latest) {
            entry.version = latest->version;
            entry.since = latest->lastUpdatedTime;
            if (entry.since != Store::NoTime) {
                entry.age = std::max<qint64>(0, now - entry.since);
                entry.level = level(entry.age, limit);
            }
        }
        result.append(entry);
    }
    return result;
}

QString settingsKey(const QString &store, const QString &model)
{
    // Locations and names hold '/', which QSettings reads as a group separator.
    const auto encode
        = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    return QStringLiteral("Registry/stageAgeLimits/%1/%2")
        .arg(encode(Store::Location::normalize(store)), encode(model));
}

qint64 ageLimit(const QSettings &settings, const QString &store, const QString &model)
{
    bool ok = false;
    const qint64 limit = settings.value(settingsKey(store, model)).toLongLong(&ok);
    return ok && limit > 0 ? limit : 0;
}

void setAgeLimit(QSettings &settings, const QString &store, const QString &model, qint64 limit)
{
    if (limit > 0)
        settings.setValue(settingsKey(store, model), limit);
    else
        settings.remove(settingsKey(store, model));
}

} // namespace StageStaleness
