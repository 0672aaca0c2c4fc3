#include "artifactlocation.h"

#include <QCoreApplication>

// Placeholder until the resolution lands: every URI is Invalid.
namespace Artifacts {

QString Location::message() const
{
    return QCoreApplication::translate("Artifacts", "The artifact location is not known.");
}

Location resolveLocation(const LocationInput &)
{
    return {};
}

} // namespace Artifacts
