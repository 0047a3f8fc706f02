// SPDX-License-Identifier: GPL-3.0-or-later
// The Expect battery against the scripted server, for what no real server here does: duplicate
// and late 100s, interim responses after the final one (check 8), and an early final status
// that keeps the connection open (check 7). The script plays a conforming server on every
// connection except the one under test; the battery's order is fixed, so connection i is
// check i.
#include "tests/integration/http/scripted_helpers.h"
#include "tests/integration/probe/probe_expectations.h"
#include "tests/support/scripted_server.h"

#include <functional>

using namespace statusscope;
using namespace statusscope::probe;
using namespace statusscope::test;

namespace {

constexpr int kInterimOrderConnection = 7;
constexpr int kAfterEarlyFinalConnection = 6;

bool wantsContinue(const QByteArray &head)
{
    return head.contains(" HTTP/1.1\r\n") && head.toLower().contains("expect: 100-continue") && contentLength(head) > 0;
}

// A conforming server: 100 when asked (HTTP/1.1 with content), reads the body, 200.
void polite(ScriptedPeer &peer, const QByteArray &head)
{
    if (wantsContinue(head))
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
    peer.readBytes(contentLength(head));
    peer.write(head.startsWith("HEAD ") ? QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n") : kOk);
}

using Special = std::function<void(ScriptedPeer &, const QByteArray &)>;

// Eight connections, the one at `index` handled by `special`.
ScriptedServer::Script battery(int index, Special special)
{
    return [index, special = std::move(special)](ScriptedPeer &peer) {
        for (int i = 0; i < 8 && !peer.stopRequested(); ++i) {
            if (!peer.accept(8000))
                return;
            const QByteArray head = peer.readHead();
            if (i == index)
                special(peer, head);
            else
                polite(peer, head);
        }
        peer.waitForClientClose(2000);
    };
}

ProbeReport probeOf(const ScriptedServer &server)
{
    ProbeOptions o;
    o.url = QUrl(server.url(QStringLiteral("/put")));
    return runProbe(o);
}

const Expected kPolite{
    {CheckId::ContinueSmall, Verdict::Conforms},   {CheckId::EarlyFinal, Verdict::Conforms},
    {CheckId::UnknownExpectation, Verdict::Conforms}, {CheckId::NoBody, Verdict::Conforms},
    {CheckId::Http10, Verdict::Conforms},          {CheckId::No100Wait, Verdict::Conforms},
    {CheckId::AfterEarlyFinal, Verdict::Inconclusive}, {CheckId::InterimOrder, Verdict::Conforms},
};

Expected politeExcept(CheckId id, Verdict verdict)
{
    Expected e = kPolite;
    e[id] = verdict;
    return e;
}

TEST(ProbeScripted, ConformingServerGivesTheConformingTable)
{
    ScriptedServer server(battery(-1, polite));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, kPolite);
    EXPECT_EQ(server.connections(), 8) << "each check on a fresh connection";
    EXPECT_TRUE(report.summary.endsWith(QStringLiteral("no violations"))) << report.summary.toStdString();
}

TEST(ProbeScripted, DuplicateContinueViolates)
{
    ScriptedServer server(battery(kInterimOrderConnection, [](ScriptedPeer &peer, const QByteArray &head) {
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.sleepMs(20);
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(contentLength(head));
        peer.write(kOk);
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::InterimOrder, Verdict::Violates));
    const CheckResult *c = resultOf(report, CheckId::InterimOrder);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->interim, (QList<int>{100, 100}));
    EXPECT_TRUE(c->detail.contains(QStringLiteral("2 × 100 Continue"))) << c->detail.toStdString();
    EXPECT_EQ(c->rfc, QStringLiteral("RFC 9110 §15.2"));
    EXPECT_TRUE(report.summary.contains(QStringLiteral("1 violation: interim_order"))) << report.summary.toStdString();
}

TEST(ProbeScripted, LateContinueAfterTheWaitViolates)
{
    ScriptedServer server(battery(kInterimOrderConnection, [](ScriptedPeer &peer, const QByteArray &head) {
        // The client gives up waiting after 1 s and sends the body; the 100 comes after it.
        const QByteArray body = peer.readBytes(contentLength(head), 5000);
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.sleepMs(20);
        peer.write(body.size() == contentLength(head) ? kOk : QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::InterimOrder, Verdict::Violates));
    const CheckResult *c = resultOf(report, CheckId::InterimOrder);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, 200);
    EXPECT_TRUE(c->detail.contains(QStringLiteral("100 Continue came late"))) << c->detail.toStdString();
}

TEST(ProbeScripted, InterimAfterTheFinalInTheSameWriteViolates)
{
    ScriptedServer server(battery(kInterimOrderConnection, [](ScriptedPeer &peer, const QByteArray &head) {
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(contentLength(head));
        peer.write(kOk + "HTTP/1.1 100 Continue\r\n\r\n");
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::InterimOrder, Verdict::Violates));
    const CheckResult *c = resultOf(report, CheckId::InterimOrder);
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->detail.contains(QStringLiteral("interim 100 after the final response"))) << c->detail.toStdString();
}

TEST(ProbeScripted, InterimAfterTheFinalOnTheIdleConnectionViolates)
{
    ScriptedServer server(battery(kInterimOrderConnection, [](ScriptedPeer &peer, const QByteArray &head) {
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(contentLength(head));
        peer.write(kOk);
        peer.sleepMs(100); // its own segment, while the probe watches the idle connection
        peer.write("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n");
        peer.sleepMs(400);
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::InterimOrder, Verdict::Violates));
    const CheckResult *c = resultOf(report, CheckId::InterimOrder);
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(c->detail.contains(QStringLiteral("interim 103 after the final response (on the idle connection)")))
        << c->detail.toStdString();
}

TEST(ProbeScripted, EarlyFinalKeepingAUsableConnectionConforms)
{
    ScriptedServer server(battery(kAfterEarlyFinalConnection, [](ScriptedPeer &peer, const QByteArray &) {
        // 401 from the head alone, connection kept; the withheld body is not expected.
        peer.write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\n\r\n");
        const QByteArray next = peer.readHead(3000);
        if (next.startsWith("HEAD "))
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
        peer.sleepMs(200);
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::AfterEarlyFinal, Verdict::Conforms));
    const CheckResult *c = resultOf(report, CheckId::AfterEarlyFinal);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->status, 401);
    EXPECT_FALSE(c->bodySent);
    ASSERT_TRUE(c->observation.followUp.has_value());
    EXPECT_EQ(c->observation.followUp->finalStatus(), 200);
    EXPECT_TRUE(c->observation.followUp->attempts.first().connection.reused);
    EXPECT_TRUE(c->detail.contains(QStringLiteral("usable"))) << c->detail.toStdString();
}

TEST(ProbeScripted, EarlyFinalThenSilentCloseIsAllowedButNamed)
{
    ScriptedServer server(battery(kAfterEarlyFinalConnection, [](ScriptedPeer &peer, const QByteArray &) {
        peer.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\n\r\n");
        peer.sleepMs(50);
        peer.close(); // no Connection: close announced
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::AfterEarlyFinal, Verdict::Allowed));
    const CheckResult *c = resultOf(report, CheckId::AfterEarlyFinal);
    ASSERT_NE(c, nullptr);
    EXPECT_FALSE(c->observation.followUp.has_value()) << "a closed connection gets no follow-up request";
    EXPECT_TRUE(c->detail.contains(QStringLiteral("without announcing it"))) << c->detail.toStdString();
}

TEST(ProbeScripted, ServerThatNeverAnswers100ToHttp11Violates)
{
    // An HTTP/1.1 server that holds the small body's request without 100 or a final status.
    ScriptedServer server(battery(0, [](ScriptedPeer &peer, const QByteArray &head) {
        peer.readBytes(contentLength(head), 5000);
        peer.write(kOk);
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::ContinueSmall, Verdict::Violates));
    EXPECT_TRUE(report.summary.contains(QStringLiteral("sends no 100 Continue"))) << report.summary.toStdString();
}

TEST(ProbeScripted, ContinueToHttp10Violates)
{
    ScriptedServer server(battery(4, [](ScriptedPeer &peer, const QByteArray &head) {
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        peer.readBytes(contentLength(head));
        peer.write(kOk);
    }));
    const ProbeReport report = probeOf(server);
    expectVerdicts(report, Route::Direct, politeExcept(CheckId::Http10, Verdict::Violates));
    EXPECT_TRUE(report.summary.contains(QStringLiteral("HTTP/1.0 mishandled"))) << report.summary.toStdString();
}

TEST(ProbeScripted, EveryCheckIsOneAttemptWithoutRetry)
{
    // 417 to everything: the engine's retry without Expect would hide it; the probe must not.
    ScriptedServer server([](ScriptedPeer &peer) {
        for (int i = 0; i < 8 && !peer.stopRequested(); ++i) {
            if (!peer.accept(8000))
                return;
            peer.readHead();
            peer.write("HTTP/1.1 417 Expectation Failed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
            peer.drain(200, 3000); // a body sent anyway is read, so the close is a FIN, not a reset
        }
    });
    const ProbeReport report = probeOf(server);
    ASSERT_EQ(report.checks.size(), 8);
    for (const CheckResult &c : report.checks) {
        EXPECT_EQ(c.observation.exchange.attempts.size(), 1) << checkName(c.id).toStdString();
        EXPECT_EQ(c.status, 417) << checkName(c.id).toStdString();
    }
    EXPECT_EQ(server.connections(), 8);
    EXPECT_EQ(probe::verdictName(resultOf(report, CheckId::Http10)->verdict), QStringLiteral("violates"));
}

} // namespace
