// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_file_load.h"

#include "core/logs/format_detect.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace statusscope::logs {

namespace {

// A batch is sent at this size even before batchRows: very long lines make big rows.
constexpr size_t kMaxBatchBytes = 256 * 1024 * 1024;

} // namespace

FileLoad::FileLoad(ClickHouseHttp &http, LoadTableWriter &loads, const LoadOptions &options, RowEncoding encoding,
                   const std::atomic<bool> &cancelled)
    : m_http(http)
    , m_loads(loads)
    , m_options(options)
    , m_cancelled(cancelled)
    , m_rows(encoding)
    , m_insertSql(m_rows.insertSql(http.endpoint()))
{
    m_aggregate.setCountsOnly(true);
    m_sink.aggregate = &m_aggregate;
    m_sink.examples = &m_examples;
    m_sink.maxLine = options.ingest.maxLineBytes;
}

FileLoad::~FileLoad()
{
    // No early return may leave an insert running against this object's members.
    if (m_onItsWay.insert.isValid())
        m_onItsWay.insert.waitForFinished();
}

SourceError FileLoad::run(const QString &path, LoadedFile &report)
{
    if (!QFileInfo(path).isFile())
        return {SourceErrorKind::File, QStringLiteral("cannot open %1: not a readable file").arg(path)};
    m_path = path;
    m_report = &report;
    m_identity = fileIdentity(path);
    ResumePoint resume;
    if (const SourceError error = findResumePoint(m_http, path, m_identity, resume); error.isError())
        return error;
    m_loads.seenSequence(resume.lastSeq);
    report.restarted = resume.restarted;
    report.fromOffset = report.toOffset = m_batchStart = m_consumed = resume.offset;

    if (const SourceError error = chooseParser(path, report); error.isError() || !m_parser)
        return error;
    primeParser(path, resume.offset);
    FileLines lines(path, m_options.ingest.maxLineBytes);
    if (const SourceError error = lines.open(resume.offset); error.isError())
        return error;
    m_firstBytes = readInflatedHead(path, kFingerprintBytes);
    if (const SourceError error = readLines(lines); error.isError())
        return error;
    if (const SourceError error = flush(); error.isError())
        return error;
    return settle();
}

SourceError FileLoad::chooseParser(const QString &path, LoadedFile &report)
{
    DetectionSample sample;
    if (const SourceError error = readDetectionSample(path, sample); error.isError())
        return error;
    const IngestOptions &ingest = m_options.ingest;
    FormatGuess guess = detectFormat(sample.views(), ingest.format, ingest.customFormat, ingest.jsonFields);
    if (!guess.error.isEmpty())
        return {guess.error.startsWith(QLatin1String("--log-format")) ? SourceErrorKind::Usage : SourceErrorKind::File,
                QStringLiteral("%1: %2").arg(path, guess.error)};
    if (!guess.parser)
        return {};
    report.format = guess.name;
    m_parser = std::move(guess.parser);
    m_sink.parser = m_parser.get();
    return {};
}

void FileLoad::primeParser(const QString &path, qint64 offset)
{
    if (offset == 0 || !m_parser->isStateful())
        return;
    const QByteArray before = readInflatedHead(path, std::min<qint64>(offset, 64 * 1024));
    LogRecord scratch;
    for (const QByteArray &line : before.split('\n')) {
        if (line.startsWith('#'))
            m_parser->parse(std::string_view(line.constData(), size_t(line.size())), scratch);
    }
}

SourceError FileLoad::readLines(FileLines &lines)
{
    FileLine line;
    while (lines.next(line)) {
        if (m_cancelled.load(std::memory_order_relaxed))
            return {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(m_http.endpoint().display())};
        take(line);
        m_consumed = line.end;
        if (m_rows.count() >= m_options.batchRows || m_rows.bytes() >= kMaxBatchBytes) {
            if (const SourceError error = flush(); error.isError())
                return error;
        }
    }
    return lines.error();
}

void FileLoad::take(const FileLine &line)
{
    if (line.tooLong) {
        m_sink.skip(SkipReason::TooLong, line.text, 0);
        return;
    }
    const qint64 before = m_aggregate.parsedLines();
    m_sink.line(line.text, 0);
    if (m_aggregate.parsedLines() != before)
        m_rows.add(m_sink.record);
}

SourceError FileLoad::flush()
{
    const LineCounts now = LineCounts::of(m_aggregate);
    const LineCounts delta = now.minus(m_flushed);
    if (m_consumed == m_batchStart && delta.lines() == 0)
        return {};
    m_rows.sort();
    // The batch before goes first: its row in the load table must precede this one's, and its
    // memory is free before this batch's body is built.
    if (const SourceError error = settle(); error.isError())
        return error;
    m_onItsWay.batch = {m_path, m_identity, m_batchStart, m_consumed,
                        m_firstBytes.left(std::min<qint64>(m_consumed, kFingerprintBytes)), delta};
    m_onItsWay.requests = m_rows.count();
    m_onItsWay.active = true;
    if (m_onItsWay.requests > 0) {
        m_rows.takeInto(m_body);
        m_onItsWay.bodyBytes = m_body.size();
        // One block per INSERT, whatever the server's default: a batch is stored whole or not
        // at all, so a failed batch leaves nothing a re-run would insert twice.
        QUrlQuery settings;
        settings.addQueryItem(QStringLiteral("max_insert_block_size"), QString::number(m_onItsWay.requests));
        // m_body is left alone until settle() has the result.
        m_onItsWay.insert = QtConcurrent::run([this, settings] { return m_http.insert(m_insertSql, m_body, settings); });
    }
    m_flushed = now;
    m_batchStart = m_consumed;
    return {};
}

SourceError FileLoad::settle()
{
    if (!m_onItsWay.active)
        return {};
    m_onItsWay.active = false;
    if (m_onItsWay.requests > 0) {
        const ClickHouseReply inserted = m_onItsWay.insert.result();
        m_onItsWay.insert = {};
        if (!inserted.ok())
            return inserted.error;
        m_bytesSent += m_onItsWay.bodyBytes;
    }
    const AcceptedBatch &batch = m_onItsWay.batch;
    if (const SourceError error = m_loads.record(batch); error.isError())
        return error;
    m_rowsInserted += m_onItsWay.requests;
    m_report->lines += batch.counts.lines();
    m_report->parsed += batch.counts.parsed;
    m_report->skipped += batch.counts.skippedTotal();
    m_report->toOffset = batch.to;
    return {};
}

} // namespace statusscope::logs
