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

namespace statusscope::logs {

enum class RowEncoding { Native, TabSeparated };

class RequestRows
{
public:
    explicit RequestRows(RowEncoding encoding);

    void add(const LogRecord &record);
    qint64 count() const { return m_count; }
    size_t bytes() const;
    // Writes the rows, as an INSERT body, over `body` (its memory reused); empty afterwards.
    void takeInto(QByteArray &body);
    // `INSERT INTO … (columns) FORMAT …` for these rows.
    QString insertSql(const ClickHouseEndpoint &target) const;

private:
    RowEncoding m_encoding;
    NativeBlock m_native;
    std::string m_tsv;
    qint64 m_count = 0;
};

} // namespace statusscope::logs
