// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_reader.h"
#include "core/har/har_sanitizer.h"
#include "core/har/har_writer.h"
#include "tests/support/test_support.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace statusscope;

namespace {

HarLog secrets()
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/secrets.har")));
    EXPECT_TRUE(result.ok()) << result.error.describe().toStdString();
    return result.log;
}

} // namespace

// Every secret in secrets.har is a marker SECRETnn[letters]. Replacing the markers in the
// original export by REDACTED must give exactly the sanitized export: nothing secret left,
// nothing else changed.
TEST(HarSanitizer, RoundTripRemovesEverySecretAndChangesNothingElse)
{
    const HarLog original = secrets();
    const HarSanitizeResult sanitized = sanitizeHar(original);
    const QString cleaned = QString::fromUtf8(harToJson(sanitized.log));
    EXPECT_FALSE(cleaned.contains(QLatin1String("SECRET"))) << cleaned.toStdString();

    QString expected = QString::fromUtf8(harToJson(original));
    ASSERT_TRUE(expected.contains(QLatin1String("SECRET15")));
    expected.replace(QRegularExpression(QStringLiteral("SECRET[0-9]{2}[a-z]*")), QStringLiteral("REDACTED"));
    EXPECT_EQ(cleaned, expected);

    // The sanitized export is still a HAR with the same entries.
    const HarReadResult reread = readHarData(cleaned.toUtf8());
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread.log.entries.size(), original.entries.size());
    EXPECT_EQ(reread.log.entries[2], original.entries[2]); // nothing secret: untouched
}

TEST(HarSanitizer, EachRedactionIsListedWithWhereAndWhy)
{
    const HarSanitizeResult sanitized = sanitizeHar(secrets());
    auto find = [&](const QString &location) -> const HarRedaction * {
        for (const HarRedaction &r : sanitized.redactions) {
            if (r.location == location)
                return &r;
        }
        return nullptr;
    };
    const HarRedaction *auth = find(QStringLiteral("request.headers[Authorization]"));
    ASSERT_NE(auth, nullptr);
    EXPECT_EQ(auth->kind, RedactionKind::Credentials);
    EXPECT_EQ(auth->entry, 0);
    EXPECT_EQ(auth->preview, QStringLiteral("SECR… (8 chars)"));
    EXPECT_EQ(sanitized.log.entries[0].request.headers[0].value, QStringLiteral("Bearer REDACTED"));

    const HarRedaction *password = find(QStringLiteral("request.postData.text: $.password"));
    ASSERT_NE(password, nullptr);
    EXPECT_EQ(password->kind, RedactionKind::SensitiveName);
    const HarRedaction *jwt = find(QStringLiteral("response.headers[X-Debug] (JWT signature)"));
    ASSERT_NE(jwt, nullptr);
    EXPECT_EQ(jwt->kind, RedactionKind::JwtSignature);
    EXPECT_EQ(sanitized.log.entries[0].response.headers[2].value,
              QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.REDACTED"));
    const HarRedaction *saml = find(QStringLiteral("request.postData.params[SAMLResponse]"));
    ASSERT_NE(saml, nullptr);
    EXPECT_EQ(saml->entry, 1);
    EXPECT_EQ(sanitized.log.entries[0].response.headers[0].value, QStringLiteral("sid=REDACTED; Path=/; HttpOnly"));
    EXPECT_EQ(sanitized.log.entries[1].response.redirectUrl,
              QStringLiteral("https://app.example.test/cb?code=abc&session_state=REDACTED"));

    // Entry 0: url + queryString api_key, Authorization, Cookie header (2 values), X-Api-Key,
    // Referer session, 2 request cookies, password, refresh_token, Set-Cookie, JWT signature,
    // response cookie, access_token = 15. Entry 1: Proxy-Authorization, client_secret and
    // SAMLResponse as params and in the text, Location and redirectURL = 7.
    EXPECT_EQ(sanitized.redactions.size(), 22);
}

TEST(HarSanitizer, OptionsCanKeepCookies)
{
    HarSanitizeOptions options;
    options.redactCookies = false;
    const HarSanitizeResult sanitized = sanitizeHar(secrets(), options);
    EXPECT_EQ(sanitized.log.entries[0].request.cookies[0].value, QStringLiteral("SECRET03"));
    EXPECT_EQ(sanitized.log.entries[0].request.headers[0].value, QStringLiteral("Bearer REDACTED"));
}

TEST(HarSanitizer, RealExportsKeepTheirShape)
{
    const HarReadResult chrome = readHarFile(test::fixturePath(QStringLiteral("har/google-com.har")));
    ASSERT_TRUE(chrome.ok());
    const HarSanitizeResult sanitized = sanitizeHar(chrome.log);
    ASSERT_EQ(sanitized.log.entries.size(), chrome.log.entries.size());
    for (int i = 0; i < chrome.log.entries.size(); ++i) {
        EXPECT_EQ(sanitized.log.entries[i].request.method, chrome.log.entries[i].request.method);
        EXPECT_EQ(sanitized.log.entries[i].response.status, chrome.log.entries[i].response.status);
        EXPECT_EQ(sanitized.log.entries[i].timings, chrome.log.entries[i].timings);
    }
    // google.com sets cookies: they are listed as redactions, never silently dropped.
    for (const HarRedaction &r : sanitized.redactions)
        EXPECT_FALSE(r.location.isEmpty());
}
