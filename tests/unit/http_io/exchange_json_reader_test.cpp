// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/exchange_json.h"
#include "core/http_io/exchange_json_reader.h"

#include "tests/support/qt_printers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

constexpr qint64 kMs = 1000000;

Event ev(EventType type, double ms, int status = 0, qint64 bytes = -1, const QString &detail = {})
{
    Event e;
    e.type = type;
    e.tNs = qint64(ms * kMs);
    e.status = status;
    e.bytes = bytes;
    e.detail = detail;
    return e;
}

// A 417 then a retry, over TLS, with a 103 Early Hints before the final 200.
Exchange sample()
{
    Exchange x;
    x.url = QUrl(QStringLiteral("https://upload.example/put"));
    x.startedAt = QDateTime(QDate(2026, 11, 26), QTime(10, 0, 0, 123), Qt::UTC);
    x.startNs = 0;

    Attempt first;
    first.reason = AttemptReason::Initial;
    first.url = x.url;
    first.request = SentRequest{"PUT", "/put", HttpVersion::Http11,
                                {{"Host", "upload.example"}, {"Expect", "100-continue"}, {"Content-Length", "2097152"}},
                                2097152, 0, true};
    first.connection.remote = QStringLiteral("192.0.2.7:443");
    TlsInfo tls;
    tls.version = QStringLiteral("TLSv1.3");
    tls.cipher = QStringLiteral("TLS_AES_128_GCM_SHA256");
    tls.peerSubject = QStringLiteral("CN=upload.example");
    tls.peerIssuer = QStringLiteral("CN=Test CA");
    tls.peerExpiry = QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    tls.verified = true;
    first.connection.tls = tls;
    first.events = {ev(EventType::DnsStart, 0, 0, -1, QStringLiteral("upload.example")),
                    ev(EventType::DnsDone, 1.5, 0, -1, QStringLiteral("192.0.2.7")),
                    ev(EventType::ConnectStart, 1.5), ev(EventType::ConnectDone, 3.25),
                    ev(EventType::TlsStart, 3.25), ev(EventType::TlsDone, 9.125),
                    ev(EventType::RequestHeadersSent, 9.5, 0, 120), ev(EventType::ExpectWaitStart, 9.5),
                    ev(EventType::ResponseHeaders, 12.0, 417), ev(EventType::ResponseBodyDone, 12.0, 0, 0)};
    Response rejected;
    rejected.status = 417;
    rejected.reason = "Expectation Failed";
    rejected.headers = {{"Content-Length", "0"}};
    rejected.firstByteNs = qint64(11.75 * kMs);
    rejected.tNs = 12 * kMs;
    rejected.bodyComplete = true;
    first.response = rejected;

    Attempt retry;
    retry.reason = AttemptReason::RetryWithoutExpect;
    retry.url = x.url;
    retry.request = SentRequest{"PUT", "/put", HttpVersion::Http11, {{"Host", "upload.example"}}, 2097152, 2097152, false};
    retry.connection.remote = first.connection.remote;
    retry.connection.reused = true;
    retry.events = {ev(EventType::RequestHeadersSent, 12.5, 0, 90), ev(EventType::BodySendStart, 12.5),
                    ev(EventType::InterimResponse, 13.0, 103), ev(EventType::BodySent, 40.0, 0, 2097152),
                    ev(EventType::ResponseHeaders, 45.0, 200), ev(EventType::ResponseBodyDone, 46.0, 0, 2)};
    InterimResponse hints;
    hints.status = 103;
    hints.reason = "Early Hints";
    hints.headers = {{"Link", "</style.css>; rel=preload; as=style"}, {"Link", "</app.js>; rel=preload; as=script"}};
    hints.tNs = 13 * kMs;
    retry.interim = {hints};
    Response ok;
    ok.status = 200;
    ok.reason = "OK";
    ok.headers = {{"Content-Type", "application/json"}, {"Content-Length", "2"}};
    ok.firstByteNs = qint64(44.5 * kMs);
    ok.tNs = 45 * kMs;
    ok.bodyBytes = 2;
    ok.bodyComplete = true;
    retry.response = ok;
    x.attempts = {first, retry};
    return x;
}

} // namespace

TEST(ExchangeJsonReader, ReadsBackWhatTheWriterWrote)
{
    const QJsonObject written = exchangeToJson(sample());
    const ExchangeReadResult read = readExchangeJson(QJsonDocument(written).toJson());
    ASSERT_TRUE(read.ok()) << read.describe().toStdString();
    EXPECT_TRUE(read.warnings.isEmpty());
    // Written again, it is the same JSON: every field the contract names survived.
    EXPECT_EQ(exchangeToJson(read.exchange), written);
    const Exchange &x = read.exchange;
    ASSERT_EQ(x.attempts.size(), 2);
    EXPECT_EQ(x.attempts.at(1).reason, AttemptReason::RetryWithoutExpect);
    ASSERT_EQ(x.attempts.at(1).interim.size(), 1);
    EXPECT_EQ(x.attempts.at(1).interim.first().headers.size(), 2);
    EXPECT_EQ(x.attempts.at(1).interim.first().headers.at(1).second, QByteArray("</app.js>; rel=preload; as=script"));
    EXPECT_EQ(x.finalStatus(), std::optional<int>(200));
    EXPECT_EQ(x.attempts.at(0).connection.tls->cipher, QStringLiteral("TLS_AES_128_GCM_SHA256"));
    // Offsets keep their value: derived timings match the original's.
    const Timings original = deriveTimings(sample().attempts.at(0));
    const Timings back = deriveTimings(x.attempts.at(0));
    EXPECT_EQ(back.wait100, original.wait100);
    EXPECT_EQ(back.tls, original.tls);
    EXPECT_EQ(x.startedAt, sample().startedAt);
}

TEST(ExchangeJsonReader, ATransportErrorComesBack)
{
    Exchange x = sample();
    x.attempts.removeLast();
    x.attempts.first().response.reset();
    x.attempts.first().error = Error{ErrorKind::Cancelled, QStringLiteral("cancelled by the user")};
    const ExchangeReadResult read = readExchangeJson(QJsonDocument(exchangeToJson(x)).toJson());
    ASSERT_TRUE(read.ok()) << read.describe().toStdString();
    EXPECT_EQ(read.exchange.error().kind, ErrorKind::Cancelled);
    EXPECT_FALSE(read.exchange.finalStatus().has_value());
}

TEST(ExchangeJsonReader, ErrorsSayWhatAndWhere)
{
    ExchangeReadResult r = readExchangeJson("{\"attempts\": [}");
    EXPECT_EQ(r.status, ExchangeReadStatus::NotJson);
    EXPECT_EQ(r.byteOffset, 15);
    EXPECT_TRUE(r.describe().endsWith(QStringLiteral("(byte 15)"))) << r.describe().toStdString();

    r = readExchangeJson("{\"log\": {\"entries\": []}}");
    EXPECT_EQ(r.status, ExchangeReadStatus::NotExchange);
    EXPECT_EQ(r.describe(), QStringLiteral("attempts: missing"));

    QJsonObject json = exchangeToJson(sample());
    QJsonArray attempts = json.value(QStringLiteral("attempts")).toArray();
    QJsonObject second = attempts.at(1).toObject();
    second.insert(QStringLiteral("reason"), QStringLiteral("because"));
    attempts.replace(1, second);
    json.insert(QStringLiteral("attempts"), attempts);
    r = readExchangeJson(QJsonDocument(json).toJson());
    EXPECT_EQ(r.describe(), QStringLiteral("attempts[1].reason: unknown attempt reason \"because\""));

    json = exchangeToJson(sample());
    attempts = json.value(QStringLiteral("attempts")).toArray();
    QJsonObject first = attempts.at(0).toObject();
    QJsonObject response = first.value(QStringLiteral("response")).toObject();
    response.insert(QStringLiteral("headers"), QJsonArray{QJsonArray{QStringLiteral("only-a-name")}});
    first.insert(QStringLiteral("response"), response);
    attempts.replace(0, first);
    json.insert(QStringLiteral("attempts"), attempts);
    r = readExchangeJson(QJsonDocument(json).toJson());
    EXPECT_EQ(r.describe(), QStringLiteral("attempts[0].response.headers[0]: expected [name, value] strings"));
}

TEST(ExchangeJsonReader, UnknownEventTypesAreSkippedAndCounted)
{
    QJsonObject json = exchangeToJson(sample());
    QJsonArray attempts = json.value(QStringLiteral("attempts")).toArray();
    QJsonObject first = attempts.at(0).toObject();
    QJsonArray events = first.value(QStringLiteral("events")).toArray();
    events.insert(2, QJsonObject{{QStringLiteral("t_ms"), 1.6}, {QStringLiteral("type"), QStringLiteral("quic_start")}});
    first.insert(QStringLiteral("events"), events);
    attempts.replace(0, first);
    json.insert(QStringLiteral("attempts"), attempts);
    const ExchangeReadResult r = readExchangeJson(QJsonDocument(json).toJson());
    ASSERT_TRUE(r.ok()) << r.describe().toStdString();
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_EQ(r.warnings.first(), QStringLiteral("attempts[0].events[2]: unknown event type \"quic_start\" skipped"));
    EXPECT_EQ(r.exchange.attempts.at(0).events.size(), sample().attempts.at(0).events.size());
}
