#pragma once

#include "runtable.h"
#include "searchsyntax.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// MLflow's search_runs order_by: a list of "<identifier> [ASC|DESC]" (ASC by default, keyword
// case-insensitive; identifiers and quoting as in SearchFilter). Sorting follows MLflow's SQL
// store:
// - metrics: runs with a real number first, then NaN, then runs without the metric, in both
//   directions; numbers compare numerically (+/-inf as their stored +/-DBL_MAX);
// - params, tags: runs without the key last in both directions; values compare as UTF-8 bytes
//   (SQLite's binary collation), not as numbers;
// - attributes run_id, run_name (RunAttributes::runName), status, user_id, artifact_uri,
//   start_time (alias created/Created), end_time; strings by code point. A missing
//   start_time/end_time (Store::NoTime) or an empty run_name is NULL and comes last in both
//   directions, as MLflow's NULL-placement CASE column does;
// - then the implicit tie-breakers start_time DESC (unless start_time was given; runs without
//   one last, as NULL is lowest in SQLite) and run_id ASC.
// No clauses: start_time DESC, run_id ASC. A key given twice is an error (created and
// start_time are the same key).
class RunOrdering
{
    Q_DECLARE_TR_FUNCTIONS(RunOrdering)
public:
    RunOrdering() = default; // MLflow's default order

    static RunOrdering parse(const QStringList &orderBy); // empty list: MLflow's default order

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_clauses.isEmpty(); } // only the default order
    QString errorString() const { return m_error; } // names the clause at fault
    int errorClause() const { return m_errorClause; } // index in the list, -1 if none

    // A stable sort of `rows` by the clauses, then the tie-breakers. An invalid ordering
    // returns `rows` unchanged.
    QList<int> sort(const Store::RunTable &table, QList<int> rows) const;

private:
    struct Clause
    {
        SearchSyntax::Identifier identifier;
        bool ascending = true;
    };

    QList<Clause> m_clauses;
    QString m_error;
    int m_errorClause = -1;
};
