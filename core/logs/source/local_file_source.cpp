// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/local_file_source.h"

#include "core/logs/spike_detector.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace statusscope::logs {

namespace {

// The ingest reports after every window (128 KiB); the handler hears at most this often.
constexpr qint64 kProgressIntervalMs = 100;

std::string utf8(const QString &text)
{
    return text.toStdString();
}

bool isWholeSpan(const LogQuery &query)
{
    return query.fromMs == std::numeric_limits<qint64>::min() && query.toMs == std::numeric_limits<qint64>::max();
}

} // namespace

RecordFilter toRecordFilter(const LogFilter &filter)
{
    RecordFilter out;
    out.statuses.assign(filter.statuses.cbegin(), filter.statuses.cend());
    out.pathPrefix = utf8(filter.pathPrefix);
    out.client = utf8(filter.client);
    out.method = utf8(filter.method);
    out.userAgent = utf8(filter.userAgent);
    return out;
}

LocalFileSource::LocalFileSource(QStringList paths, IngestOptions options)
    : m_paths(std::move(paths))
    , m_options(std::move(options))
{
}

QString LocalFileSource::name() const
{
    return m_paths.join(QStringLiteral(", "));
}

SourceSummary LocalFileSource::summary(const LogQuery &query)
{
    SourceSummary out;
    IngestOptions options = m_options;
    options.fromMs = query.fromMs;
    options.toMs = query.toMs;
    options.bucketSeconds = query.bucketSeconds;
    options.filter = toRecordFilter(query.filter);
    const bool wholeLog = isWholeSpan(query) && query.filter.isEmpty();
    // Only the first read of the whole log is watched filling; a recount or a bucket's read
    // skips the cost of the live series.
    options.liveSeries = m_options.liveSeries && wholeLog;
    if (wholeLog && m_paths.size() == 1)
        m_readFrom = QFileInfo(m_paths.front()).size();
    LogIngest ingest(options);
    if (const ProgressHandler &handler = progressHandler()) {
        auto clock = std::make_shared<QElapsedTimer>();
        auto last = std::make_shared<std::atomic<qint64>>(-kProgressIntervalMs);
        clock->start();
        ingest.setProgressCallback([handler, clock, last](qint64 done, qint64 total) {
            const qint64 now = clock->elapsed();
            qint64 before = last->load();
            // One worker wins the report of each interval; the others return at once.
            if (now - before < kProgressIntervalMs || !last->compare_exchange_strong(before, now))
                return;
            handler(SourceProgress{QStringLiteral("reading"), done, total, double(now) / 1000.0, QStringLiteral("bytes")});
        });
    }
    {
        const std::lock_guard lock(m_mutex);
        if (m_cancelled.load()) {
            out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name())};
            return out;
        }
        // Draw in the log's own zone from the first partial series, not UTC until the end:
        // reading the first 64 KiB for it takes a millisecond.
        m_liveTzOffsetMinutes = options.liveSeries && !m_paths.isEmpty()
                                    ? firstTzOffsetMinutes(m_paths.front(), options).value_or(0)
                                    : 0;
        m_running = &ingest;
    }
    IngestResult result = ingest.run(m_paths);
    {
        const std::lock_guard lock(m_mutex);
        m_running = nullptr;
    }
    if (!result.ok()) {
        // A bad pasted server format is the caller's option, not a file problem.
        out.error = {result.error.startsWith(QLatin1String("--log-format")) ? SourceErrorKind::Usage
                                                                             : SourceErrorKind::File,
                     result.error};
        return out;
    }
    out.summary = std::move(result.summary);
    if (out.summary.cancelled) {
        out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name())};
        return out;
    }
    if (isWholeSpan(query))
        m_last = {query.filter, out.summary};
    return out;
}

SourceSeries LocalFileSource::series(const LogQuery &query)
{
    SourceSeries out;
    // The minutes of the last summary hold every request of its filter: zooming into it
    // re-buckets them without reading. Another filter needs its own read.
    if (query.filter != m_last.filter) {
        LogQuery whole = query;
        whole.fromMs = std::numeric_limits<qint64>::min();
        whole.toMs = std::numeric_limits<qint64>::max();
        const SourceSummary read = summary(whole);
        if (read.error.isError()) {
            out.error = read.error;
            return out;
        }
    }
    const LogSummary &last = m_last.summary;
    if (!last.hasTimeRange)
        return out;
    const qint64 from = std::max(query.fromMs, last.firstMs);
    const qint64 to = std::min(query.toMs, last.lastMs);
    out.bucketSeconds = fitBucketSeconds(to - from, query.bucketSeconds > 0 ? query.bucketSeconds
                                                                             : autoBucketSeconds(to - from));
    out.buckets = buildSeries(last.minutes, out.bucketSeconds, from, to);
    out.spikes = detectSpikes(out.buckets, out.bucketSeconds);
    return out;
}

SourceSamples LocalFileSource::samples(const LogQuery &query, int maxLines)
{
    SourceSamples out;
    IngestOptions options = m_options;
    options.filter = toRecordFilter(query.filter);
    out.lines = collectSampleLines(m_paths, options, query.fromMs, query.toMs, maxLines, &m_cancelled);
    if (m_cancelled.load())
        out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name())};
    return out;
}

void LocalFileSource::cancel()
{
    const std::lock_guard lock(m_mutex);
    m_cancelled.store(true);
    if (m_running)
        m_running->cancel();
}

PartialSeries LocalFileSource::partialSeries() const
{
    const std::lock_guard lock(m_mutex);
    if (!m_running)
        return {};
    return {m_running->liveMinutes(), m_liveTzOffsetMinutes};
}

bool LocalFileSource::canFollow() const
{
    if (m_paths.size() != 1 || m_paths.front() == QLatin1String("-"))
        return false;
    QFile file(m_paths.front());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(2) != QByteArray("\x1f\x8b", 2); // gzip: appends are not readable live
}

std::unique_ptr<LogFollower> LocalFileSource::follow(int pollMs, qint64 maxReadPerPoll, QString &error)
{
    if (!canFollow()) {
        error = QStringLiteral("%1: only one plain file can be followed").arg(name());
        return nullptr;
    }
    IngestOptions options = m_options;
    options.liveSeries = false;
    auto follower = std::make_unique<LogFollower>(m_paths.front(), options);
    follower->setMaxReadPerPoll(maxReadPerPoll);
    if (!follower->startAt(m_readFrom, pollMs)) {
        error = QStringLiteral("%1: %2").arg(name(), follower->error());
        return nullptr;
    }
    return follower;
}

} // namespace statusscope::logs
