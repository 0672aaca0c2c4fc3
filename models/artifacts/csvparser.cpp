#include "csvparser.h"

#include <QStringDecoder>

namespace Artifacts {

CsvParser::CsvParser(char delimiter) : m_delimiter(delimiter) { }

void CsvParser::endField()
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    m_record.append(decoder.decode(m_field));
    m_invalidUtf8 = m_invalidUtf8 || decoder.hasError();
    m_field.clear();
    m_state = State::FieldStart;
}

void CsvParser::endRecord(QList<QStringList> &records)
{
    endField();
    if (m_record.size() == 1 && m_record.constFirst().isEmpty())
        m_record.clear(); // a blank line
    else
        records.append(std::exchange(m_record, {}));
}

void CsvParser::feed(QByteArrayView bytes, QList<QStringList> &records)
{
    for (const char c : bytes) {
        switch (m_state) {
        case State::FieldStart:
            if (c == '"') {
                m_state = State::Quoted;
                break;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            if (c == m_delimiter)
                endField();
            else if (c == '\n')
                endRecord(records);
            else if (c != '\r')
                m_field += c;
            break;
        case State::Quoted:
            if (c == '"')
                m_state = State::QuoteInQuoted;
            else
                m_field += c;
            break;
        case State::QuoteInQuoted:
            if (c == '"') { // a doubled quote
                m_field += c;
                m_state = State::Quoted;
            } else if (c == m_delimiter) {
                endField();
            } else if (c == '\n') {
                endRecord(records);
            } else if (c != '\r') {
                m_field += c; // text after the closing quote: kept as it is
                m_state = State::Unquoted;
            }
            break;
        }
    }
}

void CsvParser::finish(QList<QStringList> &records)
{
    m_unterminated = m_state == State::Quoted;
    if (m_state != State::FieldStart || !m_field.isEmpty() || !m_record.isEmpty())
        endRecord(records);
}

} // namespace Artifacts
