#pragma once

#include "core/logs/latency_histogram.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/log_record.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
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

// A run of buckets where one status stood far above its rolling baseline.
struct Spike
{
    qint64 startMs = 0;
    qint64 endMs = 0; // exclusive: the end of the last bucket
    int status = 0;
    qint64 count = 0;      // of that status within the spike
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
};

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
    qint64 linesFiltered = 0;  // outside --from/--to
    std::array<qint64, kSkipReasonCount> skippedByReason{};
    QList<SkipExample> skipExamples;
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
