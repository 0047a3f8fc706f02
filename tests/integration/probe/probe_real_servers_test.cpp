// SPDX-License-Identifier: GPL-3.0-or-later
// The Expect battery against real servers started on loopback: nginx, Apache httpd, Node's
// http server (default, and with a 'checkExpectation' handler answering 417), Python's
// http.server, and nginx as the proxy in front of Python. Each expected table was written from
// the server's documented (or, where the documentation is silent, its source's) behaviour
// before the battery was first run against it; the comments give the source.
#include "tests/integration/probe/probe_expectations.h"
#include "tests/support/apache_server.h"
#include "tests/support/nginx_server.h"
#include "tests/support/node_server.h"
#include "tests/support/python_server.h"

#include <iostream>

using namespace statusscope;
using namespace statusscope::probe;
using namespace statusscope::test;

namespace {

ProbeReport probeOf(const QString &url, const QString &proxy = {})
{
    ProbeOptions o;
    o.url = QUrl(url);
    if (!proxy.isEmpty())
        o.proxy = QUrl(proxy);
    const ProbeReport report = runProbe(o);
    std::cout << "probe " << url.toStdString() << (proxy.isEmpty() ? "" : " via " + proxy.toStdString()) << "\n"
              << tableOf(report).toStdString();
    return report;
}

TEST(ProbeRealServers, Nginx)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    // /small: client_max_body_size 1k, body proxied to /sink (request buffering on).
    // Conforming, with the source:
    // - continue_small: nginx sends "100 Continue" when it starts reading a body
    //   (ngx_http_read_client_request_body → ngx_http_test_expect): the 512-byte body is read,
    //   then 200.
    // - early_final: client_max_body_size: "If the size in a request exceeds the configured
    //   value, the 413 (Request Entity Too Large) error is returned" — decided from
    //   Content-Length when the location is chosen, before any 100: the 2 MiB upload is saved.
    // - unknown_expectation: ngx_http_test_expect looks only for "100-continue"; other values
    //   are ignored.
    // - http10: ngx_http_test_expect skips requests below HTTP/1.1.
    // - after_early_final: ngx_http_special_response_handler turns keepalive off for 413:
    //   Connection: close.
    const Expected expected = conformingExcept({
        // The expect test runs before the Content-Length check when the body is read, so nginx
        // sends 100 even for Content-Length: 0 (allowed: a server MAY omit it, need not).
        {CheckId::NoBody, Verdict::Allowed},
    });
    const ProbeReport report = probeOf(nginx.url(QStringLiteral("/small")));
    expectVerdicts(report, Route::Direct, expected);
    const CheckResult *early = resultOf(report, CheckId::EarlyFinal);
    ASSERT_NE(early, nullptr);
    EXPECT_EQ(early->status, 413);
    EXPECT_FALSE(early->bodySent);
    EXPECT_EQ(resultOf(report, CheckId::ContinueSmall)->interim, QList<int>{100});
    EXPECT_TRUE(report.summary.startsWith(QStringLiteral("origin sends 100 Continue after"))) << report.summary.toStdString();
}

TEST(ProbeRealServers, Apache)
{
    ApacheServer apache;
    ASSERT_TRUE(apache.start()) << apache.error().toStdString();
    // /small: a CGI script that reads stdin, LimitRequestBody 1024.
    // Conforming, with the source:
    // - continue_small: httpd sends 100 Continue when the handler first reads the body
    //   (ap_http_filter).
    // - early_final: LimitRequestBody: "If the client request exceeds that limit, the server
    //   will return an error response instead of servicing the request" — the Content-Length is
    //   compared before the 100 would be sent: 413 before the body.
    // - no_body: no content to read (Content-Length: 0): the filter never sends the 100.
    // - http10: the 100 is only sent to HTTP/1.1 requests (r->proto_num >= 1.1).
    // - after_early_final: 413 is a status that drops the connection
    //   (ap_status_drops_connection): Connection: close.
    const Expected expected = conformingExcept({
        // ap_read_request answers an Expect other than 100-continue with 417.
        {CheckId::UnknownExpectation, Verdict::Allowed},
    });
    const ProbeReport report = probeOf(apache.url(QStringLiteral("/small")));
    expectVerdicts(report, Route::Direct, expected);
    EXPECT_EQ(resultOf(report, CheckId::UnknownExpectation)->status, 417);
    EXPECT_EQ(resultOf(report, CheckId::EarlyFinal)->status, 413);
}

// Node's documentation, http.Server: 'checkContinue' — "If this event is not listened for, the
// server will automatically respond with a 100 Continue as appropriate"; 'checkExpectation' —
// "Emitted each time a request with an HTTP Expect header is received, where the value is not
// 100-continue. If this event is not listened for, the server will automatically respond with a
// 417 Expectation Failed as appropriate." Node honours Expect only on HTTP/1.1 requests, and
// answers 100 without looking at the framing (lib/_http_server.js). Our handler reads the body.
Expected nodeExpected()
{
    // early_final conforms: no body limit, so 100, the 2 MiB body, 200.
    return conformingExcept({
        {CheckId::UnknownExpectation, Verdict::Allowed},
        // 100 even though Content-Length is 0.
        {CheckId::NoBody, Verdict::Allowed},
        // It never answers before the body, so there is no early final to follow.
        {CheckId::AfterEarlyFinal, Verdict::Inconclusive},
    });
}

TEST(ProbeRealServers, NodeDefault)
{
    NodeServer node;
    ASSERT_TRUE(node.start()) << node.error().toStdString();
    const ProbeReport report = probeOf(node.url(QStringLiteral("/upload")));
    expectVerdicts(report, Route::Direct, nodeExpected());
    EXPECT_EQ(resultOf(report, CheckId::UnknownExpectation)->status, 417);
    EXPECT_EQ(resultOf(report, CheckId::EarlyFinal)->interim, QList<int>{100});
    EXPECT_TRUE(resultOf(report, CheckId::EarlyFinal)->bodySent);
}

TEST(ProbeRealServers, NodeCheckExpectationAnswers417)
{
    NodeServer node(NodeServer::Kind::Answer417ToExpectation);
    ASSERT_TRUE(node.start()) << node.error().toStdString();
    const ProbeReport report = probeOf(node.url(QStringLiteral("/upload")));
    // The handler only sees Expect values other than 100-continue: the same table as the
    // default server, with our handler's 417 (its body names the expectation).
    expectVerdicts(report, Route::Direct, nodeExpected());
    const CheckResult *unknown = resultOf(report, CheckId::UnknownExpectation);
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->status, 417);
    ASSERT_FALSE(unknown->observation.exchange.attempts.isEmpty());
    ASSERT_TRUE(unknown->observation.exchange.attempts.first().response.has_value());
    EXPECT_EQ(unknown->observation.exchange.attempts.first().response->body,
              QByteArray("cannot meet Expect: x-statusscope-probe\n"));
}

// Python's http.server: BaseHTTPRequestHandler.protocol_version "Defaults to 'HTTP/1.0'", and
// handle_expect_100 ("When an HTTP/1.1 conformant server receives an Expect: 100-continue
// request header it responds back with a 100 Continue") is only called when protocol_version
// is HTTP/1.1 or later: this server ignores Expect entirely and answers as HTTP/1.0.
Expected pythonExpected()
{
    return conformingExcept({
        // No 100: the client waits out its 1 s, then sends the body; an HTTP/1.0 server has
        // no 100 Continue, which RFC 9110 §10.1.1 tells clients to expect.
        {CheckId::ContinueSmall, Verdict::Allowed},
        {CheckId::EarlyFinal, Verdict::Allowed},
        {CheckId::AfterEarlyFinal, Verdict::Inconclusive},
    });
}

TEST(ProbeRealServers, PythonHttpServerIgnoresExpect)
{
    PythonHttpServer python;
    ASSERT_TRUE(python.start()) << python.error().toStdString();
    const ProbeReport report = probeOf(python.url(QStringLiteral("/upload")));
    expectVerdicts(report, Route::Direct, pythonExpected());
    const CheckResult *small = resultOf(report, CheckId::ContinueSmall);
    ASSERT_NE(small, nullptr);
    EXPECT_TRUE(small->interim.isEmpty());
    EXPECT_TRUE(small->bodySent);
    std::optional<double> wait100;
    for (const auto &[name, value] : small->timingsMs) {
        if (name == QLatin1String("wait_100"))
            wait100 = value;
    }
    ASSERT_TRUE(wait100.has_value());
    EXPECT_GE(*wait100, 950.0) << "the client waited out its 1 s for the 100 that never came";
    EXPECT_TRUE(report.summary.contains(QStringLiteral("sends no 100 Continue"))) << report.summary.toStdString();
}

TEST(ProbeRealServers, NginxProxyInFrontOfPythonAnswersExpectItself)
{
    PythonHttpServer python;
    ASSERT_TRUE(python.start()) << python.error().toStdString();
    NginxServer proxy;
    ASSERT_TRUE(proxy.startProxyTo(python.port())) << proxy.error().toStdString();
    const ProbeReport report = probeOf(python.url(QStringLiteral("/upload")), proxy.url(QString()));
    ASSERT_EQ(report.checks.size(), 16);
    // Direct: Python as above. Via nginx (proxy_pass with its defaults): nginx reads the body
    // itself, sending the 100 (ngx_http_test_expect), and drops Expect towards the origin (the
    // proxy module sets "Expect" to ""); its default client_max_body_size is 1m, so the 2 MiB
    // body gets nginx's own 413 before it, with Connection: close.
    expectVerdicts(report, Route::Direct, pythonExpected());
    expectVerdicts(report, Route::Proxy, conformingExcept({{CheckId::NoBody, Verdict::Allowed}}));
    EXPECT_EQ(resultOf(report, CheckId::EarlyFinal, Route::Proxy)->status, 413);
    EXPECT_TRUE(report.summary.contains(QStringLiteral("the proxy changes: continue_small"))) << report.summary.toStdString();
}

} // namespace
