// SPDX-License-Identifier: GPL-3.0-or-later
//
// The generic flow of each status class, for statuses without a flow of their own: what a
// status of that class usually means, checked from the cheapest step.

#include "core/diagnose/flow_builders.h"

namespace statusscope::diagnose::flows {

namespace {

TroubleshootingFlow informational()
{
    return flow("class-1xx", "Informational (1xx) responses", QStringLiteral("100"), {
        step("compare-attempts", "See which interim responses came",
             "List the 1xx responses of the attempt and when they came relative to the body.",
             "1xx responses are interim; a client that mishandles one shows it right after it.",
             CheckKind::CompareWithPreviousAttempt,
             {go("client-confused", "The client failed right after a 1xx", "resend-http10"),
              end("as-expected", "They came and the final response followed",
                  "Nothing is wrong: interim responses are informational (RFC 9110 §15.2).",
                  "No fix needed: interim responses are informational.",
                  "No fix needed; a client must ignore 1xx codes it does not know.")}),
        step("resend-http10", "Resend with HTTP/1.0",
             "Send the same request as HTTP/1.0.",
             "Servers must not send 1xx to HTTP/1.0 clients (RFC 9110 §15.2), so this isolates the interim "
             "response as the trigger.",
             CheckKind::ResendHttp10,
             {end("works", "It works with HTTP/1.0",
                  "The client library mishandles interim responses (e.g. 103 Early Hints).",
                  "Disable Early Hints (103) for this client, or send them over HTTP/2 only.",
                  "Update the client library so it handles interim responses."),
              end("fails", "It fails with HTTP/1.0 too",
                  "The failure is not caused by the interim response.",
                  "Look at the final status or the transport error: the interim response is not the cause.",
                  "Follow the guide for the final status or the transport error.")}),
    });
}

TroubleshootingFlow success()
{
    return flow("class-2xx", "Success (2xx) but not the expected result", QStringLiteral("200"), {
        step("compare-attempts", "Compare with a response that was right",
             "Compare status, headers (Content-Type, Content-Encoding, caching) and body size with an "
             "earlier good attempt.",
             "A success status with the wrong content is usually caching or content negotiation.",
             CheckKind::CompareWithPreviousAttempt,
             {end("cached", "Served from a cache (Age, X-Cache: HIT)",
                  "A cache returned a stored response that is stale for this request.",
                  "Purge the cache entry and fix Cache-Control / Vary on the origin.",
                  "Ask past the cache for a check (Cache-Control: no-cache); do not cache what varies per "
                  "user."),
              end("different-content", "Different Content-Type or encoding",
                  "Content negotiation picked another representation (Accept, Accept-Encoding).",
                  "Send Vary for what the server negotiates on.",
                  "Send explicit Accept and Accept-Encoding headers."),
              end("same", "Identical to the good one",
                  "The HTTP exchange is fine; the difference is in the application data.",
                  "Look at the application's data and logs, not at the transport.",
                  "Compare the request's data (parameters, body) with the good one.")}),
    });
}

TroubleshootingFlow redirects()
{
    return flow("class-3xx", "Redirects (3xx)", QStringLiteral("301"), {
        step("compare-attempts", "Follow the redirect chain",
             "List each hop: URL, status, Location.",
             "Loops, downgrades and method changes are visible hop by hop.",
             CheckKind::CompareWithPreviousAttempt,
             {end("loop", "A URL comes back",
                  "Two redirect rules disagree about the canonical URL (scheme, host or trailing slash), "
                  "often behind a TLS-terminating proxy.",
                  "Fix the rule that sends you back; set and trust X-Forwarded-Proto behind the proxy.",
                  "Clear the site's cookies (a cookie can drive the loop) and cap redirects (curl "
                  "--max-redirs)."),
              end("downgrade", "A hop goes from https to http",
                  "The application builds Location URLs with the wrong scheme.",
                  "Honour X-Forwarded-Proto or use relative redirects; send HSTS.",
                  "Request the https URL directly and refuse https-to-http redirects (curl --proto-redir "
                  "=https)."),
              end("method-changed", "A POST became a GET",
                  "301/302 let clients change POST to GET (RFC 9110 §15.4.2).",
                  "Use 307/308 for redirects that must keep the method and body.",
                  "Send the POST to the final URL directly."),
              end("ends-fine", "The chain ends at the right page",
                  "The redirects work; only their number or cost is in question.",
                  "Link to the final URL directly to save the round trips.",
                  "Use the final URL in the client's configuration.")}),
    });
}

TroubleshootingFlow clientErrors()
{
    return flow("class-4xx", "Client errors (4xx)", QStringLiteral("400"), {
        step("compare-attempts", "Compare with a request that worked",
             "Compare method, URL, headers and body with a request that succeeded (an earlier attempt or "
             "a colleague's).",
             "A 4xx says the request itself is wrong; the difference is the cause.",
             CheckKind::CompareWithPreviousAttempt,
             {end("difference-found", "A header, parameter or body field differs",
                  "The differing part is what the server rejects.",
                  "Return an error body that names the rejected field.",
                  "Send it the way the working request does; check the API documentation for that field."),
              go("no-difference", "No visible difference", "open-logs")}),
        step("open-logs", "Read the server's log for this status",
             "Open the logs filtered to this status at the time of the request.",
             "Servers log the reason for a rejection that the response body often hides.",
             CheckKind::OpenLogsFiltered,
             {end("reason-logged", "The log names the reason",
                  "The logged reason (validation, authentication, rate limit, WAF rule).",
                  "For a WAF rule that blocks a legitimate request, add an exception.",
                  "Fix what the log names (validation, authentication, rate limit), or change the request "
                  "the rule blocks."),
              end("nothing-logged", "Nothing logged for it",
                  "An intermediary (proxy, WAF, CDN) rejected the request before the application.",
                  "Check the proxy/CDN logs and security rules for this request.",
                  "Compare with a request that passes the same intermediary, and ask its operator.")}),
    });
}

TroubleshootingFlow serverErrors()
{
    return flow("class-5xx", "Server errors (5xx)", QStringLiteral("500"), {
        step("open-logs", "Read the server's error log",
             "Open the logs filtered to this status at the time of the request.",
             "A 5xx is the server's fault; its log has the exception or the upstream error.",
             CheckKind::OpenLogsFiltered,
             {end("error-logged", "An exception or error is logged",
                  "The application failed while handling the request (the logged error).",
                  "Fix the logged error; add a regression test with this request.",
                  "Retry idempotent requests with backoff; report the time and the request ID."),
              go("nothing-logged", "Nothing in the application's log", "resend-without-proxy")}),
        step("resend-without-proxy", "Resend without the proxy or CDN",
             "Send the same request to the origin directly.",
             "An error the application never logged may come from an intermediary.",
             CheckKind::ResendWithoutProxy,
             {end("direct-ok", "The origin answers normally",
                  "A proxy or CDN produces the error (its own limits, health checks or a cached error).",
                  "Check the proxy/CDN logs and configuration; purge cached errors.",
                  "Retry later; report which edge answered (the Via and CF-Ray headers)."),
              end("direct-fails", "The origin fails too, silently",
                  "The application fails before its logging (startup, crash, resource exhaustion).",
                  "Check the process manager / container logs and resource limits (memory, file "
                  "descriptors).",
                  "Retry with backoff; report the time and the request to the operators.")}),
    });
}

} // namespace

TroubleshootingFlow classFlow(int cls)
{
    switch (cls) {
    case 1: return informational();
    case 2: return success();
    case 3: return redirects();
    case 4: return clientErrors();
    default: break;
    }
    return serverErrors();
}

} // namespace statusscope::diagnose::flows
