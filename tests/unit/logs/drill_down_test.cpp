// Drill-down support: a filtered read counts only matching records, top lists over all
// statuses, raw-line hits kept as offsets and read back exactly, with their context.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/logs/line_hits.h"
#include "core/logs/line_text_reader.h"
#include "log_test_util.h"

#include <QFile>

#include <zlib.h>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

// Line `index` (1-based) of the test log: its path and agent name it, so a hit can be checked.
QByteArray line(int index)
{
    const int minute = (index - 1) / 10;
    const QByteArray client = index % 3 == 0 ? "10.0.0.7" : "192.168.1.2";
    const QByteArray method = index % 4 == 0 ? "POST" : "GET";
    const QByteArray path = index % 2 == 0 ? "/api/item" + QByteArray::number(index) : "/static/app.js";
    const QByteArray agent = index % 5 == 0 ? "curl/8.5.0" : "Mozilla/5.0 (X11) Firefox/126.0";
    const int status = index % 7 == 0 ? 503 : 200;
    return client + " - - [13/May/2024:10:" + QByteArray::number(minute).rightJustified(2, '0') + ":"
           + QByteArray::number((index - 1) % 10).rightJustified(2, '0') + " +0200] \"" + method + " " + path
           + " HTTP/1.1\" " + QByteArray::number(status) + " 5 \"-\" \"" + agent + "\"";
}

constexpr int kLines = 100;

QByteArray logText()
{
    QByteArray text;
    for (int i = 1; i <= kLines; ++i)
        text += line(i) + "\n";
    return text;
}

int countWhere(const std::function<bool(int index)> &keep)
{
    int n = 0;
    for (int i = 1; i <= kLines; ++i)
        n += keep(i) ? 1 : 0;
    return n;
}

} // namespace

TEST(DrillDown, FilteredReadCountsOnlyMatchingRecords)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), logText());

    IngestOptions options;
    options.filter.pathPrefix = "/api/";
    IngestResult result = test::ingest({path}, options);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.summary.linesParsed, countWhere([](int i) { return i % 2 == 0; }));
    EXPECT_EQ(result.summary.linesFiltered, countWhere([](int i) { return i % 2 != 0; }));

    options.filter = {};
    options.filter.client = "10.0.";
    options.filter.method = "post"; // any case
    result = test::ingest({path}, options);
    EXPECT_EQ(result.summary.linesParsed, countWhere([](int i) { return i % 3 == 0 && i % 4 == 0; }));

    options.filter = {};
    options.filter.userAgent = "CURL"; // contained, any case
    result = test::ingest({path}, options);
    EXPECT_EQ(result.summary.linesParsed, countWhere([](int i) { return i % 5 == 0; }));
    EXPECT_EQ(result.summary.topUserAgentsAll.value(0).text, QStringLiteral("curl/8.5.0"));
}

TEST(DrillDown, TopListsOverAllStatuses)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), logText());
    IngestOptions options;
    options.topPaths = true;
    const IngestResult result = test::ingest({path}, options);
    ASSERT_TRUE(result.ok());
    const LogSummary &summary = result.summary;
    ASSERT_FALSE(summary.topPaths.isEmpty());
    EXPECT_EQ(summary.topPaths[0].text, QStringLiteral("/static/app.js"));
    EXPECT_EQ(summary.topPaths[0].count, 50); // its 200s and 503s summed
    ASSERT_EQ(summary.topClientsAll.size(), 2);
    EXPECT_EQ(summary.topClientsAll[0].text, QStringLiteral("192.168.1.2"));
    EXPECT_EQ(summary.topClientsAll[0].count, countWhere([](int i) { return i % 3 != 0; }));
    EXPECT_EQ(summary.topClientsAll[1].count, countWhere([](int i) { return i % 3 == 0; }));
    // Per status: the 503s' paths alone.
    const QList<TopEntry> paths503 = summary.topPathsByStatus.value(503);
    qint64 total503 = 0;
    for (const TopEntry &entry : paths503) {
        EXPECT_EQ(entry.status, 503);
        total503 += entry.count;
    }
    EXPECT_EQ(total503, countWhere([](int i) { return i % 7 == 0; }));
}

TEST(DrillDown, LineHitsKeepOffsetsAndReadTheExactLinesBack)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), logText());
    IngestOptions options;
    options.filter.statuses = {503};
    const LineHits hits = collectLineHits({path}, options);
    ASSERT_EQ(hits.total, countWhere([](int i) { return i % 7 == 0; }));
    ASSERT_EQ(qint64(hits.hits.size()), hits.total);
    EXPECT_FALSE(hits.capped());
    LineTextReader reader(hits.files);
    for (const LineHit &hit : hits.hits) {
        EXPECT_EQ(hit.line % 7, 0);
        EXPECT_EQ(hit.status, 503);
        EXPECT_EQ(reader.lineAt(hit.file, hit.offset), QString::fromUtf8(line(int(hit.line))));
    }
}

TEST(DrillDown, LineHitsAreCappedButCountedInFull)
{
    QTemporaryDir dir;
    const QString path = test::writeText(dir, QStringLiteral("access.log"), logText());
    IngestOptions options;
    options.fromMs = 1715587200000 + 2 * 60000; // 10:02 +0200 …
    options.toMs = 1715587200000 + 5 * 60000 - 1; // … to 10:04:59
    const LineHits hits = collectLineHits({path}, options, 7);
    EXPECT_EQ(hits.total, 30);
    ASSERT_EQ(hits.hits.size(), 7u);
    EXPECT_TRUE(hits.capped());
    EXPECT_EQ(hits.hits.front().line, 21);
    EXPECT_EQ(hits.hits.back().line, 27);
}

TEST(DrillDown, ContextAroundAHitInPlainAndGzipFiles)
{
    QTemporaryDir dir;
    const QString plain = test::writeText(dir, QStringLiteral("access.log"), logText());
    const QString gzPath = dir.filePath(QStringLiteral("access.log.gz"));
    gzFile gz = gzopen(QFile::encodeName(gzPath).constData(), "wb");
    ASSERT_NE(gz, nullptr);
    const QByteArray text = logText();
    gzwrite(gz, text.constData(), unsigned(text.size()));
    gzclose(gz);

    for (const QString &path : {plain, gzPath}) {
        IngestOptions options;
        options.filter.statuses = {503};
        const LineHits hits = collectLineHits({path}, options);
        ASSERT_GE(hits.hits.size(), 2u) << path.toStdString();
        LineTextReader reader(hits.files);
        const LineHit &second = hits.hits[1]; // line 14
        ASSERT_EQ(second.line, 14);
        EXPECT_EQ(reader.lineAt(second.file, second.offset), QString::fromUtf8(line(14)));
        const QList<ContextLine> around = reader.around(second.file, second.offset, second.line, 3, 2);
        ASSERT_EQ(around.size(), 6) << path.toStdString();
        for (int i = 0; i < around.size(); ++i) {
            EXPECT_EQ(around[i].number, 11 + i);
            EXPECT_EQ(around[i].text, QString::fromUtf8(line(11 + i)));
        }
        // At the file's start and end the context is shorter, never made up.
        const LineHit &last = hits.hits.back(); // line 98
        EXPECT_EQ(reader.around(last.file, last.offset, last.line, 0, 5).size(), 3);
        const QList<ContextLine> head = reader.around(0, 0, 1, 4, 1);
        ASSERT_EQ(head.size(), 2);
        EXPECT_EQ(head[0].number, 1);
    }
}
