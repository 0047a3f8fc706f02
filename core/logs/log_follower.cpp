// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/log_follower.h"

#include "core/logs/format_detect.h"

#include <QFile>

namespace statusscope::logs {

LogFollower::LogFollower(QString path, IngestOptions options, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_options(std::move(options))
    , m_aggregate(m_options.fromMs, m_options.toMs, m_options.filter)
{
    m_aggregate.setCountPaths(m_options.topPaths);
    m_sink.aggregate = &m_aggregate;
    m_sink.examples = &m_examples;
    m_sink.maxLine = m_options.maxLineBytes;
    connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
}

bool LogFollower::ensureParser(const QByteArray &head)
{
    if (m_parser)
        return true;
    FormatGuess guess = detectFormat(std::string_view(head.constData(), size_t(head.size())), m_options.format,
                                     m_options.customFormat, m_options.jsonFields);
    if (!guess.parser) {
        m_error = guess.error.isEmpty() ? QStringLiteral("%1: format not recognised").arg(m_path) : guess.error;
        return false;
    }
    m_parser = std::move(guess.parser);
    m_sink.parser = m_parser.get();
    return true;
}

bool LogFollower::start(bool fromEnd, int pollMs)
{
    return startAt(fromEnd ? -1 : 0, pollMs);
}

bool LogFollower::startAt(qint64 offset, int pollMs)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot open %1: %2").arg(m_path, file.errorString());
        return false;
    }
    const QByteArray head = file.read(64 * 1024);
    if (!head.isEmpty() && !ensureParser(head))
        return false;
    m_offset = offset < 0 ? file.size() : offset;
    file.close();
    poll();
    m_timer.start(pollMs);
    return true;
}

void LogFollower::stop()
{
    m_timer.stop();
}

QString LogFollower::formatName() const
{
    return m_parser ? m_parser->formatName() : QString();
}

qint64 LogFollower::poll()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return 0; // rotated away for a moment: the next poll finds the new file
    const qint64 size = file.size();
    if (size < m_offset) {
        // Truncated or replaced by a smaller file: what follows is a new log.
        m_aggregate = LogAggregator(m_options.fromMs, m_options.toMs, m_options.filter);
        m_aggregate.setCountPaths(m_options.topPaths);
        m_examples.clear();
        m_partial.clear();
        m_offset = 0;
        m_lines = 0;
        emit fileReset();
    }
    if (size == m_offset || !file.seek(m_offset))
        return 0;
    const QByteArray chunk = file.read(std::min(m_maxReadPerPoll, size - m_offset));
    m_offset += chunk.size();
    QByteArray data = m_partial + chunk;
    const qsizetype lastNewline = data.lastIndexOf('\n');
    if (lastNewline < 0) {
        m_partial = data;
        return 0;
    }
    m_partial = data.mid(lastNewline + 1);
    data.truncate(lastNewline + 1);
    if (!ensureParser(data))
        return 0;
    const std::string_view view(data.constData(), size_t(data.size()));
    const qint64 before = m_lines;
    size_t pos = 0;
    while (pos < view.size()) {
        const size_t nl = view.find('\n', pos);
        m_sink.line(view.substr(pos, nl - pos), m_lines++);
        pos = nl + 1;
    }
    const qint64 added = m_lines - before;
    if (added > 0)
        emit linesAppended(added);
    return added;
}

LogSummary LogFollower::summary() const
{
    LogSummary out;
    out.files = {m_path};
    out.format = formatName();
    FileFormat format;
    format.file = m_path;
    format.format = out.format;
    format.confidence = 1.0;
    out.formats = {format};
    SummaryOptions options;
    options.bucketSeconds = m_options.bucketSeconds;
    summarize(m_aggregate, options, out);
    std::array<int, kDeviationCount> deviationExamples{};
    for (const PendingExample &example : m_examples) {
        const QString text = QString::fromUtf8(example.text.data(), qsizetype(example.text.size()));
        if (example.deviation >= 0) {
            if (deviationExamples[size_t(example.deviation)]++ < kMaxDeviationExamples)
                out.deviationExamples.push_back({m_path, example.lineInChunk + 1, Deviation(example.deviation), text});
        } else if (out.skipExamples.size() < kMaxSkipExamples) {
            out.skipExamples.push_back({m_path, example.lineInChunk + 1, example.reason, text});
        }
    }
    return out;
}

} // namespace statusscope::logs
