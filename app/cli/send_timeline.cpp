// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/send_timeline.h"
#include "core/text/durations.h"

namespace statusscope::cli {

using namespace http;

namespace {

QString headerLines(const QString &prefix, const HeaderList &headers)
{
    QString out;
    for (const Header &h : headers)
        out += QStringLiteral("%1 %2: %3\n").arg(prefix, QString::fromLatin1(h.first), QString::fromLatin1(h.second));
    return out;
}

QString phase(const char *name, const std::optional<double> &v)
{
    return QStringLiteral("  %1 %2\n").arg(QLatin1String(name), -14)
        .arg(v ? text::exactMs(*v) : QStringLiteral("-"));
}

} // namespace

QString formatTimeline(const Exchange &x)
{
    QString out;
    int n = 0;
    for (const Attempt &a : x.attempts) {
        ++n;
        out += QStringLiteral("== attempt %1 (%2) %3\n").arg(n).arg(toString(a.reason), a.url.toString());
        qsizetype interimIndex = 0;
        for (const Event &e : a.events) {
            QString arrow = QStringLiteral("  ");
            switch (e.type) {
            case EventType::RequestHeadersSent:
            case EventType::BodySendStart:
            case EventType::BodySent:
                arrow = QStringLiteral("→ ");
                break;
            case EventType::InterimResponse:
            case EventType::ResponseHeaders:
            case EventType::ResponseBodyDone:
                arrow = QStringLiteral("← ");
                break;
            case EventType::Error:
            case EventType::Finding:
                arrow = QStringLiteral("! ");
                break;
            default:
                break;
            }
            out += QStringLiteral("%1 ms %2%3 %4\n").arg(x.msFromStart(e.tNs), 10, 'f', 3).arg(arrow, toString(e.type), e.detail);
            if (e.type == EventType::RequestHeadersSent) {
                out += QStringLiteral("    > %1 %2 %3\n").arg(QString::fromLatin1(a.request.method), QString::fromLatin1(a.request.target), toString(a.request.version));
                out += headerLines(QStringLiteral("    >"), a.request.headers);
            }
            if (e.type == EventType::InterimResponse && interimIndex < a.interim.size())
                out += headerLines(QStringLiteral("    <"), a.interim.at(interimIndex++).headers);
            if (e.type == EventType::ResponseHeaders && a.response)
                out += headerLines(QStringLiteral("    <"), a.response->headers);
        }
        if (a.connection.tls) {
            const TlsInfo &t = *a.connection.tls;
            out += QStringLiteral("  TLS %1 %2, %3\n    subject: %4\n    issuer:  %5\n").arg(t.version, t.cipher,
                       t.verified ? QStringLiteral("verified") : QStringLiteral("NOT verified"), t.peerSubject, t.peerIssuer);
        }
        const Timings t = deriveTimings(a);
        out += QStringLiteral("  phases:\n") + phase("dns", t.dns) + phase("connect", t.connect) + phase("tls", t.tls)
               + phase("send_headers", t.sendHeaders) + phase("wait_100", t.wait100) + phase("upload", t.upload)
               + phase("ttfb", t.ttfb) + phase("download", t.download) + phase("total", t.total);
        out += QStringLiteral("  body sent: %1 (%2 of %3 bytes)\n").arg(a.bodySent() ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(a.request.bodySentBytes).arg(a.request.bodyBytes);
        if (a.error.isError())
            out += QStringLiteral("  error: %1: %2\n").arg(toString(a.error.kind), a.error.message);
    }
    const std::optional<int> status = x.finalStatus();
    out += status ? QStringLiteral("final status: %1\n").arg(*status) : QStringLiteral("final status: none\n");
    return out;
}

} // namespace statusscope::cli
