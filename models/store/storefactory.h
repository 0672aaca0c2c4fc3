#pragma once

#include "mlflowstore.h"

#include <memory>

namespace Store {

struct OpenOptions
{
    static constexpr int DefaultBusyTimeoutMs = 5000;
    // How long a read waits for a concurrent writer's lock before it fails with Locked.
    int busyTimeoutMs = DefaultBusyTimeoutMs;
    // Open for registry writes when the store allows it; one that cannot be written still opens,
    // read-only, and registryWritability() says why.
    bool writable = false;
    // How long connecting to a database server may take before it fails (libpq's connect_timeout,
    // at least 2 s), unless its URI says otherwise: an unreachable host answers within seconds.
    int connectTimeoutSeconds = 5;
};

// Opens the store at `location` (anything Location::parse() takes), read-only unless
// options.writable, with the backend
// that reads it. Fails with a message a user can act on: no such file (NotFound), not a store
// (EmptyFile, NotSqlite, NotMlflow, Corrupt), a kind of store Kaizen cannot open yet
// (IsDirectory: a folder that is no mlruns store; Unsupported), a database server that wants a
// password it was not given or refused the one given (NeedsPassword: ask, then
// SessionCredentials::setPassword() and open again). A server URI without a password takes the
// one SessionCredentials keeps for the store, if any.
Result<std::unique_ptr<MlflowStore>> openStore(const QString &location, const OpenOptions &options = {});

// Whether a local file or folder is one Kaizen opens as a store when it is dropped on the window:
// a SQLite database, by its header (whatever its name), or an mlruns/ folder (MLflow's file
// store). Any other file is an artifact to look for.
bool looksLikeStoreFile(const QString &path);

} // namespace Store
