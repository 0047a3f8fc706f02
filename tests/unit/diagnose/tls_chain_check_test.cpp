// SPDX-License-Identifier: GPL-3.0-or-later
// "Show the certificate chain" (TLS troubleshooting flow) against a real TLS server on loopback,
// with certificates made at test time by /usr/bin/openssl: the chain is listed with subject,
// issuer and validity, the verification errors are named, and the step's outcome follows from
// them (self-signed, expired, name mismatch, verified, no certificate at all).
#include "core/diagnose/checks/outcome_suggestion.h"
#include "core/diagnose/checks/tls_chain_check.h"
#include "core/diagnose/troubleshooting_flow.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_certificates.h"
#include "tests/unit/diagnose/check_wait.h"

#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::diagnose;
using namespace statusscope::test;

namespace {

// Accepts handshakes until stopped; the check aborts each connection once it has the chain.
void acceptHandshakes(ScriptedPeer &peer)
{
    while (!peer.stopRequested()) {
        if (peer.accept(200))
            peer.waitForClientClose(3000);
    }
}

// A plain-HTTP port: whatever the client sends, an HTTP answer.
void answerPlainHttp(ScriptedPeer &peer)
{
    while (!peer.stopRequested()) {
        if (!peer.accept(200))
            continue;
        peer.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        peer.close();
    }
}

const TroubleshootingStep &chainStep()
{
    static const TroubleshootingStep step = [] {
        for (const TroubleshootingFlow &flow : allTroubleshootingFlows()) {
            for (const TroubleshootingStep &s : flow.steps) {
                if (s.automatic == CheckKind::ShowCertificateChain)
                    return s;
            }
        }
        return TroubleshootingStep{};
    }();
    return step;
}

CheckResult runChainCheck(const QUrl &url, const QString &caFile = {})
{
    const TlsTarget target{url.host(), quint16(url.port(443)), caFile};
    const std::optional<CheckResult> result =
        runCheck([&](CheckCallback done) { return showCertificateChain(target, std::move(done)); },
                 kHandshakeTimeoutMs + 5000);
    EXPECT_TRUE(result.has_value());
    return result.value_or(CheckResult{});
}

class CertificateChainCheck : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_EQ(chainStep().automatic, CheckKind::ShowCertificateChain);
    }

    TestCertificate make(const QString &name, const QString &cn, const QStringList &san, bool expired = false)
    {
        TestCertificate c = makeSelfSigned(m_dir.path(), name, cn, san, expired);
        EXPECT_TRUE(c.error.isEmpty()) << c.error.toStdString();
        return c;
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(CertificateChainCheck, SelfSignedChainIsListedAndNamed)
{
    const TestCertificate cert = make(QStringLiteral("self"), QStringLiteral("localhost"),
                                      {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")});
    ScriptedServer server(acceptHandshakes, TlsIdentity{cert.certPath, cert.keyPath});
    const CheckResult result = runChainCheck(QUrl(server.url(QStringLiteral("/"), QStringLiteral("localhost"))));
    EXPECT_EQ(result.passed, std::optional<bool>(false));
    EXPECT_EQ(result.outcome, CheckOutcome::Failed);
    EXPECT_EQ(result.certificate, CertificateProblem::SelfSigned);
    EXPECT_TRUE(result.observed.startsWith(QStringLiteral("Certificate chain: 1 certificate(s);"))) << qPrintable(result.observed);
    EXPECT_TRUE(result.details.contains(QStringLiteral("1. localhost\n   issued by localhost\n   valid ")))
        << qPrintable(result.details);
    EXPECT_TRUE(result.details.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive)) << qPrintable(result.details);
    EXPECT_EQ(suggestOutcome(chainStep(), result), QStringLiteral("self-signed"));
}

TEST_F(CertificateChainCheck, ExpiredCertificateIsMarkedExpired)
{
    const TestCertificate cert = make(QStringLiteral("old"), QStringLiteral("localhost"),
                                      {QStringLiteral("DNS:localhost")}, true);
    ScriptedServer server(acceptHandshakes, TlsIdentity{cert.certPath, cert.keyPath});
    // Trusted, so expiry is the only problem left.
    const CheckResult result = runChainCheck(QUrl(server.url(QStringLiteral("/"), QStringLiteral("localhost"))), cert.certPath);
    EXPECT_EQ(result.passed, std::optional<bool>(false));
    EXPECT_TRUE(result.details.contains(QStringLiteral("valid 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z — EXPIRED"))) << qPrintable(result.details);
    EXPECT_TRUE(result.details.contains(QStringLiteral("The certificate has expired"))) << qPrintable(result.details);
    EXPECT_EQ(suggestOutcome(chainStep(), result), QStringLiteral("expired"));
}

TEST_F(CertificateChainCheck, CertificateForAnotherNameIsANameMismatch)
{
    const TestCertificate cert = make(QStringLiteral("other"), QStringLiteral("other.example"),
                                      {QStringLiteral("DNS:other.example")});
    ScriptedServer server(acceptHandshakes, TlsIdentity{cert.certPath, cert.keyPath});
    const CheckResult result = runChainCheck(QUrl(server.url(QStringLiteral("/"), QStringLiteral("localhost"))), cert.certPath);
    EXPECT_EQ(result.passed, std::optional<bool>(false));
    EXPECT_TRUE(result.details.contains(QStringLiteral("1. other.example"))) << qPrintable(result.details);
    EXPECT_TRUE(result.details.contains(QStringLiteral("host name"), Qt::CaseInsensitive)) << qPrintable(result.details);
    EXPECT_EQ(suggestOutcome(chainStep(), result), QStringLiteral("name-mismatch"));
}

TEST_F(CertificateChainCheck, TrustedCertificateIsVerified)
{
    const TestCertificate cert = make(QStringLiteral("good"), QStringLiteral("localhost"),
                                      {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")});
    ScriptedServer server(acceptHandshakes, TlsIdentity{cert.certPath, cert.keyPath});
    const CheckResult result = runChainCheck(QUrl(server.url(QStringLiteral("/"), QStringLiteral("localhost"))), cert.certPath);
    EXPECT_EQ(result.passed, std::optional<bool>(true)) << qPrintable(result.details);
    EXPECT_EQ(result.outcome, CheckOutcome::Ok);
    EXPECT_EQ(result.certificate, CertificateProblem::None);
    EXPECT_EQ(result.observed, QStringLiteral("Certificate chain: 1 certificate(s), verified"));
    EXPECT_FALSE(result.details.contains(QStringLiteral("Verification errors"))) << qPrintable(result.details);
    EXPECT_TRUE(suggestOutcome(chainStep(), result).isEmpty()); // nothing wrong: no outcome to pick
}

TEST_F(CertificateChainCheck, PlainHttpPortOrClosedPortHasNoCertificate)
{
    ScriptedServer plain(answerPlainHttp);
    const CheckResult http = runChainCheck(QUrl(plain.url(QStringLiteral("/"), QStringLiteral("localhost"))));
    EXPECT_EQ(http.outcome, CheckOutcome::TlsFailure);
    EXPECT_TRUE(http.observed.startsWith(QStringLiteral("Certificate chain: the handshake failed ("))) << qPrintable(http.observed);
    EXPECT_EQ(suggestOutcome(chainStep(), http), QStringLiteral("no-certificate"));

    quint16 closedPort = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
        closedPort = probe.serverPort();
    }
    const CheckResult refused = runChainCheck(QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(closedPort)));
    EXPECT_EQ(refused.outcome, CheckOutcome::ConnectFailure);
    EXPECT_TRUE(refused.observed.contains(QStringLiteral("refused"), Qt::CaseInsensitive)) << qPrintable(refused.observed);
    EXPECT_EQ(suggestOutcome(chainStep(), refused), QStringLiteral("no-certificate"));
}

TEST_F(CertificateChainCheck, ASilentPortTimesOutAndACancelledCheckSaysSo)
{
    // Accepts and never answers the ClientHello.
    ScriptedServer silent([](ScriptedPeer &peer) {
        if (peer.accept(5000))
            peer.drain(3000, 3000); // quiet for longer than the check waits
    });
    const TlsTarget target{QStringLiteral("127.0.0.1"), silent.port(), {}};
    const std::optional<CheckResult> timedOut =
        runCheck([&](CheckCallback done) { return showCertificateChain(target, std::move(done), 500); }, 5000);
    ASSERT_TRUE(timedOut.has_value());
    EXPECT_EQ(timedOut->outcome, CheckOutcome::Timeout);
    EXPECT_TRUE(timedOut->observed.contains(QStringLiteral("no handshake within"))) << qPrintable(timedOut->observed);
    EXPECT_EQ(suggestOutcome(chainStep(), *timedOut), QStringLiteral("no-certificate"));

    std::optional<CheckResult> cancelled;
    CheckHandle handle = showCertificateChain({QStringLiteral("127.0.0.1"), silent.port(), {}},
                                              [&](CheckResult r) { cancelled = std::move(r); });
    EXPECT_TRUE(handle.isRunning());
    handle.cancel();
    ASSERT_TRUE(cancelled.has_value()) << "a cancel delivers at once";
    EXPECT_EQ(cancelled->outcome, CheckOutcome::Cancelled);
    EXPECT_FALSE(handle.isRunning());
    EXPECT_TRUE(suggestOutcome(chainStep(), *cancelled).isEmpty());
}
