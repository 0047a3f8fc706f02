// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/counted_keys.h"
#include "core/logs/latency_histogram.h"
#include "core/logs/log_record.h"
#include "core/logs/record_filter.h"

#include <QtGlobal>

#include <array>
#include <limits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace statusscope::logs {

// Counts per status within one minute: a short list, since a minute rarely sees more than a
// dozen distinct statuses, kept in first-seen order (200 comes first and is found at once).
struct MinuteCell
{
    qint64 total = 0;
    std::vector<std::pair<int, qint64>> statuses;

    void add(int status, qint64 count = 1);
};

// The minute-level series every chart and bucket size is built from. Minutes are
// floor(utcMs / 60000). Memory grows with the time span of the log (one cell per minute
// with traffic), never with its number of lines.
using MinuteSeries = std::vector<std::pair<qint64, MinuteCell>>; // sorted by minute

// Everything the ingest keeps while reading: counts, never records. One per worker thread;
// the workers' aggregates are merged at the end (all parts are sums, so the merge is exact
// and the parallel result equals the single-threaded one).
class LogAggregator
{
public:
    // Records outside [fromMs, toMs] or not matching `filter` are counted as filtered only.
    LogAggregator(qint64 fromMs = std::numeric_limits<qint64>::min(),
                  qint64 toMs = std::numeric_limits<qint64>::max(), RecordFilter filter = {});

    void add(const LogRecord &record);
    void addSkip(SkipReason reason) { ++m_skipped[static_cast<size_t>(reason)]; }
    void addMeta() { ++m_metaLines; }
    void addDeviation(Deviation deviation) { ++m_deviations[static_cast<size_t>(deviation)]; }
    void merge(const LogAggregator &other);

    qint64 parsedLines() const { return m_parsed; }
    qint64 skippedLines() const;
    qint64 skipped(SkipReason reason) const { return m_skipped[static_cast<size_t>(reason)]; }
    qint64 metaLines() const { return m_metaLines; }
    qint64 deviations(Deviation deviation) const { return m_deviations[static_cast<size_t>(deviation)]; }
    qint64 filteredLines() const { return m_filtered; }
    qint64 firstMs() const { return m_firstMs; }
    qint64 lastMs() const { return m_lastMs; }
    int firstTzOffsetMinutes() const { return m_firstTzOffset; }
    qint64 statusCount(int status) const;
    std::vector<std::pair<int, qint64>> statusCounts() const; // ascending status
    MinuteSeries minuteSeries() const;
    const LatencyHistogram &latency() const { return m_latency; }
    const CountedKeys &errorPaths() const { return m_errorPaths; }
    const CountedKeys &clients() const { return m_clients; }
    const CountedKeys &userAgents() const { return m_userAgents; }
    // Every status's paths, for the GUI's top paths: off unless asked for, since a fourth
    // counted key per line costs the plain read about a fifth of its speed.
    void setCountPaths(bool on) { m_countPaths = on; }
    // Only the line accounting (parsed, filtered, meta, skipped, deviations), no series or top
    // lists: a loader into ClickHouse keeps nothing else, the server aggregates what it stores.
    void setCountsOnly(bool on) { m_countsOnly = on; }
    const CountedKeys &paths() const { return m_paths; }

private:
    MinuteCell &cellFor(qint64 minute);

    qint64 m_fromMs;
    qint64 m_toMs;
    RecordFilter m_filter;
    bool m_filtering = false; // the filter is not empty: checked first so the common case pays one branch
    bool m_countPaths = false;
    bool m_countsOnly = false;
    qint64 m_parsed = 0;
    qint64 m_metaLines = 0;
    qint64 m_filtered = 0;
    std::array<qint64, kSkipReasonCount> m_skipped{};
    std::array<qint64, kDeviationCount> m_deviations{};
    std::array<qint64, 600> m_statusTotals{};
    qint64 m_firstMs = std::numeric_limits<qint64>::max();
    qint64 m_lastMs = std::numeric_limits<qint64>::min();
    int m_firstTzOffset = 0;
    std::unordered_map<qint64, MinuteCell> m_minutes;
    qint64 m_cachedMinute = std::numeric_limits<qint64>::min();
    MinuteCell *m_cachedCell = nullptr; // unordered_map references survive rehashing
    LatencyHistogram m_latency;
    CountedKeys m_errorPaths;
    CountedKeys m_clients;
    CountedKeys m_userAgents;
    CountedKeys m_paths;
};

// floor(ms / 60000) for negative times too.
constexpr qint64 minuteOf(qint64 utcMs)
{
    return utcMs >= 0 ? utcMs / 60000 : -((-utcMs + 59999) / 60000);
}

} // namespace statusscope::logs
