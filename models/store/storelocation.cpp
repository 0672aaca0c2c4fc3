#include "storelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace Store {

namespace {

QString absoluteCleanPath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(path)).absoluteFilePath());
}

bool isServerScheme(const QString &scheme)
{
    // As SQLAlchemy spells them: a dialect, optionally with its driver (postgresql+psycopg2).
    const QString dialect = scheme.section(QLatin1Char('+'), 0, 0);
    return dialect == QLatin1String("postgresql") || dialect == QLatin1String("postgres")
        || dialect == QLatin1String("mysql") || dialect == QLatin1String("mssql");
}

} // namespace

Location Location::parse(const QString &text)
{
    Location location;
    if (text.isEmpty())
        return location;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0) {
        location.m_kind = Kind::Local;
        location.m_path = absoluteCleanPath(text);
        return location;
    }
    location.m_scheme = text.left(schemeEnd).toLower();
    if (location.m_scheme == QLatin1String("sqlite")) {
        // sqlite:///relative.db and sqlite:////absolute.db: the path is what follows "///".
        if (!text.mid(schemeEnd).startsWith(QLatin1String(":///")) || text.size() <= schemeEnd + 4)
            return location;
        location.m_kind = Kind::Local;
        location.m_path = absoluteCleanPath(text.mid(schemeEnd + 4));
    } else if (location.m_scheme == QLatin1String("file")) {
        const QUrl url(text);
        if (!url.isValid() || !url.isLocalFile())
            return location;
        location.m_kind = Kind::Local;
        location.m_path = absoluteCleanPath(url.toLocalFile()); // percent-decoded
    } else if (isServerScheme(location.m_scheme)) {
        QUrl url(text);
        if (!url.isValid() || url.host().isEmpty())
            return location;
        url.setPassword({}); // a name is remembered in settings: never with a password
        if (location.m_scheme.startsWith(QLatin1String("postgres")))
            url.setScheme(QStringLiteral("postgresql")); // one name whichever driver MLflow's URI names
        location.m_kind = Kind::Server;
        location.m_uri = url.toString();
    }
    return location;
}

QString Location::normalize(const QString &text)
{
    const Location location = parse(text);
    return location.kind() == Kind::Invalid ? text : location.normalized();
}

QString Location::displayName() const
{
    switch (m_kind) {
    case Kind::Local:
        return QFileInfo(m_path).fileName();
    case Kind::Server: {
        const QUrl url(m_uri);
        return url.host() + url.path();
    }
    case Kind::Invalid:
        break;
    }
    return {};
}

QString Location::displayLocation() const
{
    return isLocal() ? QDir::toNativeSeparators(m_path) : m_uri;
}

} // namespace Store
