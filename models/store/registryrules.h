#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QString>

// MLflow's rules for registry writes (../shared/docs/mlflow-format.md §3), shared by every
// backend (which checks them again inside its transaction) and by the planner that turns a
// user's request into a RegistryChange. Messages are MLflow's where MLflow has one.
namespace Store::RegistryRules {

// MLflow's spelling of a stage, case-insensitive ("staging" -> "Staging"); empty if it is not
// one of None, Staging, Production, Archived.
QString canonicalStage(const QString &stage);
// Staging and Production: the stages whose other versions a transition may archive.
bool isActiveStage(const QString &canonicalStage);

// Ok, or Refused with the reason: alias names match ^[\w\-]*$, are at most 255 characters, and
// are neither `latest` (any case) nor a version reference such as v1 or V12.
Error checkAlias(const QString &alias);
// Ok, or Refused: tag keys are non-empty, at most 250 characters; values at most 5,000
// characters for model tags and 100,000 for version tags (version > 0).
Error checkTag(int version, const QString &key, const QString &value);
// Ok, or Refused: descriptions are at most 5,000 characters.
Error checkDescription(const QString &description);

// A whole change against the rules above, and no version, alias, tag or description changed
// twice by one change: Refused or InvalidArgument, checked before a backend locks its store.
Error checkChange(const RegistryChange &change);

// The logged model of a `models:/m-<id>` source (MLflow 3: a version registered from a logged
// model): "m-<id>"; empty for any other source.
QString loggedModelIdOf(const QString &source);

} // namespace Store::RegistryRules
