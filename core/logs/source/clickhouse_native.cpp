// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_native.h"

namespace statusscope::logs {

void appendVarUInt(std::string &out, quint64 value)
{
    while (value >= 0x80) {
        out += char(0x80 | (value & 0x7f));
        value >>= 7;
    }
    out += char(value);
}

NativeBlock::NativeBlock(QStringList names, QStringList types)
    : m_names(std::move(names))
    , m_types(std::move(types))
    , m_columns(size_t(m_names.size()))
    , m_widths(size_t(m_names.size()), 0)
    , m_starts(size_t(m_names.size()))
{
}

size_t NativeBlock::bytes() const
{
    size_t total = 0;
    for (const std::string &column : m_columns)
        total += column.size();
    return total;
}

void NativeBlock::takeInto(QByteArray &body, const std::vector<quint32> &order)
{
    std::string head;
    appendVarUInt(head, quint64(m_columns.size()));
    appendVarUInt(head, quint64(m_rows));
    body.resize(0);
    body.reserve(qsizetype(head.size() + bytes()) + 64 * m_names.size());
    body.append(head.data(), qsizetype(head.size()));
    for (size_t i = 0; i < m_columns.size(); ++i) {
        std::string header;
        for (const QString &word : {m_names[qsizetype(i)], m_types[qsizetype(i)]}) {
            const QByteArray utf8 = word.toUtf8();
            appendVarUInt(header, quint64(utf8.size()));
            header.append(utf8.constData(), size_t(utf8.size()));
        }
        body.append(header.data(), qsizetype(header.size()));
        appendColumn(body, i, order);
        m_columns[i].clear();
        m_starts[i].clear();
    }
    m_rows = 0;
}

void NativeBlock::appendColumn(QByteArray &body, size_t column, const std::vector<quint32> &order)
{
    const std::string &values = m_columns[column];
    if (order.empty()) {
        body.append(values.data(), qsizetype(values.size()));
        return;
    }
    // The values keep their size in any order: the column's bytes are written in place.
    const qsizetype at = body.size();
    body.resize(at + qsizetype(values.size()));
    char *out = body.data() + at;
    const size_t width = m_widths[column];
    const std::vector<quint32> &starts = m_starts[column];
    for (const quint32 row : order) {
        const size_t begin = width ? size_t(row) * width : starts[row];
        const size_t end = width ? begin + width : (size_t(row) + 1 < starts.size() ? starts[row + 1] : values.size());
        std::memcpy(out, values.data() + begin, end - begin);
        out += end - begin;
    }
}

} // namespace statusscope::logs
