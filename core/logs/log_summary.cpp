// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_summary.h"

#include "core/logs/spike_detector.h"

#include <algorithm>
#include <limits>

namespace statusscope::logs {

int autoBucketSeconds(qint64 spanMs)
{
    // At most ~500 bars: more than a chart's width in pixels makes bars unreadable.
    constexpr qint64 kMaxBuckets = 500;
    static constexpr int kChoices[] = {60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 86400, 7 * 86400};
    for (int seconds : kChoices) {
        if (spanMs / (qint64(seconds) * 1000) < kMaxBuckets)
            return seconds;
    }
    return 30 * 86400;
}

int fitBucketSeconds(qint64 spanMs, int requestedSeconds)
{
    qint64 seconds = std::max(60, requestedSeconds);
    seconds -= seconds % 60;
    while (spanMs / (seconds * 1000) >= kMaxSeriesBuckets)
        seconds *= 2;
    return int(std::min<qint64>(seconds, std::numeric_limits<int>::max() / 2));
}

QList<SeriesBucket> buildSeries(const MinuteSeries &minutes, int bucketSeconds, qint64 fromMs, qint64 toMs)
{
    QList<SeriesBucket> out;
    if (minutes.empty() || toMs < fromMs)
        return out;
    bucketSeconds = fitBucketSeconds(toMs - fromMs, bucketSeconds);
    const qint64 bucketMs = qint64(bucketSeconds) * 1000;
    auto floorTo = [bucketMs](qint64 ms) { return ms >= 0 ? ms - ms % bucketMs : ms - (bucketMs + ms % bucketMs) % bucketMs; };
    const qint64 first = floorTo(fromMs);
    const qint64 count = (floorTo(toMs) - first) / bucketMs + 1;
    out.resize(count);
    for (qint64 i = 0; i < count; ++i)
        out[i].startMs = first + i * bucketMs;
    const auto begin = std::lower_bound(minutes.begin(), minutes.end(), minuteOf(first),
                                        [](const auto &entry, qint64 m) { return entry.first < m; });
    for (auto it = begin; it != minutes.end(); ++it) {
        const qint64 ms = it->first * 60000;
        if (ms > toMs)
            break;
        SeriesBucket &bucket = out[(ms - first) / bucketMs];
        for (const auto &[status, n] : it->second.statuses) {
            bucket.total += n;
            bucket.byClass[static_cast<size_t>(statusClass(status))] += n;
            bucket.byStatus[status] += n;
        }
    }
    return out;
}

namespace {

QList<TopEntry> toTopEntries(const std::vector<CountedKeys::Entry> &entries)
{
    QList<TopEntry> out;
    for (const CountedKeys::Entry &entry : entries)
        out.push_back({QString::fromUtf8(entry.text.data(), static_cast<qsizetype>(entry.text.size())),
                       entry.status, entry.count});
    return out;
}

} // namespace

void summarize(const LogAggregator &aggregate, const SummaryOptions &options, LogSummary &summary)
{
    summary.linesParsed = aggregate.parsedLines();
    summary.linesSkipped = aggregate.skippedLines();
    summary.linesMeta = aggregate.metaLines();
    summary.linesFiltered = aggregate.filteredLines();
    summary.linesTotal = summary.linesParsed + summary.linesSkipped + summary.linesMeta + summary.linesFiltered;
    for (int i = 0; i < kSkipReasonCount; ++i)
        summary.skippedByReason[static_cast<size_t>(i)] = aggregate.skipped(static_cast<SkipReason>(i));
    for (int i = 0; i < kDeviationCount; ++i)
        summary.deviationsByType[static_cast<size_t>(i)] = aggregate.deviations(static_cast<Deviation>(i));
    summary.statusCounts.clear();
    summary.classCounts = {};
    for (const auto &[status, count] : aggregate.statusCounts()) {
        summary.statusCounts.insert(status, count);
        summary.classCounts[static_cast<size_t>(statusClass(status))] += count;
    }
    summary.hasTimeRange = aggregate.parsedLines() > 0;
    summary.buckets.clear();
    summary.spikes.clear();
    summary.minutes = aggregate.minuteSeries();
    if (summary.hasTimeRange) {
        summary.firstMs = aggregate.firstMs();
        summary.lastMs = aggregate.lastMs();
        summary.tzOffsetMinutes = aggregate.firstTzOffsetMinutes();
        const qint64 span = summary.lastMs - summary.firstMs;
        summary.bucketSeconds = fitBucketSeconds(span, options.bucketSeconds > 0 ? options.bucketSeconds
                                                                                 : autoBucketSeconds(span));
        summary.buckets = buildSeries(summary.minutes, summary.bucketSeconds, summary.firstMs, summary.lastMs);
        summary.spikes = detectSpikes(summary.buckets, summary.bucketSeconds);
    }
    const size_t top = static_cast<size_t>(options.topCount);
    summary.topErrorPaths = toTopEntries(aggregate.errorPaths().top(top));
    summary.topClients.clear();
    summary.topUserAgents.clear();
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it) {
        summary.topClients.insert(it.key(), toTopEntries(aggregate.clients().top(kTopSendersPerStatus, it.key())));
        summary.topUserAgents.insert(it.key(), toTopEntries(aggregate.userAgents().top(kTopSendersPerStatus, it.key())));
    }
    summary.topPaths = toTopEntries(aggregate.paths().topTexts(top));
    summary.topClientsAll = toTopEntries(aggregate.clients().topTexts(top));
    summary.topUserAgentsAll = toTopEntries(aggregate.userAgents().topTexts(top));
    summary.topPathsByStatus.clear();
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        summary.topPathsByStatus.insert(it.key(), toTopEntries(aggregate.paths().top(top, it.key())));
    summary.topListsApproximate = aggregate.errorPaths().isApproximate() || aggregate.clients().isApproximate()
                                  || aggregate.userAgents().isApproximate();
    summary.latency = aggregate.latency().percentiles();
}

} // namespace statusscope::logs
