#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Builds Exchange values the way the engine records them (same event order, details and
// fields), with times in ms from the start, so each rule test reads like the timeline it checks.

#include "core/http/http_types.h"

#include <QDateTime>

namespace statusscope::test {

class ExchangeBuilder
{
public:
    explicit ExchangeBuilder(const QString &url)
    {
        m_x.url = QUrl(url);
        m_x.startedAt = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
        m_x.startNs = 0;
    }

    // A new attempt; Host always, Content-Length and Expect as a client sends them.
    ExchangeBuilder &attempt(http::AttemptReason reason, const QByteArray &method, const QString &url,
                             qint64 bodyBytes = 0, bool expect = false)
    {
        http::Attempt a;
        a.reason = reason;
        a.url = QUrl(url);
        a.request.method = method;
        a.request.target = a.url.path().toLatin1();
        a.request.headers = {{"Host", a.url.host().toLatin1()}, {"User-Agent", "statusscope/0.1.0"}};
        if (bodyBytes > 0)
            a.request.headers.append(http::Header("Content-Length", QByteArray::number(bodyBytes)));
        if (expect)
            a.request.headers.append(http::Header("Expect", "100-continue"));
        a.request.bodyBytes = bodyBytes;
        a.request.expectSent = expect;
        m_x.attempts.append(a);
        return *this;
    }
    ExchangeBuilder &initial(const QByteArray &method = "GET", qint64 bodyBytes = 0, bool expect = false)
    {
        return attempt(http::AttemptReason::Initial, method, m_x.url.toString(), bodyBytes, expect);
    }
    ExchangeBuilder &header(const QByteArray &name, const QByteArray &value)
    {
        last().request.headers.append(http::Header(name, value));
        return *this;
    }

    ExchangeBuilder &event(double ms, http::EventType type, const QString &detail = {}, int status = 0,
                           qint64 bytes = -1)
    {
        http::Event e;
        e.type = type;
        e.tNs = ns(ms);
        e.detail = detail;
        e.status = status;
        e.bytes = bytes;
        last().events.append(e);
        return *this;
    }

    // dns_start … request_headers_sent: the usual opening of a fresh connection.
    ExchangeBuilder &connected(double startMs, const QString &remote = QStringLiteral("127.0.0.1:8080"))
    {
        last().connection.remote = remote;
        event(startMs, http::EventType::DnsStart, last().url.host());
        event(startMs + 1.2, http::EventType::DnsDone, QStringLiteral("127.0.0.1"));
        event(startMs + 1.3, http::EventType::ConnectStart, remote);
        event(startMs + 1.9, http::EventType::ConnectDone, remote);
        return event(startMs + 2.1, http::EventType::RequestHeadersSent, QStringLiteral("180 bytes"), 0, 180);
    }
    ExchangeBuilder &reusedConnection(double startMs, const QString &remote = QStringLiteral("127.0.0.1:8080"))
    {
        last().connection.remote = remote;
        last().connection.reused = true;
        return event(startMs, http::EventType::RequestHeadersSent, QStringLiteral("180 bytes"), 0, 180);
    }
    ExchangeBuilder &viaProxy()
    {
        last().connection.viaProxy = true;
        return *this;
    }

    ExchangeBuilder &interim(double ms, int status, const QByteArray &reason = "Continue")
    {
        http::InterimResponse ir;
        ir.status = status;
        ir.reason = reason;
        ir.tNs = ns(ms);
        last().interim.append(ir);
        return event(ms, http::EventType::InterimResponse, QStringLiteral("%1 %2").arg(status).arg(QString::fromLatin1(reason)), status);
    }

    ExchangeBuilder &bodySent(double ms, qint64 bytes)
    {
        last().request.bodySentBytes = bytes;
        return event(ms, http::EventType::BodySent, QStringLiteral("%1 bytes").arg(bytes), 0, bytes);
    }

    ExchangeBuilder &response(double ms, int status, const QByteArray &reason, http::HeaderList headers = {},
                              qint64 bodyBytes = 0)
    {
        http::Response r;
        r.status = status;
        r.reason = reason;
        r.headers = headers;
        r.firstByteNs = ns(ms - 0.1);
        r.tNs = ns(ms);
        r.bodyBytes = bodyBytes;
        r.bodyComplete = true;
        last().response = r;
        event(ms, http::EventType::ResponseHeaders, QStringLiteral("%1 %2").arg(status).arg(QString::fromLatin1(reason)), status);
        return event(ms + 0.4, http::EventType::ResponseBodyDone, QStringLiteral("%1 bytes").arg(bodyBytes), 0, bodyBytes);
    }

    ExchangeBuilder &error(double ms, http::ErrorKind kind, const QString &message)
    {
        last().error = http::Error{kind, message};
        return event(ms, http::EventType::Error, toString(kind) + QStringLiteral(": ") + message);
    }

    http::Exchange build() const { return m_x; }
    operator http::Exchange() const { return m_x; }

private:
    static qint64 ns(double ms) { return qRound64(ms * 1e6); }
    http::Attempt &last() { return m_x.attempts.last(); }
    http::Exchange m_x;
};

} // namespace statusscope::test
