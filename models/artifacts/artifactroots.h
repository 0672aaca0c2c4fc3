#pragma once

#include <QString>

// The local folder that holds a store's `mlflow-artifacts:` URIs (the tracking server's
// --artifacts-destination), chosen by the user once per store and kept in Kaizen's settings
// (QSettings group "artifactRoots", keyed by the store's normalised location). Never written
// into the store.
class ArtifactRoots
{
public:
    // The folder set for the store (any spelling of its location); empty when none is.
    static QString root(const QString &storeLocation);
    // Sets the store's folder (made absolute and clean); an empty `folder` clears it.
    static void setRoot(const QString &storeLocation, const QString &folder);
};
