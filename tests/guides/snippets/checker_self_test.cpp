// SPDX-License-Identifier: GPL-3.0-or-later
// The checkers themselves: each passes a block that its tool accepts and fails one it rejects,
// with the guide's line in the message — so a green guides run means the tools really ran.
#include "tests/guides/snippets/snippet_check.h"

#include <gtest/gtest.h>

#include <string>

using namespace statusscope;
using namespace statusscope::test;

namespace {

GuideBlock block(const char *language, const char *text, QMap<QString, QString> attributes = {})
{
    GuideCodeBlock b;
    b.language = QString::fromLatin1(language);
    b.text = QString::fromUtf8(text);
    b.attributes = attributes;
    b.line = 100; // the fence; the block's first line is 101
    return {QStringLiteral("resources/guides/999.md"), b};
}

CheckOutcome check(const GuideBlock &b)
{
    const Checker c = checkerFor(b.block.language);
    EXPECT_NE(c, nullptr) << b.block.language.toStdString();
    return c ? c(b) : CheckOutcome{Verdict::Failed, {}, QStringLiteral("no checker")};
}

::testing::AssertionResult passes(const GuideBlock &b)
{
    const CheckOutcome o = check(b);
    if (o.verdict == Verdict::Passed)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << describeFailure(b, o).toStdString();
}

// Fails, and the message has `needle` in it.
::testing::AssertionResult failsWith(const GuideBlock &b, const char *needle)
{
    const CheckOutcome o = check(b);
    if (o.verdict == Verdict::Passed)
        return ::testing::AssertionFailure() << "passed, expected a failure with '" << needle << "'";
    if (!o.message.contains(QString::fromUtf8(needle)))
        return ::testing::AssertionFailure() << "message lacks '" << needle << "': " << o.message.toStdString();
    return ::testing::AssertionSuccess();
}

const QString kContext = QStringLiteral("context");
const QString kModules = QStringLiteral("modules");

TEST(SnippetCheckers, NginxPlacesTheBlockInItsContextAndNamesTheGuideLine)
{
    EXPECT_TRUE(passes(block("nginx", "location /upload/ {\n    client_max_body_size 200m;\n}", {{kContext, QStringLiteral("server")}})));
    // The same block where the default (http) context puts it is wrong, as it would be in a real config.
    EXPECT_TRUE(failsWith(block("nginx", "location /upload/ {\n    client_max_body_size 200m;\n}"),
                          "\"location\" directive is not allowed here in resources/guides/999.md:101"));
    // The review's broken geoip2 line, with the module loaded and the database path pointed at the
    // checker's own database: nginx -t rejects the line itself, and accepts the corrected one.
    EXPECT_TRUE(failsWith(block("nginx", "geoip2 /usr/share/GeoIP/GeoLite2-Country.mmdb {\n"
                                         "    $geo_country iso_code=country iso_code;\n}",
                                {{kModules, QStringLiteral("geoip2")}}),
                          "invalid setting \"iso_code=country\" for \"$geo_country\" in resources/guides/999.md:102"));
    EXPECT_TRUE(passes(block("nginx", "geoip2 /usr/share/GeoIP/GeoLite2-Country.mmdb {\n"
                                      "    $geo_country country iso_code;\n}",
                             {{kModules, QStringLiteral("geoip2")}})));
    EXPECT_TRUE(failsWith(block("nginx", "more_clear_headers Server;", {{kContext, QStringLiteral("server")}}),
                          "unknown directive \"more_clear_headers\""));
    EXPECT_TRUE(passes(block("nginx", "more_clear_headers Server;",
                             {{kContext, QStringLiteral("server")}, {kModules, QStringLiteral("headers-more")}})));
    EXPECT_TRUE(failsWith(block("nginx", "x", {{kModules, QStringLiteral("no-such-module")}}),
                          "no Debian nginx module package provides it"));
    // Certificate paths are pointed at the checker's own pair; a listen ssl without one fails.
    EXPECT_TRUE(passes(block("nginx", "listen 127.0.0.1:8443 ssl;\nssl_certificate /etc/ssl/certs/example.pem;\n"
                                      "ssl_certificate_key /etc/ssl/private/example.key;",
                             {{kContext, QStringLiteral("server")}})));
    // A revocation list is the reader's file too: ssl_crl is pointed at one signed by that pair,
    // and nginx -t still fails on a file it cannot read elsewhere (an include).
    EXPECT_TRUE(passes(block("nginx", "listen 127.0.0.1:8443 ssl;\nssl_certificate /etc/ssl/certs/example.pem;\n"
                                      "ssl_certificate_key /etc/ssl/private/example.key;\n"
                                      "ssl_client_certificate /etc/ssl/certs/client-ca.pem;\nssl_verify_client on;\n"
                                      "ssl_crl /etc/nginx/tls/client-ca.crl;",
                             {{kContext, QStringLiteral("server")}})));
    EXPECT_TRUE(failsWith(block("nginx", "include /etc/nginx/tls/client-ca.conf;", {{kContext, QStringLiteral("server")}}),
                          "client-ca.conf"));
    EXPECT_TRUE(passes(block("nginx", "server 127.0.0.1:8080;\nkeepalive 16;", {{kContext, QStringLiteral("upstream")}})));
    EXPECT_TRUE(passes(block("nginx", "server {\n    listen 127.0.0.1:9000;\n    proxy_pass 127.0.0.1:9001;\n}",
                             {{kContext, QStringLiteral("stream")}})));
}

TEST(SnippetCheckers, ApacheLoadsTheNamedModulesAndChecksHtaccessInADirectory)
{
    EXPECT_TRUE(passes(block("apache", "Proxy100Continue Off\nProxyPass \"/\" \"http://127.0.0.1:8080/\"",
                             {{kModules, QStringLiteral("proxy_http")}})));
    EXPECT_TRUE(failsWith(block("apache", "Proxy100Continue Off"), "Invalid command 'Proxy100Continue'"));
    EXPECT_TRUE(failsWith(block("apache", "Header set X-A b\nHeader bogus X-A", {{kModules, QStringLiteral("headers")}}),
                          "resources/guides/999.md:102"));
    EXPECT_TRUE(passes(block("apache", "RewriteEngine On\nRewriteRule ^old$ /new [R=308,L]",
                             {{kContext, QStringLiteral("htaccess")}, {kModules, QStringLiteral("rewrite")}})));
    EXPECT_TRUE(failsWith(block("apache", "Listen 127.0.0.1:9999", {{kContext, QStringLiteral("htaccess")}}),
                          "Listen not allowed in <Directory> context"));
    EXPECT_TRUE(failsWith(block("apache", "x", {{kModules, QStringLiteral("nonesuch")}}), "mods-available/nonesuch.load"));
}

TEST(SnippetCheckers, HaproxySquidAndLighttpd)
{
    EXPECT_TRUE(passes(block("haproxy", "backend app\n    server s1 127.0.0.1:8080 check")));
    EXPECT_TRUE(failsWith(block("haproxy", "    timeout tunnel 1h\n    bogus-keyword on", {{kContext, QStringLiteral("backend")}}),
                          "resources/guides/999.md:102"));
    // The review's Squid snippet: the directive was removed in Squid 3.2.
    EXPECT_TRUE(failsWith(block("squid", "ignore_expect_100 on"), "ignore_expect_100"));
    EXPECT_TRUE(passes(block("squid", "acl office src 192.0.2.0/24\nhttp_access allow office")));
    EXPECT_TRUE(passes(block("lighttpd", "server.max-request-size = 65536")));
    EXPECT_TRUE(failsWith(block("lighttpd", "server.no-such-option = 1"), "no-such-option"));
}

TEST(SnippetCheckers, CodeLanguages)
{
    EXPECT_TRUE(passes(block("python", "import requests\n\nprint(requests.get('http://127.0.0.1/').status_code)")));
    EXPECT_TRUE(failsWith(block("python", "r = requests.get('http://127.0.0.1/')\nprint(r)"),
                          "resources/guides/999.md:101:5: undefined name 'requests'"));
    EXPECT_TRUE(failsWith(block("python", "def f(:\n    pass"), "resources/guides/999.md:101"));
    EXPECT_TRUE(passes(block("javascript", "const x = 1;\nconsole.log(x);")));
    EXPECT_TRUE(failsWith(block("javascript", "const x = ;"), "resources/guides/999.md:101"));
    EXPECT_TRUE(passes(block("javascript", "import http from 'node:http';\nexport default http;")));
    EXPECT_TRUE(passes(block("bash", "curl -sS -o /dev/null -w '%{http_code}\\n' \"$URL\"")));
    EXPECT_TRUE(failsWith(block("bash", "cd /srv/app\nfor f in $(ls *.log); do echo \"$f\"; done"), "SC2045"));
    EXPECT_TRUE(failsWith(block("bash", "if true; then\necho x"), "syntax error"));
    EXPECT_TRUE(passes(block("php", "header('HTTP/1.1 410 Gone');")));
    EXPECT_TRUE(failsWith(block("php", "<?php\nheader('x')\nexit;"), "resources/guides/999.md:10"));
    EXPECT_TRUE(passes(block("ruby", "puts 1")));
    EXPECT_TRUE(failsWith(block("ruby", "def x\n"), "syntax error"));
    EXPECT_TRUE(passes(block("perl", "my $x = 1;\nprint $x;")));
    EXPECT_TRUE(failsWith(block("perl", "my $x = ;"), "syntax error"));
    EXPECT_TRUE(passes(block("go", "package main\n\nfunc main() {}")));
    EXPECT_TRUE(failsWith(block("go", "package main\n\nfunc main() {"), "resources/guides/999.md:10"));
}

TEST(SnippetCheckers, DataFormats)
{
    EXPECT_TRUE(passes(block("json", "{\"a\": [1, 2]}")));
    EXPECT_TRUE(failsWith(block("json", "{\n  \"a\": 1,\n}"), "resources/guides/999.md:103"));
    EXPECT_TRUE(passes(block("yaml", "a:\n  - 1\n  - 2")));
    EXPECT_TRUE(failsWith(block("yaml", "a: [1, 2\nb: 3"), "resources/guides/999.md:10"));
    EXPECT_TRUE(passes(block("ini", "[PHP]\nupload_max_filesize = 64M")));
    EXPECT_TRUE(failsWith(block("ini", "upload_max_filesize = 64M"), "resources/guides/999.md:101: a setting before any [section]"));
    EXPECT_TRUE(passes(block("xml", "<configuration>\n  <system.webServer/>\n</configuration>")));
    EXPECT_TRUE(failsWith(block("xml", "<a>\n<b>\n</a>"), "resources/guides/999.md:103"));
    EXPECT_TRUE(passes(block("html", "<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>x</p></body></html>")));
    EXPECT_TRUE(failsWith(block("html", "<html><body><p>x</b></body></html>"), "error"));
}

TEST(SnippetCheckers, HttpResponsesGoThroughTheResponseParser)
{
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 5\n\nhello")));
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 200 OK\nContent-Length: 5000")));              // head only
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 200 OK\nContent-Length: 5000\n\n<html>\n…")));  // elided body
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 100 Continue\n\nHTTP/1.1 201 Created\nContent-Length: 0\n")));
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\nhello\n0\n")));
    EXPECT_TRUE(passes(block("http", "HTTP/1.1 304 Not Modified\nETag: \"a\"")));
    EXPECT_TRUE(failsWith(block("http", "HTTP/1.1 200 OK\nContent-Length: 50\n\nhello"),
                          "Content-Length is 50 but the body shown is 5 bytes"));
    // "a\nb" is 3 bytes shown with LF line ends, 4 with CRLF; 4 or 6 with the line end the fence
    // took. Any other length fails.
    for (const char *length : {"3", "4", "6"})
        EXPECT_TRUE(passes(block("http", (std::string("HTTP/1.1 200 OK\nContent-Length: ") + length + "\n\na\nb").c_str())))
            << length;
    for (const char *length : {"2", "5", "7"})
        EXPECT_TRUE(failsWith(block("http", (std::string("HTTP/1.1 200 OK\nContent-Length: ") + length + "\n\na\nb").c_str()),
                              "(4 with CRLF line ends"))
            << length;
    EXPECT_TRUE(failsWith(block("http", "HTTP/1.1 204 No Content\n\nbody"), "has no body"));
    EXPECT_TRUE(failsWith(block("http", "HTTP/2 200\ncontent-type: text/html"), "resources/guides/999.md:101"));
    EXPECT_TRUE(failsWith(block("http", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\nhello"), "chunked body"));
}

TEST(SnippetCheckers, WrapperInsertsTheBlockAndMapsLinesBack)
{
    GuideBlock b = block("javascript", "app.get('/x', (req, res) => res.send('ok'));",
                         {{QStringLiteral("wrap"), QStringLiteral("no-such-wrapper.js")}});
    EXPECT_TRUE(failsWith(b, "wrap=no-such-wrapper.js but there is no resources/guides/wrappers/no-such-wrapper.js"));
}

TEST(SnippetCheckers, LanguagesWithoutACheckerAreKnown)
{
    EXPECT_EQ(checkerFor(QStringLiteral("csharp")), nullptr);
    EXPECT_TRUE(isUncheckedLanguage(QStringLiteral("csharp")));
    EXPECT_TRUE(isUncheckedLanguage(QStringLiteral("powershell")));
    EXPECT_FALSE(isUncheckedLanguage(QStringLiteral("cobol")));
    EXPECT_EQ(checkerFor(QStringLiteral("cobol")), nullptr);
    EXPECT_TRUE(isOutputSample(QStringLiteral("text")));
    EXPECT_EQ(checkerName(QStringLiteral("sh")), QStringLiteral("bash"));
}

} // namespace
