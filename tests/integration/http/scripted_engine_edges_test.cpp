// SPDX-License-Identifier: GPL-3.0-or-later
//
// Engine edges only the scripted server produces on demand: a TCP reset that ends a
// close-delimited body (only an orderly close may end one), an expectation other than
// 100-continue refused with 417 (final, never retried), and a final response that arrives
// together with the 100 Continue, before any body byte went out.
#include "core/http/http_engine.h"
#include "core/http/request_builder.h"
#include "tests/integration/http/scripted_helpers.h"
#include "tests/integration/http/send_outcome.h"
#include "tests/support/scripted_server.h"

#include <QJsonObject>

#include <gtest/gtest.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

const QByteArray kUntilCloseHead = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n";
const QByteArray k417 = "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n";

TEST(ScriptedEdges, ResetDuringACloseDelimitedBodyMarksItIncomplete)
{
    const QByteArray part(3000, 'b');
    ScriptedServer server(replyWith(kUntilCloseHead + part, /*reset=*/true));
    const Exchange x = runExchange(get(server.url()));
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    ASSERT_TRUE(a.response.has_value());
    EXPECT_EQ(a.response->status, 200);
    EXPECT_FALSE(a.response->bodyComplete) << "a reset cannot end a close-delimited body";
    EXPECT_EQ(a.error.kind, ErrorKind::Protocol) << a.error.message.toStdString();
    EXPECT_TRUE(a.error.message.contains(QStringLiteral("reset during a close-delimited body")))
        << a.error.message.toStdString();
    EXPECT_TRUE(part.startsWith(a.response->body)) << "what arrived is kept, and only that";
    EXPECT_TRUE(hasEvent(a, EventType::ConnectionClosed, QStringLiteral("reset")));
    EXPECT_FALSE(hasEvent(a, EventType::ResponseBodyDone));

    // The CLI says the same: exit 7 (protocol), the status kept, the error named.
    ScriptedServer again(replyWith(kUntilCloseHead + part, /*reset=*/true));
    const SendOutcome o = runSend({again.url()});
    EXPECT_EQ(o.process.exitCode, 7) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.last.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
    EXPECT_EQ(o.last.value(QStringLiteral("error")).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("protocol"));
}

TEST(ScriptedEdges, AnOrderlyCloseStillEndsACloseDelimitedBody)
{
    const QByteArray body(3000, 'b');
    ScriptedServer server(replyWith(kUntilCloseHead + body, /*reset=*/false));
    const Exchange x = runExchange(get(server.url()));
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    EXPECT_FALSE(a.error.isError()) << a.error.message.toStdString();
    ASSERT_TRUE(a.response.has_value());
    EXPECT_TRUE(a.response->bodyComplete);
    EXPECT_EQ(a.response->body, body);
    EXPECT_FALSE(hasEvent(a, EventType::ConnectionClosed, QStringLiteral("reset")));
}

TEST(ScriptedEdges, ResetAfterAContentLengthBodyKeepsTheCompleteResponse)
{
    ScriptedServer server(replyWith(kOk, /*reset=*/true));
    const Exchange x = runExchange(get(server.url()));
    ASSERT_EQ(x.attempts.size(), 1);
    EXPECT_FALSE(x.attempts[0].error.isError()) << x.attempts[0].error.message.toStdString();
    ASSERT_TRUE(x.attempts[0].response.has_value());
    EXPECT_TRUE(x.attempts[0].response->bodyComplete) << "the framing had already ended the body";
    EXPECT_EQ(x.attempts[0].response->body, QByteArray("ok"));
}

// RFC 9110 §10.1.1: only 100-continue may be dropped and retried; any other expectation's 417
// is the answer the user asked to see.
TEST(ScriptedEdges, UnknownExpectation417IsFinal)
{
    ScriptedServer server(answerThenWait(k417));
    RequestSpec s = post(server.url(QStringLiteral("/up")), 10);
    s.headers.append(Header("Expect", "something-odd"));
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 1) << "no retry without the user's header";
    EXPECT_EQ(x.finalStatus(), 417);
    EXPECT_EQ(x.attempts[0].request.bodySentBytes, 10) << "not a 100-continue: the body goes at once";
    EXPECT_TRUE(hasEvent(x.attempts[0], EventType::Finding, QStringLiteral("417 for Expect: something-odd: final")));
    EXPECT_FALSE(x.attempts[0].error.isError());
    EXPECT_EQ(server.received().count("POST /up HTTP/1.1"), 1);
}

TEST(ScriptedEdges, A417ToContinueMixedWithAnotherExpectationIsFinal)
{
    ScriptedServer server(answerThenWait(k417));
    RequestSpec s = post(server.url(QStringLiteral("/up")), 10);
    s.headers.append(Header("Expect", "100-continue, something-odd"));
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 1);
    EXPECT_EQ(x.finalStatus(), 417);
}

// The final response comes in the same read as the 100 Continue: the body was queued but not
// one byte of it left, so there is no upload phase, the body counts as not sent, and the
// connection (on which the server may still wait for that body) is not reused.
TEST(ScriptedEdges, FinalRightAfter100BeforeAnyBodyByte)
{
    ScriptedServer server(answerThenWait("HTTP/1.1 100 Continue\r\n\r\n" + kOk, 3000));
    RequestSpec s = post(server.url(QStringLiteral("/ret")), 2 * 1024 * 1024);
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    EXPECT_EQ(x.finalStatus(), 200);
    EXPECT_EQ(a.interim.size(), 1);
    EXPECT_EQ(a.request.bodySentBytes, 0);
    EXPECT_FALSE(a.bodySent());
    EXPECT_FALSE(hasEvent(a, EventType::BodySendStart));
    EXPECT_FALSE(hasEvent(a, EventType::BodySent));
    EXPECT_TRUE(hasEvent(a, EventType::Finding, QStringLiteral("before any body byte was sent")));
    EXPECT_TRUE(hasEvent(a, EventType::ConnectionClosed, QStringLiteral("closed by us")));
    const Timings t = deriveTimings(a);
    EXPECT_FALSE(t.upload.has_value()) << "no upload phase when nothing was uploaded";
    EXPECT_TRUE(t.wait100.has_value());
    EXPECT_TRUE(t.ttfb.has_value());
    // Nothing of the body reached the server.
    EXPECT_EQ(server.received(), serializeHead(a.request));
}

} // namespace
