// Follow mode after an ingest: startAt() counts only what was appended, mergeAppended()
// adds it to the ingest's summary (the GUI's Follow toggle).
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/logs/log_follower.h"
#include "core/logs/summary_merge.h"
#include "log_test_util.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace statusscope;
using namespace statusscope::logs;

TEST(LogFollowMerge, StartAtSkipsWhatTheIngestReadAndMergeAddsTheRest)
{
    QTemporaryDir dir;
    QByteArray first;
    for (int i = 0; i < 30; ++i)
        first += test::combinedLine(i / 10, 200);
    const QString path = test::writeText(dir, QStringLiteral("live.log"), first);
    const IngestResult loaded = test::ingest({path});
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded.summary.linesParsed, 30);

    LogFollower follower(path);
    ASSERT_TRUE(follower.startAt(first.size(), 60000)) << follower.error().toStdString();
    EXPECT_EQ(follower.linesRead(), 0);
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write(test::combinedLine(2, 503) + test::combinedLine(3, 503) + test::combinedLine(3, 200) + "garbage\n");
    }
    EXPECT_EQ(follower.poll(), 4);

    const LogSummary merged = mergeAppended(loaded.summary, follower.summary());
    EXPECT_EQ(merged.linesParsed, 33);
    EXPECT_EQ(merged.linesSkipped, 1);
    EXPECT_EQ(merged.statusCounts.value(200), 31);
    EXPECT_EQ(merged.statusCounts.value(503), 2);
    EXPECT_EQ(merged.classCounts[5], 2);
    EXPECT_EQ(merged.lastMs, loaded.summary.firstMs + 3 * 60000);
    ASSERT_EQ(merged.minutes.size(), 4u);
    EXPECT_EQ(merged.minutes[2].second.total, 11); // minute 2: 10 read first, 1 appended
    EXPECT_EQ(merged.minutes[3].second.total, 2);
    qint64 inBuckets = 0;
    for (const SeriesBucket &bucket : merged.buckets)
        inBuckets += bucket.total;
    EXPECT_EQ(inBuckets, 33);

    // The same counts as reading the grown file from scratch.
    const IngestResult whole = test::ingest({path});
    ASSERT_TRUE(whole.ok());
    EXPECT_EQ(whole.summary.statusCounts, merged.statusCounts);
    EXPECT_EQ(whole.summary.linesSkipped, merged.linesSkipped);
}

TEST(LogFollowMerge, MergeMinutesSumsSharedMinutes)
{
    MinuteCell a;
    a.add(200, 3);
    MinuteCell b;
    b.add(200, 2);
    b.add(500, 1);
    MinuteCell c;
    c.add(404, 7);
    const MinuteSeries merged = mergeMinutes({{1, a}, {5, a}}, {{3, c}, {5, b}});
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_EQ(merged[0].first, 1);
    EXPECT_EQ(merged[1].first, 3);
    EXPECT_EQ(merged[2].first, 5);
    EXPECT_EQ(merged[2].second.total, 6);
    ASSERT_EQ(merged[2].second.statuses.size(), 2u);
    EXPECT_EQ(merged[2].second.statuses[0], std::make_pair(200, qint64(5)));
    EXPECT_EQ(merged[2].second.statuses[1], std::make_pair(500, qint64(1)));
}
