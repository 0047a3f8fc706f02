// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ClickHouse's Native format, as an HTTP `INSERT … FORMAT Native` body: one block, that is the
// number of columns and of rows (unsigned LEB128), then per column its name, its type name and
// its values one after another: fixed-width numbers little-endian, strings as their length
// (LEB128) and bytes. The server copies such columns into its own without parsing text, which
// is what clickhouse-client sends it over the native protocol too.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace statusscope::logs {

// Appends `value` as unsigned LEB128.
void appendVarUInt(std::string &out, quint64 value);

class NativeBlock
{
public:
    // Column names and their ClickHouse types, in the order the values are added.
    NativeBlock(QStringList names, QStringList types);

    // One value of column `column`; a row is complete once every column got its value.
    template <typename Number>
    void number(int column, Number value)
    {
        const Number wire = qToLittleEndian(value);
        char bytes[sizeof(Number)];
        std::memcpy(bytes, &wire, sizeof(Number));
        m_columns[size_t(column)].append(bytes, sizeof(Number));
        m_widths[size_t(column)] = sizeof(Number);
    }
    void text(int column, std::string_view value)
    {
        std::string &out = m_columns[size_t(column)];
        m_starts[size_t(column)].push_back(quint32(out.size()));
        appendVarUInt(out, value.size());
        out.append(value);
    }
    void endRow() { ++m_rows; }

    qint64 rows() const { return m_rows; }
    size_t bytes() const;
    // Writes the block, as the body of an INSERT, over `body`, its rows in `order` (indexes of
    // the rows as added; empty: as added); the columns are empty afterwards. Both keep their
    // memory: refilled batch after batch, they cost no new pages.
    void takeInto(QByteArray &body, const std::vector<quint32> &order = {});

private:
    QStringList m_names;
    QStringList m_types;
    void appendColumn(QByteArray &body, size_t column, const std::vector<quint32> &order);

    std::vector<std::string> m_columns;
    std::vector<size_t> m_widths;               // a number column's value size, 0 for strings
    std::vector<std::vector<quint32>> m_starts; // a string column's value offsets (a block stays far below 4 GiB)
    qint64 m_rows = 0;
};

} // namespace statusscope::logs
