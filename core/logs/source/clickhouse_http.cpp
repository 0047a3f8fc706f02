// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_http.h"

#include "core/logs/source/clickhouse_progress.h"
#include "core/logs/source/clickhouse_tsv.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <optional>

namespace statusscope::logs {

namespace {

// Error codes of ClickHouse (src/Common/ErrorCodes.cpp), stable since long before 18.16.
constexpr int kNoSuchColumnInTable = 16;
constexpr int kUnknownIdentifier = 47;
constexpr int kUnknownTable = 60;
constexpr int kUnknownDatabase = 81;
constexpr int kTimeoutExceeded = 159;
constexpr int kUnknownUser = 192;
constexpr int kWrongPassword = 193;
constexpr int kRequiredPassword = 194;
constexpr int kQueryWasCancelled = 394;
constexpr int kAuthenticationFailed = 516;
// How long a cancelled call waits for the server to confirm the query stopped.
constexpr int kKillSeconds = 5;
// A request aborted while on its way can still reach the server and start its query after a
// first KILL found nothing; KILL is repeated this long after the abort, every kKillRepeatMs.
constexpr int kKillSettleMs = 500;
constexpr int kKillRepeatMs = 50;

QString kindWords(SourceErrorKind kind)
{
    switch (kind) {
    case SourceErrorKind::Auth:
        return QStringLiteral("wrong user or password");
    case SourceErrorKind::Missing:
        return QStringLiteral("no such database, table or column");
    case SourceErrorKind::Timeout:
        return QStringLiteral("the query took too long");
    case SourceErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("the server refused the query");
    }
}

} // namespace

QString clickHouseExceptionText(const QByteArray &body, int *code)
{
    const QString text = QString::fromUtf8(body).trimmed();
    static const QRegularExpression codeRe(QStringLiteral("Code: (\\d+)"));
    const QRegularExpressionMatch match = codeRe.match(text);
    if (code)
        *code = match.hasMatch() ? match.captured(1).toInt() : 0;
    QString message = text;
    const qsizetype at = message.indexOf(QLatin1String("DB::Exception: "));
    if (at >= 0)
        message = message.mid(at + 15);
    for (const char *tail : {", e.what() = ", " (version ", "\nStack trace"}) {
        const qsizetype cut = message.indexOf(QLatin1String(tail));
        if (cut >= 0)
            message.truncate(cut);
    }
    message = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    return message.left(500);
}

SourceErrorKind clickHouseErrorKind(int code, int httpStatus)
{
    switch (code) {
    case kUnknownUser:
    case kWrongPassword:
    case kRequiredPassword:
    case kAuthenticationFailed:
        return SourceErrorKind::Auth;
    case kNoSuchColumnInTable:
    case kUnknownIdentifier:
    case kUnknownTable:
    case kUnknownDatabase:
        return SourceErrorKind::Missing;
    case kTimeoutExceeded:
        return SourceErrorKind::Timeout;
    case kQueryWasCancelled:
        return SourceErrorKind::Cancelled;
    default:
        break;
    }
    if (httpStatus == 401 || httpStatus == 403)
        return SourceErrorKind::Auth;
    return SourceErrorKind::Server;
}

ClickHouseHttp::ClickHouseHttp(ClickHouseEndpoint endpoint, int timeoutSeconds)
    : m_endpoint(std::move(endpoint))
    , m_timeoutSeconds(timeoutSeconds)
    // The server's own limit ends the query first; this catches a server that stopped answering.
    , m_transferTimeoutMs((timeoutSeconds + 15) * 1000)
{
}

ClickHouseHttp::~ClickHouseHttp() = default;

ClickHouseReply ClickHouseHttp::query(const QString &sql)
{
    return run(sql, sql.toUtf8(), false);
}

ClickHouseReply ClickHouseHttp::insert(const QString &insertSql, const QByteArray &rows, const QUrlQuery &settings)
{
    return run(insertSql, rows, true, settings);
}

QNetworkRequest ClickHouseHttp::request(const QUrlQuery &params) const
{
    QUrl url;
    url.setScheme(m_endpoint.https ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_endpoint.host);
    url.setPort(m_endpoint.port);
    url.setPath(QStringLiteral("/"));
    url.setQuery(params);
    QNetworkRequest request(url);
    request.setRawHeader("X-ClickHouse-User", m_endpoint.user.toUtf8());
    if (!m_endpoint.password.isEmpty())
        request.setRawHeader("X-ClickHouse-Key", m_endpoint.password.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=UTF-8"));
    request.setTransferTimeout(m_transferTimeoutMs);
    return request;
}

ClickHouseReply ClickHouseHttp::run(const QString &querySql, const QByteArray &body, bool isInsert, const QUrlQuery &settings)
{
    ClickHouseReply out;
    const QString name = m_endpoint.display();
    if (m_cancelled.load()) {
        out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name)};
        return out;
    }
    QNetworkAccessManager manager;
    const QString queryId = QStringLiteral("statusscope-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("database"), m_endpoint.database);
    params.addQueryItem(QStringLiteral("query_id"), queryId);
    params.addQueryItem(QStringLiteral("max_execution_time"), QString::number(m_timeoutSeconds));
    if (isInsert) {
        params.addQueryItem(QStringLiteral("query"), QString::fromUtf8(QUrl::toPercentEncoding(querySql)));
        // Into a Distributed table: the rows are on their shards when the call returns, so a
        // load followed by a read sees them all.
        params.addQueryItem(QStringLiteral("insert_distributed_sync"), QStringLiteral("1"));
        for (const auto &[name, value] : settings.queryItems())
            params.addQueryItem(name, value);
    } else {
        // The answer is buffered on the server until the query ends, so an exception half-way
        // is an HTTP error and never a 200 with a cut result.
        params.addQueryItem(QStringLiteral("wait_end_of_query"), QStringLiteral("1"));
    }
    QNetworkReply *reply = manager.post(request(params), body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool cancelledBeforeRegistered = false;
    {
        const std::lock_guard lock(m_mutex);
        m_running = reply;
        m_runningId = queryId;
        cancelledBeforeRegistered = m_cancelled.load();
    }
    // A cancel between the check above and now found no reply to abort.
    if (cancelledBeforeRegistered)
        reply->abort();
    ++m_queries;
    std::optional<ClickHouseProgressPoll> poll;
    if (m_progress && !isInsert && !reply->isFinished())
        poll.emplace(manager, request({}), queryId, m_progress, m_bytesReceived);
    if (!reply->isFinished())
        loop.exec();
    poll.reset();
    {
        const std::lock_guard lock(m_mutex);
        m_running = nullptr;
        m_runningId.clear();
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    m_bytesReceived += out.body.size();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString netText = reply->errorString();
    delete reply;
    const QString where = QStringLiteral("%1:%2").arg(m_endpoint.host).arg(m_endpoint.port);
    if (m_cancelled.load()) {
        const QString killed = netError == QNetworkReply::OperationCanceledError ? kill(queryId) : QString();
        out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled%2").arg(name, killed)};
        out.body.clear();
        return out;
    }
    if (status == 200 && netError == QNetworkReply::NoError)
        return out;
    if (status > 0) {
        int code = 0;
        const QString text = clickHouseExceptionText(out.body, &code);
        const SourceErrorKind kind = clickHouseErrorKind(code, status);
        out.error = {kind, QStringLiteral("%1: %2 (ClickHouse: %3)").arg(name, kindWords(kind), text)};
        out.body.clear();
        return out;
    }
    switch (netError) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::TemporaryNetworkFailureError:
        out.error = {SourceErrorKind::Connect, QStringLiteral("%1: cannot connect to %2: %3").arg(name, where, netText)};
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolFailure:
        out.error = {SourceErrorKind::Connect,
                     QStringLiteral("%1: no HTTPS%2 conversation with %3: %4")
                         .arg(name, m_endpoint.https ? QString() : QStringLiteral(" or HTTP"), where, netText)};
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        out.error = {SourceErrorKind::Timeout,
                     QStringLiteral("%1: no answer from %2 within %3 s").arg(name, where).arg(m_transferTimeoutMs / 1000)};
        break;
    default:
        out.error = {SourceErrorKind::Interrupted,
                     QStringLiteral("%1: the connection to %2 ended in the middle of the query: %3").arg(name, where, netText)};
        break;
    }
    out.body.clear();
    return out;
}

QString ClickHouseHttp::kill(const QString &queryId)
{
    // Closing the connection alone may leave a long aggregation running on the server. SYNC
    // answers once the query has stopped, so when Cancelled is returned it no longer runs.
    ClickHouseHttp killer(m_endpoint, kKillSeconds);
    killer.m_transferTimeoutMs = kKillSeconds * 1000;
    const QString sql = QStringLiteral("KILL QUERY WHERE query_id = %1 SYNC").arg(sqlString(queryId));
    QElapsedTimer settle;
    settle.start();
    for (;;) {
        const ClickHouseReply reply = killer.query(sql);
        if (!reply.ok())
            return QStringLiteral("; the server was not told to stop the query (%1)").arg(reply.error.message);
        if (settle.elapsed() >= kKillSettleMs)
            return QStringLiteral("; the query was stopped on the server");
        QThread::msleep(kKillRepeatMs);
    }
}

void ClickHouseHttp::cancel()
{
    const std::lock_guard lock(m_mutex);
    m_cancelled.store(true);
    if (m_running)
        QMetaObject::invokeMethod(m_running.data(), &QNetworkReply::abort, Qt::QueuedConnection);
}

} // namespace statusscope::logs
