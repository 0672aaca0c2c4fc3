#include "registryactivitylog.h"

#include "storelocation.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace {

// Bump when the meaning of a field changes; readers skip lines of versions they do not know.
constexpr int FormatVersion = 1;

QJsonValue optionalText(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

std::optional<QString> optionalText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return std::nullopt;
}

// JSON numbers are doubles: ms since the epoch stay exact far beyond any real date.
qint64 toTime(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : Store::NoTime;
}

} // namespace

RegistryActivityLog::RegistryActivityLog() : m_filePath(defaultFilePath()) { }

RegistryActivityLog::RegistryActivityLog(const QString &filePath) : m_filePath(filePath) { }

QString RegistryActivityLog::defaultFilePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QLatin1String(FileName));
}

QString RegistryActivityLog::currentUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // A process started without a login environment (a service, a cron job) still has a uid.
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return QStringLiteral("unknown");
}

QByteArray RegistryActivityLog::toJsonLine(const RegistryActivity &activity)
{
    const Store::RegistryChange &change = activity.change;
    QJsonObject object {
        {QStringLiteral("v"), FormatVersion},    {QStringLiteral("time"), double(activity.time)},
        {QStringLiteral("user"), activity.user}, {QStringLiteral("store"), activity.store},
        {QStringLiteral("model"), change.model}, {QStringLiteral("summary"), change.summary},
    };
    if (activity.time == Store::NoTime)
        object.insert(QStringLiteral("time"), QJsonValue::Null);
    if (!change.stages.isEmpty()) {
        QJsonArray parts;
        for (const auto &part : change.stages) {
            parts.append(QJsonObject {{QStringLiteral("version"), part.version},
                                      {QStringLiteral("from"), part.from},
                                      {QStringLiteral("to"), part.to}});
        }
        object.insert(QStringLiteral("stages"), parts);
    }
    if (!change.aliases.isEmpty()) {
        QJsonArray parts;
        for (const auto &part : change.aliases) {
            parts.append(QJsonObject {{QStringLiteral("alias"), part.alias},
                                      {QStringLiteral("from"), part.from},
                                      {QStringLiteral("to"), part.to}});
        }
        object.insert(QStringLiteral("aliases"), parts);
    }
    if (!change.tags.isEmpty()) {
        QJsonArray parts;
        for (const auto &part : change.tags) {
            parts.append(QJsonObject {{QStringLiteral("version"), part.version},
                                      {QStringLiteral("key"), part.key},
                                      {QStringLiteral("from"), optionalText(part.from)},
                                      {QStringLiteral("to"), optionalText(part.to)}});
        }
        object.insert(QStringLiteral("tags"), parts);
    }
    if (!change.descriptions.isEmpty()) {
        QJsonArray parts;
        for (const auto &part : change.descriptions) {
            parts.append(QJsonObject {{QStringLiteral("version"), part.version},
                                      {QStringLiteral("from"), part.from},
                                      {QStringLiteral("to"), part.to}});
        }
        object.insert(QStringLiteral("descriptions"), parts);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<RegistryActivity> RegistryActivityLog::fromJsonLine(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("v")).toInt() != FormatVersion)
        return std::nullopt;
    RegistryActivity activity;
    activity.time = toTime(object.value(QStringLiteral("time")));
    activity.user = object.value(QStringLiteral("user")).toString();
    activity.store = object.value(QStringLiteral("store")).toString();
    Store::RegistryChange &change = activity.change;
    change.model = object.value(QStringLiteral("model")).toString();
    change.summary = object.value(QStringLiteral("summary")).toString();
    if (change.model.isEmpty())
        return std::nullopt;
    for (const QJsonValue &value : object.value(QStringLiteral("stages")).toArray()) {
        const QJsonObject part = value.toObject();
        change.stages.append({part.value(QStringLiteral("version")).toInt(),
                              part.value(QStringLiteral("from")).toString(),
                              part.value(QStringLiteral("to")).toString()});
    }
    for (const QJsonValue &value : object.value(QStringLiteral("aliases")).toArray()) {
        const QJsonObject part = value.toObject();
        change.aliases.append({part.value(QStringLiteral("alias")).toString(),
                               part.value(QStringLiteral("from")).toInt(),
                               part.value(QStringLiteral("to")).toInt()});
    }
    for (const QJsonValue &value : object.value(QStringLiteral("tags")).toArray()) {
        const QJsonObject part = value.toObject();
        change.tags.append({part.value(QStringLiteral("version")).toInt(),
                            part.value(QStringLiteral("key")).toString(),
                            optionalText(part.value(QStringLiteral("from"))),
                            optionalText(part.value(QStringLiteral("to")))});
    }
    for (const QJsonValue &value : object.value(QStringLiteral("descriptions")).toArray()) {
        const QJsonObject part = value.toObject();
        change.descriptions.append({part.value(QStringLiteral("version")).toInt(),
                                    part.value(QStringLiteral("from")).toString(),
                                    part.value(QStringLiteral("to")).toString()});
    }
    return activity;
}

Store::Error RegistryActivityLog::append(const RegistryActivity &activity) const
{
    const auto ioError = [this](const QString &reason) {
        return Store::Error::make(Store::Error::Io,
                                  tr("Cannot write the registry activity log %1: %2")
                                      .arg(QDir::toNativeSeparators(m_filePath), reason));
    };
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder))
        return ioError(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));

    RegistryActivity normalised = activity;
    normalised.store = Store::Location::normalize(activity.store);
    normalised.change.seen.clear();
    QByteArray line = toJsonLine(normalised);
    line.append('\n');

    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return ioError(file.errorString());
    // After a crash mid-line the file does not end in a newline: start a line of our own, or
    // this entry would be glued to the broken one and lost with it.
    if (file.size() > 0) {
        char last = '\n';
        if (file.seek(file.size() - 1) && file.getChar(&last) && last != '\n')
            line.prepend('\n');
    }
    // One write: appends of a line this short are not interleaved with another process's.
    if (file.write(line) != line.size() || !file.flush())
        return ioError(file.errorString());
    return {};
}

Store::Error RegistryActivityLog::append(const QString &store, const Store::RegistryChange &change,
                                         qint64 time) const
{
    RegistryActivity activity;
    activity.time = time == Store::NoTime ? QDateTime::currentMSecsSinceEpoch() : time;
    activity.user = currentUser();
    activity.store = store;
    activity.change = change;
    return append(activity);
}

Store::Result<RegistryActivityList> RegistryActivityLog::entries() const
{
    RegistryActivityList result;
    QFile file(m_filePath);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        return Store::Error::make(Store::Error::Io,
                                  tr("Cannot read the registry activity log %1: %2")
                                      .arg(QDir::toNativeSeparators(m_filePath), file.errorString()));
    }
    const QByteArray data = file.readAll();
    for (const QByteArray &line : data.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        if (auto activity = fromJsonLine(line))
            result.append(std::move(*activity));
    }
    return result;
}

Store::Result<RegistryActivityList> RegistryActivityLog::entries(const QString &store,
                                                                 const QString &model) const
{
    auto all = entries();
    if (!all)
        return all;
    const QString location = Store::Location::normalize(store);
    RegistryActivityList result;
    for (RegistryActivity &activity : *all) {
        if (activity.store == location && activity.change.model == model)
            result.append(std::move(activity));
    }
    return result;
}
