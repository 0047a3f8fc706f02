// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Expect: 100-continue family (RFC 9110 §10.1.1, §15.2.1, §15.5.18): what the client gained
// or lost by asking before sending the body.

#include "core/diagnose/attempt_facts.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/expect_findings.h"
#include "core/diagnose/status_findings.h"
#include "core/text/durations.h"

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
    return bodyDescription(a.request.bodyBytes);
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

Findings expect417(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (statusOf(a) != 417 || !sentExpectContinue(a))
            continue;
        const double at = x.msFromStart(a.response->tNs);
        std::optional<RetryWithoutExpect> retry;
        if (const http::Attempt *r = retryWithoutExpectAfter(x, i)) {
            retry = RetryWithoutExpect{QStringLiteral("attempt %1").arg(i + 2), statusOf(*r), r->error.message,
                                       text::readableMs(x.msFromStart(r->endNs()) - at)};
        }
        Finding f = expect417Finding(describeAttempt(x, i), a.request.bodyBytes,
                                     QStringLiteral("at %1").arg(text::readableMs(at)), a.request.bodySentBytes, retry);
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, 417);
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
        Finding f = expectUnknown417Finding(describeAttempt(x, i), QString::fromLatin1(*expect),
                                            QStringLiteral("at %1").arg(text::readableMs(x.msFromStart(a.response->tNs))));
        // RFC 9110 §10.1.1 allows dropping an expectation and retrying only for 100-continue;
        // say why this 417 stands (an older recording may still hold a retry: name it).
        if (const http::Attempt *r = retryWithoutExpectAfter(x, i)) {
            f.explanation += QStringLiteral(" A retry without the header (attempt %1) answered %2, but that "
                                            "is a different request: only 100-continue may be dropped "
                                            "and retried (RFC 9110 §10.1.1).")
                                 .arg(i + 2)
                                 .arg(statusOf(*r) ? QString::number(statusOf(*r)) : r->error.message);
        } else {
            f.explanation += QStringLiteral(" This 417 is the final answer: only a 100-continue expectation "
                                            "may be dropped and the request retried without it (RFC 9110 "
                                            "§10.1.1), so no retry was made; curl reports the same 417.");
        }
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, 417);
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
        Finding f = Finding::of(QStringLiteral("expect-timeout"), Severity::Warning, QStringLiteral("100"));
        f.attempt = i;
        f.event = timeoutIndex;
        f.title = QStringLiteral("The server ignored Expect: 100-continue; %1 lost waiting")
                      .arg(text::readableMs(waited));
        QString seen = QStringLiteral("%1 sent Expect: 100-continue with %2 and waited %3 for 100 "
                                      "Continue (until %4) before sending the body anyway.")
                           .arg(describeAttempt(x, i), bodySize(a), text::readableMs(waited), text::readableMs(end));
        if (a.response)
            seen += QStringLiteral(" The final response was %1 at %2.")
                        .arg(a.response->status).arg(text::readableMs(x.msFromStart(a.response->tNs)));
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
        Finding f = Finding::of(QStringLiteral("rejected-mid-upload"), Severity::Warning, QString::number(status));
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, status);
        const double at = x.msFromStart(a.response->tNs);
        f.title = QStringLiteral("%1 after the upload started: %2 sent for nothing")
                      .arg(status).arg(formatBytes(a.request.bodySentBytes));
        const QString go = got100
            ? QStringLiteral("the server answered 100 Continue at %1").arg(text::readableMs(x.msFromStart(continued->tNs)))
            : QStringLiteral("the wait for 100 Continue timed out");
        f.explanation = QStringLiteral("%1 asked with Expect: 100-continue, %2, and then rejected the "
                                       "request with %3 at %4, after %5 of %6 had been sent.")
                            .arg(describeAttempt(x, i), go).arg(status).arg(text::readableMs(at))
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
        std::optional<Finding> f = rejectedBeforeBodyFinding(
            status, describeAttempt(x, i), a.request.bodyBytes,
            QStringLiteral("at %1").arg(text::readableMs(x.msFromStart(a.response->tNs))));
        f->attempt = i;
        f->event = eventIndex(a, EventType::ResponseHeaders, status);
        out << *f;
    }
    return out;
}

} // namespace

const QList<ExchangeRule> &expectRules()
{
    static const QList<ExchangeRule> table = {{"expect-417", &expect417},
                                              {"expect-unknown-417", &expectUnknown417},
                                              {"expect-timeout", &expectTimeout},
                                              {"rejected-mid-upload", &rejectedMidUpload},
                                              {"rejected-before-body", &rejectedBeforeBody}};
    return table;
}

} // namespace statusscope::diagnose::rules
