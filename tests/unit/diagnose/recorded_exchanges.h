#pragma once
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Exchanges as the engine records them for the situations the rules diagnose (positive cases)
// and their look-alikes that must not trigger (negative cases). Times and byte counts follow
// real runs against nginx, Apache httpd and lighttpd on loopback.

#include "tests/unit/diagnose/exchange_builder.h"

#include <QList>
#include <QPair>

namespace statusscope::test::recorded {

using http::AttemptReason;
using http::ErrorKind;
using http::EventType;

inline constexpr qint64 kUpload = 2 * 1024 * 1024; // a 2 MiB upload: Expect in auto mode

// lighttpd with server.reject-expect-100-with-417: 417, then the retry without Expect → 201.
inline http::Exchange expect417Retried(int retryStatus = 201)
{
    return ExchangeBuilder(QStringLiteral("http://upload.test:8080/files"))
        .initial("PUT", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart, QStringLiteral("waiting up to 1000 ms for 100 Continue"))
        .response(3.4, 417, "Expectation Failed", {{"Server", "lighttpd/1.4.69"}, {"Content-Length", "0"}})
        .event(3.8, EventType::Finding, QStringLiteral("417 Expectation Failed: retrying once without Expect (same connection)"))
        .attempt(AttemptReason::RetryWithoutExpect, "PUT", QStringLiteral("http://upload.test:8080/files"), kUpload, false)
        .reusedConnection(3.9)
        .event(4.0, EventType::BodySendStart, QStringLiteral("2097152 bytes to send"), 0, kUpload)
        .bodySent(21.7, kUpload)
        .response(25.3, retryStatus, retryStatus == 201 ? QByteArray("Created") : QByteArray("Expectation Failed"),
                  {{"Server", "lighttpd/1.4.69"}, {"Content-Length", "0"}});
}

// The same 417 but the client was told not to retry (--no-retry-417).
inline http::Exchange expect417NoRetry()
{
    return ExchangeBuilder(QStringLiteral("http://upload.test:8080/files"))
        .initial("PUT", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart)
        .response(3.4, 417, "Expectation Failed", {{"Server", "lighttpd/1.4.69"}});
}

// Apache httpd: an expectation other than 100-continue.
inline http::Exchange expectUnknown417()
{
    return ExchangeBuilder(QStringLiteral("http://apache.test/api"))
        .initial("POST", 512)
        .header("Expect", "200-ok")
        .connected(0)
        .response(4.2, 417, "Expectation Failed", {{"Server", "Apache/2.4.62 (Debian)"}}, 301);
}

// A server that ignores Expect (Python's http.server as HTTP/1.0): 1 s lost, then 200.
inline http::Exchange expectIgnored()
{
    return ExchangeBuilder(QStringLiteral("http://slow.test:8000/upload"))
        .initial("POST", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart, QStringLiteral("waiting up to 1000 ms for 100 Continue"))
        .event(1002.2, EventType::ExpectTimeout, QStringLiteral("no 100 Continue within 1000 ms; sending the body anyway"))
        .event(1002.2, EventType::BodySendStart, QStringLiteral("2097152 bytes to send"), 0, kUpload)
        .bodySent(1019.8, kUpload)
        .response(1021.0, 200, "OK", {{"Server", "SimpleHTTP/0.6 Python/3.11.2"}}, 2);
}

// nginx: 100 Continue within a few ms, then 201.
inline http::Exchange expectAnswered()
{
    return ExchangeBuilder(QStringLiteral("http://nginx.test/upload"))
        .initial("POST", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart)
        .interim(2.6, 100)
        .event(2.6, EventType::BodySendStart, {}, 0, kUpload)
        .bodySent(19.4, kUpload)
        .response(20.9, 201, "Created", {{"Server", "nginx/1.22.1"}}, 0);
}

// An app server that answers 100 automatically and rejects with 403 once it reads the body.
inline http::Exchange rejectedAfter100()
{
    return ExchangeBuilder(QStringLiteral("http://app.test/upload"))
        .initial("POST", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart)
        .interim(2.5, 100)
        .event(2.5, EventType::BodySendStart, {}, 0, kUpload)
        .bodySent(9.8, 786432)
        .event(9.8, EventType::Finding, QStringLiteral("final 403 during the upload; stopped sending, connection will not be reused"))
        .response(9.8, 403, "Forbidden", {{"Server", "gunicorn"}}, 43);
}

// nginx with client_max_body_size 1m: 413 before the body (the Expect did its job).
inline http::Exchange rejectedBeforeBody(int status = 413)
{
    const QByteArray reason = status == 413 ? "Request Entity Too Large"
                              : status == 401 ? "Unauthorized" : "Forbidden";
    return ExchangeBuilder(QStringLiteral("http://nginx.test/upload"))
        .initial("POST", kUpload, true)
        .connected(0)
        .event(2.1, EventType::ExpectWaitStart)
        .response(2.8, status, reason, {{"Server", "nginx/1.22.1"}, {"Connection", "close"}}, 183)
        .event(2.8, EventType::Finding, QStringLiteral("final %1 before 100 Continue: the body is not sent").arg(status));
}

// The same 413 without Expect: the whole body went out first.
inline http::Exchange rejected413WithoutExpect()
{
    return ExchangeBuilder(QStringLiteral("http://nginx.test/upload"))
        .initial("POST", kUpload, false)
        .connected(0)
        .event(2.1, EventType::BodySendStart, {}, 0, kUpload)
        .bodySent(18.2, kUpload)
        .response(18.9, 413, "Request Entity Too Large", {{"Server", "nginx/1.22.1"}}, 183);
}

inline http::Exchange simpleResponse(int status, const QByteArray &reason, const http::HeaderList &headers,
                                     const QString &url = QStringLiteral("https://shop.test/api/cart"))
{
    return ExchangeBuilder(url).initial("GET").connected(0).response(48.3, status, reason, headers, 512);
}

// Cloudflare in front of a failing origin: 500 with CF-Ray.
inline http::Exchange cdn500()
{
    return simpleResponse(500, "Internal Server Error",
                          {{"Date", "Thu, 26 Nov 2026 10:00:00 GMT"}, {"Server", "cloudflare"},
                           {"CF-Ray", "8e1f2a3b4c5d6e7f-AMS"}, {"Content-Type", "text/html"}});
}
inline http::Exchange origin500()
{
    return simpleResponse(500, "Internal Server Error",
                          {{"Server", "Apache/2.4.62 (Debian)"}, {"Content-Type", "text/html"}});
}
inline http::Exchange cloudFront504()
{
    return simpleResponse(504, "Gateway Timeout",
                          {{"Server", "CloudFront"}, {"X-Cache", "Error from cloudfront"},
                           {"Via", "1.1 7b3c2a1d.cloudfront.net (CloudFront)"},
                           {"X-Amz-Cf-Id", "q1w2e3r4t5y6u7i8o9p0-AbCdEfGh=="}});
}
inline http::Exchange nginx502()
{
    return simpleResponse(502, "Bad Gateway", {{"Server", "nginx/1.22.1"}, {"Content-Type", "text/html"}});
}
inline http::Exchange varnish503()
{
    return simpleResponse(503, "Service Unavailable",
                          {{"Server", "Varnish"}, {"X-Varnish", "32770"}, {"Via", "1.1 varnish (Varnish/7.1)"}});
}

// Two virtual hosts sharing a wildcard certificate: the reused connection is refused with 421.
inline http::Exchange misdirected(bool reused)
{
    ExchangeBuilder b(QStringLiteral("https://api.example.test/v1/items"));
    b.initial("GET");
    if (reused)
        b.reusedConnection(0.2, QStringLiteral("192.0.2.10:443"));
    else
        b.connected(0, QStringLiteral("192.0.2.10:443"));
    return b.response(14.0, 421, "Misdirected Request", {{"Server", "nginx/1.22.1"}}, 150);
}

inline http::Exchange tooManyRequests(const QByteArray &retryAfter, bool withDate = true)
{
    http::HeaderList h{{"Content-Type", "application/json"}};
    if (withDate)
        h.prepend(http::Header("Date", "Thu, 26 Nov 2026 10:00:00 GMT"));
    if (!retryAfter.isEmpty())
        h.append(http::Header("Retry-After", retryAfter));
    return simpleResponse(429, "Too Many Requests", h, QStringLiteral("https://api.test/v1/search"));
}

// A redirect chain: each pair is (url, status); the next attempt requests the Location.
inline http::Exchange redirectChain(const QList<QPair<QString, int>> &hops, const QByteArray &firstMethod = "GET",
                                    const QString &finalError = {})
{
    ExchangeBuilder b(hops.first().first);
    double t = 0;
    for (int i = 0; i < hops.size(); ++i) {
        const bool first = i == 0;
        const bool methodChanged = !first && firstMethod == "POST"
                                   && (hops.at(i - 1).second == 301 || hops.at(i - 1).second == 302
                                       || hops.at(i - 1).second == 303);
        const QByteArray method = first ? firstMethod : (methodChanged ? QByteArray("GET") : firstMethod);
        b.attempt(first ? AttemptReason::Initial : AttemptReason::Redirect, method, hops.at(i).first,
                  method == "POST" ? 64 : 0);
        b.connected(t);
        if (method == "POST")
            b.bodySent(t + 2.3, 64);
        http::HeaderList headers{{"Server", "nginx/1.22.1"}};
        if (i + 1 < hops.size())
            headers.append(http::Header("Location", hops.at(i + 1).first.toLatin1()));
        else if (!finalError.isEmpty())
            headers.append(http::Header("Location", hops.first().first.toLatin1()));
        b.response(t + 9.5, hops.at(i).second, hops.at(i).second == 200 ? "OK" : "Moved", headers, 0);
        t += 12.0;
    }
    if (!finalError.isEmpty())
        b.error(t, ErrorKind::Protocol, finalError);
    return b;
}

inline http::Exchange transportFailure(ErrorKind kind, const QString &message, bool tls = false)
{
    ExchangeBuilder b(tls ? QStringLiteral("https://secure.test/") : QStringLiteral("http://down.test:8080/"));
    b.initial("GET");
    b.event(0, EventType::DnsStart, QStringLiteral("down.test"));
    if (kind == ErrorKind::Dns)
        return b.error(31.0, kind, message);
    b.event(1.1, EventType::DnsDone, QStringLiteral("127.0.0.1"));
    b.event(1.2, EventType::ConnectStart, QStringLiteral("127.0.0.1:8080"));
    if (kind == ErrorKind::Connect || (kind == ErrorKind::Timeout && !tls))
        return b.error(kind == ErrorKind::Timeout ? 5000.0 : 1.5, kind, message);
    b.event(1.6, EventType::ConnectDone, QStringLiteral("127.0.0.1:443"));
    b.event(1.7, EventType::TlsStart, QStringLiteral("secure.test"));
    return b.error(6.4, kind, message);
}

} // namespace statusscope::test::recorded
