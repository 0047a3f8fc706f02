// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ClickHouse's HTTP interface through QtNetwork, one blocking call at a time, from any thread
// (each call has its own network manager, so a GUI may run calls on pool threads). User and password
// travel in the X-ClickHouse-User/-Key headers (never in the URL, which servers log). Every
// query carries a query id, so cancel() can stop it on the server with KILL QUERY, and a
// server-side time limit (max_execution_time) besides the transfer timeout. With a progress
// handler set, a SELECT's progress is polled while it runs (clickhouse_progress.h).

#include "core/logs/source/clickhouse_endpoint.h"
#include "core/logs/source/log_source.h"

#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <atomic>
#include <mutex>

class QNetworkReply;
class QNetworkRequest;

namespace statusscope::logs {

struct ClickHouseReply
{
    QByteArray body;
    SourceError error;
    bool ok() const { return !error.isError(); }
};

class ClickHouseHttp
{
public:
    explicit ClickHouseHttp(ClickHouseEndpoint endpoint, int timeoutSeconds = 300);
    ~ClickHouseHttp();
    ClickHouseHttp(const ClickHouseHttp &) = delete;
    ClickHouseHttp &operator=(const ClickHouseHttp &) = delete;

    const ClickHouseEndpoint &endpoint() const { return m_endpoint; }
    // A SELECT (or DDL) posted as the body; the answer in whatever FORMAT the SQL names.
    ClickHouseReply query(const QString &sql);
    // `INSERT … FORMAT …` in the URL, the rows as the body, and settings for this query.
    ClickHouseReply insert(const QString &insertSql, const QByteArray &rows, const QUrlQuery &settings = {});
    // Thread-safe and returns at once: aborts the running call, which then kills its query on
    // the server (KILL QUERY … SYNC) before it returns Cancelled; later calls fail as cancelled
    // until resetCancel().
    void cancel();
    // Set before the calls it applies to; called on the calling thread during a SELECT.
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }
    // Before a new user action: a cancel of the last one no longer applies.
    void resetCancel() { m_cancelled.store(false); }
    // Body bytes received so far over all calls: what the chart cost on the wire.
    qint64 bytesReceived() const { return m_bytesReceived.load(); }
    int queryCount() const { return m_queries.load(); }

private:
    ClickHouseReply run(const QString &querySql, const QByteArray &body, bool isInsert, const QUrlQuery &settings = {});
    QNetworkRequest request(const QUrlQuery &params) const;
    // After a cancel: stops `queryId` on the server; what happened, for the Cancelled message.
    QString kill(const QString &queryId);

    ClickHouseEndpoint m_endpoint;
    int m_timeoutSeconds;
    int m_transferTimeoutMs;
    ProgressHandler m_progress;
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_bytesReceived{0};
    std::atomic<int> m_queries{0};
    std::mutex m_mutex;
    QPointer<QNetworkReply> m_running;
    QString m_runningId;
};

// The message of a ClickHouse exception text ("Code: 60, e.displayText() = DB::Exception:
// Table x doesn't exist., …" in 18.16, "Code: 60. DB::Exception: Table … (UNKNOWN_TABLE)
// (version …)" today) and its code (0 when none).
QString clickHouseExceptionText(const QByteArray &body, int *code);
// What a ClickHouse error code means to a user of StatusScope.
SourceErrorKind clickHouseErrorKind(int code, int httpStatus);

} // namespace statusscope::logs
