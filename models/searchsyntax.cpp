#include "searchsyntax.h"

// For SearchFilter::tr(): these messages are shown as the filter's own.
#include "searchfilter.h"

#include <algorithm>

namespace SearchSyntax {

namespace {

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

QString readWord(QStringView text, int *pos)
{
    const int start = *pos;
    while (*pos < text.size() && isWordChar(text[*pos]))
        ++*pos;
    return text.mid(start, *pos - start).toString();
}

QString excerpt(QStringView text, int position)
{
    QStringView piece = text.mid(position, 20);
    if (const qsizetype space = piece.indexOf(u' '); space > 0)
        piece.truncate(space);
    return piece.toString();
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
