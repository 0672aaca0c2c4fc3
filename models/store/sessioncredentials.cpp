#include "sessioncredentials.h"

#include "storelocation.h"

#include <QHash>
#include <QUrl>

#include <mutex>

namespace Store {

namespace {

struct Passwords
{
    std::mutex mutex;
    QHash<QString, QString> byLocation;
};

Passwords &passwords()
{
    static Passwords instance;
    return instance;
}

} // namespace

std::optional<QString> SessionCredentials::password(const QString &location)
{
    const QString key = Location::normalize(location);
    Passwords &all = passwords();
    const std::lock_guard lock(all.mutex);
    if (const auto found = all.byLocation.constFind(key); found != all.byLocation.cend())
        return *found;
    return std::nullopt;
}

void SessionCredentials::setPassword(const QString &location, const QString &password)
{
    const QString key = Location::normalize(location);
    Passwords &all = passwords();
    const std::lock_guard lock(all.mutex);
    all.byLocation.insert(key, password);
}

void SessionCredentials::forget(const QString &location)
{
    const QString key = Location::normalize(location);
    Passwords &all = passwords();
    const std::lock_guard lock(all.mutex);
    all.byLocation.remove(key);
}

void SessionCredentials::forgetAll()
{
    Passwords &all = passwords();
    const std::lock_guard lock(all.mutex);
    all.byLocation.clear();
}

QString SessionCredentials::keep(const QString &location)
{
    const Location parsed = Location::parse(location);
    if (parsed.kind() != Location::Kind::Server)
        return Location::normalize(location);
    // QUrl decodes what the URI percent-encodes, as libpq does.
    if (const QString password = QUrl(location).password(); !password.isEmpty())
        setPassword(parsed.normalized(), password);
    return parsed.normalized();
}

} // namespace Store
