#pragma once

#include "artifactlocation.h"
#include "identicalfilefinder.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QList>

namespace Artifacts {

// Where one run's artifacts are, read from its store.
struct RunArtifacts
{
    Location location; // Invalid when the store could not say
    Store::Error error; // reading the run's artifact_uri failed (no such run, store gone)

    // For the UI: the store's error, else the location's message.
    QString message() const { return error.ok() ? location.message() : error.message; }
};

// Reads the run's artifact_uri from the store at `storeLocation` (borrowing a connection from its
// StorePool) and resolves it with the artifacts root the user set for that store. Blocking (a
// store read and a few stats): call it on a worker thread.
RunArtifacts locateRunArtifacts(const QString &storeLocation, const QString &runId);

// The artifact folders of every active run of the store, for the identical-file search: runs
// whose artifacts are missing, remote or unknown are left out. Blocking (reads every run and
// stats their folders): call it on a worker thread.
Store::Result<QList<RunArtifactRoot>> runArtifactRoots(const QString &storeLocation,
                                                       const Store::CancelFlag *cancel = nullptr);

} // namespace Artifacts
