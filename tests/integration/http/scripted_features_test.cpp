// SPDX-License-Identifier: GPL-3.0-or-later
// Engine features against the scripted server: injected clock, redirects, proxy, cancel,
// HAR and timeline output, 101, content decoding, -L/-x/-o in the CLI.
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

// Each reading of "now" moves one millisecond: deterministic, and proves every event is
// stamped from the injected clock (nothing mixes in a second clock).
class StepClock final : public Clock
{
public:
    qint64 nowNs() const override { return m_now += 1'000'000; }

private:
    mutable qint64 m_now = 0;
};

TEST(Scripted, InjectedClockStampsEveryEvent)
{
    ScriptedServer server(continueThenOk());
    StepClock clock;
    const Exchange x = runExchange(post(server.url(), 2 * 1024 * 1024), &clock);
    ASSERT_EQ(x.finalStatus(), 200);
    const Attempt &a = x.attempts[0];
    qint64 previous = x.startNs;
    for (const Event &e : a.events) {
        EXPECT_GT(e.tNs, previous) << ::testing::PrintToString(e.type) << " is not after the previous event";
        EXPECT_EQ(e.tNs % 1'000'000, 0) << "stamped by another clock";
        previous = e.tNs;
    }
    EXPECT_LT(x.msFromStart(a.endNs()), 1000.0) << "fake milliseconds, not wall time";
}

TEST(Scripted, RedirectsAreFollowedOnlyWhenAskedAnd303BecomesGet)
{
    const auto script = [](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        peer.readBytes(contentLength(head));
        peer.write("HTTP/1.1 303 See Other\r\nLocation: /done\r\nContent-Length: 0\r\n\r\n");
        const QByteArray second = peer.readHead(2000);
        if (second.startsWith("GET /done "))
            peer.write(kOk);
        peer.waitForClientClose(2000);
    };
    ScriptedServer off(script);
    const Exchange once = runExchange(post(off.url(QStringLiteral("/form")), 10));
    EXPECT_EQ(once.attempts.size(), 1);
    EXPECT_EQ(once.finalStatus(), 303);

    ScriptedServer on(script);
    RequestSpec s = post(on.url(QStringLiteral("/form")), 10);
    s.followRedirects = true;
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 2) << x.error().message.toStdString();
    EXPECT_EQ(x.attempts[1].reason, AttemptReason::Redirect);
    EXPECT_EQ(x.attempts[1].request.method, QByteArray("GET"));
    EXPECT_EQ(x.attempts[1].request.bodyBytes, 0);
    EXPECT_TRUE(x.attempts[1].connection.reused);
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST(Scripted, HttpProxyGetsTheAbsoluteFormAndConnectRefusalIsRecorded)
{
    ScriptedServer proxy([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        if (head.startsWith("GET http://origin.test/path?q=1 HTTP/1.1\r\n") && head.contains("Host: origin.test\r\n"))
            peer.write(kOk);
        else
            peer.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        peer.close();
        if (!peer.accept())
            return;
        const QByteArray connect = peer.readHead();
        if (connect.startsWith("CONNECT origin.test:443 HTTP/1.1\r\n"))
            peer.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        peer.close();
    });
    RequestSpec s = get(QStringLiteral("http://origin.test/path?q=1"));
    s.proxy = QUrl(proxy.url());
    const Exchange plain = runExchange(s);
    EXPECT_EQ(plain.finalStatus(), 200) << plain.error().message.toStdString();
    EXPECT_TRUE(plain.attempts[0].connection.viaProxy);
    EXPECT_FALSE(plain.attempts[0].events.first().type == EventType::DnsStart) << "the proxy is an IP literal";
    s.url = QUrl(QStringLiteral("https://origin.test/"));
    const Exchange tunnel = runExchange(s);
    EXPECT_FALSE(tunnel.finalStatus().has_value()) << "the origin never answered: the 403 is the proxy's";
    EXPECT_EQ(tunnel.error().kind, ErrorKind::Proxy);
    EXPECT_TRUE(tunnel.error().message.contains(QStringLiteral("403 Forbidden"))) << tunnel.error().message.toStdString();
    EXPECT_EQ(tunnel.attempts[0].request.method, QByteArray("CONNECT"));
}

TEST(Scripted, CancelWhileWaitingIsRecorded)
{
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.waitForClientClose(5000);
    });
    HttpEngine engine;
    QEventLoop loop;
    QObject::connect(&engine, &HttpEngine::exchangeFinished, &loop, &QEventLoop::quit);
    QObject::connect(&engine, &HttpEngine::eventRecorded, &engine, [&engine](int, const Event &e) {
        if (e.type == EventType::RequestHeadersSent)
            QTimer::singleShot(100, &engine, [&engine] { engine.cancel(); });
    });
    engine.start(get(server.url()));
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    ASSERT_TRUE(engine.isFinished());
    EXPECT_EQ(engine.exchange().error().kind, ErrorKind::Cancelled);
    EXPECT_TRUE(server.waitFinished(3000)) << "the server saw our close";
}

TEST(Scripted, HostNameTriesEveryAddressAndHarHasTheCustomFields)
{
    ScriptedServer server(continueThenOk());
    QTemporaryDir dir;
    const QString har = dir.filePath(QStringLiteral("x.har"));
    const SendOutcome o = runSend({QStringLiteral("--expect100"), QStringLiteral("always"), QStringLiteral("-d"), QStringLiteral("abc"),
                                   QStringLiteral("--har"), har, server.url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.interim, QList<int>{100});
    EXPECT_TRUE(o.last.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("dns")).isDouble());
    EXPECT_TRUE(o.last.value(QStringLiteral("connection")).toObject().value(QStringLiteral("remote")).toString().startsWith(QStringLiteral("127.0.0.1:")));
    QFile f(har);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject entry = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("log")).toObject()
                                  .value(QStringLiteral("entries")).toArray().at(0).toObject();
    EXPECT_EQ(entry.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
    EXPECT_EQ(entry.value(QStringLiteral("_interimResponses")).toArray().at(0).toObject().value(QStringLiteral("status")).toInt(), 100);
    EXPECT_EQ(entry.value(QStringLiteral("_expect")).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("100-continue"));
    EXPECT_EQ(entry.value(QStringLiteral("_attempts")).toArray().size(), 1);
}

TEST(Scripted, PlainTimelineShowsArrowsAndPhases)
{
    ScriptedServer server(replyWith("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + kOk));
    const ProcessResult r = runCli({QStringLiteral("send"), server.url()});
    EXPECT_EQ(r.exitCode, 0) << ::testing::PrintToString(r);
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.contains(QStringLiteral("→ request_headers_sent"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("← interim_response 103 Early Hints"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("< Link: </a.css>"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("wait_100       -"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("final status: 200"))) << out.toStdString();
}

TEST(Scripted, SwitchingProtocolsIsRecordedAndTheExchangeStops)
{
    ScriptedServer server(replyWith("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x02hi"));
    RequestSpec s = get(server.url());
    s.headers = {Header("Upgrade", "websocket"), Header("Connection", "Upgrade")};
    const Exchange x = runExchange(s);
    EXPECT_EQ(x.finalStatus(), 101);
    EXPECT_FALSE(x.error().isError()) << x.error().message.toStdString();
    EXPECT_TRUE(hasEvent(x.attempts[0], EventType::Finding, QStringLiteral("protocol switched")));
    EXPECT_TRUE(hasEvent(x.attempts[0], EventType::ConnectionClosed));
}

TEST(Scripted, GzipBodyIsDecodedAndChunkedTrailersKept)
{
    // "hello" gzip-compressed (RFC 1952), sent chunked with a trailer.
    const QByteArray gz = QByteArray::fromHex("1f8b0800000000000203cb48cdc9c9070086a6103605000000");
    ScriptedServer server(replyWith("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + QByteArray::number(gz.size(), 16) + "\r\n" + gz + "\r\n0\r\nX-Checksum: 1\r\n\r\n"));
    const Exchange x = runExchange(get(server.url()));
    ASSERT_TRUE(x.attempts[0].response.has_value()) << x.error().message.toStdString();
    EXPECT_EQ(x.attempts[0].response->body, gz);
    EXPECT_EQ(x.attempts[0].response->decodedBody, QByteArray("hello"));
    EXPECT_EQ(headerValue(x.attempts[0].response->trailers, "x-checksum"), QByteArray("1"));
}

TEST(Scripted, CliFollowsRedirectsThroughAProxyAndWritesTheBodyToAFile)
{
    ScriptedServer proxy([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray first = peer.readHead();
        if (!first.startsWith("GET http://origin.test/old HTTP/1.1\r\n"))
            return;
        peer.write("HTTP/1.1 301 Moved Permanently\r\nLocation: http://origin.test/new\r\nContent-Length: 0\r\n\r\n");
        const QByteArray second = peer.readHead();
        if (second.startsWith("GET http://origin.test/new HTTP/1.1\r\n"))
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world");
        peer.waitForClientClose(2000);
    });
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("body.txt"));
    const SendOutcome o = runSend({QStringLiteral("-L"), QStringLiteral("-x"), proxy.url(), QStringLiteral("-o"), out,
                                   QStringLiteral("http://origin.test/old")});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    ASSERT_EQ(o.attempts.size(), 2);
    EXPECT_EQ(o.last.value(QStringLiteral("reason")).toString(), QStringLiteral("redirect"));
    EXPECT_EQ(o.finalStatus, 200);
    QFile f(out);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("hello world"));
    ScriptedServer loop(replyWith("HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n\r\n"));
    const SendOutcome limited = runSend({QStringLiteral("-L"), QStringLiteral("--max-redirs"), QStringLiteral("0"), loop.url()});
    EXPECT_EQ(limited.process.exitCode, 7) << ::testing::PrintToString(limited.process);
    EXPECT_TRUE(QString::fromUtf8(limited.process.err).contains(QStringLiteral("maximum (0) redirects"))) << limited.process.err.toStdString();
}

} // namespace
