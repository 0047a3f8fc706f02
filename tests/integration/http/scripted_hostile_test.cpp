// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile and broken servers: every case ends with a clear error, the right CLI exit code,
// no crash, no hang, bounded memory.
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

struct HostileCase
{
    const char *name;
    QByteArray reply;
    QString expectedMessage;
};

class Hostile : public ::testing::TestWithParam<HostileCase>
{
};

TEST_P(Hostile, EndsWithAProtocolErrorAndExit7)
{
    const HostileCase &c = GetParam();
    ScriptedServer server(replyWith(c.reply));
    QElapsedTimer timer;
    timer.start();
    const Exchange x = runExchange(get(server.url()));
    EXPECT_LT(timer.elapsed(), 5000) << "no hang";
    EXPECT_EQ(x.error().kind, ErrorKind::Protocol);
    EXPECT_TRUE(x.error().message.contains(c.expectedMessage)) << x.error().message.toStdString();
    EXPECT_TRUE(hasEvent(x.attempts.last(), EventType::Error));
    ScriptedServer again(replyWith(c.reply));
    const SendOutcome o = runSend({again.url()});
    EXPECT_EQ(o.process.exitCode, 7) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.errorKind, QStringLiteral("protocol"));
}

QByteArray interimFlood()
{
    QByteArray r;
    for (int i = 0; i <= kMaxInterimResponses; ++i)
        r += "HTTP/1.1 102 Processing\r\n\r\n";
    return r + kOk;
}

QByteArray manyFields()
{
    QByteArray r = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 1500; ++i)
        r += "X-F" + QByteArray::number(i) + ": v\r\n";
    return r + "Content-Length: 0\r\n\r\n";
}

QByteArray bigBlock()
{
    QByteArray r = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 400; ++i)
        r += "X-Big: " + QByteArray(1000, 'a') + "\r\n";
    return r + "Content-Length: 0\r\n\r\n";
}

QByteArray tenMegabyteLine()
{
    return "HTTP/1.1 200 OK\r\nX-Huge: " + QByteArray(10 * 1024 * 1024, 'h') + "\r\n\r\n";
}

INSTANTIATE_TEST_SUITE_P(
    Responses, Hostile,
    ::testing::Values(HostileCase{"interim_flood", interimFlood(), QStringLiteral("more than 100 interim")},
                      HostileCase{"too_many_fields", manyFields(), QStringLiteral("more than 1000 header fields")},
                      HostileCase{"header_block_over_256k", bigBlock(), QStringLiteral("exceeds the limit of 262144 bytes")},
                      HostileCase{"ten_megabyte_header_line", tenMegabyteLine(), QStringLiteral("exceeds the limit of 262144 bytes")},
                      HostileCase{"malformed_status_line", "HTTX/1.1 200 OK\r\n\r\n", QStringLiteral("malformed status line")},
                      HostileCase{"bad_chunk_size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n", QStringLiteral("invalid chunk size")},
                      HostileCase{"chunked_without_last_chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
                                  QStringLiteral("before the last chunk")},
                      HostileCase{"premature_close", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b", QStringLiteral("90 body bytes still expected")},
                      HostileCase{"closed_without_response", "", QStringLiteral("before any response")}),
    [](const ::testing::TestParamInfo<HostileCase> &info) { return std::string(info.param.name); });

TEST(Scripted, ResetBeforeAnyResponse)
{
    ScriptedServer server(replyWith({}, true));
    const Exchange x = runExchange(get(server.url()));
    EXPECT_EQ(x.error().kind, ErrorKind::Protocol);
    EXPECT_TRUE(hasEvent(x.attempts.last(), EventType::ConnectionClosed));
    EXPECT_TRUE(hasEvent(x.attempts.last(), EventType::Error));
    EXPECT_FALSE(x.finalStatus().has_value());
    ScriptedServer again(replyWith({}, true));
    const SendOutcome o = runSend({again.url()});
    EXPECT_EQ(o.process.exitCode, 7) << ::testing::PrintToString(o.process);
    EXPECT_TRUE(o.json.value(QStringLiteral("final_status")).isNull());
}

TEST(Scripted, DripOneBytePer100msTimesOut)
{
    const auto drip = [](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        const QByteArray reply = kOk;
        for (int i = 0; i < 200 && !peer.stopRequested(); ++i) {
            if (!peer.write(reply.mid(i % reply.size(), 1)))
                return;
            peer.sleepMs(100);
        }
    };
    ScriptedServer server(drip);
    RequestSpec s = get(server.url());
    s.totalTimeoutMs = 1000;
    QElapsedTimer timer;
    timer.start();
    const Exchange x = runExchange(s);
    EXPECT_LT(timer.elapsed(), 3000);
    EXPECT_EQ(x.error().kind, ErrorKind::Timeout);
    ScriptedServer again(drip);
    const SendOutcome o = runSend({QStringLiteral("-m"), QStringLiteral("1"), again.url()});
    EXPECT_EQ(o.process.exitCode, 6) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.errorKind, QStringLiteral("timeout"));
}

TEST(Scripted, ConnectRefusedAndMissingFileExitCodes)
{
    const quint16 port = ScriptedServer([](ScriptedPeer &) {}).port(); // closed again at once
    const SendOutcome refused = runSend({QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    EXPECT_EQ(refused.process.exitCode, 4) << ::testing::PrintToString(refused.process);
    EXPECT_EQ(refused.errorKind, QStringLiteral("connect"));
    const ProcessResult missing = runCli({QStringLiteral("send"), QStringLiteral("--data-binary"), QStringLiteral("@/nonexistent/file"),
                                          QStringLiteral("http://127.0.0.1:1/")});
    EXPECT_EQ(missing.exitCode, 8);
    const ProcessResult usage = runCli({QStringLiteral("send"), QStringLiteral("--expect100"), QStringLiteral("sometimes"), QStringLiteral("http://x/")});
    EXPECT_EQ(usage.exitCode, 2);
    const SendOutcome dns = runSend({QStringLiteral("http://no-such-host.invalid/")});
    EXPECT_EQ(dns.process.exitCode, 3) << ::testing::PrintToString(dns.process);
    EXPECT_EQ(dns.errorKind, QStringLiteral("dns"));
}

TEST(Scripted, DownloadBeyondTheMemoryCapSpillsToAFile)
{
    const qint64 size = kBodyMemoryCapBytes + 3 * 1024 * 1024;
    ScriptedServer server([size](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        peer.readHead();
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n");
        const QByteArray chunk(1024 * 1024, 'd');
        for (qint64 sent = 0; sent < size; sent += chunk.size())
            peer.write(chunk.left(int(qMin<qint64>(chunk.size(), size - sent))));
        peer.waitForClientClose(5000);
    });
    const Exchange x = runExchange(get(server.url()));
    ASSERT_TRUE(x.attempts[0].response.has_value()) << x.error().message.toStdString();
    const Response &r = *x.attempts[0].response;
    EXPECT_EQ(r.bodyBytes, size);
    EXPECT_TRUE(r.body.isEmpty());
    ASSERT_FALSE(r.bodyFile.isEmpty());
    EXPECT_EQ(QFileInfo(r.bodyFile).size(), size);
    QFile::remove(r.bodyFile);
}

} // namespace

namespace {

TEST(Scripted, StalledTlsHandshakeHitsTheConnectTimeout)
{
    // A plain TCP server that never speaks TLS: the handshake hangs until --connect-timeout.
    const auto silent = [](ScriptedPeer &peer) {
        if (peer.accept())
            peer.waitForClientClose(5000);
    };
    ScriptedServer server(silent);
    const QString url = QStringLiteral("https://127.0.0.1:%1/").arg(server.port());
    QElapsedTimer timer;
    timer.start();
    const SendOutcome o = runSend({QStringLiteral("--connect-timeout"), QStringLiteral("0.5"), url});
    EXPECT_LT(timer.elapsed(), 4000);
    EXPECT_EQ(o.process.exitCode, 6) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.errorKind, QStringLiteral("timeout"));
    EXPECT_TRUE(eventTypes(o.last).contains(QStringLiteral("tls_start")));
    EXPECT_FALSE(eventTypes(o.last).contains(QStringLiteral("tls_done")));
}

TEST(Scripted, Expect100TimeoutOptionIsHonoured)
{
    ScriptedServer server(continueThenOk(QByteArray()));
    const SendOutcome o = runSend({QStringLiteral("--expect100"), QStringLiteral("always"), QStringLiteral("--expect100-timeout"),
                                   QStringLiteral("0.2"), QStringLiteral("-d"), QStringLiteral("small body"), server.url()});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    EXPECT_TRUE(eventTypes(o.last).contains(QStringLiteral("expect_timeout")));
    const double wait = o.last.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("wait_100")).toDouble();
    EXPECT_GE(wait, 190.0);
    EXPECT_LT(wait, 900.0);
    EXPECT_TRUE(o.bodySent);
}

} // namespace
