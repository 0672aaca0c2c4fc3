#include "registryplanner.h"

#include "registryrules.h"

#include <QList>

#include <algorithm>
#include <utility>

using Store::Error;
using Store::RegistryChange;
using Store::Result;

namespace {

// "1", "1 and 2", "1, 2 and 4".
QString joinVersions(QList<int> versions)
{
    std::sort(versions.begin(), versions.end());
    QStringList numbers;
    for (const int version : versions)
        numbers.append(QString::number(version));
    if (numbers.size() < 2)
        return numbers.join(QString());
    const QString last = numbers.takeLast();
    return RegistryPlanner::tr("%1 and %2").arg(numbers.join(QStringLiteral(", ")), last);
}

QString versionsPhrase(const QList<int> &versions)
{
    return versions.size() == 1 ? RegistryPlanner::tr("Version %1").arg(versions.first())
                                : RegistryPlanner::tr("Versions %1").arg(joinVersions(versions));
}

QString whereText(int version)
{
    return version == 0 ? RegistryPlanner::tr("the model") : RegistryPlanner::tr("version %1").arg(version);
}

// A tag value on one short line: values may hold up to 100,000 characters and newlines.
QString shortValue(const std::optional<QString> &value)
{
    constexpr int MaxLength = 60;
    if (!value)
        return RegistryPlanner::tr("(none)");
    if (value->isEmpty())
        return QStringLiteral("\"\"");
    QString text = *value;
    const qsizetype newline = text.indexOf(u'\n');
    const bool cut = newline >= 0 || text.size() > MaxLength;
    if (newline >= 0)
        text.truncate(newline);
    if (text.size() > MaxLength)
        text.truncate(MaxLength - 1);
    return cut ? text + QStringLiteral("…") : text;
}

QString aliasTarget(int version)
{
    return version == 0 ? RegistryPlanner::tr("(none)") : RegistryPlanner::tr("version %1").arg(version);
}

} // namespace

RegistryPlanner::RegistryPlanner(Store::RegisteredModel model, Store::ModelVersionList versions)
    : m_model(std::move(model)), m_versions(std::move(versions))
{
}

const Store::ModelVersion *RegistryPlanner::findVersion(int version) const
{
    for (const Store::ModelVersion &v : m_versions) {
        if (v.version == version && v.stage != QLatin1String(Store::Stages::DeletedInternal))
            return &v;
    }
    return nullptr;
}

Error RegistryPlanner::checkVersion(int version, Target target) const
{
    if (m_model.name.isEmpty())
        return Error::make(Error::InvalidArgument, tr("Registered model name cannot be empty."));
    if ((version == 0 && target == Target::VersionOrModel) || findVersion(version))
        return {};
    // MLflow's message (SqlAlchemyStore._get_model_version_from_db).
    return Error::make(
        Error::NoSuchVersion,
        tr("Model Version (name=%1, version=%2) not found").arg(m_model.name, QString::number(version)));
}

RegistryChange RegistryPlanner::newChange(const QString &summary) const
{
    RegistryChange change;
    change.model = m_model.name;
    change.summary = summary;
    for (const Store::ModelVersion &v : m_versions)
        change.seen.append({v.version, v.stage, v.lastUpdatedTime});
    return change;
}

int RegistryPlanner::aliasVersion(const QString &alias) const
{
    if (const auto found = m_model.aliases.constFind(alias); found != m_model.aliases.cend())
        return *found;
    // A model read without its alias map still has them on its versions.
    for (const Store::ModelVersion &v : m_versions) {
        if (v.aliases.contains(alias))
            return v.version;
    }
    return 0;
}

std::optional<QString> RegistryPlanner::tagValue(int version, const QString &key) const
{
    const Store::KeyValueList *tags = &m_model.tags;
    if (version != 0) {
        const Store::ModelVersion *v = findVersion(version);
        if (!v)
            return std::nullopt;
        tags = &v->tags;
    }
    for (const auto &[k, value] : *tags) {
        if (k == key)
            return value;
    }
    return std::nullopt;
}

Result<RegistryChange> RegistryPlanner::transition(int version, const QString &stage,
                                                   bool archiveExistingVersions) const
{
    // MLflow checks in this order: the stage, archiving, then the version.
    const QString target = Store::RegistryRules::canonicalStage(stage);
    if (target.isEmpty()) {
        return Error::make(Error::Refused,
                           tr("Invalid Model Version stage: %1. Value must be one of %2.")
                               .arg(stage, Store::registryStages().join(QStringLiteral(", "))));
    }
    if (archiveExistingVersions && !Store::RegistryRules::isActiveStage(target)) {
        return Error::make(
            Error::Refused,
            tr("Model version transition cannot archive existing model versions because '%1' "
               "is not an Active stage. Valid stages are ['%2', '%3']")
                .arg(stage, QLatin1String(Store::Stages::Staging), QLatin1String(Store::Stages::Production)));
    }
    if (Error error = checkVersion(version, Target::Version); !error.ok())
        return error;

    // The version itself first: a confirmation dialog names it before the ones it archives.
    QList<RegistryChange::StageChange> stages {{version, findVersion(version)->stage, target}};
    QList<int> archived;
    if (archiveExistingVersions) {
        for (const Store::ModelVersion &v : m_versions) {
            if (v.version != version && v.stage == target) {
                stages.append({v.version, v.stage, QLatin1String(Store::Stages::Archived)});
                archived.append(v.version);
            }
        }
    }
    QString summary = tr("Version %1 to %2").arg(version).arg(target);
    if (archived.size() == 1)
        summary = tr("%1, archiving version %2").arg(summary).arg(archived.first());
    else if (!archived.isEmpty())
        summary = tr("%1, archiving versions %2").arg(summary, joinVersions(archived));
    RegistryChange change = newChange(summary);
    change.stages = stages;
    return change;
}

Result<RegistryChange> RegistryPlanner::setAlias(const QString &alias, int version) const
{
    if (Error error = Store::RegistryRules::checkAlias(alias); !error.ok())
        return error;
    if (Error error = checkVersion(version, Target::Version); !error.ok())
        return error;
    RegistryChange change = newChange(tr("Alias %1 to version %2").arg(alias).arg(version));
    change.aliases.append({alias, aliasVersion(alias), version});
    return change;
}

Result<RegistryChange> RegistryPlanner::deleteAlias(const QString &alias) const
{
    if (Error error = Store::RegistryRules::checkAlias(alias); !error.ok())
        return error;
    if (Error error = checkVersion(0, Target::VersionOrModel); !error.ok())
        return error;
    const int from = aliasVersion(alias);
    if (from == 0) {
        // MLflow's message for an alias it cannot find (get_model_version_by_alias).
        return Error::make(Error::InvalidArgument, tr("Registered model alias %1 not found.").arg(alias));
    }
    RegistryChange change = newChange(tr("Delete alias %1").arg(alias));
    change.aliases.append({alias, from, 0});
    return change;
}

Result<RegistryChange> RegistryPlanner::setTag(int version, const QString &key, const QString &value) const
{
    if (Error error = Store::RegistryRules::checkTag(version, key, value); !error.ok())
        return error;
    if (Error error = checkVersion(version, Target::VersionOrModel); !error.ok())
        return error;
    RegistryChange change = newChange(tr("Set tag %1 on %2").arg(key, whereText(version)));
    change.tags.append({version, key, tagValue(version, key), value});
    return change;
}

Result<RegistryChange> RegistryPlanner::deleteTag(int version, const QString &key) const
{
    if (Error error = Store::RegistryRules::checkTag(version, key, QString()); !error.ok())
        return error;
    if (Error error = checkVersion(version, Target::VersionOrModel); !error.ok())
        return error;
    const std::optional<QString> from = tagValue(version, key);
    if (!from) {
        return Error::make(Error::InvalidArgument,
                           tr("There is no tag %1 on %2 of %3.").arg(key, whereText(version), m_model.name));
    }
    RegistryChange change = newChange(tr("Delete tag %1 from %2").arg(key, whereText(version)));
    change.tags.append({version, key, from, std::nullopt});
    return change;
}

Result<RegistryChange> RegistryPlanner::setDescription(int version, const QString &description) const
{
    if (Error error = Store::RegistryRules::checkDescription(description); !error.ok())
        return error;
    if (Error error = checkVersion(version, Target::VersionOrModel); !error.ok())
        return error;
    const QString from = version == 0 ? m_model.description : findVersion(version)->description;
    RegistryChange change = newChange(tr("Edit the description of %1").arg(whereText(version)));
    change.descriptions.append({version, from, description});
    return change;
}

QStringList RegistryPlanner::describeChange(const RegistryChange &change)
{
    QStringList lines;

    // Versions that make the same move share a line, in the order the change lists them.
    QList<std::pair<std::pair<QString, QString>, QList<int>>> moves;
    for (const auto &part : change.stages) {
        const std::pair key {part.from, part.to};
        auto found = std::find_if(moves.begin(), moves.end(), [&](const auto &m) { return m.first == key; });
        if (found == moves.end())
            moves.append({key, {part.version}});
        else
            found->second.append(part.version);
    }
    for (const auto &[move, versions] : std::as_const(moves)) {
        if (move.first == move.second)
            lines.append(tr("%1: stays in %2").arg(versionsPhrase(versions), move.second));
        else
            lines.append(tr("%1: %2 → %3").arg(versionsPhrase(versions), move.first, move.second));
    }

    for (const auto &part : change.aliases) {
        if (part.from == part.to)
            lines.append(tr("Alias %1: stays on %2").arg(part.alias, aliasTarget(part.to)));
        else if (part.to == 0)
            lines.append(tr("Alias %1: %2 → (deleted)").arg(part.alias, aliasTarget(part.from)));
        else
            lines.append(
                tr("Alias %1: %2 → %3").arg(part.alias, aliasTarget(part.from), aliasTarget(part.to)));
    }

    for (const auto &part : change.tags) {
        const QString subject = tr("Tag %1 on %2").arg(part.key, whereText(part.version));
        if (part.from == part.to)
            lines.append(tr("%1: stays %2").arg(subject, shortValue(part.to)));
        else if (!part.to)
            lines.append(tr("%1: %2 → (deleted)").arg(subject, shortValue(part.from)));
        else
            lines.append(tr("%1: %2 → %3").arg(subject, shortValue(part.from), shortValue(part.to)));
    }

    for (const auto &part : change.descriptions) {
        const QString subject = part.version == 0 ? tr("Description of the model")
                                                  : tr("Description of version %1").arg(part.version);
        if (part.from == part.to)
            lines.append(tr("%1: unchanged").arg(subject));
        else if (part.from.isEmpty())
            lines.append(tr("%1: added").arg(subject));
        else if (part.to.isEmpty())
            lines.append(tr("%1: cleared").arg(subject));
        else
            lines.append(tr("%1: changed").arg(subject));
    }
    return lines;
}
