// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The requests of one INSERT into the request table, encoded as the table takes them best:
// Native (binary columns the server copies without parsing) when its columns have exactly the
// types the loader creates, else TabSeparated, which the server converts into whatever types a
// table made by hand has (status as UInt32, method as LowCardinality(String), …).

#include "core/logs/log_record.h"
#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/clickhouse_native.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace statusscope::logs {

enum class RowEncoding { Native, TabSeparated };

class RequestRows
{
public:
    explicit RequestRows(RowEncoding encoding);

    void add(const LogRecord &record);
    qint64 count() const { return m_count; }
    size_t bytes() const;
    // Puts the rows in the request table's sort order (ts, status), so the server finds the
    // block already sorted and writes it as it comes; a log's lines are in time order but for
    // the statuses within a second. Before takeInto(), while the server may still be busy.
    void sort();
    // Writes the rows, as an INSERT body, over `body` (its memory reused); empty afterwards.
    void takeInto(QByteArray &body);
    // `INSERT INTO … (columns) FORMAT …` for these rows.
    QString insertSql(const ClickHouseEndpoint &target) const;

private:
    RowEncoding m_encoding;
    NativeBlock m_native;
    std::string m_tsv;
    std::vector<quint64> m_keys;  // per row: ts seconds, then status
    std::vector<quint32> m_order; // from sort(): the rows in key order
    qint64 m_count = 0;
};

} // namespace statusscope::logs
