#pragma once

#include "registrytypes.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

// A parsed MLflow search_registered_models filter ("name LIKE 'fraud%' AND tags.team = 'risk'"),
// evaluated the way MLflow's SQL store evaluates it (SearchModelUtils and
// SqlAlchemyStore._get_search_registered_model_filter_query):
// - comparisons joined by AND; no OR, no parentheses;
// - identifiers: `name` (also `attribute.name`) and `tags.<key>` (also `tag.<key>`); a key may be
//   quoted with backticks or double quotes (tags.`mlflow.source.type`); tag keys are
//   case-sensitive, and so are the entity prefixes;
// - operators =, !=, LIKE, ILIKE (any case); values are quoted strings ('x' or "x");
// - = and != and LIKE are case-sensitive, ILIKE folds case (full Unicode folding, like
//   SearchFilter); LIKE has no escape character;
// - a model lacking the tag never matches a comparison on it (not even !=);
// - prompts (models tagged mlflow.prompt.is_prompt = 'true') are left out unless the filter asks
//   for them: its first comparison on that tag is `= 'true'` or `!= 'false'` (value in any case).
//   When it does not, MLflow drops every comparison on that tag, so `tags.mlflow.prompt.is_prompt
//   = 'false'` lists the ordinary models, tagged or not.
//
// Copies are cheap (implicitly shared clause list).
class RegistryFilter
{
    Q_DECLARE_TR_FUNCTIONS(RegistryFilter)
public:
    // The tag that marks a registered model as a prompt (MLflow >= 2.21).
    static constexpr char PromptTag[] = "mlflow.prompt.is_prompt";

    RegistryFilter() = default; // empty: valid, matches every model that is not a prompt

    static RegistryFilter parse(const QString &text); // empty/whitespace text: matches every model

    bool isValid() const { return m_error.isEmpty(); }
    bool isEmpty() const { return m_clauses.isEmpty(); }
    // A specific, translated message that ends with the column (errorPosition() + 1).
    QString errorString() const { return m_error; }
    int errorPosition() const { return m_errorPosition; } // 0-based offset in the text, -1 if none
    QString text() const { return m_text; }
    // The filter asks for prompts (see above): prompts are then not left out.
    bool includesPrompts() const { return m_includesPrompts; }

    // Whether MLflow would return `model` for this filter. An invalid filter matches nothing.
    bool matches(const Store::RegisteredModel &model) const;
    // The models that match, in their order.
    Store::RegisteredModelList filter(const Store::RegisteredModelList &models) const;

    enum class Operator { Equal, NotEqual, Like, ILike };

private:
    struct Clause
    {
        bool isTag = false; // else the model's name
        QString key; // tag key without quotes
        Operator op = Operator::Equal;
        QString value; // as written, without quotes
        QString folded; // case-folded value for ILIKE
    };
    class Parser;
    static bool compare(const Clause &clause, const QString &text);

    QString m_text;
    QList<Clause> m_clauses; // without the prompt tag's when prompts are left out
    QString m_error;
    int m_errorPosition = -1;
    bool m_includesPrompts = false;
};

Q_DECLARE_METATYPE(RegistryFilter)
