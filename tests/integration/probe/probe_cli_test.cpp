// SPDX-License-Identifier: GPL-3.0-or-later
// statusscope-cli probe: the JSON contract (exact keys, check ids in order, routes), the table,
// the exit statuses, against real nginx instances on loopback and a closed port.
#include "tests/support/nginx_server.h"
#include "tests/support/server_process.h"
#include "tests/support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace statusscope::test;

namespace {

const QStringList kIds{QStringLiteral("continue_small"), QStringLiteral("early_final"), QStringLiteral("unknown_expectation"),
                       QStringLiteral("no_body"),        QStringLiteral("http10"),      QStringLiteral("no_100_wait"),
                       QStringLiteral("after_early_final"), QStringLiteral("interim_order")};

QJsonObject parse(const ProcessResult &r)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out.toStdString();
    return doc.object();
}

TEST(ProbeCli, JsonContractAgainstNginx)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    const QString url = nginx.url(QStringLiteral("/small"));
    const ProcessResult r = runCli({QStringLiteral("probe"), url, QStringLiteral("--json")}, 120000);
    ASSERT_TRUE(r.finished) << ::testing::PrintToString(r);
    EXPECT_EQ(r.exitCode, 0) << ::testing::PrintToString(r);
    const QJsonObject root = parse(r);
    EXPECT_EQ(root.keys(), (QStringList{QStringLiteral("checks"), QStringLiteral("proxy"), QStringLiteral("summary"),
                                        QStringLiteral("url")}));
    EXPECT_EQ(root.value(QStringLiteral("url")).toString(), url);
    EXPECT_TRUE(root.value(QStringLiteral("proxy")).isNull());
    EXPECT_TRUE(root.value(QStringLiteral("summary")).toString().startsWith(QStringLiteral("origin sends 100 Continue after")));
    const QJsonArray checks = root.value(QStringLiteral("checks")).toArray();
    ASSERT_EQ(checks.size(), 8);
    for (int i = 0; i < 8; ++i) {
        const QJsonObject c = checks.at(i).toObject();
        EXPECT_EQ(c.value(QStringLiteral("id")).toString(), kIds.at(i));
        EXPECT_EQ(c.value(QStringLiteral("via")).toString(), QStringLiteral("direct"));
        EXPECT_EQ(c.keys().size(), 10) << QJsonDocument(c).toJson().toStdString();
        const QString verdict = c.value(QStringLiteral("verdict")).toString();
        EXPECT_TRUE(QStringList({QStringLiteral("conforms"), QStringLiteral("allowed"), QStringLiteral("violates"),
                                 QStringLiteral("inconclusive")})
                        .contains(verdict));
        EXPECT_TRUE(c.value(QStringLiteral("rfc")).toString().startsWith(QStringLiteral("RFC 911")));
        EXPECT_FALSE(c.value(QStringLiteral("guide")).toString().isEmpty());
        EXPECT_TRUE(c.value(QStringLiteral("timings_ms")).isObject());
        EXPECT_TRUE(c.value(QStringLiteral("body_sent")).isBool());
    }
    const QJsonObject early = checks.at(1).toObject();
    EXPECT_EQ(early.value(QStringLiteral("status")).toInt(), 413);
    EXPECT_EQ(early.value(QStringLiteral("body_sent")).toBool(), false);
    EXPECT_EQ(early.value(QStringLiteral("interim")).toArray(), QJsonArray());
    EXPECT_EQ(checks.at(0).toObject().value(QStringLiteral("interim")).toArray(), QJsonArray{100});
}

TEST(ProbeCli, WithAProxyEveryCheckAppearsOncePerRoute)
{
    NginxServer origin;
    ASSERT_TRUE(origin.start()) << origin.error().toStdString();
    NginxServer proxy;
    ASSERT_TRUE(proxy.startProxyTo(origin.port())) << proxy.error().toStdString();
    const ProcessResult r = runCli({QStringLiteral("probe"), origin.url(QStringLiteral("/upload")), QStringLiteral("--proxy"),
                                    proxy.url(QString()), QStringLiteral("--method"), QStringLiteral("POST"),
                                    QStringLiteral("--json")},
                                   120000);
    ASSERT_TRUE(r.finished) << ::testing::PrintToString(r);
    EXPECT_EQ(r.exitCode, 0) << ::testing::PrintToString(r);
    const QJsonObject root = parse(r);
    EXPECT_EQ(root.value(QStringLiteral("proxy")).toString(), proxy.url(QString()));
    const QJsonArray checks = root.value(QStringLiteral("checks")).toArray();
    ASSERT_EQ(checks.size(), 16);
    for (int i = 0; i < 16; ++i) {
        EXPECT_EQ(checks.at(i).toObject().value(QStringLiteral("id")).toString(), kIds.at(i % 8));
        EXPECT_EQ(checks.at(i).toObject().value(QStringLiteral("via")).toString(),
                  i < 8 ? QStringLiteral("direct") : QStringLiteral("proxy"));
    }
    // /upload takes 2 GiB directly; the proxy's default client_max_body_size (1m) refuses the
    // 2 MiB body before it: the table shows which hop does what.
    EXPECT_EQ(checks.at(1).toObject().value(QStringLiteral("status")).toInt(), 200);
    EXPECT_EQ(checks.at(9).toObject().value(QStringLiteral("status")).toInt(), 413);
    EXPECT_TRUE(root.value(QStringLiteral("summary")).toString().contains(QStringLiteral("the proxy changes: early_final")))
        << root.value(QStringLiteral("summary")).toString().toStdString();
}

TEST(ProbeCli, TableOutput)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    const ProcessResult r = runCli({QStringLiteral("probe"), nginx.url(QStringLiteral("/small"))}, 120000);
    ASSERT_TRUE(r.finished) << ::testing::PrintToString(r);
    EXPECT_EQ(r.exitCode, 0) << ::testing::PrintToString(r);
    const QString out = QString::fromUtf8(r.out);
    EXPECT_TRUE(out.startsWith(QStringLiteral("Expect probe of PUT %1\n").arg(nginx.url(QStringLiteral("/small"))))) << ::testing::PrintToString(r);
    EXPECT_TRUE(out.contains(QStringLiteral("early_final         413    -        held  conforms      RFC 9110 §10.1.1"))) << ::testing::PrintToString(r);
    EXPECT_TRUE(out.contains(QStringLiteral("guide: statusscope-cli guide 413"))) << ::testing::PrintToString(r);
    EXPECT_TRUE(out.contains(QStringLiteral("\nSummary: origin sends 100 Continue after"))) << ::testing::PrintToString(r);
}

TEST(ProbeCli, ClosedPortExitsWithTheConnectStatus)
{
    const quint16 port = freeLoopbackPort();
    const ProcessResult r = runCli({QStringLiteral("probe"), QStringLiteral("http://127.0.0.1:%1/x").arg(port), QStringLiteral("--json")});
    ASSERT_TRUE(r.finished) << ::testing::PrintToString(r);
    EXPECT_EQ(r.exitCode, 4) << ::testing::PrintToString(r);
    const QJsonArray checks = parse(r).value(QStringLiteral("checks")).toArray();
    ASSERT_EQ(checks.size(), 8);
    for (const QJsonValue &c : checks) {
        EXPECT_EQ(c.toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("inconclusive"));
        EXPECT_TRUE(c.toObject().value(QStringLiteral("status")).isNull());
        EXPECT_EQ(c.toObject().value(QStringLiteral("guide")).toString(), QStringLiteral("connection-refused"));
    }
}

TEST(ProbeCli, UsageErrors)
{
    const ProcessResult get = runCli({QStringLiteral("probe"), QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("-X"), QStringLiteral("GET")});
    EXPECT_EQ(get.exitCode, 2) << ::testing::PrintToString(get);
    EXPECT_TRUE(get.err.contains("the method must be PUT or POST")) << ::testing::PrintToString(get);
    const ProcessResult none = runCli({QStringLiteral("probe")});
    EXPECT_EQ(none.exitCode, 2) << ::testing::PrintToString(none);
    EXPECT_TRUE(none.err.contains("no URL given")) << ::testing::PrintToString(none);
    const ProcessResult big = runCli({QStringLiteral("probe"), QStringLiteral("http://127.0.0.1:1/"), QStringLiteral("--large-body"),
                                      QStringLiteral("4194304")});
    EXPECT_EQ(big.exitCode, 2) << ::testing::PrintToString(big);
    EXPECT_TRUE(big.err.contains("body sizes")) << ::testing::PrintToString(big);
    const ProcessResult ftp = runCli({QStringLiteral("probe"), QStringLiteral("ftp://127.0.0.1/")});
    EXPECT_EQ(ftp.exitCode, 2) << ::testing::PrintToString(ftp);
    const ProcessResult unknown = runCli({QStringLiteral("probe"), QStringLiteral("--bogus")});
    EXPECT_EQ(unknown.exitCode, 2) << ::testing::PrintToString(unknown);
    const ProcessResult help = runCli({QStringLiteral("probe"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0) << ::testing::PrintToString(help);
    EXPECT_TRUE(help.out.contains("after_early_final")) << ::testing::PrintToString(help);
}

} // namespace
