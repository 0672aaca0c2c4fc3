#include "searchfilterevaluator.h"

#include "likematcher.h"

#include <algorithm>
#include <span>

using namespace SearchSyntax;
using Op = SearchFilter::Operator;

namespace {

template<typename T> bool compareValues(Op op, const T &a, const T &b)
{
    switch (op) {
    case Op::Equal:
        return a == b;
    case Op::NotEqual:
        return a != b;
    case Op::Greater:
        return a > b;
    case Op::GreaterEqual:
        return a >= b;
    case Op::Less:
        return a < b;
    case Op::LessEqual:
        return a <= b;
    default:
        return false;
    }
}

template<typename Entry> const Entry *findEntry(std::span<const Entry> entries, int key)
{
    const auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                     [](const Entry &e, int k) { return e.key < k; });
    return (it != entries.end() && it->key == key) ? &*it : nullptr;
}

} // namespace

SearchFilter::Evaluator::Evaluator(const SearchFilter &filter, const Store::RunTable &table) : m_table(table)
{
    if (!filter.isValid()) {
        m_never = true;
        return;
    }
    m_runNameTag = table.tagKeyIndex(QLatin1String(Store::Tags::RunName));
    for (const Clause &clause : filter.m_clauses) {
        int key = -1;
        const Entity entity = clause.identifier.entity;
        if (entity == Entity::Metric)
            key = table.metricKeyIndex(clause.identifier.key);
        else if (entity == Entity::Param)
            key = table.paramKeyIndex(clause.identifier.key);
        else if (entity == Entity::Tag)
            key = table.tagKeyIndex(clause.identifier.key);
        else {
            m_clauses.push_back({&clause, -1});
            continue;
        }
        if (key < 0) {
            // No run has this key: the clause is constant.
            if (clause.op != Op::IsNull)
                m_never = true;
            continue;
        }
        m_clauses.push_back({&clause, key});
    }
}

bool SearchFilter::Evaluator::matches(const Clause &c, int key, int row) const
{
    switch (c.identifier.entity) {
    case Entity::Metric: {
        const auto *e = findEntry(m_table.metrics(row), key);
        // The SQL store compares the stored value: 0 for NaN.
        return e && compareValues(c.op, e->metric.storedValue(), c.number);
    }
    case Entity::Param:
    case Entity::Tag: {
        const auto *e
            = findEntry(c.identifier.entity == Entity::Param ? m_table.params(row) : m_table.tags(row), key);
        if (c.op == Op::IsNull)
            return !e;
        if (c.op == Op::IsNotNull)
            return e != nullptr;
        return e && matchesText(c, m_table.text(*e));
    }
    case Entity::Attribute:
        return matchesAttribute(c, row);
    case Entity::Dataset:
        return false; // refused by parse()
    }
    return false;
}

bool SearchFilter::Evaluator::matchesAttribute(const Clause &c, int row) const
{
    const Store::RunAttributes &run = m_table.run(row);
    switch (c.identifier.attribute) {
    case Attribute::StartTime:
    case Attribute::EndTime: {
        const qint64 time = c.identifier.attribute == Attribute::StartTime ? run.startTime : run.endTime;
        return time != Store::NoTime && compareValues(c.op, double(time), c.number);
    }
    case Attribute::RunName:
        // MLflow compares the tag; RunAttributes::runName covers runs without it.
        if (m_runNameTag >= 0) {
            if (const auto *e = findEntry(m_table.tags(row), m_runNameTag))
                return matchesText(c, m_table.text(*e));
        }
        return !run.runName.isEmpty() && matchesText(c, run.runName);
    case Attribute::RunId:
        return matchesText(c, run.runId);
    case Attribute::Status:
        return matchesText(c, run.status);
    case Attribute::UserId:
        return matchesText(c, run.userId);
    case Attribute::ArtifactUri:
        return matchesText(c, run.artifactUri);
    default:
        return false;
    }
}

bool SearchFilter::Evaluator::matchesText(const Clause &c, QByteArrayView value)
{
    switch (c.op) {
    case Op::Equal:
        return value == QByteArrayView(c.utf8);
    case Op::NotEqual:
        return value != QByteArrayView(c.utf8);
    case Op::Like:
        return LikeMatcher::matches(value, c.utf8);
    case Op::ILike:
        if (c.foldedIsAscii && LikeMatcher::isAscii(value))
            return LikeMatcher::matchesAsciiFolded(value, c.foldedAscii);
        return LikeMatcher::matches(QString::fromUtf8(value).toCaseFolded(), c.folded);
    default:
        return false;
    }
}

bool SearchFilter::Evaluator::matchesText(const Clause &c, const QString &value)
{
    switch (c.op) {
    case Op::Equal:
        return value == c.string;
    case Op::NotEqual:
        return value != c.string;
    case Op::Like:
        return LikeMatcher::matches(QStringView(value), QStringView(c.string));
    case Op::ILike:
        return LikeMatcher::matches(QStringView(value.toCaseFolded()), QStringView(c.folded));
    case Op::In:
        return c.list.contains(value);
    case Op::NotIn:
        return !c.list.contains(value);
    default:
        return false;
    }
}
