#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <string_view>

// Buffered writing of command output: large outputs (100,000 runs) go out in big blocks.
class OutputBuffer
{
public:
    explicit OutputBuffer(FILE *file = stdout) : m_file(file) { m_buffer.reserve(Capacity); }
    ~OutputBuffer() { flush(); }
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    void append(std::string_view text)
    {
        m_buffer.append(text.data(), qsizetype(text.size()));
        if (m_buffer.size() >= Capacity)
            flush();
    }
    void append(const char *text) { append(std::string_view(text)); }
    void append(const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        append(std::string_view(utf8.constData(), size_t(utf8.size())));
    }
    void append(char c)
    {
        m_buffer.append(c);
        if (m_buffer.size() >= Capacity)
            flush();
    }
    OutputBuffer &operator<<(std::string_view text)
    {
        append(text);
        return *this;
    }
    OutputBuffer &operator<<(const char *text)
    {
        append(std::string_view(text));
        return *this;
    }
    OutputBuffer &operator<<(const QString &text)
    {
        append(text);
        return *this;
    }
    OutputBuffer &operator<<(char c)
    {
        append(c);
        return *this;
    }
    void flush();

private:
    static constexpr qsizetype Capacity = 1 << 20;
    FILE *m_file;
    QByteArray m_buffer;
};

namespace Output {

// JSON pieces, written straight into the buffer.
void jsonString(OutputBuffer &out, std::string_view utf8);
void jsonString(OutputBuffer &out, const QString &text);
// Finite numbers in shortest round-trip form; NaN as "NaN", infinities as "Infinity"/"-Infinity"
// (the strings MLflow's REST API uses).
void jsonNumber(OutputBuffer &out, double value);
void jsonInteger(OutputBuffer &out, qint64 value);
// An integer time in ms, or null when unset.
void jsonTime(OutputBuffer &out, qint64 ms);

// TSV field: tabs, newlines and backslashes escaped so every run stays on one line.
void tsvField(OutputBuffer &out, std::string_view utf8);
QByteArray formatNumber(double value);

// A human-readable table with aligned columns (for --format table).
void writeTable(OutputBuffer &out, const QStringList &header, const QList<QStringList> &rows);

} // namespace Output
