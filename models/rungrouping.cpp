#include "rungrouping.h"

#include "rundiff.h"
#include "searchsyntax.h"

#include <QHash>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace RunGrouping {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RunGrouping)
};

// A param or tag key as the filter writes it: backticks when it holds more than key characters.
QString written(const char *prefix, const QString &key)
{
    const bool plain = !key.isEmpty() && std::all_of(key.cbegin(), key.cend(), SearchSyntax::isKeyChar);
    return QLatin1String(prefix) + (plain ? key : QLatin1Char('`') + key + QLatin1Char('`'));
}

// Numbers before text, numbers by value, text by code point, no value last.
bool valueLess(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (!a || !b)
        return a.has_value() && !b.has_value();
    const auto x = RunDiff::parseNumber(*a), y = RunDiff::parseNumber(*b);
    if (x && y)
        return *x < *y;
    if (x.has_value() != y.has_value())
        return x.has_value();
    return SearchSyntax::compareCodePoints(*a, *b) < 0;
}

// One string per combination of values, for hashing: a missing value differs from any text.
QString identity(const QList<std::optional<QString>> &values)
{
    QString id;
    for (const auto &value : values) {
        id += value ? QLatin1Char('\x02') + *value : QStringLiteral("\x01");
        id += QChar(0);
    }
    return id;
}

} // namespace

QString noValueText()
{
    return Text::tr("(no value)");
}

std::optional<Key> parseKey(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const QString lower = trimmed.toLower();
    if (lower == u"experiment" || lower == u"experiment_id" || lower == u"attributes.experiment_id")
        return Key {Key::Kind::Experiment, {}, QStringLiteral("experiment")};
    if (lower == u"parent" || lower == u"parent_run_id")
        return Key {Key::Kind::Parent, {}, QStringLiteral("parent")};

    using namespace SearchSyntax;
    Identifier id;
    int pos = 0;
    int errorPosition = 0;
    if (!readIdentifier(trimmed, &pos, Purpose::Ordering, &id, error, &errorPosition))
        return std::nullopt;
    skipSpaces(trimmed, &pos);
    if (pos < trimmed.size()) {
        *error = Text::tr("Unexpected '%1' after the key").arg(excerpt(trimmed, pos));
        return std::nullopt;
    }
    switch (id.entity) {
    case Entity::Param:
        return Key {Key::Kind::Param, id.key, written("params.", id.key)};
    case Entity::Tag:
        return Key {Key::Kind::Tag, id.key, written("tags.", id.key)};
    case Entity::Attribute:
        if (id.attribute == Attribute::Status)
            return Key {Key::Kind::Status, {}, QStringLiteral("attributes.status")};
        if (id.attribute == Attribute::UserId)
            return Key {Key::Kind::UserId, {}, QStringLiteral("attributes.user_id")};
        *error = Text::tr("Runs cannot be grouped by %1: group by params, tags, attributes.status, "
                          "attributes.user_id, experiment or parent")
                     .arg(trimmed);
        return std::nullopt;
    case Entity::Metric:
        *error = Text::tr("Runs are grouped by params and tags; metrics are summarised in each group (%1)")
                     .arg(trimmed);
        return std::nullopt;
    case Entity::Dataset:
        break;
    }
    *error = Text::tr("Grouping by %1 is not supported").arg(trimmed);
    return std::nullopt;
}

std::optional<QString> valueOf(const Store::RunTable &table, int row, const Key &key)
{
    const Store::RunAttributes &run = table.run(row);
    const auto nonEmpty
        = [](const QString &value) { return value.isEmpty() ? std::nullopt : std::optional<QString>(value); };
    switch (key.kind) {
    case Key::Kind::Param:
        return table.param(row, key.name);
    case Key::Kind::Tag:
        return table.tag(row, key.name);
    case Key::Kind::Status:
        return nonEmpty(run.status);
    case Key::Kind::UserId:
        return nonEmpty(run.userId);
    case Key::Kind::Experiment:
        return nonEmpty(run.experimentId);
    case Key::Kind::Parent:
        return nonEmpty(run.parentRunId);
    }
    return std::nullopt;
}

Summary summarize(const QList<double> &values)
{
    Summary s;
    double sum = 0;
    for (double v : values) {
        if (!std::isfinite(v) || std::fabs(v) >= DBL_MAX) // MLflow stores ±inf as ±DBL_MAX
            continue;
        s.min = s.count == 0 ? v : std::min(s.min, v);
        s.max = s.count == 0 ? v : std::max(s.max, v);
        sum += v;
        ++s.count;
    }
    if (s.count == 0)
        return s;
    s.mean = sum / s.count;
    double squares = 0; // two passes: no cancellation when the values sit far from zero
    for (double v : values) {
        if (std::isfinite(v) && std::fabs(v) < DBL_MAX)
            squares += (v - s.mean) * (v - s.mean);
    }
    s.std = std::sqrt(squares / s.count);
    return s;
}

QList<Group> group(const Store::RunTable &table, const QList<int> &rows, const QList<Key> &keys)
{
    QList<Group> groups;
    QHash<QString, int> indexOf;
    for (int row : rows) {
        QList<std::optional<QString>> values;
        values.reserve(keys.size());
        for (const Key &key : keys)
            values.append(valueOf(table, row, key));
        const QString id = identity(values);
        auto it = indexOf.constFind(id);
        if (it == indexOf.cend()) {
            it = indexOf.insert(id, int(groups.size()));
            groups.append(Group {values, {}, {}});
        }
        groups[*it].rows.append(row);
    }
    for (Group &g : groups) {
        QMap<QString, QList<double>> latest;
        for (int row : std::as_const(g.rows)) {
            for (const auto &m : table.metrics(row))
                latest[table.metricKeys()[m.key]].append(m.metric.value);
        }
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            if (const Summary s = summarize(*it); s.count > 0)
                g.metrics.insert(it.key(), s);
        }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        for (qsizetype k = 0; k < a.values.size(); ++k) {
            if (valueLess(a.values[k], b.values[k]))
                return true;
            if (valueLess(b.values[k], a.values[k]))
                return false;
        }
        return false;
    });
    return groups;
}

} // namespace RunGrouping
