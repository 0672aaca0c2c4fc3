#include "searchfilterparser.h"

#include "likematcher.h"

using namespace SearchSyntax;
using Op = SearchFilter::Operator;

namespace {

QString operatorText(Op op)
{
    switch (op) {
    case Op::Equal:
        return QStringLiteral("=");
    case Op::NotEqual:
        return QStringLiteral("!=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterEqual:
        return QStringLiteral(">=");
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessEqual:
        return QStringLiteral("<=");
    case Op::Like:
        return QStringLiteral("LIKE");
    case Op::ILike:
        return QStringLiteral("ILIKE");
    case Op::In:
        return QStringLiteral("IN");
    case Op::NotIn:
        return QStringLiteral("NOT IN");
    case Op::IsNull:
        return QStringLiteral("IS NULL");
    case Op::IsNotNull:
        return QStringLiteral("IS NOT NULL");
    }
    return QString();
}

QList<Op> allowedOperators(const Identifier &id)
{
    static const QList<Op> numeric
        = {Op::Equal, Op::NotEqual, Op::Greater, Op::GreaterEqual, Op::Less, Op::LessEqual};
    switch (id.entity) {
    case Entity::Metric:
        return numeric;
    case Entity::Param:
    case Entity::Tag:
        return {Op::Equal, Op::NotEqual, Op::Like, Op::ILike, Op::IsNull, Op::IsNotNull};
    case Entity::Attribute:
        if (isNumericAttribute(id.attribute))
            return numeric;
        if (id.attribute == Attribute::RunId)
            return {Op::Equal, Op::NotEqual, Op::Like, Op::ILike, Op::In, Op::NotIn};
        return {Op::Equal, Op::NotEqual, Op::Like, Op::ILike};
    case Entity::Dataset:
        return {Op::Equal, Op::NotEqual, Op::Like, Op::ILike, Op::In, Op::NotIn};
    }
    return {};
}

bool takesNumber(const Identifier &id)
{
    return id.entity == Entity::Metric
        || (id.entity == Entity::Attribute && isNumericAttribute(id.attribute));
}

// Python's str.islower(): at least one cased character and no upper-case one.
bool isLowerPython(const QString &s)
{
    bool cased = false;
    for (const QChar c : s) {
        if (c.isUpper() || c.isTitleCase())
            return false;
        if (c.isLower())
            cased = true;
    }
    return cased;
}

} // namespace

SearchFilter SearchFilter::Parser::run()
{
    SearchFilter filter;
    filter.m_text = m_text;
    skipSpaces(m_text, &m_pos);
    if (m_pos >= m_text.size())
        return filter;
    int firstDataset = -1;
    for (;;) {
        Clause clause;
        if (!readClause(&clause))
            return failed(filter);
        if (clause.identifier.entity == Entity::Dataset) {
            filter.m_needsDatasets = true;
            if (firstDataset < 0)
                firstDataset = int(filter.m_clauses.size());
        }
        filter.m_clauses.append(clause);
        skipSpaces(m_text, &m_pos);
        if (m_pos >= m_text.size())
            break;
        const int wordStart = m_pos;
        const QString word = readWord().toUpper();
        if (word == u"AND") {
            skipSpaces(m_text, &m_pos);
            if (m_pos >= m_text.size()) {
                fail(SearchFilter::tr("Expected a comparison after AND"), m_pos);
                return failed(filter);
            }
            continue;
        }
        if (word == u"OR")
            fail(SearchFilter::tr("OR is not supported: combine comparisons with AND only"), wordStart);
        else
            fail(SearchFilter::tr("Unexpected '%1': expected AND or the end of the filter")
                     .arg(excerpt(wordStart)),
                 wordStart);
        return failed(filter);
    }
    if (firstDataset >= 0) {
        const Identifier &id = filter.m_clauses[firstDataset].identifier;
        fail(SearchFilter::tr("Dataset filters (%1) are not supported yet").arg(identifierText(id)),
             id.position);
        return failed(filter);
    }
    return filter;
}

SearchFilter SearchFilter::Parser::failed(SearchFilter filter) const
{
    filter.m_clauses.clear();
    filter.m_error = m_error;
    filter.m_errorPosition = m_errorPosition;
    return filter;
}

void SearchFilter::Parser::fail(const QString &message, int position)
{
    m_error = located(message, position);
    m_errorPosition = position;
}

QStringView SearchFilter::Parser::identifierText(const Identifier &id) const
{
    return QStringView(m_text).mid(id.position, id.end - id.position);
}

QString SearchFilter::Parser::excerpt(int position) const
{
    return SearchSyntax::excerpt(m_text, position);
}

QString SearchFilter::Parser::readWord()
{
    return SearchSyntax::readWord(m_text, &m_pos);
}

bool SearchFilter::Parser::readClause(Clause *clause)
{
    Identifier &id = clause->identifier;
    if (!readIdentifier(m_text, &m_pos, Purpose::Filter, &id, &m_error, &m_errorPosition))
        return false;
    skipSpaces(m_text, &m_pos);
    const int opPosition = m_pos;
    if (!readOperator(id, &clause->op))
        return false;
    const QList<Op> allowed = allowedOperators(id);
    if (!allowed.contains(clause->op)) {
        QStringList names;
        for (const Op op : allowed)
            names.append(operatorText(op));
        if ((clause->op == Op::In || clause->op == Op::NotIn) && id.entity == Entity::Attribute
            && !isNumericAttribute(id.attribute)) {
            fail(SearchFilter::tr("Only run_id can be compared with %1").arg(operatorText(clause->op)),
                 opPosition);
        } else {
            fail(SearchFilter::tr("The operator %1 cannot be used with '%2': use %3")
                     .arg(operatorText(clause->op), identifierText(id), names.join(QStringLiteral(", "))),
                 opPosition);
        }
        return false;
    }
    const QString context = m_text.mid(id.position, m_pos - id.position).simplified();
    switch (clause->op) {
    case Op::IsNull:
    case Op::IsNotNull:
        return true;
    case Op::In:
    case Op::NotIn:
        return readList(clause, context);
    default:
        break;
    }
    skipSpaces(m_text, &m_pos);
    if (takesNumber(id))
        return readNumber(clause, context);
    return readString(clause, context);
}

bool SearchFilter::Parser::readOperator(const Identifier &id, Op *op)
{
    const int start = m_pos;
    const QStringView rest = QStringView(m_text).mid(m_pos);
    if (rest.isEmpty() || (!rest.front().isLetter() && !QStringView(u"<>=!").contains(rest.front()))) {
        fail(SearchFilter::tr("Expected a comparison operator after '%1'").arg(identifierText(id)), start);
        return false;
    }
    static const struct
    {
        const char16_t *text;
        Op op;
    } symbols[] = {{u"<=", Op::LessEqual}, {u">=", Op::GreaterEqual}, {u"!=", Op::NotEqual},
                   {u"<", Op::Less},       {u">", Op::Greater},       {u"=", Op::Equal}};
    if (rest.startsWith(u"==") || rest.startsWith(u"<>")) {
        fail(SearchFilter::tr("'%1' is not an operator: use '%2'")
                 .arg(rest.left(2), rest.startsWith(u"==") ? QStringLiteral("=") : QStringLiteral("!=")),
             start);
        return false;
    }
    for (const auto &s : symbols) {
        if (rest.startsWith(QStringView(s.text))) {
            *op = s.op;
            m_pos += int(QStringView(s.text).size());
            return true;
        }
    }
    if (rest.front() == u'!') {
        fail(SearchFilter::tr("Expected a comparison operator after '%1'").arg(identifierText(id)), start);
        return false;
    }
    const QString written = readWord();
    const QString word = written.toUpper();
    if (word == u"LIKE") {
        *op = Op::Like;
    } else if (word == u"ILIKE") {
        *op = Op::ILike;
    } else if (word == u"IN") {
        *op = Op::In;
    } else if (word == u"NOT") {
        skipSpaces(m_text, &m_pos);
        const int inPosition = m_pos;
        if (readWord().toUpper() != u"IN") {
            fail(SearchFilter::tr("Expected IN after NOT"), inPosition);
            return false;
        }
        *op = Op::NotIn;
    } else if (word == u"IS") {
        skipSpaces(m_text, &m_pos);
        int wordPosition = m_pos;
        QString next = readWord().toUpper();
        *op = Op::IsNull;
        if (next == u"NOT") {
            *op = Op::IsNotNull;
            skipSpaces(m_text, &m_pos);
            wordPosition = m_pos;
            next = readWord().toUpper();
        }
        if (next != u"NULL") {
            fail(*op == Op::IsNull ? SearchFilter::tr("Expected NULL or NOT NULL after IS")
                                   : SearchFilter::tr("Expected NULL after IS NOT"),
                 wordPosition);
            return false;
        }
    } else {
        fail(SearchFilter::tr("Expected a comparison operator after '%1', found '%2'")
                 .arg(identifierText(id), written),
             start);
        return false;
    }
    return true;
}

bool SearchFilter::Parser::readNumber(Clause *clause, const QString &context)
{
    const int start = m_pos;
    if (m_pos >= m_text.size()) {
        fail(SearchFilter::tr("Expected a number after '%1'").arg(context), m_pos);
        return false;
    }
    if (m_text[m_pos] == u'\'' || m_text[m_pos] == u'"') {
        fail(SearchFilter::tr("Expected a number after '%1', not a quoted string").arg(context), m_pos);
        return false;
    }
    int pos = m_pos;
    const auto digits = [&] {
        const int from = pos;
        while (pos < m_text.size() && m_text[pos] >= u'0' && m_text[pos] <= u'9')
            ++pos;
        return pos - from;
    };
    if (pos < m_text.size() && (m_text[pos] == u'-' || m_text[pos] == u'+'))
        ++pos;
    int mantissa = digits();
    if (pos < m_text.size() && m_text[pos] == u'.') {
        ++pos;
        mantissa += digits();
    }
    bool ok = mantissa > 0;
    if (ok && pos < m_text.size() && (m_text[pos] == u'e' || m_text[pos] == u'E')) {
        ++pos;
        if (pos < m_text.size() && (m_text[pos] == u'-' || m_text[pos] == u'+'))
            ++pos;
        ok = digits() > 0;
    }
    // "1abc", "1.2.3": not a number either.
    if (ok && pos < m_text.size() && isKeyChar(m_text[pos]))
        ok = false;
    if (ok)
        clause->number = QStringView(m_text).mid(start, pos - start).toDouble(&ok);
    if (!ok) {
        fail(SearchFilter::tr("Expected a number after '%1', found '%2'").arg(context, excerpt(start)),
             start);
        return false;
    }
    clause->string = m_text.mid(start, pos - start);
    m_pos = pos;
    return true;
}

bool SearchFilter::Parser::readQuotedValue(QString *value, const QString &context)
{
    if (m_pos >= m_text.size()) {
        fail(SearchFilter::tr("Expected a quoted string after '%1'").arg(context), m_pos);
        return false;
    }
    if (m_text[m_pos] != u'\'' && m_text[m_pos] != u'"') {
        fail(SearchFilter::tr("Expected a quoted string after '%1' (like 'adam'), found '%2'")
                 .arg(context, excerpt(m_pos)),
             m_pos);
        return false;
    }
    return readQuoted(m_text, &m_pos, value, SearchFilter::tr("string"), &m_error, &m_errorPosition);
}

bool SearchFilter::Parser::readString(Clause *clause, const QString &context)
{
    if (!readQuotedValue(&clause->string, context))
        return false;
    clause->utf8 = clause->string.toUtf8();
    if (clause->op == Op::ILike) {
        clause->folded = clause->string.toCaseFolded();
        clause->foldedAscii = clause->folded.toUtf8();
        clause->foldedIsAscii = LikeMatcher::isAscii(clause->foldedAscii);
    }
    return true;
}

bool SearchFilter::Parser::readList(Clause *clause, const QString &context)
{
    skipSpaces(m_text, &m_pos);
    if (m_pos >= m_text.size() || m_text[m_pos] != u'(') {
        fail(SearchFilter::tr("Expected a list in parentheses after '%1', like ('a', 'b')").arg(context),
             m_pos);
        return false;
    }
    const int open = m_pos;
    ++m_pos;
    bool any = false;
    for (;;) {
        skipSpaces(m_text, &m_pos);
        if (m_pos < m_text.size() && m_text[m_pos] == u')' && any) {
            ++m_pos; // a trailing comma, as Python tuples allow
            break;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == u')') {
            fail(SearchFilter::tr("The list after %1 is empty").arg(operatorText(clause->op)), open);
            return false;
        }
        QString item;
        if (!readQuotedValue(&item, context))
            return false;
        any = true;
        // MLflow drops ids that are not lower-case (it compares case-insensitively on MySQL).
        if (isLowerPython(item))
            clause->list.insert(item);
        skipSpaces(m_text, &m_pos);
        if (m_pos < m_text.size() && m_text[m_pos] == u',') {
            ++m_pos;
            continue;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == u')') {
            ++m_pos;
            break;
        }
        fail(m_pos >= m_text.size() ? SearchFilter::tr("Unterminated list: no closing )")
                                    : SearchFilter::tr("Expected , or ) in the list"),
             m_pos >= m_text.size() ? open : m_pos);
        return false;
    }
    return true;
}
