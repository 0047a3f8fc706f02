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

void spinMs(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

TEST(ScriptedKeep, KeptConnectionServesTheNextExchangeOnTheSameEngine)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.readHead();
        peer.write(kOk);
        peer.waitForClientClose(3000);
    });
    HttpEngine engine;
    RequestSpec spec = get(server.url(QStringLiteral("/a")));
    spec.keepConnection = true;
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
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.waitForClientClose(3000);
    });
    HttpEngine engine;
    const Exchange x = runOn(engine, get(server.url()));
    ASSERT_EQ(x.finalStatus(), 200);
    EXPECT_FALSE(engine.connectionOpen());
}

TEST(ScriptedKeep, BytesAfterTheResponseAreKeptAndTheConnectionIsNotReused)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.sleepMs(100); // a separate segment, after the response was complete
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        if (!peer.accept()) // the next exchange must come on a new connection
            return;
        peer.readHead();
        peer.write(kOk);
        peer.waitForClientClose(3000);
    });
    HttpEngine engine;
    RequestSpec spec = get(server.url());
    spec.keepConnection = true;
    ASSERT_EQ(runOn(engine, spec).finalStatus(), 200);
    QElapsedTimer timer;
    timer.start();
    while (engine.bytesAfterExchange().isEmpty() && timer.elapsed() < 3000)
        spinMs(20);
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
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.sleepMs(100);
        peer.close();
    });
    HttpEngine engine;
    RequestSpec spec = get(server.url());
    spec.keepConnection = true;
    spec.reconnectStale = false;
    ASSERT_EQ(runOn(engine, spec).finalStatus(), 200);
    QElapsedTimer timer;
    timer.start();
    while (!engine.closedAfterExchangeNs() && timer.elapsed() < 3000)
        spinMs(20);
    EXPECT_TRUE(engine.closedAfterExchangeNs().has_value());
    EXPECT_FALSE(engine.connectionOpen());
}

TEST(ScriptedKeep, ReconnectStaleOffLeavesTheCloseOfAReusedConnectionAsTheAnswer)
{
    // The server answers the first request, then closes as soon as the second head arrives:
    // with reconnectStale off the engine reports that instead of repeating the request.
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write(kOk);
        peer.readHead();
        peer.close();
        peer.accept(1000); // a repeat would come here
    });
    HttpEngine engine;
    RequestSpec spec = get(server.url());
    spec.keepConnection = true;
    spec.reconnectStale = false;
    ASSERT_EQ(runOn(engine, spec).finalStatus(), 200);
    const Exchange second = runOn(engine, spec);
    ASSERT_EQ(second.attempts.size(), 1);
    EXPECT_TRUE(second.attempts.first().connection.reused);
    EXPECT_FALSE(second.finalStatus().has_value());
    EXPECT_EQ(second.error().kind, ErrorKind::Protocol);
    EXPECT_EQ(server.connections(), 1);
}

} // namespace
