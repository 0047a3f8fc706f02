// SPDX-License-Identifier: GPL-3.0-or-later
// Every guide a finding links to is a file in resources/guides (a status code) or
// resources/guides/transport (a failure without a status).

#include "core/diagnose/exchange_rules.h"
#include "core/diagnose/har_rules.h"
#include "core/diagnose/transport_guides.h"
#include "core/har/har_reader.h"
#include "core/http_io/exchange_json_reader.h"
#include "tests/support/test_support.h"
#include "tests/unit/diagnose/guide_files.h"
#include "tests/unit/diagnose/recorded_exchanges.h"

#include <QDir>

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

namespace rec = test::recorded;

TEST(GuideLinks, EveryTransportIdHasAGuide)
{
    for (const char *id : kTransportGuideIds)
        EXPECT_TRUE(test::guideExists(QString::fromLatin1(id))) << id;
    // …and every transport guide file has an id here (no guide the rules can never reach).
    const QStringList files = QDir(QStringLiteral(STATUSSCOPE_SOURCE_DIR "/resources/guides/transport"))
                                  .entryList({QStringLiteral("*.md")}, QDir::Files);
    EXPECT_EQ(files.size(), int(std::size(kTransportGuideIds)));
}

TEST(GuideLinks, EveryFindingOfEveryRecordedCaseLinksToAGuide)
{
    Findings all;
    const QList<http::Exchange> exchanges = {
        rec::expect417Retried(), rec::expect417NoRetry(), rec::expectUnknown417(), rec::expectIgnored(),
        rec::rejectedAfter100(), rec::rejectedBeforeBody(401), rec::rejectedBeforeBody(403), rec::rejectedBeforeBody(413),
        rec::cdn500(), rec::cloudFront504(), rec::nginx502(), rec::varnish503(), rec::misdirected(true),
        rec::tooManyRequests("120"), rec::tooManyRequests("soon"),
        rec::redirectChain({{QStringLiteral("http://l.test/a"), 302}, {QStringLiteral("http://l.test/a"), 302}}),
        rec::redirectChain({{QStringLiteral("http://f.test/s"), 301}, {QStringLiteral("http://f.test/t"), 200}}, "POST"),
        rec::redirectChain({{QStringLiteral("https://f.test/s"), 308}, {QStringLiteral("http://f.test/t"), 200}}),
    };
    for (const http::Exchange &x : exchanges)
        all += diagnoseExchange(x);
    for (const QString &name : QDir(test::fixturePath(QStringLiteral("diagnose"))).entryList({QStringLiteral("*.json")})) {
        const http::ExchangeReadResult r = http::readExchangeFile(test::fixturePath(QStringLiteral("diagnose/") + name));
        if (r.ok())
            all += diagnoseExchange(r.exchange);
    }
    for (const QString &name : QDir(test::fixturePath(QStringLiteral("diagnose"))).entryList({QStringLiteral("*.har")})) {
        const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("diagnose/") + name));
        ASSERT_TRUE(r.ok());
        all += diagnoseHar(r.log);
    }
    QStringList rules;
    for (const Finding &f : all) {
        EXPECT_FALSE(f.guide.isEmpty()) << f.rule.toStdString();
        EXPECT_TRUE(test::guideExists(f.guide)) << f.rule.toStdString() << " → " << f.guide.toStdString();
        EXPECT_FALSE(f.title.isEmpty() || f.explanation.isEmpty() || f.cause.isEmpty() || f.fix.isEmpty())
            << f.rule.toStdString();
        rules << f.rule;
    }
    // The cases above exercise every exchange rule and every HAR rule.
    for (const ExchangeRule &r : exchangeRules()) {
        EXPECT_TRUE(rules.contains(QLatin1String(r.id))) << r.id; // transport-error: cert-expired.json
    }
    for (const HarRule &r : harRules())
        EXPECT_TRUE(rules.contains(QLatin1String(r.id))) << r.id;
}

} // namespace
} // namespace statusscope::diagnose
