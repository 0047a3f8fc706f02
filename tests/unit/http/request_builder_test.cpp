// SPDX-License-Identifier: GPL-3.0-or-later
// The exact request head on the wire for the Expect rules (RFC 9110 §10.1.1) and header edits.
#include "core/http/request_builder.h"

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

RequestSpec postSpec(qint64 bytes)
{
    RequestSpec s;
    s.method = "POST";
    s.url = QUrl(QStringLiteral("http://example.test:8080/up?x=1"));
    s.body = QByteArray(bytes, 'a');
    return s;
}

TEST(RequestBuilder, AutoExpectFromOneMebibyte)
{
    EXPECT_FALSE(wantsExpect(postSpec(0), kExpectAutoThresholdBytes - 1));
    EXPECT_TRUE(wantsExpect(postSpec(0), kExpectAutoThresholdBytes));
    EXPECT_TRUE(wantsExpect(postSpec(0), -1)) << "unknown length: ask first (curl ≥ 7.69)";
    RequestSpec never = postSpec(0);
    never.expectMode = ExpectMode::Never;
    EXPECT_FALSE(wantsExpect(never, 10 * kExpectAutoThresholdBytes));
    RequestSpec always = postSpec(0);
    always.expectMode = ExpectMode::Always;
    EXPECT_TRUE(wantsExpect(always, 1));
    EXPECT_FALSE(wantsExpect(always, 0)) << "never without content";
    RequestSpec old = always;
    old.version = HttpVersion::Http10;
    EXPECT_FALSE(wantsExpect(old, 1)) << "not with HTTP/1.0";
}

TEST(RequestBuilder, ExactHeadWithExpect)
{
    RequestSpec s = postSpec(0);
    s.expectMode = ExpectMode::Always;
    s.headers.append(Header("X-Trace", "1"));
    BuildOptions o;
    o.bodyBytes = 5;
    const SentRequest r = buildRequest(s, s.url, o);
    EXPECT_TRUE(r.expectSent);
    EXPECT_EQ(serializeHead(r).toStdString(),
              "POST /up?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: statusscope/" STATUSSCOPE_VERSION
              "\r\nAccept: */*\r\nContent-Length: 5\r\nExpect: 100-continue\r\nX-Trace: 1\r\n\r\n");
}

TEST(RequestBuilder, RetryDropsEveryExpectAndUserHeadersReplaceDefaults)
{
    RequestSpec s = postSpec(0);
    s.headers.append(Header("Expect", "something-odd"));
    s.headers.append(Header("User-Agent", "mine"));
    s.removedHeaders.append("accept");
    BuildOptions o;
    o.bodyBytes = 3;
    o.withoutExpect = true;
    const SentRequest r = buildRequest(s, s.url, o);
    EXPECT_FALSE(hasHeader(r.headers, "expect"));
    EXPECT_FALSE(hasHeader(r.headers, "accept"));
    EXPECT_EQ(headerValue(r.headers, "user-agent"), QByteArray("mine"));
    EXPECT_EQ(r.headers.count(Header("User-Agent", "mine")), 1);
}

TEST(RequestBuilder, AbsoluteFormThroughAProxyAndDefaultPorts)
{
    RequestSpec s;
    s.url = QUrl(QStringLiteral("http://example.test/a%20b#frag"));
    BuildOptions o;
    o.absoluteForm = true;
    const SentRequest r = buildRequest(s, s.url, o);
    EXPECT_EQ(r.target, QByteArray("http://example.test/a%20b"));
    EXPECT_EQ(headerValue(r.headers, "host"), QByteArray("example.test"));
    EXPECT_FALSE(hasHeader(r.headers, "content-length"));
    EXPECT_EQ(hostHeaderValue(QUrl(QStringLiteral("https://[::1]:8443/"))), QByteArray("[::1]:8443"));
    EXPECT_EQ(hostHeaderValue(QUrl(QStringLiteral("https://h.test:443/"))), QByteArray("h.test"));
}

TEST(RequestBuilder, BasicAuth)
{
    RequestSpec s;
    s.url = QUrl(QStringLiteral("http://h.test/"));
    s.basicUser = QStringLiteral("user");
    s.basicPassword = QStringLiteral("secret");
    const SentRequest r = buildRequest(s, s.url, {});
    EXPECT_EQ(headerValue(r.headers, "authorization"), QByteArray("Basic dXNlcjpzZWNyZXQ="));
}

} // namespace

// RFC 9110 §10.1.1: only 100-continue may be dropped and retried after a 417.
TEST(ExpectValues, OnlyContinueIsRetryable)
{
    EXPECT_TRUE(expectsOnlyContinue({Header("Expect", "100-continue")}));
    EXPECT_TRUE(expectsOnlyContinue({Header("expect", " 100-Continue ")}));
    EXPECT_TRUE(expectsOnlyContinue({Header("Expect", "100-continue,"), Header("Expect", "100-continue")}));
    EXPECT_FALSE(expectsOnlyContinue({Header("Expect", "something-odd")}));
    EXPECT_FALSE(expectsOnlyContinue({Header("Expect", "100-continue, something-odd")}));
    EXPECT_FALSE(expectsOnlyContinue({Header("Expect", "100-continue"), Header("Expect", "200-ok")}));
    EXPECT_FALSE(expectsOnlyContinue({Header("Expect", "")}));
    EXPECT_FALSE(expectsOnlyContinue({Header("Content-Length", "3")}));
    EXPECT_EQ(expectValues({Header("Expect", " a "), Header("Host", "x"), Header("EXPECT", "b")}), QByteArray("a, b"));
}
