// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against the scripted server with certificates made at test time by /usr/bin/openssl.
#include "core/http/http_engine.h"
#include "core/http/request_builder.h"
#include "tests/integration/http/send_outcome.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_certificates.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

void serveOk(ScriptedPeer &peer)
{
    // Two tries: a client that refuses the certificate ends the first handshake.
    for (int i = 0; i < 2 && !peer.stopRequested(); ++i) {
        if (!peer.accept(3000))
            continue;
        if (peer.readHead(3000).isEmpty())
            continue;
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        peer.close();
    }
}

class Tls : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    TestCertificate make(const QString &name, const QString &cn, const QStringList &san, bool expired = false)
    {
        TestCertificate c = makeSelfSigned(m_dir.path(), name, cn, san, expired);
        EXPECT_TRUE(c.error.isEmpty()) << c.error.toStdString();
        return c;
    }

    QTemporaryDir m_dir;
};

TEST_F(Tls, SelfSignedIsRefusedNamingSubjectAndIssuer)
{
    const TestCertificate cert = make(QStringLiteral("self"), QStringLiteral("localhost"), {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")});
    ScriptedServer server(serveOk, TlsIdentity{cert.certPath, cert.keyPath});
    RequestSpec s;
    s.url = QUrl(server.url(QStringLiteral("/"), QStringLiteral("localhost")));
    const Exchange x = runExchange(s);
    EXPECT_EQ(x.error().kind, ErrorKind::Tls);
    EXPECT_TRUE(x.error().message.contains(QStringLiteral("subject: CN=localhost"))) << x.error().message.toStdString();
    EXPECT_TRUE(x.error().message.contains(QStringLiteral("issuer: CN=localhost"))) << x.error().message.toStdString();
    EXPECT_TRUE(x.error().message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive)) << x.error().message.toStdString();
    EXPECT_FALSE(x.finalStatus().has_value());
}

TEST_F(Tls, InsecureSucceedsAndSaysNotVerified)
{
    const TestCertificate cert = make(QStringLiteral("self"), QStringLiteral("localhost"), {QStringLiteral("DNS:localhost")});
    ScriptedServer server(serveOk, TlsIdentity{cert.certPath, cert.keyPath});
    const SendOutcome o = runSend({QStringLiteral("-k"), server.url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.finalStatus, 200);
    const QJsonObject tls = o.last.value(QStringLiteral("connection")).toObject().value(QStringLiteral("tls")).toObject();
    EXPECT_FALSE(tls.value(QStringLiteral("verified")).toBool());
    EXPECT_TRUE(tls.value(QStringLiteral("version")).toString().startsWith(QStringLiteral("TLSv1.")));
    EXPECT_FALSE(tls.value(QStringLiteral("cipher")).toString().isEmpty());
    EXPECT_TRUE(tls.value(QStringLiteral("peer_subject")).toString().contains(QStringLiteral("CN=localhost")));
    const QJsonObject timings = o.last.value(QStringLiteral("timings_ms")).toObject();
    EXPECT_TRUE(timings.value(QStringLiteral("tls")).isDouble());
}

TEST_F(Tls, TrustedWithCacertIsVerified)
{
    const TestCertificate cert = make(QStringLiteral("trusted"), QStringLiteral("localhost"), {QStringLiteral("DNS:localhost")});
    ScriptedServer server(serveOk, TlsIdentity{cert.certPath, cert.keyPath});
    const SendOutcome o = runSend({QStringLiteral("--cacert"), cert.certPath, server.url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    EXPECT_TRUE(o.last.value(QStringLiteral("connection")).toObject().value(QStringLiteral("tls")).toObject().value(QStringLiteral("verified")).toBool());
}

TEST_F(Tls, ExpiredIsRefusedWithExit5)
{
    const TestCertificate cert = make(QStringLiteral("expired"), QStringLiteral("localhost"), {QStringLiteral("DNS:localhost")}, true);
    ScriptedServer server(serveOk, TlsIdentity{cert.certPath, cert.keyPath});
    const SendOutcome o = runSend({QStringLiteral("--cacert"), cert.certPath, server.url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(o.process.exitCode, 5) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.errorKind, QStringLiteral("tls"));
    EXPECT_TRUE(QString::fromUtf8(o.process.err).contains(QStringLiteral("expired"), Qt::CaseInsensitive)) << o.process.err.toStdString();
}

TEST_F(Tls, WrongHostNameIsRefused)
{
    const TestCertificate cert = make(QStringLiteral("wrong"), QStringLiteral("wrong.example"), {QStringLiteral("DNS:wrong.example")});
    ScriptedServer server(serveOk, TlsIdentity{cert.certPath, cert.keyPath});
    const SendOutcome o = runSend({QStringLiteral("--cacert"), cert.certPath, server.url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(o.process.exitCode, 5) << ::testing::PrintToString(o.process);
    EXPECT_TRUE(QString::fromUtf8(o.process.err).contains(QStringLiteral("host name"), Qt::CaseInsensitive)) << o.process.err.toStdString();
    EXPECT_TRUE(QString::fromUtf8(o.process.err).contains(QStringLiteral("wrong.example"))) << o.process.err.toStdString();
}

} // namespace

namespace {

TEST(TlsUpload, ExpectContinueAndALargeBodyOverTls)
{
    QTemporaryDir dir;
    const TestCertificate cert = makeSelfSigned(dir.path(), QStringLiteral("up"), QStringLiteral("localhost"), {QStringLiteral("DNS:localhost")});
    ASSERT_TRUE(cert.error.isEmpty()) << cert.error.toStdString();
    ScriptedServer server([](ScriptedPeer &peer) {
        if (!peer.accept())
            return;
        const QByteArray head = peer.readHead();
        peer.write("HTTP/1.1 100 Continue\r\n\r\n");
        qint64 length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        peer.readBytes(length, 20000);
        peer.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        peer.waitForClientClose(3000);
    }, TlsIdentity{cert.certPath, cert.keyPath});
    RequestSpec s;
    s.method = "PUT";
    s.url = QUrl(server.url(QStringLiteral("/up"), QStringLiteral("localhost")));
    s.body = QByteArray(6 * 1024 * 1024, 'z');
    s.verifyTls = false;
    s.totalTimeoutMs = 20000;
    const Exchange x = runExchange(s);
    ASSERT_EQ(x.attempts.size(), 1);
    const Attempt &a = x.attempts[0];
    EXPECT_FALSE(a.error.isError()) << a.error.message.toStdString();
    EXPECT_EQ(x.finalStatus(), 200);
    ASSERT_EQ(a.interim.size(), 1);
    EXPECT_EQ(a.request.bodySentBytes, 6 * 1024 * 1024);
    ASSERT_TRUE(a.connection.tls.has_value());
    EXPECT_FALSE(a.connection.tls->verified);
    EXPECT_FALSE(a.connection.tls->verificationErrors.isEmpty());
    // The server read exactly one head and the whole body.
    const QByteArray wire = server.received();
    EXPECT_TRUE(wire == serializeHead(a.request) + s.body) << "server read " << wire.size() << " bytes";
}

} // namespace
