#include "runartifacts.h"

#include "artifactroots.h"
#include "runformat.h"
#include "storepool.h"

namespace Artifacts {

RunArtifacts locateRunArtifacts(const QString &storeLocation, const QString &runId)
{
    RunArtifacts found;
    auto lease = Store::StorePool::shared(storeLocation)->acquire();
    if (!lease) {
        found.error = lease.error();
        return found;
    }
    const Store::Result<QString> uri = (*lease)->artifactUri(runId);
    if (!uri) {
        found.error = uri.error();
        return found;
    }
    const QString location = (*lease)->location();
    found.location = resolveLocation({*uri, location, ArtifactRoots::root(location), {}});
    return found;
}

Store::Result<QList<RunArtifactRoot>> runArtifactRoots(const QString &storeLocation,
                                                       const Store::CancelFlag *cancel)
{
    auto lease = Store::StorePool::shared(storeLocation)->acquire();
    if (!lease)
        return lease.error();
    const Store::Result<Store::RunTable> runs = (*lease)->runs(Store::RunQuery {}, cancel);
    if (!runs)
        return runs.error();
    const QString location = (*lease)->location();
    const QString artifactsRoot = ArtifactRoots::root(location);
    QList<RunArtifactRoot> roots;
    for (int row = 0; row < runs->size(); ++row) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Store::Error::make(Store::Error::Cancelled, QString());
        const Store::RunAttributes &run = runs->run(row);
        const Location found = resolveLocation({run.artifactUri, location, artifactsRoot, {}});
        if (found.isLocal())
            roots.append(
                {run.runId, RunFormat::runName(run.runName, run.runId), run.experimentId, found.path});
    }
    return roots;
}

} // namespace Artifacts
