#include "registrychangecheck.h"

#include "registryrules.h"

#include <QCoreApplication>

#include <utility>

namespace Store {

namespace {

// One change checked against the stored model: the first reason it cannot be written wins.
class StoredCheck
{
    Q_DECLARE_TR_FUNCTIONS(Store::RegistryRules)

public:
    StoredCheck(const RegistryChange &change, const RegistryRules::StoredModel &stored)
        : m_change(change), m_stored(stored)
    {
    }

    Error run() const
    {
        if (Error e = checkSeen(); !e.ok())
            return e;
        if (Error e = checkStages(); !e.ok())
            return e;
        if (Error e = checkDescriptions(); !e.ok())
            return e;
        if (Error e = checkAliases(); !e.ok())
            return e;
        return checkTags();
    }

private:
    Error conflict(const QString &what) const
    {
        return Error::make(Error::Conflict,
                           tr("Registered model %1 changed since you looked: %2. Nothing was "
                              "changed; look again and retry.")
                               .arg(m_change.model, what));
    }
    Error liveVersion(int version) const
    {
        if (m_stored.liveVersions.count(version))
            return {};
        return Error::make(
            Error::NoSuchVersion,
            tr("Model Version (name=%1, version=%2) not found.").arg(m_change.model).arg(version));
    }

    // The live versions, their stages and times, as the user saw them.
    Error checkSeen() const
    {
        if (m_change.seen.isEmpty())
            return {};
        std::map<int, RegistryChange::SeenVersion> seen;
        for (const RegistryChange::SeenVersion &s : m_change.seen)
            seen[s.version] = s;
        for (const auto &[version, row] : m_stored.liveVersions) {
            const auto it = seen.find(version);
            if (it == seen.end())
                return conflict(tr("version %1 was added").arg(version));
            if (it->second.stage != row.stage)
                return conflict(
                    tr("version %1 is in %2 now, not %3").arg(version).arg(row.stage, it->second.stage));
            if (it->second.lastUpdatedTime != row.lastUpdatedTime)
                return conflict(tr("version %1 was changed").arg(version));
        }
        for (const auto &[version, s] : seen) {
            if (!m_stored.liveVersions.count(version))
                return conflict(tr("version %1 was deleted").arg(version));
        }
        return {};
    }

    Error checkStages() const
    {
        for (const RegistryChange::StageChange &c : m_change.stages) {
            if (Error e = liveVersion(c.version); !e.ok())
                return e;
            const QString stored = m_stored.liveVersions.at(c.version).stage;
            const QString from = RegistryRules::canonicalStage(c.from);
            if (stored != (from.isEmpty() ? c.from : from))
                return conflict(tr("version %1 is in %2 now, not %3").arg(c.version).arg(stored, c.from));
        }
        return {};
    }

    Error checkDescriptions() const
    {
        for (const RegistryChange::DescriptionChange &c : m_change.descriptions) {
            if (c.version != 0) {
                if (Error e = liveVersion(c.version); !e.ok())
                    return e;
            }
            const QString stored
                = c.version != 0 ? m_stored.liveVersions.at(c.version).description : m_stored.description;
            if (stored != c.from) {
                return conflict(c.version != 0
                                    ? tr("the description of version %1 was changed").arg(c.version)
                                    : tr("its description was changed"));
            }
        }
        return {};
    }

    Error checkAliases() const
    {
        if (!m_change.aliases.isEmpty() && !m_stored.hasAliases) {
            return Error::make(Error::Refused,
                               tr("This store's MLflow has no aliases (they came with MLflow 2.2)."));
        }
        for (const RegistryChange::AliasChange &c : m_change.aliases) {
            const Result<int> stored = m_stored.aliasVersion(c.alias);
            if (!stored)
                return stored.error();
            if (*stored != c.from) {
                return conflict(*stored == 0
                                    ? tr("alias %1 was deleted").arg(c.alias)
                                    : tr("alias %1 points to version %2 now").arg(c.alias).arg(*stored));
            }
            if (c.to != 0) {
                if (Error e = liveVersion(c.to); !e.ok())
                    return e;
            }
        }
        return {};
    }

    Error checkTags() const
    {
        for (const RegistryChange::TagChange &c : m_change.tags) {
            const bool ofVersion = c.version != 0;
            if (ofVersion ? !m_stored.hasModelVersionTags : !m_stored.hasRegisteredModelTags) {
                return Error::make(
                    Error::Refused,
                    tr("This store's MLflow has no registry tags (they came with MLflow 1.10)."));
            }
            if (ofVersion) {
                if (Error e = liveVersion(c.version); !e.ok())
                    return e;
            }
            const Result<std::optional<QString>> stored = m_stored.tagValue(c.version, c.key);
            if (!stored)
                return stored.error();
            if (*stored != c.from) {
                const QString owner = ofVersion ? tr("version %1").arg(c.version) : tr("the model");
                return conflict(!*stored     ? tr("tag %1 of %2 was deleted").arg(c.key, owner)
                                    : c.from ? tr("tag %1 of %2 was changed").arg(c.key, owner)
                                             : tr("tag %1 of %2 was added").arg(c.key, owner));
            }
        }
        return {};
    }

    const RegistryChange &m_change;
    const RegistryRules::StoredModel &m_stored;
};

} // namespace

Error RegistryRules::checkStored(const RegistryChange &change, const StoredModel &stored)
{
    return StoredCheck(change, stored).run();
}

} // namespace Store
