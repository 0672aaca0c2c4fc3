#include "registryfilter.h"

#include "likematcher.h"
#include "searchsyntax.h"

#include <algorithm>

using namespace SearchSyntax;
using Op = RegistryFilter::Operator;

namespace {

const QString *tagValue(const Store::RegisteredModel &model, const QString &key)
{
    for (const auto &[k, v] : model.tags) {
        if (k == key)
            return &v;
    }
    return nullptr;
}

} // namespace

// Reads a filter's text into its clauses, or into the first error met. The lexical pieces
// (quotes, key characters, column numbers) are SearchFilter's, so both filters read alike.
class RegistryFilter::Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) { }

    RegistryFilter run();

private:
    bool fail(const QString &message, int position);
    // A short piece of the text at `position`, for messages.
    QString excerpt(int position) const;
    QString readWord();
    bool readClause(Clause *clause);
    bool readIdentifier(Clause *clause);
    bool readOperator(Clause *clause, const QString &identifier);
    bool readValue(Clause *clause, const QString &context);

    const QString &m_text;
    int m_pos = 0;
    QString m_error;
    int m_errorPosition = -1;
};

RegistryFilter RegistryFilter::Parser::run()
{
    RegistryFilter filter;
    filter.m_text = m_text;
    const auto failed = [&] {
        filter.m_clauses.clear();
        filter.m_error = m_error;
        filter.m_errorPosition = m_errorPosition;
        return filter;
    };
    skipSpaces(m_text, &m_pos);
    while (m_pos < m_text.size()) {
        Clause clause;
        if (!readClause(&clause))
            return failed();
        filter.m_clauses.append(clause);
        skipSpaces(m_text, &m_pos);
        if (m_pos >= m_text.size())
            break;
        const int wordStart = m_pos;
        const QString word = readWord().toUpper();
        if (word == u"AND") {
            skipSpaces(m_text, &m_pos);
            if (m_pos < m_text.size())
                continue;
            fail(RegistryFilter::tr("Expected a comparison after AND"), m_pos);
        } else if (word == u"OR") {
            fail(RegistryFilter::tr("OR is not supported: combine comparisons with AND only"), wordStart);
        } else {
            fail(RegistryFilter::tr("Unexpected '%1': expected AND or the end of the filter")
                     .arg(excerpt(wordStart)),
                 wordStart);
        }
        return failed();
    }

    // MLflow decides on the first comparison with the prompt tag, and otherwise drops them all
    // (SqlAlchemyStore._is_querying_prompt and _update_query_to_exclude_prompts).
    const QLatin1StringView promptTag(PromptTag);
    const auto isPromptClause = [&](const Clause &c) { return c.isTag && c.key == promptTag; };
    const auto first = std::find_if(filter.m_clauses.cbegin(), filter.m_clauses.cend(), isPromptClause);
    if (first != filter.m_clauses.cend()) {
        const QString value = first->value.toLower();
        filter.m_includesPrompts = (first->op == Op::Equal && value == u"true")
            || (first->op == Op::NotEqual && value == u"false");
    }
    if (!filter.m_includesPrompts)
        filter.m_clauses.removeIf(isPromptClause);
    return filter;
}

bool RegistryFilter::Parser::fail(const QString &message, int position)
{
    m_error = located(message, position);
    m_errorPosition = position;
    return false;
}

QString RegistryFilter::Parser::excerpt(int position) const
{
    return SearchSyntax::excerpt(m_text, position);
}

QString RegistryFilter::Parser::readWord()
{
    return SearchSyntax::readWord(m_text, &m_pos);
}

bool RegistryFilter::Parser::readClause(Clause *clause)
{
    const int start = m_pos;
    if (!readIdentifier(clause))
        return false;
    const QString identifier = m_text.mid(start, m_pos - start);
    skipSpaces(m_text, &m_pos);
    if (!readOperator(clause, identifier))
        return false;
    const QString context = m_text.mid(start, m_pos - start).simplified();
    skipSpaces(m_text, &m_pos);
    return readValue(clause, context);
}

bool RegistryFilter::Parser::readIdentifier(Clause *clause)
{
    const int start = m_pos;
    const QString expected = RegistryFilter::tr("Expected name or tags.<key>");
    if (start >= m_text.size())
        return fail(expected, start);
    if (m_text[start] == u'`' || m_text[start] == u'"')
        return fail(RegistryFilter::tr("Quote only a tag's key, as in tags.`my key`"), start);
    const QString first = readWord();
    if (first.isEmpty())
        return fail(RegistryFilter::tr("%1, found '%2'").arg(expected, m_text[start]), start);

    if (m_pos >= m_text.size() || m_text[m_pos] != u'.') {
        if (first != u"name") {
            return fail(RegistryFilter::tr("Unknown attribute '%1': registered models can be filtered by "
                                           "name and tags.<key>")
                            .arg(first),
                        start);
        }
        return true;
    }
    // Case-sensitive, like MLflow: "Tags.x" is an unknown entity there too.
    const bool isTag = first == u"tag" || first == u"tags";
    if (!isTag && first != u"attribute") {
        return fail(RegistryFilter::tr("Unknown entity '%1': use name or tags.<key>").arg(first), start);
    }
    ++m_pos;
    const int keyPosition = m_pos;
    QString key;
    bool quoted = false;
    if (m_pos < m_text.size() && (m_text[m_pos] == u'`' || m_text[m_pos] == u'"')) {
        quoted = true;
        if (!readQuoted(m_text, &m_pos, &key, RegistryFilter::tr("quoted key"), &m_error, &m_errorPosition))
            return false;
    } else {
        while (m_pos < m_text.size() && isKeyChar(m_text[m_pos]))
            ++m_pos;
        key = m_text.mid(keyPosition, m_pos - keyPosition);
    }
    if (key.isEmpty())
        return fail(RegistryFilter::tr("Expected a key after '%1.'").arg(first), keyPosition);
    if (quoted && m_pos < m_text.size() && isKeyChar(m_text[m_pos]))
        return fail(RegistryFilter::tr("Unexpected '%1' after a quoted key").arg(m_text[m_pos]), m_pos);
    if (!isTag && key != u"name") {
        return fail(RegistryFilter::tr("Unknown attribute '%1': registered models can be filtered by "
                                       "name and tags.<key>")
                        .arg(key),
                    keyPosition);
    }
    clause->isTag = isTag;
    clause->key = isTag ? key : QString();
    return true;
}

bool RegistryFilter::Parser::readOperator(Clause *clause, const QString &identifier)
{
    const int start = m_pos;
    const QStringView rest = QStringView(m_text).mid(m_pos);
    const auto notAllowed = [&](QStringView op) {
        return fail(RegistryFilter::tr("The operator %1 cannot be used with '%2': use =, !=, LIKE or ILIKE")
                        .arg(op, identifier),
                    start);
    };
    if (rest.startsWith(u"==") || rest.startsWith(u"<>")) {
        return fail(
            RegistryFilter::tr("'%1' is not an operator: use '%2'")
                .arg(rest.left(2), rest.startsWith(u"==") ? QStringLiteral("=") : QStringLiteral("!=")),
            start);
    }
    if (rest.startsWith(u"!=")) {
        clause->op = Op::NotEqual;
        m_pos += 2;
        return true;
    }
    if (rest.startsWith(u"=")) {
        clause->op = Op::Equal;
        m_pos += 1;
        return true;
    }
    for (const char16_t *symbol : {u"<=", u">=", u"<", u">"}) {
        if (rest.startsWith(QStringView(symbol)))
            return notAllowed(QStringView(symbol));
    }
    const QString written = readWord();
    const QString word = written.toUpper();
    if (word == u"LIKE") {
        clause->op = Op::Like;
        return true;
    }
    if (word == u"ILIKE") {
        clause->op = Op::ILike;
        return true;
    }
    if (word == u"IN" || word == u"NOT" || word == u"IS")
        return notAllowed(word);
    if (written.isEmpty() && start < m_text.size()) {
        return fail(RegistryFilter::tr("Expected a comparison operator after '%1', found '%2'")
                        .arg(identifier, excerpt(start)),
                    start);
    }
    if (written.isEmpty())
        return fail(RegistryFilter::tr("Expected a comparison operator after '%1'").arg(identifier), start);
    return fail(
        RegistryFilter::tr("Expected a comparison operator after '%1', found '%2'").arg(identifier, written),
        start);
}

bool RegistryFilter::Parser::readValue(Clause *clause, const QString &context)
{
    if (m_pos >= m_text.size())
        return fail(RegistryFilter::tr("Expected a quoted string after '%1'").arg(context), m_pos);
    if (m_text[m_pos] != u'\'' && m_text[m_pos] != u'"') {
        return fail(RegistryFilter::tr("Expected a quoted string after '%1' (like 'my-model'), found '%2'")
                        .arg(context, excerpt(m_pos)),
                    m_pos);
    }
    if (!readQuoted(m_text, &m_pos, &clause->value, RegistryFilter::tr("string"), &m_error, &m_errorPosition))
        return false;
    if (clause->op == Op::ILike)
        clause->folded = clause->value.toCaseFolded();
    return true;
}

RegistryFilter RegistryFilter::parse(const QString &text)
{
    return Parser(text).run();
}

bool RegistryFilter::compare(const Clause &clause, const QString &text)
{
    switch (clause.op) {
    case Op::Equal:
        return text == clause.value;
    case Op::NotEqual:
        return text != clause.value;
    case Op::Like:
        return LikeMatcher::matches(text, clause.value);
    case Op::ILike:
        return LikeMatcher::matches(text.toCaseFolded(), clause.folded);
    }
    return false;
}

bool RegistryFilter::matches(const Store::RegisteredModel &model) const
{
    if (!isValid())
        return false;
    if (!m_includesPrompts) {
        // MLflow's anti-join compares with '=': only the exact value 'true' marks a prompt.
        const QString *prompt = tagValue(model, QString::fromLatin1(PromptTag));
        if (prompt && *prompt == u"true")
            return false;
    }
    for (const Clause &clause : m_clauses) {
        if (!clause.isTag) {
            if (!compare(clause, model.name))
                return false;
            continue;
        }
        const QString *value = tagValue(model, clause.key);
        if (!value || !compare(clause, *value))
            return false;
    }
    return true;
}

Store::RegisteredModelList RegistryFilter::filter(const Store::RegisteredModelList &models) const
{
    Store::RegisteredModelList result;
    for (const Store::RegisteredModel &model : models) {
        if (matches(model))
            result.append(model);
    }
    return result;
}
