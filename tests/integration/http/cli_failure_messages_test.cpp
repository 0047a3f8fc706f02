// SPDX-License-Identifier: GPL-3.0-or-later
// What statusscope-cli send says when there is no answer to show: a proxy that refuses the
// tunnel, a server that closes without a byte (nginx's 444) or resets the connection, and where
// the total of an attempt starts.

#include "scripted_helpers.h"
#include "send_outcome.h"
#include "tests/support/nginx_server.h"
#include "tests/support/scripted_replies.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::test;

namespace {

QJsonObject firstEvent(const QJsonObject &attempt, const QString &type)
{
    for (const QJsonValue &e : attempt.value(QStringLiteral("events")).toArray()) {
        if (e.toObject().value(QStringLiteral("type")).toString() == type)
            return e.toObject();
    }
    return {};
}

QString errorMessage(const SendOutcome &o)
{
    return o.last.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

TEST(CliFailures, ProxyRefusingTheTunnelIsAProxyErrorWithItsStatus)
{
    ScriptedServer proxy(forEveryConnection([](ScriptedPeer &peer) {
        if (peer.readHead(2000).startsWith("CONNECT origin.test:443 HTTP/1.1\r\n"))
            peer.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        peer.waitForClientClose(2000);
    }));
    const SendOutcome o = runSend({QStringLiteral("-x"), proxy.url(), QStringLiteral("https://origin.test/")});
    EXPECT_EQ(o.process.exitCode, 9) << ::testing::PrintToString(o.process);
    EXPECT_EQ(o.errorKind, QStringLiteral("proxy"));
    EXPECT_TRUE(errorMessage(o).contains(QStringLiteral("403 Forbidden"))) << errorMessage(o).toStdString();
    EXPECT_TRUE(o.json.value(QStringLiteral("final_status")).isNull()) << "the 403 is the proxy's, not the origin's";
    const QJsonObject request = o.last.value(QStringLiteral("request")).toObject();
    EXPECT_EQ(request.value(QStringLiteral("method")).toString(), QStringLiteral("CONNECT"));
    EXPECT_EQ(request.value(QStringLiteral("target")).toString(), QStringLiteral("origin.test:443"));
    const QJsonObject finding = firstEvent(o.last, QStringLiteral("finding"));
    EXPECT_TRUE(finding.value(QStringLiteral("detail")).toString().contains(QStringLiteral("answered CONNECT origin.test:443 with 403")))
        << finding.value(QStringLiteral("detail")).toString().toStdString();
    EXPECT_TRUE(QString::fromUtf8(o.process.err).contains(QStringLiteral("proxy error"))) << o.process.err.toStdString();

    // The saved exchange diagnoses as a proxy failure that names the proxy's answer.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("exchange.json"));
    QFile file(saved);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(o.process.out);
    file.close();
    const ProcessResult diagnosis = runCli({QStringLiteral("diagnose"), saved});
    const QString text = QString::fromUtf8(diagnosis.out);
    EXPECT_TRUE(text.contains(QStringLiteral("Proxy failure"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("403 Forbidden"))) << text.toStdString();
}

TEST(CliFailures, CleanCloseWithoutResponseAndResetAreToldApart)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    const SendOutcome dropped = runSend({nginx.url(QStringLiteral("/drop"))});
    ScriptedServer resetting(resetAfterRequest());
    const SendOutcome reset = runSend({resetting.url()});

    EXPECT_EQ(dropped.process.exitCode, 7) << ::testing::PrintToString(dropped.process);
    EXPECT_EQ(reset.process.exitCode, 7) << ::testing::PrintToString(reset.process);
    const QString droppedText = errorMessage(dropped);
    const QString resetText = errorMessage(reset);
    EXPECT_TRUE(droppedText.contains(QStringLiteral("closed the connection cleanly before any response"))) << droppedText.toStdString();
    EXPECT_TRUE(droppedText.contains(QStringLiteral("444"))) << droppedText.toStdString();
#ifdef Q_OS_LINUX
    EXPECT_TRUE(resetText.contains(QStringLiteral("reset the connection (TCP RST) before any response"))) << resetText.toStdString();
    EXPECT_NE(droppedText, resetText);
    EXPECT_TRUE(QString::fromUtf8(reset.process.err).contains(QStringLiteral("TCP RST"))) << reset.process.err.toStdString();
#endif
}

// DESIGN.md: times are from the start of the exchange, so the first attempt's total runs from
// 0 to its last event, whatever came before its first event.
TEST(CliFailures, TotalOfTheFirstAttemptStartsWithTheExchange)
{
    NginxServer nginx;
    ASSERT_TRUE(nginx.start()) << nginx.error().toStdString();
    const SendOutcome o = runSend({nginx.url(QStringLiteral("/index.html"))});
    ASSERT_EQ(o.process.exitCode, 0) << ::testing::PrintToString(o.process);
    const QJsonArray events = o.last.value(QStringLiteral("events")).toArray();
    ASSERT_FALSE(events.isEmpty());
    const double lastMs = events.last().toObject().value(QStringLiteral("t_ms")).toDouble();
    const QJsonObject timings = o.last.value(QStringLiteral("timings_ms")).toObject();
    EXPECT_EQ(o.last.value(QStringLiteral("started_ms")).toDouble(-1), 0.0);
    EXPECT_NEAR(timings.value(QStringLiteral("total")).toDouble(), lastMs, 0.002);
    double phases = 0;
    for (const char *name : {"dns", "connect", "send_headers", "ttfb", "download"})
        phases += timings.value(QLatin1String(name)).toDouble(0);
    EXPECT_GE(timings.value(QStringLiteral("total")).toDouble() + 0.002, phases);
}

} // namespace
