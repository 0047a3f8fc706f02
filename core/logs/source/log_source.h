// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the log tab and `statusscope-cli logs` get their answers: local files read here, or a
// database that aggregates where the logs live. Every source answers the same questions with
// the same plain values (LogSummary, SeriesBucket, SampleLine), so the chart, the spikes, the
// drill-down and the CLI's JSON do not care which one they talk to.

#include "core/logs/log_summary.h"
#include "core/logs/sample_lines.h"
#include "core/logs/source/source_progress.h"

#include <QList>
#include <QString>

#include <limits>

namespace statusscope::logs {

// Which requests count. A status entry 100..599 is one status; 1..5 is a whole class (5xx).
struct LogFilter
{
    QList<int> statuses;
    QString pathPrefix;
    QString client;

    bool isEmpty() const { return statuses.isEmpty() && pathPrefix.isEmpty() && client.isEmpty(); }
};

struct LogQuery
{
    qint64 fromMs = std::numeric_limits<qint64>::min(); // UTC, inclusive
    qint64 toMs = std::numeric_limits<qint64>::max();   // UTC, inclusive
    int bucketSeconds = 0;                               // 0: automatic
    LogFilter filter;
    int topCount = 20;
};

// Why a source could not answer: the CLI maps each to its exit code, the GUI to its message.
enum class SourceErrorKind {
    None,
    Usage,       // a bad option for this source (a filter a local file cannot apply, …)
    File,        // a local file cannot be read
    Connect,     // the server cannot be reached (refused, unknown host, TLS)
    Auth,        // wrong user or password
    Missing,     // unknown database, table or column
    Timeout,     // the query ran past its time limit
    Interrupted, // the connection closed in the middle of a query
    Server,      // any other exception the server reported
    Cancelled,   // the user cancelled
};

struct SourceError
{
    SourceErrorKind kind = SourceErrorKind::None;
    QString message; // names the source, never empty when kind != None

    bool isError() const { return kind != SourceErrorKind::None; }
};

struct SourceSummary
{
    LogSummary summary;
    SourceError error;
};

// A zoomed range: fresh buckets of a new size, and the spikes within them.
struct SourceSeries
{
    int bucketSeconds = 60;
    QList<SeriesBucket> buckets;
    QList<Spike> spikes;
    SourceError error;
};

struct SourceSamples
{
    QList<SampleLine> lines;
    SourceError error;
};

// Blocking calls, to be run off the GUI thread, one at a time; cancel() may be called from any
// thread and makes the running call, and every later one, return a Cancelled error soon, until
// resetCancel(). Whoever starts a user action resets before it queues the call, so a cancel
// that comes while the call waits for its thread still applies to it.
class LogSource
{
public:
    virtual ~LogSource() = default;
    LogSource(const LogSource &) = delete;
    LogSource &operator=(const LogSource &) = delete;

    // How messages and the report's "files" name this source (never holds a password).
    virtual QString name() const = 0;
    // The overview: counts, the series, spikes, top lists, latency and skipped-line accounting.
    virtual SourceSummary summary(const LogQuery &query) = 0;
    // Only the series of [fromMs, toMs] at a bucket size (zooming re-buckets).
    virtual SourceSeries series(const LogQuery &query) = 0;
    // The first requests of a range (a clicked bar), at most maxLines.
    virtual SourceSamples samples(const LogQuery &query, int maxLines = kMaxSampleLines) = 0;
    virtual void cancel() = 0;
    virtual void resetCancel() = 0;
    // Set before the first call (and cleared after the last); a source that cannot tell how
    // far it is never calls it.
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

protected:
    LogSource() = default;
    const ProgressHandler &progressHandler() const { return m_progress; }

private:
    ProgressHandler m_progress;
};

} // namespace statusscope::logs
