#pragma once

#include "storeerror.h"
#include "storetypes.h"

namespace Store {

class MlflowStore;

// Writes everything `source` holds, read through the store interface, as the mlruns/ folder
// that MLflow's FileStore (MLflow 3.11) would have written for it at `mlrunsFolder`
// (../shared/docs/mlflow-format.md §4): experiments with all their tags (deleted ones under
// .trash/), runs with their params, tags, metric histories, deleted_time and dataset inputs
// (schema and profile included), and the model registry under models/, soft-deleted versions
// included. Metric values are written as Python prints floats, MLflow's +/-DBL_MAX stand-in for
// infinity as inf and -inf.
//
// Not written, because the store interface does not read them: MLflow 3's logged models
// (<experiment>/models/<model id>/ and the runs' outputs/; a version registered from one keeps
// its models:/m-<id> source), traces, and the tracking server's own tables.
//
// `mlrunsFolder` must not exist, be empty, or hold nothing but the artifact folders of the
// source's own experiments (<mlrunsFolder>/<experiment id>, where the source keeps artifacts
// when its artifact root is that folder, as the demo store's is); artifacts are never copied
// or moved. An artifact location inside `mlrunsFolder` is written as the file:// URI a file
// store records; any other is kept as the source has it.
//
// The store is written into a sibling folder first and moved into place at the end, so a
// failure (Io, an unreadable source, Cancelled) leaves no partial store behind and says what
// went wrong; `progress` counts runs.
Error exportToFileStore(MlflowStore &source, const QString &mlrunsFolder, const CancelFlag *cancel = nullptr,
                        const ProgressFn &progress = {});

} // namespace Store
