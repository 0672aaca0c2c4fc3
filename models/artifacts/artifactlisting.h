#pragma once

#include "artifactentry.h"
#include "storeerror.h"
#include "storetypes.h"

namespace Artifacts {

// Every file and folder under `root`, recursively, depth first: each folder's entries by name
// (byte order of UTF-8), a folder right before its contents. Symlinks are
// followed to files and folders, except a folder link that leads back to one of its ancestors
// (marked isBroken, not descended) and a dangling link (isBroken). A folder that cannot be read
// is listed with isBroken and skipped. Fails with NotFound when `root` is not an existing folder;
// Cancelled when `cancel` is set. `progress` counts entries listed so far (total 0: unknown).
// Blocking and proportional to the tree: call it on a worker thread.
Store::Result<ArtifactEntryList> listArtifacts(const QString &root, const Store::CancelFlag *cancel = nullptr,
                                               const Store::ProgressFn &progress = {});

// What listArtifacts() would list, added up: files (dangling links among them) with their bytes,
// and folders (those not followed among them). Much cheaper than listing: no entry is built and
// no folder sorted. NotFound, Io and Cancelled as listArtifacts().
struct ArtifactTotals
{
    qint64 files = 0;
    qint64 folders = 0;
    qint64 bytes = 0;
};
Store::Result<ArtifactTotals> countArtifacts(const QString &root, const Store::CancelFlag *cancel = nullptr);

// The entries of one folder, `relativePath` under `root` ('/'-separated; empty: `root` itself),
// not descended, marked and ordered as listArtifacts() does (paths relative to `root`). A folder
// entry is isBroken when its link leads back to the listed folder or one of its ancestors, or
// when it cannot be read. Fails with NotFound when the folder does not exist, Io when it cannot
// be read, Cancelled when `cancel` is set. Blocking: call it on a worker thread.
Store::Result<ArtifactEntryList> listFolder(const QString &root, const QString &relativePath,
                                            const Store::CancelFlag *cancel = nullptr);

} // namespace Artifacts
