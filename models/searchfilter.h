#pragma once

#include "runtable.h"
#include "searchsyntax.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

// A parsed MLflow search_runs filter ("metrics.acc > 0.9 AND params.opt = 'adam'"), evaluated
// against a Store::RunTable the way MLflow's SQL store evaluates it:
// - comparisons joined by AND; no OR, no parentheses (except IN lists);
// - a run lacking the metric, param or tag never matches a comparison (not even !=);
//   IS NULL / IS NOT NULL (params and tags) test presence;
// - metrics compare the stored latest value: NaN as 0, +/-inf as the stored +/-DBL_MAX;
// - = and != and LIKE are case-sensitive, ILIKE folds case (full Unicode folding, as MLflow on
//   PostgreSQL and its file store do; SQLite's own lower() would fold ASCII only);
// - LIKE has no escape character: % and _ are always wildcards, _ is one character;
// - attributes.run_name compares the tag mlflow.runName, or RunAttributes::runName when a run
//   has no such tag (file stores); runs with neither lack the attribute;
// - a missing start_time/end_time never matches; other string attributes are never missing
//   (the table keeps no difference between NULL and empty);
// - run_id IN (...) drops list items that Python's str.islower() rejects (ids with upper-case
//   letters, or with no letter at all), as MLflow does.
//
// Deliberate differences from MLflow: keys without quotes may also contain / - : (MLflow
// needs quotes for "train/loss"); a quoted string ends at its first matching quote (no ''
// escape: write "it's" to match a quote). Dataset filters parse, but a RunTable holds no
// datasets: such a filter is invalid with a message saying so, and needsDatasets() is true.
//
// Copies are cheap (implicitly shared clause list).
class SearchFilter
{
    Q_DECLARE_TR_FUNCTIONS(SearchFilter)
public:
    SearchFilter() = default; // empty: valid, matches every run

    static SearchFilter parse(const QString &text); // empty/whitespace text: matches every run

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_clauses.isEmpty(); }
    // A specific, translated message that ends with the column (errorPosition() + 1).
    QString errorString() const { return m_error; }
    int errorPosition() const { return m_errorPosition; } // 0-based offset in the text, -1 if none
    // The filter has a datasets.* comparison (it is then invalid: not supported yet).
    bool needsDatasets() const { return m_needsDatasets; }
    QString text() const { return m_text; }

    // Rows of `table` that match, ascending. An invalid filter matches nothing.
    QList<int> filterRows(const Store::RunTable &table) const;
    // The rows of `rows` that match, in their order.
    QList<int> filterRows(const Store::RunTable &table, const QList<int> &rows) const;
    // One row; resolves keys on every call, so filterRows() is faster for many rows.
    bool matches(const Store::RunTable &table, int row) const;

    enum class Operator {
        Equal,
        NotEqual,
        Greater,
        GreaterEqual,
        Less,
        LessEqual,
        Like,
        ILike,
        In,
        NotIn,
        IsNull,
        IsNotNull
    };

private:
    struct Clause
    {
        SearchSyntax::Identifier identifier;
        Operator op = Operator::Equal;
        double number = 0;
        QString string; // the value as written (without quotes)
        QByteArray utf8; // the value in UTF-8 (params, tags)
        QString folded; // case-folded value for ILIKE
        QByteArray foldedAscii; // `folded` in UTF-8, for the byte-wise ILIKE when it is ASCII
        bool foldedIsAscii = false;
        QSet<QString> list; // IN / NOT IN
    };
    class Parser;
    class Evaluator;

    QString m_text;
    QList<Clause> m_clauses;
    QString m_error;
    int m_errorPosition = -1;
    bool m_needsDatasets = false;
};

Q_DECLARE_METATYPE(SearchFilter)
