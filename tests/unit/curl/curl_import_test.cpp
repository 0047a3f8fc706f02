// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/curl/curl_command.h"

#include "tests/support/qt_printers.h"
#include "tests/support/real_world_curl_commands.h"

#include <gtest/gtest.h>

using namespace statusscope;
using Kind = CurlCommand::BodyKind;

namespace {

CurlCommand imported(const char *text)
{
    const CurlImport import = importCurlCommand(QString::fromUtf8(text));
    EXPECT_TRUE(import.error.isEmpty()) << import.error.toStdString() << "\n" << text;
    return import.command;
}

using Header = QPair<QString, QString>;
Header h(const char *name, const char *value)
{
    return {QString::fromUtf8(name), QString::fromUtf8(value)};
}



} // namespace

TEST(CurlImport, ChromeBashWithAnsiCBody)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[0]);
    EXPECT_EQ(c.url, QStringLiteral("https://api.example.com/v1/orders?page=2"));
    EXPECT_EQ(c.effectiveMethod(), QStringLiteral("POST"));
    ASSERT_EQ(c.headers.size(), 8);
    EXPECT_EQ(c.headers.at(5), h("origin", "https://app.example.com"));
    EXPECT_EQ(c.headers.at(6), h("sec-ch-ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\""));
    ASSERT_EQ(c.body.size(), 1);
    EXPECT_EQ(c.body.at(0).kind, Kind::DataRaw);
    EXPECT_EQ(c.body.at(0).value, QStringLiteral("{\"note\":\"it's urgent\",\"qty\":2}"));
    EXPECT_TRUE(c.compressed);
}

TEST(CurlImport, ChromeCmdWithCaretQuotes)
{
    const CurlImport import = importCurlCommand(QString::fromUtf8(test::kRealWorldCurlCommands[1]));
    ASSERT_TRUE(import.error.isEmpty()) << import.error.toStdString();
    EXPECT_EQ(import.dialect, ShellDialect::WinCmd);
    EXPECT_EQ(import.command.url, QStringLiteral("https://api.example.com/v1/orders?page=2&sort=desc"));
    EXPECT_EQ(import.command.headers, (QList<Header>{h("accept", "application/json"), h("content-type", "application/json")}));
    ASSERT_EQ(import.command.body.size(), 1);
    EXPECT_EQ(import.command.body.at(0).value, QStringLiteral("{\"qty\":2}"));
}

TEST(CurlImport, OldCmdFormat)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[2]);
    EXPECT_EQ(c.url, QStringLiteral("https://example.com/search?q=a%20b"));
    EXPECT_EQ(c.headers, QList<Header>{h("Accept", "text/html")});
}

TEST(CurlImport, EmptyHeaderRemovesExpectAndDataBinaryKeepsTheFile)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[4]);
    EXPECT_EQ(c.method, QStringLiteral("POST"));
    EXPECT_EQ(c.removedHeaders, QStringList{QStringLiteral("Expect")});
    EXPECT_TRUE(c.headers.isEmpty());
    ASSERT_EQ(c.body.size(), 1);
    EXPECT_EQ(c.body.at(0), (CurlCommand::BodyPart{Kind::DataBinary, QStringLiteral("@big.iso")}));
}

TEST(CurlImport, Http10AndExpectTimeout)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[5]);
    EXPECT_TRUE(c.http10);
    ASSERT_TRUE(c.expect100Timeout.has_value());
    EXPECT_DOUBLE_EQ(*c.expect100Timeout, 2.5);
    EXPECT_EQ(c.body.at(0), (CurlCommand::BodyPart{Kind::Data, QStringLiteral("@form.txt")}));
}

TEST(CurlImport, AuthInsecureProxy)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[6]);
    EXPECT_TRUE(c.insecure);
    EXPECT_EQ(c.user, QStringLiteral("admin:p@ss word"));
    EXPECT_EQ(c.proxy, QStringLiteral("http://proxy.local:3128"));
    EXPECT_EQ(c.url, QStringLiteral("https://10.0.0.5/admin"));
}

TEST(CurlImport, BundledShortFlagsAndAttachedValues)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[7]);
    EXPECT_TRUE(c.followRedirects);
    EXPECT_TRUE(c.insecure);
    EXPECT_EQ(c.method, QStringLiteral("PATCH"));
    EXPECT_EQ(c.headers, QList<Header>{h("Content-Type", "application/json")});
    EXPECT_EQ(c.body.at(0).value, QStringLiteral("{\"a\":1}"));
}

TEST(CurlImport, TimeoutsRedirectsAndOutput)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[8]);
    EXPECT_TRUE(c.followRedirects);
    EXPECT_EQ(c.maxRedirects, 3);
    EXPECT_EQ(c.connectTimeout, 5.0);
    EXPECT_EQ(c.maxTime, 30.0);
    EXPECT_EQ(c.outputFile, QStringLiteral("out.bin"));
}

TEST(CurlImport, HeadAndGetWithData)
{
    EXPECT_EQ(imported(test::kRealWorldCurlCommands[9]).effectiveMethod(), QStringLiteral("HEAD"));
    const CurlCommand g = imported(test::kRealWorldCurlCommands[10]);
    EXPECT_EQ(g.effectiveMethod(), QStringLiteral("GET"));
    EXPECT_EQ(g.body.size(), 2);
    EXPECT_EQ(g.body.at(0).kind, Kind::UrlEncode);
}

TEST(CurlImport, DocsStyleCommands)
{
    const CurlCommand gh = imported(test::kRealWorldCurlCommands[11]);
    EXPECT_EQ(gh.headers.size(), 3);
    EXPECT_EQ(gh.headers.at(1), h("Authorization", "Bearer <YOUR-TOKEN>"));
    const CurlCommand stripe = imported(test::kRealWorldCurlCommands[12]);
    EXPECT_EQ(stripe.user, QStringLiteral("sk_test_4eC39HqLyjWDarjtT1zdp7dc:"));
    EXPECT_EQ(stripe.body.size(), 3);
    EXPECT_EQ(stripe.effectiveMethod(), QStringLiteral("POST"));
    const CurlCommand es = imported(test::kRealWorldCurlCommands[13]);
    EXPECT_EQ(es.url, QStringLiteral("localhost:9200/my-index-000001?pretty"));
    EXPECT_TRUE(es.body.at(0).value.contains(QStringLiteral("\"settings\"")));
}

TEST(CurlImport, UploadFileIsAPut)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[15]);
    EXPECT_EQ(c.effectiveMethod(), QStringLiteral("PUT"));
    EXPECT_TRUE(c.method.isEmpty()); // -T implies PUT, as in curl
    EXPECT_EQ(c.body.at(0), (CurlCommand::BodyPart{Kind::Upload, QStringLiteral("./report.pdf")}));
}

TEST(CurlImport, CookieUserAgentRefererBecomeHeaders)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[16]);
    EXPECT_EQ(c.headers, (QList<Header>{h("Cookie", "a=1; b=2"), h("User-Agent", "StatusScope-test/1.0"),
                                        h("Referer", "https://ref.example/")}));
}

TEST(CurlImport, NothingIsExpanded)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[18]);
    EXPECT_EQ(c.headers.at(0), h("x-template", "${name} `id`"));
}

TEST(CurlImport, RemovingSeveralDefaultHeaders)
{
    const CurlCommand c = imported(test::kRealWorldCurlCommands[21]);
    EXPECT_EQ(c.removedHeaders, (QStringList{QStringLiteral("User-Agent"), QStringLiteral("Accept")}));
    EXPECT_EQ(c.headers, QList<Header>{h("Host", "virtual.example")});
}

TEST(CurlImport, ErrorsAreSpecific)
{
    EXPECT_EQ(importCurlCommand(QStringLiteral("wget http://x/")).error,
              QStringLiteral("not a curl command: it must start with 'curl'"));
    EXPECT_EQ(importCurlCommand(QStringLiteral("curl -H")).error, QStringLiteral("-H needs an argument (word 2)"));
    EXPECT_EQ(importCurlCommand(QStringLiteral("curl -k")).error, QStringLiteral("the curl command has no URL"));
    EXPECT_EQ(importCurlCommand(QStringLiteral("curl -m soon http://x/")).error,
              QStringLiteral("--max-time needs a number of seconds, got 'soon'"));
    const CurlImport http2 = importCurlCommand(QStringLiteral("curl --http2 --frobnicate http://x/"));
    EXPECT_TRUE(http2.error.isEmpty());
    EXPECT_EQ(http2.warnings.size(), 2);
}

TEST(CurlImport, LooksLikeCurlCommand)
{
    EXPECT_TRUE(looksLikeCurlCommand(QStringLiteral("  curl http://x/")));
    EXPECT_TRUE(looksLikeCurlCommand(QStringLiteral("curl.exe -k https://x/")));
    EXPECT_FALSE(looksLikeCurlCommand(QStringLiteral("https://curl.se/")));
    EXPECT_FALSE(looksLikeCurlCommand(QStringLiteral("curling.example.com")));
}

// Copy as cURL, then import: the same request, in both dialects, for every real-world command.
TEST(CurlExport, EveryRealWorldCommandRoundTrips)
{
    int count = 0;
    for (const char *text : test::kRealWorldCurlCommands) {
        const CurlCommand original = imported(text);
        for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
            bool hasLineBreak = false;
            for (const auto &part : original.body)
                hasLineBreak = hasLineBreak || part.value.contains(QLatin1Char('\n'));
            if (dialect == ShellDialect::WinCmd && hasLineBreak)
                continue; // cmd.exe cannot carry a line break inside an argument
            const QString exported = exportCurlCommand(original, dialect);
            const CurlImport back = importCurlCommand(exported);
            ASSERT_TRUE(back.error.isEmpty()) << back.error.toStdString() << "\n" << exported.toStdString();
            EXPECT_EQ(back.command, original) << "dialect " << toString(dialect).toStdString() << "\n"
                                              << text << "\n---\n" << exported.toStdString();
            ++count;
        }
    }
    EXPECT_GE(count, 40);
}

TEST(CurlExport, ReadableShape)
{
    CurlCommand c;
    c.url = QStringLiteral("http://example.com/upload");
    c.method = QStringLiteral("POST");
    c.removedHeaders << QStringLiteral("Expect");
    c.body.append({Kind::DataBinary, QStringLiteral("@big file.iso")});
    EXPECT_EQ(exportCurlCommand(c),
              QStringLiteral("curl -X POST http://example.com/upload \\\n  -H Expect: \\\n  --data-binary '@big file.iso'"));
}

// Found by tests/fuzz/fuzz_curl: a header with an empty value ("Name;" or a -H without a colon)
// was exported as "Name: ", which curl and the importer read as "remove the header Name".
TEST(CurlExport, EmptyValueHeaderRoundTripsInTheSemicolonForm)
{
    const CurlCommand original = imported("curl http://example.com -H 'X-Empty;' -H 'a;b;' -H 'NoColon' -H ''");
    ASSERT_EQ(original.headers.size(), 3);
    EXPECT_EQ(original.headers.at(0), qMakePair(QStringLiteral("X-Empty"), QString()));
    EXPECT_EQ(original.headers.at(1), qMakePair(QStringLiteral("a;b"), QString()));
    EXPECT_EQ(original.headers.at(2), qMakePair(QStringLiteral("NoColon"), QString()));
    EXPECT_TRUE(original.removedHeaders.isEmpty());
    for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
        const QString exported = exportCurlCommand(original, dialect);
        EXPECT_TRUE(exported.contains(QStringLiteral("X-Empty;"))) << exported.toStdString();
        const CurlImport back = importCurlCommand(exported);
        ASSERT_TRUE(back.error.isEmpty()) << back.error.toStdString();
        EXPECT_EQ(back.command, original) << exported.toStdString();
    }
}

// Found by tests/fuzz/fuzz_curl: -A ' x' kept the space, which the exported -H line lost.
TEST(CurlImport, UserAgentRefererCookieValuesAreTrimmedLikeHeaders)
{
    const CurlCommand c = imported("curl http://example.com -A ' agent 1 ' -e ' http://r/ ' -b ' a=1 '");
    ASSERT_EQ(c.headers.size(), 3);
    EXPECT_EQ(c.headers.at(0).second, QStringLiteral("agent 1"));
    EXPECT_EQ(c.headers.at(1).second, QStringLiteral("http://r/"));
    EXPECT_EQ(c.headers.at(2).second, QStringLiteral("a=1"));
    EXPECT_EQ(importCurlCommand(exportCurlCommand(c)).command, c);
}

// Found by tests/fuzz/fuzz_curl: a URL starting with '-' was exported as a bare word, which
// reads back as an option ("the curl command has no URL").
TEST(CurlExport, UrlStartingWithADashGoesOutAsUrlOption)
{
    const CurlCommand c = imported("curl --url '--weird' -H 'A: 1'");
    ASSERT_EQ(c.url, QStringLiteral("--weird"));
    for (ShellDialect dialect : {ShellDialect::Posix, ShellDialect::WinCmd}) {
        const CurlImport back = importCurlCommand(exportCurlCommand(c, dialect));
        ASSERT_TRUE(back.error.isEmpty()) << back.error.toStdString();
        EXPECT_EQ(back.command, c);
    }
}

// Found by tests/fuzz/fuzz_curl: timeouts were exported with six significant digits.
TEST(CurlExport, TimeoutsKeepEveryDigit)
{
    const CurlCommand c = imported("curl http://x/ --max-time 2.2222222222222222e+25 --connect-timeout 0.123456789 "
                                   "--expect100-timeout 1234567.5");
    const QString exported = exportCurlCommand(c);
    EXPECT_TRUE(exported.contains(QStringLiteral("--connect-timeout 0.123456789"))) << exported.toStdString();
    EXPECT_EQ(importCurlCommand(exported).command, c) << exported.toStdString();
}
