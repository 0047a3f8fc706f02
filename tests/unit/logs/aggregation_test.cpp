// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/counted_keys.h"
#include "core/logs/latency_histogram.h"
#include "core/logs/log_time.h"
#include "core/logs/spike_detector.h"
#include "log_test_util.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace statusscope;
using namespace statusscope::logs;

namespace {

qint64 isoMs(const QString &text)
{
    const QByteArray latin = text.toLatin1();
    qint64 ms = 0;
    int offset = 0;
    EXPECT_TRUE(parseIsoTime(std::string_view(latin.constData(), size_t(latin.size())), ms, offset)) << latin.constData();
    return ms;
}

} // namespace

TEST(LogSpikes, FindsEveryGeneratedBurstAndNothingElse)
{
    QTemporaryDir dir;
    const test::GeneratedLog log = test::generateLog(
        dir, QStringLiteral("bursts.log"),
        {QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--lines"), QStringLiteral("50000")});
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    const IngestResult result = test::ingest({log.path});
    ASSERT_TRUE(result.ok());
    const QJsonArray bursts = log.stats.value(QStringLiteral("bursts")).toArray();
    ASSERT_EQ(bursts.size(), 4);
    EXPECT_EQ(result.summary.spikes.size(), bursts.size());
    for (const QJsonValue &burst : bursts) {
        const int status = burst[QStringLiteral("status")].toInt();
        const qint64 start = isoMs(burst[QStringLiteral("start")].toString());
        const qint64 end = isoMs(burst[QStringLiteral("end")].toString());
        bool found = false;
        for (const Spike &spike : result.summary.spikes) {
            if (spike.status == status && spike.startMs < end && spike.endMs > start) {
                found = true;
                EXPECT_GT(double(spike.count), 3 * spike.baseline);
            }
        }
        EXPECT_TRUE(found) << "no spike for " << status << " at " << burst[QStringLiteral("start")].toString().toStdString();
    }
}

TEST(LogSpikes, SteadyTrafficHasNone)
{
    QTemporaryDir dir;
    const test::GeneratedLog log = test::generateLog(
        dir, QStringLiteral("steady.log"),
        {QStringLiteral("--seed"), QStringLiteral("8"), QStringLiteral("--lines"), QStringLiteral("100000"),
         QStringLiteral("--no-default-bursts")});
    ASSERT_TRUE(log.error.isEmpty()) << log.error.toStdString();
    for (int bucket : {60, 300, 3600}) {
        IngestOptions options;
        options.bucketSeconds = bucket;
        const IngestResult result = test::ingest({log.path}, options);
        ASSERT_TRUE(result.ok());
        EXPECT_TRUE(result.summary.spikes.isEmpty())
            << bucket << " s: first spike status " << result.summary.spikes.value(0).status;
    }
}

TEST(LogSpikes, BaselineIsTheStatusShareOfTraffic)
{
    // 40 quiet buckets of 100 requests with 2 errors, then one with 60 errors.
    QList<SeriesBucket> buckets;
    for (int i = 0; i < 41; ++i) {
        SeriesBucket bucket;
        bucket.startMs = i * 60000LL;
        const qint64 errors = i == 40 ? 60 : 2;
        bucket.byStatus.insert(200, 100 - errors);
        bucket.byStatus.insert(502, errors);
        bucket.total = 100;
        buckets.push_back(bucket);
    }
    const QList<Spike> spikes = detectSpikes(buckets, 60);
    ASSERT_EQ(spikes.size(), 1);
    EXPECT_EQ(spikes[0].status, 502);
    EXPECT_EQ(spikes[0].startMs, 40 * 60000LL);
    EXPECT_EQ(spikes[0].endMs, 41 * 60000LL);
    EXPECT_EQ(spikes[0].count, 60);
    EXPECT_DOUBLE_EQ(spikes[0].baseline, 2.0);
}

TEST(LogAggregation, LatencyQuantilesWithinTheHistogramsPrecision)
{
    LatencyHistogram histogram;
    for (int i = 1; i <= 1000; ++i)
        histogram.add(i); // 1..1000 ms
    const auto p = histogram.percentiles();
    ASSERT_TRUE(p.has_value());
    EXPECT_NEAR(p->p50, 500, 500.0 / 64);
    EXPECT_NEAR(p->p95, 950, 950.0 / 64);
    EXPECT_NEAR(p->p99, 990, 990.0 / 64);
    EXPECT_EQ(p->count, 1000);
    LatencyHistogram empty;
    EXPECT_FALSE(empty.percentiles().has_value());
}

TEST(LogAggregation, CountedKeysStayBoundedAndKeepHeavyHitters)
{
    CountedKeys keys(1000);
    for (int i = 0; i < 100; ++i)
        keys.add(404, "/wp-login.php");
    for (int i = 0; i < 20000; ++i)
        keys.add(404, "/scan/" + std::to_string(i));
    EXPECT_LE(keys.size(), 1000u);
    EXPECT_TRUE(keys.isApproximate());
    const auto top = keys.top(1);
    ASSERT_EQ(top.size(), 1u);
    EXPECT_EQ(top[0].text, "/wp-login.php");
    EXPECT_EQ(top[0].count, 100);
}

// The texts share one buffer that pruning compacts: every surviving pair must still read its
// own text, through prunes and a merge.
TEST(LogAggregation, CountedKeysKeepEachTextThroughPrunesAndMerge)
{
    CountedKeys keys(500);
    CountedKeys other(500);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 50; ++i)
            keys.add(500 + i % 4, "/heavy/" + std::to_string(i) + std::string(size_t(i), 'x'), 5);
        for (int i = 0; i < 2000; ++i)
            keys.add(404, "/once/" + std::to_string(round) + "/" + std::to_string(i));
    }
    for (int i = 0; i < 50; ++i)
        other.add(500 + i % 4, "/heavy/" + std::to_string(i) + std::string(size_t(i), 'x'), 10);
    keys.merge(other);
    ASSERT_TRUE(keys.isApproximate());
    const auto top = keys.top(50);
    ASSERT_EQ(top.size(), 50u);
    std::set<std::string> seen;
    for (const auto &entry : top) {
        EXPECT_EQ(entry.count, 25) << entry.text;
        const size_t slash = entry.text.find('/', 1);
        ASSERT_NE(slash, std::string::npos) << entry.text;
        const int i = std::stoi(entry.text.substr(slash + 1));
        EXPECT_EQ(entry.text, "/heavy/" + std::to_string(i) + std::string(size_t(i), 'x'));
        EXPECT_EQ(entry.status, 500 + i % 4);
        seen.insert(entry.text);
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(LogAggregation, CountedKeysCutLongTextsButCountThemApart)
{
    CountedKeys keys;
    const std::string prefix(CountedKeys::kMaxTextBytes, 'a');
    keys.add(414, prefix + "1");
    keys.add(414, prefix + "2");
    keys.add(414, prefix + "2");
    const auto top = keys.top(2);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].count, 2);
    EXPECT_EQ(top[1].count, 1);
    EXPECT_EQ(top[0].text, prefix);
    EXPECT_EQ(top[1].text, prefix);
}

TEST(LogAggregation, SeriesHasEmptyBucketsForGaps)
{
    MinuteSeries minutes;
    MinuteCell a;
    a.add(200, 3);
    MinuteCell b;
    b.add(500, 1);
    minutes.push_back({10, a});
    minutes.push_back({14, b});
    const QList<SeriesBucket> series = buildSeries(minutes, 60, 10 * 60000LL, 14 * 60000LL + 5);
    ASSERT_EQ(series.size(), 5);
    EXPECT_EQ(series[0].total, 3);
    EXPECT_EQ(series[2].total, 0);
    EXPECT_EQ(series[4].byClass[5], 1);
    EXPECT_DOUBLE_EQ(series[4].rate5xx(), 1.0);
    EXPECT_EQ(autoBucketSeconds(24 * 3600 * 1000LL), 300);
    EXPECT_EQ(autoBucketSeconds(3600 * 1000LL), 60);
}

TEST(LogAggregation, TimeParsingAndFormatting)
{
    qint64 ms = 0;
    int offset = 0;
    ASSERT_TRUE(parseClfTime("10/Oct/2000:13:55:36 -0700", ms, offset));
    EXPECT_EQ(offset, -420);
    EXPECT_EQ(formatIsoTime(ms, offset), QStringLiteral("2000-10-10T13:55:36-07:00"));
    EXPECT_FALSE(parseClfTime("10/Oct/2000:25:55:36 -0700", ms, offset));
    EXPECT_FALSE(parseClfTime("10/Oct/2000:13:55:36 +99", ms, offset));
    ASSERT_TRUE(parseIsoTime("2024-02-29T23:59:59.250Z", ms, offset));
    EXPECT_EQ(formatIsoTime(ms, 0), QStringLiteral("2024-02-29T23:59:59.250+00:00"));
    ASSERT_TRUE(parseEpochSeconds("1646861401.5241024", ms));
    EXPECT_EQ(ms, 1646861401524);
}

// A slot counts in 32 bits and flushes into its entry's 64-bit count: totals past 2^32 stay exact.
TEST(LogAggregation, CountedKeysCountPastFourBillion)
{
    CountedKeys keys(100);
    keys.add(200, "a", 3'000'000'000LL);
    keys.add(200, "a", 3'000'000'000LL);
    keys.add(200, "a");
    for (int i = 0; i < 90; ++i) // grow the index past a rebuild
        keys.add(404, "p" + std::to_string(i));
    keys.add(200, "a", 4'294'967'295LL);
    CountedKeys merged(100);
    merged.add(200, "a", 5);
    merged.merge(keys);
    const auto top = merged.top(1);
    ASSERT_EQ(top.size(), 1u);
    EXPECT_EQ(top[0].text, "a");
    EXPECT_EQ(top[0].count, 6'000'000'001LL + 4'294'967'295LL + 5);
}
