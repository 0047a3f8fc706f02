// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ClickHouse's TabSeparated format: fields split by tabs, rows by newlines, and in string
// fields a backslash escapes tab, newline, carriage return, NUL and itself.

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <charconv>
#include <string>
#include <string_view>

namespace statusscope::logs {

// Appends `text` escaped for a TabSeparated field.
void appendTsvEscaped(std::string &out, std::string_view text);
// Writes one TabSeparated row into a string: each field after the first starts with a tab,
// strings are escaped, numbers are written as std::to_chars does (shortest exact form).
class TsvRow
{
public:
    explicit TsvRow(std::string &out) : m_out(out) {}

    TsvRow &text(std::string_view value)
    {
        separate();
        appendTsvEscaped(m_out, value);
        return *this;
    }
    template <typename Number>
    TsvRow &number(Number value)
    {
        separate();
        std::array<char, 32> buffer{};
        const char *end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
        m_out.append(buffer.data(), size_t(end - buffer.data()));
        return *this;
    }
    void end() { m_out += '\n'; }

private:
    void separate()
    {
        if (m_fields++ > 0)
            m_out += '\t';
    }

    std::string &m_out;
    int m_fields = 0;
};

// The rows of a TabSeparated answer, each split into unescaped fields.
QList<QList<QByteArray>> parseTsv(const QByteArray &body);
// A string as a single-quoted SQL literal.
QString sqlString(const QString &text);

} // namespace statusscope::logs
