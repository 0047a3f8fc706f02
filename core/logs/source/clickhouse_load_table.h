// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The load table, a row per batch the server accepted: the file's identity, the bytes loaded
// and the lines of the batch by kind. A re-run reads where the last row stopped, and a reader
// sums the rows for the same skipped-line accounting reading the file itself gives.

#include "core/logs/log_aggregator.h"
#include "core/logs/source/clickhouse_http.h"

#include <QByteArray>
#include <QString>

#include <array>

namespace statusscope::logs {

// The line counters a load-table row carries, taken from the aggregate the lines went through.
struct LineCounts
{
    qint64 parsed = 0;
    qint64 meta = 0;
    std::array<qint64, kSkipReasonCount> skipped{};
    std::array<qint64, kDeviationCount> deviations{};

    static LineCounts of(const LogAggregator &aggregate);
    qint64 skippedTotal() const;
    qint64 lines() const { return parsed + meta + skippedTotal(); }
    LineCounts minus(const LineCounts &before) const;
};

// Where the last run stopped on a file, and whether it is still that file.
struct ResumePoint
{
    qint64 offset = 0;      // 0 for a file never loaded, or rotated or truncated since
    bool restarted = false; // loaded before, but its first bytes changed or it shrank
    quint64 lastSeq = 0;    // the newest row's sequence number
};
SourceError findResumePoint(ClickHouseHttp &http, const QString &path, const QString &identity, ResumePoint &out);

// One batch the server accepted.
struct AcceptedBatch
{
    QString path;
    QString identity;
    qint64 from = 0;
    qint64 to = 0;
    QByteArray head; // the file's first bytes up to `to` (at most a few KiB): its fingerprint
    LineCounts counts;
};

// Writes load-table rows for one target, each with a sequence number above every earlier one.
class LoadTableWriter
{
public:
    explicit LoadTableWriter(ClickHouseHttp &http);
    // A sequence number a row of an earlier run already has: the next row goes above it.
    void seenSequence(quint64 seq);
    SourceError record(const AcceptedBatch &batch);

private:
    ClickHouseHttp &m_http;
    QString m_insertSql;
    quint64 m_lastSeq = 0;
};

// A file is the same file while its first bytes (up to this many) are unchanged.
constexpr qint64 kFingerprintBytes = 4096;

} // namespace statusscope::logs
