// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_filter_query.h"

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

HarEntry entry(const char *method, const char *url, int status, const char *mime = "text/html",
               qint64 bodySize = 100)
{
    HarEntry e;
    e.request.method = QString::fromLatin1(method);
    e.request.url = QString::fromLatin1(url);
    e.response.status = status;
    e.response.content.mimeType = QString::fromLatin1(mime);
    e.response.bodySize = bodySize;
    return e;
}

bool matches(const char *query, const HarEntry &e)
{
    return HarFilterQuery::parse(QString::fromLatin1(query)).matches(e);
}

} // namespace

TEST(HarFilterQuery, BareStatusNumberFiltersTheStatusNotUrlDigits)
{
    const HarEntry upload = entry("PUT", "https://up.example.io/upload", 417);
    const HarEntry notFound = entry("GET", "https://example.io/items/417", 404);
    EXPECT_TRUE(matches("417", upload));
    EXPECT_FALSE(matches("417", notFound));
    // Quoted, the digits are looked for in the URL.
    EXPECT_FALSE(matches("\"417\"", upload));
    EXPECT_TRUE(matches("\"417\"", notFound));
}

TEST(HarFilterQuery, StatusCodeKeyClassAndNegation)
{
    const HarEntry ok = entry("GET", "https://a.example/x", 200);
    const HarEntry gone = entry("GET", "https://a.example/y", 410);
    const HarEntry failed = entry("GET", "https://a.example/z", 0);
    EXPECT_TRUE(matches("status-code:410", gone));
    EXPECT_FALSE(matches("status-code:410", ok));
    EXPECT_TRUE(matches("status-code:4xx", gone));
    EXPECT_FALSE(matches("status-code:4xx", ok));
    EXPECT_FALSE(matches("-status-code:200", ok));
    EXPECT_TRUE(matches("-status-code:200", gone));
    EXPECT_TRUE(matches("status-code:0", failed));
    EXPECT_TRUE(matches("is:failed", failed));
    EXPECT_FALSE(matches("is:failed", gone));
    EXPECT_TRUE(matches("is:error", gone));
    EXPECT_TRUE(matches("is:error", failed));
    EXPECT_FALSE(matches("is:error", ok));
}

TEST(HarFilterQuery, MethodDomainSchemeMimeTypeAndHeader)
{
    HarEntry put = entry("PUT", "https://user:pw@api.example.com:8443/v1/files?x=1", 201, "application/json; charset=utf-8");
    put.response.headers.append({QStringLiteral("ETag"), QStringLiteral("\"abc\""), {}});
    EXPECT_TRUE(matches("method:put", put));
    EXPECT_FALSE(matches("method:GET", put));
    EXPECT_TRUE(matches("domain:api.example.com", put));
    EXPECT_TRUE(matches("domain:*.example.com", put));
    EXPECT_FALSE(matches("domain:example.com", put));
    EXPECT_FALSE(matches("domain:*.example.org", put));
    EXPECT_TRUE(matches("scheme:https", put));
    EXPECT_FALSE(matches("scheme:http", put));
    EXPECT_TRUE(matches("mime-type:application/json", put));
    EXPECT_FALSE(matches("mime-type:image/", put));
    EXPECT_TRUE(matches("has-response-header:etag", put));
    EXPECT_FALSE(matches("has-response-header:location", put));
    EXPECT_EQ(hostOfUrl(u"http://[::1]:8080/x"), u"::1");
    EXPECT_EQ(hostOfUrl(u"data:text/plain,hi"), u"");
}

TEST(HarFilterQuery, LargerThanCountsKAndMInPowersOf1024)
{
    const HarEntry small = entry("GET", "https://a/x", 200, "image/png", 1024);
    const HarEntry big = entry("GET", "https://a/y", 200, "image/png", 2 * 1024 * 1024 + 1);
    EXPECT_TRUE(matches("larger-than:1000", small));
    EXPECT_FALSE(matches("larger-than:1k", small));
    EXPECT_TRUE(matches("larger-than:2M", big));
    EXPECT_FALSE(matches("larger-than:3M", big));
    // Without bodySize the content size counts, as in the Size column.
    HarEntry noBodySize = entry("GET", "https://a/z", 200, "image/png", -1);
    noBodySize.response.content.size = 5000;
    EXPECT_TRUE(matches("larger-than:4k", noBodySize));
}

TEST(HarFilterQuery, AllTermsMustMatchAndWordsSearchTheUrl)
{
    const HarEntry put = entry("PUT", "https://up.example.io/upload/Big.iso", 417);
    EXPECT_TRUE(matches("upload big", put));
    EXPECT_TRUE(matches("upload 417 method:PUT", put));
    EXPECT_FALSE(matches("upload method:GET", put));
    EXPECT_FALSE(matches("-upload", put));
    // Unknown keys are text, so a pasted URL still filters.
    EXPECT_TRUE(matches("https://up.example.io/upload", put));
}

TEST(HarFilterQuery, BadValuesAreReportedAndLeftOut)
{
    const HarFilterQuery query = HarFilterQuery::parse(u"larger-than:1X status-code:abc is:slow method:GET");
    ASSERT_EQ(query.problems.size(), 3);
    EXPECT_TRUE(query.problems[0].startsWith(QLatin1String("larger-than:1X:"))) << query.problems[0].toStdString();
    EXPECT_TRUE(query.problems[1].startsWith(QLatin1String("status-code:abc:")));
    EXPECT_TRUE(query.problems[2].startsWith(QLatin1String("is:slow:")));
    ASSERT_EQ(query.terms.size(), 1);
    EXPECT_EQ(query.terms[0].kind, HarFilterTerm::Kind::Method);
    // A key still being typed filters nothing and is no problem.
    const HarFilterQuery typing = HarFilterQuery::parse(u"status-code: -");
    EXPECT_TRUE(typing.isEmpty());
    EXPECT_TRUE(typing.problems.isEmpty());
}

TEST(HarFilterQuery, SuggestionsComeFromTheFile)
{
    HarLog log;
    log.entries = {entry("PUT", "https://up.example.io/a", 417, "application/json"),
                   entry("GET", "https://cdn.example.io/b.png", 200, "image/png; q=1")};
    const QStringList suggestions = harFilterSuggestions(log);
    for (const char *expected : {"status-code:200", "status-code:417", "method:GET", "method:PUT",
                                 "domain:cdn.example.io", "domain:up.example.io", "mime-type:image/png", "is:failed"})
        EXPECT_TRUE(suggestions.contains(QString::fromLatin1(expected))) << expected;
    EXPECT_LT(suggestions.indexOf(QStringLiteral("status-code:200")), suggestions.indexOf(QStringLiteral("status-code:417")));
}
