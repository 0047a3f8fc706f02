// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How far a running ClickHouse query is, read from system.processes (read_rows,
// total_rows_approx, elapsed for its query_id) over a second connection while the query's own
// request waits for its answer.
//
// Not from the X-ClickHouse-Progress headers: ClickHouse 18.16 (Debian 12's server) sends none,
// even with send_progress_in_http_headers=1 — curl -v against it shows a header block of Date,
// Connection, Content-Type, X-ClickHouse-Server-Display-Name, Transfer-Encoding and Keep-Alive
// only, arriving as a whole when the query ends. Where newer servers do send them, they are
// lines of the one header block, which ends only when the result starts; QNetworkReply parses
// that block whole and reports it once (metaDataChanged), so no value in between would reach
// us anyway. system.processes has the three columns in 18.16 and today, for a Distributed
// table too (the shards' progress counts on the node that was asked).

#include "core/logs/source/log_source.h"

#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace statusscope::logs {

// The statement that reads one query's progress.
QString clickHouseProgressSql(const QString &queryId);
// Its TabSeparated answer: nothing while the query has not started or is gone.
std::optional<SourceProgress> parseClickHouseProgress(const QByteArray &tsv);

// Asks every kPollMs (from kPollMs after construction, one question at a time) and hands each
// answer to `handler`, on the constructing thread, whose event loop must run. The bytes of the
// answers are added to `bytesReceived`: they cost the wire too.
class ClickHouseProgressPoll
{
public:
    static constexpr int kPollMs = 250;

    ClickHouseProgressPoll(QNetworkAccessManager &manager, QNetworkRequest request, QString queryId,
                           ProgressHandler handler, std::atomic<qint64> &bytesReceived);
    ~ClickHouseProgressPoll();
    ClickHouseProgressPoll(const ClickHouseProgressPoll &) = delete;
    ClickHouseProgressPoll &operator=(const ClickHouseProgressPoll &) = delete;

private:
    void ask();
    void answered();

    QNetworkAccessManager &m_manager;
    QNetworkRequest m_request;
    QString m_queryId;
    ProgressHandler m_handler;
    std::atomic<qint64> &m_bytesReceived;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
};

} // namespace statusscope::logs
