#pragma once

#include "registrytypes.h"

#include <QMap>
#include <QString>
#include <QStringList>

// How registry values are written for people, shared by the registered model list, the version
// table and the stage lanes, so that a version, an alias or a tag reads the same everywhere.
namespace RegistryFormat {

// The first line of a (Markdown) description that has text, trimmed, without a heading's
// leading '#'s; empty for an empty description.
QString firstLine(const QString &text);
// "v3": a version in a list of others (stage columns, aliases).
QString versionText(int version);
// "champion: v3, challenger: v4" (alias order).
QString aliasesText(const QMap<QString, int> &aliases);
// "champion, challenger".
QString aliasesText(const QStringList &aliases);
// "team=vision, task=classification", long values elided; empty without tags.
QString tagsText(const Store::KeyValueList &tags);
// One "key = value" line per tag, values in full: for tooltips.
QString tagsTooltip(const Store::KeyValueList &tags);
// "Ready", "Pending registration", "Failed registration"; another status as stored.
QString statusText(const QString &status);

} // namespace RegistryFormat
