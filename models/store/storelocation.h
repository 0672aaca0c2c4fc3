#pragma once

#include <QString>

namespace Store {

// Where a store is, parsed from what the user wrote: a path (a database file or an mlruns
// folder), a `sqlite:///path` or `file://` URI, or a database server URI such as
// `postgresql://user@host/db`. Gives one store one name however it was written, so that the
// window, the recent stores, the comparison and the loaders agree on it.
class Location
{
public:
    enum class Kind {
        Invalid, // empty, or a URI scheme no backend reads
        Local, // a file or folder on this machine: path() holds it
        Server, // a database server: uri() holds it
    };

    static Location parse(const QString &text);
    // Shorthand for parse(text).normalized(); the text itself if it cannot be parsed.
    static QString normalize(const QString &text);

    Kind kind() const { return m_kind; }
    bool isLocal() const { return m_kind == Kind::Local; }
    // The URI scheme as written ("sqlite", "file", "postgresql+psycopg2"); empty for a plain path.
    QString scheme() const { return m_scheme; }
    // A local store's absolute, clean path; empty otherwise.
    QString path() const { return m_path; }
    // A server store's URI without its password; empty otherwise.
    QString uri() const { return m_uri; }
    // The one name of the store: the path of a local store, the URI of a server one.
    QString normalized() const { return isLocal() ? m_path : m_uri; }
    // A short name for titles: the file or folder name, or host/database.
    QString displayName() const;
    // The path or URI as shown to the user (native separators).
    QString displayLocation() const;

private:
    Kind m_kind = Kind::Invalid;
    QString m_scheme;
    QString m_path;
    QString m_uri;
};

} // namespace Store
