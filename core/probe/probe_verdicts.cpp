// SPDX-License-Identifier: GPL-3.0-or-later
//
// The rules, per check. The sections they rest on:
//  RFC 9110 §10.1.1  a server that gets 100-continue in an HTTP/1.1 request MUST either send an
//                    immediate final status (when the head alone decides it) or an immediate 100;
//                    it MAY omit the 100 when content already arrived or there is none; it MUST
//                    ignore 100-continue in an HTTP/1.0 request; it MAY answer 417 to any other
//                    expectation. A client need not wait for the 100 for any specific time.
//                    A server that answers before reading the content SHOULD say whether it will
//                    close the connection or keep reading the content.
//  RFC 9110 §15.2    1xx responses come before the final response; none to an HTTP/1.0 client.
//  RFC 9112 §9.6     Connection: close announces the close.
// Where a requirement is a SHOULD and the server has a stated way out, the verdict is "allowed"
// with the detail saying what was not done; "violates" is kept for broken MUSTs and for the
// interim-order faults the probe exists to catch (duplicate, late or trailing 1xx).
#include "core/probe/probe_verdicts.h"
#include "core/text/durations.h"

namespace statusscope::probe {

namespace {

using http::Attempt;
using http::EventType;

const QString kRfcExpect = QStringLiteral("RFC 9110 §10.1.1");
const QString kRfcInterim = QStringLiteral("RFC 9110 §15.2");
const QString kRfcClose = QStringLiteral("RFC 9110 §10.1.1, RFC 9112 §9.6");

QString bytesText(qint64 n)
{
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(n / (1024 * 1024));
    if (n >= 1024 && n % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(n / 1024);
    return QStringLiteral("%1-byte").arg(n);
}

std::optional<qint64> firstEvent(const Attempt &a, EventType type, int status = 0)
{
    for (const http::Event &e : a.events) {
        if (e.type == type && (status == 0 || e.status == status))
            return e.tNs;
    }
    return std::nullopt;
}

std::optional<double> spanMs(std::optional<qint64> from, std::optional<qint64> to)
{
    if (!from || !to || *to < *from)
        return std::nullopt;
    return double(*to - *from) / 1e6;
}

// The facts every rule reads, taken once from the attempt's events.
struct Facts
{
    const Attempt *a = nullptr;
    std::optional<qint64> headersSent;
    std::optional<qint64> waitTimeout; // the client's wait for 100 ran out
    std::optional<qint64> bodyStart;
    std::optional<qint64> first100;
    int count100 = 0;
    std::optional<qint64> late100; // a 100 after the wait ran out or after the body started
    std::optional<int> status;
    http::HttpVersion version = http::HttpVersion::Http11;
    std::optional<double> first100Ms; // from the request head sent
    std::optional<double> finalMs;
    std::optional<double> waitedMs; // how long the client held the body back

    explicit Facts(const Attempt &attempt)
        : a(&attempt)
    {
        headersSent = firstEvent(attempt, EventType::RequestHeadersSent);
        waitTimeout = firstEvent(attempt, EventType::ExpectTimeout);
        bodyStart = firstEvent(attempt, EventType::BodySendStart);
        for (const http::InterimResponse &ir : attempt.interim) {
            if (ir.status != 100)
                continue;
            ++count100;
            if (!first100)
                first100 = ir.tNs;
            if (!late100 && ((waitTimeout && ir.tNs > *waitTimeout) || (bodyStart && ir.tNs > *bodyStart)))
                late100 = ir.tNs;
        }
        if (attempt.response) {
            status = attempt.response->status;
            version = attempt.response->version;
            finalMs = spanMs(headersSent, attempt.response->tNs);
        }
        first100Ms = spanMs(headersSent, first100);
        const std::optional<qint64> waitStart = firstEvent(attempt, EventType::ExpectWaitStart);
        std::optional<qint64> waitEnd = bodyStart;
        if (!waitEnd && attempt.response)
            waitEnd = attempt.response->tNs;
        waitedMs = spanMs(waitStart, waitEnd);
    }

    QString statusText() const
    {
        if (!status)
            return QStringLiteral("no final status");
        return QString::number(*status) + (a->response->reason.isEmpty() ? QString() : QLatin1Char(' ') + QString::fromLatin1(a->response->reason));
    }
    QString errorText() const
    {
        return a->error.isError() ? QStringLiteral("%1 (%2)").arg(a->error.message, http::toString(a->error.kind))
                                  : QStringLiteral("no response");
    }
    bool http10Server() const { return status && version == http::HttpVersion::Http10; }
};

QString errorGuide(const Attempt &a)
{
    switch (a.error.kind) {
    case http::ErrorKind::Dns: return QStringLiteral("dns-failure");
    case http::ErrorKind::Connect: return QStringLiteral("connection-refused");
    case http::ErrorKind::Tls: return QStringLiteral("tls-handshake-failure");
    case http::ErrorKind::Timeout: return QStringLiteral("read-timeout");
    case http::ErrorKind::Proxy: return QStringLiteral("proxy-error");
    case http::ErrorKind::Protocol:
    case http::ErrorKind::Io: return QStringLiteral("connection-reset");
    case http::ErrorKind::None:
    case http::ErrorKind::Cancelled: break;
    }
    return QStringLiteral("100");
}

struct Judgement
{
    Verdict verdict = Verdict::Inconclusive;
    QString rfc;
    QString detail;
    QString guide;
};

Judgement failed(const Facts &f, const QString &what)
{
    return {Verdict::Inconclusive, kRfcExpect, QStringLiteral("%1: %2").arg(what, f.errorText()), errorGuide(*f.a)};
}

// Checks 1 and 2 share the answer to "what did the server do with the expectation?"; the
// difference is what an early final means for a large body.
Judgement judgeExpectation(const Facts &f, qint64 bodyBytes, bool large, int waitMs)
{
    const ExpectOutcome outcome = expectOutcome(*f.a);
    const QString size = bytesText(bodyBytes);
    switch (outcome) {
    case ExpectOutcome::Failed:
        return failed(f, QStringLiteral("no answer to the expectation"));
    case ExpectOutcome::FinalFirst:
        if (large)
            return {Verdict::Conforms, kRfcExpect,
                    QStringLiteral("answered %1 after %2, before the body: the %3 upload was saved")
                        .arg(f.statusText(), text::readableMs(f.finalMs.value_or(0)), size),
                    QString::number(*f.status)};
        return {Verdict::Allowed, kRfcExpect,
                QStringLiteral("answered %1 after %2 instead of 100 Continue; the %3 body was not sent (a final status "
                               "decided from the head alone is allowed)")
                    .arg(f.statusText(), text::readableMs(f.finalMs.value_or(0)), size),
                QString::number(*f.status)};
    case ExpectOutcome::Continue: {
        const QString head = QStringLiteral("100 Continue after %1").arg(text::readableMs(f.first100Ms.value_or(0)));
        if (!f.status)
            return failed(f, head + QStringLiteral(", then the body, then"));
        if (large && *f.status >= 400)
            return {Verdict::Allowed, kRfcExpect,
                    QStringLiteral("%1, then refused the %2 body with %3 after reading it: the upload was wasted (a "
                                   "status the head decides should come before the body)")
                        .arg(head, size, f.statusText()),
                    QString::number(*f.status)};
        return {Verdict::Conforms, kRfcExpect,
                QStringLiteral("%1; the %2 body followed; final %3 after %4")
                    .arg(head, size, f.statusText(), text::readableMs(f.finalMs.value_or(0))),
                QStringLiteral("100")};
    }
    case ExpectOutcome::NoAnswer: {
        QString what = QStringLiteral("no 100 and no final status within the %1 wait; the client sent the %2 body after "
                                      "waiting %3")
                           .arg(text::readableMs(waitMs), size, text::readableMs(f.waitedMs.value_or(waitMs)));
        if (f.late100)
            what += QStringLiteral("; a 100 came late, %1 after the head").arg(text::readableMs(f.first100Ms.value_or(0)));
        if (!f.status)
            return failed(f, what + QStringLiteral("; then"));
        what += QStringLiteral("; final %1 after %2").arg(f.statusText(), text::readableMs(f.finalMs.value_or(0)));
        if (f.http10Server())
            return {Verdict::Allowed, kRfcExpect,
                    what + QStringLiteral(". The server answers as HTTP/1.0, which has no 100 Continue: every upload "
                                          "with Expect waits for the client's timeout"),
                    QStringLiteral("100")};
        return {Verdict::Violates, kRfcExpect,
                what + QStringLiteral(". An HTTP/1.1 server must send 100 or a final status at once"),
                QStringLiteral("100")};
    }
    }
    return {};
}

Judgement judgeUnknown(const Facts &f)
{
    if (!f.status)
        return failed(f, QStringLiteral("no answer to the unknown expectation"));
    if (*f.status == 417)
        return {Verdict::Allowed, kRfcExpect,
                QStringLiteral("answered 417 to Expect: %1 after %2 (a server MAY refuse an expectation it does not "
                               "know; clients retry without it)")
                    .arg(QString::fromLatin1(kUnknownExpectation), text::readableMs(f.finalMs.value_or(0))),
                QStringLiteral("417")};
    QString detail = QStringLiteral("ignored Expect: %1: %2 after %3")
                         .arg(QString::fromLatin1(kUnknownExpectation), f.statusText(), text::readableMs(f.finalMs.value_or(0)));
    if (f.count100 > 0)
        detail += QStringLiteral(" (with an unsolicited 100 Continue first)");
    return {Verdict::Conforms, kRfcExpect, detail, QStringLiteral("417")};
}

Judgement judgeNoBody(const Facts &f)
{
    if (!f.status) {
        if (f.a->error.kind == http::ErrorKind::Timeout)
            return {Verdict::Violates, kRfcExpect,
                    QStringLiteral("no answer: the server waits for content the request does not have (%1)").arg(f.errorText()),
                    QStringLiteral("read-timeout")};
        return failed(f, QStringLiteral("no answer"));
    }
    if (f.count100 > 0)
        return {Verdict::Allowed, kRfcExpect,
                QStringLiteral("sent 100 Continue after %1 although there is no content (it MAY omit it), then %2 after %3")
                    .arg(text::readableMs(f.first100Ms.value_or(0)), f.statusText(), text::readableMs(f.finalMs.value_or(0))),
                QStringLiteral("100")};
    return {Verdict::Conforms, kRfcExpect,
            QStringLiteral("ignored the expectation of a request without content: %1 after %2, no 100")
                .arg(f.statusText(), text::readableMs(f.finalMs.value_or(0))),
            QStringLiteral("100")};
}

Judgement judgeHttp10(const Facts &f)
{
    if (!f.a->interim.isEmpty()) {
        return {Verdict::Violates, kRfcInterim,
                QStringLiteral("sent %1 %2 to an HTTP/1.0 request: it must ignore 100-continue there and never send "
                               "1xx to an HTTP/1.0 client")
                    .arg(f.a->interim.first().status)
                    .arg(QString::fromLatin1(f.a->interim.first().reason)),
                QStringLiteral("100")};
    }
    if (!f.status)
        return failed(f, QStringLiteral("no answer to the HTTP/1.0 request"));
    if (*f.status == 417)
        return {Verdict::Violates, kRfcExpect,
                QStringLiteral("answered 417 to an HTTP/1.0 request: 100-continue must be ignored in HTTP/1.0"),
                QStringLiteral("417")};
    if (!f.a->bodySent())
        return {Verdict::Allowed, kRfcExpect,
                QStringLiteral("no 1xx; answered %1 after %2 before the body (a final status may come early)")
                    .arg(f.statusText(), text::readableMs(f.finalMs.value_or(0))),
                QString::number(*f.status)};
    return {Verdict::Conforms, kRfcExpect,
            QStringLiteral("ignored the expectation: no 1xx, read the body, %1 after %2")
                .arg(f.statusText(), text::readableMs(f.finalMs.value_or(0))),
            QStringLiteral("100")};
}

Judgement judgeNo100Wait(const Facts &f)
{
    const QString waited = QStringLiteral("the client waited %1 for 100").arg(text::readableMs(f.waitedMs.value_or(0)));
    if (!f.status) {
        if (f.a->error.kind == http::ErrorKind::Timeout || f.a->error.kind == http::ErrorKind::Protocol)
            return {Verdict::Violates, kRfcExpect,
                    QStringLiteral("%1 and sent the body; the server did not answer: %2 (a client may send the "
                                   "content without waiting)")
                        .arg(waited, f.errorText()),
                    errorGuide(*f.a)};
        return failed(f, waited + QStringLiteral("; then"));
    }
    if (!f.a->bodySent())
        return {Verdict::Allowed, kRfcExpect,
                QStringLiteral("answered %1 after %2 before the body went").arg(f.statusText(), text::readableMs(f.finalMs.value_or(0))),
                QString::number(*f.status)};
    QString detail = QStringLiteral("%1; the server read the body anyway: %2 after %3")
                         .arg(waited, f.statusText(), text::readableMs(f.finalMs.value_or(0)));
    if (f.count100 > 0)
        detail += QStringLiteral(" (its 100 came %1 after the head; a 100 after the content is harmless)")
                      .arg(text::readableMs(f.first100Ms.value_or(0)));
    return {Verdict::Conforms, kRfcExpect, detail, QStringLiteral("100")};
}

bool announcesClose(const http::Response &r)
{
    return http::headerValue(r.headers, "connection").value_or(QByteArray()).toLower().contains("close")
           || (r.version == http::HttpVersion::Http10
               && !http::headerValue(r.headers, "connection").value_or(QByteArray()).toLower().contains("keep-alive"));
}

Judgement judgeAfterEarlyFinal(const Facts &f, const CheckObservation &o)
{
    const ExpectOutcome outcome = expectOutcome(*f.a);
    if (outcome == ExpectOutcome::Failed)
        return failed(f, QStringLiteral("no answer"));
    if (outcome != ExpectOutcome::FinalFirst)
        return {Verdict::Inconclusive, kRfcClose,
                QStringLiteral("no final status before the body (%1), so there is no early final to follow: %2")
                    .arg(outcome == ExpectOutcome::Continue ? QStringLiteral("the server sent 100 Continue")
                                                            : QStringLiteral("no answer within the wait"),
                         f.statusText()),
                QStringLiteral("100")};
    const http::Response &r = *f.a->response;
    const QString head = QStringLiteral("%1 before the body").arg(f.statusText());
    const QString guide = QString::number(r.status);
    if (announcesClose(r))
        return {Verdict::Conforms, kRfcClose,
                QStringLiteral("%1, with Connection: close: the client knows not to send the body or reuse the "
                               "connection")
                    .arg(head),
                guide};
    if (!o.watched)
        return {Verdict::Allowed, kRfcClose,
                QStringLiteral("%1, and the connection ended with it, without Connection: close (it SHOULD say so)")
                    .arg(head),
                guide};
    if (o.closedAfterMs)
        return {Verdict::Allowed, kRfcClose,
                QStringLiteral("%1, then closed the connection %2 later without announcing it (it SHOULD say "
                               "Connection: close)")
                    .arg(head, text::readableMs(*o.closedAfterMs)),
                guide};
    if (!o.followUp || o.followUp->attempts.isEmpty())
        return {Verdict::Inconclusive, kRfcClose,
                QStringLiteral("%1, connection left open; the follow-up request could not be sent").arg(head), guide};
    const Attempt &next = o.followUp->attempts.first();
    const Facts nf(next);
    if (nf.status)
        return {Verdict::Conforms, kRfcClose,
                QStringLiteral("%1, connection kept open and usable: HEAD on it got %2 after %3 (the server did not "
                               "wait for the withheld body)")
                    .arg(head, nf.statusText(), text::readableMs(nf.finalMs.value_or(0))),
                guide};
    if (next.error.kind == http::ErrorKind::Timeout)
        return {Verdict::Allowed, kRfcClose,
                QStringLiteral("%1, connection kept open, but HEAD on it got no answer (%2): the server still expects "
                               "the %3 body it declined, so a client must send it or close")
                    .arg(head, nf.errorText(), bytesText(f.a->request.bodyBytes)),
                guide};
    return {Verdict::Allowed, kRfcClose,
            QStringLiteral("%1, connection kept open but closed when the next request came (%2); it SHOULD announce "
                           "the close")
                .arg(head, nf.errorText()),
            guide};
}

// A 1xx status line at the start of stray bytes ("HTTP/1.1 100 Continue").
std::optional<int> interimStatusIn(const QString &text)
{
    const int at = text.indexOf(QLatin1String("HTTP/1."));
    if (at < 0 || text.size() < at + 12)
        return std::nullopt;
    bool ok = false;
    const int code = text.mid(at + 9, 3).toInt(&ok);
    if (!ok || code < 100 || code > 199)
        return std::nullopt;
    return code;
}

Judgement judgeInterimOrder(const Facts &f, const CheckObservation &o)
{
    QStringList faults;
    if (f.count100 > 1)
        faults << QStringLiteral("%1 × 100 Continue for one request").arg(f.count100);
    if (f.late100)
        faults << QStringLiteral("100 Continue came late, %1 after the head, after the client's wait had ended")
                      .arg(text::readableMs(f.first100Ms.value_or(0)));
    // After the final response: in the same read (the engine's finding names the bytes) …
    for (const http::Event &e : f.a->events) {
        if (e.type != EventType::Finding || !e.detail.contains(QLatin1String("unexpected bytes after the response")))
            continue;
        const std::optional<int> code = interimStatusIn(e.detail);
        faults << (code ? QStringLiteral("interim %1 after the final response").arg(*code)
                        : QStringLiteral("bytes after the final response: %1").arg(e.detail));
    }
    // … or later, on the idle connection.
    if (!o.bytesAfter.isEmpty()) {
        const std::optional<int> code = interimStatusIn(QString::fromLatin1(o.bytesAfter.left(64)));
        faults << (code ? QStringLiteral("interim %1 after the final response (on the idle connection)").arg(*code)
                        : QStringLiteral("%1 bytes on the idle connection after the final response").arg(o.bytesAfter.size()));
    }
    QStringList codes;
    for (const http::InterimResponse &ir : f.a->interim)
        codes << QString::number(ir.status);
    const QString seen = codes.isEmpty() ? QStringLiteral("no interim response")
                                         : QStringLiteral("interim %1").arg(codes.join(QStringLiteral(", ")));
    if (!faults.isEmpty())
        return {Verdict::Violates, kRfcInterim,
                QStringLiteral("%1: %2 (1xx responses come once, before the final one)").arg(seen, faults.join(QStringLiteral("; "))),
                QStringLiteral("100")};
    if (!f.status)
        return failed(f, seen + QStringLiteral(", then"));
    return {Verdict::Conforms, kRfcInterim,
            QStringLiteral("%1, then %2 after %3; nothing after it%4")
                .arg(seen, f.statusText(), text::readableMs(f.finalMs.value_or(0)),
                     o.watched ? QStringLiteral(" on the idle connection") : QString()),
            QStringLiteral("100")};
}

} // namespace

ExpectOutcome expectOutcome(const Attempt &a)
{
    const Facts f(a);
    // The first of: a 100, a final status, the wait running out.
    std::optional<qint64> firstFinal;
    if (a.response)
        firstFinal = a.response->tNs;
    if (f.first100 && (!f.waitTimeout || *f.first100 < *f.waitTimeout) && (!firstFinal || *f.first100 < *firstFinal))
        return ExpectOutcome::Continue;
    if (firstFinal && (!f.waitTimeout || *firstFinal < *f.waitTimeout) && (!f.bodyStart || *firstFinal < *f.bodyStart))
        return ExpectOutcome::FinalFirst;
    if (f.waitTimeout)
        return ExpectOutcome::NoAnswer;
    return ExpectOutcome::Failed;
}

CheckResult judgeCheck(CheckId id, Route via, const CheckObservation &o, const ProbeOptions &options)
{
    CheckResult r;
    r.id = id;
    r.via = via;
    r.observation = o;
    for (const PlannedRequest &p : plannedRequests(options)) {
        if (p.id == id)
            r.request = p.description;
    }
    if (o.exchange.attempts.isEmpty()) {
        r.verdict = Verdict::Inconclusive;
        r.rfc = kRfcExpect;
        r.detail = QStringLiteral("not run");
        r.guide = QStringLiteral("100");
        return r;
    }
    const Attempt &a = o.exchange.attempts.first();
    const Facts f(a);
    r.status = f.status;
    for (const http::InterimResponse &ir : a.interim)
        r.interim << ir.status;
    r.bodySent = a.bodySent();
    const http::Timings t = http::deriveTimings(a);
    r.timingsMs = {{QStringLiteral("dns"), t.dns},         {QStringLiteral("connect"), t.connect},
                   {QStringLiteral("tls"), t.tls},         {QStringLiteral("send_headers"), t.sendHeaders},
                   {QStringLiteral("wait_100"), t.wait100}, {QStringLiteral("upload"), t.upload},
                   {QStringLiteral("ttfb"), t.ttfb},       {QStringLiteral("download"), t.download},
                   {QStringLiteral("total"), t.total},     {QStringLiteral("first_100"), f.first100Ms},
                   {QStringLiteral("final"), f.finalMs}};
    if (id == CheckId::AfterEarlyFinal) {
        std::optional<double> followUp;
        if (o.followUp && !o.followUp->attempts.isEmpty())
            followUp = http::deriveTimings(o.followUp->attempts.first()).total;
        r.timingsMs.append(QPair<QString, std::optional<double>>(QStringLiteral("closed_after"), o.closedAfterMs));
        r.timingsMs.append(QPair<QString, std::optional<double>>(QStringLiteral("follow_up"), followUp));
    }

    Judgement j;
    switch (id) {
    case CheckId::ContinueSmall: j = judgeExpectation(f, options.smallBodyBytes, false, options.expectWaitMs); break;
    case CheckId::EarlyFinal: j = judgeExpectation(f, options.largeBodyBytes, true, options.expectWaitMs); break;
    case CheckId::UnknownExpectation: j = judgeUnknown(f); break;
    case CheckId::NoBody: j = judgeNoBody(f); break;
    case CheckId::Http10: j = judgeHttp10(f); break;
    case CheckId::No100Wait: j = judgeNo100Wait(f); break;
    case CheckId::AfterEarlyFinal: j = judgeAfterEarlyFinal(f, o); break;
    case CheckId::InterimOrder: j = judgeInterimOrder(f, o); break;
    }
    if (a.error.kind == http::ErrorKind::Cancelled) {
        j.verdict = Verdict::Inconclusive;
        j.detail = QStringLiteral("cancelled");
    }
    r.verdict = j.verdict;
    r.rfc = j.rfc;
    r.detail = j.detail;
    r.guide = j.guide;
    return r;
}

namespace {

const CheckResult *find(const ProbeReport &report, Route via, CheckId id)
{
    for (const CheckResult &c : report.checks) {
        if (c.via == via && c.id == id)
            return &c;
    }
    return nullptr;
}

QString routeSummary(const ProbeReport &report, Route via)
{
    QStringList parts;
    if (const CheckResult *c = find(report, via, CheckId::ContinueSmall); c && !c->observation.exchange.attempts.isEmpty()) {
        const Facts f(c->observation.exchange.attempts.first());
        switch (expectOutcome(*f.a)) {
        case ExpectOutcome::Continue: parts << QStringLiteral("sends 100 Continue after %1").arg(text::readableMs(f.first100Ms.value_or(0))); break;
        case ExpectOutcome::FinalFirst: parts << QStringLiteral("answers %1 instead of 100 Continue").arg(f.status.value_or(0)); break;
        case ExpectOutcome::NoAnswer: parts << QStringLiteral("sends no 100 Continue (uploads wait %1)").arg(text::readableMs(f.waitedMs.value_or(0))); break;
        case ExpectOutcome::Failed: parts << QStringLiteral("did not answer (%1)").arg(f.errorText()); break;
        }
    }
    if (const CheckResult *c = find(report, via, CheckId::EarlyFinal); c && c->status) {
        const bool early = !c->observation.exchange.attempts.isEmpty()
                           && expectOutcome(c->observation.exchange.attempts.first()) == ExpectOutcome::FinalFirst;
        parts << (early ? QStringLiteral("answers %1 before a large body").arg(*c->status)
                        : QStringLiteral("takes the large body (%1)").arg(*c->status));
    }
    if (const CheckResult *c = find(report, via, CheckId::UnknownExpectation); c && c->status)
        parts << (*c->status == 417 ? QStringLiteral("refuses unknown expectations (417)")
                                    : QStringLiteral("ignores unknown expectations"));
    if (const CheckResult *c = find(report, via, CheckId::Http10); c && c->verdict != Verdict::Inconclusive)
        parts << (c->verdict == Verdict::Violates ? QStringLiteral("HTTP/1.0 mishandled") : QStringLiteral("HTTP/1.0 handled correctly"));
    return parts.join(QStringLiteral("; "));
}

} // namespace

QString summarize(const ProbeReport &report)
{
    int violations = 0;
    QStringList violated;
    for (const CheckResult &c : report.checks) {
        if (c.verdict == Verdict::Violates) {
            ++violations;
            violated << (report.proxy.isEmpty() ? checkName(c.id) : QStringLiteral("%1 (%2)").arg(checkName(c.id), routeName(c.via)));
        }
    }
    QString text;
    if (report.proxy.isEmpty()) {
        text = QStringLiteral("origin ") + routeSummary(report, Route::Direct);
    } else {
        text = QStringLiteral("direct: ") + routeSummary(report, Route::Direct) + QStringLiteral(" | via proxy: ")
               + routeSummary(report, Route::Proxy);
        QStringList differ;
        for (const CheckId id : kAllChecks) {
            const CheckResult *d = find(report, Route::Direct, id);
            const CheckResult *p = find(report, Route::Proxy, id);
            if (d && p && (d->verdict != p->verdict || d->status != p->status || d->interim != p->interim))
                differ << checkName(id);
        }
        text += differ.isEmpty() ? QStringLiteral(" | the proxy changes nothing the checks see")
                                 : QStringLiteral(" | the proxy changes: %1").arg(differ.join(QStringLiteral(", ")));
    }
    text += violations == 0 ? QStringLiteral("; no violations")
                            : QStringLiteral("; %1 violation%2: %3").arg(violations).arg(violations == 1 ? QString() : QStringLiteral("s"), violated.join(QStringLiteral(", ")));
    if (report.cancelled)
        text += QStringLiteral(" (cancelled before the end)");
    return text;
}

} // namespace statusscope::probe
