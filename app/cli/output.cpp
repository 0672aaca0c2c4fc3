#include "output.h"

#include "storetypes.h"

#include <charconv>
#include <cmath>

void OutputBuffer::flush()
{
    if (!m_buffer.isEmpty()) {
        std::fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_file);
        m_buffer.clear();
    }
    std::fflush(m_file);
}

namespace Output {

void jsonString(OutputBuffer &out, std::string_view utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    size_t start = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.substr(start, i - start));
        start = i + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(std::string_view(escaped, sizeof escaped));
        }
        }
    }
    out.append(utf8.substr(start));
    out.append('"');
}

void jsonString(OutputBuffer &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    jsonString(out, std::string_view(utf8.constData(), size_t(utf8.size())));
}

QByteArray formatNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, result.ptr - buffer);
}

void jsonNumber(OutputBuffer &out, double value)
{
    const QByteArray text = formatNumber(value);
    if (!std::isfinite(value)) {
        out.append('"');
        out.append(std::string_view(text.constData(), size_t(text.size())));
        out.append('"');
        return;
    }
    out.append(std::string_view(text.constData(), size_t(text.size())));
}

void jsonInteger(OutputBuffer &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(std::string_view(buffer, size_t(result.ptr - buffer)));
}

void jsonTime(OutputBuffer &out, qint64 ms)
{
    if (ms == Store::NoTime)
        out.append("null");
    else
        jsonInteger(out, ms);
}

void tsvField(OutputBuffer &out, std::string_view utf8)
{
    size_t start = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c != '\t' && c != '\n' && c != '\r' && c != '\\')
            continue;
        out.append(utf8.substr(start, i - start));
        start = i + 1;
        out.append(c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\\\");
    }
    out.append(utf8.substr(start));
}

void writeTable(OutputBuffer &out, const QStringList &header, const QList<QStringList> &rows)
{
    constexpr qsizetype MaxWidth = 40;
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(h.size());
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::min(MaxWidth, std::max(widths[c], row[c].size()));
    }
    const auto writeRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            QString cell = cells[c];
            cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
            if (cell.size() > widths[c])
                cell = cell.left(widths[c] - 1) + QChar(0x2026);
            line += c + 1 < cells.size() ? cell.leftJustified(widths[c] + 2) : cell;
        }
        out << line << '\n';
    };
    writeRow(header);
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    writeRow(rule);
    for (const QStringList &row : rows)
        writeRow(row);
}

} // namespace Output
