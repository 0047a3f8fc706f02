// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/latency_histogram.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/log_record.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <iosfwd>
#include <optional>
#include <vector>

namespace statusscope::logs {

// One time bucket of the chart.
struct SeriesBucket
{
    qint64 startMs = 0;
    qint64 total = 0;
    std::array<qint64, 6> byClass{}; // index 1..5 = 1xx..5xx
    QMap<int, qint64> byStatus;

    double rate4xx() const { return total > 0 ? double(byClass[4]) / double(total) : 0.0; }
    double rate5xx() const { return total > 0 ? double(byClass[5]) / double(total) : 0.0; }
    // 4xx and 5xx together, the DESIGN.md "error_rate".
    double errorRate() const { return total > 0 ? double(byClass[4] + byClass[5]) / double(total) : 0.0; }
};

// What stood out in a spike: one status's count, or a whole class's share of the traffic.
// A burst of mixed 500/502/503/504 may leave each status under the threshold while the
// 5xx rate plainly jumps.
enum class SpikeKind {
    Status,  // one status's count
    Rate4xx, // the 4xx error rate
    Rate5xx, // the 5xx error rate
};
QString toString(SpikeKind kind); // DESIGN.md spikes "kind": status | rate_4xx | rate_5xx
void PrintTo(SpikeKind kind, std::ostream *os);

// A run of buckets where one status (or a class's error rate) stood far above its rolling
// baseline.
struct Spike
{
    SpikeKind kind = SpikeKind::Status;
    qint64 startMs = 0;
    qint64 endMs = 0; // exclusive: the end of the last bucket
    // Status kind: the status. Rate kinds: the class's most frequent status within the
    // spike, so the spike still links to one guide.
    int status = 0;
    qint64 count = 0;      // of that status (rate kinds: of the whole class) within the spike
    double baseline = 0.0; // expected count per bucket (rolling median)
    double peakScore = 0.0; // how many robust deviations the peak bucket stood above it
};

struct SkipExample
{
    QString file;
    qint64 line = 0; // 1-based
    SkipReason reason = SkipReason::OtherFormat;
    QString text;    // the line, cut to kSkipExampleChars
};

// A line that was read although something about it was unusual (see Deviation).
struct DeviationExample
{
    QString file;
    qint64 line = 0; // 1-based
    Deviation type = Deviation::ExtraFields;
    QString text;    // the line, cut like a skip example
};

// How sure detection was of one format over the sample (start, middle and end of a file).
struct FormatCandidate
{
    QString format;
    double confidence = 0.0;
};

struct TopEntry
{
    QString text;
    int status = 0;
    qint64 count = 0;
};

struct FileFormat
{
    QString file;
    QString format;
    double confidence = 0.0;
    QString wrapper;                  // "docker-compose", "kubectl", "cri", "syslog-rfc3164", … or empty
    QStringList alsoFormats;          // formats of later parts of the file (a config change)
    QList<FormatCandidate> candidates; // every format that read some of the sample, best first
    int sampleLines = 0;
    QString suggestion;               // when under half the sample parsed: the closest format and what to pass
};

// Clients and user agents listed per status: a status's few heaviest senders, whatever the
// source (the per-status paths get the query's top count, as the overall lists).
constexpr int kTopSendersPerStatus = 5;

// What `logs` reports about a set of files: plain values for the CLI and the chart.
struct LogSummary
{
    QStringList files;
    QList<FileFormat> formats; // per file, in the order read
    QString format;            // the first file's format
    qint64 linesTotal = 0;
    qint64 linesParsed = 0;
    qint64 linesSkipped = 0;
    qint64 linesMeta = 0;      // W3C directives and the like: neither requests nor errors
    qint64 linesFiltered = 0;  // outside --from/--to or not matching the ingest's RecordFilter
    std::array<qint64, kSkipReasonCount> skippedByReason{};
    QList<SkipExample> skipExamples;
    std::array<qint64, kDeviationCount> deviationsByType{};
    QList<DeviationExample> deviationExamples; // the first few of each type, in file order
    bool hasTimeRange = false;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    int tzOffsetMinutes = 0; // the log's own offset (of its first record)
    QMap<int, qint64> statusCounts;
    std::array<qint64, 6> classCounts{};
    int bucketSeconds = 60;
    QList<SeriesBucket> buckets;
    MinuteSeries minutes; // for re-bucketing a zoomed range without re-reading the file
    QList<TopEntry> topErrorPaths;
    QMap<int, QList<TopEntry>> topClients;    // per status
    QMap<int, QList<TopEntry>> topUserAgents; // per status
    // Over all statuses (an entry's status is 0): what the GUI's top panels show. The paths
    // only when the ingest was asked for them (IngestOptions::topPaths).
    QList<TopEntry> topPaths;
    QList<TopEntry> topClientsAll;
    QList<TopEntry> topUserAgentsAll;
    QMap<int, QList<TopEntry>> topPathsByStatus; // per status, topCount each (with topPaths)
    bool topListsApproximate = false;
    QList<Spike> spikes;
    std::optional<LatencyPercentiles> latency;
    bool cancelled = false;
    // Problems that did not stop the reading: a .gz cut short, … (file and byte offset).
    QStringList warnings;
};

// Bucket sizes a chart offers: the chosen one keeps a range under ~500 buckets.
int autoBucketSeconds(qint64 spanMs);

// The requested bucket size, widened when it would cut the span into more than
// kMaxSeriesBuckets (1-minute buckets over a 14-year archive would be 7 million).
constexpr qint64 kMaxSeriesBuckets = 20000;
int fitBucketSeconds(qint64 spanMs, int requestedSeconds);

// Buckets of `bucketSeconds` (a multiple of 60) covering [fromMs, toMs], aligned to the
// epoch, empty ones included so gaps show as zero.
QList<SeriesBucket> buildSeries(const MinuteSeries &minutes, int bucketSeconds, qint64 fromMs, qint64 toMs);

struct SummaryOptions
{
    int bucketSeconds = 0; // 0: automatic
    int topCount = 20;
};

// Fills the aggregate parts of a summary (counts, series, top lists, spikes, latency).
void summarize(const LogAggregator &aggregate, const SummaryOptions &options, LogSummary &summary);

} // namespace statusscope::logs
