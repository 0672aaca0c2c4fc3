#pragma once

#include <QString>
#include <QStringView>

// The pieces of MLflow's search syntax that filters and order_by clauses share.
// Used by SearchFilter and RunOrdering; not meant for other code.
namespace SearchSyntax {

enum class Entity { Metric, Param, Tag, Attribute, Dataset };

enum class Attribute {
    None,
    RunId,
    RunName,
    Status,
    UserId,
    ArtifactUri,
    StartTime,
    EndTime,
    // datasets.<key>
    DatasetName,
    DatasetDigest,
    DatasetContext,
};

struct Identifier
{
    Entity entity = Entity::Attribute;
    QString key; // without quotes; for attributes the canonical name (aliases resolved)
    Attribute attribute = Attribute::None;
    int position = 0; // where the identifier starts in the text
    int keyPosition = 0;
    int end = 0; // one past its last character
};

enum class Purpose { Filter, Ordering };

// Reads `<entity>.<key>` or a bare attribute key at `*pos` (leading spaces skipped) and
// advances `*pos`. On failure returns false with a message and the position it refers to.
bool readIdentifier(QStringView text, int *pos, Purpose purpose, Identifier *identifier, QString *error,
                    int *errorPosition);

bool isNumericAttribute(Attribute attribute);
// "metrics", "params", ... as people write them, for messages.
QString entityName(Entity entity);

// Compares by Unicode code point (UTF-16 code units order supplementary characters wrongly),
// which is how SQLite compares UTF-8 text.
int compareCodePoints(QStringView a, QStringView b);
// A UTF-16 code unit mapped so that comparing ranks compares code points.
constexpr char16_t codePointRank(char16_t unit)
{
    // Surrogates (D800-DFFF) encode code points above FFFF: move them above E000-FFFF.
    return unit < 0xd800 ? unit : unit < 0xe000 ? char16_t(unit + 0x2000) : char16_t(unit - 0x800);
}

// Lexical pieces that SearchFilter's parser shares with readIdentifier().

// `message` with the column it refers to appended; people count columns from 1.
QString located(const QString &message, int position);
bool isWordChar(QChar c);
// Characters of a key written without quotes.
bool isKeyChar(QChar c);
void skipSpaces(QStringView text, int *pos);
// The run of word characters at `*pos`, moving past it.
QString readWord(QStringView text, int *pos);
// What stands at `position` for an error message: up to 20 characters, cut at a space.
QString excerpt(QStringView text, int position);
// A quoted run starting at `*pos` (on the quote); `what` names it in the message on failure.
bool readQuoted(QStringView text, int *pos, QString *value, const QString &what, QString *error,
                int *errorPosition);

} // namespace SearchSyntax
