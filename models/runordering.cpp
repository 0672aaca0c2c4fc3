#include "runordering.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <vector>

using namespace SearchSyntax;

RunOrdering RunOrdering::parse(const QStringList &orderBy)
{
    RunOrdering ordering;
    const auto fail = [&](int index, const QString &message) {
        ordering.m_clauses.clear();
        ordering.m_error = tr("Invalid order_by clause '%1': %2").arg(orderBy[index].trimmed(), message);
        ordering.m_errorClause = index;
        return ordering;
    };
    for (int index = 0; index < orderBy.size(); ++index) {
        const QString &item = orderBy[index];
        if (item.trimmed().isEmpty())
            return fail(index, tr("it is empty"));
        Clause clause;
        int pos = 0;
        QString error;
        int errorPosition = -1;
        if (!readIdentifier(item, &pos, Purpose::Ordering, &clause.identifier, &error, &errorPosition))
            return fail(index, error);
        if (clause.identifier.entity == Entity::Dataset)
            return fail(index, tr("runs cannot be ordered by datasets"));
        while (pos < item.size() && item[pos].isSpace())
            ++pos;
        if (pos < item.size()) {
            int end = pos;
            while (end < item.size() && !item[end].isSpace())
                ++end;
            const QString word = item.mid(pos, end - pos);
            if (word.compare(QLatin1String("ASC"), Qt::CaseInsensitive) == 0)
                clause.ascending = true;
            else if (word.compare(QLatin1String("DESC"), Qt::CaseInsensitive) == 0)
                clause.ascending = false;
            else
                return fail(index, tr("expected ASC or DESC, found '%1'").arg(word));
            while (end < item.size() && item[end].isSpace())
                ++end;
            if (end < item.size())
                return fail(index, tr("unexpected '%1' after %2").arg(item.mid(end).trimmed(), word));
        }
        for (const Clause &seen : std::as_const(ordering.m_clauses)) {
            if (seen.identifier.entity == clause.identifier.entity
                && seen.identifier.key == clause.identifier.key) {
                return fail(index,
                            tr("%1.%2 is already ordered by")
                                .arg(entityName(clause.identifier.entity), clause.identifier.key));
            }
        }
        ordering.m_clauses.append(clause);
    }
    return ordering;
}

namespace {

// Sort keys: per row being sorted, one 64-bit key per column, side by side in one array so
// that a comparison reads one short stretch of memory. A key never contradicts the full order;
// numbers and times compare exactly through their keys, text through the first characters only,
// so equal text keys fall back to the text.
constexpr quint64 MissingKey = ~quint64(0); // after everything, both directions
constexpr quint64 NanKey = MissingKey - 1; // after every number, before missing

// Doubles (with +/-inf) onto unsigned integers in the same order; -0 is 0, as in SQL.
quint64 numberKey(double value, bool ascending)
{
    if (value == 0)
        value = 0;
    quint64 bits = std::bit_cast<quint64>(value);
    bits = (bits >> 63) ? ~bits : (bits | (quint64(1) << 63));
    // Real values land in [0x000F..., 0xFFF0...]; complementing keeps them there.
    return ascending ? bits : ~bits;
}

quint64 timeKey(qint64 time, bool ascending)
{
    if (time == Store::NoTime)
        return MissingKey;
    const quint64 bits = quint64(time) ^ (quint64(1) << 63); // >= 1: NoTime is the lowest qint64
    return ascending ? bits - 1 : ~bits;
}

quint64 bytesPrefix(QByteArrayView value)
{
    quint64 packed = 0;
    for (qsizetype k = 0; k < 8; ++k)
        packed = (packed << 8) | (k < value.size() ? uchar(value[k]) : 0u);
    return packed;
}

quint64 stringPrefix(const QString &value)
{
    quint64 packed = 0;
    for (qsizetype k = 0; k < 4; ++k)
        packed = (packed << 16) | quint64(k < value.size() ? codePointRank(value.at(k).unicode()) : 0);
    return packed;
}

// What a text column needs when two keys are equal.
struct TextColumn
{
    bool ascending = true;
    std::vector<QByteArrayView> bytes; // params and tags
    std::vector<const QString *> strings; // attributes; nullptr when missing

    bool isMissing(size_t i) const { return strings.empty() ? bytes[i].data() == nullptr : !strings[i]; }

    int compare(size_t i, size_t j) const
    {
        const bool missingI = isMissing(i);
        const bool missingJ = isMissing(j);
        if (missingI || missingJ)
            return missingI == missingJ ? 0 : (missingI ? 1 : -1);
        const int c
            = strings.empty() ? bytes[i].compare(bytes[j]) : compareCodePoints(*strings[i], *strings[j]);
        return ascending ? c : -c;
    }
};

template<typename Entry> const Entry *findEntry(std::span<const Entry> entries, int key)
{
    const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                     [](const Entry &e, int k) { return e.key < k; });
    return (it != entries.end() && it->key == key) ? &*it : nullptr;
}

const QString *attributeText(const Store::RunAttributes &run, Attribute attribute)
{
    switch (attribute) {
    case Attribute::RunName:
        // Runs from MLflow < 1.30 have no name: NULL in SQL.
        return run.runName.isEmpty() ? nullptr : &run.runName;
    case Attribute::Status:
        return &run.status;
    case Attribute::UserId:
        return &run.userId;
    case Attribute::ArtifactUri:
        return &run.artifactUri;
    default:
        return &run.runId;
    }
}

class SortKeys
{
public:
    SortKeys(const Store::RunTable &table, const QList<int> &rows, int columns)
        : m_table(table),
          m_rows(rows),
          m_columnCount(size_t(columns)),
          m_keys(size_t(rows.size()) * m_columnCount)
    {
        m_text.resize(m_columnCount);
        m_isText.resize(m_columnCount, 0);
    }

    void addMetric(const QString &name, bool ascending)
    {
        const int key = m_table.metricKeyIndex(name);
        fill([&](int row) {
            const auto *e = key < 0 ? nullptr : findEntry(m_table.metrics(row), key);
            if (!e)
                return MissingKey;
            if (e->metric.isNan || std::isnan(e->metric.value))
                return NanKey;
            return numberKey(e->metric.storedValue(), ascending);
        });
    }

    void addTime(bool start, bool ascending)
    {
        fill([&](int row) {
            const Store::RunAttributes &run = m_table.run(row);
            return timeKey(start ? run.startTime : run.endTime, ascending);
        });
    }

    void addText(Entity entity, const QString &name, bool ascending)
    {
        TextColumn &text = beginText(ascending);
        text.bytes.resize(size_t(m_rows.size()));
        const bool isParam = entity == Entity::Param;
        const int key = isParam ? m_table.paramKeyIndex(name) : m_table.tagKeyIndex(name);
        size_t i = 0;
        fill([&](int row) {
            const auto *e
                = key < 0 ? nullptr : findEntry(isParam ? m_table.params(row) : m_table.tags(row), key);
            if (!e) {
                ++i;
                return MissingKey;
            }
            const QByteArrayView value = m_table.text(*e);
            // A non-null view even for empty text: null means missing.
            text.bytes[i++] = value.data() ? value : QByteArrayView("", 0);
            const quint64 prefix = bytesPrefix(value);
            return ascending ? prefix : ~prefix;
        });
    }

    void addAttributeText(Attribute attribute, bool ascending)
    {
        TextColumn &text = beginText(ascending);
        text.strings.resize(size_t(m_rows.size()));
        size_t i = 0;
        fill([&](int row) {
            const QString *value = attributeText(m_table.run(row), attribute);
            text.strings[i++] = value;
            if (!value)
                return MissingKey;
            const quint64 prefix = stringPrefix(*value);
            return ascending ? prefix : ~prefix;
        });
    }

    bool lessThan(int a, int b) const
    {
        const quint64 *keyA = &m_keys[size_t(a) * m_columnCount];
        const quint64 *keyB = &m_keys[size_t(b) * m_columnCount];
        for (size_t c = 0; c < m_columnCount; ++c) {
            if (keyA[c] != keyB[c])
                return keyA[c] < keyB[c];
            if (m_isText[c]) {
                if (const int order = m_text[c].compare(size_t(a), size_t(b)))
                    return order < 0;
            }
        }
        return false;
    }

private:
    template<typename KeyOf> void fill(KeyOf keyOf)
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            m_keys[size_t(i) * m_columnCount + m_filled] = keyOf(m_rows[i]);
        ++m_filled;
    }

    TextColumn &beginText(bool ascending)
    {
        m_isText[m_filled] = 1;
        m_text[m_filled].ascending = ascending;
        return m_text[m_filled];
    }

    const Store::RunTable &m_table;
    const QList<int> &m_rows;
    size_t m_columnCount;
    size_t m_filled = 0;
    std::vector<quint64> m_keys; // row-major: m_columnCount keys per row being sorted
    std::vector<TextColumn> m_text; // by column; used for text columns only
    std::vector<char> m_isText;
};

} // namespace

QList<int> RunOrdering::sort(const Store::RunTable &table, QList<int> rows) const
{
    if (!isValid() || rows.size() < 2)
        return rows;
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= table.size())
            return rows; // not rows of this table
    }
    bool hasStartTime = false;
    for (const Clause &clause : m_clauses)
        hasStartTime |= clause.identifier.entity == Entity::Attribute
            && clause.identifier.attribute == Attribute::StartTime;

    SortKeys keys(table, rows, int(m_clauses.size()) + (hasStartTime ? 1 : 2));
    for (const Clause &clause : m_clauses) {
        const Identifier &id = clause.identifier;
        switch (id.entity) {
        case Entity::Metric:
            keys.addMetric(id.key, clause.ascending);
            break;
        case Entity::Param:
        case Entity::Tag:
            keys.addText(id.entity, id.key, clause.ascending);
            break;
        default:
            if (isNumericAttribute(id.attribute))
                keys.addTime(id.attribute == Attribute::StartTime, clause.ascending);
            else
                keys.addAttributeText(id.attribute, clause.ascending);
            break;
        }
    }
    // MLflow's implicit tie-breakers.
    if (!hasStartTime)
        keys.addTime(true, false);
    keys.addAttributeText(Attribute::RunId, true);

    std::vector<int> order(size_t(rows.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) { return keys.lessThan(a, b); });
    QList<int> sorted;
    sorted.reserve(rows.size());
    for (const int position : order)
        sorted.append(rows[position]);
    return sorted;
}
