// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's hooks for watching a server between requests (RequestSpec::keepConnection,
// reconnectStale, bytesAfterExchange): what the Expect probe builds on, against the scripted
// server.
#include "core/http/http_engine.h"
#include "tests/integration/http/scripted_helpers.h"
#include "tests/support/scripted_server.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

Exchange runOn(HttpEngine &engine, const RequestSpec &spec)
{
    QEventLoop loop;
    const QMetaObject::Connection c = QObject::connect(&engine, &HttpEngine::exchangeFinished, &loop, &QEventLoop::quit);
    engine.start(spec);
    if (!engine.isFinished())
        loop.exec();
    QObject::disconnect(c);
    return engine.exchange();
}

// Lets the engine see what the server does between exchanges, for up to three seconds.
template <typename Condition>
void waitUntil(Condition done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 3000) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

// A GET that leaves the connection open for the next exchange on the same engine.
RequestSpec keptGet(const QString &url, bool reconnectStale = true)
{
    RequestSpec spec = get(url);
    spec.keepConnection = true;
    spec.reconnectStale = reconnectStale;
    return spec;
}

TEST(ScriptedKeep, KeptConnectionServesTheNextExchangeOnTheSameEngine)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (answerNext(peer, kOk, true) && answerNext(peer, kOk))
            peer.waitForClientClose(3000);
    });
    HttpEngine engine;
    const RequestSpec spec = keptGet(server.url(QStringLiteral("/a")));
    const Exchange first = runOn(engine, spec);
    ASSERT_EQ(first.finalStatus(), 200);
    EXPECT_TRUE(engine.connectionOpen());
    const Exchange second = runOn(engine, spec);
    ASSERT_EQ(second.finalStatus(), 200) << second.error().message.toStdString();
    EXPECT_TRUE(second.attempts.first().connection.reused);
    EXPECT_EQ(server.connections(), 1);
    EXPECT_TRUE(engine.bytesAfterExchange().isEmpty());
}

TEST(ScriptedKeep, WithoutKeepConnectionTheEngineClosesAtTheEnd)
{
    ScriptedServer server(answerThenWait(kOk, 3000));
    HttpEngine engine;
    const Exchange x = runOn(engine, get(server.url()));
    ASSERT_EQ(x.finalStatus(), 200);
    EXPECT_FALSE(engine.connectionOpen());
}

TEST(ScriptedKeep, BytesAfterTheResponseAreKeptAndTheConnectionIsNotReused)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!answerNext(peer, kOk, true))
            return;
        peer.sleepMs(100); // a separate segment, after the response was complete
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        if (answerNext(peer, kOk, true)) // the next exchange must come on a new connection
            peer.waitForClientClose(3000);
    });
    HttpEngine engine;
    const RequestSpec spec = keptGet(server.url());
    ASSERT_EQ(runOn(engine, spec).finalStatus(), 200);
    waitUntil([&] { return !engine.bytesAfterExchange().isEmpty(); });
    EXPECT_EQ(engine.bytesAfterExchange(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    const Exchange second = runOn(engine, spec);
    ASSERT_EQ(second.finalStatus(), 200);
    EXPECT_FALSE(second.attempts.first().connection.reused);
    EXPECT_EQ(server.connections(), 2);
}

TEST(ScriptedKeep, InterimInTheSameSegmentAfterTheFinalIsNamedInTheFinding)
{
    ScriptedServer server(replyWith(kOk + "HTTP/1.1 100 Continue\r\n\r\n"));
    const Exchange x = runExchange(get(server.url()));
    ASSERT_EQ(x.finalStatus(), 200);
    EXPECT_TRUE(hasEvent(x.attempts.first(), EventType::Finding, QStringLiteral("HTTP/1.1 100 Continue\\r\\n")));
}

TEST(ScriptedKeep, CloseWhileIdleIsRecordedAndTheConnectionCountsAsClosed)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!answerNext(peer, kOk, true))
            return;
        peer.sleepMs(100);
        peer.close();
    });
    HttpEngine engine;
    ASSERT_EQ(runOn(engine, keptGet(server.url(), false)).finalStatus(), 200);
    waitUntil([&] { return engine.closedAfterExchangeNs().has_value(); });
    EXPECT_TRUE(engine.closedAfterExchangeNs().has_value());
    EXPECT_FALSE(engine.connectionOpen());
}

TEST(ScriptedKeep, ReconnectStaleOffLeavesTheCloseOfAReusedConnectionAsTheAnswer)
{
    // The server answers the first request, then closes as soon as the second head arrives:
    // with reconnectStale off the engine reports that instead of repeating the request.
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!answerNext(peer, kOk, true))
            return;
        peer.readHead();
        peer.close();
        peer.accept(1000); // a repeat would come here
    });
    HttpEngine engine;
    const RequestSpec spec = keptGet(server.url(), false);
    ASSERT_EQ(runOn(engine, spec).finalStatus(), 200);
    const Exchange second = runOn(engine, spec);
    ASSERT_EQ(second.attempts.size(), 1);
    EXPECT_TRUE(second.attempts.first().connection.reused);
    EXPECT_FALSE(second.finalStatus().has_value());
    EXPECT_EQ(second.error().kind, ErrorKind::Protocol);
    EXPECT_EQ(server.connections(), 1);
}

} // namespace
