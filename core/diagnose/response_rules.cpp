// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a final response's status and headers say about who answered and what to do next.

#include "core/diagnose/attempt_facts.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/header_pairs.h"
#include "core/diagnose/status_findings.h"

namespace statusscope::diagnose::rules {

using http::EventType;

namespace {

// Runs a status+headers check over every attempt that has a response, filling the indexes.
template<typename Check>
Findings perResponse(const http::Exchange &x, Check check)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (!a.response)
            continue;
        if (std::optional<Finding> f = check(a, headerPairs(a.response->headers), describeAttempt(x, i))) {
            f->attempt = i;
            f->event = eventIndex(a, EventType::ResponseHeaders, a.response->status);
            out << *f;
        }
    }
    return out;
}

Findings proxyAnswered5xx(const http::Exchange &x)
{
    return perResponse(x, [](const http::Attempt &a, const HeaderPairs &h, const QString &where) {
        return proxyAnswered5xxFinding(a.response->status, h, where);
    });
}

Findings upstreamFailure(const http::Exchange &x)
{
    return perResponse(x, [](const http::Attempt &a, const HeaderPairs &h, const QString &where) {
        return upstreamFailureFinding(a.response->status, h, a.connection.viaProxy, where);
    });
}

Findings retryAfter(const http::Exchange &x)
{
    return perResponse(x, [&x](const http::Attempt &a, const HeaderPairs &h, const QString &where) {
        const QDateTime sent = x.startedAt.isValid()
                                   ? x.startedAt.addMSecs(qRound64(x.msFromStart(a.response->tNs)))
                                   : QDateTime();
        return retryAfterFinding(a.response->status, h, sent, where);
    });
}

Findings misdirectedReused(const http::Exchange &x)
{
    return perResponse(x, [](const http::Attempt &a, const HeaderPairs &, const QString &where)
                              -> std::optional<Finding> {
        if (a.response->status != 421 || !a.connection.reused)
            return std::nullopt;
        Finding f = Finding::of(QStringLiteral("misdirected-reused"), Severity::Warning, QStringLiteral("421"));
        f.title = QStringLiteral("421 on a reused connection: the connection belongs to another host");
        f.explanation = QStringLiteral("%1 went over a reused connection to %2 and got 421 Misdirected "
                                       "Request.")
                            .arg(where, a.connection.remote.isEmpty() ? QStringLiteral("the server")
                                                                      : a.connection.remote);
        f.cause = QStringLiteral("The connection was opened (and its TLS certificate/SNI chosen) for a "
                                 "different host name that shares the address or certificate; the "
                                 "server will not serve this authority on it (RFC 9110 §15.5.20).");
        f.fix = QStringLiteral("Retry on a new connection (RFC 9110 allows it for any method); stop "
                               "coalescing connections across host names, or give each virtual host "
                               "its own certificate.");
        return f;
    });
}

} // namespace

const QList<ExchangeRule> &responseRules()
{
    static const QList<ExchangeRule> table = {{"proxy-answered-5xx", &proxyAnswered5xx},
                                              {"upstream-failure", &upstreamFailure},
                                              {"misdirected-reused", &misdirectedReused},
                                              {"retry-after", &retryAfter}};
    return table;
}

} // namespace statusscope::diagnose::rules
