// SPDX-License-Identifier: GPL-3.0-or-later
// Security: history can be purged of secrets. Exchanges stored in a real SQLite
// history keep everything but the values of Authorization, Proxy-Authorization, Cookie,
// Set-Cookie and token-like query parameters, which become REDACTED.
#include "core/history/history_secrets.h"
#include "core/history/history_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

QByteArray savedExchange()
{
    const QJsonArray requestHeaders{QJsonArray{QStringLiteral("Host"), QStringLiteral("api.example")},
                                    QJsonArray{QStringLiteral("Authorization"), QStringLiteral("Bearer abc.def.ghi")},
                                    QJsonArray{QStringLiteral("cookie"), QStringLiteral("sid=42; theme=dark")},
                                    QJsonArray{QStringLiteral("Proxy-Authorization"), QStringLiteral("Basic dXNlcjpwdw==")}};
    const QJsonArray responseHeaders{QJsonArray{QStringLiteral("Set-Cookie"), QStringLiteral("sid=43; HttpOnly")},
                                     QJsonArray{QStringLiteral("Content-Type"), QStringLiteral("text/plain")}};
    const QJsonObject attempt{
        {QStringLiteral("reason"), QStringLiteral("initial")},
        {QStringLiteral("url"), QStringLiteral("https://api.example/v1?access_token=s3cr3t&page=2")},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                                 {QStringLiteral("target"), QStringLiteral("/v1?access_token=s3cr3t&page=2")},
                                                 {QStringLiteral("headers"), requestHeaders}}},
        {QStringLiteral("interim"), QJsonArray{}},
        {QStringLiteral("response"), QJsonObject{{QStringLiteral("status"), 200}, {QStringLiteral("headers"), responseHeaders}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("url"), QStringLiteral("https://api.example/v1?access_token=s3cr3t&page=2")},
                                     {QStringLiteral("final_status"), 200},
                                     {QStringLiteral("attempts"), QJsonArray{attempt}}})
        .toJson(QJsonDocument::Compact);
}

TEST(HistoryPurge, RedactsCredentialsCookiesAndTokenParametersOnly)
{
    const RedactedExchangeJson r = redactExchangeJson(savedExchange());
    ASSERT_TRUE(r.valid);
    EXPECT_EQ(r.redactions, 7) << r.json.toStdString(); // 3 request headers, Set-Cookie, 3 URLs/targets
    EXPECT_FALSE(r.json.contains("s3cr3t"));
    EXPECT_FALSE(r.json.contains("abc.def.ghi"));
    EXPECT_FALSE(r.json.contains("sid=4"));
    EXPECT_FALSE(r.json.contains("dXNlcjpwdw"));
    EXPECT_TRUE(r.json.contains("page=2")) << "innocent parameters stay";
    EXPECT_TRUE(r.json.contains("text/plain"));
    EXPECT_TRUE(r.json.contains("access_token=REDACTED"));
    // Purging twice finds nothing more.
    EXPECT_EQ(redactExchangeJson(r.json).redactions, 0);
}

// The GUI's record also keeps the request as a curl command (Re-send imports it): Basic's
// password and a Bearer token must not survive the purge there either.
TEST(HistoryPurge, RedactsTheSavedCurlCommandToo)
{
    const QByteArray saved = QJsonDocument(QJsonObject{
        {QStringLiteral("url"), QStringLiteral("https://api.example/v1")},
        {QStringLiteral("attempts"), QJsonArray{}},
        {QLatin1String(kHistoryCurlKey),
         QStringLiteral("curl -u ann:pa55 -H 'Authorization: Bearer tok.en' -H 'X-Id: 7' 'https://api.example/v1?api_key=k3y&page=2'")}})
                                 .toJson(QJsonDocument::Compact);
    const RedactedExchangeJson r = redactExchangeJson(saved);
    EXPECT_EQ(r.redactions, 3) << r.json.toStdString();
    EXPECT_FALSE(r.json.contains("pa55"));
    EXPECT_FALSE(r.json.contains("tok.en"));
    EXPECT_FALSE(r.json.contains("k3y"));
    const QString curl = QJsonDocument::fromJson(r.json).object().value(QLatin1String(kHistoryCurlKey)).toString();
    EXPECT_TRUE(curl.contains(QStringLiteral("ann:REDACTED"))) << curl.toStdString();
    EXPECT_TRUE(curl.contains(QStringLiteral("X-Id: 7"))) << curl.toStdString();
    EXPECT_EQ(redactExchangeJson(r.json).redactions, 0);
}

TEST(HistoryPurge, PurgeSecretsRewritesEveryStoredExchange)
{
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    ASSERT_EQ(store.open().state, HistoryStore::OpenState::Ready);
    HistoryEntry e;
    e.startedAt = QDateTime::currentDateTimeUtc();
    e.method = QStringLiteral("GET");
    e.url = QStringLiteral("https://api.example/v1?access_token=s3cr3t&page=2");
    e.finalStatus = 200;
    e.exchangeJson = savedExchange();
    const qint64 id = store.add(e);
    ASSERT_GT(id, 0) << store.lastError().toStdString();
    HistoryEntry plain = e;
    plain.url = QStringLiteral("https://example.org/");
    plain.exchangeJson = R"({"url":"https://example.org/","attempts":[]})";
    const qint64 plainId = store.add(plain);

    EXPECT_EQ(store.purgeSecrets(), 7) << store.lastError().toStdString();
    const std::optional<HistoryEntry> back = store.load(id);
    ASSERT_TRUE(back.has_value());
    EXPECT_FALSE(back->exchangeJson.contains("s3cr3t"));
    EXPECT_FALSE(back->exchangeJson.contains("Bearer abc"));
    EXPECT_EQ(back->url, QStringLiteral("https://api.example/v1?access_token=REDACTED&page=2"));
    EXPECT_EQ(store.load(plainId)->exchangeJson, plain.exchangeJson) << "an exchange without secrets is untouched";
    EXPECT_EQ(store.purgeSecrets(), 0);
    EXPECT_EQ(store.count(), 2);
}

} // namespace
