// SPDX-License-Identifier: GPL-3.0-or-later
// Each exchange rule: a positive case (the situation it diagnoses) and a negative case (a
// look-alike it must leave alone), on exchanges shaped as the engine records them.

#include "core/diagnose/exchange_rules.h"
#include "tests/support/test_support.h"
#include "tests/unit/diagnose/recorded_exchanges.h"

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

namespace rec = test::recorded;
using http::ErrorKind;

Findings run(const char *rule, const http::Exchange &x)
{
    return runExchangeRule(QString::fromLatin1(rule), x);
}

TEST(ExchangeRules, TableIdsAreUniqueAndMatchWhatTheyReport)
{
    QStringList ids;
    for (const ExchangeRule &r : exchangeRules()) {
        EXPECT_FALSE(ids.contains(QLatin1String(r.id))) << r.id;
        ids << QLatin1String(r.id);
    }
    EXPECT_EQ(ids.size(), 13);
    // Every rule's findings carry its own id.
    const QList<http::Exchange> all = {rec::expect417Retried(), rec::expectUnknown417(), rec::expectIgnored(),
                                       rec::rejectedAfter100(), rec::rejectedBeforeBody(), rec::cdn500(),
                                       rec::nginx502(), rec::misdirected(true), rec::tooManyRequests("120"),
                                       rec::transportFailure(ErrorKind::Dns, QStringLiteral("could not resolve host down.test: Host not found"))};
    for (const ExchangeRule &r : exchangeRules()) {
        for (const http::Exchange &x : all) {
            for (const Finding &f : r.run(x))
                EXPECT_EQ(f.rule, QLatin1String(r.id));
        }
    }
}

TEST(Expect417, PositiveRetrySucceeded)
{
    const Findings f = run("expect-417", rec::expect417Retried());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].guide, QStringLiteral("417"));
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_EQ(f[0].attempt, 0);
    EXPECT_EQ(f[0].event, 6); // response_headers after dns…headers_sent (0–4) and expect_wait_start (5)
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("3.4 ms"))) << f[0].explanation.toStdString();
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("2.0 MiB"))) << f[0].explanation.toStdString();
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("succeeded with 201"))) << f[0].explanation.toStdString();
    EXPECT_TRUE(f[0].fix.contains(QStringLiteral("-H 'Expect:'")));
}

TEST(Expect417, PositiveRetryFailedOrMissing)
{
    Findings f = run("expect-417", rec::expect417Retried(417));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("got 417 too")));
    f = run("expect-417", rec::expect417NoRetry());
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("No retry")));
}

TEST(Expect417, NegativeUnknownExpectationOrNo417)
{
    EXPECT_TRUE(run("expect-417", rec::expectUnknown417()).isEmpty());
    EXPECT_TRUE(run("expect-417", rec::expectAnswered()).isEmpty());
}

TEST(ExpectUnknown417, Positive)
{
    const Findings f = run("expect-unknown-417", rec::expectUnknown417());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("Expect: 200-ok")));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("This 417 is the final answer")));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("no retry was made")));
    EXPECT_EQ(f[0].guide, QStringLiteral("417"));
}

TEST(ExpectUnknown417, NegativeForA100Continue417)
{
    EXPECT_TRUE(run("expect-unknown-417", rec::expect417Retried()).isEmpty());
}

TEST(ExpectTimeout, PositiveSecondLost)
{
    const Findings f = run("expect-timeout", rec::expectIgnored());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].event, 6); // the expect_timeout event
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("1.00 s lost"))) << f[0].title.toStdString();
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("final response was 200")));
    EXPECT_EQ(f[0].guide, QStringLiteral("100"));
}

TEST(ExpectTimeout, NegativeWhen100Came)
{
    EXPECT_TRUE(run("expect-timeout", rec::expectAnswered()).isEmpty());
    EXPECT_TRUE(run("expect-timeout", rec::expect417Retried()).isEmpty());
}

TEST(RejectedMidUpload, PositiveBytesWasted)
{
    const Findings f = run("rejected-mid-upload", rec::rejectedAfter100());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].guide, QStringLiteral("403"));
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("786432 bytes"))) << f[0].title.toStdString();
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("100 Continue at 2.5 ms")));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("9.8 ms")));
}

TEST(RejectedMidUpload, NegativeEarlyRejectionOrSuccess)
{
    EXPECT_TRUE(run("rejected-mid-upload", rec::rejectedBeforeBody()).isEmpty());
    EXPECT_TRUE(run("rejected-mid-upload", rec::expectAnswered()).isEmpty());
    EXPECT_TRUE(run("rejected-mid-upload", rec::rejected413WithoutExpect()).isEmpty());
}

TEST(RejectedBeforeBody, PositiveFor401403413)
{
    for (int status : {401, 403, 413}) {
        const Findings f = run("rejected-before-body", rec::rejectedBeforeBody(status));
        ASSERT_EQ(f.size(), 1) << status;
        EXPECT_EQ(f[0].severity, Severity::Info);
        EXPECT_EQ(f[0].guide, QString::number(status));
        EXPECT_TRUE(f[0].title.contains(QStringLiteral("saved 2.0 MiB (2097152 bytes)"))) << f[0].title.toStdString();
    }
}

TEST(RejectedBeforeBody, NegativeWithoutExpectOrAfter100)
{
    EXPECT_TRUE(run("rejected-before-body", rec::rejected413WithoutExpect()).isEmpty());
    EXPECT_TRUE(run("rejected-before-body", rec::rejectedAfter100()).isEmpty());
}

TEST(ProxyAnswered5xx, PositiveCloudflareAndVarnish)
{
    Findings f = run("proxy-answered-5xx", rec::cdn500());
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("CF-Ray: 8e1f2a3b4c5d6e7f-AMS")));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("Server: cloudflare")));
    EXPECT_EQ(f[0].guide, QStringLiteral("500"));
    f = run("proxy-answered-5xx", rec::varnish503());
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("Via: 1.1 varnish")));
}

TEST(ProxyAnswered5xx, NegativeOriginOnlyOr502Or4xx)
{
    EXPECT_TRUE(run("proxy-answered-5xx", rec::origin500()).isEmpty());
    EXPECT_TRUE(run("proxy-answered-5xx", rec::cloudFront504()).isEmpty()); // upstream-failure's
    EXPECT_TRUE(run("proxy-answered-5xx", rec::simpleResponse(404, "Not Found", {{"Via", "1.1 varnish"}})).isEmpty());
}

TEST(UpstreamFailure, PositiveCdnAndReverseProxy)
{
    Findings f = run("upstream-failure", rec::cloudFront504());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].guide, QStringLiteral("504"));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("X-Amz-Cf-Id")));
    f = run("upstream-failure", rec::nginx502());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].guide, QStringLiteral("502"));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("reverse proxy")));
}

TEST(UpstreamFailure, NegativeOther5xx)
{
    EXPECT_TRUE(run("upstream-failure", rec::varnish503()).isEmpty());
    EXPECT_TRUE(run("upstream-failure", rec::origin500()).isEmpty());
}

TEST(MisdirectedReused, Positive)
{
    const Findings f = run("misdirected-reused", rec::misdirected(true));
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("192.0.2.10:443")));
    EXPECT_EQ(f[0].guide, QStringLiteral("421"));
}

TEST(MisdirectedReused, NegativeFreshConnection)
{
    EXPECT_TRUE(run("misdirected-reused", rec::misdirected(false)).isEmpty());
}

TEST(RetryAfter, PositiveDeltaSeconds)
{
    const Findings f = run("retry-after", rec::tooManyRequests("120"));
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("in 120 s, at 2026-11-26 10:02:00 UTC"))) << f[0].title.toStdString();
    EXPECT_EQ(f[0].guide, QStringLiteral("429"));
}

TEST(RetryAfter, PositiveHttpDateAnchoredOnDateHeader)
{
    const Findings f = run("retry-after", rec::tooManyRequests("Thu, 26 Nov 2026 10:05:00 GMT"));
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("in 300 s, at 2026-11-26 10:05:00 UTC"))) << f[0].title.toStdString();
    // Without Date, the anchor is when the response came (10:00:00.048).
    const Findings g = run("retry-after", rec::tooManyRequests("Thu, 26 Nov 2026 10:01:00 GMT", false));
    ASSERT_EQ(g.size(), 1);
    EXPECT_TRUE(g[0].title.contains(QStringLiteral("in 59 s"))) << g[0].title.toStdString();
}

TEST(RetryAfter, PositiveInvalidValueIsReported)
{
    const Findings f = run("retry-after", rec::tooManyRequests("soon"));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("invalid")));
}

TEST(RetryAfter, NegativeWithoutHeaderOrOtherStatus)
{
    EXPECT_TRUE(run("retry-after", rec::tooManyRequests({})).isEmpty());
    EXPECT_TRUE(run("retry-after", rec::simpleResponse(500, "Internal Server Error", {{"Retry-After", "30"}})).isEmpty());
}

TEST(RedirectLoop, PositiveSameUrlTwice)
{
    const http::Exchange x = rec::redirectChain({{QStringLiteral("http://loop.test/a"), 302},
                                                {QStringLiteral("https://loop.test/a"), 301},
                                                {QStringLiteral("http://loop.test/a"), 302}});
    const Findings f = run("redirect-loop", x);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].attempt, 2);
    EXPECT_EQ(f[0].guide, QStringLiteral("302"));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("http://loop.test/a → https://loop.test/a → http://loop.test/a")));
}

TEST(RedirectLoop, PositiveMaxRedirects)
{
    const http::Exchange x = rec::redirectChain({{QStringLiteral("http://r.test/1"), 301}, {QStringLiteral("http://r.test/2"), 301}},
                                                "GET", QStringLiteral("maximum (1) redirects followed"));
    const Findings f = run("redirect-loop", x);
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("Too many redirects")));
    EXPECT_EQ(f[0].guide, QStringLiteral("301"));
}

TEST(RedirectLoop, NegativeChainThatEnds)
{
    EXPECT_TRUE(run("redirect-loop", rec::redirectChain({{QStringLiteral("http://r.test/old"), 301},
                                                         {QStringLiteral("http://r.test/new"), 200}})).isEmpty());
    EXPECT_TRUE(run("redirect-loop", rec::expect417Retried()).isEmpty()); // a retry is not a hop
}

TEST(PostToGet, Positive302)
{
    const http::Exchange x = rec::redirectChain({{QStringLiteral("http://form.test/submit"), 302},
                                                {QStringLiteral("http://form.test/thanks"), 200}}, "POST");
    const Findings f = run("post-to-get", x);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].guide, QStringLiteral("302"));
    EXPECT_TRUE(f[0].fix.contains(QStringLiteral("307 or 308")));
}

TEST(PostToGet, NegativeFor307And303)
{
    EXPECT_TRUE(run("post-to-get", rec::redirectChain({{QStringLiteral("http://form.test/submit"), 307},
                                                       {QStringLiteral("http://form.test/v2/submit"), 200}}, "POST")).isEmpty());
    // 303 See Other changes to GET by design (RFC 9110 §15.4.4).
    EXPECT_TRUE(run("post-to-get", rec::redirectChain({{QStringLiteral("http://form.test/submit"), 303},
                                                       {QStringLiteral("http://form.test/thanks"), 200}}, "POST")).isEmpty());
}

TEST(HttpsDowngrade, Positive)
{
    const http::Exchange x = rec::redirectChain({{QStringLiteral("https://bank.test/login"), 301},
                                                {QStringLiteral("http://bank.test/login/"), 200}});
    const Findings f = run("https-downgrade", x);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].severity, Severity::Error);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("http://bank.test/login/")));
}

TEST(HttpsDowngrade, NegativeUpgrade)
{
    EXPECT_TRUE(run("https-downgrade", rec::redirectChain({{QStringLiteral("http://bank.test/login"), 301},
                                                           {QStringLiteral("https://bank.test/login"), 200}})).isEmpty());
}

struct TransportCase
{
    ErrorKind kind;
    const char *message;
    bool tls;
    const char *guide;
};

TEST(TransportError, PositiveEachFailureToItsGuide)
{
    const TransportCase cases[] = {
        {ErrorKind::Dns, "could not resolve host down.test: Host not found", false, "dns-failure"},
        {ErrorKind::Connect, "could not connect to down.test port 8080: 127.0.0.1:8080: Connection refused", false, "connection-refused"},
        {ErrorKind::Protocol, "connection closed: The remote host closed the connection", false, "connection-reset"},
        {ErrorKind::Timeout, "connection not established within 5000 ms", false, "connect-timeout"},
        {ErrorKind::Timeout, "exchange not complete within 30000 ms (maximum time)", true, "read-timeout"},
        {ErrorKind::Tls, "TLS handshake with secure.test failed: Error during SSL handshake: error:0A00042E:SSL routines::tlsv1 alert protocol version", true, "tls-handshake-failure"},
        {ErrorKind::Tls, "certificate verification failed for secure.test: The certificate has expired (subject: CN=secure.test; issuer: CN=R3; expires 2026-01-01T00:00:00Z)", true, "cert-expired"},
        {ErrorKind::Tls, "certificate verification failed for secure.test: The certificate is self-signed, and untrusted", true, "cert-self-signed"},
        {ErrorKind::Tls, "certificate verification failed for secure.test: The host name did not match any of the valid hosts for this certificate", true, "cert-hostname-mismatch"},
        {ErrorKind::Tls, "certificate verification failed for secure.test: The issuer certificate of a locally looked up certificate could not be found", true, "cert-unknown-issuer"},
        {ErrorKind::Protocol, "proxy closed the connection during CONNECT (The remote host closed the connection)", true, "proxy-error"},
    };
    for (const TransportCase &c : cases) {
        const Findings f = run("transport-error", rec::transportFailure(c.kind, QString::fromUtf8(c.message), c.tls));
        ASSERT_EQ(f.size(), 1) << c.message;
        EXPECT_EQ(f[0].guide, QLatin1String(c.guide)) << c.message;
        EXPECT_EQ(f[0].severity, Severity::Error);
        ASSERT_TRUE(f[0].event.has_value());
        EXPECT_TRUE(f[0].explanation.contains(QString::fromUtf8(c.message)));
    }
}

TEST(TransportError, NegativeHttpStatusCancelAndRedirectLimit)
{
    EXPECT_TRUE(run("transport-error", rec::nginx502()).isEmpty()); // a status is not an error
    EXPECT_TRUE(run("transport-error", rec::transportFailure(ErrorKind::Cancelled, QStringLiteral("cancelled"))).isEmpty());
    EXPECT_TRUE(run("transport-error", rec::redirectChain({{QStringLiteral("http://r.test/1"), 301}, {QStringLiteral("http://r.test/2"), 301}},
                                                          "GET", QStringLiteral("maximum (1) redirects followed"))).isEmpty());
}

TEST(DiagnoseExchange, HealthyExchangeHasNoFindings)
{
    EXPECT_TRUE(diagnoseExchange(rec::expectAnswered()).isEmpty());
    EXPECT_TRUE(diagnoseExchange(rec::simpleResponse(200, "OK", {{"Server", "nginx/1.22.1"}})).isEmpty());
}

TEST(DiagnoseExchange, RunsEveryRuleInTableOrder)
{
    const Findings f = diagnoseExchange(rec::cloudFront504());
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].rule, QStringLiteral("upstream-failure"));
}

} // namespace
} // namespace statusscope::diagnose

namespace statusscope::diagnose {
namespace {

TEST(DiagnoseExchange, EmptyOrHalfRecordedExchangesDoNotCrash)
{
    EXPECT_TRUE(diagnoseExchange(http::Exchange{}).isEmpty());
    // An attempt with a response but no events at all (a hand-trimmed file).
    http::Exchange x = test::recorded::rejectedAfter100();
    x.attempts[0].events.clear();
    const Findings f = diagnoseExchange(x);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].rule, QStringLiteral("rejected-mid-upload"));
    EXPECT_FALSE(f[0].event.has_value());
}

} // namespace
} // namespace statusscope::diagnose
