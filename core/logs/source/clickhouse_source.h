// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A ClickHouse table of requests as a log source. The aggregation runs on the server: counts
// are grouped by bucket and status there (`intDiv(toUInt32(ts), N) * N`, present in 18.16 and
// today), so only buckets, top lists and a few sample rows cross the wire. The series goes
// through the same buildSeries and spike detector as a local file's, so the same requests give
// the same chart and the same spikes. Skipped and directive lines come from the load table
// `logs --to` keeps (clickhouse_schema.h); a table loaded by other tools has none.

#include "core/logs/source/clickhouse_columns.h"
#include "core/logs/source/clickhouse_http.h"
#include "core/logs/source/log_source.h"

#include <QMap>

#include <optional>

namespace statusscope::logs {

class ClickHouseSource final : public LogSource
{
public:
    explicit ClickHouseSource(ClickHouseEndpoint endpoint, QMap<ColumnRole, QString> columnOverrides = {},
                              int timeoutSeconds = 300);

    QString name() const override { return m_http.endpoint().display(); }
    // Reads the table's columns and maps them (done by every other call first): the
    // "Test connection" of the GUI.
    SourceError connect();
    const ColumnMapping &mapping() const { return m_mapping; }
    QList<TableColumn> tableColumns() const { return m_columns; }

    SourceSummary summary(const LogQuery &query) override;
    SourceSeries series(const LogQuery &query) override;
    SourceSamples samples(const LogQuery &query, int maxLines = kMaxSampleLines) override;
    void cancel() override { m_http.cancel(); }
    void resetCancel() override { m_http.resetCancel(); }

    qint64 bytesReceived() const { return m_http.bytesReceived(); }
    int queryCount() const { return m_http.queryCount(); }

private:
    struct Range
    {
        qint64 rows = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        int tzOffsetMinutes = 0;
    };

    // connect(), then a Usage error when the filter needs a column the table lacks.
    SourceError connectFor(const LogFilter &filter);
    QString col(ColumnRole role) const;
    QString timeMsExpr() const;
    QString durationExpr() const;
    QString where(const LogQuery &query, const QString &extra = {}) const;
    // One query's TabSeparated rows; on failure `error` is set and the rows are empty. `stage`
    // names it in the progress reports.
    QList<QList<QByteArray>> rows(const QString &stage, const QString &sql, SourceError &error);
    std::optional<Range> range(const LogQuery &query, SourceError &error);
    // The series of [fromMs, toMs] grouped on the server, built and spike-checked here.
    bool fillSeries(const LogQuery &query, qint64 fromMs, qint64 toMs, int bucketSeconds, QList<SeriesBucket> &buckets,
                    SourceError &error);
    QList<TopEntry> top(const QString &stage, const QString &sql, int textColumn, int statusColumn, SourceError &error);
    void addLoadAccounting(LogSummary &summary, SourceError &error);

    ClickHouseHttp m_http;
    QMap<ColumnRole, QString> m_overrides;
    QList<TableColumn> m_columns;
    ColumnMapping m_mapping;
    bool m_connected = false;
};

} // namespace statusscope::logs
