// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Access-log files on this machine: the LogIngest reads them on all cores, as before; this
// only answers the LogSource questions from its summary.

#include "core/logs/log_ingest.h"
#include "core/logs/source/log_source.h"

#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>

namespace statusscope::logs {

class LocalFileSource final : public LogSource
{
public:
    LocalFileSource(QStringList paths, IngestOptions options);

    QString name() const override;
    // Reads the files (the range and bucket size of `query` override the options'). A filter
    // is a usage error: the local reader counts every request without a per-line filter, so
    // that its speed stays what it is.
    SourceSummary summary(const LogQuery &query) override;
    // Re-buckets the minutes of the last summary(): no re-read.
    SourceSeries series(const LogQuery &query) override;
    SourceSamples samples(const LogQuery &query, int maxLines = kMaxSampleLines) override;
    void cancel() override;
    void resetCancel() override { m_cancelled.store(false); }

    // Problems of the last summary() that did not stop the reading (a .gz cut short, …).
    const QStringList &warnings() const { return m_last.warnings; }

private:
    QStringList m_paths;
    IngestOptions m_options;
    LogSummary m_last;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    LogIngest *m_running = nullptr;
};

} // namespace statusscope::logs
