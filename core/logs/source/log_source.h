// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where the log tab and `statusscope-cli logs` get their answers: local files read here, or a
// database that aggregates where the logs live. Every source answers the same questions with
// the same plain values (LogSummary, SeriesBucket, SampleLine), so the chart, the spikes, the
// drill-down and the CLI's JSON do not care which one they talk to.

#include "core/logs/log_follower.h"
#include "core/logs/log_ingest.h"
#include "core/logs/log_summary.h"
#include "core/logs/sample_lines.h"
#include "core/logs/source/source_progress.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>

namespace statusscope::logs {

// Which requests count: each non-empty field must match, with the same meaning for every source
// (a file's RecordFilter and a database's WHERE give the same requests).
struct LogFilter
{
    QList<int> statuses; // any of them; 100..599 is one status, 1..5 a whole class (5: 5xx)
    QString pathPrefix;  // the path starts with it
    QString client;      // the client address starts with it ("10.0." keeps a subnet)
    QString method;      // equal, ignoring ASCII case
    QString userAgent;   // contained in the user agent, ignoring ASCII case ("bot", "curl")

    bool isEmpty() const
    {
        return statuses.isEmpty() && pathPrefix.isEmpty() && client.isEmpty() && method.isEmpty() && userAgent.isEmpty();
    }
    bool operator==(const LogFilter &) const = default;
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

// The minutes a running summary() has read so far, so a chart can fill while a long read runs.
struct PartialSeries
{
    MinuteSeries minutes;
    int tzOffsetMinutes = 0; // the log's own zone, as far as it is known yet
};

// Files on this machine behind a source: what the raw lines panel re-reads with context and
// what exports name.
struct LocalFiles
{
    QStringList paths;
    IngestOptions options;
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
    // The first requests of a range that match query.filter (a clicked bar, a spike's status),
    // at most maxLines.
    virtual SourceSamples samples(const LogQuery &query, int maxLines = kMaxSampleLines) = 0;
    virtual void cancel() = 0;
    virtual void resetCancel() = 0;

    // Safe from any thread while summary() runs; empty when the source cannot tell (a database
    // answers a query whole).
    virtual PartialSeries partialSeries() const { return {}; }
    // The files behind the source; nullopt for a database.
    virtual std::optional<LocalFiles> localFiles() const { return std::nullopt; }
    // Whether follow() can keep reading what is appended after the last summary().
    virtual bool canFollow() const { return false; }
    // A follower already polling every pollMs (at most maxReadPerPoll bytes a poll), counting
    // only what was appended after the last summary() began; nullptr with `error` set when
    // the source cannot be followed or the file cannot be opened. Lives on the calling thread.
    virtual std::unique_ptr<LogFollower> follow(int pollMs, qint64 maxReadPerPoll, QString &error)
    {
        Q_UNUSED(pollMs);
        Q_UNUSED(maxReadPerPoll);
        error = QStringLiteral("%1 cannot be followed").arg(name());
        return nullptr;
    }
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
