#include "registryrules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

// The rules of MLflow's mlflow/utils/validation.py and model_version_stages.py, with their
// messages, so that Kaizen refuses exactly what MLflow refuses.

namespace Store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::RegistryRules", text);
}

Error refused(const QString &message)
{
    return Error::make(Error::Refused, message);
}

Error invalid(const QString &message)
{
    return Error::make(Error::InvalidArgument, message);
}

// Python's len(): code points, not UTF-16 units.
qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

// Python's posixpath.normpath(), which MLflow uses to refuse names that a file store would read
// as another path.
QString normalizedPosixPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    // POSIX keeps exactly two leading slashes; one, or three and more, become one.
    int leadingSlashes = path.startsWith(QLatin1Char('/')) ? 1 : 0;
    if (path.startsWith(QLatin1String("//")) && !path.startsWith(QLatin1String("///")))
        leadingSlashes = 2;
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String("."))
            continue;
        if (part != QLatin1String("..") || (leadingSlashes == 0 && parts.isEmpty())
            || (!parts.isEmpty() && parts.last() == QLatin1String(".."))) {
            parts.append(part);
        } else if (!parts.isEmpty()) {
            parts.removeLast();
        }
    }
    const QString normalized = QString(leadingSlashes, QLatin1Char('/')) + parts.join(QLatin1Char('/'));
    return normalized.isEmpty() ? QStringLiteral(".") : normalized;
}

// Tag names: MLflow's _validate_tag_name() on a POSIX system.
Error checkTagName(const QString &key)
{
    static const QRegularExpression valid(
        QRegularExpression::anchoredPattern(QStringLiteral("[/\\w.\\- :]*")),
        QRegularExpression::UseUnicodePropertiesOption);
    if (!valid.match(key).hasMatch()) {
        return refused(tr("Invalid tag name: '%1'. Names may only contain alphanumerics, underscores (_), "
                          "dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).")
                           .arg(key));
    }
    const QString normalized = normalizedPosixPath(key);
    if (normalized != key || normalized == QLatin1String(".") || normalized.startsWith(QLatin1String(".."))
        || normalized.startsWith(QLatin1Char('/'))) {
        return refused(tr("Invalid tag name: '%1'. Names may be treated as files in certain cases, and must "
                          "not resolve to other names when treated as such. This name would resolve to '%2'.")
                           .arg(key, normalized));
    }
    return {};
}

Error checkLength(const QString &what, qsizetype limit, const QString &value)
{
    if (codePoints(value) <= limit)
        return {};
    return refused(tr("'%1' exceeds the maximum length of %2 characters.").arg(what).arg(limit));
}

constexpr qsizetype MaxTagKeyLength = 250;
constexpr qsizetype MaxModelTagValueLength = 5000;
constexpr qsizetype MaxVersionTagValueLength = 100000;
constexpr qsizetype MaxAliasLength = 255;
constexpr qsizetype MaxDescriptionLength = 5000;

} // namespace

QString RegistryRules::canonicalStage(const QString &stage)
{
    for (const QString &name : registryStages()) {
        if (stage.compare(name, Qt::CaseInsensitive) == 0)
            return name;
    }
    return {};
}

QString RegistryRules::loggedModelIdOf(const QString &source)
{
    static const QLatin1String prefix("models:/m-");
    if (!source.startsWith(prefix))
        return {};
    const qsizetype end = source.indexOf(QLatin1Char('/'), prefix.size());
    return source.mid(prefix.size() - 2, end < 0 ? -1 : end - (prefix.size() - 2));
}

bool RegistryRules::isActiveStage(const QString &canonicalStage)
{
    return canonicalStage == QLatin1String(Stages::Staging)
        || canonicalStage == QLatin1String(Stages::Production);
}

Error RegistryRules::checkAlias(const QString &alias)
{
    static const QRegularExpression valid(QRegularExpression::anchoredPattern(QStringLiteral("[\\w\\-]*")),
                                          QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression versionLike(
        QRegularExpression::anchoredPattern(QStringLiteral("[vV]\\d+")),
        QRegularExpression::UseUnicodePropertiesOption);
    // In MLflow's order, so that each name gets MLflow's message.
    if (alias.isEmpty())
        return refused(tr("Registered model alias name cannot be empty."));
    if (!valid.match(alias).hasMatch()) {
        return refused(tr("Invalid alias name: '%1'. Names may only contain alphanumerics, underscores (_), "
                          "and dashes (-).")
                           .arg(alias));
    }
    if (Error e = checkLength(tr("Registered model alias name"), MaxAliasLength, alias); !e.ok())
        return e;
    if (alias.compare(QLatin1String("latest"), Qt::CaseInsensitive) == 0)
        return refused(tr("'latest' alias name (case insensitive) is reserved."));
    if (versionLike.match(alias).hasMatch())
        return refused(tr("Version alias name '%1' is reserved.").arg(alias));
    return {};
}

Error RegistryRules::checkTag(int version, const QString &key, const QString &value)
{
    if (Error e = checkTagName(key); !e.ok())
        return e;
    if (Error e = checkLength(tr("key"), MaxTagKeyLength, key); !e.ok())
        return e;
    return checkLength(tr("value"), version > 0 ? MaxVersionTagValueLength : MaxModelTagValueLength, value);
}

Error RegistryRules::checkDescription(const QString &description)
{
    return checkLength(tr("description"), MaxDescriptionLength, description);
}

Error RegistryRules::checkChange(const RegistryChange &change)
{
    if (change.model.isEmpty())
        return invalid(tr("Registered model name cannot be empty."));
    QSet<int> versions;
    for (const RegistryChange::StageChange &c : change.stages) {
        if (canonicalStage(c.to).isEmpty()) {
            return refused(tr("Invalid Model Version stage: %1. Value must be one of None, Staging, "
                              "Production, Archived.")
                               .arg(c.to));
        }
        if (versions.contains(c.version))
            return invalid(tr("The change moves version %1 twice.").arg(c.version));
        versions.insert(c.version);
    }
    QSet<QString> aliases;
    for (const RegistryChange::AliasChange &c : change.aliases) {
        if (Error e = checkAlias(c.alias); !e.ok())
            return e;
        if (aliases.contains(c.alias))
            return invalid(tr("The change sets alias %1 twice.").arg(c.alias));
        if (c.to < 0)
            return invalid(tr("Alias %1 cannot point to version %2.").arg(c.alias).arg(c.to));
        aliases.insert(c.alias);
    }
    QSet<std::pair<int, QString>> tags;
    for (const RegistryChange::TagChange &c : change.tags) {
        if (Error e = checkTag(c.version, c.key, c.to.value_or(QString())); !e.ok())
            return e;
        if (tags.contains({c.version, c.key}))
            return invalid(tr("The change sets tag %1 twice.").arg(c.key));
        tags.insert({c.version, c.key});
    }
    QSet<int> described;
    for (const RegistryChange::DescriptionChange &c : change.descriptions) {
        if (Error e = checkDescription(c.to); !e.ok())
            return e;
        if (described.contains(c.version))
            return invalid(tr("The change sets a description twice."));
        described.insert(c.version);
    }
    return {};
}

RegistryChange RegistryChange::inverted() const
{
    RegistryChange undo;
    undo.model = model;
    undo.summary = summary;
    for (const StageChange &c : stages)
        undo.stages.append({c.version, c.to, c.from});
    for (const AliasChange &c : aliases)
        undo.aliases.append({c.alias, c.to, c.from});
    for (const TagChange &c : tags)
        undo.tags.append({c.version, c.key, c.to, c.from});
    for (const DescriptionChange &c : descriptions)
        undo.descriptions.append({c.version, c.to, c.from});
    return undo;
}

} // namespace Store
