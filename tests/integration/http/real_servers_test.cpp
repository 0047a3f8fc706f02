// SPDX-License-Identifier: GPL-3.0-or-later
// Against real nginx and Apache httpd on loopback, with curl as the reference client: on the
// same server and request, our interim statuses, final status and whether the body was sent
// must agree with what `curl --trace-ascii` shows.
#include "tests/integration/http/send_outcome.h"
#include "tests/support/apache_server.h"
#include "tests/support/curl_reference.h"
#include "tests/support/nginx_server.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace statusscope::test;

namespace {

enum class ServerKind { Nginx, Apache };

// Writes a `send --json` result to a file for `statusscope-cli diagnose`.
QString saveJson(const QTemporaryDir &dir, const SendOutcome &o)
{
    const QString path = dir.filePath(QStringLiteral("exchange.json"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(o.json).toJson());
    return path;
}

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

// RFC 9110 §10.1.1: the 417 to an expectation other than 100-continue is final: one attempt,
// the user's header kept, the same 417 curl reports. Apache refuses it by itself on every path;
// nginx ignores unknown expectations, so its /gate refuses any Expect, as a gateway does.
TEST_P(RealServer, UnknownExpectation417IsFinalWithOneAttempt)
{
    const char *path = GetParam() == ServerKind::Apache ? "/upload" : "/gate";
    const QStringList args{QStringLiteral("-H"), QStringLiteral("Expect: something-odd"), QStringLiteral("-d"), QStringLiteral("hello"),
                           url(path)};
    const SendOutcome o = runSend(args);
    const CurlOutcome curl = runCurl(args);
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    EXPECT_EQ(curl.finalStatus, 417) << curl.trace.toStdString();
    EXPECT_EQ(o.finalStatus, 417);
    EXPECT_EQ(o.interim, curl.interimStatuses);
    ASSERT_EQ(o.attempts.size(), 1) << "no retry without the user's expectation";
    EXPECT_EQ(sentHeader(o.last, QStringLiteral("Expect")), QStringLiteral("something-odd"));
    // The diagnosis explains why the 417 stands.
    const ProcessResult d = runCli({QStringLiteral("diagnose"), saveJson(m_dir, o)});
    EXPECT_EQ(d.exitCode, 0) << ::testing::PrintToString(d);
    EXPECT_TRUE(d.out.contains("This 417 is the final answer")) << d.out.toStdString();
}

// A gateway that refuses Expect: 100-continue: the 417 comes before the body and the request is
// repeated once without the expectation, on a new connection (nginx keeps the old one and would
// read the retry as the body it still expects), and succeeds.
TEST_P(RealServer, Continue417IsRetriedWithoutExpect)
{
    const SendOutcome o = runSend({QStringLiteral("--data-binary"), QLatin1Char('@') + m_body2m, url("/gate")});
    EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    ASSERT_EQ(o.attempts.size(), 2) << ::testing::PrintToString(o.process);
    const QJsonObject first = o.attempts.at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 417);
    EXPECT_EQ(sentHeader(first, QStringLiteral("Expect")), QStringLiteral("100-continue"));
    EXPECT_FALSE(first.value(QStringLiteral("body_sent")).toBool());
    EXPECT_EQ(o.last.value(QStringLiteral("reason")).toString(), QStringLiteral("retry-without-expect"));
    EXPECT_TRUE(sentHeader(o.last, QStringLiteral("Expect")).isEmpty());
    EXPECT_FALSE(o.last.value(QStringLiteral("connection")).toObject().value(QStringLiteral("reused")).toBool());
    EXPECT_EQ(o.finalStatus, 200);
    EXPECT_EQ(o.bodySentBytes, 2 * 1024 * 1024);
}

// --no-retry-417 keeps the 417 to a 100-continue too: what curl shows for one request.
TEST(RealApache, NoRetry417KeepsTheFirstAnswer)
{
    ApacheServer apache;
    ASSERT_TRUE(apache.start()) << apache.error().toStdString();
    const SendOutcome once = runSend({QStringLiteral("--no-retry-417"), QStringLiteral("-H"), QStringLiteral("Expect: 100-continue"),
                                      QStringLiteral("-d"), QStringLiteral("hello"), apache.url(QStringLiteral("/gate"))});
    EXPECT_EQ(once.finalStatus, 417) << ::testing::PrintToString(once.process);
    EXPECT_EQ(once.attempts.size(), 1);
}

// nginx answers /ret with its 100 Continue and then its 200 without reading the body, in two
// writes. Usually both arrive in one read, before a byte of the queued body left: then there is
// no upload phase, the body is not sent, and the connection (on which nginx still expects that
// body) is not reused. On a busy machine the 100 can arrive alone and the body starts before
// the 200 is read; the record must then say exactly that. So the request is repeated until the
// first case is seen, and every run is checked against what it shows.
TEST(RealNginx, FinalRightAfter100MeansNoUploadAndNoReuse)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    constexpr qint64 kBodyBytes = 2 * 1024 * 1024;
    const QString body = makeBodyFile(dir.path(), kBodyBytes);
    constexpr int kTries = 8;
    int finalBeforeBody = 0;
    for (int run = 1; run <= kTries && finalBeforeBody == 0; ++run) {
        SCOPED_TRACE(::testing::Message() << "run " << run);
        const SendOutcome o = runSend({QStringLiteral("--data-binary"), QLatin1Char('@') + body, nginx.url(QStringLiteral("/ret"))});
        EXPECT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
        EXPECT_EQ(o.finalStatus, 200);
        EXPECT_EQ(o.interim, QList<int>{100});
        ASSERT_EQ(o.attempts.size(), 1);
        const QStringList types = eventTypes(o.last);
        const QString order = types.join(QLatin1Char(' '));
        const QJsonObject timings = o.last.value(QStringLiteral("timings_ms")).toObject();
        EXPECT_TRUE(timings.value(QStringLiteral("wait_100")).isDouble());
        if (!types.contains(QStringLiteral("body_send_start"))) {
            ++finalBeforeBody;
            EXPECT_EQ(o.bodySentBytes, 0);
            EXPECT_FALSE(o.bodySent);
            EXPECT_FALSE(types.contains(QStringLiteral("body_sent"))) << order.toStdString();
            EXPECT_TRUE(timings.value(QStringLiteral("upload")).isNull()) << "no upload phase when nothing was uploaded";
            EXPECT_EQ(types.last(), QStringLiteral("connection_closed")) << "closed by us: not reused";
            continue;
        }
        // The 100 came alone: the body followed it, and what left is counted.
        EXPECT_LT(types.indexOf(QStringLiteral("interim_response")), types.indexOf(QStringLiteral("body_send_start")))
            << order.toStdString();
        if (o.bodySent) {
            EXPECT_EQ(o.bodySentBytes, kBodyBytes);
            EXPECT_TRUE(timings.value(QStringLiteral("upload")).isDouble()) << order.toStdString();
        } else {
            EXPECT_LT(o.bodySentBytes, kBodyBytes);
            EXPECT_EQ(types.last(), QStringLiteral("connection_closed")) << "a body cut off by the 200 ends the connection";
        }
    }
    EXPECT_EQ(finalBeforeBody, 1) << "the 200 never arrived before the body started in " << kTries << " runs";
}

} // namespace
