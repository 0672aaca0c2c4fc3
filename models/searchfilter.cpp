#include "searchfilter.h"

#include "likematcher.h"

#include <algorithm>
#include <cmath>

namespace SearchSyntax {

namespace {

// Appends where the problem is; people count columns from 1.
QString located(const QString &message, int position)
{
    return SearchFilter::tr("%1 (column %2)").arg(message).arg(position + 1);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Characters of a key written without quotes. MLflow's names may hold / - : too (and spaces,
// which need quotes); sqlparse would split "train/loss", but nothing else can be meant.
bool isKeyChar(QChar c)
{
    return isWordChar(c) || c == u'.' || c == u'/' || c == u'-' || c == u':';
}

void skipSpaces(QStringView text, int *pos)
{
    while (*pos < text.size() && text[*pos].isSpace())
        ++*pos;
}

// A quoted run starting at `*pos` (on the quote). No escapes: it ends at the next same quote.
bool readQuoted(QStringView text, int *pos, QString *value, const QString &what, QString *error,
                int *errorPosition)
{
    const QChar quote = text[*pos];
    const qsizetype end = text.indexOf(quote, *pos + 1);
    if (end < 0) {
        *error = located(SearchFilter::tr("Unterminated %1: no closing %2").arg(what, quote), *pos);
        *errorPosition = *pos;
        return false;
    }
    *value = text.mid(*pos + 1, end - *pos - 1).toString();
    *pos = int(end) + 1;
    return true;
}

struct AttributeName
{
    const char16_t *name;
    Attribute attribute;
    bool filterOnly; // aliases that MLflow accepts in filters, not in order_by
};

constexpr AttributeName AttributeNames[] = {
    {u"run_id", Attribute::RunId, false},
    {u"run_name", Attribute::RunName, false},
    {u"status", Attribute::Status, false},
    {u"user_id", Attribute::UserId, false},
    {u"artifact_uri", Attribute::ArtifactUri, false},
    {u"start_time", Attribute::StartTime, false},
    {u"end_time", Attribute::EndTime, false},
    {u"created", Attribute::StartTime, false},
    {u"Created", Attribute::StartTime, false},
    {u"run name", Attribute::RunName, true},
    {u"Run name", Attribute::RunName, true},
    {u"Run Name", Attribute::RunName, true},
};

QString canonicalName(Attribute attribute)
{
    switch (attribute) {
    case Attribute::RunId:
        return QStringLiteral("run_id");
    case Attribute::RunName:
        return QStringLiteral("run_name");
    case Attribute::Status:
        return QStringLiteral("status");
    case Attribute::UserId:
        return QStringLiteral("user_id");
    case Attribute::ArtifactUri:
        return QStringLiteral("artifact_uri");
    case Attribute::StartTime:
        return QStringLiteral("start_time");
    case Attribute::EndTime:
        return QStringLiteral("end_time");
    case Attribute::DatasetName:
        return QStringLiteral("name");
    case Attribute::DatasetDigest:
        return QStringLiteral("digest");
    case Attribute::DatasetContext:
        return QStringLiteral("context");
    case Attribute::None:
        break;
    }
    return QString();
}

bool entityFromName(QStringView name, Entity *entity)
{
    // Case-sensitive, like MLflow.
    static const struct
    {
        const char16_t *name;
        Entity entity;
    } names[] = {
        {u"metric", Entity::Metric},
        {u"metrics", Entity::Metric},
        {u"param", Entity::Param},
        {u"params", Entity::Param},
        {u"parameter", Entity::Param},
        {u"parameters", Entity::Param},
        {u"tag", Entity::Tag},
        {u"tags", Entity::Tag},
        {u"attribute", Entity::Attribute},
        {u"attributes", Entity::Attribute},
        {u"attr", Entity::Attribute},
        {u"run", Entity::Attribute},
        {u"dataset", Entity::Dataset},
        {u"datasets", Entity::Dataset},
    };
    for (const auto &n : names) {
        if (name == QStringView(n.name)) {
            *entity = n.entity;
            return true;
        }
    }
    return false;
}

} // namespace

QString entityName(Entity entity)
{
    switch (entity) {
    case Entity::Metric:
        return QStringLiteral("metrics");
    case Entity::Param:
        return QStringLiteral("params");
    case Entity::Tag:
        return QStringLiteral("tags");
    case Entity::Attribute:
        return QStringLiteral("attributes");
    case Entity::Dataset:
        return QStringLiteral("datasets");
    }
    return QString();
}

bool isNumericAttribute(Attribute attribute)
{
    return attribute == Attribute::StartTime || attribute == Attribute::EndTime;
}

int compareCodePoints(QStringView a, QStringView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        if (x == y)
            continue;
        return codePointRank(x) < codePointRank(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool readIdentifier(QStringView text, int *pos, Purpose purpose, Identifier *identifier, QString *error,
                    int *errorPosition)
{
    const auto fail = [&](const QString &message, int at) {
        *error = located(message, at);
        *errorPosition = at;
        return false;
    };
    skipSpaces(text, pos);
    const int start = *pos;
    identifier->position = start;
    if (start >= text.size())
        return fail(SearchFilter::tr("Expected a key such as metrics.accuracy, params.lr or status"), start);

    // The first part: an entity prefix, or a bare attribute key.
    QString first;
    QChar firstQuote;
    const QChar c = text[start];
    if (c == u'`' || c == u'"') {
        firstQuote = c;
        if (!readQuoted(text, pos, &first, SearchFilter::tr("quoted key"), error, errorPosition))
            return false;
    } else {
        while (*pos < text.size() && isWordChar(text[*pos]))
            ++*pos;
        if (*pos == start) {
            return fail(
                SearchFilter::tr("Expected a key such as metrics.accuracy, params.lr or status, found '%1'")
                    .arg(text[start]),
                start);
        }
        first = text.mid(start, *pos - start).toString();
    }

    Entity entity = Entity::Attribute;
    QString key;
    int keyPosition = start;
    // MLflow strips backticks from the prefix only; a double-quoted first part is a key.
    if (*pos < text.size() && text[*pos] == u'.' && firstQuote != u'"') {
        if (!entityFromName(first, &entity)) {
            return fail(
                SearchFilter::tr("Unknown entity '%1': use metrics, params, tags, attributes or datasets")
                    .arg(first),
                start);
        }
        ++*pos;
        keyPosition = *pos;
        if (*pos < text.size() && (text[*pos] == u'`' || text[*pos] == u'"')) {
            if (!readQuoted(text, pos, &key, SearchFilter::tr("quoted key"), error, errorPosition))
                return false;
        } else {
            while (*pos < text.size() && isKeyChar(text[*pos]))
                ++*pos;
            key = text.mid(keyPosition, *pos - keyPosition).toString();
        }
        if (key.isEmpty()) {
            return fail(
                SearchFilter::tr("Expected a key after '%1'").arg(text.mid(start, keyPosition - start)),
                keyPosition);
        }
    } else {
        key = first;
    }
    // "metrics.`a`b" or "`status`x": the quoted part must end the identifier.
    if (*pos < text.size() && isKeyChar(text[*pos]) && *pos > start
        && (text[*pos - 1] == u'`' || text[*pos - 1] == u'"'))
        return fail(SearchFilter::tr("Unexpected '%1' after a quoted key").arg(text[*pos]), *pos);

    identifier->entity = entity;
    identifier->key = key;
    identifier->keyPosition = keyPosition;
    identifier->end = *pos;
    identifier->attribute = Attribute::None;

    if (entity == Entity::Attribute) {
        for (const AttributeName &name : AttributeNames) {
            if (key == QStringView(name.name) && (purpose == Purpose::Filter || !name.filterOnly)) {
                identifier->attribute = name.attribute;
                break;
            }
        }
        if (identifier->attribute == Attribute::None) {
            return fail(SearchFilter::tr(
                            "Unknown attribute '%1': use run_id, run_name, status, user_id, artifact_uri, "
                            "start_time or end_time")
                            .arg(key),
                        keyPosition);
        }
        identifier->key = canonicalName(identifier->attribute);
    } else if (entity == Entity::Dataset) {
        if (key == u"name")
            identifier->attribute = Attribute::DatasetName;
        else if (key == u"digest")
            identifier->attribute = Attribute::DatasetDigest;
        else if (key == u"context")
            identifier->attribute = Attribute::DatasetContext;
        else
            return fail(SearchFilter::tr("Unknown dataset key '%1': use name, digest or context").arg(key),
                        keyPosition);
    }
    return true;
}

} // namespace SearchSyntax

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

// --- parsing ---

class SearchFilter::Parser
{
public:
    explicit Parser(const QString &text) : m_text(text) { }

    SearchFilter run()
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

private:
    SearchFilter failed(SearchFilter filter) const
    {
        filter.m_clauses.clear();
        filter.m_error = m_error;
        filter.m_errorPosition = m_errorPosition;
        return filter;
    }

    void fail(const QString &message, int position)
    {
        m_error = SearchFilter::tr("%1 (column %2)").arg(message).arg(position + 1);
        m_errorPosition = position;
    }

    QStringView identifierText(const Identifier &id) const
    {
        return QStringView(m_text).mid(id.position, id.end - id.position);
    }

    // A short piece of the text at `position`, for messages.
    QString excerpt(int position) const
    {
        QString piece = m_text.mid(position, 20);
        const qsizetype space = piece.indexOf(u' ');
        if (space > 0)
            piece.truncate(space);
        return piece;
    }

    QString readWord()
    {
        const int start = m_pos;
        while (m_pos < m_text.size() && isWordChar(m_text[m_pos]))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    bool readClause(Clause *clause)
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

    bool readOperator(const Identifier &id, Op *op)
    {
        const int start = m_pos;
        const QStringView rest = QStringView(m_text).mid(m_pos);
        if (rest.isEmpty() || (!rest.front().isLetter() && !QStringView(u"<>=!").contains(rest.front()))) {
            fail(SearchFilter::tr("Expected a comparison operator after '%1'").arg(identifierText(id)),
                 start);
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
            fail(SearchFilter::tr("Expected a comparison operator after '%1'").arg(identifierText(id)),
                 start);
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

    bool readNumber(Clause *clause, const QString &context)
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

    bool readQuotedValue(QString *value, const QString &context)
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

    bool readString(Clause *clause, const QString &context)
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

    bool readList(Clause *clause, const QString &context)
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

    const QString &m_text;
    int m_pos = 0;
    QString m_error;
    int m_errorPosition = -1;
};

SearchFilter SearchFilter::parse(const QString &text)
{
    return Parser(text).run();
}

// --- evaluation ---

// The clauses with their keys resolved against one table.
class SearchFilter::Evaluator
{
public:
    Evaluator(const SearchFilter &filter, const Store::RunTable &table) : m_table(table)
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

    bool matches(const Clause &c, int key, int row) const
    {
        switch (c.identifier.entity) {
        case Entity::Metric: {
            const auto *e = findEntry(m_table.metrics(row), key);
            // The SQL store compares the stored value: 0 for NaN.
            return e && compareValues(c.op, e->metric.storedValue(), c.number);
        }
        case Entity::Param:
        case Entity::Tag: {
            const auto *e = findEntry(
                c.identifier.entity == Entity::Param ? m_table.params(row) : m_table.tags(row), key);
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

    bool matchesAttribute(const Clause &c, int row) const
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

    static bool matchesText(const Clause &c, QByteArrayView value)
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

    static bool matchesText(const Clause &c, const QString &value)
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

    const Store::RunTable &m_table;
    std::vector<Resolved> m_clauses;
    int m_runNameTag = -1;
    bool m_never = false;
};

QList<int> SearchFilter::filterRows(const Store::RunTable &table) const
{
    QList<int> result;
    if (!isValid())
        return result;
    const Evaluator evaluator(*this, table);
    if (evaluator.never())
        return result;
    result.reserve(table.size());
    for (int row = 0; row < table.size(); ++row) {
        if (evaluator.matches(row))
            result.append(row);
    }
    return result;
}

QList<int> SearchFilter::filterRows(const Store::RunTable &table, const QList<int> &rows) const
{
    QList<int> result;
    if (!isValid())
        return result;
    const Evaluator evaluator(*this, table);
    if (evaluator.never())
        return result;
    for (const int row : rows) {
        if (row >= 0 && row < table.size() && evaluator.matches(row))
            result.append(row);
    }
    return result;
}

bool SearchFilter::matches(const Store::RunTable &table, int row) const
{
    return row >= 0 && row < table.size() && Evaluator(*this, table).matches(row);
}
