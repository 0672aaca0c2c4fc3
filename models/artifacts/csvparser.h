#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

namespace Artifacts {

// An incremental RFC 4180 parser: bytes go in in chunks of any size, whole records come out.
// Quoted fields may hold the delimiter, line breaks and doubled quotes; CRLF and LF both end a
// record; a blank line is no record. Fields are decoded as UTF-8 (bad sequences become U+FFFD).
class CsvParser
{
public:
    explicit CsvParser(char delimiter = ',');

    // Parses `bytes`, appending completed records to `records`.
    void feed(QByteArrayView bytes, QList<QStringList> &records);
    // Ends the input: the last record, if it had no line break, goes to `records`.
    void finish(QList<QStringList> &records);

    // The input ended inside a quoted field (finish() still returns what it read).
    bool hasUnterminatedQuote() const { return m_unterminated; }
    bool hasInvalidUtf8() const { return m_invalidUtf8; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    void endField();
    void endRecord(QList<QStringList> &records);

    char m_delimiter;
    State m_state = State::FieldStart;
    QByteArray m_field;
    QStringList m_record;
    bool m_unterminated = false;
    bool m_invalidUtf8 = false;
};

} // namespace Artifacts
