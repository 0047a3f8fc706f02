// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/check_evidence.h"

#include <QObject>

namespace statusscope::diagnose {

namespace {

QString requestLine(const http::Attempt &a)
{
    const QString target = QString::fromLatin1(a.request.target);
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(a.request.method),
                                       target.isEmpty() ? a.url.path() : target);
}

QString outcomeText(const http::Attempt &a)
{
    if (a.response) {
        const QString reason = QString::fromLatin1(a.response->reason);
        return reason.isEmpty() ? QString::number(a.response->status)
                                : QStringLiteral("%1 %2").arg(a.response->status).arg(reason);
    }
    if (a.error.isError())
        return QObject::tr("%1 failure (%2)").arg(http::toString(a.error.kind), a.error.message);
    return QObject::tr("no response");
}

std::optional<EvidenceAnswer> withoutExpect(const http::Exchange &x)
{
    // Only worth answering when the exchange did send Expect somewhere: otherwise the request
    // being troubleshot itself went without it and the check has nothing new to learn either.
    bool hadExpect = false;
    for (const http::Attempt &a : x.attempts)
        hadExpect = hadExpect || a.request.expectSent;
    if (!hadExpect)
        return std::nullopt;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (a.request.expectSent || a.reason == http::AttemptReason::Redirect || (!a.response && !a.error.isError()))
            continue;
        EvidenceAnswer answer;
        answer.attempt = i + 1;
        answer.error = a.error.kind;
        if (a.response)
            answer.status = a.response->status;
        answer.passed = a.response && a.response->status < 400;
        answer.observed = QObject::tr("Answered by attempt #%1 of this exchange: %2 without Expect → %3")
                              .arg(i + 1)
                              .arg(requestLine(a), outcomeText(a));
        answer.details = QObject::tr("Attempt #%1 already sent the request without Expect (%2 of %3 body bytes "
                                     "sent), so nothing was sent again.")
                             .arg(i + 1)
                             .arg(a.request.bodySentBytes)
                             .arg(a.request.bodyBytes);
        return answer;
    }
    return std::nullopt;
}

std::optional<EvidenceAnswer> withoutProxy(const http::Exchange &x, bool proxyConfigured)
{
    bool viaProxy = proxyConfigured;
    for (const http::Attempt &a : x.attempts)
        viaProxy = viaProxy || a.connection.viaProxy;
    if (viaProxy)
        return std::nullopt;
    EvidenceAnswer answer;
    answer.kind = EvidenceAnswer::Kind::Skipped;
    answer.observed = QObject::tr("Does not apply: no proxy was set for this request — it already went straight "
                                  "to the server, so there is no proxy to bypass");
    answer.details = QObject::tr("A transparent proxy, a load balancer or a CDN in front of the site cannot be "
                                 "bypassed from here; ask its operator or compare with the origin's own logs.");
    return answer;
}

std::optional<EvidenceAnswer> tlsHandshake(const http::Exchange &x)
{
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (!a.connection.tls || !a.connection.tls->verified || x.insecure)
            continue;
        const http::TlsInfo &tls = *a.connection.tls;
        EvidenceAnswer answer;
        answer.attempt = i + 1;
        answer.passed = true;
        answer.observed = QObject::tr("Answered by attempt #%1: the TLS handshake succeeded and the certificate "
                                      "verified (%2, %3)")
                              .arg(i + 1)
                              .arg(tls.version, tls.peerSubject);
        answer.details = QObject::tr("Peer: %1\nIssuer: %2\nCipher: %3%4")
                             .arg(tls.peerSubject, tls.peerIssuer, tls.cipher,
                                  tls.peerExpiry.isValid()
                                      ? QObject::tr("\nValid until: %1").arg(tls.peerExpiry.toString(Qt::ISODate))
                                      : QString());
        return answer;
    }
    return std::nullopt;
}

std::optional<EvidenceAnswer> dnsAnswer(const http::Exchange &x)
{
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (a.connection.viaProxy)
            continue; // the proxy resolved the name, not us
        for (const http::Event &e : a.events) {
            if (e.type == http::EventType::DnsDone && !e.detail.trimmed().isEmpty()) {
                EvidenceAnswer answer;
                answer.attempt = i + 1;
                answer.passed = true;
                answer.observed = QObject::tr("Answered by attempt #%1: %2 resolved to %3")
                                      .arg(i + 1)
                                      .arg(a.url.host(), e.detail.trimmed());
                if (!a.connection.remote.isEmpty())
                    answer.details = QObject::tr("The connection went to %1.").arg(a.connection.remote);
                return answer;
            }
            if (e.type == http::EventType::Error && a.error.kind == http::ErrorKind::Dns) {
                EvidenceAnswer answer;
                answer.attempt = i + 1;
                answer.passed = false;
                answer.error = http::ErrorKind::Dns;
                answer.observed = QObject::tr("Answered by attempt #%1: %2 did not resolve (%3)")
                                      .arg(i + 1)
                                      .arg(a.url.host(), a.error.message);
                return answer;
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<EvidenceAnswer> answerFromExchange(CheckKind kind, const http::Exchange &exchange, bool proxyConfigured)
{
    switch (kind) {
    case CheckKind::ResendWithoutExpect: return withoutExpect(exchange);
    case CheckKind::ResendWithoutProxy: return withoutProxy(exchange, proxyConfigured);
    case CheckKind::ShowCertificateChain: return tlsHandshake(exchange);
    case CheckKind::DnsLookup: return dnsAnswer(exchange);
    case CheckKind::ResendWithExpect:
    case CheckKind::ResendHttp10:
    case CheckKind::ResendSmallerBody:
    case CheckKind::CompareWithPreviousAttempt:
    case CheckKind::OpenLogsFiltered:
    case CheckKind::None: break;
    }
    return std::nullopt;
}

} // namespace statusscope::diagnose
