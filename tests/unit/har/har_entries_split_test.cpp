// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a large HAR on two threads (core/har/har_entries_split.h) must give exactly what one
// thread gives: the same entries in the same order, the same skipped entries with the same
// indexes and paths, the same errors at the same bytes. Every test reads the same input both
// ways and compares the whole result.
#include "core/har/har_reader.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>

using namespace statusscope;

namespace {

HarReadOptions oneThread()
{
    HarReadOptions options;
    options.splitMinBytes = 0;
    return options;
}

HarReadOptions twoThreads()
{
    HarReadOptions options;
    options.splitMinBytes = 1; // split whatever the size
    return options;
}

void expectSameResult(const HarReadResult &split, const HarReadResult &single)
{
    EXPECT_EQ(split.error, single.error) << "two threads: " << split.error.describe().toStdString()
                                         << "\none thread: " << single.error.describe().toStdString();
    EXPECT_EQ(split.log.entries.size(), single.log.entries.size());
    EXPECT_EQ(split.log.skipped, single.log.skipped);
    EXPECT_EQ(split.log.pages, single.log.pages);
    EXPECT_TRUE(split.log == single.log);
}

// A realistic entry: headers, cookies, a query, a JSON body and `_` fields. Its strings hold
// "},{" and whole entry-shaped JSON (escaped), which must never be taken for a boundary.
QByteArray entry(int i, bool indented)
{
    QString headers;
    for (int h = 0; h < 6; ++h)
        headers += QStringLiteral(R"(%1
        {"name": "X-Header-%2", "value": "%3"})").arg(h ? QStringLiteral(",") : QString()).arg(h).arg(i * h);
    const int statuses[] = {200, 204, 301, 304, 404, 417, 500, 502};
    QString text = QStringLiteral(R"({
  "_initiator": {"type": "script", "stack": [{"url": "a"},
      {"url": "b"}]},
  "pageref": "page_%1",
  "startedDateTime": "2024-05-13T12:%2:%3.000Z",
  "time": %4,
  "request": {
    "method": "%5",
    "url": "https://app.example.test/api/items/%6?page=%7",
    "httpVersion": "HTTP/1.1",
    "headers": [%8],
    "queryString": [{"name": "page", "value": "%7"}],
    "cookies": [{"name": "sid", "value": "abc"},
      {"name": "theme", "value": "dark"}],
    "postData": {"mimeType": "application/json",
      "text": "[{\"request\":{\"method\":\"GET\",\"url\":\"x\"},\"response\":{\"status\":1}},{\"a\":1}]"},
    "headersSize": -1,
    "bodySize": 42
  },
  "response": {
    "status": %9,
    "statusText": "Whatever",
    "httpVersion": "HTTP/1.1",
    "headers": [%8],
    "cookies": [],
    "content": {"size": %10, "mimeType": "application/json",
      "text": "{\"items\":[{\"id\":%6},\n{\"id\":%6}]}"},
    "redirectURL": "",
    "headersSize": -1,
    "bodySize": %10
  },
  "cache": {},
  "timings": {"blocked": -1, "dns": 1, "connect": 2, "send": 0.5, "wait": 7, "receive": 0.25}
})")
                       .arg(i / 50)
                       .arg(i / 60 % 60, 2, 10, QLatin1Char('0'))
                       .arg(i % 60, 2, 10, QLatin1Char('0'))
                       .arg(10.5 + i)
                       .arg(i % 5 == 0 ? QStringLiteral("POST") : QStringLiteral("GET"))
                       .arg(i)
                       .arg(i % 7)
                       .arg(headers)
                       .arg(statuses[i % 8])
                       .arg(30 + i);
    if (!indented)
        text.remove(QRegularExpression(QStringLiteral("\n *")));
    return text.toUtf8();
}

// `count` entries; `raw(i)` may replace entry i by literal JSON text (a broken entry, a decoy).
// Pages come after the entries, so the reader must go on after the joined array.
QByteArray makeHar(int count, const std::function<QByteArray(int)> &raw = {}, bool indented = true)
{
    QByteArray text = "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"test\", \"version\": \"1\"},\n\"entries\": [\n";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += ",\n";
        const QByteArray literal = raw ? raw(i) : QByteArray();
        text += literal.isEmpty() ? entry(i, indented) : literal;
    }
    text += "\n],\n\"pages\": [";
    for (int p = 0; p <= count / 50; ++p)
        text += QStringLiteral(R"(%1{"id": "page_%2", "title": "Page %2", "startedDateTime": "2024-05-13T12:00:00.000Z", "pageTimings": {"onLoad": 100}})")
                    .arg(p ? QStringLiteral(",") : QString()).arg(p).toUtf8();
    text += "]}}\n";
    return text;
}

QString writeTemp(const QTemporaryDir &dir, const QByteArray &bytes)
{
    const QString path = dir.filePath(QStringLiteral("big.har"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    return path;
}

} // namespace

TEST(HarEntriesSplit, EveryFixtureReadsTheSameOnTwoThreads)
{
    const QDir dir(QFileInfo(test::fixturePath(QStringLiteral("har/oracle.json"))).absolutePath());
    const QStringList files = dir.entryList({QStringLiteral("*.har")}, QDir::Files);
    ASSERT_GE(files.size(), 17);
    int joined = 0;
    for (const QString &name : files) {
        SCOPED_TRACE(name.toStdString());
        const QString path = dir.filePath(name);
        const HarReadResult split = readHarFile(path, twoThreads());
        expectSameResult(split, readHarFile(path, oneThread()));
        if (split.joinedAt > 0)
            ++joined;
    }
    // Whether a file is joined does not depend on thread timing: 8 of today's fixtures have a
    // clean entry boundary in their third quarter, so the join itself is exercised here.
    EXPECT_GE(joined, 8);
}

TEST(HarEntriesSplit, LargeFileIsJoinedPastTheMiddleAndEqualsOneThread)
{
    const QByteArray har = makeHar(3000);
    QTemporaryDir dir;
    const QString path = writeTemp(dir, har);
    const HarReadResult split = readHarFile(path, twoThreads());
    ASSERT_TRUE(split.ok()) << split.error.describe().toStdString();
    EXPECT_GE(split.joinedAt, har.size() / 2);
    EXPECT_LT(split.joinedAt, har.size() * 3 / 4);
    EXPECT_EQ(har.at(split.joinedAt - 1), '}');
    expectSameResult(split, readHarFile(path, oneThread()));
    ASSERT_EQ(split.log.entries.size(), 3000);
    for (int i = 0; i < split.log.entries.size(); ++i)
        ASSERT_EQ(split.log.entries[i].index, i);
    EXPECT_EQ(split.log.entries[2999].request.url, QStringLiteral("https://app.example.test/api/items/2999?page=3"));
    EXPECT_EQ(split.log.pages.size(), 61);

    // Same with the default threshold (the file is over 8 MiB) and compact JSON from memory.
    const QByteArray compact = makeHar(12000, {}, false);
    ASSERT_GE(compact.size(), HarReadOptions().splitMinBytes);
    const HarReadResult byDefault = readHarData(compact);
    EXPECT_GT(byDefault.joinedAt, 0);
    expectSameResult(byDefault, readHarData(compact, oneThread()));
}

TEST(HarEntriesSplit, BrokenEntriesInTheSecondHalfKeepTheirIndexAndPath)
{
    auto broken = [](int i) -> QByteArray {
        switch (i) {
        case 100: return R"({"request": {"method": "GET", "url": "/a"}})"; // no response
        case 2500: return R"({"request": {"method": "GET", "url": "/b"}, "response": {"status": "abc"}})";
        case 2600: return "42";
        case 2700: return "[1, 2]";
        default: return {};
        }
    };
    const QByteArray har = makeHar(3000, broken);
    const HarReadResult split = readHarData(har, twoThreads());
    ASSERT_TRUE(split.ok()) << split.error.describe().toStdString();
    ASSERT_GT(split.joinedAt, 0);
    expectSameResult(split, readHarData(har, oneThread()));
    ASSERT_EQ(split.log.skipped.size(), 4);
    EXPECT_EQ(split.log.skipped[0].index, 100);
    EXPECT_EQ(split.log.skipped[1].index, 2500);
    EXPECT_TRUE(split.log.skipped[1].reason.startsWith(QStringLiteral("log.entries[2500].response.status: expected a number")))
        << split.log.skipped[1].reason.toStdString();
    EXPECT_EQ(split.log.skipped[2].index, 2600);
    EXPECT_TRUE(split.log.skipped[2].reason.startsWith(QStringLiteral("log.entries[2600]:")));
    EXPECT_EQ(split.log.skipped[3].index, 2700);
    EXPECT_EQ(split.log.entries.size(), 2996);
    EXPECT_EQ(split.log.entries.back().index, 2999);
}

TEST(HarEntriesSplit, SyntaxErrorInTheSecondHalfIsReportedWhereOneThreadReportsIt)
{
    QByteArray har = makeHar(3000);
    // A key's ':' at about 80 % becomes ';'.
    const qsizetype at = har.indexOf("\"status\":", har.size() * 8 / 10) + 8;
    ASSERT_EQ(har.at(at), ':');
    har[at] = ';';
    const HarReadResult split = readHarData(har, twoThreads());
    EXPECT_EQ(split.error.status, HarReadStatus::NotJson);
    EXPECT_EQ(split.error.byteOffset, at);
    EXPECT_EQ(split.joinedAt, -1);
    expectSameResult(split, readHarData(har, oneThread()));

    // Cut short in the second half: the array never closes.
    const QByteArray cut = makeHar(3000).left(har.size() * 9 / 10);
    const HarReadResult cutSplit = readHarData(cut, twoThreads());
    EXPECT_EQ(cutSplit.error.status, HarReadStatus::NotJson);
    expectSameResult(cutSplit, readHarData(cut, oneThread()));
}

// The middle of this file is inside one huge entry whose `_decoys` field is an array of
// entry-shaped objects: the second thread can only guess a boundary there, and the reading
// thread, which never ends a real entry at that byte, must not trust it.
TEST(HarEntriesSplit, EntryShapedObjectsInsideAnEntryAreNeverJoined)
{
    QByteArray decoys;
    for (int d = 0; d < 4000; ++d)
        decoys += QByteArray(d ? ",\n" : "") + R"({"request": {"method": "GET", "url": "/decoy"}, "response": {"status": 299}, "time": 1})";
    auto raw = [&](int i) -> QByteArray {
        if (i != 5)
            return {};
        return R"({"request": {"method": "GET", "url": "/big"}, "response": {"status": 200}, "_decoys": [)" + decoys + "]}";
    };
    const QByteArray har = makeHar(10, raw);
    const HarReadResult split = readHarData(har, twoThreads());
    ASSERT_TRUE(split.ok()) << split.error.describe().toStdString();
    EXPECT_EQ(split.joinedAt, -1);
    expectSameResult(split, readHarData(har, oneThread()));
    EXPECT_EQ(split.log.entries.size(), 10);
    for (const HarEntry &e : split.log.entries)
        EXPECT_NE(e.response.status, 299);
}

TEST(HarEntriesSplit, ByteOrderMarkAndDetailsOffReadTheSame)
{
    const QByteArray har = "\xEF\xBB\xBF" + makeHar(2000);
    HarReadOptions lean = twoThreads();
    lean.keepBodies = false;
    lean.keepDetails = false;
    HarReadOptions leanSingle = lean;
    leanSingle.splitMinBytes = 0;
    for (const auto &[split, single] : {std::pair{twoThreads(), oneThread()}, std::pair{lean, leanSingle}}) {
        const HarReadResult a = readHarData(har, split);
        ASSERT_TRUE(a.ok()) << a.error.describe().toStdString();
        EXPECT_GT(a.joinedAt, 0);
        expectSameResult(a, readHarData(har, single));
    }
}

TEST(HarEntriesSplit, ProgressCountsBothThreadsAndCancelStopsBoth)
{
    const QByteArray har = makeHar(6000, {}, false);
    QTemporaryDir dir;
    const QString path = writeTemp(dir, har);

    HarReadOptions options = twoThreads();
    QList<qint64> reports;
    options.progress = [&](qint64 done, qint64 total) {
        EXPECT_EQ(total, har.size());
        reports << done;
    };
    const HarReadResult result = readHarFile(path, options);
    ASSERT_TRUE(result.ok());
    ASSERT_GT(result.joinedAt, 0);
    ASSERT_GE(reports.size(), 2);
    for (int i = 1; i < reports.size(); ++i)
        EXPECT_LE(reports[i - 1], reports[i]) << "report " << i;
    EXPECT_EQ(reports.back(), har.size());

    std::atomic<bool> cancel{false};
    HarReadOptions cancelling = twoThreads();
    cancelling.cancel = &cancel;
    cancelling.progress = [&](qint64, qint64) { cancel = true; }; // at the first report
    const HarReadResult cancelled = readHarFile(path, cancelling);
    EXPECT_EQ(cancelled.error.status, HarReadStatus::Cancelled);
    EXPECT_TRUE(cancelled.log.entries.isEmpty());
}

// Deviations and invalid UTF-8 on both sides of the join: the same counts, the same first
// examples (renumbered like skipped entries) and the same kinds in the same order, on one
// thread or two.
TEST(HarEntriesSplit, DeviationsOnBothSidesCountTheSameOnTwoThreads)
{
    const QList<int> odd = {10, 2200, 2300, 2400, 2500, 2600, 2700, 2800};
    auto lenient = [&odd](int i) -> QByteArray {
        if (!odd.contains(i))
            return {};
        QByteArray text = entry(i, true);
        // IE11's object cookies, an invalid byte, a number as a string, an unknown field.
        text.replace(QByteArray(R"("cookies": [{"name": "sid", "value": "abc"},
      {"name": "theme", "value": "dark"}],)"),
                     QByteArray(R"("cookies": {"sid": "abc", "_ga": "GA1"},)"));
        text.replace("\"statusText\": \"Whatever\"", "\"statusText\": \"What\xFF" "ever\"");
        text.replace("\"bodySize\": 42", "\"bodySize\": \"42\", \"frameId\": 7");
        return text;
    };
    const QByteArray har = makeHar(3000, lenient);
    const HarReadResult split = readHarData(har, twoThreads());
    ASSERT_TRUE(split.ok()) << split.error.describe().toStdString();
    ASSERT_GT(split.joinedAt, 0);
    ASSERT_LT(split.joinedAt, har.indexOf("\"url\": \"https://app.example.test/api/items/2200?"));
    expectSameResult(split, readHarData(har, oneThread()));
    EXPECT_EQ(split.log.deviations, readHarData(har, oneThread()).log.deviations);
    ASSERT_EQ(split.log.deviations.size(), 4);
    const HarDeviation &cookies = split.log.deviations[0];
    EXPECT_EQ(cookies.kind, QStringLiteral("cookies_object"));
    EXPECT_EQ(cookies.count, 8);
    EXPECT_EQ(cookies.examples, (QStringList{QStringLiteral("log.entries[10].request.cookies"),
                                             QStringLiteral("log.entries[2200].request.cookies"),
                                             QStringLiteral("log.entries[2300].request.cookies"),
                                             QStringLiteral("log.entries[2400].request.cookies"),
                                             QStringLiteral("log.entries[2500].request.cookies")}));
    const HarDeviation *bad = nullptr;
    for (const HarDeviation &d : split.log.deviations) {
        if (d.kind == QLatin1String("invalid_utf8"))
            bad = &d;
    }
    ASSERT_NE(bad, nullptr);
    EXPECT_EQ(bad->count, 8);
    const qint64 at2200 = har.indexOf("What\xFF", har.indexOf("items/2200?")) + 4;
    EXPECT_EQ(bad->examples.at(1), QStringLiteral("log.entries[2200]: byte %1").arg(at2200));
    EXPECT_EQ(split.log.warnings, readHarData(har, oneThread()).log.warnings);
    EXPECT_EQ(split.log.entries.size(), 3000);
    EXPECT_EQ(split.log.entries[2200].response.statusText, QStringLiteral("What\uFFFDever"));
}
