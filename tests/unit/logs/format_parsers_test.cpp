// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/format_detect.h"
#include "core/logs/log_time.h"
#include "core/logs/pattern_parser.h"
#include "core/logs/w3c_parser.h"
#include "log_test_util.h"
#include "tests/support/test_support.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

LogSummary readFixture(const QString &name, IngestOptions options = {})
{
    const IngestResult result = test::ingest({test::fixturePath(QStringLiteral("logs/") + name)}, options);
    EXPECT_TRUE(result.ok()) << result.error.toStdString();
    return result.summary;
}

qint64 utc(const char *iso)
{
    qint64 ms = 0;
    int offset = 0;
    EXPECT_TRUE(parseIsoTime(iso, ms, offset)) << iso;
    return ms;
}

std::unique_ptr<LineParser> parserFor(const QString &format)
{
    FormatGuess guess = detectFormat(std::string_view(), format);
    EXPECT_TRUE(guess.parser) << guess.error.toStdString();
    return std::move(guess.parser);
}

} // namespace

TEST(LogFormats, CombinedRealSample)
{
    const LogSummary summary = readFixture(QStringLiteral("access_log.0"));
    EXPECT_EQ(summary.format, QStringLiteral("combined"));
    EXPECT_DOUBLE_EQ(summary.formats.at(0).confidence, 1.0);
    EXPECT_EQ(summary.linesParsed, 3);
    EXPECT_EQ(summary.statusCounts.value(200), 2);
    EXPECT_EQ(summary.statusCounts.value(404), 1);
    EXPECT_EQ(summary.firstMs, utc("2009-07-20T22:59:26Z"));
    EXPECT_EQ(summary.lastMs, utc("2009-07-20T22:59:29Z"));
    ASSERT_EQ(summary.topErrorPaths.size(), 1);
    EXPECT_EQ(summary.topErrorPaths[0].text, QStringLiteral("/vmw/vSphere/default/vmkboot.gz"));
    ASSERT_EQ(summary.topUserAgents.value(200).size(), 1);
    EXPECT_EQ(summary.topUserAgents.value(200)[0].text, QStringLiteral("gPXE/0.9.7"));
    EXPECT_EQ(summary.topClients.value(404)[0].text, QStringLiteral("192.168.202.254"));
}

TEST(LogFormats, NginxEmptyRequestLineIsARecord)
{
    const LogSummary summary = readFixture(QStringLiteral("access_log.1"));
    EXPECT_EQ(summary.linesParsed, 1);
    EXPECT_EQ(summary.statusCounts.value(400), 1);
}

TEST(LogFormats, BadLineInTheMiddleIsCountedWithItsLineNumber)
{
    const LogSummary summary = readFixture(QStringLiteral("bad_access_log.0"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.linesSkipped, 1);
    ASSERT_EQ(summary.skipExamples.size(), 1);
    EXPECT_EQ(summary.skipExamples[0].line, 2);
    EXPECT_EQ(summary.skipExamples[0].reason, SkipReason::OtherFormat);
    EXPECT_TRUE(summary.skipExamples[0].text.startsWith(QStringLiteral("192.168.202.254 [20/Jul")));
}

TEST(LogFormats, VhostCombinedWithMicrosecondsKeepsTheLogsZone)
{
    const LogSummary summary = readFixture(QStringLiteral("regexp_access_log.0"));
    EXPECT_EQ(summary.format, QStringLiteral("vcombined"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.tzOffsetMinutes, -7 * 60);
    EXPECT_EQ(summary.firstMs, utc("2023-07-26T07:01:26Z"));
    ASSERT_TRUE(summary.latency.has_value());
    EXPECT_EQ(summary.latency->count, 2);
    // 116.075 ms and 156.302 ms: the median is the first, within the histogram's 1/64.
    EXPECT_NEAR(summary.latency->p50, 116.075, 116.075 / 64);
    EXPECT_NEAR(summary.latency->p99, 156.302, 156.302 / 64);
}

TEST(LogFormats, HaproxyWithSyslogPrefix)
{
    const LogSummary summary = readFixture(QStringLiteral("haproxy.0"));
    EXPECT_EQ(summary.format, QStringLiteral("haproxy"));
    EXPECT_EQ(summary.linesParsed, 13);
    EXPECT_EQ(summary.statusCounts.value(200), 13);
    // Three "Proxy … started." lines and one "SSL handshake failure" are not requests.
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::OtherFormat)], 4);
    EXPECT_EQ(summary.firstMs, utc("2019-02-25T16:19:48.143Z"));
    ASSERT_TRUE(summary.latency.has_value());
    EXPECT_EQ(summary.latency->count, 13);
}

TEST(LogFormats, W3cIisSample)
{
    const LogSummary summary = readFixture(QStringLiteral("w3c.0"));
    EXPECT_EQ(summary.format, QStringLiteral("w3c"));
    EXPECT_EQ(summary.linesParsed, 1);
    EXPECT_EQ(summary.linesMeta, 4);
    EXPECT_EQ(summary.linesSkipped, 0);
    EXPECT_EQ(summary.firstMs, utc("2002-05-02T17:42:15Z"));
}

TEST(LogFormats, W3cGmtOffsetDirectiveIsHonoured)
{
    const LogSummary summary = readFixture(QStringLiteral("w3c.1"));
    EXPECT_EQ(summary.linesParsed, 1);
    EXPECT_EQ(summary.tzOffsetMinutes, -8 * 60);
    EXPECT_EQ(summary.firstMs, utc("2001-10-31T08:00:18Z"));
}

TEST(LogFormats, W3cTimeOnlyLinesTakeTheDateOfTheirHeaderBlock)
{
    const LogSummary summary = readFixture(QStringLiteral("w3c.2"));
    EXPECT_EQ(summary.linesParsed, 14);
    EXPECT_EQ(summary.statusCounts.value(226), 8);
    EXPECT_EQ(summary.firstMs, utc("2000-10-09T16:44:49Z"));
    EXPECT_EQ(summary.lastMs, utc("2000-10-10T16:48:05Z"));
}

TEST(LogFormats, W3cQuotedValuesAndMillisecondColumn)
{
    const LogSummary summary = readFixture(QStringLiteral("w3c.3"));
    EXPECT_EQ(summary.linesParsed, 3);
    EXPECT_EQ(summary.statusCounts.value(404), 1);
    ASSERT_TRUE(summary.latency.has_value());
    EXPECT_NEAR(summary.latency->p99, 359, 359.0 / 64);
}

TEST(LogFormats, W3cFieldsChangingMidFile)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("u_ex.log"),
                                         "#Fields: date time cs-method cs-uri-stem sc-status\n"
                                         "2024-01-01 10:00:00 GET /a 200\n"
                                         "#Fields: date time sc-status cs-uri-stem cs-method time-taken\n"
                                         "2024-01-01 10:00:01 503 /b GET 15\n"
                                         "2024-01-01 10:00:02 404 /c POST 20\n");
    const IngestResult result = test::ingest({path});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.summary.linesParsed, 3);
    EXPECT_EQ(result.summary.statusCounts.value(200), 1);
    EXPECT_EQ(result.summary.statusCounts.value(503), 1);
    EXPECT_EQ(result.summary.statusCounts.value(404), 1);
    ASSERT_EQ(result.summary.topErrorPaths.size(), 2);
    EXPECT_EQ(result.summary.latency->count, 2);

    W3cParser parser;
    LogRecord record;
    EXPECT_EQ(parser.parse("#Fields: date time sc-status cs-uri-stem", record).outcome, ParseOutcome::Meta);
    ASSERT_EQ(parser.parse("2024-01-01 10:00:01 302 /x", record).outcome, ParseOutcome::Record);
    EXPECT_EQ(record.status, 302);
    EXPECT_EQ(record.path, "/x");
    EXPECT_EQ(parser.fieldsChanges(), 1);
}

TEST(LogFormats, AlbExamples)
{
    const LogSummary summary = readFixture(QStringLiteral("alb.log"));
    EXPECT_EQ(summary.format, QStringLiteral("alb"));
    EXPECT_EQ(summary.linesParsed, 3);
    EXPECT_EQ(summary.statusCounts.value(502), 1);
    ASSERT_EQ(summary.topErrorPaths.size(), 1);
    EXPECT_EQ(summary.topErrorPaths[0].text, QStringLiteral("/api/items"));
    ASSERT_TRUE(summary.latency.has_value());
    EXPECT_EQ(summary.latency->count, 3);
}

TEST(LogFormats, CloudFrontTabSeparated)
{
    const LogSummary summary = readFixture(QStringLiteral("cloudfront.log"));
    EXPECT_EQ(summary.format, QStringLiteral("cloudfront"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.statusCounts.value(404), 1);
    EXPECT_NEAR(summary.latency->p99, 120.0, 120.0 / 64);
}

TEST(LogFormats, CaddyStructuredLog)
{
    const LogSummary summary = readFixture(QStringLiteral("caddy.log"));
    EXPECT_EQ(summary.format, QStringLiteral("caddy"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.statusCounts.value(502), 1);
    EXPECT_EQ(summary.topErrorPaths.value(0).text, QStringLiteral("/api/upload"));
    EXPECT_EQ(summary.firstMs, 1646861401524);
}

TEST(LogFormats, NginxJsonEscapeJson)
{
    const LogSummary summary = readFixture(QStringLiteral("nginx_json.log"));
    EXPECT_EQ(summary.format, QStringLiteral("json"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.statusCounts.value(417), 1);
    EXPECT_EQ(summary.tzOffsetMinutes, 120);
    EXPECT_EQ(summary.firstMs, utc("2024-05-13T08:00:01Z"));
    EXPECT_EQ(summary.topUserAgents.value(200).value(0).text, QStringLiteral("Mozilla/5.0 \"quoted\""));
}

TEST(LogFormats, SquidNative)
{
    const LogSummary summary = readFixture(QStringLiteral("squid.log"));
    EXPECT_EQ(summary.format, QStringLiteral("squid"));
    EXPECT_EQ(summary.linesParsed, 2);
    EXPECT_EQ(summary.statusCounts.value(403), 1);
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::BadStatus)], 1); // NONE/000
}

TEST(LogFormats, SyslogWrappedLinesWithoutTimeAreNotGuessed)
{
    const LogSummary summary = readFixture(QStringLiteral("syslog_with_access_log.0"));
    EXPECT_EQ(summary.linesParsed, 0);
    EXPECT_EQ(summary.linesSkipped, 5);
    EXPECT_DOUBLE_EQ(summary.formats.at(0).confidence, 0.0);
}

TEST(LogFormats, EverySkipReasonIsNamed)
{
    const char *good = R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "ua")";
    QByteArray text;
    text += QByteArray(good) + "\n";
    text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "u)" "\n";        // truncated
    text += R"(10.0.0.1 - - [31/Foo/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "ua")" "\n";     // bad time
    text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 2x0 5 "-" "ua")" "\n";     // bad status
    text += "Jan  3 09:47:02 host sudo: pam_unix(sudo:session): session opened\n";                        // other format
    text += QByteArray("\x01\x02\x00\xff\xfe binary", 12) + "\n";                                          // binary
    text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /)" + QByteArray(5000, 'A') + R"( HTTP/1.1" 200 5 "-" "ua")" "\n"; // too long
    text += "   \n";                                                                                         // empty
    text += QByteArray(good) + "\r\n";
    QTemporaryDir dir;
    IngestOptions options;
    options.format = QStringLiteral("combined");
    const IngestResult result = test::ingest({test::writeText(dir, QStringLiteral("mixed.log"), text)}, options);
    ASSERT_TRUE(result.ok());
    const LogSummary &s = result.summary;
    EXPECT_EQ(s.linesTotal, 9);
    EXPECT_EQ(s.linesParsed, 2);
    EXPECT_EQ(s.linesSkipped, 7);
    for (int i = 0; i < kSkipReasonCount; ++i)
        EXPECT_EQ(s.skippedByReason[size_t(i)], 1) << toString(static_cast<SkipReason>(i)).toStdString();
    ASSERT_EQ(s.skipExamples.size(), 7);
    const SkipReason expected[] = {SkipReason::Truncated, SkipReason::BadTime, SkipReason::BadStatus,
                                   SkipReason::OtherFormat, SkipReason::Binary, SkipReason::TooLong,
                                   SkipReason::Empty};
    for (int i = 0; i < 7; ++i) {
        EXPECT_EQ(s.skipExamples[i].line, i + 2);
        EXPECT_EQ(s.skipExamples[i].reason, expected[i]);
        EXPECT_EQ(s.skipExamples[i].file, s.files[0]);
    }
    EXPECT_LE(s.skipExamples[5].text.size(), 200);
}

TEST(LogFormats, PastedApacheLogFormat)
{
    const CompiledPattern compiled = compileApacheLogFormat(
        QStringLiteral(R"(LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\" %D" timed)"));
    ASSERT_TRUE(compiled.error.isEmpty()) << compiled.error.toStdString();
    PatternParser parser(QStringLiteral("custom"), compiled.items);
    LogRecord record;
    const ParseResult result = parser.parse(
        R"(192.0.2.1 - bob [10/Oct/2000:13:55:36 -0700] "POST /apache_pb.gif?x=1 HTTP/1.0" 417 - "http://ref/" "Mozilla/4.08 \"x\"" 1500)",
        record);
    ASSERT_EQ(result.outcome, ParseOutcome::Record) << toString(result.reason).toStdString();
    EXPECT_EQ(record.status, 417);
    EXPECT_EQ(record.method, "POST");
    EXPECT_EQ(record.path, "/apache_pb.gif");
    EXPECT_EQ(record.bytes, -1);
    EXPECT_EQ(record.client, "192.0.2.1");
    EXPECT_EQ(record.userAgent, R"(Mozilla/4.08 \"x\")");
    EXPECT_DOUBLE_EQ(record.durationMs, 1.5);
    EXPECT_EQ(record.tzOffsetMinutes, -420);
    EXPECT_EQ(record.timeMs, utc("2000-10-10T20:55:36Z"));
}

TEST(LogFormats, PastedNginxLogFormatDirective)
{
    const QString directive = QStringLiteral(
        "log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
        "                '$status $body_bytes_sent \"$http_referer\" '\n"
        "                '\"$http_user_agent\" rt=$request_time uct=\"$upstream_connect_time\"';");
    QTemporaryDir dir;
    const QString path = test::writeText(
        dir, QStringLiteral("main.log"),
        "203.0.113.9 - - [13/May/2024:10:00:00 +0200] \"GET /x HTTP/2.0\" 502 157 \"-\" \"curl/8\" rt=0.250 uct=\"0.001\"\n"
        "203.0.113.9 - - [13/May/2024:10:00:01 +0200] \"GET /y HTTP/2.0\" 200 157 \"-\" \"curl/8\" rt=0.050 uct=\"-\"\n");
    IngestOptions options;
    options.customFormat = directive;
    const IngestResult result = test::ingest({path}, options);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.summary.format, QStringLiteral("custom"));
    EXPECT_DOUBLE_EQ(result.summary.formats[0].confidence, 1.0);
    EXPECT_EQ(result.summary.linesParsed, 2);
    EXPECT_EQ(result.summary.statusCounts.value(502), 1);
    EXPECT_NEAR(result.summary.latency->p99, 250, 250.0 / 64);
    EXPECT_EQ(result.summary.tzOffsetMinutes, 120);
}

TEST(LogFormats, PastedFormatWithoutStatusIsRefusedWithAReason)
{
    EXPECT_TRUE(compileNginxLogFormat(QStringLiteral("$remote_addr [$time_local] \"$request\""))
                    .error.contains(QStringLiteral("no status")));
    EXPECT_TRUE(compileApacheLogFormat(QStringLiteral("%h %>s %b")).error.contains(QStringLiteral("no time")));
    EXPECT_TRUE(compileApacheLogFormat(QStringLiteral("%h%u %t %>s")).error.contains(QStringLiteral("touch")));
    const FormatGuess guess = detectFormat("x\n", QStringLiteral("auto"), QStringLiteral("%h %t"));
    EXPECT_FALSE(guess.parser);
    EXPECT_TRUE(guess.error.startsWith(QStringLiteral("--log-format")));
}

TEST(LogFormats, DetectionGivesAConfidenceForAMixedSample)
{
    const char *good = R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 200 5 "-" "ua")";
    QByteArray sample;
    for (int i = 0; i < 3; ++i)
        sample += QByteArray(good) + "\n";
    sample += "garbage line\n";
    const FormatGuess guess = detectFormat(std::string_view(sample.constData(), size_t(sample.size())));
    EXPECT_EQ(guess.name, QStringLiteral("combined"));
    EXPECT_DOUBLE_EQ(guess.confidence, 0.75);
    EXPECT_EQ(guess.sampleLines, 4);
}

TEST(LogFormats, NginxTimedIsNotTakenForCombined)
{
    std::unique_ptr<LineParser> timed = parserFor(QStringLiteral("nginx-timed"));
    std::unique_ptr<LineParser> combined = parserFor(QStringLiteral("combined"));
    const std::string_view line =
        R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 502 0 "-" "ua" 0.120 0.050, 0.070)";
    LogRecord record;
    // combined reads it too, its timings as extra fields (a deviation, not a skip) …
    const ParseResult asCombined = combined->parse(line, record);
    ASSERT_EQ(asCombined.outcome, ParseOutcome::Record);
    EXPECT_EQ(asCombined.deviations, deviationBit(Deviation::ExtraFields));
    EXPECT_DOUBLE_EQ(record.durationMs, -1.0);
    // … but detection prefers the format that knows the fields.
    ASSERT_EQ(timed->parse(line, record).outcome, ParseOutcome::Record);
    EXPECT_DOUBLE_EQ(record.durationMs, 120.0);
    const FormatGuess guess = detectFormat(std::string(line) + "\n");
    EXPECT_EQ(guess.name, QStringLiteral("nginx-timed"));
}

TEST(LogFormats, UnknownFormatNameIsAnError)
{
    const FormatGuess guess = detectFormat("x\n", QStringLiteral("apache9"));
    EXPECT_FALSE(guess.parser);
    EXPECT_TRUE(guess.error.contains(QStringLiteral("unknown format 'apache9'")));
}

TEST(LogFormats, EnumsPrintTheirNames)
{
    EXPECT_EQ(::testing::PrintToString(SkipReason::TooLong), "too_long");
    EXPECT_EQ(::testing::PrintToString(ParseOutcome::Meta), "meta");
    EXPECT_EQ(::testing::PrintToString(PatternField::DurationUs), "duration-us");
}
