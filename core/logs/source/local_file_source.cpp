// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/local_file_source.h"

#include "core/logs/spike_detector.h"

namespace statusscope::logs {

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
    if (!query.filter.isEmpty()) {
        out.error = {SourceErrorKind::Usage,
                     QStringLiteral("%1: status, path and client filters apply to database sources only").arg(name())};
        return out;
    }
    IngestOptions options = m_options;
    options.fromMs = query.fromMs;
    options.toMs = query.toMs;
    options.bucketSeconds = query.bucketSeconds;
    LogIngest ingest(options);
    {
        const std::lock_guard lock(m_mutex);
        if (m_cancelled.load()) {
            out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name())};
            return out;
        }
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
    m_last = result.summary;
    out.summary = std::move(result.summary);
    if (out.summary.cancelled)
        out.error = {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(name())};
    return out;
}

SourceSeries LocalFileSource::series(const LogQuery &query)
{
    SourceSeries out;
    const qint64 from = std::max(query.fromMs, m_last.firstMs);
    const qint64 to = std::min(query.toMs, m_last.lastMs);
    out.bucketSeconds = fitBucketSeconds(to - from, query.bucketSeconds > 0 ? query.bucketSeconds
                                                                             : autoBucketSeconds(to - from));
    out.buckets = buildSeries(m_last.minutes, out.bucketSeconds, from, to);
    out.spikes = detectSpikes(out.buckets, out.bucketSeconds);
    return out;
}

SourceSamples LocalFileSource::samples(const LogQuery &query, int maxLines)
{
    SourceSamples out;
    out.lines = collectSampleLines(m_paths, m_options, query.fromMs, query.toMs, maxLines, &m_cancelled);
    return out;
}

void LocalFileSource::cancel()
{
    const std::lock_guard lock(m_mutex);
    m_cancelled.store(true);
    if (m_running)
        m_running->cancel();
}

} // namespace statusscope::logs
