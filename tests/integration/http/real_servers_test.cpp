// Against real nginx and Apache httpd on loopback, with curl as the reference client: on the
// same server and request, our interim statuses, final status and whether the body was sent
// must agree with what `curl --trace-ascii` shows.
#include "tests/integration/http/send_outcome.h"
#include "tests/support/apache_server.h"
#include "tests/support/curl_reference.h"
#include "tests/support/nginx_server.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace statusscope::test;

namespace {

enum class ServerKind { Nginx, Apache };

std::string kindName(const ::testing::TestParamInfo<ServerKind> &info)
{
    return info.param == ServerKind::Nginx ? "nginx" : "apache";
}

class RealServer : public ::testing::TestWithParam<ServerKind>
{
protected:
    static void SetUpTestSuite() {}

    void SetUp() override
    {
        ASSERT_TRUE(QFileInfo::exists(QStringLiteral("/usr/bin/curl"))) << "curl is the reference client";
        if (GetParam() == ServerKind::Nginx) {
            auto s = std::make_unique<NginxServer>();
            ASSERT_TRUE(QFileInfo::exists(NginxServer::binary()));
            ASSERT_TRUE(s->start()) << s->error().toStdString();
            m_server = std::move(s);
        } else {
            auto s = std::make_unique<ApacheServer>();
            ASSERT_TRUE(QFileInfo::exists(ApacheServer::binary()));
            ASSERT_TRUE(s->start()) << s->error().toStdString();
            m_server = std::move(s);
        }
        ASSERT_TRUE(m_dir.isValid());
        m_body2m = makeBodyFile(m_dir.path(), 2 * 1024 * 1024);
    }

    QString url(const char *path) const { return m_server->url(QString::fromLatin1(path)); }

    // Runs ours and curl with the same arguments; checks they agree; returns ours.
    SendOutcome agreeWithCurl(const QStringList &args, const QStringList &curlOnly = {})
    {
        const SendOutcome ours = runSend(args);
        const CurlOutcome curl = runCurl(curlOnly + args);
        EXPECT_TRUE(curl.ran);
        EXPECT_EQ(ours.process.exitCode, 0) << ::testing::PrintToString(ours.process);
        EXPECT_EQ(ours.interim, curl.interimStatuses) << "curl trace:\n" << curl.trace.toStdString();
        EXPECT_EQ(ours.finalStatus, curl.finalStatus) << "curl trace:\n" << curl.trace.toStdString();
        EXPECT_EQ(ours.bodySent, curl.bodySent()) << "ours sent " << ours.bodySentBytes << ", curl "
                                                  << curl.bodySentBytes << "\n" << curl.trace.toStdString();
        if (ours.bodySent && curl.bodySent() && ours.finalStatus < 300) {
            EXPECT_EQ(ours.bodySentBytes, curl.bodySentBytes);
        }
        return ours;
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    QString m_body2m;
};

TEST_P(RealServer, PostWithExpectGets100Then200AndSendsTheBody)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, url("/upload")});
    EXPECT_EQ(sentHeader(o.last, QStringLiteral("Expect")), QStringLiteral("100-continue"));
    EXPECT_EQ(o.interim, QList<int>{100});
    EXPECT_EQ(o.finalStatus, 200);
    EXPECT_EQ(o.bodySentBytes, 2 * 1024 * 1024);
    const QStringList types = eventTypes(o.last);
    EXPECT_LT(types.indexOf(QStringLiteral("expect_wait_start")), types.indexOf(QStringLiteral("interim_response")));
    EXPECT_LT(types.indexOf(QStringLiteral("interim_response")), types.indexOf(QStringLiteral("body_send_start")));
    EXPECT_FALSE(types.contains(QStringLiteral("expect_timeout"))) << "the server answered 100; no timeout";
    const QJsonObject timings = o.last.value(QStringLiteral("timings_ms")).toObject();
    EXPECT_TRUE(timings.value(QStringLiteral("wait_100")).isDouble());
    EXPECT_LT(timings.value(QStringLiteral("wait_100")).toDouble(), 900.0);
    EXPECT_TRUE(timings.value(QStringLiteral("dns")).isNull()) << "an IP literal has no DNS phase";
    EXPECT_TRUE(timings.value(QStringLiteral("tls")).isNull());
}

TEST_P(RealServer, AuthRequiredAnswers401Without100AndNoBody)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, url("/private")});
    EXPECT_EQ(o.finalStatus, 401);
    EXPECT_TRUE(o.interim.isEmpty());
    EXPECT_FALSE(o.bodySent);
    EXPECT_EQ(o.bodySentBytes, 0);
}

TEST_P(RealServer, WithCredentialsTheBodyGoesThrough)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("-u"), QStringLiteral("user:secret"), QStringLiteral("--data-binary"),
                                         QLatin1Char('@') + m_body2m, url("/private")});
    EXPECT_EQ(o.finalStatus, 200);
    EXPECT_EQ(o.interim, QList<int>{100});
    EXPECT_TRUE(o.bodySent);
}

TEST_P(RealServer, OverTheSizeLimitAnswers413WithoutTheBody)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, url("/small")});
    EXPECT_EQ(o.finalStatus, 413);
    EXPECT_TRUE(o.interim.isEmpty());
    EXPECT_FALSE(o.bodySent);
}

TEST_P(RealServer, GetWithExpectHeader)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("-H"), QStringLiteral("Expect: 100-continue"), url("/index.html")});
    EXPECT_EQ(o.finalStatus, 200);
    EXPECT_FALSE(o.bodySent);
    EXPECT_EQ(sentHeader(o.last, QStringLiteral("Expect")), QStringLiteral("100-continue"));
}

TEST_P(RealServer, Http10GetAndPost)
{
    const SendOutcome get = agreeWithCurl({QStringLiteral("--http1.0"), url("/index.html")});
    EXPECT_EQ(get.finalStatus, 200);
    EXPECT_EQ(get.last.value(QStringLiteral("request")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("HTTP/1.0"));
    const SendOutcome post = agreeWithCurl({QStringLiteral("--http1.0"), QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, url("/upload")});
    EXPECT_EQ(post.finalStatus, 200);
    EXPECT_TRUE(post.interim.isEmpty()) << "RFC 9110 §10.1.1: no 100-continue with HTTP/1.0";
    EXPECT_TRUE(sentHeader(post.last, QStringLiteral("Expect")).isEmpty());
    EXPECT_TRUE(post.bodySent);
}

TEST_P(RealServer, ExpectNeverSendsTheBodyAtOnce)
{
    const SendOutcome o = agreeWithCurl({QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, QStringLiteral("-H"), QStringLiteral("Expect:"), url("/upload")});
    EXPECT_EQ(o.finalStatus, 200);
    EXPECT_TRUE(o.interim.isEmpty());
    EXPECT_TRUE(o.bodySent);
    EXPECT_TRUE(o.last.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("wait_100")).isNull());
}

INSTANTIATE_TEST_SUITE_P(Servers, RealServer, ::testing::Values(ServerKind::Nginx, ServerKind::Apache), kindName);

// Apache refuses an expectation it does not know with 417 (RFC 9110 §10.1.1).
TEST(RealApache, UnknownExpectationGets417AndTheRetrySucceeds)
{
    ApacheServer apache;
    ASSERT_TRUE(apache.start()) << apache.error().toStdString();
    const QStringList args{QStringLiteral("-H"), QStringLiteral("Expect: something-odd"), QStringLiteral("-d"), QStringLiteral("hello"),
                           apache.url(QStringLiteral("/upload"))};
    // Without the retry we see what curl sees.
    const SendOutcome once = runSend(QStringList{QStringLiteral("--no-retry-417")} + args);
    const CurlOutcome curl = runCurl(args);
    EXPECT_EQ(once.finalStatus, 417) << ::testing::PrintToString(once.process);
    EXPECT_EQ(curl.finalStatus, 417) << curl.trace.toStdString();
    EXPECT_EQ(once.interim, curl.interimStatuses);
    EXPECT_EQ(once.attempts.size(), 1);
    // With it (the default): a second attempt without Expect, and it succeeds.
    const SendOutcome retried = runSend(args);
    ASSERT_EQ(retried.attempts.size(), 2) << ::testing::PrintToString(retried.process);
    EXPECT_EQ(retried.attempts.at(0).toObject().value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 417);
    EXPECT_EQ(retried.last.value(QStringLiteral("reason")).toString(), QStringLiteral("retry-without-expect"));
    EXPECT_TRUE(sentHeader(retried.last, QStringLiteral("Expect")).isEmpty());
    EXPECT_EQ(retried.finalStatus, 200);
    EXPECT_EQ(retried.process.exitCode, 0);
}

} // namespace
