// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/logs/line_parser.h"
#include "core/logs/line_sink.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/log_ingest.h"
#include "core/logs/log_summary.h"

#include <QObject>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

namespace statusscope::logs {

// Follow mode: keeps reading lines appended to a live (plain) log, like `tail -F`. Only
// complete lines are parsed; a partial last line waits for its newline. When the file
// shrinks (truncated or replaced by rotation) reading starts over from its beginning.
// Memory stays bounded as in the ingest: lines are aggregated, never kept.
class LogFollower : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFollower)

public:
    // Longest wait between checks when nothing arrives; poll() may be called at any time.
    static constexpr int kDefaultPollMs = 1000;
    // At most this much is read per poll, so one poll never blocks for long.
    static constexpr qint64 kMaxReadPerPoll = 8 * 1024 * 1024;

    explicit LogFollower(QString path, IngestOptions options = {}, QObject *parent = nullptr);

    // Reads what the file holds now (or skips it with fromEnd) and starts the poll timer.
    // False with error() when the file cannot be opened or its format not told.
    bool start(bool fromEnd = false, int pollMs = kDefaultPollMs);
    // Like start(), but counts only what follows the first `offset` bytes: the part an
    // ingest already read (the GUI's Follow toggle after loading the file).
    bool startAt(qint64 offset, int pollMs = kDefaultPollMs);
    // A smaller read per poll keeps each poll short on a GUI thread (default kMaxReadPerPoll).
    void setMaxReadPerPoll(qint64 bytes) { m_maxReadPerPoll = std::max<qint64>(4096, bytes); }
    void stop();
    // Reads what was appended since the last call; returns the number of new lines.
    qint64 poll();

    QString error() const { return m_error; }
    QString formatName() const;
    qint64 linesRead() const { return m_lines; }
    LogSummary summary() const;

signals:
    void linesAppended(qint64 newLines);
    void fileReset(); // truncated or rotated: counting started over

private:
    bool ensureParser(const QByteArray &head);

    QString m_path;
    IngestOptions m_options;
    std::unique_ptr<LineParser> m_parser;
    LogAggregator m_aggregate;
    std::vector<PendingExample> m_examples;
    LineSink m_sink;
    QTimer m_timer;
    QByteArray m_partial; // bytes after the last newline read so far
    qint64 m_offset = 0;
    qint64 m_maxReadPerPoll = kMaxReadPerPoll;
    qint64 m_lines = 0;
    QString m_error;
};

} // namespace statusscope::logs
