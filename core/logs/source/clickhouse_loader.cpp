// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logs/source/clickhouse_loader.h"

#include "core/logs/format_detect.h"
#include "core/logs/line_sink.h"
#include "core/logs/log_aggregator.h"
#include "core/logs/source/clickhouse_schema.h"
#include "core/logs/source/clickhouse_tsv.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <string>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace statusscope::logs {

namespace {

// Detection looks at what the local reader's looks at: 64 KiB of the start and, for a plain
// file, 32 KiB of its middle and of its end.
constexpr qint64 kSampleBytes = 64 * 1024;
constexpr qint64 kTailSampleBytes = 32 * 1024;
// A file is the same file while its first bytes (up to this many) are unchanged.
constexpr qint64 kHeadBytes = 4096;
constexpr unsigned kReadBytes = 1024 * 1024;
// A batch is sent at this size even before batchRows: very long lines make big rows.
constexpr size_t kMaxBatchBytes = 64 * 1024 * 1024;

class GzFile
{
public:
    explicit GzFile(const QString &path)
        : m_file(gzopen(QFile::encodeName(path).constData(), "rb"))
    {
        if (m_file)
            gzbuffer(m_file, kReadBytes);
    }
    ~GzFile()
    {
        if (m_file)
            gzclose(m_file);
    }
    GzFile(const GzFile &) = delete;
    GzFile &operator=(const GzFile &) = delete;
    gzFile get() const { return m_file; }

private:
    gzFile m_file;
};

// Reads up to `bytes` of the inflated stream from its start.
QByteArray readHead(const QString &path, qint64 bytes)
{
    GzFile file(path);
    if (!file.get())
        return {};
    QByteArray out(bytes, '\0');
    const int n = gzread(file.get(), out.data(), unsigned(bytes));
    out.resize(std::max(0, n));
    return out;
}

QString sha1Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

// One request as a row of requestColumns().
void appendRow(std::string &out, const LogRecord &record)
{
    // DateTime holds 1970..2106: a time outside is clamped rather than failing the batch.
    const qint64 ms = std::clamp<qint64>(record.timeMs, 0, qint64(0xFFFFFFFF) * 1000 + 999);
    TsvRow(out)
        .number(ms / 1000)
        .number(ms % 1000)
        .number(record.tzOffsetMinutes)
        .number(record.status)
        .text(record.method)
        .text(record.path)
        .text(record.client)
        .text(record.userAgent)
        .number(record.bytes)
        .number(record.durationMs)
        .end();
}

// The counters a load-table row carries, taken from the aggregate the lines went through.
struct Counts
{
    qint64 parsed = 0;
    qint64 meta = 0;
    std::array<qint64, kSkipReasonCount> skipped{};
    std::array<qint64, kDeviationCount> deviations{};

    static Counts of(const LogAggregator &aggregate)
    {
        Counts c;
        c.parsed = aggregate.parsedLines() + aggregate.filteredLines();
        c.meta = aggregate.metaLines();
        for (int i = 0; i < kSkipReasonCount; ++i)
            c.skipped[size_t(i)] = aggregate.skipped(static_cast<SkipReason>(i));
        for (int i = 0; i < kDeviationCount; ++i)
            c.deviations[size_t(i)] = aggregate.deviations(static_cast<Deviation>(i));
        return c;
    }
    qint64 skippedTotal() const
    {
        qint64 n = 0;
        for (qint64 s : skipped)
            n += s;
        return n;
    }
    qint64 lines() const { return parsed + meta + skippedTotal(); }
    Counts minus(const Counts &before) const
    {
        Counts d;
        d.parsed = parsed - before.parsed;
        d.meta = meta - before.meta;
        for (size_t i = 0; i < skipped.size(); ++i)
            d.skipped[i] = skipped[i] - before.skipped[i];
        for (size_t i = 0; i < deviations.size(); ++i)
            d.deviations[i] = deviations[i] - before.deviations[i];
        return d;
    }
};

} // namespace

QString fileIdentity(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) == 0)
        return QStringLiteral("%1:%2").arg(quint64(st.st_dev)).arg(quint64(st.st_ino));
#endif
    return QFileInfo(path).absoluteFilePath();
}

ClickHouseLoader::ClickHouseLoader(ClickHouseEndpoint target, LoadOptions options, int timeoutSeconds)
    : m_http(std::move(target), timeoutSeconds)
    , m_options(std::move(options))
{
}

void ClickHouseLoader::cancel()
{
    m_cancelled.store(true);
    m_http.cancel();
}

SourceError ClickHouseLoader::prepareTables(bool &created)
{
    const ClickHouseEndpoint &target = m_http.endpoint();
    const ClickHouseReply exists = m_http.query(QStringLiteral("EXISTS TABLE %1 FORMAT TabSeparated").arg(target.qualifiedTable()));
    if (!exists.ok())
        return exists.error;
    created = exists.body.trimmed() != "1";
    if (created) {
        const ClickHouseReply made = m_http.query(requestTableDdl(target));
        if (!made.ok())
            return made.error;
    }
    const ClickHouseReply columns = m_http.query(
        QStringLiteral("SELECT name FROM system.columns WHERE database = %1 AND table = %2 FORMAT TabSeparated")
            .arg(sqlString(target.database), sqlString(target.table)));
    if (!columns.ok())
        return columns.error;
    const QList<QByteArray> have = columns.body.split('\n');
    for (const QString &column : requestColumns()) {
        if (!have.contains(column.toUtf8()))
            return {SourceErrorKind::Missing,
                    QStringLiteral("%1: table %2 has no column %3, so it is not a table `logs --to` made (see --print-ddl)")
                        .arg(target.display(), target.dbTable(), column)};
    }
    const ClickHouseReply loads = m_http.query(loadTableDdl(target));
    return loads.ok() ? SourceError{} : loads.error;
}

LoadReport ClickHouseLoader::load(const QStringList &paths)
{
    LoadReport report;
    report.error = prepareTables(report.createdTable);
    if (report.error.isError())
        return report;
    for (const QString &path : paths) {
        LoadedFile file;
        file.path = path;
        report.error = loadFile(path, file, report.rowsInserted);
        report.files.push_back(file);
        if (report.error.isError())
            return report;
        if (m_fileDone)
            m_fileDone(file);
    }
    return report;
}

SourceError ClickHouseLoader::loadFile(const QString &path, LoadedFile &report, qint64 &rowsInserted)
{
    const ClickHouseEndpoint &target = m_http.endpoint();
    const QFileInfo info(path);
    if (!info.isFile())
        return {SourceErrorKind::File, QStringLiteral("cannot open %1: not a readable file").arg(path)};
    const QString identity = fileIdentity(path);
    const QString targetName = sqlString(target.dbTable());

    // Where the last run stopped, and whether this is still that file.
    const ClickHouseReply previous = m_http.query(
        QStringLiteral("SELECT count(), argMax(to_offset, seq), argMax(head_len, seq), argMax(head_hash, seq), max(seq) "
                       "FROM %1 WHERE target = %2 AND file_id = %3 FORMAT TabSeparated")
            .arg(target.qualified(loadTableName()), targetName, sqlString(identity)));
    if (!previous.ok())
        return previous.error;
    const QList<QByteArray> state = previous.body.trimmed().split('\t');
    qint64 offset = 0;
    if (state.size() >= 5 && state[0].toLongLong() > 0) {
        const qint64 loaded = state[1].toLongLong();
        const qint64 headLen = state[2].toLongLong();
        const QByteArray head = readHead(path, headLen);
        const bool plainShrunk = !path.endsWith(QLatin1String(".gz")) && info.size() < loaded;
        if (head.size() == headLen && sha1Hex(head) == QString::fromLatin1(state[3]) && !plainShrunk)
            offset = loaded;
        else
            report.restarted = true;
        m_lastSeq = std::max<quint64>(m_lastSeq, state[4].toULongLong());
    }
    report.fromOffset = offset;
    report.toOffset = offset;

    const QByteArray head = readHead(path, kSampleBytes);
    std::vector<std::string_view> samples{std::string_view(head.constData(), size_t(head.size()))};
    QByteArray middle;
    QByteArray end;
    {
        QFile raw(path);
        if (!raw.open(QIODevice::ReadOnly))
            return {SourceErrorKind::File, QStringLiteral("cannot open %1: %2").arg(path, raw.errorString())};
        const QByteArray magic = raw.peek(2);
        const bool gz = magic.size() == 2 && uchar(magic[0]) == 0x1f && uchar(magic[1]) == 0x8b;
        if (!gz && info.size() > kSampleBytes) {
            if (raw.seek(info.size() / 2))
                middle = raw.read(kTailSampleBytes);
            if (raw.seek(info.size() - kTailSampleBytes))
                end = raw.read(kTailSampleBytes);
            if (!middle.isEmpty() && !end.isEmpty()) {
                samples.emplace_back(middle.constData(), size_t(middle.size()));
                samples.emplace_back(end.constData(), size_t(end.size()));
            }
        }
    }
    const IngestOptions &ingest = m_options.ingest;
    FormatGuess guess = detectFormat(samples, ingest.format, ingest.customFormat, ingest.jsonFields);
    if (!guess.error.isEmpty())
        return {guess.error.startsWith(QLatin1String("--log-format")) ? SourceErrorKind::Usage : SourceErrorKind::File,
                QStringLiteral("%1: %2").arg(path, guess.error)};
    if (!guess.parser)
        return {};
    report.format = guess.name;
    LineParser &parser = *guess.parser;
    LogRecord scratch;
    // A stateful format (W3C's #Fields:) resumed mid-file learns its fields from the directives
    // of the part already loaded.
    if (offset > 0 && parser.isStateful()) {
        const QByteArray before = readHead(path, std::min<qint64>(offset, kSampleBytes));
        for (const QByteArray &line : before.split('\n')) {
            if (line.startsWith('#'))
                parser.parse(std::string_view(line.constData(), size_t(line.size())), scratch);
        }
    }

    GzFile file(path);
    if (!file.get())
        return {SourceErrorKind::File, QStringLiteral("cannot open %1").arg(path)};
    if (offset > 0 && gzseek(file.get(), z_off_t(offset), SEEK_SET) != z_off_t(offset))
        return {SourceErrorKind::File, QStringLiteral("%1: cannot seek to byte %2").arg(path).arg(offset)};
    const QByteArray firstBytes = readHead(path, kHeadBytes);

    LogAggregator aggregate;
    std::vector<PendingExample> examples;
    LineSink sink;
    sink.parser = &parser;
    sink.aggregate = &aggregate;
    sink.examples = &examples;
    sink.maxLine = ingest.maxLineBytes;
    Counts flushed;
    std::string rows;
    qint64 batchRows = 0;
    qint64 consumed = offset; // bytes of complete lines handled
    qint64 batchStart = offset;
    const QString insertRows = QStringLiteral("INSERT INTO %1 (%2) FORMAT TabSeparated")
                                   .arg(target.qualifiedTable(), requestColumns().join(QStringLiteral(", ")));
    QStringList loadColumns{QStringLiteral("target"),      QStringLiteral("file_id"),     QStringLiteral("path"),
                            QStringLiteral("seq"),         QStringLiteral("loaded_at"),   QStringLiteral("from_offset"),
                            QStringLiteral("to_offset"),   QStringLiteral("head_len"),    QStringLiteral("head_hash"),
                            QStringLiteral("lines"),       QStringLiteral("parsed"),      QStringLiteral("meta")};
    loadColumns += skipColumns() + deviationColumns();
    const QString insertLoad = QStringLiteral("INSERT INTO %1 (%2) FORMAT TabSeparated")
                                   .arg(target.qualified(loadTableName()), loadColumns.join(QStringLiteral(", ")));

    // A batch on its way: its rows are inserted on a pool thread while the next batch is
    // parsed here (the server parses TSV while this parses the log); its load-table row is
    // written only after the insert succeeded, so an interrupted run never records rows it
    // did not store. The destructor waits, so no early return leaves an insert behind.
    struct InFlight
    {
        QFuture<ClickHouseReply> insert;
        std::string rows;
        Counts delta;
        qint64 from = 0;
        qint64 to = 0;
        qint64 requests = 0;
        bool active = false;
        InFlight() = default;
        InFlight(const InFlight &) = delete;
        InFlight &operator=(const InFlight &) = delete;
        ~InFlight()
        {
            if (insert.isValid())
                insert.waitForFinished();
        }
    };
    InFlight inFlight;
    const auto settle = [&]() -> SourceError {
        if (!inFlight.active)
            return {};
        inFlight.active = false;
        if (!inFlight.rows.empty()) {
            const ClickHouseReply inserted = inFlight.insert.result();
            if (!inserted.ok())
                return inserted.error;
            m_bytesSent += qint64(inFlight.rows.size());
        }
        const Counts &delta = inFlight.delta;
        const QByteArray headPart = firstBytes.left(std::min<qint64>(inFlight.to, kHeadBytes));
        m_lastSeq = std::max<quint64>(m_lastSeq + 1, quint64(QDateTime::currentMSecsSinceEpoch()));
        std::string row;
        TsvRow fields(row);
        for (const QString &text : {target.dbTable(), identity, path})
            fields.text(text.toStdString());
        for (qint64 n : {qint64(m_lastSeq), QDateTime::currentSecsSinceEpoch(), inFlight.from, inFlight.to,
                         qint64(headPart.size())})
            fields.number(n);
        fields.text(sha1Hex(headPart).toStdString());
        for (qint64 n : {delta.lines(), delta.parsed, delta.meta})
            fields.number(n);
        for (qint64 n : delta.skipped)
            fields.number(n);
        for (qint64 n : delta.deviations)
            fields.number(n);
        fields.end();
        const ClickHouseReply recorded = m_http.insert(insertLoad, QByteArray::fromStdString(row));
        if (!recorded.ok())
            return recorded.error;
        rowsInserted += inFlight.requests;
        report.lines += delta.lines();
        report.parsed += delta.parsed;
        report.skipped += delta.skippedTotal();
        report.toOffset = inFlight.to;
        return {};
    };
    const auto flush = [&]() -> SourceError {
        const Counts now = Counts::of(aggregate);
        const Counts delta = now.minus(flushed);
        if (consumed == batchStart && delta.lines() == 0)
            return {};
        const SourceError previous = settle();
        if (previous.isError())
            return previous;
        inFlight.rows.swap(rows);
        rows.clear();
        inFlight.delta = delta;
        inFlight.from = batchStart;
        inFlight.to = consumed;
        inFlight.requests = batchRows;
        inFlight.active = true;
        if (!inFlight.rows.empty()) {
            const QByteArray body = QByteArray::fromRawData(inFlight.rows.data(), qsizetype(inFlight.rows.size()));
            inFlight.insert = QtConcurrent::run([this, &insertRows, body] { return m_http.insert(insertRows, body); });
        }
        flushed = now;
        batchRows = 0;
        batchStart = consumed;
        return {};
    };
    const auto take = [&](std::string_view line) {
        const qint64 before = aggregate.parsedLines();
        sink.line(line, 0);
        if (aggregate.parsedLines() != before) {
            appendRow(rows, sink.record);
            ++batchRows;
        }
    };

    std::string chunk(kReadBytes, '\0');
    std::string carry;
    bool overLong = false; // the carried line already passed the limit: too_long, its bytes dropped
    qint64 carryBytes = 0;
    for (;;) {
        if (m_cancelled.load())
            return {SourceErrorKind::Cancelled, QStringLiteral("%1: cancelled").arg(target.display())};
        const int n = gzread(file.get(), chunk.data(), kReadBytes);
        if (n < 0) {
            int code = 0;
            const char *why = gzerror(file.get(), &code);
            return {SourceErrorKind::File, QStringLiteral("%1: %2").arg(path, QString::fromUtf8(why ? why : "read error"))};
        }
        if (n == 0)
            break;
        std::string_view rest(chunk.data(), size_t(n));
        for (;;) {
            const size_t nl = rest.find('\n');
            if (nl == std::string_view::npos) {
                carryBytes += qint64(rest.size());
                if (!overLong)
                    carry.append(rest);
                if (carry.size() > size_t(ingest.maxLineBytes) + 1) {
                    if (!overLong)
                        carry.resize(size_t(kSkipExampleBytes));
                    overLong = true;
                }
                break;
            }
            const std::string_view piece = rest.substr(0, nl);
            consumed += carryBytes + qint64(nl) + 1;
            if (overLong) {
                sink.skip(SkipReason::TooLong, carry, 0);
            } else if (!carry.empty()) {
                carry.append(piece);
                take(carry);
            } else {
                take(piece);
            }
            carry.clear();
            carryBytes = 0;
            overLong = false;
            rest.remove_prefix(nl + 1);
            if (batchRows >= m_options.batchRows || rows.size() >= kMaxBatchBytes) {
                const SourceError error = flush();
                if (error.isError())
                    return error;
            }
        }
    }
    const SourceError last = flush();
    if (last.isError())
        return last;
    return settle();
}

} // namespace statusscope::logs
