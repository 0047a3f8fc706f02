// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/http_types.h"

#include <ostream>
#include <utility>

namespace statusscope::http {

std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const Header &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return std::nullopt;
}

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    return headerValue(headers, name).has_value();
}

QByteArray expectValues(const HeaderList &headers)
{
    QByteArrayList values;
    for (const Header &h : headers) {
        if (h.first.compare("expect", Qt::CaseInsensitive) == 0)
            values << h.second.trimmed();
    }
    return values.join(", ");
}

bool expectsOnlyContinue(const HeaderList &headers)
{
    const QByteArray all = expectValues(headers);
    bool any = false;
    for (const QByteArray &item : all.split(',')) {
        const QByteArray token = item.trimmed();
        if (token.isEmpty())
            continue; // list syntax allows empty elements (RFC 9110 §5.6.1)
        if (token.compare("100-continue", Qt::CaseInsensitive) != 0)
            return false;
        any = true;
    }
    return any;
}

QString describe(const HttpsDowngrade &downgrade)
{
    return QStringLiteral("%1 %2: redirect downgrades https to http: %3 → %4")
        .arg(QString::fromLatin1(kHttpsDowngradeFinding))
        .arg(downgrade.status)
        .arg(downgrade.from.toDisplayString(), downgrade.to.toDisplayString());
}

QString toString(HttpVersion version)
{
    return version == HttpVersion::Http10 ? QStringLiteral("HTTP/1.0") : QStringLiteral("HTTP/1.1");
}
void PrintTo(HttpVersion version, std::ostream *os) { *os << toString(version).toStdString(); }

QString toString(ExpectMode mode)
{
    switch (mode) {
    case ExpectMode::Auto: return QStringLiteral("auto");
    case ExpectMode::Always: return QStringLiteral("always");
    case ExpectMode::Never: return QStringLiteral("never");
    }
    return QStringLiteral("?");
}
void PrintTo(ExpectMode mode, std::ostream *os) { *os << toString(mode).toStdString(); }

std::optional<ExpectMode> expectModeFromString(QStringView text)
{
    for (ExpectMode m : {ExpectMode::Auto, ExpectMode::Always, ExpectMode::Never}) {
        if (text == toString(m))
            return m;
    }
    return std::nullopt;
}

QString toString(EventType type)
{
    switch (type) {
    case EventType::DnsStart: return QStringLiteral("dns_start");
    case EventType::DnsDone: return QStringLiteral("dns_done");
    case EventType::ConnectStart: return QStringLiteral("connect_start");
    case EventType::ConnectDone: return QStringLiteral("connect_done");
    case EventType::TlsStart: return QStringLiteral("tls_start");
    case EventType::TlsDone: return QStringLiteral("tls_done");
    case EventType::RequestHeadersSent: return QStringLiteral("request_headers_sent");
    case EventType::ExpectWaitStart: return QStringLiteral("expect_wait_start");
    case EventType::InterimResponse: return QStringLiteral("interim_response");
    case EventType::ExpectTimeout: return QStringLiteral("expect_timeout");
    case EventType::BodySendStart: return QStringLiteral("body_send_start");
    case EventType::BodySent: return QStringLiteral("body_sent");
    case EventType::ResponseHeaders: return QStringLiteral("response_headers");
    case EventType::ResponseBodyDone: return QStringLiteral("response_body_done");
    case EventType::ConnectionClosed: return QStringLiteral("connection_closed");
    case EventType::Error: return QStringLiteral("error");
    case EventType::Finding: return QStringLiteral("finding");
    }
    return QStringLiteral("?");
}
void PrintTo(EventType type, std::ostream *os) { *os << toString(type).toStdString(); }

QString toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("none");
    case ErrorKind::Dns: return QStringLiteral("dns");
    case ErrorKind::Connect: return QStringLiteral("connect");
    case ErrorKind::Tls: return QStringLiteral("tls");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::Protocol: return QStringLiteral("protocol");
    case ErrorKind::Io: return QStringLiteral("io");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    case ErrorKind::Proxy: return QStringLiteral("proxy");
    }
    return QStringLiteral("?");
}
void PrintTo(ErrorKind kind, std::ostream *os) { *os << toString(kind).toStdString(); }

void PrintTo(const Error &error, std::ostream *os)
{
    *os << toString(error.kind).toStdString();
    if (error.isError())
        *os << ": " << error.message.toStdString();
}

QString toString(AttemptReason reason)
{
    switch (reason) {
    case AttemptReason::Initial: return QStringLiteral("initial");
    case AttemptReason::RetryWithoutExpect: return QStringLiteral("retry-without-expect");
    case AttemptReason::Redirect: return QStringLiteral("redirect");
    }
    return QStringLiteral("?");
}
void PrintTo(AttemptReason reason, std::ostream *os) { *os << toString(reason).toStdString(); }

void RequestSpec::setForm(QList<FormPart> parts)
{
    form = std::move(parts);
    formBoundary = newFormBoundary();
}

std::optional<int> Exchange::finalStatus() const
{
    if (attempts.isEmpty() || !attempts.last().response)
        return std::nullopt;
    return attempts.last().response->status;
}

Error Exchange::error() const
{
    return attempts.isEmpty() ? Error{} : attempts.last().error;
}

namespace {

std::optional<qint64> firstOf(const Attempt &a, EventType type)
{
    for (const Event &e : a.events) {
        if (e.type == type)
            return e.tNs;
    }
    return std::nullopt;
}

std::optional<qint64> lastOf(const Attempt &a, EventType type)
{
    for (auto it = a.events.crbegin(); it != a.events.crend(); ++it) {
        if (it->type == type)
            return it->tNs;
    }
    return std::nullopt;
}

std::optional<double> span(std::optional<qint64> from, std::optional<qint64> to)
{
    if (!from || !to || *to < *from)
        return std::nullopt;
    return double(*to - *from) / 1e6;
}

} // namespace

// The rules, one per phase (curl's lib/progress.h names the same phases):
//  dns          dns_start → dns_done (absent for an IP literal or a reused connection)
//  connect      last connect_start → connect_done (the address that worked)
//  tls          tls_start → tls_done
//  send_headers the moment the connection was ready (tls_done, connect_done, or the attempt's
//               start on a reused connection) → request_headers_sent
//  wait_100     expect_wait_start → the first of: a 100, expect_timeout, final response headers
//  upload       body_send_start → body_sent
//  ttfb         end of sending (body_sent or request_headers_sent, whichever last happened
//               before the final response began) → first byte of the final response
//  download     response_headers → response_body_done
//  total        first event → last event of the attempt
Timings deriveTimings(const Attempt &a)
{
    Timings t;
    t.dns = span(firstOf(a, EventType::DnsStart), firstOf(a, EventType::DnsDone));
    t.connect = span(lastOf(a, EventType::ConnectStart), firstOf(a, EventType::ConnectDone));
    t.tls = span(firstOf(a, EventType::TlsStart), firstOf(a, EventType::TlsDone));
    std::optional<qint64> ready = firstOf(a, EventType::TlsDone);
    if (!ready)
        ready = firstOf(a, EventType::ConnectDone);
    if (!ready && a.connection.reused && !a.events.isEmpty())
        ready = a.startNs();
    const std::optional<qint64> headersSent = firstOf(a, EventType::RequestHeadersSent);
    t.sendHeaders = span(ready, headersSent);
    if (const auto waitStart = firstOf(a, EventType::ExpectWaitStart)) {
        std::optional<qint64> waitEnd;
        for (const Event &e : a.events) {
            if (e.tNs < *waitStart)
                continue;
            if ((e.type == EventType::InterimResponse && e.status == 100)
                || e.type == EventType::ExpectTimeout || e.type == EventType::ResponseHeaders
                || e.type == EventType::Error) {
                waitEnd = e.tNs;
                break;
            }
        }
        t.wait100 = span(waitStart, waitEnd);
    }
    t.upload = span(firstOf(a, EventType::BodySendStart), firstOf(a, EventType::BodySent));
    if (a.response && headersSent) {
        const qint64 first = a.response->firstByteNs;
        qint64 sendEnd = *headersSent;
        if (const auto bodyDone = firstOf(a, EventType::BodySent); bodyDone && *bodyDone <= first)
            sendEnd = *bodyDone;
        t.ttfb = span(sendEnd, first);
    }
    t.download = span(firstOf(a, EventType::ResponseHeaders), firstOf(a, EventType::ResponseBodyDone));
    if (!a.events.isEmpty())
        t.total = span(a.startNs(), a.endNs());
    return t;
}

} // namespace statusscope::http
