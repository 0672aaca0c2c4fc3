#pragma once

#include <QString>

#include <optional>

namespace Store {

// The passwords of database servers given while Kaizen runs (in a location's URI, or typed when
// the server asked), by the store's normalised location, which never holds one. In memory only,
// for this process: never written anywhere, gone when Kaizen quits. openStore() takes a store's
// password from here when its URI has none, so that every connection a StorePool opens later
// has it; with none here, libpq looks in PGPASSWORD and ~/.pgpass as usual. Thread-safe.
class SessionCredentials
{
public:
    SessionCredentials() = delete;

    // The password kept for the store at `location` (any spelling Location::parse() takes).
    static std::optional<QString> password(const QString &location);
    static void setPassword(const QString &location, const QString &password);
    static void forget(const QString &location);
    static void forgetAll();
    // Keeps the password that `location`, a server URI, carries (if any) and returns the
    // location's normalised name, without it: what a caller remembers the store by.
    static QString keep(const QString &location);
};

} // namespace Store
