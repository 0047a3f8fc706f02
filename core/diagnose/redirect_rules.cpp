// SPDX-License-Identifier: GPL-3.0-or-later
//
// The redirect chain of an exchange (RFC 9110 §15.4): loops, method changes, scheme downgrades.

#include "core/diagnose/attempt_facts.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/status_findings.h"

#include <QStringList>

namespace statusscope::diagnose::rules {

using http::EventType;

namespace {

bool isRedirect(int status)
{
    return status >= 300 && status < 400 && status != 304;
}

// Where the attempt's Location points, resolved against its URL (RFC 9110 §10.2.2).
QUrl locationOf(const http::Attempt &a)
{
    if (!a.response)
        return {};
    const std::optional<QByteArray> location = http::headerValue(a.response->headers, "location");
    if (!location)
        return {};
    return a.url.resolved(QUrl::fromEncoded(location->trimmed()));
}

bool isMaxRedirectsError(const http::Error &e)
{
    return e.kind == http::ErrorKind::Protocol && e.message.contains(QLatin1String("redirects"));
}

Findings redirectLoop(const http::Exchange &x)
{
    QStringList chain;
    int repeatedAt = -1;
    int lastRedirect = -1;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (a.reason == http::AttemptReason::RetryWithoutExpect)
            continue; // the same URL again on purpose, not a hop
        const QString url = a.url.adjusted(QUrl::NormalizePathSegments).toString();
        if (repeatedAt < 0 && chain.contains(url))
            repeatedAt = i;
        chain << url;
        if (isRedirect(statusOf(a)))
            lastRedirect = i;
    }
    const bool maxHit = !x.attempts.isEmpty() && isMaxRedirectsError(x.attempts.last().error);
    if (repeatedAt < 0 && !maxHit)
        return {};
    Finding f = Finding::of(QStringLiteral("redirect-loop"), Severity::Error);
    const int status = lastRedirect >= 0 ? statusOf(x.attempts.at(lastRedirect)) : 302;
    f.guide = QString::number(status);
    f.attempt = repeatedAt >= 0 ? repeatedAt : int(x.attempts.size()) - 1;
    f.event = eventIndex(x.attempts.at(*f.attempt), EventType::RequestHeadersSent);
    const int hops = int(chain.size()) - 1;
    if (repeatedAt >= 0) {
        f.title = QStringLiteral("Redirect loop: %1 was requested twice").arg(chain.at(repeatedAt));
        f.explanation = QStringLiteral("After %1 redirect(s) the chain came back to a URL it had "
                                       "already visited: %2.")
                            .arg(hops).arg(chain.join(QStringLiteral(" → ")));
    } else {
        f.title = QStringLiteral("Too many redirects: gave up after %1 hops").arg(hops);
        f.explanation = QStringLiteral("The client stopped with \"%1\"; the chain was %2.")
                            .arg(x.attempts.last().error.message, chain.join(QStringLiteral(" → ")));
    }
    f.cause = QStringLiteral("Two rules disagree about the canonical URL (http↔https, www↔bare host, "
                             "trailing slash), often a proxy that terminates TLS while the "
                             "application redirects to https again, or a login redirect that "
                             "never sets its cookie.");
    f.fix = QStringLiteral("Follow the chain by hand (curl -sI URL, then each Location) to see which "
                           "hop sends you back; behind a TLS-terminating proxy set X-Forwarded-Proto "
                           "and make the application trust it.");
    return {f};
}

Findings postToGet(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i + 1 < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const http::Attempt &next = x.attempts.at(i + 1);
        const int status = statusOf(a);
        if ((status != 301 && status != 302) || a.request.method != "POST"
            || next.reason != http::AttemptReason::Redirect || next.request.method != "GET")
            continue;
        Finding f = postToGetFinding(status, next.url.toString(), describeAttempt(x, i));
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, status);
        out << f;
    }
    return out;
}

Findings httpsDowngrade(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        const int status = statusOf(a);
        if (!isRedirect(status) || a.url.scheme() != QLatin1String("https"))
            continue;
        QUrl target = locationOf(a);
        if (!target.isValid() && i + 1 < x.attempts.size()
            && x.attempts.at(i + 1).reason == http::AttemptReason::Redirect)
            target = x.attempts.at(i + 1).url;
        if (target.scheme() != QLatin1String("http"))
            continue;
        Finding f = httpsDowngradeFinding(status, target.toString(), describeAttempt(x, i));
        f.attempt = i;
        f.event = eventIndex(a, EventType::ResponseHeaders, status);
        out << f;
    }
    return out;
}

} // namespace

const QList<ExchangeRule> &redirectRules()
{
    static const QList<ExchangeRule> table = {{"redirect-loop", &redirectLoop},
                                              {"post-to-get", &postToGet},
                                              {"https-downgrade", &httpsDowngrade}};
    return table;
}

} // namespace statusscope::diagnose::rules
