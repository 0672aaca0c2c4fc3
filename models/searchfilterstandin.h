#pragma once

// TEMPORARY stand-in for SearchFilter (models/searchfilter.h, being written by another
// engineer), compiled only while that header is still empty (see models/CMakeLists.txt), so
// that the run browser builds meanwhile. Same API; understands only
// `<entity>.<key> <op> <value>` joined by AND. Delete once searchfilter.h has landed.

#include "runtable.h"

#include <QList>
#include <QString>

class SearchFilter
{
public:
    static SearchFilter parse(const QString &text);
    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_terms.isEmpty(); }
    QString errorString() const { return m_error; }
    int errorPosition() const { return m_errorPosition; }
    QList<int> filterRows(const Store::RunTable &table) const;
    QList<int> filterRows(const Store::RunTable &table, const QList<int> &rows) const;
    bool matches(const Store::RunTable &table, int row) const;

private:
    struct Term
    {
        QString entity, key, op, value;
    };
    QList<Term> m_terms;
    QString m_error;
    int m_errorPosition = -1;
};
