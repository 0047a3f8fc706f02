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
{
}

size_t NativeBlock::bytes() const
{
    size_t total = 0;
    for (const std::string &column : m_columns)
        total += column.size();
    return total;
}

void NativeBlock::takeInto(QByteArray &body)
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
        body.append(m_columns[i].data(), qsizetype(m_columns[i].size()));
        m_columns[i].clear();
    }
    m_rows = 0;
}

} // namespace statusscope::logs
