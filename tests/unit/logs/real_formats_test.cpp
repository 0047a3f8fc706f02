// SPDX-License-Identifier: GPL-3.0-or-later
// What people really run: one fixture per format and per wrapper (tests/fixtures/logs, see its
// README for the definition each follows), each checked against an independent count made by
// count_fixture.py (regular expressions written from the definitions, not the C++ parsers).

#include "core/logs/format_detect.h"
#include "core/logs/line_sink.h"
#include "core/logs/line_wrapper.h"
#include "log_test_util.h"
#include "tests/support/test_support.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

#include <iostream>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

struct FixtureCase
{
    const char *file;
    const char *kind;    // count_fixture.py's KIND
    const char *format;  // the name detection must give
    const char *wrapper; // "" for none
    qint64 metaLines;    // CRI partial fragments
    Deviation deviation; // the deviation every record carries, when `allDeviate`
    bool allDeviate;
    const char *jsonFields; // "role=path,role=path"
};

void PrintTo(const FixtureCase &c, std::ostream *os)
{
    *os << c.file;
}

QJsonObject independentCount(const char *kind, const QString &path)
{
    const test::ProcessResult result = test::runProcess(
        QStringLiteral("python3"),
        {test::fixturePath(QStringLiteral("logs/count_fixture.py")), QString::fromLatin1(kind), path}, 60000);
    EXPECT_TRUE(result.finished && result.exitCode == 0) << result.err.toStdString();
    return QJsonDocument::fromJson(result.out).object();
}

class RealFormat : public ::testing::TestWithParam<FixtureCase>
{
};

TEST_P(RealFormat, EveryRecordIsReadAndCountedAsTheIndependentCountSays)
{
    const FixtureCase &c = GetParam();
    const QString path = test::fixturePath(QStringLiteral("logs/") + QString::fromLatin1(c.file));
    const QJsonObject expected = independentCount(c.kind, path);
    ASSERT_FALSE(expected.isEmpty());
    IngestOptions options;
    for (const QString &spec : QString::fromLatin1(c.jsonFields).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.jsonFields.insert(spec.section(QLatin1Char('='), 0, 0), spec.section(QLatin1Char('='), 1));
    const IngestResult result = test::ingest({path}, options);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    const LogSummary &summary = result.summary;
    ASSERT_EQ(summary.formats.size(), 1);
    EXPECT_EQ(summary.formats[0].format, QString::fromLatin1(c.format));
    EXPECT_EQ(summary.formats[0].wrapper, QString::fromLatin1(c.wrapper));
    EXPECT_EQ(summary.linesTotal, expected.value(QStringLiteral("lines")).toInteger());
    EXPECT_EQ(summary.linesParsed, expected.value(QStringLiteral("records")).toInteger());
    EXPECT_EQ(summary.linesMeta, c.metaLines);
    EXPECT_EQ(summary.linesSkipped, summary.linesTotal - summary.linesParsed - summary.linesMeta);
    EXPECT_GT(summary.linesSkipped, 0) << "each fixture has broken lines to skip";
    EXPECT_EQ(test::statusCountsJson(summary), expected.value(QStringLiteral("status_counts")).toObject());
    if (c.allDeviate) {
        EXPECT_EQ(summary.deviationsByType[size_t(c.deviation)], summary.linesParsed) << toString(c.deviation).toStdString();
    }
    std::cout << "[ counts   ] " << c.file << ": " << summary.linesTotal << " lines, " << summary.linesParsed
              << " kept, " << summary.linesSkipped << " skipped, " << summary.linesMeta << " meta\n";
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, RealFormat,
    ::testing::Values(
        FixtureCase{"nginx_main.log", "combined", "combined", "", 0, Deviation::ExtraFields, true, ""},
        // nginx-timed's last field takes any run of upstream times, so it reads these (with the latency).
        FixtureCase{"combined_timing.log", "combined", "nginx-timed", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"ingress_nginx.log", "ingress", "ingress-nginx", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"traefik.log", "traefik", "traefik", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"envoy.log", "envoy", "envoy", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"varnishncsa.log", "combined", "combined", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"haproxy_http.log", "haproxy", "haproxy", "syslog-rfc3164", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"gcp_lb.jsonl", "gcp", "gcp-lb", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"cloudflare.jsonl", "cloudflare", "cloudflare", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"generic.jsonl", "generic", "json", "", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"custom_keys.jsonl", "custom_keys", "json", "", 0, Deviation::ExtraFields, false,
                    "status=resp.rc,time=when,method=req.verb,path=req.route"},
        FixtureCase{"docker_compose.log", "docker", "combined", "docker-compose", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"kubectl_prefix.log", "kubectl", "combined", "kubectl", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"cri.log", "cri", "combined", "cri", 6, Deviation::ExtraFields, false, ""},
        FixtureCase{"syslog_rfc3164.log", "syslog3164", "combined", "syslog-rfc3164", 0, Deviation::ExtraFields, false, ""},
        FixtureCase{"syslog_rfc5424.log", "syslog5424", "combined", "syslog-rfc5424", 0, Deviation::ExtraFields, false, ""}));

// custom_keys.jsonl has no broken line: the generic search must not find its fields by itself.
TEST(RealFormats, JsonWithUnknownKeysNeedsJsonFieldAndSaysSo)
{
    const IngestResult result = test::ingest({test::fixturePath(QStringLiteral("logs/custom_keys.jsonl"))});
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.summary.linesParsed, 0);
    ASSERT_EQ(result.summary.formats.size(), 1);
    EXPECT_TRUE(result.summary.formats[0].suggestion.contains(QStringLiteral("--json-field")))
        << result.summary.formats[0].suggestion.toStdString();
}

TEST(RealFormats, NginxMainIsCombinedWithExtraFieldsNotASkip)
{
    // The issue's case: a log in nginx's packaged `main` format had all its lines skipped.
    const LogSummary summary = test::ingest({test::fixturePath(QStringLiteral("logs/nginx_main.log"))}).summary;
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::OtherFormat)] + summary.skippedByReason[size_t(SkipReason::BadStatus)]
                  + summary.skippedByReason[size_t(SkipReason::Truncated)],
              2);
    EXPECT_DOUBLE_EQ(summary.formats[0].confidence, 60.0 / 62.0);
    ASSERT_FALSE(summary.deviationExamples.isEmpty());
    EXPECT_EQ(summary.deviationExamples[0].type, Deviation::ExtraFields);
    EXPECT_EQ(summary.deviationExamples[0].line, 1);
    EXPECT_LE(summary.deviationExamples.size(), kMaxDeviationExamples);
}

TEST(RealFormats, IngressAndTraefikAndEnvoyKeepTheirDurations)
{
    const auto latency = [](const char *file) {
        return test::ingest({test::fixturePath(QStringLiteral("logs/") + QString::fromLatin1(file))}).summary.latency;
    };
    for (const char *file : {"ingress_nginx.log", "traefik.log", "envoy.log", "gcp_lb.jsonl", "cloudflare.jsonl"}) {
        const auto percentiles = latency(file);
        ASSERT_TRUE(percentiles.has_value()) << file;
        EXPECT_GT(percentiles->p50, 1.0) << file;
        EXPECT_LT(percentiles->p99, 3100.0) << file;
    }
}

TEST(RealFormats, EnvoyResponseCodeZeroIsABadStatusSkip)
{
    const LogSummary summary = test::ingest({test::fixturePath(QStringLiteral("logs/envoy.log"))}).summary;
    EXPECT_EQ(summary.skippedByReason[size_t(SkipReason::BadStatus)], 1);
}

TEST(RealFormats, FormatChangePartWayIsReadWholeAndCounted)
{
    const QString path = test::fixturePath(QStringLiteral("logs/format_change.log"));
    const QJsonObject expected = independentCount("change", path);
    const LogSummary summary = test::ingest({path}).summary;
    ASSERT_EQ(summary.formats.size(), 1);
    EXPECT_EQ(summary.formats[0].format, QStringLiteral("combined"));
    EXPECT_EQ(summary.formats[0].alsoFormats, QStringList{QStringLiteral("json")});
    EXPECT_EQ(summary.linesParsed, expected.value(QStringLiteral("records")).toInteger());
    EXPECT_EQ(summary.linesSkipped, 0);
    EXPECT_EQ(summary.deviationsByType[size_t(Deviation::FormatChange)], 150);
    ASSERT_FALSE(summary.deviationExamples.isEmpty());
    EXPECT_EQ(summary.deviationExamples[0].line, 601); // the first line after the change
    EXPECT_EQ(test::statusCountsJson(summary), expected.value(QStringLiteral("status_counts")).toObject());
}

TEST(RealFormats, CriPartialLinesAreJoinedAndCounted)
{
    const LogSummary summary = test::ingest({test::fixturePath(QStringLiteral("logs/cri.log"))}).summary;
    EXPECT_EQ(summary.deviationsByType[size_t(Deviation::PartialJoined)], 3);
    ASSERT_FALSE(summary.deviationExamples.isEmpty());
    EXPECT_TRUE(summary.deviationExamples[0].text.contains(QStringLiteral(" stdout F ")));
}

// ---- wrappers, one line at a time ------------------------------------------------------

std::string unwrap(Wrapper wrapper, std::string_view line, bool *partialOut = nullptr)
{
    std::string_view payload;
    bool partial = false;
    if (!unwrapLine(wrapper, line, payload, partial))
        return "<no>";
    if (partialOut)
        *partialOut = partial;
    return std::string(payload);
}

TEST(LogWrappers, EachPrefixIsStrippedExactly)
{
    EXPECT_EQ(unwrap(Wrapper::DockerCompose, "caddy  | {\"a\":1}"), "{\"a\":1}");
    EXPECT_EQ(unwrap(Wrapper::DockerCompose, "\x1b[36mweb-1  |\x1b[0m 1.2.3.4 - -"), "1.2.3.4 - -");
    EXPECT_EQ(unwrap(Wrapper::DockerCompose, "web-1  | 2024-05-13T10:00:00.123456789Z 1.2.3.4 - -"), "1.2.3.4 - -");
    EXPECT_EQ(unwrap(Wrapper::DockerCompose, "1.2.3.4 - - [13/May/2024"), "<no>");
    EXPECT_EQ(unwrap(Wrapper::Kubectl, "[pod/web-7d4b9c8f5-x2x9q/nginx] x y"), "x y");
    EXPECT_EQ(unwrap(Wrapper::Kubectl, "[13/May/2024:10:00:00 +0000] x"), "<no>");
    bool partial = false;
    EXPECT_EQ(unwrap(Wrapper::Cri, "2024-05-13T10:00:00.000000001Z stdout P abc", &partial), "abc");
    EXPECT_TRUE(partial);
    EXPECT_EQ(unwrap(Wrapper::Cri, "2024-05-13T10:00:00.000000001+02:00 stderr F abc", &partial), "abc");
    EXPECT_FALSE(partial);
    EXPECT_EQ(unwrap(Wrapper::Cri, "2024-05-13T10:00:00Z stdout X abc"), "<no>");
    EXPECT_EQ(unwrap(Wrapper::Syslog3164, "<190>May  2 10:00:00 web1 nginx: 1.2.3.4 - -"), "1.2.3.4 - -");
    EXPECT_EQ(unwrap(Wrapper::Syslog3164, "May 13 10:00:00 web1 haproxy[7]: x"), "x");
    EXPECT_EQ(unwrap(Wrapper::Syslog3164, "2024-05-13T10:00:00.123456+00:00 web1 nginx: x"), "x");
    EXPECT_EQ(unwrap(Wrapper::Syslog3164, "Mar 24 14:26:01 --- last message repeated 2 times ---"), "<no>");
    EXPECT_EQ(unwrap(Wrapper::Syslog5424, "<165>1 2003-10-11T22:14:15.003Z host app 1 ID47 - msg"), "msg");
    EXPECT_EQ(unwrap(Wrapper::Syslog5424,
                     R"(<165>1 2003-10-11T22:14:15.003Z host app - ID47 [ex@32473 a="x\]y" b="1"][b c="2"] msg)"),
              "msg");
    EXPECT_EQ(unwrap(Wrapper::Syslog5424, "<165>1 2003-10-11T22:14:15Z host app - - - \xEF\xBB\xBFmsg"), "msg");
    EXPECT_EQ(unwrap(Wrapper::Syslog5424, "<165>May 13 10:00:00 host app: msg"), "<no>");
}

TEST(LogWrappers, DetectionNeedsHalfTheLines)
{
    const std::vector<std::string_view> under{"web-1  | a", "b", "", "c", "web-1  | d", "e"};
    EXPECT_EQ(detectWrapper(under), Wrapper::None); // 2 of 5 non-blank lines
    const std::vector<std::string_view> half{"web-1  | a", "b", "", "web-1  | c", "d"};
    EXPECT_EQ(detectWrapper(half), Wrapper::DockerCompose); // 2 of 4: at least half
    const std::vector<std::string_view> plain{"1.2.3.4 - - [13/May/2024:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1"};
    EXPECT_EQ(detectWrapper(plain), Wrapper::None);
}

TEST(LogWrappers, ALineWithoutTheWrapperIsReadAsItStandsAndCounted)
{
    const QByteArray line = test::combinedLine(1, 200).chopped(1); // without its newline
    const QByteArray text = "web-1  | " + line + "\nweb-1  | " + line + "\n" + line + "\n";
    const FormatGuess guess = detectFormat(std::string_view(text.constData(), size_t(text.size())));
    ASSERT_TRUE(guess.parser);
    EXPECT_EQ(guess.wrapper, QStringLiteral("docker-compose"));
    LogRecord record;
    const ParseResult bare = guess.parser->parse(std::string_view(line.constData(), size_t(line.size())), record);
    ASSERT_EQ(bare.outcome, ParseOutcome::Record);
    EXPECT_EQ(bare.deviations, deviationBit(Deviation::NoWrapper));
}

// ---- detection ----------------------------------------------------------------------------

std::string combinedText(int from, int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += test::combinedLine((from + i) % 60, 200).toStdString(); // ends in its newline
    return out;
}

std::string jsonText(int count)
{
    std::string out;
    for (int i = 0; i < count; ++i)
        out += R"({"time_iso8601":"2024-05-13T11:00:00+00:00","status":503,"request_uri":"/x","request_method":"GET"})"
               "\n";
    return out;
}

TEST(LogDetection, AFormatChangeSeenOnlyAtTheEndIsFound)
{
    const std::string head = combinedText(0, 150);
    const std::string middle = "cut line\n" + combinedText(0, 50); // samples after the first start mid-line
    const std::string end = "cut\n" + combinedText(0, 10) + jsonText(40);
    const FormatGuess guess = detectFormat(std::vector<std::string_view>{head, middle, end});
    ASSERT_TRUE(guess.parser);
    EXPECT_EQ(guess.name, QStringLiteral("combined"));
    EXPECT_EQ(guess.alsoFormats, QStringList{QStringLiteral("json")});
    EXPECT_EQ(guess.sampleLines, 250);
    EXPECT_DOUBLE_EQ(guess.confidence, 1.0);
    EXPECT_TRUE(guess.suggestion.isEmpty());
    ASSERT_GE(guess.candidates.size(), 2);
    EXPECT_EQ(guess.candidates[0].format, QStringLiteral("combined"));
    EXPECT_DOUBLE_EQ(guess.candidates[0].confidence, 210.0 / 250.0);
    const auto json = std::find_if(guess.candidates.begin(), guess.candidates.end(),
                                   [](const FormatCandidate &c) { return c.format == QLatin1String("json"); });
    ASSERT_NE(json, guess.candidates.end());
    EXPECT_DOUBLE_EQ(json->confidence, 40.0 / 250.0);
    // Without the end sample the change goes unseen.
    EXPECT_TRUE(detectFormat(std::vector<std::string_view>{head, middle}).alsoFormats.isEmpty());

    LogRecord record;
    const std::string jsonLine = jsonText(1);
    const ParseResult later = guess.parser->parse(std::string_view(jsonLine).substr(0, jsonLine.size() - 1), record);
    ASSERT_EQ(later.outcome, ParseOutcome::Record);
    EXPECT_EQ(record.status, 503);
    EXPECT_EQ(later.deviations, deviationBit(Deviation::FormatChange));
}

TEST(LogDetection, OneOddLineIsNotAFormatChange)
{
    const std::string text = combinedText(0, 100) + jsonText(1);
    const FormatGuess guess = detectFormat(std::string_view(text));
    EXPECT_TRUE(guess.alsoFormats.isEmpty());
    EXPECT_DOUBLE_EQ(guess.confidence, 100.0 / 101.0);
}

TEST(LogDetection, MixedFileReportsEachFormatsConfidence)
{
    std::string text = combinedText(0, 30);
    for (int i = 0; i < 10; ++i)
        text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] "GET /a HTTP/1.1" 404 5)" "\n"; // common
    text += "garbage\ngarbage\n";
    const FormatGuess guess = detectFormat(std::string_view(text));
    EXPECT_EQ(guess.name, QStringLiteral("combined"));
    EXPECT_EQ(guess.alsoFormats, QStringList{QStringLiteral("common")});
    EXPECT_DOUBLE_EQ(guess.confidence, 40.0 / 42.0);
    ASSERT_EQ(guess.candidates.size(), 2);
    EXPECT_DOUBLE_EQ(guess.candidates[0].confidence, 30.0 / 42.0);
    EXPECT_EQ(guess.candidates[1].format, QStringLiteral("common"));
    EXPECT_DOUBLE_EQ(guess.candidates[1].confidence, 10.0 / 42.0);
}

TEST(LogDetection, UnderHalfParsedNamesTheClosestFormatAndSuggestsLogFormat)
{
    // combined with the status and bytes swapped round: nothing parses, but it is nearly combined.
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += R"(10.0.0.1 - - [13/May/2024:10:00:00 +0000] 200 "GET /a HTTP/1.1" 5 "-" "ua" +)" "\n";
    text += combinedText(0, 3);
    const FormatGuess guess = detectFormat(std::string_view(text));
    ASSERT_TRUE(guess.parser);
    EXPECT_LT(guess.confidence, 0.5);
    EXPECT_TRUE(guess.suggestion.contains(QStringLiteral("only 3 of 23 sampled lines parse")))
        << guess.suggestion.toStdString();
    EXPECT_TRUE(guess.suggestion.contains(QStringLiteral("the closest format is combined"))) << guess.suggestion.toStdString();
    EXPECT_TRUE(guess.suggestion.contains(QStringLiteral("--log-format '%h %l %u %t"))) << guess.suggestion.toStdString();
    // Over half parsed: no suggestion.
    EXPECT_TRUE(detectFormat(std::string_view(combinedText(0, 3))).suggestion.isEmpty());
}

TEST(LogDetection, WrapperAndFormatChangeAndJsonFieldsTogether)
{
    std::string text;
    for (int i = 0; i < 5; ++i)
        text += "[pod/api-1/app] {\"at\":\"2024-05-13T10:00:00Z\",\"r\":{\"code\":418}}\n";
    JsonFieldPaths fields{{QStringLiteral("status"), QStringLiteral("r.code")}, {QStringLiteral("time"), QStringLiteral("at")}};
    const FormatGuess guess = detectFormat(std::string_view(text), QStringLiteral("auto"), {}, fields);
    ASSERT_TRUE(guess.parser);
    EXPECT_EQ(guess.wrapper, QStringLiteral("kubectl"));
    EXPECT_EQ(guess.name, QStringLiteral("json"));
    EXPECT_DOUBLE_EQ(guess.confidence, 1.0);
    LogRecord record;
    const ParseResult result = guess.parser->parse("[pod/api-1/app] {\"at\":\"2024-05-13T10:00:00Z\",\"r\":{\"code\":418}}", record);
    ASSERT_EQ(result.outcome, ParseOutcome::Record);
    EXPECT_EQ(record.status, 418);
    EXPECT_EQ(result.deviations, deviationBit(Deviation::FieldMissing)); // no method, no path
}

} // namespace
