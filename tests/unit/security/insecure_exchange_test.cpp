// SPDX-License-Identifier: GPL-3.0-or-later
// Security: an exchange made with TLS verification off says so in its saved JSON
// ("insecure": true, a field added to the DESIGN.md contract, never renamed) and keeps saying
// so when read back; older files without the field read as verified.
#include "core/http/exchange_json.h"
#include "core/http_io/exchange_json_reader.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace statusscope::http;

namespace {

Exchange tlsExchange(bool insecure)
{
    Exchange x;
    x.url = QUrl(QStringLiteral("https://self-signed.example/"));
    x.insecure = insecure;
    Attempt a;
    a.url = x.url;
    a.request.method = "GET";
    a.request.target = "/";
    a.events.append({EventType::ConnectStart, 0, {}, 0, -1});
    x.attempts.append(a);
    return x;
}

TEST(InsecureExchange, IsRecordedInTheSavedJsonAndReadBack)
{
    const QJsonObject insecure = exchangeToJson(tlsExchange(true));
    ASSERT_TRUE(insecure.contains(QStringLiteral("insecure")));
    EXPECT_TRUE(insecure.value(QStringLiteral("insecure")).toBool());
    EXPECT_FALSE(exchangeToJson(tlsExchange(false)).value(QStringLiteral("insecure")).toBool(true));

    const ExchangeReadResult back = readExchangeJson(QJsonDocument(insecure).toJson());
    ASSERT_TRUE(back.ok()) << back.describe().toStdString();
    EXPECT_TRUE(back.exchange.insecure);
}

TEST(InsecureExchange, AFileWrittenBeforeTheFieldReadsAsVerified)
{
    QJsonObject old = exchangeToJson(tlsExchange(true));
    old.remove(QStringLiteral("insecure"));
    const ExchangeReadResult back = readExchangeJson(QJsonDocument(old).toJson());
    ASSERT_TRUE(back.ok()) << back.describe().toStdString();
    EXPECT_FALSE(back.exchange.insecure);
}

} // namespace
