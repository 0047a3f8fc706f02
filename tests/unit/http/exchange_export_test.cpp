// SPDX-License-Identifier: GPL-3.0-or-later
// The --json shape of DESIGN.md and the HAR export, from an Exchange built by hand on a fake
// clock: exact field names, ms from the exchange start, null for phases that did not happen.
#include "core/http/exchange_har.h"
#include "core/http/exchange_json.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

Event ev(EventType type, double ms, int status = 0)
{
    Event e;
    e.type = type;
    e.tNs = 1'000'000'000 + qint64(ms * 1e6);
    e.status = status;
    return e;
}

Exchange retried417()
{
    Exchange x;
    x.url = QUrl(QStringLiteral("http://h.test/up"));
    x.startedAt = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
    x.startNs = 1'000'000'000;
    Attempt a;
    a.url = x.url;
    a.request.method = "POST";
    a.request.target = "/up";
    a.request.headers = {Header("Host", "h.test"), Header("Expect", "100-continue")};
    a.request.bodyBytes = 10;
    a.request.expectSent = true;
    a.connection.remote = QStringLiteral("192.0.2.1:80");
    a.events = {ev(EventType::ConnectStart, 0), ev(EventType::ConnectDone, 1), ev(EventType::RequestHeadersSent, 1.5),
                ev(EventType::ExpectWaitStart, 1.5), ev(EventType::ResponseHeaders, 4, 417), ev(EventType::ResponseBodyDone, 4)};
    Response r;
    r.status = 417;
    r.reason = "Expectation Failed";
    r.firstByteNs = a.events[4].tNs;
    r.tNs = a.events[4].tNs;
    a.response = r;
    Attempt b = a;
    b.reason = AttemptReason::RetryWithoutExpect;
    b.connection.reused = true;
    b.request.headers = {Header("Host", "h.test")};
    b.request.expectSent = false;
    b.request.bodySentBytes = 10;
    b.events = {ev(EventType::RequestHeadersSent, 5), ev(EventType::BodySendStart, 5), ev(EventType::BodySent, 6),
                ev(EventType::ResponseHeaders, 8, 200), ev(EventType::ResponseBodyDone, 9)};
    r.status = 200;
    r.reason = "OK";
    r.firstByteNs = b.events[3].tNs;
    r.tNs = b.events[3].tNs;
    r.bodyBytes = 2;
    r.body = "ok";
    b.response = r;
    x.attempts = {a, b};
    return x;
}

TEST(ExchangeJson, DesignShape)
{
    const QJsonObject j = exchangeToJson(retried417());
    EXPECT_EQ(j.value(QStringLiteral("url")).toString(), QStringLiteral("http://h.test/up"));
    EXPECT_EQ(j.value(QStringLiteral("started_at")).toString(), QStringLiteral("2026-11-26T10:00:00.000Z"));
    EXPECT_EQ(j.value(QStringLiteral("final_status")).toInt(), 200);
    const QJsonArray attempts = j.value(QStringLiteral("attempts")).toArray();
    ASSERT_EQ(attempts.size(), 2);
    const QJsonObject first = attempts.at(0).toObject();
    for (const char *key : {"reason", "request", "connection", "events", "interim", "response", "body_sent", "timings_ms", "error"})
        EXPECT_TRUE(first.contains(QLatin1String(key))) << key;
    EXPECT_EQ(first.value(QStringLiteral("reason")).toString(), QStringLiteral("initial"));
    const QJsonObject req = first.value(QStringLiteral("request")).toObject();
    for (const char *key : {"method", "target", "version", "headers", "body_bytes", "body_sent_bytes"})
        EXPECT_TRUE(req.contains(QLatin1String(key))) << key;
    EXPECT_EQ(req.value(QStringLiteral("headers")).toArray().at(1).toArray().at(0).toString(), QStringLiteral("Expect"));
    const QJsonObject conn = first.value(QStringLiteral("connection")).toObject();
    EXPECT_EQ(conn.value(QStringLiteral("remote")).toString(), QStringLiteral("192.0.2.1:80"));
    EXPECT_TRUE(conn.value(QStringLiteral("tls")).isNull());
    const QJsonObject ev0 = first.value(QStringLiteral("events")).toArray().at(4).toObject();
    EXPECT_EQ(ev0.value(QStringLiteral("type")).toString(), QStringLiteral("response_headers"));
    EXPECT_DOUBLE_EQ(ev0.value(QStringLiteral("t_ms")).toDouble(), 4.0);
    const QJsonObject t = first.value(QStringLiteral("timings_ms")).toObject();
    for (const char *key : {"dns", "connect", "tls", "send_headers", "wait_100", "upload", "ttfb", "download", "total"})
        EXPECT_TRUE(t.contains(QLatin1String(key))) << key;
    EXPECT_TRUE(t.value(QStringLiteral("dns")).isNull());
    EXPECT_TRUE(t.value(QStringLiteral("upload")).isNull());
    EXPECT_DOUBLE_EQ(t.value(QStringLiteral("wait_100")).toDouble(), 2.5);
    EXPECT_FALSE(first.value(QStringLiteral("body_sent")).toBool());
    EXPECT_TRUE(first.value(QStringLiteral("error")).isNull());
    const QJsonObject second = attempts.at(1).toObject();
    EXPECT_EQ(second.value(QStringLiteral("reason")).toString(), QStringLiteral("retry-without-expect"));
    EXPECT_TRUE(second.value(QStringLiteral("body_sent")).toBool());
    EXPECT_TRUE(second.value(QStringLiteral("connection")).toObject().value(QStringLiteral("reused")).toBool());
    const QJsonObject resp = second.value(QStringLiteral("response")).toObject();
    for (const char *key : {"status", "reason", "version", "headers", "body_bytes", "t_ms"})
        EXPECT_TRUE(resp.contains(QLatin1String(key))) << key;
    EXPECT_DOUBLE_EQ(second.value(QStringLiteral("timings_ms")).toObject().value(QStringLiteral("ttfb")).toDouble(), 2.0);
}

TEST(ExchangeHar, StandardFieldsAndCustomOnes)
{
    const QJsonObject har = exchangeToHar(retried417());
    const QJsonObject log = har.value(QStringLiteral("log")).toObject();
    EXPECT_EQ(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
    const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
    ASSERT_EQ(entries.size(), 1);
    const QJsonObject e = entries.at(0).toObject();
    EXPECT_EQ(e.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 200);
    EXPECT_EQ(e.value(QStringLiteral("response")).toObject().value(QStringLiteral("content")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("ok"));
    const QJsonObject timings = e.value(QStringLiteral("timings")).toObject();
    EXPECT_DOUBLE_EQ(timings.value(QStringLiteral("dns")).toDouble(), -1.0);
    EXPECT_DOUBLE_EQ(timings.value(QStringLiteral("send")).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(timings.value(QStringLiteral("wait")).toDouble(), 2.0);
    EXPECT_DOUBLE_EQ(timings.value(QStringLiteral("receive")).toDouble(), 1.0);
    EXPECT_EQ(e.value(QStringLiteral("serverIPAddress")).toString(), QStringLiteral("192.0.2.1"));
    const QJsonArray attempts = e.value(QStringLiteral("_attempts")).toArray();
    ASSERT_EQ(attempts.size(), 2);
    EXPECT_EQ(attempts.at(0).toObject().value(QStringLiteral("status")).toInt(), 417);
    const QJsonObject expect = e.value(QStringLiteral("_expect")).toObject();
    EXPECT_TRUE(expect.value(QStringLiteral("sent")).toBool());
    EXPECT_EQ(expect.value(QStringLiteral("outcome")).toString(), QStringLiteral("417"));
    EXPECT_TRUE(expect.value(QStringLiteral("retriedWithoutExpect")).toBool());
    EXPECT_TRUE(e.value(QStringLiteral("_interimResponses")).isArray());
}

} // namespace
