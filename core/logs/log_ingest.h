// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/json_line_parser.h"
#include "core/logs/log_summary.h"
#include "core/logs/record_filter.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace statusscope::logs {

struct IngestOptions
{
    // Lines longer than this are counted as too_long, not parsed: Apache's default
    // LimitRequestLine (8190) caps a real request line near 8 KiB, and the whole log line
    // adds a referrer and an agent; a longer line is a merged record or an attack payload.
    static constexpr int kDefaultMaxLineBytes = 4096;
    // Each worker reads the file one window at a time into a buffer it reuses, so resident
    // memory stays at threads × window whatever the file's size. 128 KiB holds ~500 lines:
    // a read() per window costs well under 1 % of parsing them, and two workers hold 0.25 MiB
    // of the file (the 2 MiB mapped windows before held 4 MiB: a fifth of the peak RSS on a
    // 1M-line log).
    static constexpr qint64 kDefaultWindowBytes = 128 * 1024;

    QString format = QStringLiteral("auto");
    QString customFormat; // a pasted Apache LogFormat or nginx log_format; wins over format
    JsonFieldPaths jsonFields; // --json-field ROLE=PATH for JSON lines
    int threads = 0;      // 0: all cores
    int bucketSeconds = 0; // 0: automatic
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
    RecordFilter filter; // records it rejects count as filtered, like those outside from/to
    int maxLineBytes = kDefaultMaxLineBytes;
    qint64 windowBytes = kDefaultWindowBytes;
    bool liveSeries = false; // keep a minute series the GUI can poll while reading
    bool topPaths = false;   // count every path for LogSummary::topPaths (the GUI's panel)
};

struct IngestResult
{
    LogSummary summary;
    QString error; // empty on success: the file and what went wrong
    bool ok() const { return error.isEmpty(); }
};

// Reads access logs into a LogSummary without keeping records. Plain files are read
// in windows and parsed on all cores (windows start and end on line ends); .gz files and
// stdin ("-") are inflated by zlib on the calling thread while workers parse blocks.
// Several files aggregate into one summary, read in the time order of their first record
// (a rotated series access.log.3.gz … access.log). run() blocks; cancel() and the progress
// callback may be used from any thread.
class LogIngest
{
public:
    using ProgressCallback = std::function<void(qint64 bytesDone, qint64 bytesTotal)>;

    explicit LogIngest(IngestOptions options = {});
    ~LogIngest();
    LogIngest(const LogIngest &) = delete;
    LogIngest &operator=(const LogIngest &) = delete;

    // Called from worker threads, at most once per window or block.
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    IngestResult run(const QStringList &paths);
    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }

    // With options.liveSeries: the minutes read so far (thread-safe copy).
    MinuteSeries liveMinutes() const;

    struct Shared;

private:
    IngestOptions m_options;
    ProgressCallback m_progress;
    std::atomic<bool> m_cancelled{false};
    std::unique_ptr<Shared> m_shared;
};

// Inflates a whole .gz (or plain) file through zlib; for tests and the follow mode's first read.
QByteArray readMaybeCompressed(const QString &path, QString *error);

} // namespace statusscope::logs
