#pragma once

#include "searchfilter.h"

#include <vector>

// A filter's clauses with their keys resolved against one table. Internal to SearchFilter.
class SearchFilter::Evaluator
{
public:
    Evaluator(const SearchFilter &filter, const Store::RunTable &table);

    // No row can match (an invalid filter, or a key no run has).
    bool never() const { return m_never; }

    bool matches(int row) const
    {
        if (m_never)
            return false;
        for (const Resolved &r : m_clauses) {
            if (!matches(*r.clause, r.key, row))
                return false;
        }
        return true;
    }

private:
    struct Resolved
    {
        const Clause *clause;
        int key;
    };

    bool matches(const Clause &c, int key, int row) const;
    bool matchesAttribute(const Clause &c, int row) const;
    static bool matchesText(const Clause &c, QByteArrayView value);
    static bool matchesText(const Clause &c, const QString &value);

    const Store::RunTable &m_table;
    std::vector<Resolved> m_clauses;
    int m_runNameTag = -1;
    bool m_never = false;
};
