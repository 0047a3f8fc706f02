// SPDX-License-Identifier: GPL-3.0-or-later
//
// The catalog of guided troubleshooting flows: one for 417, for 502/504, for TLS and certificate
// failures, for 413, for the other transport failures, and a generic one per status class.
// Steps go from the cheapest check that splits the likely causes to the most specific one.

#include "core/diagnose/flow_builders.h"

namespace statusscope::diagnose {

using namespace flows;

namespace {

TroubleshootingFlow expectationFailed()
{
    return flow("expect-417", "417 Expectation Failed", QStringLiteral("417"), {
        step("resend-without-expect", "Resend without Expect",
             "Send the same request with the Expect header removed (curl -H 'Expect:').",
             "417 is only about the Expect header (RFC 9110 §15.5.18): if the request passes without it, the "
             "expectation was the whole problem.",
             CheckKind::ResendWithoutExpect,
             {go("succeeded", "Accepted without Expect", "resend-without-proxy"),
              go("still-417", "Still 417 without Expect", "compare-attempts"),
              end("other-status", "A different error status without Expect",
                  "The Expect header was not the only problem: the request is rejected for another reason.",
                  "Read the server's log for why it rejects the request even without Expect.",
                  "Follow the guide for the new status; keep Expect off for this server meanwhile.")}),
        step("resend-without-proxy", "Resend without the proxy",
             "Send the original request, with Expect: 100-continue, straight to the origin.",
             "HTTP/1.0 proxies and some gateways reject expectations the origin would honour.",
             CheckKind::ResendWithoutProxy,
             {end("direct-ok", "The origin honours Expect (100 Continue or a direct answer)",
                  "The proxy in between rejects Expect: 100-continue (an HTTP/1.0 hop, or Squid without "
                  "ignore_expect_100).",
                  "Configure the proxy to pass or ignore Expect (Squid: ignore_expect_100 on).",
                  "Stop sending Expect through that proxy (curl -H 'Expect:')."),
              go("direct-417", "The origin itself answers 417", "check-server-config")}),
        step("check-server-config", "Check the server's Expect handling",
             "Look for settings that reject expectations: lighttpd server.reject-expect-100-with-417, a WAF "
             "rule, or framework middleware.",
             "The origin rejects a valid 100-continue only when configured or written to.",
             CheckKind::OpenLogsFiltered,
             {end("setting-found", "A setting or rule rejects Expect",
                  "The server is configured to answer 417 to Expect: 100-continue.",
                  "Turn the setting off (lighttpd: server.reject-expect-100-with-417 = \"disable\") or "
                  "remove the rule.",
                  "Until it is changed, send uploads to this server without Expect (curl -H 'Expect:')."),
              end("nothing-found", "No such setting",
                  "The server software does not implement Expect: 100-continue.",
                  "Put a proxy that implements Expect: 100-continue (nginx) in front of the server, or "
                  "upgrade the server software.",
                  "Send uploads without Expect to this server (curl -H 'Expect:'; .NET Expect100Continue = "
                  "false).")}),
        step("compare-attempts", "Compare the two attempts' headers",
             "Put the request headers of the first attempt and of the resend side by side.",
             "An Expect (or Expect-like) header added by a library or proxy would survive the removal.",
             CheckKind::CompareWithPreviousAttempt,
             {end("expect-left", "An Expect header is still sent",
                  "Something below the application adds Expect (an HTTP library default or a proxy).",
                  "If the server should accept expectations, make it answer 100 Continue (its Expect "
                  "settings).",
                  "Disable Expect where it is added (PHP curl: CURLOPT_HTTPHEADER ['Expect:']; .NET: "
                  "ServicePointManager.Expect100Continue = false)."),
              end("no-expect", "No Expect header in the resend",
                  "The server sends 417 for something other than Expect, against RFC 9110.",
                  "Answer the real error with its own status (400, 403, 413) instead of 417, as RFC 9110 "
                  "requires.",
                  "Read the response body and the server's logs for the real reason and report the misuse "
                  "of 417 to its owners.")}),
    });
}

TroubleshootingFlow badGateway(int status)
{
    return flow("bad-gateway", "502 Bad Gateway / 504 Gateway Timeout", QString::number(status), {
        step("who-answered", "Find who answered",
             "Read the Server, Via, X-Cache, CF-Ray and X-Amz-Cf-Id headers of the error response.",
             "502 and 504 come from a gateway about its upstream; which gateway decides where to look.",
             CheckKind::CompareWithPreviousAttempt,
             {go("cdn", "A CDN or load balancer (Cloudflare, CloudFront, an ALB)", "resend-without-proxy"),
              go("reverse-proxy", "The site's own reverse proxy (nginx, Apache, HAProxy)", "proxy-logs")}),
        step("resend-without-proxy", "Request the origin directly",
             "Send the same request to the origin's address, bypassing the CDN (curl --resolve host:443:ORIGIN_IP).",
             "If the origin answers directly, the path from the CDN to the origin is what fails.",
             CheckKind::ResendWithoutProxy,
             {end("origin-ok", "The origin answers normally",
                  "The CDN cannot reach or talk to the origin: a firewall that does not allow the CDN's "
                  "addresses, TLS between CDN and origin (wrong SNI or certificate), or an origin timeout "
                  "shorter than the response.",
                  "Allow the CDN's address ranges, fix the origin certificate for the name the CDN uses, "
                  "and align the CDN's origin timeout with the slowest endpoint.",
                  "Retry idempotent requests with backoff; nothing in the request itself causes it."),
              go("origin-fails", "The origin fails too", "proxy-logs")}),
        step("proxy-logs", "Read the proxy's error log at that time",
             "Open the logs filtered to this status and read the upstream error next to it.",
             "The proxy logs why the upstream failed: refused, timed out, or closed early.",
             CheckKind::OpenLogsFiltered,
             {end("connect-failed", "connect() failed / no live upstreams",
                  "The application is not running or not listening where the proxy expects it.",
                  "Start or restart the application, and check the upstream address and port in the proxy "
                  "config (nginx proxy_pass / upstream block).",
                  "Retry later with backoff; report the time and the request to the site's operators."),
              end("timed-out", "upstream timed out",
                  "The application is too slow for the proxy's timeout (slow query, exhausted worker pool).",
                  "Find and fix the slow call; raise proxy_read_timeout only deliberately, for that "
                  "location.",
                  "Ask for less per request (pagination, smaller batches) or use the API's asynchronous "
                  "variant; retry with backoff."),
              end("closed-early", "upstream prematurely closed the connection",
                  "The application crashed or was killed mid-request (out of memory, worker timeout).",
                  "Read the application's log at that time; raise its memory or worker timeout, fix the "
                  "crash.",
                  "Retry idempotent requests with backoff; send smaller requests if large ones trigger it.")}),
    });
}

TroubleshootingFlow tlsFailure(const QString &guide)
{
    return flow("tls", "TLS handshake or certificate failure", guide, {
        step("dns-lookup", "Check where the name points",
             "Look up the host name and compare the addresses with the server you expect.",
             "A stale or wrong DNS record leads to another server, which presents another certificate.",
             CheckKind::DnsLookup,
             {go("expected-address", "The expected server's address", "certificate-chain"),
              end("wrong-address", "Another address",
                  "DNS points at a different server (an old host, a parked domain, a split-horizon record).",
                  "Fix the DNS record to point at the right server.",
                  "Remove a stale /etc/hosts entry or flush the local DNS cache, then retry.",
                  "dns-failure")}),
        step("certificate-chain", "Show the certificate chain",
             "Show the certificates the server sends: subject, SANs, issuer, validity dates.",
             "Each certificate error has a visible cause in the chain.",
             CheckKind::ShowCertificateChain,
             {end("expired", "A certificate is expired (or not yet valid)",
                  "The server's certificate (or an intermediate) is outside its validity period, or the client's "
                  "clock is wrong.",
                  "Renew and deploy the certificate (certbot renew; reload the server).",
                  "Check the client's clock and date; do not turn verification off to get past it.",
                  "cert-expired"),
              end("name-mismatch", "The host name is not in the SANs",
                  "The certificate was issued for other names, or the server picked another virtual host "
                  "(missing SNI).",
                  "Reissue the certificate with this name, or configure the virtual host that serves it.",
                  "Use the host name the certificate was issued for, with a client that sends SNI.",
                  "cert-hostname-mismatch"),
              end("self-signed", "Self-signed",
                  "The server uses a self-signed certificate no trust store knows.",
                  "Use a certificate from a CA (Let's Encrypt, the company CA).",
                  "Trust it explicitly for this client only (curl --cacert server.pem), never with -k.",
                  "cert-self-signed"),
              end("incomplete-chain", "The intermediate certificate is missing",
                  "The server sends only its own certificate; clients without the intermediate cached fail.",
                  "Serve the full chain (nginx ssl_certificate fullchain.pem; Apache SSLCertificateFile "
                  "with the chain).",
                  "Until it is fixed, pass the intermediate with the CA bundle (curl --cacert chain.pem) or "
                  "update the client's CA store.",
                  "cert-unknown-issuer"),
              go("no-certificate", "No certificate: the handshake fails before it", "protocols")}),
        step("protocols", "Compare TLS versions and ciphers",
             "Try the handshake with each TLS version (openssl s_client -tls1_2 / -tls1_3) and read the alert.",
             "A handshake that fails before any certificate means no common version or cipher, or no TLS.",
             CheckKind::None,
             {end("version-mismatch", "Only an old (or only a newer) TLS version works",
                  "Client and server share no enabled protocol version or cipher suite.",
                  "Enable TLS 1.2 and 1.3 with current ciphers on the server (Mozilla's intermediate "
                  "profile).",
                  "Update the client's TLS library; do not force an old protocol version.",
                  "tls-handshake-failure"),
              end("plain-http", "The port answers plain HTTP",
                  "The URL uses https:// on a port that speaks plain HTTP (or the reverse).",
                  "Enable TLS on that listener, or redirect its plain-HTTP port to https.",
                  "Use the right scheme or port (https:// on the TLS port, http:// on the plain one).",
                  "tls-handshake-failure"),
              end("client-certificate", "The server asks for a client certificate",
                  "Mutual TLS: the server requires a client certificate this request did not present.",
                  "Tell clients which CA their certificate must come from, and accept this client's.",
                  "Send the client certificate (curl --cert client.pem --key client.key).",
                  "tls-handshake-failure")}),
    });
}

TroubleshootingFlow payloadTooLarge()
{
    return flow("payload-too-large", "413 Content Too Large", QStringLiteral("413"), {
        step("resend-smaller-body", "Resend with a smaller body",
             "Send the same request with a small body (a few KiB).",
             "413 is about size (RFC 9110 §15.5.14): a small body passing confirms a limit between this size "
             "and the original.",
             CheckKind::ResendSmallerBody,
             {go("accepted", "The small body is accepted", "find-limit"),
              go("still-413", "Still 413 with a small body", "compare-attempts")}),
        step("find-limit", "Find which layer enforces the limit",
             "Open the logs filtered to 413 on the proxy and on the application; see which one logged it.",
             "Each layer (CDN, proxy, application) has its own limit; raising the wrong one changes nothing.",
             CheckKind::OpenLogsFiltered,
             {go("proxy", "The reverse proxy (nginx, Apache) logged it", "resend-with-expect"),
              end("application", "The application rejected it",
                  "The application's own upload limit (framework body parser, PHP upload_max_filesize / "
                  "post_max_size).",
                  "Raise the framework's limit (Express json({limit}), PHP post_max_size).",
                  "Upload in chunks under the limit, or compress the body."),
              end("cdn", "The CDN rejected it before the origin",
                  "The CDN plan's request-size cap (e.g. 100 MB on Cloudflare's lower plans).",
                  "Let uploads go straight to the origin or object storage (presigned URL), not through the "
                  "CDN.",
                  "Upload in chunks under the CDN's cap.")}),
        step("resend-with-expect", "Resend with Expect: 100-continue",
             "Send the large body again with Expect: 100-continue.",
             "With Expect the proxy can refuse from Content-Length alone, before any byte of the body is sent.",
             CheckKind::ResendWithExpect,
             {end("rejected-early", "413 before the body: no bytes wasted",
                  "The proxy's body limit (nginx client_max_body_size, Apache LimitRequestBody) is below this "
                  "upload.",
                  "Raise the limit for this location (nginx: client_max_body_size 100m;).",
                  "Keep Expect on large uploads so rejections stay cheap; check sizes before uploading."),
              end("rejected-late", "413 only after the body was sent",
                  "The proxy's body limit is below this upload, and it does not use Expect to reject early.",
                  "Raise the limit for this location (nginx: client_max_body_size 100m;).",
                  "Send Expect: 100-continue with large uploads and check sizes on the client before "
                  "uploading.")}),
        step("compare-attempts", "Check the declared length",
             "Compare Content-Length and Transfer-Encoding of the small request with its real body.",
             "A wrong Content-Length makes a small request look huge.",
             CheckKind::CompareWithPreviousAttempt,
             {end("wrong-length", "Content-Length is larger than the body",
                  "The client declares a wrong length (a bug in how the body size is computed).",
                  "Nothing to change: the server is right to reject the declared size.",
                  "Let the HTTP library compute Content-Length; do not set it by hand."),
              end("length-ok", "The length is right",
                  "The limit is set extremely low (or to 0 where 0 does not mean unlimited).",
                  "Find the limit in the proxy and application config and set a sensible value.",
                  "Until the limit is fixed, upload in chunks under it.")}),
    });
}

TroubleshootingFlow transportFailure(const QString &guide)
{
    return flow("transport", "No response: connection failure", guide, {
        step("dns-lookup", "Look up the host name",
             "Resolve the host name with the system resolver.",
             "Without an address nothing else can work; a wrong address explains refused and timed-out "
             "connections.",
             CheckKind::DnsLookup,
             {go("resolves", "It resolves to the expected address", "resend-without-proxy"),
              end("no-address", "It does not resolve",
                  "The name has no record reachable from here (typo, expired domain, internal zone off-VPN).",
                  "Create or fix the DNS record for the name.",
                  "Fix a typo in the name, or connect to the network (VPN) whose DNS serves it.",
                  "dns-failure"),
              end("wrong-address", "It resolves to an unexpected address",
                  "A stale or wrong record (or /etc/hosts entry) sends the request elsewhere.",
                  "Correct the record and wait out its TTL.",
                  "Remove a stale /etc/hosts entry or flush the local DNS cache.",
                  "dns-failure")}),
        step("resend-without-proxy", "Resend without the proxy",
             "Send the same request directly, with no proxy configured.",
             "Separates a broken proxy from a broken server.",
             CheckKind::ResendWithoutProxy,
             {end("direct-works", "It works directly",
                  "The proxy is unreachable, refuses the tunnel, or needs credentials.",
                  "Fix the proxy: reachable, allowing the tunnel, accepting these credentials.",
                  "Fix the proxy settings (address, port, credentials) or bypass it for this host "
                  "(NO_PROXY).",
                  "proxy-error"),
              go("direct-fails", "It fails the same way", "open-logs")}),
        step("open-logs", "Check the server side",
             "On the server: is the service running and listening on that port; do its logs show the "
             "connection?",
             "A refusal or reset with no log entry means the connection never reached the service.",
             CheckKind::OpenLogsFiltered,
             {end("not-listening", "Not running or not listening on that port",
                  "Nothing accepts connections at that address and port.",
                  "Start the service, or fix the port/bind address (0.0.0.0 instead of 127.0.0.1).",
                  "Check the URL's port against the one the service listens on.",
                  "connection-refused"),
              end("firewall", "Running, but no trace of the connection",
                  "A firewall or security group drops or rejects the traffic before the service.",
                  "Open the port for this client's address in the firewall / security group.",
                  "Try from another network to confirm; a company firewall may need an exception for this "
                  "port.",
                  "connect-timeout")}),
    });
}

bool isTlsGuide(const QString &guide)
{
    return guide == QLatin1String("tls-handshake-failure") || guide.startsWith(QLatin1String("cert-"));
}

} // namespace

QList<TroubleshootingFlow> allTroubleshootingFlows()
{
    return {expectationFailed(), badGateway(502), tlsFailure(QStringLiteral("tls-handshake-failure")),
            payloadTooLarge(),   transportFailure(QStringLiteral("connection-refused")),
            classFlow(1),        classFlow(2), classFlow(3), classFlow(4), classFlow(5)};
}

TroubleshootingFlow flowForStatus(int status)
{
    switch (status) {
    case 417: return expectationFailed();
    case 502:
    case 504: return badGateway(status);
    case 413: return payloadTooLarge();
    case 0: return transportFailure(QStringLiteral("0")); // no response at all: a HAR's status 0
    default: break;
    }
    // Unofficial codes keep their class (nginx 499 → 4xx, Cloudflare 52x → 5xx); anything out of
    // range is treated as a server problem.
    const int cls = status / 100;
    return classFlow(cls >= 1 && cls <= 4 ? cls : 5);
}

TroubleshootingFlow flowForTransport(const QString &guideId)
{
    return isTlsGuide(guideId) ? tlsFailure(guideId) : transportFailure(guideId);
}

TroubleshootingFlow flowForFinding(const Finding &finding)
{
    bool numeric = false;
    const int status = finding.guide.toInt(&numeric);
    return numeric ? flowForStatus(status) : flowForTransport(finding.guide);
}

} // namespace statusscope::diagnose
