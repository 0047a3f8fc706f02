// SPDX-License-Identifier: GPL-3.0-or-later
// Security, against real loopback servers: an insecure (-k) exchange is recorded as
// such in the saved JSON; a redirect from https to http is a finding, a CLI warning, and with
// stopOnHttpsDowngrade the engine stops before following it.
#include "core/http/http_engine.h"
#include "tests/support/scripted_replies.h"
#include "tests/support/scripted_server.h"
#include "tests/support/test_certificates.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope::http;
using namespace statusscope::test;

namespace {

class Downgrade : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_cert = makeSelfSigned(m_dir.path(), QStringLiteral("localhost"), QStringLiteral("localhost"),
                                {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1")});
        ASSERT_TRUE(m_cert.error.isEmpty()) << m_cert.error.toStdString();
        m_plain = std::make_unique<ScriptedServer>(answerEveryRequest("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nplain"));
        const QByteArray location = m_plain->url(QStringLiteral("/landing")).toLatin1();
        m_tls = std::make_unique<ScriptedServer>(
            answerEveryRequest("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n"),
            TlsIdentity{m_cert.certPath, m_cert.keyPath});
    }

    // A request to the https server that follows redirects (and stops at a downgrade when asked).
    RequestSpec followingSpec(bool stopOnHttpsDowngrade) const
    {
        RequestSpec spec;
        spec.url = QUrl(m_tls->url(QStringLiteral("/"), QStringLiteral("localhost")));
        spec.caFile = m_cert.certPath;
        spec.followRedirects = true;
        spec.stopOnHttpsDowngrade = stopOnHttpsDowngrade;
        return spec;
    }

    QTemporaryDir m_dir;
    TestCertificate m_cert;
    std::unique_ptr<ScriptedServer> m_plain;
    std::unique_ptr<ScriptedServer> m_tls;
};

// The typed field is what callers read; the Finding event (the timeline's text) says the same.
bool hasDowngradeFinding(const Attempt &a)
{
    if (!a.httpsDowngrade)
        return false;
    for (const Event &e : a.events) {
        if (e.type == EventType::Finding && e.detail == describe(*a.httpsDowngrade))
            return true;
    }
    ADD_FAILURE() << "httpsDowngrade is set but no Finding event describes it";
    return false;
}

TEST_F(Downgrade, FollowingRecordsAFindingOnTheHop)
{
    const Exchange x = runExchange(followingSpec(false));
    ASSERT_EQ(x.attempts.size(), 2) << ::testing::PrintToString(x.error());
    EXPECT_TRUE(hasDowngradeFinding(x.attempts[0]));
    EXPECT_FALSE(x.attempts[1].httpsDowngrade);
    EXPECT_EQ(x.attempts[1].url.scheme(), QStringLiteral("http"));
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST_F(Downgrade, TheDowngradeNamesTheHopAndItsStatus)
{
    const RequestSpec spec = followingSpec(true);
    const Exchange x = runExchange(spec);
    ASSERT_EQ(x.attempts.size(), 1);
    ASSERT_TRUE(x.attempts[0].httpsDowngrade);
    const HttpsDowngrade &d = *x.attempts[0].httpsDowngrade;
    EXPECT_EQ(d.status, 302);
    EXPECT_EQ(d.from, spec.url);
    EXPECT_EQ(d.to, QUrl(m_plain->url(QStringLiteral("/landing"))));
    EXPECT_TRUE(describe(d).startsWith(QLatin1String(kHttpsDowngradeFinding))) << describe(d).toStdString();
}

TEST_F(Downgrade, APlainRedirectIsNoDowngrade)
{
    const QByteArray location = m_plain->url(QStringLiteral("/landing")).toLatin1();
    ScriptedServer plainRedirect(answerEveryRequest("HTTP/1.1 302 Found\r\nLocation: " + location
                                                    + "\r\nContent-Length: 0\r\n\r\n"));
    RequestSpec spec;
    spec.url = QUrl(plainRedirect.url(QStringLiteral("/")));
    spec.followRedirects = true;
    spec.stopOnHttpsDowngrade = true;
    const Exchange x = runExchange(spec);
    ASSERT_EQ(x.attempts.size(), 2) << ::testing::PrintToString(x.error());
    EXPECT_FALSE(x.attempts[0].httpsDowngrade);
    EXPECT_FALSE(x.attempts[1].httpsDowngrade);
    EXPECT_EQ(x.finalStatus(), 200);
}

TEST_F(Downgrade, StopOnHttpsDowngradeEndsBeforeThePlainHop)
{
    const RequestSpec spec = followingSpec(true);
    const Exchange x = runExchange(spec);
    ASSERT_EQ(x.attempts.size(), 1);
    EXPECT_TRUE(hasDowngradeFinding(x.attempts[0]));
    EXPECT_EQ(x.finalStatus(), 302);
    EXPECT_FALSE(x.error().isError());
    EXPECT_EQ(m_plain->connections(), 0) << "nothing went out in plain text";
}

TEST_F(Downgrade, TheCliWarnsOnStderrEvenWithJson)
{
    const ProcessResult r = runCli({QStringLiteral("send"), QStringLiteral("-L"), QStringLiteral("--json"),
                                    QStringLiteral("--cacert"), m_cert.certPath,
                                    m_tls->url(QStringLiteral("/"), QStringLiteral("localhost"))});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("warning: insecure-redirect 302: redirect downgrades https to http")) << r.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("final_status")).toInt(), 200);
}

TEST(InsecureMode, SendMinusKRecordsInsecureInTheJson)
{
    QTemporaryDir dir;
    const TestCertificate cert = makeSelfSigned(dir.path(), QStringLiteral("self"), QStringLiteral("localhost"),
                                                {QStringLiteral("DNS:localhost")});
    ASSERT_TRUE(cert.error.isEmpty());
    ScriptedServer server(answerEveryRequest("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), TlsIdentity{cert.certPath, cert.keyPath});
    const QString url = server.url(QStringLiteral("/"), QStringLiteral("localhost"));
    const ProcessResult insecure = runCli({QStringLiteral("send"), QStringLiteral("-k"), QStringLiteral("--json"), url});
    ASSERT_EQ(insecure.exitCode, 0) << insecure.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(insecure.out).object();
    EXPECT_TRUE(o.value(QStringLiteral("insecure")).toBool());
    EXPECT_FALSE(o.value(QStringLiteral("attempts")).toArray().first().toObject().value(QStringLiteral("connection"))
                     .toObject().value(QStringLiteral("tls")).toObject().value(QStringLiteral("verified")).toBool(true));

    const ProcessResult verified = runCli({QStringLiteral("send"), QStringLiteral("--json"), QStringLiteral("--cacert"), cert.certPath, url});
    ASSERT_EQ(verified.exitCode, 0) << verified.err.toStdString();
    EXPECT_FALSE(QJsonDocument::fromJson(verified.out).object().value(QStringLiteral("insecure")).toBool(true));
}

} // namespace
