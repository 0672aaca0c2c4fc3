#include "fileregistry.h"
#include "filestore.h"
#include "filetransaction.h"
#include "mlrunsfiles.h"
#include "pyyamlwriter.h"
#include "registrychangecheck.h"
#include "registryrules.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <set>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

// Writing the file model registry (format notes §3, §4): one RegistryChange with the SQLite
// backend's semantics (sqliteregistrywrite.cpp; times as MLflow's SQL store sets them, so that
// both backends answer the same), laid out as MLflow's FileStore writes it: each meta.yaml written
// back with every property of MLflow's entity (PyYAML text), aliases/<alias> holding the version,
// tags/<key> holding the value. The change is checked against the files under a lock file and
// written as one FileTransaction.

namespace Store {

using namespace Mlruns;

namespace {

constexpr char LockFileName[] = ".kaizen-lock"; // in the model's folder; MLflow lists only folders there

// The properties MLflow's FileStore writes into meta.yaml (its entity, without what it keeps in
// other files), in any order: PyYamlMapping sorts them.
const QStringList &modelMetaKeys()
{
    static const QStringList keys = QStringLiteral("aliases creation_timestamp deployment_job_id "
                                                   "deployment_job_state description last_updated_timestamp "
                                                   "name workspace")
                                        .split(QLatin1Char(' '));
    return keys;
}

const QStringList &versionMetaKeys()
{
    static const QStringList keys
        = QStringLiteral("creation_timestamp current_stage deployment_job_state description "
                         "last_updated_timestamp model_id name run_id run_link source status status_message "
                         "storage_location user_id version workspace")
              .split(QLatin1Char(' '));
    return keys;
}

// A value of a meta.yaml as PyYAML read it into Python and writes it back: null, an int (a plain
// scalar that is one), else a string (quoted in the file, or plain text).
void copyValue(PyYamlMapping &out, const QString &key, const YAML::Node &value)
{
    static const QRegularExpression plainInteger(QStringLiteral("^[-+]?(0|[1-9][0-9]*)$"));
    if (!value || value.IsNull() || !value.IsScalar()) {
        if (!value && key == QLatin1String("workspace"))
            out.string(key, QLatin1String(FileRegistry::DefaultWorkspace)); // as MLflow's entity fills it in
        else
            out.null(key);
        return;
    }
    const QString text = QString::fromStdString(value.Scalar());
    bool isInteger = false;
    const qint64 number
        = value.Tag() == "?" && plainInteger.match(text).hasMatch() ? text.toLongLong(&isInteger) : 0;
    if (isInteger)
        out.integer(key, number);
    else
        out.string(key, text);
}

// A meta.yaml as MLflow writes it back after reading it into its entity: every key of `keys`
// with the value `meta` holds, unless `replace` writes that key itself (returns true).
QByteArray rewrittenMeta(const YAML::Node &meta, const QStringList &keys,
                         const std::function<bool(const QString &key, PyYamlMapping &out)> &replace)
{
    PyYamlMapping out;
    for (const QString &key : keys) {
        if (!replace(key, out))
            copyValue(out, key, meta[key.toStdString()]);
    }
    return out.toYaml();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::FileStore", text);
}

Error readOnly(const QString &why)
{
    return Error::make(Error::ReadOnly,
                       why + QLatin1Char(' ') + tr("The model registry is shown read-only."));
}

// One change to one model folder: what its files hold now, checked, then planned as file writes.
class FolderChange
{
public:
    FolderChange(const QString &folder, const FileRegistry::ModelFolder &stored, const RegistryChange &change,
                 qint64 now)
        : m_folder(folder), m_read(stored), m_change(change), m_now(now)
    {
        for (const ModelVersion &v : stored.versions) {
            if (FileRegistry::isLive(v))
                m_stored.liveVersions[v.version] = {v.stage, v.lastUpdatedTime, v.description};
        }
        m_stored.description = stored.model.description;
        m_stored.aliasVersion
            = [this](const QString &alias) -> Result<int> { return m_read.model.aliases.value(alias, 0); };
        m_stored.tagValue = [this](int version, const QString &key) -> Result<std::optional<QString>> {
            return storedTag(version, key);
        };
    }

    // m_stored's look-ups point back into this object.
    FolderChange(const FolderChange &) = delete;
    FolderChange &operator=(const FolderChange &) = delete;

    Error check() const { return RegistryRules::checkStored(m_change, m_stored); }

    // Every file the change writes: the versions' meta.yaml, the model's, then aliases and tags.
    Error plan(FileTransaction &transaction) const
    {
        std::set<int> editedVersions;
        for (const RegistryChange::StageChange &c : m_change.stages)
            editedVersions.insert(c.version);
        for (const RegistryChange::DescriptionChange &c : m_change.descriptions) {
            if (c.version != 0)
                editedVersions.insert(c.version);
        }
        for (const int version : editedVersions) {
            const auto meta = readMeta(versionFolder(version));
            if (!meta)
                return meta.error();
            transaction.write(
                versionFolder(version) + QStringLiteral("/meta.yaml"),
                rewrittenMeta(*meta, versionMetaKeys(), [&](const QString &key, PyYamlMapping &out) {
                    return editVersion(version, key, out);
                }));
        }
        // A stage or the model's description changes the model's time; an alias change rewrites
        // its aliases (MLflow's meta.yaml repeats the aliases/ folder), keeping the time.
        const bool touchModel = !m_change.stages.isEmpty() || modelDescription();
        if (touchModel || !m_change.aliases.isEmpty()) {
            const auto meta = readMeta(m_folder);
            if (!meta)
                return meta.error();
            transaction.write(
                m_folder + QStringLiteral("/meta.yaml"),
                rewrittenMeta(*meta, modelMetaKeys(), [&](const QString &key, PyYamlMapping &out) {
                    return editModel(touchModel, key, out);
                }));
        }
        for (const RegistryChange::AliasChange &c : m_change.aliases) {
            const QString path = m_folder + QStringLiteral("/aliases/") + c.alias;
            if (c.to == 0)
                transaction.remove(path);
            else
                transaction.write(path, QByteArray::number(c.to));
        }
        for (const RegistryChange::TagChange &c : m_change.tags) {
            const QString owner = c.version != 0 ? versionFolder(c.version) : m_folder;
            const QString path = owner + QStringLiteral("/tags/") + c.key;
            if (c.to)
                transaction.write(path, c.to->toUtf8()); // no line break, as MLflow writes it
            else
                transaction.remove(path);
        }
        return {};
    }

private:
    QString versionFolder(int version) const
    {
        return m_folder + QStringLiteral("/version-") + QString::number(version);
    }

    Result<std::optional<QString>> storedTag(int version, const QString &key) const
    {
        const KeyValueList *tags = &m_read.model.tags;
        if (version != 0) {
            const auto v = std::find_if(m_read.versions.cbegin(), m_read.versions.cend(),
                                        [&](const ModelVersion &mv) { return mv.version == version; });
            if (v == m_read.versions.cend())
                return std::optional<QString>();
            tags = &v->tags;
        }
        for (const auto &[k, value] : *tags) {
            if (k == key)
                return std::optional<QString>(value);
        }
        return std::optional<QString>();
    }

    Result<YAML::Node> readMeta(const QString &folder) const
    {
        const auto text = readFile(-1, QFile::encodeName(folder + QStringLiteral("/meta.yaml")).constData());
        QString error;
        const auto meta = text ? parseYaml(*text, &error) : std::nullopt;
        if (!meta) {
            return Error::make(Error::Io,
                               tr("Cannot read %1 (%2); nothing was changed.")
                                   .arg(QDir::toNativeSeparators(folder + QStringLiteral("/meta.yaml")),
                                        text ? error : tr("it cannot be opened")));
        }
        return *meta;
    }

    const RegistryChange::DescriptionChange *description(int version) const
    {
        for (const RegistryChange::DescriptionChange &c : m_change.descriptions) {
            if (c.version == version)
                return &c;
        }
        return nullptr;
    }
    bool modelDescription() const { return description(0) != nullptr; }

    bool editVersion(int version, const QString &key, PyYamlMapping &out) const
    {
        if (key == QLatin1String("last_updated_timestamp")) {
            out.integer(key, m_now);
            return true;
        }
        if (key == QLatin1String("current_stage")) {
            for (const RegistryChange::StageChange &c : m_change.stages) {
                if (c.version == version) {
                    out.string(key, RegistryRules::canonicalStage(c.to));
                    return true;
                }
            }
        }
        if (key == QLatin1String("description")) {
            if (const auto *c = description(version)) {
                out.stringOrNull(key, c->to); // Kaizen's empty is MLflow's None
                return true;
            }
        }
        return false;
    }

    bool editModel(bool touch, const QString &key, PyYamlMapping &out) const
    {
        if (key == QLatin1String("last_updated_timestamp") && touch) {
            out.integer(key, m_now);
            return true;
        }
        if (key == QLatin1String("description")) {
            if (const auto *c = description(0)) {
                out.stringOrNull(key, c->to);
                return true;
            }
        }
        if (key == QLatin1String("aliases")) {
            // MLflow saves the aliases its reader found in aliases/: each version as the file's text.
            QMap<QString, int> aliases = m_read.model.aliases;
            for (const RegistryChange::AliasChange &c : m_change.aliases) {
                if (c.to == 0)
                    aliases.remove(c.alias);
                else
                    aliases.insert(c.alias, c.to);
            }
            PyYamlMapping mapping;
            for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
                mapping.string(it.key(), QString::number(it.value()));
            out.mapping(key, mapping);
            return true;
        }
        return false;
    }

    const QString m_folder;
    const FileRegistry::ModelFolder &m_read;
    const RegistryChange &m_change;
    const qint64 m_now;
    RegistryRules::StoredModel m_stored;
};

} // namespace

void FileStore::decideWritability(bool writable)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    if (!writable) {
        m_writability = readOnly(tr("%1 was opened read-only.").arg(shown));
        return;
    }
    // MLflow creates models/ with the first registered model; Kaizen writes only existing models.
    const QString models = m_path + QStringLiteral("/models");
    const QString folder = QFileInfo(models).isDir() ? models : m_path;
    if (::access(QFile::encodeName(folder).constData(), W_OK) != 0) {
        m_writability = readOnly(
            tr("%1 cannot be written (%2).").arg(QDir::toNativeSeparators(folder), qt_error_string(errno)));
        return;
    }
    m_writability = {};
}

Error FileStore::registryWritability()
{
    return m_writability;
}

Result<RegistryWrite> FileStore::applyRegistryChange(const RegistryChange &change)
{
    if (!m_writability.ok())
        return m_writability;
    if (Error e = RegistryRules::checkChange(change); !e.ok())
        return e;
    const QString folder = m_path + QStringLiteral("/models/") + change.model;
    const Error noSuchModel
        = Error::make(Error::NoSuchModel, tr("Registered Model with name=%1 not found.").arg(change.model));
    if (!FileRegistry::isFolderName(change.model)
        || !QFileInfo(folder + QStringLiteral("/meta.yaml")).isFile())
        return noSuchModel;

    RegistryWrite written;
    auto lock = FileLock::acquire(folder + QLatin1Char('/') + QLatin1String(LockFileName), m_busyTimeoutMs,
                                  &written.retries);
    if (!lock)
        return lock.error();
    // Under the lock: the files as they are now, which the user's view must still match.
    const DirFd registry = DirFd::open(-1, QFile::encodeName(m_path + QStringLiteral("/models")).constData());
    const auto stored = registry.isValid()
        ? FileRegistry::readModelFolder(registry.fd(), QFile::encodeName(change.model).toStdString())
        : std::nullopt;
    if (!stored)
        return noSuchModel;
    written.time = QDateTime::currentMSecsSinceEpoch(); // one `now` for every file the change writes
    const FolderChange folderChange(folder, *stored, change, written.time);
    if (Error e = folderChange.check(); !e.ok())
        return e;
    FileTransaction transaction;
    if (Error e = folderChange.plan(transaction); !e.ok())
        return e;
    if (Error e = transaction.commit(); !e.ok())
        return e;
    return written;
}

} // namespace Store
