#pragma once

#include "searchfilter.h"

// Reads a filter's text into its clauses, or into the first error met. Internal to SearchFilter.
class SearchFilter::Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) { }

    SearchFilter run();

private:
    SearchFilter failed(SearchFilter filter) const;
    void fail(const QString &message, int position);
    QStringView identifierText(const SearchSyntax::Identifier &id) const;
    // A short piece of the text at `position`, for messages.
    QString excerpt(int position) const;
    QString readWord();
    bool readClause(Clause *clause);
    bool readOperator(const SearchSyntax::Identifier &id, Operator *op);
    bool readNumber(Clause *clause, const QString &context);
    bool readQuotedValue(QString *value, const QString &context);
    bool readString(Clause *clause, const QString &context);
    bool readList(Clause *clause, const QString &context);

    const QString &m_text;
    int m_pos = 0;
    QString m_error;
    int m_errorPosition = -1;
};
