// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_request_rows.h"

#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_tsv.h"

#include <algorithm>

namespace statusscope::logs {

namespace {

// DateTime holds 1970..2106: a time outside is clamped rather than failing the batch.
qint64 storableMs(qint64 timeMs)
{
    return std::clamp<qint64>(timeMs, 0, qint64(0xFFFFFFFF) * 1000 + 999);
}

} // namespace

RequestRows::RequestRows(RowEncoding encoding)
    : m_encoding(encoding)
    , m_native(requestColumns(), requestColumnTypes())
{
}

void RequestRows::add(const LogRecord &record)
{
    const qint64 ms = storableMs(record.timeMs);
    ++m_count;
    if (m_encoding == RowEncoding::TabSeparated) {
        TsvRow(m_tsv)
            .number(ms / 1000)
            .number(ms % 1000)
            .number(record.tzOffsetMinutes)
            .number(record.status)
            .text(record.method)
            .text(record.path)
            .text(record.client)
            .text(record.userAgent)
            .number(record.bytes)
            .number(record.durationMs)
            .end();
        return;
    }
    // The casts are the column types of requestColumnTypes(): the parsers keep offsets within
    // ±24 h and statuses within 100..599.
    m_keys.push_back(quint64(ms / 1000) << 16 | quint64(quint16(record.status)));
    m_native.number(0, quint32(ms / 1000));
    m_native.number(1, quint16(ms % 1000));
    m_native.number(2, qint16(record.tzOffsetMinutes));
    m_native.number(3, quint16(record.status));
    m_native.text(4, record.method);
    m_native.text(5, record.path);
    m_native.text(6, record.client);
    m_native.text(7, record.userAgent);
    m_native.number(8, qint64(record.bytes));
    m_native.number(9, record.durationMs);
    m_native.endRow();
}

size_t RequestRows::bytes() const
{
    return m_encoding == RowEncoding::Native ? m_native.bytes() : m_tsv.size();
}

void RequestRows::sort()
{
    m_order.clear();
    if (std::is_sorted(m_keys.begin(), m_keys.end()))
        return;
    // Key and row in one word each pair, sorted as pairs: cheaper than a comparator that looks
    // the keys up, and the row breaks ties so equal keys keep their order.
    std::vector<std::pair<quint64, quint32>> pairs(m_keys.size());
    for (size_t i = 0; i < m_keys.size(); ++i)
        pairs[i] = {m_keys[i], quint32(i)};
    std::sort(pairs.begin(), pairs.end());
    m_order.resize(pairs.size());
    for (size_t i = 0; i < pairs.size(); ++i)
        m_order[i] = pairs[i].second;
}

void RequestRows::takeInto(QByteArray &body)
{
    m_count = 0;
    if (m_encoding == RowEncoding::Native) {
        m_native.takeInto(body, m_order);
        m_keys.clear();
        m_order.clear();
        return;
    }
    body.resize(0);
    body.append(m_tsv.data(), qsizetype(m_tsv.size()));
    m_tsv.clear();
}

QString RequestRows::insertSql(const ClickHouseEndpoint &target) const
{
    return QStringLiteral("INSERT INTO %1 (%2) FORMAT %3")
        .arg(target.qualifiedTable(), requestColumns().join(QStringLiteral(", ")),
             m_encoding == RowEncoding::Native ? QStringLiteral("Native") : QStringLiteral("TabSeparated"));
}

} // namespace statusscope::logs
