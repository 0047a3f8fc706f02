// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's timeouts run on its clock: with a ManualClock a test fires a 60-second timeout
// by advancing the clock, against a real socket, without waiting a minute (or a second).
#include "core/http/clock.h"
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

// Runs `spec` on a ManualClock; when the engine records `trigger`, the clock jumps by
// `advanceMs` (from the event loop, as a real timer would fire). A real 5 s guard ends a
// test whose timeout never fires instead of hanging.
struct ManualRun
{
    Exchange exchange;
    qint64 wallMs = 0;
    bool finished = false;
};

ManualRun runOnManualClock(const RequestSpec &spec, EventType trigger, double advanceMs)
{
    ManualClock clock;
    HttpEngine engine(&clock);
    QEventLoop loop;
    ManualRun run;
    QObject::connect(&engine, &HttpEngine::eventRecorded, &engine, [&](int, const Event &e) {
        if (e.type == trigger)
            QTimer::singleShot(0, &engine, [&clock, advanceMs] { clock.advanceMs(advanceMs); });
    });
    QObject::connect(&engine, &HttpEngine::exchangeFinished, &loop, [&] {
        run.finished = true;
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    wall.start();
    engine.start(spec);
    if (!engine.isFinished())
        loop.exec();
    run.wallMs = wall.elapsed();
    run.exchange = engine.exchange();
    return run;
}

const Event *findEvent(const Attempt &a, EventType type)
{
    for (const Event &e : a.events) {
        if (e.type == type)
            return &e;
    }
    return nullptr;
}

TEST(ManualClockTimeouts, ConnectTimeoutFiresWhenTheClockPassesIt)
{
    // Accepts TCP and never speaks TLS: only the connect timeout can end the handshake.
    ScriptedServer server([](ScriptedPeer &peer) {
        if (peer.accept())
            peer.waitForClientClose(5000);
    });
    RequestSpec spec = get(QStringLiteral("https://127.0.0.1:%1/").arg(server.port()));
    spec.connectTimeoutMs = 60000;
    const ManualRun run = runOnManualClock(spec, EventType::TlsStart, 60000);
    ASSERT_TRUE(run.finished) << "the timeout never fired";
    EXPECT_LT(run.wallMs, 2000);
    EXPECT_EQ(run.exchange.error().kind, ErrorKind::Timeout) << run.exchange.error().message.toStdString();
    EXPECT_TRUE(run.exchange.error().message.contains(QStringLiteral("within 60000 ms")));
    const Attempt &a = run.exchange.attempts.last();
    const Event *error = findEvent(a, EventType::Error);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->tNs, qint64(60000) * 1000000) << "the timeout fires at its deadline on the engine's clock";
}

TEST(ManualClockTimeouts, ExpectWaitEndsWhenTheClockPassesIt)
{
    // Never sends 100: the body goes when the wait ends, then the server answers.
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        peer.readBytes(contentLength(head));
        peer.write(kOk);
        peer.waitForClientClose(5000);
    });
    RequestSpec spec = post(server.url(), 100);
    spec.expectMode = ExpectMode::Always;
    spec.expect100TimeoutMs = 30000;
    const ManualRun run = runOnManualClock(spec, EventType::ExpectWaitStart, 30000);
    ASSERT_TRUE(run.finished) << "the expect wait never ended";
    EXPECT_LT(run.wallMs, 2000);
    ASSERT_TRUE(run.exchange.finalStatus().has_value()) << run.exchange.error().message.toStdString();
    EXPECT_EQ(*run.exchange.finalStatus(), 200);
    const Attempt &a = run.exchange.attempts.last();
    const Event *wait = findEvent(a, EventType::ExpectWaitStart);
    const Event *timeout = findEvent(a, EventType::ExpectTimeout);
    ASSERT_NE(wait, nullptr);
    ASSERT_NE(timeout, nullptr);
    EXPECT_EQ(timeout->tNs - wait->tNs, qint64(30000) * 1000000);
    EXPECT_TRUE(hasEvent(a, EventType::BodySent));
}

TEST(ManualClockTimeouts, TotalTimeoutFiresWhenTheClockPassesIt)
{
    // Reads the request and never answers.
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.waitForClientClose(5000);
    });
    RequestSpec spec = get(server.url());
    spec.totalTimeoutMs = 120000;
    const ManualRun run = runOnManualClock(spec, EventType::RequestHeadersSent, 120000);
    ASSERT_TRUE(run.finished) << "the total timeout never fired";
    EXPECT_LT(run.wallMs, 2000);
    EXPECT_EQ(run.exchange.error().kind, ErrorKind::Timeout);
    EXPECT_TRUE(run.exchange.error().message.contains(QStringLiteral("maximum time")));
}

} // namespace

TEST(ManualClock, FiresDueTimersInDeadlineOrderAndNotStoppedOnes)
{
    ManualClock clock;
    QStringList fired;
    auto a = clock.createTimer([&] { fired << QStringLiteral("a@%1").arg(clock.nowNs() / 1000000); });
    auto b = clock.createTimer([&] { fired << QStringLiteral("b@%1").arg(clock.nowNs() / 1000000); });
    auto c = clock.createTimer([&] { fired << QStringLiteral("c"); });
    a->start(30);
    b->start(10);
    c->start(20);
    c->stop();
    EXPECT_EQ(clock.activeTimers(), 2);
    clock.advanceMs(25);
    EXPECT_EQ(fired, QStringList{QStringLiteral("b@10")});
    EXPECT_TRUE(a->isActive());
    EXPECT_FALSE(b->isActive());
    clock.advanceMs(100);
    EXPECT_EQ(fired, (QStringList{QStringLiteral("b@10"), QStringLiteral("a@30")}));
    EXPECT_EQ(clock.nowNs(), qint64(125) * 1000000);
    a->start(5);
    a.reset(); // destroying a timer stops it
    clock.advanceMs(10);
    EXPECT_EQ(fired.size(), 2);
}
