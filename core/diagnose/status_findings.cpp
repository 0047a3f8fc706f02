// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/diagnose/status_findings.h"

#include "core/diagnose/retry_after.h"

namespace statusscope::diagnose {

namespace {

// Headers only intermediaries add. Via is the standard one (RFC 9110 §7.6.3); the rest are the
// CDN and cache products' own.
constexpr const char *kProxyHeaders[] = {
    "Via",          "X-Cache",      "X-Cache-Hits", "CF-Ray",       "X-Amz-Cf-Id", "X-Amz-Cf-Pop",
    "X-Served-By",  "X-Varnish",    "X-Akamai-Request-ID",          "X-Fastly-Request-ID",
    "X-Azure-Ref",  "X-Squid-Error", "X-Proxy-Cache",
};

// Server: values of proxies, load balancers and CDNs (not web servers that are usually origins).
constexpr const char *kProxyServers[] = {
    "cloudflare", "cloudfront", "akamaighost", "akamainetstorage", "varnish", "squid",
    "envoy",      "awselb",     "google frontend", "haproxy",      "fastly",  "ats",
    "apachetrafficserver",      "traefik",         "kong",         "azure front door",
};

bool serverIsProxy(const QString &server)
{
    const QString s = server.toLower();
    for (const char *name : kProxyServers) {
        const QLatin1String n(name);
        // Product tokens (RFC 9110 §10.2.4): "envoy", "AkamaiGHost", "Varnish/6.0", "awselb/2.0".
        if (s == n || s.startsWith(n + QLatin1Char('/')) || s.startsWith(n + QLatin1Char(' ')))
            return true;
    }
    return false;
}

QString retryWhen(qint64 seconds, const QDateTime &at)
{
    QString text = seconds == 0 ? QStringLiteral("now")
                                : QStringLiteral("in %1 s").arg(seconds);
    if (at.isValid())
        text += QStringLiteral(", at %1 UTC").arg(at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return text;
}

} // namespace

QString formatBytes(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MiB (%2 bytes)").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1).arg(bytes);
    if (bytes >= 1024)
        return QStringLiteral("%1 KiB (%2 bytes)").arg(double(bytes) / 1024.0, 0, 'f', 1).arg(bytes);
    return QStringLiteral("%1 bytes").arg(bytes);
}

QStringList proxyEvidence(const HeaderPairs &headers)
{
    QStringList evidence;
    for (const char *name : kProxyHeaders) {
        if (const auto v = firstHeader(headers, QString::fromLatin1(name)))
            evidence << QStringLiteral("%1: %2").arg(QLatin1String(name), *v);
    }
    if (const auto server = firstHeader(headers, u"Server"); server && serverIsProxy(*server))
        evidence << QStringLiteral("Server: %1").arg(*server);
    return evidence;
}

std::optional<Finding> proxyAnswered5xxFinding(int status, const HeaderPairs &headers,
                                               const QString &where)
{
    if (status < 500 || status > 599 || status == 502 || status == 504)
        return std::nullopt;
    const QStringList evidence = proxyEvidence(headers);
    if (evidence.isEmpty())
        return std::nullopt;
    Finding f = Finding::of(QStringLiteral("proxy-answered-5xx"), Severity::Warning);
    f.title = QStringLiteral("%1 came through a proxy or CDN, not straight from the origin").arg(status);
    f.explanation = QStringLiteral("%1 got status %2 with intermediary headers: %3.")
                        .arg(where).arg(status).arg(evidence.join(QStringLiteral("; ")));
    f.cause = QStringLiteral("A proxy, cache or CDN in front of the origin produced or relayed this "
                             "error; the origin may never have seen the request, or the cache served "
                             "a stored error.");
    f.fix = QStringLiteral("Compare with a request straight to the origin (bypass the CDN: curl "
                           "--resolve host:443:ORIGIN_IP …), and look up the request id (%1) in the "
                           "proxy/CDN logs before changing the application.")
                .arg(evidence.first());
    f.guide = QString::number(status);
    return f;
}

std::optional<Finding> upstreamFailureFinding(int status, const HeaderPairs &headers, bool viaProxy,
                                              const QString &where)
{
    if (status != 502 && status != 504)
        return std::nullopt;
    const QStringList evidence = proxyEvidence(headers);
    Finding f = Finding::of(QStringLiteral("upstream-failure"), Severity::Error);
    const QString what = status == 502 ? QStringLiteral("got an invalid response (or none) from")
                                       : QStringLiteral("timed out waiting for");
    f.title = QStringLiteral("%1: a gateway %2 its upstream server").arg(status).arg(what);
    QString seen = QStringLiteral("%1 got status %2").arg(where).arg(status);
    if (!evidence.isEmpty())
        seen += QStringLiteral(" from an intermediary (%1)").arg(evidence.join(QStringLiteral("; ")));
    else if (viaProxy)
        seen += QStringLiteral(" through the configured proxy");
    else
        seen += QStringLiteral(" with no proxy headers: most likely the origin's own reverse proxy "
                               "(nginx, Apache, a load balancer) answered");
    f.explanation = seen + QLatin1Char('.');
    f.cause = status == 502
                  ? QStringLiteral("The proxy reached no healthy upstream: the application is down, "
                                   "crashed mid-response, closed the connection, or sent a response "
                                   "the proxy could not parse.")
                  : QStringLiteral("The upstream application accepted the request but did not answer "
                                   "within the proxy's timeout (slow query, deadlock, overloaded "
                                   "workers).");
    f.fix = status == 502
                ? QStringLiteral("Check the proxy's error log for the upstream address and reason "
                                 "(nginx: 'upstream prematurely closed' / 'connect() failed'), then "
                                 "whether the application is running and listening there.")
                : QStringLiteral("Find the slow upstream call in the proxy's log (nginx "
                                 "$upstream_response_time), fix it, or raise the timeout deliberately "
                                 "(nginx proxy_read_timeout, ALB idle timeout).");
    f.guide = QString::number(status);
    return f;
}

std::optional<Finding> retryAfterFinding(int status, const HeaderPairs &headers,
                                         const QDateTime &started, const QString &where)
{
    if (status != 429 && status != 503)
        return std::nullopt;
    const std::optional<QString> raw = firstHeader(headers, u"Retry-After");
    if (!raw)
        return std::nullopt;
    Finding f = Finding::of(QStringLiteral("retry-after"), Severity::Info, QString::number(status));
    const std::optional<RetryAfter> parsed = parseRetryAfter(*raw);
    if (!parsed) {
        f.severity = Severity::Warning;
        f.title = QStringLiteral("%1 with an invalid Retry-After").arg(status);
        f.explanation = QStringLiteral("%1 got status %2 with Retry-After: %3, which is neither "
                                       "delay-seconds nor an HTTP-date.")
                            .arg(where).arg(status).arg(*raw);
        f.cause = QStringLiteral("The server (or a proxy) writes Retry-After in a format RFC 9110 "
                                 "§10.2.3 does not allow; clients will ignore it.");
        f.fix = QStringLiteral("Back off exponentially (1 s, 2 s, 4 s … with jitter) and ask the "
                               "server's owner to send seconds, e.g. 'Retry-After: 120'.");
        return f;
    }
    // An HTTP-date is relative to the server's clock: anchor it on the response's Date when
    // present (RFC 9110 §6.6.1), so a skewed client clock does not change the answer.
    QDateTime reference = started;
    if (const auto date = firstHeader(headers, u"Date")) {
        const QDateTime d = parseHttpDate(*date);
        if (d.isValid())
            reference = d;
    }
    const std::optional<qint64> seconds = secondsUntilRetry(*parsed, reference);
    const QDateTime at = parsed->date.isValid() ? parsed->date
                         : (reference.isValid() && seconds) ? reference.addSecs(*seconds) : QDateTime();
    f.severity = Severity::Info;
    const QString when = seconds ? retryWhen(*seconds, at) : QStringLiteral("after %1").arg(*raw);
    f.title = QStringLiteral("%1: the server asks to retry %2").arg(status).arg(when);
    f.explanation = QStringLiteral("%1 got status %2 with Retry-After: %3 (%4).")
                        .arg(where).arg(status).arg(*raw)
                        .arg(parsed->delaySeconds ? QStringLiteral("delay in seconds")
                                                  : QStringLiteral("an HTTP-date"));
    f.cause = status == 429 ? QStringLiteral("A rate limit was hit: too many requests from this "
                                             "client, key or address in the server's window.")
                            : QStringLiteral("The service is temporarily unavailable (maintenance, "
                                             "overload, or a circuit breaker) and said when to come back.");
    f.fix = QStringLiteral("Do not retry before then (%1); make the client's retry logic honour "
                           "Retry-After instead of retrying at once.")
                .arg(when);
    return f;
}

namespace {

// What a finding about one redirect says; the title takes the status (%1), the explanation the
// request (%1), the status (%2) and where it was sent (%3).
struct RedirectFindingText
{
    const char *rule;
    Severity severity;
    const char *title;
    const char *explanation;
    const char *cause;
    const char *fix;
};

Finding redirectFinding(const RedirectFindingText &text, int status, const QString &toUrl, const QString &where)
{
    Finding f = Finding::of(QString::fromLatin1(text.rule), text.severity);
    f.title = QString::fromUtf8(text.title).arg(status);
    f.explanation = QString::fromUtf8(text.explanation).arg(where).arg(status).arg(toUrl);
    f.cause = QString::fromUtf8(text.cause);
    f.fix = QString::fromUtf8(text.fix);
    f.guide = QString::number(status);
    return f;
}

const RedirectFindingText kPostToGet{
    "post-to-get", Severity::Warning, "%1 turned a POST into a GET",
    "%1 got %2 to %3, and the redirect was followed with GET: the request body never reached the new URL.",
    "RFC 9110 §15.4.2/§15.4.3 let user agents change POST to GET after 301 and 302 (browsers and curl "
    "-L do); the target receives no body.",
    "Have the server answer 307 or 308, which keep the method and body; or POST to the final URL "
    "directly (curl: --post301/--post302 keep POST)."};

const RedirectFindingText kHttpsDowngrade{
    "https-downgrade", Severity::Error, "%1 redirect from https to plain http",
    "%1 was redirected (%2) to %3: the next request travels unencrypted.",
    "The server or a proxy builds absolute Location URLs with the wrong scheme, typically because TLS "
    "ends at a load balancer and the application believes the request came over http.",
    "Make the application honour X-Forwarded-Proto (or use relative Location headers), and send "
    "Strict-Transport-Security so browsers never follow such a downgrade."};

} // namespace

Finding postToGetFinding(int status, const QString &toUrl, const QString &where)
{
    return redirectFinding(kPostToGet, status, toUrl, where);
}

Finding httpsDowngradeFinding(int status, const QString &toUrl, const QString &where)
{
    return redirectFinding(kHttpsDowngrade, status, toUrl, where);
}

} // namespace statusscope::diagnose
