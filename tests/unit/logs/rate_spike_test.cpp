// Spikes of the 4xx/5xx error rate.
// SPDX-License-Identifier: GPL-3.0-or-later

#include "core/logs/log_summary_json.h"
#include "core/logs/spike_detector.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace statusscope::logs;

namespace {

constexpr qint64 kMinuteMs = 60000;

SeriesBucket bucketAt(int minute, const QMap<int, qint64> &statuses)
{
    SeriesBucket bucket;
    bucket.startMs = 1715594400000 + minute * kMinuteMs;
    bucket.byStatus = statuses;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        bucket.total += it.value();
        bucket.byClass[size_t(it.key() / 100)] += it.value();
    }
    return bucket;
}

// 100 requests a minute, a few of them 5xx and 4xx at random, like a healthy site.
QList<SeriesBucket> steadyTraffic(int minutes, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<SeriesBucket> buckets;
    for (int m = 0; m < minutes; ++m) {
        const qint64 errors5 = random.bounded(4);
        const qint64 errors4 = random.bounded(6);
        buckets.push_back(bucketAt(m, {{200, 100 - errors5 - errors4}, {404, errors4}, {500, errors5}}));
    }
    return buckets;
}

} // namespace

TEST(LogRateSpikes, MixedFiveHundredsBurstIsARateSpike)
{
    QList<SeriesBucket> buckets = steadyTraffic(60, 11);
    // Minutes 40-41: 24 of 100 requests fail with four different 5xx, none of them reaching
    // SpikeOptions::minCount alone, so only the rate tells.
    for (int m : {40, 41})
        buckets[m] = bucketAt(m, {{200, 76}, {500, 5}, {502, 9}, {503, 6}, {504, 4}});
    const QList<Spike> spikes = detectSpikes(buckets, 60);
    ASSERT_EQ(spikes.size(), 1);
    const Spike &spike = spikes.front();
    EXPECT_EQ(spike.kind, SpikeKind::Rate5xx);
    EXPECT_EQ(spike.startMs, buckets[40].startMs);
    EXPECT_EQ(spike.endMs, buckets[41].startMs + kMinuteMs);
    EXPECT_EQ(spike.count, 48);
    EXPECT_EQ(spike.status, 502); // the class's most frequent status within the spike
    EXPECT_LT(spike.baseline, 4.0);

    LogSummary summary;
    summary.spikes = spikes;
    const QJsonObject spikeJson = toJson(summary).value(QStringLiteral("spikes")).toArray().at(0).toObject();
    EXPECT_EQ(spikeJson.value(QStringLiteral("kind")).toString(), QStringLiteral("rate_5xx"));
    EXPECT_EQ(spikeJson.value(QStringLiteral("status")).toInt(), 502);
    EXPECT_EQ(spikeJson.value(QStringLiteral("count")).toInt(), 48);
}

TEST(LogRateSpikes, SteadyTrafficGivesNone)
{
    for (quint32 seed : {1u, 2u, 3u, 4u, 5u}) {
        const QList<Spike> spikes = detectSpikes(steadyTraffic(240, seed), 60);
        EXPECT_TRUE(spikes.isEmpty()) << "seed " << seed << ": " << toString(spikes.value(0).kind).toStdString() << " at "
                                      << spikes.value(0).startMs;
    }
}

TEST(LogRateSpikes, SingleStatusBurstIsReportedOnceAsAStatusSpike)
{
    QList<SeriesBucket> buckets = steadyTraffic(60, 12);
    buckets[30] = bucketAt(30, {{200, 60}, {503, 40}});
    const QList<Spike> spikes = detectSpikes(buckets, 60);
    ASSERT_EQ(spikes.size(), 1);
    EXPECT_EQ(spikes.front().kind, SpikeKind::Status);
    EXPECT_EQ(spikes.front().status, 503);
}

TEST(LogRateSpikes, FourHundredsRateSpike)
{
    QList<SeriesBucket> buckets = steadyTraffic(60, 13);
    buckets[50] = bucketAt(50, {{200, 70}, {401, 8}, {403, 9}, {404, 7}, {429, 6}});
    const QList<Spike> spikes = detectSpikes(buckets, 60);
    ASSERT_EQ(spikes.size(), 1);
    EXPECT_EQ(spikes.front().kind, SpikeKind::Rate4xx);
    EXPECT_EQ(spikes.front().status, 403);
}
