// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Expect: 100-continue family (RFC 9110 §10.1.1, §15.2.1, §15.5.18): what the client gained
// or lost by asking before sending the body.

#include "core/diagnose/attempt_facts.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/status_findings.h"

namespace statusscope::diagnose::rules {

using http::EventType;

namespace {

const http::Attempt *retryWithoutExpectAfter(const http::Exchange &x, int index)
{
    if (index + 1 < x.attempts.size()
        && x.attempts.at(index + 1).reason == http::AttemptReason::RetryWithoutExpect)
        return &x.attempts.at(index + 1);
    return nullptr;
}

QString bodySize(const http::Attempt &a)
{
    return a.request.bodyBytes < 0 ? QStringLiteral("a body of unknown length")
                                   : QStringLiteral("a %1 body").arg(formatBytes(a.request.bodyBytes));
}

const http::InterimResponse *interim100(const http::Attempt &a)
{
    for (const http::InterimResponse &ir : a.interim) {
        if (ir.status == 100)
            return &ir;
    }
    return nullptr;
}

bool hasInterim100(const http::Attempt &a)
{
    return interim100(a) != nullptr;
}

} // namespace

Findings expect417(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (statusOf(a) != 417 || !sentExpectContinue(a))
            continue;
        Finding f;
        f.rule = QStringLiteral("expect-417");
        f.guide = QStringLiteral("417");
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, 417);
        const double at = x.msFromStart(a.response->tNs);
        f.title = QStringLiteral("417: the server refused Expect: 100-continue");
        QString seen = QStringLiteral("%1 sent Expect: 100-continue with %2; the server answered 417 "
                                      "Expectation Failed at %3 (%4 of the body sent).")
                           .arg(describeAttempt(x, i), bodySize(a), formatMs(at))
                           .arg(formatBytes(a.request.bodySentBytes));
        const http::Attempt *retry = retryWithoutExpectAfter(x, i);
        const int retryStatus = retry ? statusOf(*retry) : 0;
        if (retry && retryStatus >= 200 && retryStatus < 400) {
            f.severity = Severity::Info;
            seen += QStringLiteral(" The retry without Expect (attempt %1) succeeded with %2 after %3 "
                                   "more.")
                        .arg(i + 2).arg(retryStatus)
                        .arg(formatMs(x.msFromStart(retry->endNs()) - at));
        } else if (retry) {
            f.severity = Severity::Warning;
            seen += retryStatus ? QStringLiteral(" The retry without Expect (attempt %1) got %2 too.")
                                      .arg(i + 2).arg(retryStatus)
                                : QStringLiteral(" The retry without Expect (attempt %1) failed: %2.")
                                      .arg(i + 2).arg(retry->error.message);
        } else {
            f.severity = Severity::Warning;
            seen += QStringLiteral(" No retry without Expect was made.");
        }
        f.explanation = seen;
        f.cause = QStringLiteral("Something in the path does not implement Expect: 100-continue: an "
                                 "HTTP/1.0 proxy, lighttpd with server.reject-expect-100-with-417, "
                                 "or a gateway configured to reject expectations.");
        f.fix = QStringLiteral("Send the upload without Expect: curl -H 'Expect:' --data-binary @FILE "
                               "URL (.NET: ServicePointManager.Expect100Continue = false; PHP curl: "
                               "CURLOPT_HTTPHEADER ['Expect:']), or fix the intermediary.");
        out << f;
    }
    return out;
}

Findings expectUnknown417(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (statusOf(a) != 417)
            continue;
        const std::optional<QByteArray> expect = http::headerValue(a.request.headers, "expect");
        if (!expect || expect->trimmed().compare("100-continue", Qt::CaseInsensitive) == 0)
            continue;
        Finding f;
        f.rule = QStringLiteral("expect-unknown-417");
        f.severity = Severity::Error;
        f.guide = QStringLiteral("417");
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, 417);
        f.title = QStringLiteral("417: the request carried an expectation the server does not know");
        f.explanation = QStringLiteral("%1 sent Expect: %2 and got 417 at %3. 100-continue is the only "
                                       "expectation HTTP defines.")
                            .arg(describeAttempt(x, i), QString::fromLatin1(*expect))
                            .arg(formatMs(x.msFromStart(a.response->tNs)));
        f.cause = QStringLiteral("RFC 9110 §10.1.1: a server that receives an Expect value other than "
                                 "100-continue MAY answer 417; Apache httpd does. Retrying will not "
                                 "help while the header is there.");
        f.fix = QStringLiteral("Remove the header (curl -H 'Expect:'), or send 'Expect: 100-continue' "
                               "if asking before the upload was the intent.");
        out << f;
    }
    return out;
}

Findings expectTimeout(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const std::optional<int> timeoutIndex = eventIndex(a, EventType::ExpectTimeout);
        if (!timeoutIndex)
            continue;
        const double end = x.msFromStart(a.events.at(*timeoutIndex).tNs);
        const std::optional<double> start = eventMs(x, a, EventType::ExpectWaitStart);
        const double waited = start ? end - *start : end;
        Finding f;
        f.rule = QStringLiteral("expect-timeout");
        f.severity = Severity::Warning;
        f.guide = QStringLiteral("100");
        f.attempt = i;
        f.event = timeoutIndex;
        f.title = QStringLiteral("The server ignored Expect: 100-continue; %1 lost waiting")
                      .arg(formatMs(waited));
        QString seen = QStringLiteral("%1 sent Expect: 100-continue with %2 and waited %3 for 100 "
                                      "Continue (until %4) before sending the body anyway.")
                           .arg(describeAttempt(x, i), bodySize(a), formatMs(waited), formatMs(end));
        if (a.response)
            seen += QStringLiteral(" The final response was %1 at %2.")
                        .arg(a.response->status).arg(formatMs(x.msFromStart(a.response->tNs)));
        f.explanation = seen;
        f.cause = QStringLiteral("The server (or a proxy in front of it) neither sends 100 Continue "
                                 "nor rejects early, e.g. an HTTP/1.0 hop or a framework that reads "
                                 "the body before answering; every upload pays the client's timeout.");
        f.fix = QStringLiteral("Drop the header for this server: curl -H 'Expect:' --data-binary @FILE "
                               "URL, or shorten the wait (curl --expect100-timeout 0.2); on the "
                               "server, make it answer 100 (nginx and Apache do by default).");
        out << f;
    }
    return out;
}

Findings rejectedMidUpload(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const int status = statusOf(a);
        if (status < 400 || status > 499 || status == 417 || !sentExpectContinue(a)
            || a.request.bodySentBytes <= 0)
            continue;
        const http::InterimResponse *continued = interim100(a);
        const bool got100 = continued != nullptr;
        if (!got100 && !eventIndex(a, EventType::ExpectTimeout))
            continue;
        Finding f;
        f.rule = QStringLiteral("rejected-mid-upload");
        f.severity = Severity::Warning;
        f.guide = QString::number(status);
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, status);
        const double at = x.msFromStart(a.response->tNs);
        f.title = QStringLiteral("%1 after the upload started: %2 sent for nothing")
                      .arg(status).arg(formatBytes(a.request.bodySentBytes));
        const QString go = got100
            ? QStringLiteral("the server answered 100 Continue at %1").arg(formatMs(x.msFromStart(continued->tNs)))
            : QStringLiteral("the wait for 100 Continue timed out");
        f.explanation = QStringLiteral("%1 asked with Expect: 100-continue, %2, and then rejected the "
                                       "request with %3 at %4, after %5 of %6 had been sent.")
                            .arg(describeAttempt(x, i), go).arg(status).arg(formatMs(at))
                            .arg(formatBytes(a.request.bodySentBytes), bodySize(a));
        f.cause = got100 ? QStringLiteral("The server said 100 before checking what it could have "
                                          "checked from the headers alone (authentication, size, "
                                          "permissions): a proxy or framework that answers 100 "
                                          "automatically.")
                         : QStringLiteral("The server never answered the Expect, so the body went out "
                                          "anyway and was rejected when the application read it.");
        f.fix = QStringLiteral("Validate headers before sending 100 (nginx client_max_body_size and "
                               "auth run before 100; in Node, handle 'checkContinue'); as a client, "
                               "check the rejection reason with a HEAD or a small request first.");
        out << f;
    }
    return out;
}

Findings rejectedBeforeBody(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const int status = statusOf(a);
        if ((status != 401 && status != 403 && status != 413) || !sentExpectContinue(a)
            || a.request.bodySentBytes > 0 || a.request.bodyBytes == 0 || hasInterim100(a))
            continue;
        Finding f;
        f.rule = QStringLiteral("rejected-before-body");
        f.severity = Severity::Info;
        f.guide = QString::number(status);
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, status);
        const QString saved = a.request.bodyBytes > 0 ? formatBytes(a.request.bodyBytes)
                                                      : QStringLiteral("the whole body");
        f.title = QStringLiteral("%1 before the body: Expect: 100-continue saved %2").arg(status).arg(saved);
        f.explanation = QStringLiteral("%1 asked with Expect: 100-continue and got %2 at %3, before any "
                                       "of %4 was sent.")
                            .arg(describeAttempt(x, i)).arg(status)
                            .arg(formatMs(x.msFromStart(a.response->tNs)), bodySize(a));
        f.cause = status == 413
                      ? QStringLiteral("The declared Content-Length is over the server's limit "
                                       "(nginx client_max_body_size, Apache LimitRequestBody).")
                  : status == 401
                      ? QStringLiteral("The request lacks valid credentials; the server checked them "
                                       "from the headers alone.")
                      : QStringLiteral("The server refuses this client or resource whatever the body.");
        f.fix = status == 413
                    ? QStringLiteral("Send a smaller body (split or compress the upload), or raise "
                                     "the limit on the server (nginx: client_max_body_size 50m;).")
                : status == 401
                    ? QStringLiteral("Add valid credentials (curl -u USER:PASSWORD or -H "
                                     "'Authorization: Bearer …') and resend.")
                    : QStringLiteral("Check the account's permissions on this resource; resending "
                                     "the same request will get the same 403.");
        out << f;
    }
    return out;
}

} // namespace statusscope::diagnose::rules
