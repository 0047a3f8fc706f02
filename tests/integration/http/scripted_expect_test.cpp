// SPDX-License-Identifier: GPL-3.0-or-later
// The 100-continue and 417 paths against the scripted server: retries on the same or a new
// connection, a server that never answers 100, a final status mid-upload, 1xx of every kind.
#include "core/http/http_engine.h"
#include "core/http/request_builder.h"
#include "core/http/response_parser.h"
#include "tests/integration/http/scripted_helpers.h"
#include "tests/integration/http/send_outcome.h"
#include "tests/support/scripted_server.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

// A server that answers before the body and keeps the connection may still read the announced
// body from it (nginx does), so the retry goes on a new connection, and the body once.
TEST(Scripted, Expect417BeforeTheBodyRetriesOnANewConnection)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray first = peer.readHead();
        if (!first.contains("Expect: 100-continue"))
            return;
        peer.write("HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n");
        if (!peer.waitForClientClose(2000) || !peer.accept())
            return;
        const QByteArray second = peer.readHead();
        peer.readBytes(contentLength(second));
        peer.write(kOk);
        peer.waitForClientClose(2000);
    });
    const Exchange x = runExchange(post(server.url(QStringLiteral("/up")), 2 * 1024 * 1024));
    ASSERT_EQ(x.attempts.size(), 2);
    EXPECT_EQ(x.attempts[0].response->status, 417);
    EXPECT_FALSE(x.attempts[0].bodySent());
    EXPECT_TRUE(hasEvent(x.attempts[0], EventType::ConnectionClosed, QStringLiteral("closed by us")));
    EXPECT_EQ(x.attempts[1].reason, AttemptReason::RetryWithoutExpect);
    EXPECT_FALSE(x.attempts[1].connection.reused) << "the early 417 left the announced body owed on that connection";
    EXPECT_FALSE(hasHeader(x.attempts[1].request.headers, "expect"));
    EXPECT_EQ(x.attempts[1].request.bodySentBytes, 2 * 1024 * 1024);
    EXPECT_EQ(x.finalStatus(), 200);
    EXPECT_EQ(server.connections(), 2);
    // The wire: the first head, then the second head followed by the body, once.
    const QByteArray wire = server.received();
    EXPECT_EQ(wire.count("POST /up HTTP/1.1"), 2);
    EXPECT_TRUE(wire == serializeHead(x.attempts[0].request) + serializeHead(x.attempts[1].request)
                           + QByteArray(2 * 1024 * 1024, 'x'))
        << "exact bytes on the wire: head, retry head, body once (" << wire.size() << " bytes)";
    EXPECT_EQ(x.attempts[1].error.kind, ErrorKind::None);
}

TEST(Scripted, Late417AfterPartOfTheBodyReconnects)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(64 * 1024);
        peer.write("HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n");
        peer.sleepMs(100);
        peer.reset();
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        peer.readBytes(contentLength(head));
        peer.write(kOk);
        peer.waitForClientClose(2000);
    });
    const Exchange x = runExchange(post(server.url(), 8 * 1024 * 1024));
    ASSERT_EQ(x.attempts.size(), 2) << x.error().message.toStdString();
    EXPECT_TRUE(x.attempts[0].bodySent());
    EXPECT_FALSE(x.attempts[1].connection.reused);
    EXPECT_EQ(x.finalStatus(), 200);
    EXPECT_EQ(server.connections(), 2);
}

TEST(Scripted, Never100TheBodyGoesAfterTheTimeout)
{
    ScriptedServer server(continueThenOk(QByteArray()) /* never a 100 */);
    const Exchange x = runExchange(post(server.url(), 2 * 1024 * 1024));
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    EXPECT_TRUE(hasEvent(a, EventType::ExpectTimeout));
    const Timings t = deriveTimings(a);
    ASSERT_TRUE(t.wait100.has_value());
    EXPECT_GE(*t.wait100, 950.0);
    EXPECT_LE(*t.wait100, 1500.0);
    EXPECT_EQ(a.request.bodySentBytes, 2 * 1024 * 1024);
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST(Scripted, Continue100Then413MidUpload)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(256 * 1024);
        peer.write("HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbig!");
        peer.sleepMs(200);
        peer.close();
    });
    const qint64 total = 16 * 1024 * 1024;
    const Exchange x = runExchange(post(server.url(), total));
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    EXPECT_EQ(x.finalStatus(), 413);
    EXPECT_EQ(a.interim.size(), 1);
    EXPECT_TRUE(a.bodySent());
    EXPECT_LT(a.request.bodySentBytes, total);
    EXPECT_TRUE(hasEvent(a, EventType::Finding, QStringLiteral("during the upload")));
    EXPECT_FALSE(a.error.isError()) << a.error.message.toStdString();
}

TEST(Scripted, Processing102AndEarlyHints103BeforeTheFinal)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 102 Processing\r\n\r\n");
        peer.sleepMs(50);
        peer.write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n\r\n");
        peer.sleepMs(50);
        peer.write(kOk);
        peer.waitForClientClose(2000);
    });
    const Exchange x = runExchange(get(server.url()));
    const Attempt &a = x.attempts[0];
    ASSERT_EQ(a.interim.size(), 2);
    EXPECT_EQ(a.interim[0].status, 102);
    EXPECT_EQ(a.interim[1].status, 103);
    EXPECT_EQ(headerValue(a.interim[1].headers, "link").value_or(QByteArray()), QByteArray("</style.css>; rel=preload; as=style"));
    EXPECT_LT(a.interim[0].tNs, a.interim[1].tNs);
    EXPECT_LT(a.interim[1].tNs, a.response->tNs);
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST(Scripted, A100CarryingHeaders)
{
    ScriptedServer server(continueThenOk("HTTP/1.1 100 Continue\r\nX-Upload-Id: 42\r\n\r\n"));
    const Exchange x = runExchange(post(server.url(), 2 * 1024 * 1024));
    const Attempt &a = x.attempts[0];
    ASSERT_EQ(a.interim.size(), 1);
    EXPECT_EQ(headerValue(a.interim[0].headers, "x-upload-id").value_or(QByteArray()), QByteArray("42"));
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST(Scripted, Unsolicited100ToAGet)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 100 Continue\r\n\r\n" + kOk);
        peer.waitForClientClose(2000);
    });
    const Exchange x = runExchange(get(server.url()));
    const Attempt &a = x.attempts[0];
    EXPECT_EQ(a.interim.size(), 1);
    EXPECT_TRUE(hasEvent(a, EventType::Finding, QStringLiteral("unsolicited 100")));
    EXPECT_EQ(x.finalStatus(), 200);
}

// A server that sends `reply` to any request and then closes.

// RFC 9112 §9.3.1: a kept-alive connection may be closed by the server just as it is reused
// (here for a redirect to the same origin): that attempt is recorded as failed and repeated
// once on a new connection.
TEST(Scripted, ReusedConnectionClosedBeforeTheNextAnswerReconnectsOnce)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 301 Moved Permanently\r\nLocation: /there\r\nContent-Length: 0\r\n\r\n");
        peer.readHead(); // the redirected request arrives on the kept-alive connection…
        peer.close();    // …and the server closes it without a word (a keep-alive race)
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.waitForClientClose(2000);
    });
    RequestSpec s = get(server.url(QStringLiteral("/here")));
    s.followRedirects = true;
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 3) << x.error().message.toStdString();
    EXPECT_TRUE(x.attempts[1].connection.reused);
    EXPECT_EQ(x.attempts[1].error.kind, ErrorKind::Protocol);
    EXPECT_TRUE(x.attempts[1].error.message.contains(QStringLiteral("reused connection")));
    EXPECT_EQ(x.attempts[2].reason, AttemptReason::Redirect);
    EXPECT_FALSE(x.attempts[2].connection.reused);
    EXPECT_EQ(x.finalStatus(), 200);
    EXPECT_FALSE(x.error().isError());
    EXPECT_EQ(server.connections(), 2);
}

} // namespace
