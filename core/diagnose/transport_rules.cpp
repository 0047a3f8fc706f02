// SPDX-License-Identifier: GPL-3.0-or-later
//
// A transport failure has no status (cpp-httplib's split: errors and statuses on separate axes);
// its finding links to the transport guide for that failure.

#include "core/diagnose/attempt_facts.h"
#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/status_findings.h"
#include "core/diagnose/transport_guides.h"
#include "core/text/durations.h"

namespace statusscope::diagnose::rules {

namespace {

struct TransportAdvice
{
    const char *guide;
    const char *title;
    const char *cause;
    const char *fix;
};

// One row per transport guide, in the order of kTransportGuideIds.
constexpr TransportAdvice kAdvice[] = {
    {"dns-failure", "DNS lookup failed",
     "The host name does not resolve from this machine: a typo, a missing record, a split-horizon "
     "name only visible on another network, or an unreachable resolver.",
     "Check the name with `dig HOST` / `nslookup HOST` against the system resolver and a public "
     "one; fix the record or /etc/hosts, or use the VPN that serves the internal zone."},
    {"connection-refused", "Connection refused",
     "The address answered with a TCP reset: nothing listens on that port (service stopped, wrong "
     "port, bound to 127.0.0.1 only) or a firewall rejects actively.",
     "Check the service is running and listening (`ss -ltnp | grep PORT` on the server) and that "
     "the URL's port is the one it binds; then the firewall rules."},
    {"connection-reset", "Connection reset or closed by the server",
     "The server or a middlebox closed the connection before a complete response: a crash, a "
     "keep-alive timeout race, a request rejected at the TCP level, or a TLS/HTTP mismatch.",
     "Retry once on a new connection; if it repeats, read the server's error log at that time "
     "and check idle timeouts of proxies in between."},
    {"connect-timeout", "Connection could not be established in time",
     "SYN packets got no answer: a firewall drops them, the host is down, or the route is wrong.",
     "Test reachability (`nc -vz HOST PORT`, `traceroute -T -p PORT HOST`); check security "
     "groups and firewalls for the port."},
    {"read-timeout", "Timed out waiting for the response",
     "The connection was up but the server did not answer (or finish) within the time allowed: a "
     "slow handler, a stuck upstream, or a limit too low for a large transfer.",
     "Measure with a longer limit (curl -m 120) to see whether it is slow or stuck, then look at "
     "the server's slow-request log."},
    {"tls-handshake-failure", "TLS handshake failed",
     "Client and server share no protocol version or cipher, the server expects SNI or a client "
     "certificate, or the port does not speak TLS at all.",
     "Inspect with `openssl s_client -connect HOST:443 -servername HOST` and compare the "
     "offered versions and ciphers with the server's configuration."},
    {"cert-expired", "Server certificate expired",
     "The certificate's notAfter is in the past (or notBefore in the future: check the clock).",
     "Renew and deploy the certificate (certbot renew, then reload the server); check the "
     "client machine's clock."},
    {"cert-self-signed", "Self-signed certificate",
     "The server presents a certificate signed by itself, which no trust store knows.",
     "Use a certificate from a public or internal CA, or trust this one explicitly (curl "
     "--cacert cert.pem) — never disable verification in production."},
    {"cert-hostname-mismatch", "Certificate does not match the host name",
     "The certificate's subjectAltName does not list the host in the URL: wrong virtual host, "
     "missing SNI, or a certificate for another name.",
     "Compare the URL's host with the SANs (`openssl s_client … | openssl x509 -noout -ext "
     "subjectAltName`); reissue with the right names or use the name it covers."},
    {"cert-unknown-issuer", "Certificate issuer not trusted",
     "The chain does not lead to a trusted root: the server omits the intermediate certificate, "
     "or an internal CA is not in this client's store.",
     "Serve the full chain (fullchain.pem in nginx ssl_certificate), or add the internal CA "
     "(curl --cacert ca.pem)."},
    {"proxy-error", "Proxy failure",
     "The configured proxy could not be reached, refused the CONNECT tunnel, or closed the "
     "connection.",
     "Check the proxy URL and credentials (curl -x URL -v); compare with a direct request "
     "(--noproxy '*') to see whether the proxy is the problem."},
};

const TransportAdvice *adviceFor(const QString &guide)
{
    for (const TransportAdvice &a : kAdvice) {
        if (guide == QLatin1String(a.guide))
            return &a;
    }
    return nullptr;
}

Findings transportError(const http::Exchange &x)
{
    Findings out;
    for (int i = 0; i < x.attempts.size(); ++i) {
        const http::Attempt &a = x.attempts.at(i);
        if (!a.error.isError())
            continue;
        const QString guide = transportGuideId(a.error, a.connection.viaProxy);
        const TransportAdvice *advice = adviceFor(guide);
        if (!advice)
            continue;
        Finding f = Finding::of(QStringLiteral("transport-error"), Severity::Error, guide);
        f.attempt = i;
        const std::optional<int> errorEvent = eventIndex(a, http::EventType::Error);
        f.event = errorEvent;
        f.title = QString::fromUtf8(advice->title);
        const QString at = errorEvent
                               ? QStringLiteral(" at %1").arg(text::readableMs(x.msFromStart(a.events.at(*errorEvent).tNs)))
                               : QString();
        f.explanation = QStringLiteral("%1 failed%2 with a %3 error: %4.")
                            .arg(describeAttempt(x, i), at, toString(a.error.kind), a.error.message);
        f.cause = QString::fromUtf8(advice->cause);
        f.fix = QString::fromUtf8(advice->fix);
        out << f;
    }
    return out;
}

} // namespace

const QList<ExchangeRule> &transportRules()
{
    static const QList<ExchangeRule> table = {{"transport-error", &transportError}};
    return table;
}

} // namespace statusscope::diagnose::rules
