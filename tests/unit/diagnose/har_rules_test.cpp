// SPDX-License-Identifier: GPL-3.0-or-later
// Each HAR rule: positive and negative, on entries as Chrome and Firefox export them, and on the
// fixture files read through core/har.

#include "core/diagnose/har_rules.h"
#include "core/har/har_reader.h"
#include "tests/support/test_support.h"

#include <QDateTime>

#include <gtest/gtest.h>

namespace statusscope::diagnose {
namespace {

HarNameValue hdr(const char *name, const char *value)
{
    HarNameValue h;
    h.name = QString::fromLatin1(name);
    h.value = QString::fromLatin1(value);
    return h;
}

HarEntry entry(int index, const QString &method, const QString &url, int status, double wait,
               QList<HarNameValue> headers = {})
{
    HarEntry e;
    e.index = index;
    e.startedMs = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch() + index * 100;
    e.request.method = method;
    e.request.url = url;
    e.response.status = status;
    e.response.headers = headers;
    e.timings.wait = wait;
    return e;
}

HarLog logOf(QList<HarEntry> entries)
{
    HarLog log;
    log.version = QStringLiteral("1.2");
    log.entries = entries;
    return log;
}

HarEntry failed(int index, const QByteArray &errorJson, const QString &statusText = {})
{
    HarEntry e = entry(index, QStringLiteral("GET"), QStringLiteral("https://api.other.test/v1"), 0, -1);
    if (!errorJson.isEmpty())
        e.response.custom.append({QStringLiteral("_error"), errorJson});
    e.response.statusText = statusText;
    return e;
}

TEST(HarNoResponse, PositiveClassifiesTheReason)
{
    const Findings f = runHarRule(QStringLiteral("no-response"),
                                  logOf({failed(0, "\"net::ERR_BLOCKED_BY_CLIENT\""), failed(1, "\"net::ERR_FAILED\""),
                                         failed(2, "\"net::ERR_ABORTED\""), failed(3, "\"net::ERR_CONNECTION_REFUSED\""),
                                         failed(4, {}, QStringLiteral("NS_BINDING_ABORTED")), failed(5, {})}));
    ASSERT_EQ(f.size(), 6);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("extension")));
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_EQ(f[1].severity, Severity::Error);
    EXPECT_TRUE(f[1].title.contains(QStringLiteral("CORS")));
    EXPECT_EQ(f[2].severity, Severity::Info);
    EXPECT_EQ(f[3].guide, QStringLiteral("connection-refused"));
    EXPECT_TRUE(f[4].title.contains(QStringLiteral("Aborted"))); // Firefox: reason in statusText
    EXPECT_EQ(f[5].guide, QStringLiteral("0"));
    EXPECT_TRUE(f[5].explanation.contains(QStringLiteral("no reason")));
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(f[i].entry, i);
}

TEST(HarNoResponse, PositiveBlockedCustomField)
{
    HarEntry e = failed(0, {});
    e.custom.append({QStringLiteral("_blocked_reason"), "\"mixed-content\""});
    const Findings f = runHarRule(QStringLiteral("no-response"), logOf({e}));
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("mixed content")));
}

TEST(HarNoResponse, NegativeRealStatuses)
{
    EXPECT_TRUE(runHarRule(QStringLiteral("no-response"),
                           logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 404, 20)})).isEmpty());
}

TEST(HarProxy5xx, PositiveAndNegative)
{
    const QList<HarNameValue> cdn{hdr("Server", "cloudflare"),
                                  hdr("CF-Ray", "8e1f-AMS")};
    Findings f = runHarRule(QStringLiteral("proxy-answered-5xx"),
                            logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 500, 20, cdn)}));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].entry, 0);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("entry 1 (GET https://a.test/)")));
    f = runHarRule(QStringLiteral("proxy-answered-5xx"),
                   logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 500, 20,
                                {hdr("Server", "gunicorn")})}));
    EXPECT_TRUE(f.isEmpty());
}

TEST(HarUpstream, PositiveAndNegative)
{
    EXPECT_EQ(runHarRule(QStringLiteral("upstream-failure"),
                         logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 502, 20)})).size(), 1);
    EXPECT_TRUE(runHarRule(QStringLiteral("upstream-failure"),
                           logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 500, 20)})).isEmpty());
}

TEST(HarRetryAfter, PositiveDateFormAndNegative)
{
    const Findings f = runHarRule(QStringLiteral("retry-after"),
                                  logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 503, 20,
                                               {hdr("Retry-After", "Thu, 26 Nov 2026 10:10:00 GMT")})}));
    ASSERT_EQ(f.size(), 1);
    // No Date header: anchored on startedDateTime 10:00:00.
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("in 600 s"))) << f[0].title.toStdString();
    EXPECT_TRUE(runHarRule(QStringLiteral("retry-after"),
                           logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 503, 20)})).isEmpty());
}

TEST(HarPostToGet, PositiveAcrossInterleavedEntries)
{
    HarEntry post = entry(0, QStringLiteral("POST"), QStringLiteral("https://a.test/form"), 301, 20);
    post.response.headers = {hdr("Location", "/thanks")};
    const Findings f = runHarRule(QStringLiteral("post-to-get"),
                                  logOf({post, entry(1, QStringLiteral("GET"), QStringLiteral("https://a.test/logo.png"), 200, 9),
                                         entry(2, QStringLiteral("GET"), QStringLiteral("https://a.test/thanks"), 200, 9)}));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].entry, 0);
    EXPECT_EQ(f[0].guide, QStringLiteral("301"));
}

TEST(HarPostToGet, NegativeWhenThePostIsKeptOrNotFollowed)
{
    HarEntry post = entry(0, QStringLiteral("POST"), QStringLiteral("https://a.test/form"), 302, 20);
    post.response.redirectUrl = QStringLiteral("https://a.test/v2/form");
    EXPECT_TRUE(runHarRule(QStringLiteral("post-to-get"),
                           logOf({post, entry(1, QStringLiteral("POST"), QStringLiteral("https://a.test/v2/form"), 200, 9)})).isEmpty());
    EXPECT_TRUE(runHarRule(QStringLiteral("post-to-get"), logOf({post})).isEmpty());
}

TEST(HarHttpsDowngrade, PositiveAndNegative)
{
    HarEntry down = entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/login"), 302, 20);
    down.response.redirectUrl = QStringLiteral("http://a.test/login/");
    EXPECT_EQ(runHarRule(QStringLiteral("https-downgrade"), logOf({down})).size(), 1);
    down.response.redirectUrl = QStringLiteral("https://a.test/login/");
    EXPECT_TRUE(runHarRule(QStringLiteral("https-downgrade"), logOf({down})).isEmpty());
}

TEST(HarSlowWait, PositiveOutlier)
{
    QList<HarEntry> entries;
    for (int i = 0; i < 6; ++i)
        entries << entry(i, QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(i), 200, 40 + i);
    entries << entry(6, QStringLiteral("GET"), QStringLiteral("https://a.test/report"), 200, 2500);
    const Findings f = runHarRule(QStringLiteral("slow-wait"), logOf(entries));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].entry, 6);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("2.50 s"))) << f[0].explanation.toStdString();
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("median wait of 43 ms")));
}

TEST(HarSlowWait, NegativeUniformlySlowOrTooFewEntries)
{
    QList<HarEntry> slow;
    for (int i = 0; i < 6; ++i)
        slow << entry(i, QStringLiteral("GET"), QStringLiteral("https://a.test/%1").arg(i), 200, 1500 + 10 * i);
    EXPECT_TRUE(runHarRule(QStringLiteral("slow-wait"), logOf(slow)).isEmpty()); // no outlier: all alike
    EXPECT_TRUE(runHarRule(QStringLiteral("slow-wait"),
                           logOf({entry(0, QStringLiteral("GET"), QStringLiteral("https://a.test/"), 200, 20),
                                  entry(1, QStringLiteral("GET"), QStringLiteral("https://a.test/r"), 200, 9000)})).isEmpty());
}

TEST(HarFixtures, TroubledPageFindingsInEntryOrder)
{
    const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("diagnose/troubled-page.har")));
    ASSERT_TRUE(r.ok()) << r.error.describe().toStdString();
    const Findings f = diagnoseHar(r.log);
    QStringList got;
    for (const Finding &x : f)
        got << QStringLiteral("%1:%2").arg(*x.entry).arg(x.rule);
    EXPECT_EQ(got, (QStringList{QStringLiteral("2:no-response"), QStringLiteral("3:no-response"), QStringLiteral("4:post-to-get"),
                                QStringLiteral("6:slow-wait"), QStringLiteral("7:retry-after"), QStringLiteral("8:proxy-answered-5xx"),
                                QStringLiteral("9:upstream-failure"), QStringLiteral("9:slow-wait"),
                                QStringLiteral("10:no-response"), QStringLiteral("11:no-response")}));
    EXPECT_EQ(f[8].guide, QStringLiteral("dns-failure"));
}

TEST(HarFixtures, OrdinaryPageHasNoFindings)
{
    const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("diagnose/ordinary-page.har")));
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(diagnoseHar(r.log).isEmpty());
}

} // namespace
} // namespace statusscope::diagnose

namespace statusscope::diagnose {
namespace {

// Real exports from the har fixtures: Chrome 51 (certificate errors, an ad blocker) and
// Firefox 47 (no reason at all, only timings).
TEST(HarFixtures, RealBrowserExportsOfStatusZero)
{
    const HarReadResult chrome = readHarFile(test::fixturePath(QStringLiteral("har/chrome51-issue49.har")));
    ASSERT_TRUE(chrome.ok());
    const Findings c = runHarRule(QStringLiteral("no-response"), chrome.log);
    ASSERT_EQ(c.size(), 3);
    EXPECT_EQ(c[0].guide, QStringLiteral("tls-handshake-failure")); // net::ERR_INSECURE_RESPONSE
    EXPECT_TRUE(c[0].explanation.contains(QStringLiteral("expired.badssl.com")));
    EXPECT_EQ(c[2].severity, Severity::Warning); // net::ERR_BLOCKED_BY_CLIENT

    const HarReadResult firefox = readHarFile(test::fixturePath(QStringLiteral("har/firefox47-issue49.har")));
    ASSERT_TRUE(firefox.ok());
    const Findings f = runHarRule(QStringLiteral("no-response"), firefox.log);
    ASSERT_EQ(f.size(), 2);
    EXPECT_EQ(f[0].guide, QStringLiteral("0"));
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("never left the browser"))) << f[0].explanation.toStdString();
    EXPECT_TRUE(f[1].explanation.contains(QStringLiteral("DNS 16 ms, connect 109 ms"))) << f[1].explanation.toStdString();
}

} // namespace
} // namespace statusscope::diagnose

namespace statusscope::diagnose {
namespace {

HarEntry upload(int index, int status, QList<HarNameValue> headers, qint64 bodySize)
{
    HarEntry e = entry(index, QStringLiteral("POST"), QStringLiteral("http://upload.test/files"), status, 2.5, {});
    e.request.headers = headers;
    e.request.bodySize = bodySize;
    return e;
}

TEST(HarExpect417, PositiveWithTheResendFound)
{
    const HarLog log = logOf({upload(0, 417, {hdr("Content-Length", "4096"), hdr("Expect", "100-continue")}, 0),
                              upload(1, 201, {hdr("Content-Length", "4096")}, 4096)});
    const Findings f = runHarRule(QStringLiteral("expect-417"), log);
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].entry, 0);
    EXPECT_EQ(f[0].severity, Severity::Info);
    EXPECT_TRUE(f[0].explanation.contains(QStringLiteral("(entry 2) succeeded with 201"))) << f[0].explanation.toStdString();
    // Without a resend in the file: a warning that says so.
    const Findings g = runHarRule(QStringLiteral("expect-417"), logOf({log.entries.first()}));
    ASSERT_EQ(g.size(), 1);
    EXPECT_EQ(g[0].severity, Severity::Warning);
    EXPECT_TRUE(g[0].explanation.contains(QStringLiteral("No retry")));
}

TEST(HarExpect417, NegativeWithoutExpectOrOtherExpectation)
{
    EXPECT_TRUE(runHarRule(QStringLiteral("expect-417"), logOf({upload(0, 417, {hdr("Content-Length", "10")}, 10)})).isEmpty());
    const HarLog other = logOf({upload(0, 417, {hdr("Expect", "200-ok")}, 0)});
    EXPECT_TRUE(runHarRule(QStringLiteral("expect-417"), other).isEmpty());
    EXPECT_EQ(runHarRule(QStringLiteral("expect-unknown-417"), other).size(), 1);
    EXPECT_TRUE(runHarRule(QStringLiteral("expect-unknown-417"),
                           logOf({upload(0, 417, {hdr("Expect", "100-Continue")}, 0)})).isEmpty());
}

TEST(HarRejectedBeforeBody, PositiveAndNegative)
{
    const Findings f = runHarRule(QStringLiteral("rejected-before-body"),
                                  logOf({upload(0, 413, {hdr("Content-Length", "1048576"), hdr("Expect", "100-continue")}, 0)}));
    ASSERT_EQ(f.size(), 1);
    EXPECT_TRUE(f[0].title.contains(QStringLiteral("saved 1.0 MiB")));
    // The body went out (bodySize > 0), or no Expect, or a status the headers cannot decide.
    EXPECT_TRUE(runHarRule(QStringLiteral("rejected-before-body"),
                           logOf({upload(0, 413, {hdr("Content-Length", "1048576"), hdr("Expect", "100-continue")}, 1048576)})).isEmpty());
    EXPECT_TRUE(runHarRule(QStringLiteral("rejected-before-body"),
                           logOf({upload(0, 401, {hdr("Content-Length", "100")}, 0)})).isEmpty());
    EXPECT_TRUE(runHarRule(QStringLiteral("rejected-before-body"),
                           logOf({upload(0, 500, {hdr("Content-Length", "100"), hdr("Expect", "100-continue")}, 0)})).isEmpty());
}

TEST(HarFixtures, UploadsFile)
{
    const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("diagnose/uploads.har")));
    ASSERT_TRUE(r.ok()) << r.error.describe().toStdString();
    QStringList got;
    for (const Finding &x : diagnoseHar(r.log))
        got << QStringLiteral("%1:%2").arg(*x.entry).arg(x.rule);
    EXPECT_EQ(got, (QStringList{QStringLiteral("0:expect-417"), QStringLiteral("3:rejected-before-body"),
                                QStringLiteral("4:expect-unknown-417")}));
}

} // namespace
} // namespace statusscope::diagnose
