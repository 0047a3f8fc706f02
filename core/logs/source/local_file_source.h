// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Access-log files on this machine: the LogIngest reads them on all cores, as before; this
// answers the LogSource questions from its summary. A filter travels into the ingest as its
// RecordFilter, so an unfiltered read takes exactly the path it always took.

#include "core/logs/log_ingest.h"
#include "core/logs/source/log_source.h"

#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>

namespace statusscope::logs {

// The ingest's per-record filter for a source filter (the same requests either way).
RecordFilter toRecordFilter(const LogFilter &filter);

class LocalFileSource final : public LogSource
{
public:
    // With options.liveSeries, partialSeries() shows the minutes read so far of a summary of
    // the whole log (no filter, no range).
    LocalFileSource(QStringList paths, IngestOptions options);

    QString name() const override;
    // Reads the files; the range, bucket size and filter of `query` override the options'.
    SourceSummary summary(const LogQuery &query) override;
    // Re-buckets the minutes of the last summary() when its filter is the query's: no re-read.
    SourceSeries series(const LogQuery &query) override;
    // Re-reads the files from the start until maxLines requests of the range match.
    SourceSamples samples(const LogQuery &query, int maxLines = kMaxSampleLines) override;
    void cancel() override;
    void resetCancel() override { m_cancelled.store(false); }

    PartialSeries partialSeries() const override;
    std::optional<LocalFiles> localFiles() const override { return LocalFiles{m_paths, m_options}; }
    // One plain file (not .gz, not stdin): what a `tail -F` can follow.
    bool canFollow() const override;
    std::unique_ptr<LogFollower> follow(int pollMs, qint64 maxReadPerPoll, QString &error) override;

    // Problems of the last summary() that did not stop the reading (a .gz cut short, …).
    const QStringList &warnings() const { return m_last.summary.warnings; }

private:
    QStringList m_paths;
    IngestOptions m_options;
    // The last summary of the whole time span and the filter it was read with: what series()
    // re-buckets (a clicked bucket's summary does not replace it).
    struct Read
    {
        LogFilter filter;
        LogSummary summary;
    };
    Read m_last;
    qint64 m_readFrom = 0; // the file's size when the last unfiltered read began: follow from here
    std::atomic<bool> m_cancelled{false};
    mutable std::mutex m_mutex;
    LogIngest *m_running = nullptr;
    int m_liveTzOffsetMinutes = 0;
};

} // namespace statusscope::logs
