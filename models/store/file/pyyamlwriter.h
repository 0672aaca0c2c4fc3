#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace Store {

// A YAML mapping written byte for byte as MLflow writes its meta.yaml files: PyYAML's
// yaml.dump(data, Dumper=CSafeDumper, default_flow_style=False, allow_unicode=True,
// sort_keys=True). Keys are sorted by code point, block style, two spaces of indent, empty
// collections as [] and {}, strings quoted exactly when PyYAML quotes them (a string that would
// read back as another type, leading or trailing spaces, indicators, line breaks, control
// characters) and folded at PyYAML's line width of 80 where PyYAML folds them.
class PyYamlMapping
{
public:
    PyYamlMapping &null(const QString &key);
    PyYamlMapping &integer(const QString &key, qint64 value);
    PyYamlMapping &string(const QString &key, const QString &value);
    // MLflow's None for a value Kaizen holds as empty: null when `value` is empty.
    PyYamlMapping &stringOrNull(const QString &key, const QString &value);
    // Store::NoTime as null.
    PyYamlMapping &timeOrNull(const QString &key, qint64 time);
    PyYamlMapping &emptyList(const QString &key);
    // A nested mapping; an empty one is written as {}.
    PyYamlMapping &mapping(const QString &key, const PyYamlMapping &value);

    bool isEmpty() const { return m_entries.isEmpty(); }
    // The document, UTF-8, ending in a line break.
    QByteArray toYaml() const;

    // How PyYAML writes `value` as the value of a top-level `key` (for tests), e.g. "'0'".
    static QString scalarAsValue(const QString &key, const QString &value);

private:
    class Emitter;
    enum class Kind { Null, Integer, String, EmptyList, Mapping };
    struct Entry
    {
        QString key;
        Kind kind = Kind::Null;
        qint64 integer = 0;
        QString text;
        std::shared_ptr<const PyYamlMapping> nested;
    };
    PyYamlMapping &add(Entry entry);
    void write(Emitter &emitter) const;

    QList<Entry> m_entries;
};

} // namespace Store
