// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_progress.h"

#include "core/logs/source/clickhouse_tsv.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace statusscope::logs {

namespace {

// A poll that gets no answer soon is skipped; the next one asks again.
constexpr int kPollTimeoutMs = 5000;

} // namespace

QString clickHouseProgressSql(const QString &queryId)
{
    return QStringLiteral("SELECT read_rows, total_rows_approx, elapsed FROM system.processes WHERE query_id = %1 "
                          "FORMAT TabSeparated")
        .arg(sqlString(queryId));
}

std::optional<SourceProgress> parseClickHouseProgress(const QByteArray &tsv)
{
    const QList<QList<QByteArray>> rows = parseTsv(tsv);
    if (rows.isEmpty() || rows[0].size() < 3)
        return std::nullopt;
    bool readOk = false;
    bool totalOk = false;
    bool elapsedOk = false;
    SourceProgress progress;
    progress.rowsRead = rows[0][0].toLongLong(&readOk);
    progress.rowsTotal = rows[0][1].toLongLong(&totalOk);
    progress.elapsedSeconds = rows[0][2].toDouble(&elapsedOk);
    if (!readOk || !totalOk || !elapsedOk)
        return std::nullopt;
    return progress;
}

ClickHouseProgressPoll::ClickHouseProgressPoll(QNetworkAccessManager &manager, QNetworkRequest request, QString queryId,
                                               ProgressHandler handler, std::atomic<qint64> &bytesReceived)
    : m_manager(manager)
    , m_request(std::move(request))
    , m_queryId(std::move(queryId))
    , m_handler(std::move(handler))
    , m_bytesReceived(bytesReceived)
{
    m_request.setTransferTimeout(kPollTimeoutMs);
    m_timer.setSingleShot(true);
    m_timer.setInterval(kPollMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { ask(); });
    m_timer.start();
}

ClickHouseProgressPoll::~ClickHouseProgressPoll()
{
    if (m_reply) {
        QObject::disconnect(m_reply.data(), nullptr, &m_timer, nullptr);
        m_reply->abort();
        delete m_reply.data();
    }
}

void ClickHouseProgressPoll::ask()
{
    m_reply = m_manager.post(m_request, clickHouseProgressSql(m_queryId).toUtf8());
    QObject::connect(m_reply.data(), &QNetworkReply::finished, &m_timer, [this] { answered(); });
}

void ClickHouseProgressPoll::answered()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    const QByteArray body = reply->readAll();
    m_bytesReceived += body.size();
    const bool ok = reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    if (ok) {
        if (const std::optional<SourceProgress> progress = parseClickHouseProgress(body))
            m_handler(*progress);
    }
    m_timer.start();
}

} // namespace statusscope::logs
