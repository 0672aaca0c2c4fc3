#pragma once

#include "storeerror.h"

#include <QString>

namespace Store::SqliteErrors {

// Checks a file before SQLite sees it, so that each kind of bad input (missing, empty, not a
// database, truncated) gets its own code and message.
Error checkFile(const QString &path);
// Rewords a SQLite failure for the user, naming the store.
Error describe(Error error, const QString &path, int busyTimeoutMs);
// The same for a write that was rolled back: says that nothing was changed.
Error describeWrite(Error error, const QString &path, int busyTimeoutMs);
Error cancelled();

} // namespace Store::SqliteErrors
