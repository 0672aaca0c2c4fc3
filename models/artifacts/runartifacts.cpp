#include "runartifacts.h"

#include "artifactroots.h"
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

} // namespace Artifacts
