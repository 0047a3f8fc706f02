// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/har/har_reader.h"
#include "core/har/har_summary.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

using namespace statusscope;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

QJsonObject oracle()
{
    static const QJsonObject object =
        QJsonDocument::fromJson(readAll(test::fixturePath(QStringLiteral("har/oracle.json")))).object();
    return object;
}

std::map<int, int> toCounts(const QJsonObject &object)
{
    std::map<int, int> counts;
    for (auto it = object.begin(); it != object.end(); ++it)
        counts[it.key().toInt()] = it.value().toInt();
    return counts;
}

HarDeviation deviation(const HarLog &log, const char *kind)
{
    for (const HarDeviation &d : log.deviations) {
        if (d.kind == QLatin1String(kind))
            return d;
    }
    return {};
}

QStringList kinds(const HarLog &log)
{
    QStringList out;
    for (const HarDeviation &d : log.deviations)
        out << d.kind;
    return out;
}

} // namespace

// Every fixture, compared with the counts Python's json module gives (make_oracle.py).
TEST(HarReader, EveryFixtureMatchesThePythonOracle)
{
    const QJsonObject expected = oracle();
    ASSERT_GE(expected.size(), 17);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        SCOPED_TRACE(it.key().toStdString());
        const QJsonObject want = it.value().toObject();
        const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/") + it.key()));
        const QString error = want.value(QStringLiteral("error")).toString();
        if (error == QLatin1String("not-json")) {
            EXPECT_EQ(result.error.status, HarReadStatus::NotJson);
            EXPECT_EQ(result.error.byteOffset, want.value(QStringLiteral("offset")).toInteger());
            EXPECT_EQ(result.error.line, want.value(QStringLiteral("line")).toInt());
            EXPECT_EQ(result.error.column, want.value(QStringLiteral("column")).toInt());
            continue;
        }
        if (error == QLatin1String("not-har")) {
            EXPECT_EQ(result.error.status, HarReadStatus::NotHar);
            EXPECT_EQ(result.error.jsonPath, want.value(QStringLiteral("path")).toString());
            continue;
        }
        ASSERT_EQ(result.error.status, HarReadStatus::Ok) << result.error.describe().toStdString();
        EXPECT_EQ(result.log.entries.size(), want.value(QStringLiteral("entry_count")).toInt());
        EXPECT_EQ(result.log.pages.size(), want.value(QStringLiteral("page_count")).toInt());
        EXPECT_EQ(summarize(result.log.entries).statusCounts,
                  toCounts(want.value(QStringLiteral("status_counts")).toObject()));
        QList<int> skipped;
        for (const HarSkippedEntry &entry : result.log.skipped)
            skipped << entry.index;
        QList<int> wantSkipped;
        for (const auto value : want.value(QStringLiteral("skipped")).toArray())
            wantSkipped << value.toInt();
        EXPECT_EQ(skipped, wantSkipped);
        // The deviations Python can count on its own: invalid UTF-8 by offset, object cookies.
        QStringList invalidAt;
        for (const auto value : want.value(QStringLiteral("invalid_utf8")).toArray())
            invalidAt << QStringLiteral("byte %1").arg(value.toInteger());
        EXPECT_EQ(deviation(result.log, "invalid_utf8").count, invalidAt.size());
        QStringList gotAt;
        for (const QString &example : deviation(result.log, "invalid_utf8").examples)
            gotAt << example.mid(example.indexOf(QStringLiteral("byte ")));
        EXPECT_EQ(gotAt, invalidAt.mid(0, kHarDeviationExamples));
        EXPECT_EQ(deviation(result.log, "cookies_object").count, want.value(QStringLiteral("cookies_objects")).toInt());
    }
}

TEST(HarReader, NotJsonGivesOffsetLineColumnAndWhatWasExpected)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/not-json.har")));
    ASSERT_EQ(result.error.status, HarReadStatus::NotJson);
    // The file has `}` then `xxx` on line 8: a comma or a closing brace was expected there.
    EXPECT_EQ(result.error.byteOffset, 110);
    EXPECT_EQ(result.error.line, 8);
    EXPECT_EQ(result.error.column, 5);
    EXPECT_EQ(result.error.message, QStringLiteral("Missing a comma or '}' after an object member"));
    EXPECT_TRUE(result.error.jsonPath.isEmpty());
    EXPECT_TRUE(result.log.entries.isEmpty());
}

TEST(HarReader, JsonWithoutEntriesNamesThePath)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/not-valid.har")));
    ASSERT_EQ(result.error.status, HarReadStatus::NotHar);
    EXPECT_EQ(result.error.jsonPath, QStringLiteral("log.entries"));
    EXPECT_EQ(result.error.message, QStringLiteral("missing"));
    // Found missing when `log` closes: its `}` on line 12.
    EXPECT_EQ(result.error.line, 12);
    EXPECT_GT(result.error.byteOffset, 0);
    EXPECT_EQ(result.error.describe().left(20), QStringLiteral("log.entries: missing"));
}

TEST(HarReader, BrokenEntriesAreListedWithIndexAndPathWhileTheOthersLoad)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/broken-entries.har")));
    ASSERT_TRUE(result.ok()) << result.error.describe().toStdString();
    ASSERT_EQ(result.log.entries.size(), 2);
    EXPECT_EQ(result.log.entries[0].index, 0);
    EXPECT_EQ(result.log.entries[1].index, 5);
    ASSERT_EQ(result.log.skipped.size(), 5);
    EXPECT_EQ(result.log.skipped[0], (HarSkippedEntry{1, QStringLiteral("log.entries[1].response.status: missing")}));
    EXPECT_EQ(result.log.skipped[1],
              (HarSkippedEntry{2, QStringLiteral("log.entries[2].response.status: expected a number, got a string \"abc\"")}));
    EXPECT_EQ(result.log.skipped[2], (HarSkippedEntry{3, QStringLiteral("log.entries[3]: expected an object, got a number")}));
    EXPECT_EQ(result.log.skipped[3], (HarSkippedEntry{4, QStringLiteral("log.entries[4].request: missing")}));
    EXPECT_EQ(result.log.skipped[4],
              (HarSkippedEntry{6, QStringLiteral("log.entries[6].request.headers[0].name: missing")}));
}

TEST(HarReader, CustomFieldsAndMinusOneTimingsAreKept)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/broken-entries.har")));
    ASSERT_TRUE(result.ok());
    const HarEntry &entry = result.log.entries[1];
    EXPECT_EQ(entry.custom, (HarCustomFields{{QStringLiteral("_resourceType"), "\"fetch\""},
                                             {QStringLiteral("_initiator"), R"({"type":"script","lineNumber":3})"}}));
    EXPECT_EQ(entry.response.custom, (HarCustomFields{{QStringLiteral("_transferSize"), "1234"}}));
    EXPECT_EQ(entry.timings.blocked, -1);
    EXPECT_EQ(entry.timings.dns, -1);
    EXPECT_EQ(entry.timings.ssl, -1); // absent: HAR's default
    EXPECT_EQ(entry.timings.send, 0.5);
    EXPECT_EQ(entry.timings.wait, 40.25);
    EXPECT_EQ(entry.timings.receive, -1);
    EXPECT_EQ(entry.startedMs, parseHarTime(u"2024-05-13T09:00:00.005Z"));
}

TEST(HarReader, ChromeExportFieldsAreTyped)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/chrome51-issue49.har")));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.log.version, QStringLiteral("1.2"));
    EXPECT_EQ(result.log.creator.name, QStringLiteral("WebInspector"));
    const HarEntry &first = result.log.entries[0];
    EXPECT_FALSE(first.request.method.isEmpty());
    EXPECT_TRUE(first.request.url.startsWith(QLatin1String("http")));
    EXPECT_FALSE(first.request.headers.isEmpty());
    EXPECT_EQ(result.log.pages[0].id, first.pageref);
    EXPECT_NE(first.startedMs, HarEntry::kNoTime);
}

TEST(HarReader, Base64ContentDecodes)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/svg-base64.har")));
    ASSERT_TRUE(result.ok());
    const HarContent &content = result.log.entries[0].response.content;
    EXPECT_TRUE(content.isBase64());
    const QByteArray svg = content.decodedText();
    EXPECT_TRUE(svg.contains("<svg")) << svg.left(80).toStdString();
}

TEST(HarReader, EmptyPostDataIsPresentButEmpty)
{
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/post-empty-post-data.har")));
    ASSERT_TRUE(result.ok());
    const HarRequest &request = result.log.entries[0].request;
    EXPECT_EQ(request.method, QStringLiteral("POST"));
    ASSERT_TRUE(request.postData.has_value());
    EXPECT_TRUE(request.postData->text.isEmpty());
}

TEST(HarReader, KeepBodiesFalseDropsTextButKeepsTheFact)
{
    HarReadOptions options;
    options.keepBodies = false;
    const HarReadResult result = readHarFile(test::fixturePath(QStringLiteral("har/svg-base64.har")), options);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.log.entries[0].response.content.hasText);
    EXPECT_TRUE(result.log.entries[0].response.content.text.isEmpty());
}

// Cut a real export at many points: every cut is a clean NotJson error at or before the cut,
// never a crash or a hang, and a cut right after the root object still parses.
TEST(HarReader, TruncatedFilesGiveAnOffsetNeverACrash)
{
    const QByteArray whole = readAll(test::fixturePath(QStringLiteral("har/chrome51-issue23.har")));
    ASSERT_TRUE(readHarData(whole).ok());
    const QByteArray trimmed = whole.trimmed();
    for (qsizetype cut = 0; cut < trimmed.size(); cut += 97) {
        SCOPED_TRACE(cut);
        const HarReadResult result = readHarData(trimmed.left(cut));
        ASSERT_EQ(result.error.status, HarReadStatus::NotJson) << result.error.describe().toStdString();
        EXPECT_LE(result.error.byteOffset, cut);
        EXPECT_GE(result.error.line, 1);
        EXPECT_FALSE(result.error.message.isEmpty());
    }
    const HarReadResult empty = readHarData(QByteArray());
    EXPECT_EQ(empty.error.status, HarReadStatus::NotJson);
    EXPECT_EQ(empty.error.byteOffset, 0);
}

TEST(HarReader, RootMustBeAnObjectWithLog)
{
    EXPECT_EQ(readHarData("[1,2]").error.jsonPath, QStringLiteral("(root)"));
    EXPECT_EQ(readHarData("{\"x\": 1}").error.jsonPath, QStringLiteral("log"));
    const HarReadResult wrongType = readHarData(R"({"log": {"entries": {}}})");
    EXPECT_EQ(wrongType.error.status, HarReadStatus::NotHar);
    EXPECT_EQ(wrongType.error.describe(), QStringLiteral("log.entries: expected an array, got an object (byte 20, line 1, column 21)"));
}

TEST(HarReader, ByteOrderMarkAndDeepNestingAreHandled)
{
    const HarReadResult bom = readHarData("\xEF\xBB\xBF{\"log\":{\"entries\":[]}}");
    EXPECT_TRUE(bom.ok()) << bom.error.describe().toStdString();
    // Nesting far past any stack: stopped with a clear error, not a stack overflow.
    const QByteArray deep = "{\"log\":{\"entries\":[],\"x\":" + QByteArray(200000, '[') + QByteArray(200000, ']') + "}}";
    const HarReadResult tooDeep = readHarData(deep);
    EXPECT_EQ(tooDeep.error.status, HarReadStatus::NotJson);
    EXPECT_EQ(tooDeep.error.message, QStringLiteral("nested deeper than 512 levels"));
    // Three levels (document, root, log) are open above "x": the 510th '[' is one too many.
    EXPECT_EQ(tooDeep.error.byteOffset, qsizetype(std::strlen("{\"log\":{\"entries\":[],\"x\":")) + 509);
    // Nesting a real exporter could write in a `_` field still loads.
    const QByteArray nested = "{\"log\":{\"entries\":[],\"_x\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}}";
    EXPECT_TRUE(readHarData(nested).ok());
}

TEST(HarReader, MissingFileIsAFileError)
{
    const HarReadResult result = readHarFile(QStringLiteral("/nonexistent/x.har"));
    EXPECT_EQ(result.error.status, HarReadStatus::FileError);
    EXPECT_FALSE(result.error.message.isEmpty());
}

TEST(HarReader, CancelStopsAndProgressIsReported)
{
    const QString path = test::fixturePath(QStringLiteral("har/no-pages.har"));
    std::atomic<bool> cancel{true};
    HarReadOptions options;
    options.cancel = &cancel;
    EXPECT_EQ(readHarFile(path, options).error.status, HarReadStatus::Cancelled);

    qint64 lastDone = -1, lastTotal = -1;
    HarReadOptions progress;
    progress.progress = [&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
    };
    ASSERT_TRUE(readHarFile(path, progress).ok());
    EXPECT_EQ(lastTotal, QFileInfo(path).size());
    EXPECT_EQ(lastDone, lastTotal);
}

TEST(HarTime, ParsesWhatExportersWrite)
{
    const qint64 base = parseHarTime(u"2024-05-13T09:00:00.000Z");
    EXPECT_EQ(base, 1715590800000);
    EXPECT_EQ(parseHarTime(u"2024-05-13T11:00:00.000+02:00"), base);
    EXPECT_EQ(parseHarTime(u"2024-05-13T09:00:00.1234567Z"), base + 123);
    EXPECT_EQ(parseHarTime(u"2024-05-13T04:00:00-0500"), base);
    EXPECT_EQ(parseHarTime(u"2024-05-13T09:00:00Z"), base);
    EXPECT_EQ(parseHarTime(u"yesterday"), HarEntry::kNoTime);
    EXPECT_EQ(parseHarTime(u"2024-13-13T09:00:00Z"), HarEntry::kNoTime);
}

// Found by tests/fuzz/fuzz_har under AddressSanitizer: RapidJSON's SSE2 whitespace scanner
// loads aligned 16-byte blocks past the end of the buffer. The sanitizer builds use the portable
// scanner (core/har/rapidjson_config.h); every tail length here ends the buffer at a different
// alignment, so an over-read shows up in the ASan build (`cmake --preset sanitize`).
TEST(HarReader, WhitespaceUpToTheBufferEndIsReadWithinTheBuffer)
{
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[]}})";
    for (int tail = 0; tail <= 40; ++tail) {
        const QByteArray padded = QByteArray(tail % 7, ' ') + har + QByteArray(tail, tail % 2 ? '\n' : ' ');
        const HarReadResult result = readHarData(QByteArray(padded.constData(), padded.size()));
        EXPECT_TRUE(result.ok()) << tail << ": " << result.error.describe().toStdString();
    }
}

// Found by tests/fuzz/fuzz_har under UBSan: a size of 4e61 was converted to qint64, which is
// undefined. Such a value now spoils only its entry, with the path and the allowed range.
TEST(HarReader, NumbersTooLargeForTheirFieldSkipTheEntryWithAReason)
{
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
        {"request":{"method":"GET","url":"/a"},"response":{"status":200,"bodySize":4e61},"time":1},
        {"request":{"method":"GET","url":"/b"},"response":{"status":200,"bodySize":9223372036854775807},"time":1},
        {"request":{"method":"GET","url":"/c"},"response":{"status":200,"bodySize":1e15},"time":1,
         "cache":{"afterRequest":{"hitCount":3000000000}}},
        {"request":{"method":"GET","url":"/d","headersSize":-2e30},"response":{"status":200},"time":1},
        {"request":{"method":"GET","url":"/d2"},"response":{"status":7.7e97},"time":1},
        {"request":{"method":"GET","url":"/e"},"response":{"status":200,"bodySize":12},"time":1,
         "cache":{"afterRequest":{"hitCount":7}}}
    ]}})";
    const HarReadResult result = readHarData(har);
    ASSERT_TRUE(result.ok()) << result.error.describe().toStdString();
    ASSERT_EQ(result.log.skipped.size(), 5);
    EXPECT_EQ(result.log.skipped[0].index, 0);
    EXPECT_TRUE(result.log.skipped[0].reason.startsWith(
        QStringLiteral("log.entries[0].response.bodySize: expected a whole number from -9223372036854775808 to 9223372036854775807, got 4e+61")))
        << result.log.skipped[0].reason.toStdString();
    EXPECT_EQ(result.log.skipped[1].index, 1); // rounds to 2^63, one past the largest qint64
    EXPECT_EQ(result.log.skipped[2].index, 2);
    EXPECT_TRUE(result.log.skipped[2].reason.contains(QStringLiteral("afterRequest.hitCount")))
        << result.log.skipped[2].reason.toStdString();
    EXPECT_EQ(result.log.skipped[3].index, 3);
    EXPECT_EQ(result.log.skipped[4].reason, QStringLiteral("log.entries[4].response.status: not a status code: 7.7e+97"));
    ASSERT_EQ(result.log.entries.size(), 1);
    EXPECT_EQ(result.log.entries[0].response.bodySize, 12);
    ASSERT_TRUE(result.log.entries[0].cache.afterRequest.has_value());
    EXPECT_EQ(result.log.entries[0].cache.afterRequest->hitCount, 7);
}

// Found by tests/fuzz/fuzz_har: without details the cookies, post data and cache were skipped
// unread, so an entry with a broken cookie loaded there but was skipped with details. Now both
// read and check everything; only what is kept differs.
TEST(HarReader, WithOrWithoutBodiesAndDetailsTheSameEntriesAreSkipped)
{
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
        {"request":{"method":"GET","url":"/a","cookies":[{"name":"a","httpOnly":"maybe"}]},"response":{"status":200},"time":1},
        {"request":{"method":"POST","url":"/b","postData":{"mimeType":"text/plain","text":5}},"response":{"status":200},"time":1},
        {"request":{"method":"GET","url":"/c"},"response":{"status":200,"content":{"size":1,"text":true}},"time":1},
        {"request":{"method":"GET","url":"/d"},"response":{"status":200},"time":1,"cache":{"beforeRequest":{"hitCount":"x"}}},
        {"request":{"method":"GET","url":"/e"},"response":{"status":200,"cookies":{}},"time":1},
        {"request":{"method":"GET","url":"/f","cookies":[{"name":"s","value":"1","secure":true}],
                    "postData":{"mimeType":"text/plain","text":"hi"}},
         "response":{"status":201,"content":{"size":2,"text":"ok"}},"time":1,"cache":{"afterRequest":{"hitCount":2}}}
    ]}})";
    HarReadOptions lean;
    lean.keepBodies = false;
    lean.keepDetails = false;
    const HarReadResult full = readHarData(har);
    const HarReadResult light = readHarData(har, lean);
    ASSERT_TRUE(full.ok());
    ASSERT_TRUE(light.ok());
    EXPECT_EQ(full.log.skipped, light.log.skipped);
    ASSERT_EQ(full.log.skipped.size(), 4);
    EXPECT_TRUE(full.log.skipped[0].reason.startsWith(QStringLiteral("log.entries[0].request.cookies[0].httpOnly: expected a boolean")))
        << full.log.skipped[0].reason.toStdString();
    EXPECT_EQ(full.log.skipped[3].index, 3);
    // IE11's `"cookies": {}` no longer costs the entry: it is kept and the deviation counted,
    // with details or without.
    EXPECT_EQ(full.log.deviations, light.log.deviations);
    EXPECT_EQ(deviation(full.log, "cookies_object").examples, QStringList{QStringLiteral("log.entries[4].response.cookies")});

    ASSERT_EQ(full.log.entries.size(), 2);
    ASSERT_EQ(light.log.entries.size(), 2);
    EXPECT_EQ(full.log.entries[0].index, 4);
    const HarEntry &kept = full.log.entries[1];
    EXPECT_EQ(kept.request.cookies.size(), 1);
    EXPECT_EQ(kept.request.postData->text, "hi");
    EXPECT_EQ(kept.response.content.text, "ok");
    const HarEntry &lightEntry = light.log.entries[1];
    EXPECT_TRUE(lightEntry.request.cookies.isEmpty());
    EXPECT_FALSE(lightEntry.request.postData.has_value());
    EXPECT_FALSE(lightEntry.cache.afterRequest.has_value());
    EXPECT_TRUE(lightEntry.response.content.text.isEmpty());
    EXPECT_TRUE(lightEntry.response.content.hasText);
    EXPECT_EQ(lightEntry.response.status, 201);
}

// Found by tests/fuzz/fuzz_har: a log with two "entries" arrays numbered both from 0, so two
// skipped entries could share an index. They now count on across arrays.
TEST(HarReader, SeveralEntriesArraysKeepDistinctIndexes)
{
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},
        "entries":[{"request":{"method":"GET","url":"/a"},"response":{"status":200},"time":1},
                   {"request":{"method":"GET","url":"/b"},"time":1}],
        "pages":[],
        "entries":[{"request":{"method":"GET","url":"/c"},"time":1},
                   {"request":{"method":"GET","url":"/d"},"response":{"status":404},"time":1}]}})";
    const HarReadResult result = readHarData(har);
    ASSERT_TRUE(result.ok()) << result.error.describe().toStdString();
    ASSERT_EQ(result.log.entries.size(), 2);
    EXPECT_EQ(result.log.entries[0].index, 0);
    EXPECT_EQ(result.log.entries[1].index, 3);
    EXPECT_EQ(result.log.entries[1].request.url, QStringLiteral("/d"));
    ASSERT_EQ(result.log.skipped.size(), 2);
    EXPECT_EQ(result.log.skipped[0].index, 1);
    EXPECT_EQ(result.log.skipped[1].index, 2);
    EXPECT_EQ(result.log.skipped[1].reason, QStringLiteral("log.entries[2].response: missing"));
}

// Found by tests/fuzz/fuzz_har: RapidJSON's own conversion of "0e157" and of long fractions
// had undefined behaviour. Numbers are now converted by the standard library, exactly.
TEST(HarReader, NumbersConvertExactlyAtTheEdgesOfADouble)
{
    auto timeOf = [](const QByteArray &number) {
        const QByteArray har = R"({"log":{"entries":[{"request":{"method":"GET","url":"/"},"response":{"status":200},"time":)"
                               + number + "}]}}";
        const HarReadResult result = readHarData(har);
        EXPECT_TRUE(result.ok()) << number.constData() << ": " << result.error.describe().toStdString();
        return result.ok() && result.log.entries.size() == 1 ? result.log.entries[0].time : std::nan("");
    };
    EXPECT_EQ(timeOf("0e157"), 0.0);
    EXPECT_EQ(timeOf("1e-400"), 0.0);
    EXPECT_TRUE(std::signbit(timeOf("-1e-400")));
    EXPECT_EQ(timeOf("0.1"), 0.1);
    EXPECT_EQ(timeOf("2.2250738585072011e-308"), 2.2250738585072011e-308);
    EXPECT_EQ(timeOf("1.7976931348623157e308"), 1.7976931348623157e308);
    EXPECT_EQ(timeOf("0." + QByteArray(400, '0') + "1e400"), 0.1);
    EXPECT_EQ(timeOf("123456789012345678901234567890"), 1.2345678901234568e29);
    EXPECT_EQ(timeOf("-0"), 0.0);

    // Past the largest double: not a number JSON can carry here, where RapidJSON says so too.
    const QByteArray tooBig = R"({"log":{"entries":[{"request":{"method":"GET","url":"/"},"response":{"status":200},"time":1.8e308}]}})";
    const HarReadResult result = readHarData(tooBig);
    EXPECT_EQ(result.error.status, HarReadStatus::NotJson);
    EXPECT_EQ(result.error.message, QStringLiteral("Number too big to be stored in double"));
    EXPECT_EQ(result.error.byteOffset, tooBig.indexOf("1.8e308"));
    const HarReadResult huge = readHarData(QByteArray(tooBig).replace("1.8e308", "1e400"));
    EXPECT_EQ(huge.error.status, HarReadStatus::NotJson);
    EXPECT_EQ(huge.error.message, result.error.message);
}

// Internet Explorer 11 writes request.cookies and response.cookies as objects. Every entry is
// kept (the reader dropped 13 of 25 of such an export before), the cookies are read, and the
// deviation is counted with the first places it occurs.
TEST(HarLenient, Ie11ObjectCookiesKeepEveryEntryAndAreCounted)
{
    for (const bool details : {true, false}) {
        SCOPED_TRACE(details ? "with details" : "without details");
        HarReadOptions options;
        options.keepDetails = details;
        const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("har/ie11-object-cookies.har")), options);
        ASSERT_TRUE(r.ok()) << r.error.describe().toStdString();
        EXPECT_EQ(r.log.entries.size(), 25);
        EXPECT_TRUE(r.log.skipped.isEmpty());
        const HarDeviation cookies = deviation(r.log, "cookies_object");
        EXPECT_EQ(cookies.count, 26); // 13 entries, both sides
        EXPECT_EQ(cookies.examples,
                  (QStringList{QStringLiteral("log.entries[0].request.cookies"), QStringLiteral("log.entries[0].response.cookies"),
                               QStringLiteral("log.entries[2].request.cookies"), QStringLiteral("log.entries[2].response.cookies"),
                               QStringLiteral("log.entries[4].request.cookies")}));
        EXPECT_EQ(kinds(r.log), QStringList{QStringLiteral("cookies_object")}) << "nothing else departs from HAR 1.2";
        EXPECT_TRUE(r.log.warnings.isEmpty());
        if (details) {
            // {"ASP.NET_SessionId": "x000", "_ga": "..."}: names are keys, `_ga` included.
            const QList<HarCookie> &sent = r.log.entries[0].request.cookies;
            ASSERT_EQ(sent.size(), 2);
            EXPECT_EQ(sent[0].name, QStringLiteral("ASP.NET_SessionId"));
            EXPECT_EQ(sent[0].value, QStringLiteral("x000"));
            EXPECT_EQ(sent[1].name, QStringLiteral("_ga"));
            EXPECT_EQ(r.log.entries[0].response.cookies.size(), 1);
            EXPECT_EQ(r.log.entries[0].response.cookies[0].name, QStringLiteral("lang"));
            EXPECT_TRUE(r.log.entries[2].request.cookies.isEmpty()); // {}
            EXPECT_EQ(r.log.entries[1].request.cookies.size(), 1);   // an array, as HAR 1.2 has it
        }
    }
    // A cookie given as an object under its name is read as one.
    const HarReadResult named = readHarData(R"({"log": {"entries": [{"request": {"method": "GET", "url": "/",
        "cookies": {"sid": {"value": "1", "path": "/", "httpOnly": true}}}, "response": {"status": 200}}]}})");
    ASSERT_TRUE(named.ok());
    ASSERT_EQ(named.log.entries.size(), 1);
    ASSERT_EQ(named.log.entries[0].request.cookies.size(), 1);
    EXPECT_EQ(named.log.entries[0].request.cookies[0].name, QStringLiteral("sid"));
    EXPECT_EQ(named.log.entries[0].request.cookies[0].path, QStringLiteral("/"));
    EXPECT_EQ(named.log.entries[0].request.cookies[0].httpOnly, std::optional<bool>(true));
}

// JSON is UTF-8 (RFC 8259 §8.1): an invalid byte is found with its offset (the one Python's
// decoder names), replaced with U+FFFD in what is shown, and warned about; the entry stays.
TEST(HarLenient, InvalidUtf8IsReportedByOffsetAndReplaced)
{
    const QString path = test::fixturePath(QStringLiteral("har/invalid-utf8.har"));
    const QByteArray raw = readAll(path);
    ASSERT_EQ(static_cast<unsigned char>(raw.at(387)), 0xFC);
    const HarReadResult r = readHarFile(path);
    ASSERT_TRUE(r.ok()) << r.error.describe().toStdString();
    ASSERT_EQ(r.log.entries.size(), 2);
    const HarDeviation bad = deviation(r.log, "invalid_utf8");
    EXPECT_EQ(bad.count, 2);
    EXPECT_EQ(bad.examples, (QStringList{QStringLiteral("log.entries[0]: byte 387"), QStringLiteral("log.entries[0]: byte 704")}));
    ASSERT_EQ(r.log.warnings.size(), 1);
    EXPECT_TRUE(r.log.warnings[0].contains(QStringLiteral("byte 387"))) << r.log.warnings[0].toStdString();
    EXPECT_TRUE(r.log.warnings[0].contains(QStringLiteral("U+FFFD")));
    const HarEntry &e = r.log.entries[0];
    ASSERT_EQ(e.request.headers.size(), 1);
    EXPECT_EQ(e.request.headers[0].value, QStringLiteral("M\uFFFDnchen"));
    EXPECT_EQ(e.response.content.text, QByteArray("na\xEF\xBF\xBDve")) << "bodies are repaired too";
    EXPECT_EQ(e.request.url, QStringLiteral("https://shop.example/caf\u00e9")) << "valid UTF-8 untouched";

    // Invalid sequences of every kind, in a string outside the entries: each one counted.
    const QByteArray kinds = "{\"log\": {\"comment\": \"\x80|\xC0\xAF|\xE0\x80\x80|\xED\xA0\x80|\xF4\x90\x80\x80|\xF8|ok \xE2\x82\xAC\", \"entries\": []}}";
    const HarReadResult mixed = readHarData(kinds);
    ASSERT_TRUE(mixed.ok());
    // 0x80; C0 AF (2); E0 80 80 (E0, 80, 80 -> 3); ED A0 80 (3); F4 90 80 80 (4); F8 (1): Python counts 14.
    EXPECT_EQ(deviation(mixed.log, "invalid_utf8").count, 14);
    EXPECT_EQ(deviation(mixed.log, "invalid_utf8").examples.first(), QStringLiteral("byte 21"));
    EXPECT_TRUE(mixed.log.comment.endsWith(QStringLiteral("ok \u20AC")));
}

// The rest of what real exporters write: kept, and each kind counted with its paths. An entry
// skipped for its own reason does not add to the counts.
TEST(HarLenient, TolerableDeviationsAreCountedByKind)
{
    const HarReadResult r = readHarFile(test::fixturePath(QStringLiteral("har/lenient-deviations.har")));
    ASSERT_TRUE(r.ok()) << r.error.describe().toStdString();
    EXPECT_EQ(r.log.entries.size(), 6);
    ASSERT_EQ(r.log.skipped.size(), 1);
    EXPECT_EQ(r.log.skipped[0].index, 6);
    auto expectDeviation = [&r](const char *kind, qint64 count, const QStringList &examples) {
        const HarDeviation d = deviation(r.log, kind);
        EXPECT_EQ(d.count, count) << kind;
        EXPECT_EQ(d.examples, examples) << kind;
    };
    expectDeviation("bom", 1, {QStringLiteral("byte 0")});
    expectDeviation("unknown_field", 5,
                    {QStringLiteral("log.generator"), QStringLiteral("log.entries[3].request.frameId"),
                     QStringLiteral("log.entries[3].response.transferSize"), QStringLiteral("log.entries[3].timings.queued"),
                     QStringLiteral("log.entries[3].priority")});
    expectDeviation("pages_null", 1, {QStringLiteral("log.pages")});
    expectDeviation("timings_null", 1, {QStringLiteral("log.entries[0].timings")});
    expectDeviation("status_zero", 1, {QStringLiteral("log.entries[0].response.status")});
    expectDeviation("number_as_string", 3,
                    {QStringLiteral("log.entries[0].time"), QStringLiteral("log.entries[3].response.status"),
                     QStringLiteral("log.entries[3].response.headersSize")});
    expectDeviation("time_missing", 1, {QStringLiteral("log.entries[1].time")});
    expectDeviation("timings_missing", 1, {QStringLiteral("log.entries[1].timings")});
    expectDeviation("time_null", 1, {QStringLiteral("log.entries[2].time")});
    expectDeviation("http_version_missing", 2,
                    {QStringLiteral("log.entries[2].request.httpVersion"), QStringLiteral("log.entries[2].response.httpVersion")});
    expectDeviation("value_not_string", 1, {QStringLiteral("log.entries[4].response.headers[0].value")});
    EXPECT_EQ(r.log.deviations.first().kind, QStringLiteral("bom")) << "kinds in order of first occurrence";
    EXPECT_TRUE(r.log.warnings.isEmpty());
    // What the views need survives: the status 0 entry, the times that were given.
    EXPECT_EQ(r.log.entries[0].response.status, 0);
    EXPECT_DOUBLE_EQ(r.log.entries[0].time, 10.5);
    EXPECT_EQ(r.log.entries[1].time, -1);
    EXPECT_EQ(r.log.entries[3].response.status, 404);
    // Without details or bodies the same kinds and counts (a different reading, the same file).
    HarReadOptions lean;
    lean.keepDetails = false;
    lean.keepBodies = false;
    EXPECT_EQ(readHarFile(test::fixturePath(QStringLiteral("har/lenient-deviations.har")), lean).log.deviations, r.log.deviations);
    // A file that follows HAR 1.2 has none (pages may be left out: HAR 1.2 makes them optional).
    const HarReadResult clean = readHarFile(test::fixturePath(QStringLiteral("har/no-pages.har")));
    ASSERT_TRUE(clean.ok());
    EXPECT_TRUE(clean.log.pages.isEmpty());
    EXPECT_FALSE(kinds(clean.log).contains(QStringLiteral("pages_null")));
}

TEST(HarLenient, ExamplesStopAtFiveButEveryOccurrenceCounts)
{
    QByteArray entries;
    for (int i = 0; i < 40; ++i)
        entries += QByteArray(i ? "," : "") + R"({"request": {"method": "GET", "url": "/x", "httpVersion": "HTTP/1.1"},
            "response": {"status": "200", "httpVersion": "HTTP/1.1"}, "time": 1, "timings": {"send": 0, "wait": 1, "receive": 0}})";
    const HarReadResult r = readHarData("{\"log\": {\"entries\": [" + entries + "]}}");
    ASSERT_TRUE(r.ok());
    const HarDeviation d = deviation(r.log, "number_as_string");
    EXPECT_EQ(d.count, 40);
    ASSERT_EQ(d.examples.size(), kHarDeviationExamples);
    EXPECT_EQ(d.examples.last(), QStringLiteral("log.entries[4].response.status"));
    EXPECT_EQ(describeHarDeviation(QStringLiteral("number_as_string")), QStringLiteral("a number written as a string"));
}
