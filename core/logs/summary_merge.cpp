// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/summary_merge.h"

#include "core/logs/line_sink.h"
#include "core/logs/spike_detector.h"

#include <algorithm>

namespace statusscope::logs {

MinuteSeries mergeMinutes(const MinuteSeries &a, const MinuteSeries &b)
{
    MinuteSeries out;
    out.reserve(a.size() + b.size());
    auto i = a.cbegin();
    auto j = b.cbegin();
    while (i != a.cend() || j != b.cend()) {
        if (j == b.cend() || (i != a.cend() && i->first < j->first)) {
            out.push_back(*i++);
        } else if (i == a.cend() || j->first < i->first) {
            out.push_back(*j++);
        } else {
            auto merged = *i++;
            for (const auto &[status, count] : j->second.statuses)
                merged.second.add(status, count);
            ++j;
            out.push_back(std::move(merged));
        }
    }
    return out;
}

LogSummary mergeAppended(const LogSummary &base, const LogSummary &appended)
{
    LogSummary out = base;
    out.linesTotal += appended.linesTotal;
    out.linesParsed += appended.linesParsed;
    out.linesSkipped += appended.linesSkipped;
    out.linesMeta += appended.linesMeta;
    out.linesFiltered += appended.linesFiltered;
    for (size_t i = 0; i < out.skippedByReason.size(); ++i)
        out.skippedByReason[i] += appended.skippedByReason[i];
    for (const SkipExample &example : appended.skipExamples) {
        if (out.skipExamples.size() >= kMaxSkipExamples)
            break;
        out.skipExamples.push_back(example);
    }
    for (auto it = appended.statusCounts.cbegin(); it != appended.statusCounts.cend(); ++it)
        out.statusCounts[it.key()] += it.value();
    for (size_t c = 0; c < out.classCounts.size(); ++c)
        out.classCounts[c] += appended.classCounts[c];
    out.minutes = mergeMinutes(base.minutes, appended.minutes);
    if (appended.hasTimeRange) {
        if (!out.hasTimeRange) {
            out.firstMs = appended.firstMs;
            out.lastMs = appended.lastMs;
            out.tzOffsetMinutes = appended.tzOffsetMinutes;
        } else {
            out.firstMs = std::min(out.firstMs, appended.firstMs);
            out.lastMs = std::max(out.lastMs, appended.lastMs);
        }
        out.hasTimeRange = true;
    }
    out.warnings += appended.warnings;
    if (out.hasTimeRange) {
        const qint64 span = out.lastMs - out.firstMs;
        out.bucketSeconds = fitBucketSeconds(span, autoBucketSeconds(span));
        out.buckets = buildSeries(out.minutes, out.bucketSeconds, out.firstMs, out.lastMs);
        out.spikes = detectSpikes(out.buckets, out.bucketSeconds);
    }
    return out;
}

} // namespace statusscope::logs
